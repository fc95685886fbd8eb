/* fw-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-csv.h"

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c): the state field
 * is public in csv.h, its values are not. */
#define LIBCSV_ROW_NOT_BEGUN 0

/* Lines are fed to libcsv in pieces of at most this size, so that a huge
 * field is noticed long before it has all been accumulated. */
#define FEED_BYTES      (64 * 1024)
#define SNIFF_BYTES     (64 * 1024)
#define MAX_ROW_BYTES   (8 * FW_CSV_MAX_FIELD_BYTES)
#define WRITE_BUFFER    (64 * 1024)
#define MAX_RESERVED_ROWS (4 * 1024 * 1024)

#define COUNTRY_ID_MASK 0xffffu
#define COUNTRY_IS_CODE 0x10000u

static const char *table_files[FW_N_TABLES] = {
  "firms.csv", "fairs.csv", "exhibitions.csv",
};


/* Layout memory */

typedef struct
{
  char     *header;   /* exact text of the header cell */
  FwField   field;
  FwTable   table;    /* of the extra column, when field is FW_FIELD_EXTRA */
  guint     extra;
  gboolean  codes;    /* country column written as ISO alpha-2 codes */
} LayoutColumn;

typedef struct
{
  char      delimiter;
  gboolean  bom;
  gboolean  crlf;
  GArray   *columns;  /* LayoutColumn, in file order */
} LayoutFile;

struct _FwCsvLayout
{
  gboolean   tables;
  /* flat: files[0] only; tables: indexed by FwTable */
  LayoutFile files[FW_N_TABLES];
};

static void
layout_column_clear (gpointer data)
{
  LayoutColumn *column = data;

  g_free (column->header);
}

static GArray *
column_array_new (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (LayoutColumn));

  g_array_set_clear_func (columns, layout_column_clear);

  return columns;
}

static void
column_array_add (GArray     *columns,
                  const char *header,
                  FwField     field,
                  FwTable     table,
                  guint       extra,
                  gboolean    codes)
{
  LayoutColumn column = { g_strdup (header), field, table, extra, codes };

  g_array_append_val (columns, column);
}

static FwCsvLayout *
layout_new (gboolean tables)
{
  FwCsvLayout *layout = g_new0 (FwCsvLayout, 1);

  layout->tables = tables;
  for (guint i = 0; i < FW_N_TABLES; i++)
    {
      layout->files[i].delimiter = ',';
      layout->files[i].columns = column_array_new ();
    }

  return layout;
}

static guint
layout_n_files (const FwCsvLayout *layout)
{
  return layout->tables ? FW_N_TABLES : 1;
}

void
fw_csv_layout_free (FwCsvLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < FW_N_TABLES; i++)
    g_clear_pointer (&layout->files[i].columns, g_array_unref);
  g_free (layout);
}

FwCsvLayout *
fw_csv_layout_copy (const FwCsvLayout *layout)
{
  FwCsvLayout *copy;

  g_return_val_if_fail (layout != NULL, NULL);

  copy = layout_new (layout->tables);
  for (guint i = 0; i < FW_N_TABLES; i++)
    {
      const LayoutFile *file = &layout->files[i];

      copy->files[i].delimiter = file->delimiter;
      copy->files[i].bom = file->bom;
      copy->files[i].crlf = file->crlf;
      for (guint j = 0; j < file->columns->len; j++)
        {
          const LayoutColumn *column = &g_array_index (file->columns, LayoutColumn, j);

          column_array_add (copy->files[i].columns, column->header, column->field,
                            column->table, column->extra, column->codes);
        }
    }

  return copy;
}

gboolean
fw_csv_layout_is_tables (const FwCsvLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return layout->tables;
}

static FwTable
field_table (FwField field,
             FwTable extra_table)
{
  return field == FW_FIELD_EXTRA ? extra_table : fw_field_get_table (field);
}

/* "firms.hq_country", "exhibitions.extra": unambiguous across tables,
 * unlike fw_field_to_string(). */
static char *
field_to_json_name (FwField field,
                    FwTable table)
{
  return g_strdup_printf ("%s.%s",
                          fw_table_to_string (field_table (field, table)),
                          fw_field_to_string (field));
}

static gboolean
field_from_json_name (const char *name,
                      FwField    *out_field,
                      FwTable    *out_table)
{
  for (guint f = 0; f < FW_N_FIELDS; f++)
    {
      for (guint t = 0; t < FW_N_TABLES; t++)
        {
          g_autofree char *candidate = NULL;

          if (f != FW_FIELD_EXTRA && fw_field_get_table (f) != t)
            continue;

          candidate = field_to_json_name (f, t);
          if (g_str_equal (candidate, name))
            {
              *out_field = f;
              *out_table = t;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
is_country_field (FwField field)
{
  return field == FW_FIELD_FIRM_HQ || field == FW_FIELD_FAIR_HOST;
}

JsonNode *
fw_csv_layout_to_json (const FwCsvLayout *layout)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (layout != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, layout->tables ? "tables" : "flat");
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);

  for (guint i = 0; i < layout_n_files (layout); i++)
    {
      const LayoutFile *file = &layout->files[i];
      char delimiter[2] = { file->delimiter, '\0' };

      json_builder_begin_object (builder);
      if (layout->tables)
        {
          json_builder_set_member_name (builder, "table");
          json_builder_add_string_value (builder, fw_table_to_string (i));
        }
      json_builder_set_member_name (builder, "delimiter");
      json_builder_add_string_value (builder, delimiter);
      json_builder_set_member_name (builder, "bom");
      json_builder_add_boolean_value (builder, file->bom);
      json_builder_set_member_name (builder, "crlf");
      json_builder_add_boolean_value (builder, file->crlf);
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);

      for (guint j = 0; j < file->columns->len; j++)
        {
          const LayoutColumn *column = &g_array_index (file->columns, LayoutColumn, j);
          g_autofree char *field = field_to_json_name (column->field, column->table);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "header");
          json_builder_add_string_value (builder, column->header);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, field);
          if (column->field == FW_FIELD_EXTRA)
            {
              json_builder_set_member_name (builder, "extra");
              json_builder_add_int_value (builder, column->extra);
            }
          if (is_country_field (column->field))
            {
              json_builder_set_member_name (builder, "codes");
              json_builder_add_boolean_value (builder, column->codes);
            }
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean shape_error (GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (2, 3);

static gboolean
shape_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE, message);

  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   const char **out_value,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!node_is (node, G_TYPE_STRING))
    return shape_error (error, _("“%s” must be a string"), name);

  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_boolean_member (JsonObject  *object,
                    const char  *name,
                    gboolean    *out_value,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is (node, G_TYPE_BOOLEAN))
    return shape_error (error, _("“%s” must be true or false"), name);

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

static JsonArray *
get_array_member (JsonObject  *object,
                  const char  *name,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      shape_error (error, _("“%s” must be an array"), name);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
column_from_json (JsonNode    *node,
                  gboolean     tables,
                  FwTable      file_table,
                  GArray      *columns,
                  GError     **error)
{
  JsonObject *object;
  const char *header;
  const char *name;
  FwField field;
  FwTable table;
  gboolean codes;
  gint64 extra = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return shape_error (error, _("each column must be an object"));

  object = json_node_get_object (node);
  if (!get_string_member (object, "header", &header, error) ||
      !get_string_member (object, "field", &name, error) ||
      !get_boolean_member (object, "codes", &codes, error))
    return FALSE;

  if (!field_from_json_name (name, &field, &table))
    return shape_error (error, _("“%s” is not a field"), name);

  if (tables && table != file_table)
    return shape_error (error, _("field “%s” does not belong in %s"), name, table_files[file_table]);
  if (!tables && (field == FW_FIELD_EXHIBITION_FIRM || field == FW_FIELD_EXHIBITION_FAIR))
    return shape_error (error, _("field “%s” has no place in a flat file"), name);

  if (field == FW_FIELD_EXTRA)
    {
      JsonNode *extra_node = json_object_get_member (object, "extra");

      if (!node_is (extra_node, G_TYPE_INT64) ||
          (extra = json_node_get_int (extra_node)) < 0 ||
          extra >= FW_CSV_MAX_COLUMNS)
        return shape_error (error, _("“extra” must be a column number from 0 to %d"),
                            FW_CSV_MAX_COLUMNS - 1);
    }

  column_array_add (columns, header, field, table, (guint) extra,
                    codes && is_country_field (field));

  return TRUE;
}

FwCsvLayout *
fw_csv_layout_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(FwCsvLayout) layout = NULL;
  JsonObject *object;
  JsonArray *files;
  const char *kind;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      shape_error (error, _("expected an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string_member (object, "kind", &kind, error))
    return NULL;

  if (g_str_equal (kind, "flat"))
    layout = layout_new (FALSE);
  else if (g_str_equal (kind, "tables"))
    layout = layout_new (TRUE);
  else
    {
      shape_error (error, _("“kind” must be “flat” or “tables”, not “%s”"), kind);
      return NULL;
    }

  if ((files = get_array_member (object, "files", error)) == NULL)
    return NULL;

  if (json_array_get_length (files) != layout_n_files (layout))
    {
      shape_error (error, _("a %s layout has %u files, not %u"),
                   kind, layout_n_files (layout), json_array_get_length (files));
      return NULL;
    }

  for (guint i = 0; i < layout_n_files (layout); i++)
    {
      JsonNode *file_node = json_array_get_element (files, i);
      LayoutFile *file = &layout->files[i];
      JsonObject *file_object;
      JsonArray *columns;
      const char *delimiter;

      if (!JSON_NODE_HOLDS_OBJECT (file_node))
        {
          shape_error (error, _("each file must be an object"));
          return NULL;
        }
      file_object = json_node_get_object (file_node);

      if (layout->tables)
        {
          const char *table;

          if (!get_string_member (file_object, "table", &table, error))
            return NULL;
          if (!g_str_equal (table, fw_table_to_string (i)))
            {
              shape_error (error, _("file %u must be the “%s” table, not “%s”"),
                           i + 1, fw_table_to_string (i), table);
              return NULL;
            }
        }

      if (!get_string_member (file_object, "delimiter", &delimiter, error))
        return NULL;
      if (strlen (delimiter) != 1 || strchr (",;\t", delimiter[0]) == NULL)
        {
          shape_error (error, _("the delimiter must be a comma, a semicolon or a tab"));
          return NULL;
        }
      file->delimiter = delimiter[0];

      if (!get_boolean_member (file_object, "bom", &file->bom, error) ||
          !get_boolean_member (file_object, "crlf", &file->crlf, error))
        return NULL;

      if ((columns = get_array_member (file_object, "columns", error)) == NULL)
        return NULL;
      if (json_array_get_length (columns) > FW_CSV_MAX_COLUMNS)
        {
          shape_error (error, _("a file has more than %d columns"), FW_CSV_MAX_COLUMNS);
          return NULL;
        }

      for (guint j = 0; j < json_array_get_length (columns); j++)
        {
          if (!column_from_json (json_array_get_element (columns, j),
                                 layout->tables, i, file->columns, error))
            return NULL;
        }
    }

  return g_steal_pointer (&layout);
}


/* Header names */

typedef enum
{
  NEED_OPTIONAL,
  NEED_WARN,       /* a warning says what its absence means */
  NEED_REQUIRED,
} ColumnNeed;

typedef struct
{
  FwField            field;
  ColumnNeed         need;
  /* REQUIRED: what the column holds; WARN: what its absence means */
  const char        *text;
  /* accepted header names; the first is the one written */
  const char *const *names;
} ColumnSpec;

static const char *const firm_id_names[] = { "firm_id", NULL };
static const char *const firm_names[] = { "firm", "company", "vendor", "firm_name", "company_name", NULL };
static const char *const hq_names[] = { "hq_country", "hq", "headquarters", "headquarters_country", "country", NULL };
static const char *const confidence_names[] = { "confidence", "confidence_level", NULL };
static const char *const website_names[] = { "website", "url", "web", NULL };
static const char *const notes_names[] = { "notes", "firm_notes", NULL };
static const char *const firm_source_names[] = { "firm_source", NULL };
static const char *const fair_id_names[] = { "fair_id", NULL };
static const char *const fair_names[] = { "fair", "event", "arms_fair", "fair_name", "exhibition", NULL };
static const char *const host_names[] = { "host_country", "host", "fair_country", "location_country", NULL };
static const char *const city_names[] = { "city", "host_city", NULL };
static const char *const year_names[] = { "year", NULL };
static const char *const source_names[] = { "source", "sources", NULL };
static const char *const note_names[] = { "note", NULL };

static const char *const table_firm_id_names[] = { "id", "firm_id", NULL };
static const char *const table_firm_names[] = { "name", "firm", "company", "vendor", "firm_name", "company_name", NULL };
static const char *const table_notes_names[] = { "notes", "firm_notes", "note", NULL };
static const char *const table_firm_source_names[] = { "source", "sources", "firm_source", NULL };
static const char *const table_fair_id_names[] = { "id", "fair_id", NULL };
static const char *const table_fair_names[] = { "name", "fair", "event", "arms_fair", "fair_name", "exhibition", NULL };
static const char *const table_host_names[] = { "host_country", "host", "fair_country", "location_country", "country", NULL };
static const char *const ref_firm_names[] = { "firm_id", "firm", NULL };
static const char *const ref_fair_names[] = { "fair_id", "fair", NULL };
static const char *const table_note_names[] = { "note", "notes", NULL };

static const ColumnSpec flat_specs[] = {
  { FW_FIELD_FIRM_ID, NEED_OPTIONAL, NULL, firm_id_names },
  { FW_FIELD_FIRM_NAME, NEED_REQUIRED, N_("the firm names"), firm_names },
  { FW_FIELD_FIRM_HQ, NEED_WARN, N_("every firm’s headquarters country is unknown"), hq_names },
  { FW_FIELD_FIRM_CONFIDENCE, NEED_WARN, N_("every firm’s confidence level is unknown"), confidence_names },
  { FW_FIELD_FIRM_WEBSITE, NEED_OPTIONAL, NULL, website_names },
  { FW_FIELD_FIRM_NOTES, NEED_OPTIONAL, NULL, notes_names },
  { FW_FIELD_FIRM_SOURCE, NEED_OPTIONAL, NULL, firm_source_names },
  { FW_FIELD_FAIR_ID, NEED_OPTIONAL, NULL, fair_id_names },
  { FW_FIELD_FAIR_NAME, NEED_WARN, N_("no exhibition names its fair"), fair_names },
  { FW_FIELD_FAIR_HOST, NEED_WARN, N_("every fair’s host country is unknown"), host_names },
  { FW_FIELD_FAIR_CITY, NEED_OPTIONAL, NULL, city_names },
  { FW_FIELD_EXHIBITION_YEAR, NEED_WARN, N_("every exhibition’s year is unknown"), year_names },
  { FW_FIELD_EXHIBITION_SOURCE, NEED_OPTIONAL, NULL, source_names },
  { FW_FIELD_EXHIBITION_NOTE, NEED_OPTIONAL, NULL, note_names },
};

static const ColumnSpec firms_specs[] = {
  { FW_FIELD_FIRM_ID, NEED_REQUIRED, N_("the firm ids that exhibitions.csv refers to"), table_firm_id_names },
  { FW_FIELD_FIRM_NAME, NEED_REQUIRED, N_("the firm names"), table_firm_names },
  { FW_FIELD_FIRM_HQ, NEED_WARN, N_("every firm’s headquarters country is unknown"), hq_names },
  { FW_FIELD_FIRM_CONFIDENCE, NEED_WARN, N_("every firm’s confidence level is unknown"), confidence_names },
  { FW_FIELD_FIRM_WEBSITE, NEED_OPTIONAL, NULL, website_names },
  { FW_FIELD_FIRM_NOTES, NEED_OPTIONAL, NULL, table_notes_names },
  { FW_FIELD_FIRM_SOURCE, NEED_OPTIONAL, NULL, table_firm_source_names },
};

static const ColumnSpec fairs_specs[] = {
  { FW_FIELD_FAIR_ID, NEED_REQUIRED, N_("the fair ids that exhibitions.csv refers to"), table_fair_id_names },
  { FW_FIELD_FAIR_NAME, NEED_REQUIRED, N_("the fair names"), table_fair_names },
  { FW_FIELD_FAIR_HOST, NEED_WARN, N_("every fair’s host country is unknown"), table_host_names },
  { FW_FIELD_FAIR_CITY, NEED_OPTIONAL, NULL, city_names },
};

static const ColumnSpec exhibitions_specs[] = {
  { FW_FIELD_EXHIBITION_FIRM, NEED_REQUIRED, N_("the id of the firm that exhibited"), ref_firm_names },
  { FW_FIELD_EXHIBITION_FAIR, NEED_REQUIRED, N_("the id of the fair"), ref_fair_names },
  { FW_FIELD_EXHIBITION_YEAR, NEED_WARN, N_("every exhibition’s year is unknown"), year_names },
  { FW_FIELD_EXHIBITION_SOURCE, NEED_OPTIONAL, NULL, source_names },
  { FW_FIELD_EXHIBITION_NOTE, NEED_OPTIONAL, NULL, table_note_names },
};

static const struct
{
  const ColumnSpec *specs;
  guint             n_specs;
} table_specs[FW_N_TABLES] = {
  { firms_specs, G_N_ELEMENTS (firms_specs) },
  { fairs_specs, G_N_ELEMENTS (fairs_specs) },
  { exhibitions_specs, G_N_ELEMENTS (exhibitions_specs) },
};

/* "Firm Name", "firm_name" and "FIRM-NAME" are one header. */
static char *
normalise_header (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        {
          gap = out->len > 0;
          continue;
        }
      if (gap)
        g_string_append_c (out, ' ');
      gap = FALSE;
      g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static const ColumnSpec *
find_spec (const ColumnSpec *specs,
           guint             n_specs,
           const char       *header)
{
  g_autofree char *key = normalise_header (header);

  for (guint i = 0; i < n_specs; i++)
    {
      for (guint j = 0; specs[i].names[j] != NULL; j++)
        {
          g_autofree char *name = normalise_header (specs[i].names[j]);

          if (g_str_equal (key, name))
            return &specs[i];
        }
    }

  return NULL;
}


/* Reading: the records collected from one or three files */

enum {
  FIRM_NAME,
  FIRM_HQ,
  FIRM_CONFIDENCE,
  FIRM_WEBSITE,
  FIRM_NOTES,
  FIRM_SOURCE,
  N_FIRM_ATTRS
};

enum {
  FAIR_NAME,
  FAIR_HOST,
  FAIR_CITY,
  N_FAIR_ATTRS
};

/* Strings are ids in the dataset's pool.  A firm's HQ and confidence
 * are kept apart (Builder.firm_hq, .firm_confidence): they are compared
 * on every row of a flat file, and small arrays stay in the cache. */
typedef struct
{
  guint32      id;
  guint32      name;
  guint32      website;
  guint32      notes;
  guint32      source;
  guint        line[N_FIRM_ATTRS];   /* where each value came from */
} FirmRecord;

typedef struct
{
  guint32      id;
  guint32      name;
  guint32      city;
  FwCountryId  host;
  guint        line[N_FAIR_ATTRS];
} FairRecord;

typedef struct
{
  gint         row;    /* -1 when the row was refused */
  guint        line;
} IdEntry;

/* Column by column, as the dataset stores them; plain arrays because a
 * million appends through GArray show in the load time. */
typedef struct
{
  guint32     *firm;
  guint32     *fair;
  guint16     *year;
  guint32     *source;
  guint32     *note;
  guint       *line;
  guint        len;
  guint        size;
} Exhibitions;

static void
exhibitions_reserve (Exhibitions *ex,
                     guint        size)
{
  if (size <= ex->size)
    return;

  ex->size = size;
  ex->firm = g_renew (guint32, ex->firm, size);
  ex->fair = g_renew (guint32, ex->fair, size);
  ex->year = g_renew (guint16, ex->year, size);
  ex->source = g_renew (guint32, ex->source, size);
  ex->note = g_renew (guint32, ex->note, size);
  ex->line = g_renew (guint, ex->line, size);
}

static void
exhibitions_clear (Exhibitions *ex)
{
  g_clear_pointer (&ex->firm, g_free);
  g_clear_pointer (&ex->fair, g_free);
  g_clear_pointer (&ex->year, g_free);
  g_clear_pointer (&ex->source, g_free);
  g_clear_pointer (&ex->note, g_free);
  g_clear_pointer (&ex->line, g_free);
  ex->len = ex->size = 0;
}

/* A direct-mapped cache in front of the hash tables: the values that
 * change from row to row (host countries, fairs, notes) come from a
 * small set, and hashing them with GHashTable on every row shows.  Keys
 * are borrowed from the hash table or string pool behind the cache. */
#define KEY_CACHE_SLOTS 1024

typedef struct
{
  const char *key;
  gsize    len;
  guint32  hash;
  guint    value;
} KeySlot;

typedef struct
{
  KeySlot  slots[KEY_CACHE_SLOTS];
} KeyCache;

static inline guint32
hash_bytes (const char *key,
            gsize       len)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      hash ^= (guchar) key[i];
      hash *= 16777619u;
    }

  return hash;
}

static inline gboolean
key_cache_lookup (KeyCache     *cache,
                  const char   *key,
                  gsize         len,
                  guint32       hash,
                  guint        *out_value,
                  const char  **out_key)
{
  const KeySlot *slot = &cache->slots[hash & (KEY_CACHE_SLOTS - 1)];

  if (slot->key == NULL || slot->hash != hash || slot->len != len || memcmp (slot->key, key, len) != 0)
    return FALSE;

  *out_value = slot->value;
  if (out_key != NULL)
    *out_key = slot->key;
  return TRUE;
}

static inline void
key_cache_insert (KeyCache   *cache,
                  const char *key,
                  gsize       len,
                  guint32     hash,
                  guint       value)
{
  KeySlot *slot = &cache->slots[hash & (KEY_CACHE_SLOTS - 1)];

  slot->key = key;
  slot->len = len;
  slot->hash = hash;
  slot->value = value;
}

/* Open addressing for the firms of a flat file: GHashTable's separate
 * hash, key and value arrays and strcmp() cost a cache miss each, and a
 * file not sorted by firm looks one up on every row.  A slot holds the
 * head of its key, so that most lookups touch no other memory; the
 * whole key is borrowed from the string pool. */
#define INDEX_HEAD 28

typedef struct
{
  const char *key;
  guint32     hash;
  guint32     value;
  guint32     len;
  char        head[INDEX_HEAD];
} IndexSlot;

typedef struct
{
  IndexSlot *slots;
  guint      mask;
  guint      n;
} KeyIndex;

static void
key_index_init (KeyIndex *index)
{
  index->mask = 1023;
  index->n = 0;
  index->slots = g_new0 (IndexSlot, index->mask + 1);
}

static void
key_index_clear (KeyIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
}

static const IndexSlot *
key_index_lookup (KeyIndex   *index,
                  const char *key,
                  gsize       len,
                  guint32     hash)
{
  for (guint i = hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
    {
      const IndexSlot *slot = &index->slots[i];

      if (slot->hash == hash && slot->len == len &&
          memcmp (slot->head, key, MIN (len, INDEX_HEAD)) == 0 &&
          (len <= INDEX_HEAD || memcmp (slot->key + INDEX_HEAD, key + INDEX_HEAD, len - INDEX_HEAD) == 0))
        return slot;
    }

  return NULL;
}

/* @key must not be there yet. */
static void
key_index_insert (KeyIndex   *index,
                  const char *key,
                  gsize       len,
                  guint32     hash,
                  guint       value)
{
  guint i;

  if (2 * (index->n + 1) > index->mask + 1)
    {
      IndexSlot *old = index->slots;
      guint old_size = index->mask + 1;

      index->mask = 2 * old_size - 1;
      index->slots = g_new0 (IndexSlot, index->mask + 1);
      for (guint j = 0; j < old_size; j++)
        {
          if (old[j].key == NULL)
            continue;
          for (i = old[j].hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
            ;
          index->slots[i] = old[j];
        }
      g_free (old);
    }

  for (i = hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
    ;
  index->slots[i].key = key;
  index->slots[i].hash = hash;
  index->slots[i].value = value;
  index->slots[i].len = (guint32) len;
  memcpy (index->slots[i].head, key, MIN (len, INDEX_HEAD));
  index->n++;
}

typedef struct
{
  FwDataset   *dataset;
  FwCountries *countries;
  FwStrPool   *strings;
  FwProblems  *problems;

  GArray      *firms;          /* FirmRecord */
  GArray      *firm_hq;        /* FwCountryId */
  GArray      *firm_confidence; /* guint8 */
  GArray      *fairs;          /* FairRecord */
  Exhibitions  ex;
  GPtrArray   *extra_names[FW_N_TABLES];
  GArray      *extra_values[FW_N_TABLES];  /* guint32, row by row */
  const char  *exhibitions_file;

  /* flat: firms by name or id, fairs by id or name and host */
  KeyIndex     firm_by_name;
  KeyIndex     firm_by_id;
  GHashTable  *fair_by_key;
  KeyCache    *fair_fast;
  /* tables: id -> IdEntry index + 1 */
  GArray      *id_entries;
  GHashTable  *ids[FW_N_TABLES];

  GHashTable  *country_cache;  /* text -> id | COUNTRY_IS_CODE */
  KeyCache    *country_fast;   /* in front of country_cache */
  KeyCache    *intern_fast;    /* text -> string id */
} Builder;

static void
builder_init (Builder     *b,
              FwCountries *countries,
              FwProblems  *problems)
{
  memset (b, 0, sizeof *b);

  b->dataset = fw_dataset_new (countries);
  b->countries = fw_dataset_get_countries (b->dataset);
  b->strings = fw_dataset_get_strings (b->dataset);
  b->problems = problems;

  b->firms = g_array_new (FALSE, TRUE, sizeof (FirmRecord));
  b->firm_hq = g_array_new (FALSE, TRUE, sizeof (FwCountryId));
  b->firm_confidence = g_array_new (FALSE, TRUE, sizeof (guint8));
  b->fairs = g_array_new (FALSE, TRUE, sizeof (FairRecord));
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      b->extra_names[t] = g_ptr_array_new_with_free_func (g_free);
      b->extra_values[t] = g_array_new (FALSE, FALSE, sizeof (guint32));
      b->ids[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  key_index_init (&b->firm_by_name);
  key_index_init (&b->firm_by_id);
  b->fair_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->fair_fast = g_new0 (KeyCache, 1);
  b->id_entries = g_array_new (FALSE, FALSE, sizeof (IdEntry));
  b->country_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->country_fast = g_new0 (KeyCache, 1);
  b->intern_fast = g_new0 (KeyCache, 1);
}

static void
builder_clear (Builder *b)
{
  g_clear_object (&b->dataset);
  g_clear_pointer (&b->firms, g_array_unref);
  g_clear_pointer (&b->firm_hq, g_array_unref);
  g_clear_pointer (&b->firm_confidence, g_array_unref);
  g_clear_pointer (&b->fairs, g_array_unref);
  exhibitions_clear (&b->ex);
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_clear_pointer (&b->extra_names[t], g_ptr_array_unref);
      g_clear_pointer (&b->extra_values[t], g_array_unref);
      g_clear_pointer (&b->ids[t], g_hash_table_unref);
    }
  key_index_clear (&b->firm_by_name);
  key_index_clear (&b->firm_by_id);
  g_clear_pointer (&b->fair_by_key, g_hash_table_unref);
  g_clear_pointer (&b->fair_fast, g_free);
  g_clear_pointer (&b->id_entries, g_array_unref);
  g_clear_pointer (&b->country_cache, g_hash_table_unref);
  g_clear_pointer (&b->country_fast, g_free);
  g_clear_pointer (&b->intern_fast, g_free);
}

static const char *
builder_string (Builder *b,
                guint32  id)
{
  return fw_str_pool_get (b->strings, id);
}

/* Returns the country id, with COUNTRY_IS_CODE when @text is its
 * alpha-2 code; @out_key is a copy of @text that lives as long as @b. */
static guint
builder_lookup_country (Builder     *b,
                        const char  *text,
                        gsize        len,
                        const char **out_key)
{
  guint32 hash = hash_bytes (text, len);
  gpointer key, found;
  FwCountryId id;
  guint value;

  if (key_cache_lookup (b->country_fast, text, len, hash, &value, out_key))
    return value;

  if (g_hash_table_lookup_extended (b->country_cache, text, &key, &found))
    {
      value = GPOINTER_TO_UINT (found);
      key_cache_insert (b->country_fast, key, len, hash, value);
      *out_key = key;
      return value;
    }

  id = fw_countries_lookup (b->countries, text);
  value = id;
  if (id != FW_COUNTRY_UNKNOWN && len == 2 &&
      g_ascii_strcasecmp (text, fw_countries_get_code (b->countries, id)) == 0)
    value |= COUNTRY_IS_CODE;

  key = g_strndup (text, len);
  g_hash_table_insert (b->country_cache, key, GUINT_TO_POINTER (value));
  key_cache_insert (b->country_fast, key, len, hash, value);
  *out_key = key;

  return value;
}

static guint32
builder_intern (Builder    *b,
                const char *text,
                gsize       len)
{
  guint32 hash;
  guint id;

  if (len == 0)
    return FW_STR_NONE;

  hash = hash_bytes (text, len);
  if (!key_cache_lookup (b->intern_fast, text, len, hash, &id, NULL))
    {
      id = fw_str_pool_intern_len (b->strings, text, len);
      key_cache_insert (b->intern_fast, fw_str_pool_get (b->strings, id), len, hash, id);
    }

  return id;
}

static void
builder_add_exhibition (Builder     *b,
                        guint32      firm,
                        guint32      fair,
                        guint16      year,
                        guint32      source,
                        guint32      note,
                        guint        line)
{
  Exhibitions *ex = &b->ex;

  if (ex->len == ex->size)
    exhibitions_reserve (ex, MAX (1024, ex->size * 2));

  ex->firm[ex->len] = firm;
  ex->fair[ex->len] = fair;
  ex->year[ex->len] = year;
  ex->source[ex->len] = source;
  ex->note[ex->len] = note;
  ex->line[ex->len] = line;
  ex->len++;
}

static FwDataset *
builder_commit (Builder *b)
{
  FwDataset *dataset = g_steal_pointer (&b->dataset);
  guint n_rows[FW_N_TABLES] = { b->firms->len, b->fairs->len, b->ex.len };

#define STR(id) ((id) != FW_STR_NONE ? builder_string (b, (id)) : NULL)

  for (guint t = 0; t < FW_N_TABLES; t++)
    fw_dataset_reserve (dataset, t, n_rows[t]);

  for (guint i = 0; i < b->firms->len; i++)
    {
      const FirmRecord *firm = &g_array_index (b->firms, FirmRecord, i);
      FwFirmValues values = {
        STR (firm->id), STR (firm->name),
        g_array_index (b->firm_hq, FwCountryId, i),
        g_array_index (b->firm_confidence, guint8, i),
        STR (firm->website), STR (firm->notes), STR (firm->source),
      };

      fw_dataset_append_firm (dataset, &values);
    }

  for (guint i = 0; i < b->fairs->len; i++)
    {
      const FairRecord *fair = &g_array_index (b->fairs, FairRecord, i);
      FwFairValues values = { STR (fair->id), STR (fair->name), fair->host, STR (fair->city) };

      fw_dataset_append_fair (dataset, &values);
    }

  for (guint i = 0; i < b->ex.len; i++)
    {
      FwExhibitionValues values = {
        b->ex.firm[i], b->ex.fair[i], b->ex.year[i],
        STR (b->ex.source[i]), STR (b->ex.note[i]),
      };

      fw_dataset_append_exhibition (dataset, &values);
    }

  /* Extra columns are added once the rows exist, so that appending rows
   * does not grow them one row at a time. */
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      guint n_extra = b->extra_names[t]->len;
      const guint32 *values = (const guint32 *) (gpointer) b->extra_values[t]->data;

      for (guint c = 0; c < n_extra; c++)
        fw_dataset_add_extra_column (dataset, t, g_ptr_array_index (b->extra_names[t], c));

      for (guint row = 0; n_extra > 0 && row < n_rows[t]; row++)
        {
          for (guint c = 0; c < n_extra; c++)
            {
              guint32 value = values[row * n_extra + c];

              if (value != FW_STR_NONE)
                fw_dataset_set_extra (dataset, t, c, row, builder_string (b, value));
            }
        }
    }

#undef STR

  return dataset;
}


/* Reading: one file */

typedef struct
{
  gsize  offset;   /* in the row buffer */
  gsize  len;
  guint  line;     /* where the field starts */
} Field;

typedef struct
{
  const char *last;         /* borrowed from the builder's cache */
  gsize       last_len;
  guint       last_value;
  gboolean    any;
  gboolean    all_codes;
} CountryColumn;

/* Recent spellings of a confidence level and what they mean. */
#define CONFIDENCE_CACHE 4

typedef struct
{
  char          text[16];
  gsize         len;
  FwConfidence  value;
  gboolean      valid;
} ConfidenceEntry;

typedef struct _Reader Reader;
typedef void (*RowFunc) (Reader *r);

struct _Reader
{
  Builder           *builder;
  const char        *file;          /* for messages */
  FwTable            table;         /* whose extras unknown columns are */
  const ColumnSpec  *specs;
  guint              n_specs;
  RowFunc            row_func;
  LayoutFile        *layout;

  struct csv_parser  parser;
  gboolean           stop;          /* a problem that ends reading */
  guint              line;          /* physical line being fed */
  guint              row_line;
  guint              field_line;

  char              *buf;           /* the current row's fields, trimmed, NUL-terminated */
  gsize              buf_len;
  gsize              buf_size;
  Field             *fields;
  guint              max_fields;    /* fields kept per row */
  guint              n_row_fields;  /* fields seen in the row, kept or not */
  gboolean           row_has_text;

  gboolean           have_header;
  guint              n_columns;
  char             **headers;
  gint               field_column[FW_N_FIELDS];
  guint             *extra_columns; /* extra index -> column */
  guint              n_extra;
  guint              n_rows;

  CountryColumn      hq;
  CountryColumn      host;
  ConfidenceEntry    confidence[CONFIDENCE_CACHE];
  guint              confidence_next;

  /* flat */
  KeyIndex          *prefetch_index;  /* the firms, when not sorted by firm */
  gint               prefetch_column;
  guint32            prefetch_hash;
  gboolean           prefetched;
  guint              last_firm;
  gboolean           last_firm_by_id;
  const char        *last_firm_key;   /* last_firm_copy or in the string pool */
  gsize              last_firm_key_len;
  char               last_firm_copy[64];
  char              *key;
  gsize              key_size;
};

static void
reader_init (Reader           *r,
             Builder          *builder,
             const char       *file,
             FwTable           table,
             const ColumnSpec *specs,
             guint             n_specs,
             RowFunc           row_func,
             LayoutFile       *layout)
{
  memset (r, 0, sizeof *r);

  r->builder = builder;
  r->file = file;
  r->table = table;
  r->specs = specs;
  r->n_specs = n_specs;
  r->row_func = row_func;
  r->layout = layout;
  r->max_fields = FW_CSV_MAX_COLUMNS;
  r->fields = g_new (Field, r->max_fields + 1);
  r->hq.all_codes = TRUE;
  r->host.all_codes = TRUE;
  r->last_firm = G_MAXUINT;
  r->prefetch_column = -1;

  for (guint i = 0; i < FW_N_FIELDS; i++)
    r->field_column[i] = -1;
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->buf, g_free);
  g_clear_pointer (&r->fields, g_free);
  g_clear_pointer (&r->headers, g_strfreev);
  g_clear_pointer (&r->extra_columns, g_free);
  g_clear_pointer (&r->key, g_free);
}

static void reader_add (Reader        *r,
                        FwSeverity     severity,
                        FwFormatError  code,
                        guint          line,
                        guint          column,
                        FwTable        table,
                        gint           row,
                        const char    *format,
                        ...) G_GNUC_PRINTF (8, 9);

static void
reader_add (Reader        *r,
            FwSeverity     severity,
            FwFormatError  code,
            guint          line,
            guint          column,
            FwTable        table,
            gint           row,
            const char    *format,
            ...)
{
  g_autofree char *message = NULL;
  FwProblem *problem;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem = fw_problem_new (severity, code, r->file, line, column, "%s", message);
  problem->table = table;
  problem->row = row;
  fw_problems_add (r->builder->problems, problem);
}

#define reader_error(r, code, line, column, ...) \
  reader_add ((r), FW_SEVERITY_ERROR, (code), (line), (column), (r)->table, -1, __VA_ARGS__)

static const char *
reader_header (Reader *r,
               guint   column)
{
  if (r->headers != NULL && column < r->n_columns)
    return r->headers[column];
  return "";
}

/* The trimmed text of a field of the current row, "" when the file has
 * no such column. */
static inline const char *
reader_text (Reader  *r,
             FwField  field,
             gsize   *out_len)
{
  gint column = r->field_column[field];

  if (column < 0)
    {
      *out_len = 0;
      return "";
    }

  *out_len = r->fields[column].len;
  return r->buf + r->fields[column].offset;
}

static inline guint
reader_line (Reader  *r,
             FwField  field)
{
  gint column = r->field_column[field];

  return column >= 0 ? r->fields[column].line : r->row_line;
}

static inline guint
reader_column (Reader  *r,
               FwField  field)
{
  return (guint) (r->field_column[field] + 1);
}

static inline const char *
reader_field_header (Reader  *r,
                     FwField  field)
{
  return reader_header (r, (guint) r->field_column[field]);
}

static gboolean
looks_binary (const char *data,
              gsize       size)
{
  gsize n = MIN (size, SNIFF_BYTES);
  gsize control = 0;

  if (memchr (data, '\0', n) != NULL)
    return TRUE;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
        control++;
    }

  /* Text has next to no control characters; random bytes have 11 %. */
  return control > n / 32;
}

/* Offset of the first byte that is not valid UTF-8 (or is a NUL), or
 * @size.  Skips ASCII eight bytes at a time: most CSV files are mostly
 * ASCII and this runs over every byte. */
static gsize
find_invalid_utf8 (const char *data,
                   gsize       size)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  while (i < size)
    {
      guchar c;

      while (i + 8 <= size)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          if ((word & highs) != 0 || ((word - ones) & ~word & highs) != 0)
            break;
          i += 8;
        }

      if (i >= size)
        break;

      c = data[i];
      if (c == 0)
        return i;
      if (c < 0x80)
        {
          i++;
          continue;
        }

      {
        gunichar ch = g_utf8_get_char_validated (data + i, (gssize) MIN (size - i, 8));

        if (ch == (gunichar) -1 || ch == (gunichar) -2)
          return i;
        i += g_utf8_skip[c];
      }
    }

  return size;
}

static void
locate (const char *data,
        gsize       offset,
        guint      *out_line,
        guint      *out_column)
{
  const char *line_start = data;
  guint line = 1;

  for (const char *p = data; p < data + offset; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  *out_line = line;
  *out_column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* Counts commas, semicolons and tabs outside quotes in the first record. */
static char
sniff_delimiter (const char *data,
                 gsize       size,
                 gboolean   *out_crlf)
{
  guint comma = 0, semicolon = 0, tab = 0;
  gboolean quoted = FALSE;
  char delimiter = ',';
  guint best;

  *out_crlf = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n')
        {
          *out_crlf = i > 0 && data[i - 1] == '\r';
          break;
        }
      else if (c == ',')
        comma++;
      else if (c == ';')
        semicolon++;
      else if (c == '\t')
        tab++;
    }

  best = comma;
  if (semicolon > best)
    delimiter = ';', best = semicolon;
  if (tab > best)
    delimiter = '\t';

  return delimiter;
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return _("comma");
    }
}

static void
reader_header_row (Reader *r)
{
  const ColumnSpec *seen[FW_N_FIELDS] = { NULL };
  guint n = r->n_row_fields;
  GPtrArray *extra_names = r->builder->extra_names[r->table];
  gboolean header_broken;

  r->have_header = TRUE;
  r->n_columns = n;
  r->headers = g_new0 (char *, n + 1);
  r->extra_columns = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    r->headers[i] = g_strndup (r->buf + r->fields[i].offset, r->fields[i].len);

  for (guint i = 0; i < n && !r->stop; i++)
    {
      const char *header = r->headers[i];
      const ColumnSpec *spec;

      if (header[0] == '\0')
        {
          reader_error (r, FW_FORMAT_ERROR_COLUMNS, r->row_line, i + 1,
                        _("column %u has no name in the header; name it, or delete the column if it is empty"),
                        i + 1);
          r->stop = TRUE;
          break;
        }

      spec = find_spec (r->specs, r->n_specs, header);
      if (spec != NULL)
        {
          if (seen[spec->field] != NULL)
            {
              guint first = (guint) r->field_column[spec->field];

              reader_error (r, FW_FORMAT_ERROR_COLUMNS, r->row_line, i + 1,
                            _("columns %u (“%s”) and %u (“%s”) are the same column; rename or delete one of them"),
                            first + 1, r->headers[first], i + 1, header);
              r->stop = TRUE;
              break;
            }

          seen[spec->field] = spec;
          r->field_column[spec->field] = (gint) i;
          column_array_add (r->layout->columns, header, spec->field, fw_field_get_table (spec->field), 0, FALSE);
          continue;
        }

      for (guint j = 0; j < r->n_extra; j++)
        {
          guint other = r->extra_columns[j];

          if (g_str_equal (r->headers[other], header))
            {
              reader_error (r, FW_FORMAT_ERROR_COLUMNS, r->row_line, i + 1,
                            _("column “%s” appears twice (columns %u and %u); rename or delete one of them"),
                            header, other + 1, i + 1);
              r->stop = TRUE;
              break;
            }
        }
      if (r->stop)
        break;

      r->extra_columns[r->n_extra] = i;
      column_array_add (r->layout->columns, header, FW_FIELD_EXTRA, r->table, r->n_extra, FALSE);
      g_ptr_array_add (extra_names, g_strdup (header));
      r->n_extra++;
    }

  header_broken = r->stop;

  for (guint i = 0; i < r->n_specs && !header_broken; i++)
    {
      const ColumnSpec *spec = &r->specs[i];

      if (r->field_column[spec->field] >= 0)
        continue;

      if (spec->need == NEED_REQUIRED)
        {
          g_autoptr(GString) others = g_string_new (NULL);

          for (guint j = 1; spec->names[j] != NULL; j++)
            g_string_append_printf (others, "%s%s", j > 1 ? ", " : "", spec->names[j]);

          r->stop = TRUE;
          if (others->len > 0)
            reader_error (r, FW_FORMAT_ERROR_MISSING_COLUMN, r->row_line, 0,
                          _("there is no column for %s; add one named “%s” (also accepted: %s)"),
                          _(spec->text), spec->names[0], others->str);
          else
            reader_error (r, FW_FORMAT_ERROR_MISSING_COLUMN, r->row_line, 0,
                          _("there is no column for %s; add one named “%s”"),
                          _(spec->text), spec->names[0]);
        }
      else if (spec->need == NEED_WARN)
        {
          reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_MISSING_COLUMN, r->row_line, 0,
                      r->table, -1,
                      _("there is no “%s” column, so %s; add one if you have this information"),
                      spec->names[0], _(spec->text));
        }
    }

  r->max_fields = n;
}

static void
reader_row (Reader *r)
{
  if (!r->row_has_text)
    return;

  if (!r->have_header)
    {
      reader_header_row (r);
      return;
    }

  r->n_rows++;

  if (r->n_row_fields != r->n_columns)
    {
      guint column = MIN (r->n_row_fields, r->n_columns) + 1;
      char delimiter[2] = { r->layout->delimiter, '\0' };

      reader_error (r, FW_FORMAT_ERROR_COLUMNS, r->row_line, column,
                    ngettext ("this row has %u field but the header has %u; "
                              "look for a missing or extra %s (“%s”), or a cell that contains one and should be quoted",
                              "this row has %u fields but the header has %u; "
                              "look for a missing or extra %s (“%s”), or a cell that contains one and should be quoted",
                              r->n_row_fields),
                    r->n_row_fields, r->n_columns,
                    delimiter_name (r->layout->delimiter),
                    r->layout->delimiter == '\t' ? "\\t" : delimiter);
      return;
    }

  r->row_func (r);
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *r = user_data;
  const char *text = data;
  guint column = r->n_row_fields++;
  guint line = r->field_line;
  Field *field;

  r->field_line = r->line;

  if (r->stop)
    return;

  if (!r->have_header && column >= FW_CSV_MAX_COLUMNS)
    {
      reader_error (r, FW_FORMAT_ERROR_TOO_LARGE, r->row_line, column + 1,
                    _("the header has more than %d columns; this program reads at most %d, "
                      "so delete the columns you do not need"),
                    FW_CSV_MAX_COLUMNS, FW_CSV_MAX_COLUMNS);
      r->stop = TRUE;
      return;
    }

  /* Fields beyond the header's are only counted: the row is refused. */
  if (column >= r->max_fields)
    {
      if (len > 0)
        r->row_has_text = TRUE;
      return;
    }

  while (len > 0 && g_ascii_isspace (text[0]))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;

  if (r->buf_len + len + 1 > r->buf_size)
    {
      if (r->buf_len + len + 1 > MAX_ROW_BYTES)
        {
          reader_error (r, FW_FORMAT_ERROR_TOO_LARGE, r->row_line, 0,
                        _("this row is larger than %d MiB; shorten its cells"),
                        MAX_ROW_BYTES / (1024 * 1024));
          r->stop = TRUE;
          return;
        }
      r->buf_size = MAX (r->buf_size * 2, r->buf_len + len + 1);
      r->buf_size = MAX (r->buf_size, 4096);
      r->buf = g_realloc (r->buf, r->buf_size);
    }

  field = &r->fields[column];
  field->offset = r->buf_len;
  field->len = len;
  field->line = line;
  if (len > 0)
    {
      memcpy (r->buf + r->buf_len, text, len);
      r->row_has_text = TRUE;
    }
  r->buf[r->buf_len + len] = '\0';
  r->buf_len += len + 1;

  /* When rows do not come firm by firm, the firm's slot is fetched now,
   * while libcsv parses the rest of the row. */
  if ((gint) column == r->prefetch_column && r->prefetch_index != NULL && len > 0)
    {
      r->prefetch_hash = hash_bytes (text, len);
      r->prefetched = TRUE;
#if defined(__GNUC__)
      {
        const IndexSlot *slot = &r->prefetch_index->slots[r->prefetch_hash & r->prefetch_index->mask];

        __builtin_prefetch (slot);
        __builtin_prefetch ((const char *) (slot + 1) - 1);
      }
#endif
    }
}

static void
on_row (int   c,
        void *user_data)
{
  Reader *r = user_data;

  if (!r->stop)
    reader_row (r);

  r->n_row_fields = 0;
  r->buf_len = 0;
  r->row_has_text = FALSE;
  r->prefetched = FALSE;
  r->row_line = r->field_line = r->line;
}

static void
report_parse_error (Reader *r)
{
  guint column = r->n_row_fields + 1;
  const char *header = reader_header (r, column - 1);

  if (r->parser.quoted && r->field_line < r->line)
    reader_error (r, FW_FORMAT_ERROR_QUOTES, r->field_line, column,
                  _("a quoted field starting here is closed by a quote on line %u that text follows; "
                    "close the quote where the field ends, and double each quote inside it (\"\")"),
                  r->line);
  else if (r->parser.quoted && header[0] != '\0')
    reader_error (r, FW_FORMAT_ERROR_QUOTES, r->line, column,
                  _("text follows the closing quote of this field (column “%s”); "
                    "double each quote inside a quoted field (\"\")"),
                  header);
  else if (r->parser.quoted)
    reader_error (r, FW_FORMAT_ERROR_QUOTES, r->line, column,
                  _("text follows the closing quote of this field; "
                    "double each quote inside a quoted field (\"\")"));
  else if (header[0] != '\0')
    reader_error (r, FW_FORMAT_ERROR_QUOTES, r->line, column,
                  _("a quote appears inside a field that does not start with one (column “%s”); "
                    "put the whole field in quotes and double each quote inside it (\"\")"),
                  header);
  else
    reader_error (r, FW_FORMAT_ERROR_QUOTES, r->line, column,
                  _("a quote appears inside a field that does not start with one; "
                    "put the whole field in quotes and double each quote inside it (\"\")"));
}

static void
report_unclosed_quote (Reader *r)
{
  reader_error (r, FW_FORMAT_ERROR_QUOTES, r->field_line, r->n_row_fields + 1,
                _("a quoted field starting here never ends; close the quote"));
}

static void
report_large_field (Reader     *r,
                    const char *rest,
                    gsize       rest_len)
{
  guint column = r->n_row_fields + 1;
  const char *header = reader_header (r, column - 1);

  if (r->parser.quoted && memchr (rest, '"', rest_len) == NULL)
    report_unclosed_quote (r);
  else if (header[0] != '\0')
    reader_error (r, FW_FORMAT_ERROR_TOO_LARGE, r->field_line, column,
                  _("this field is longer than %d MiB (column “%s”); "
                    "shorten it, or check that this is the right file"),
                  FW_CSV_MAX_FIELD_BYTES / (1024 * 1024), header);
  else
    reader_error (r, FW_FORMAT_ERROR_TOO_LARGE, r->field_line, column,
                  _("this field is longer than %d MiB; "
                    "shorten it, or check that this is the right file"),
                  FW_CSV_MAX_FIELD_BYTES / (1024 * 1024));
}

/* Returns FALSE when the file could not be read to its end. */
static gboolean
reader_run (Reader *r,
            GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize bad;
  gsize pos;

  if (data == NULL || size == 0)
    {
      reader_error (r, FW_FORMAT_ERROR_EMPTY, 0, 0,
                    _("the file is empty; export the data again or choose another file"));
      return FALSE;
    }

  if (size >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      reader_error (r, FW_FORMAT_ERROR_ENCODING, 1, 1,
                    _("the text is UTF-16, not UTF-8; "
                      "save the file as UTF-8 (in a spreadsheet: “CSV UTF-8”) and open it again"));
      return FALSE;
    }

  if (looks_binary (data, size))
    {
      reader_error (r, FW_FORMAT_ERROR_BINARY, 0, 0,
                    _("this looks like a binary file, not CSV; choose a file saved as CSV (text)"));
      return FALSE;
    }

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      r->layout->bom = TRUE;
      data += 3;
      size -= 3;
    }

  bad = find_invalid_utf8 (data, size);
  if (bad < size)
    {
      guint line, column;

      locate (data, bad, &line, &column);
      if (data[bad] == '\0')
        reader_error (r, FW_FORMAT_ERROR_BINARY, line, column,
                      _("the file contains a NUL byte, so it looks like a binary file, not CSV; "
                        "choose a file saved as CSV (text)"));
      else
        reader_error (r, FW_FORMAT_ERROR_ENCODING, line, column,
                      _("the text is not valid UTF-8 (byte 0x%02X); "
                        "save the file as UTF-8 (in a spreadsheet: “CSV UTF-8”) and open it again"),
                      (guchar) data[bad]);
      return FALSE;
    }

  r->layout->delimiter = sniff_delimiter (data, size, &r->layout->crlf);

  /* Growing a million-row table by doubling costs copies and page
   * faults; the lines of the first 64 KiB tell roughly how many rows
   * there are.  Past the cap, doubling takes over. */
  if (r->table == FW_TABLE_EXHIBITIONS)
    {
      gsize sample = MIN (size, SNIFF_BYTES);
      gsize lines = 1;

      for (const char *p = memchr (data, '\n', sample); p != NULL;
           p = memchr (p + 1, '\n', sample - (gsize) (p + 1 - data)))
        lines++;
      exhibitions_reserve (&r->builder->ex,
                           (guint) MIN (size / (sample / lines + 1) * 11 / 10 + 16, MAX_RESERVED_ROWS));
    }

  csv_init (&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL);
  csv_set_delim (&r->parser, (unsigned char) r->layout->delimiter);
  csv_set_blk_size (&r->parser, 16 * 1024);

  pos = 0;
  while (pos < size && !r->stop)
    {
      const char *newline = memchr (data + pos, '\n', size - pos);
      gsize end = newline != NULL ? (gsize) (newline - data) + 1 : size;

      r->line++;
      if (r->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        r->row_line = r->field_line = r->line;

      while (pos < end && !r->stop)
        {
          gsize chunk = MIN (end - pos, FEED_BYTES);
          gsize done = csv_parse (&r->parser, data + pos, chunk, on_field, on_row, r);

          if (r->stop)
            break;

          if (done < chunk || csv_error (&r->parser) != CSV_SUCCESS)
            {
              if (csv_error (&r->parser) == CSV_EPARSE)
                report_parse_error (r);
              else
                reader_error (r, FW_FORMAT_ERROR_TOO_LARGE, r->field_line, r->n_row_fields + 1,
                              _("out of memory while reading this field (%s); "
                                "close other programs, or split the file, and try again"),
                              csv_strerror (csv_error (&r->parser)));
              r->stop = TRUE;
              break;
            }

          pos += chunk;

          if (r->parser.entry_pos > FW_CSV_MAX_FIELD_BYTES)
            {
              report_large_field (r, data + pos, size - pos);
              r->stop = TRUE;
            }
        }
    }

  if (!r->stop && csv_fini (&r->parser, on_field, on_row, r) != 0)
    {
      report_unclosed_quote (r);
      r->stop = TRUE;
    }

  csv_free (&r->parser);

  if (!r->stop && !r->have_header)
    {
      reader_error (r, FW_FORMAT_ERROR_EMPTY, 0, 0,
                    _("the file has no text, only blank lines; export the data again or choose another file"));
      return FALSE;
    }

  return !r->stop;
}

/* Sets the layout's country columns to codes when every value was one. */
static void
reader_finish_layout (Reader *r)
{
  const struct { FwField field; CountryColumn *tracker; } countries[] = {
    { FW_FIELD_FIRM_HQ, &r->hq },
    { FW_FIELD_FAIR_HOST, &r->host },
  };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      gint column = r->field_column[countries[i].field];

      if (column >= 0 && (guint) column < r->layout->columns->len)
        g_array_index (r->layout->columns, LayoutColumn, column).codes =
          countries[i].tracker->any && countries[i].tracker->all_codes;
    }
}

/* Row values */

static gboolean
reader_country (Reader      *r,
                FwField      field,
                FwCountryId *out_id)
{
  CountryColumn *tracker = field == FW_FIELD_FIRM_HQ ? &r->hq : &r->host;
  gsize len;
  const char *text = reader_text (r, field, &len);
  guint value;

  *out_id = FW_COUNTRY_UNKNOWN;
  if (len == 0)
    return TRUE;

  if (tracker->last != NULL && tracker->last_len == len && memcmp (tracker->last, text, len) == 0)
    value = tracker->last_value;
  else
    {
      value = builder_lookup_country (r->builder, text, len, &tracker->last);
      tracker->last_len = len;
      tracker->last_value = value;
    }

  if ((value & COUNTRY_ID_MASK) == FW_COUNTRY_UNKNOWN)
    {
      reader_error (r, FW_FORMAT_ERROR_COUNTRY, reader_line (r, field), reader_column (r, field),
                    _("“%s” is not a country this program knows (column “%s”); "
                      "use an English name or an ISO 3166 code"),
                    text, reader_field_header (r, field));
      return FALSE;
    }

  tracker->any = TRUE;
  if ((value & COUNTRY_IS_CODE) == 0)
    tracker->all_codes = FALSE;

  *out_id = value & COUNTRY_ID_MASK;
  return TRUE;
}

static gboolean
reader_confidence (Reader       *r,
                   FwConfidence *out_confidence)
{
  gsize len;
  const char *text = reader_text (r, FW_FIELD_FIRM_CONFIDENCE, &len);
  ConfidenceEntry parsed;
  ConfidenceEntry *entry = NULL;

  *out_confidence = FW_CONFIDENCE_UNKNOWN;
  if (len == 0)
    return TRUE;

  for (guint i = 0; i < CONFIDENCE_CACHE; i++)
    {
      entry = &r->confidence[i];
      if (entry->len == len && memcmp (entry->text, text, len) == 0)
        break;
      entry = NULL;
    }

  if (entry == NULL)
    {
      memset (&parsed, 0, sizeof parsed);
      parsed.len = len;
      parsed.valid = fw_confidence_from_string (text, &parsed.value);
      if (len >= sizeof parsed.text)
        entry = &parsed;
      else
        {
          memcpy (parsed.text, text, len);
          entry = &r->confidence[r->confidence_next++ % CONFIDENCE_CACHE];
          *entry = parsed;
        }
    }

  if (!entry->valid)
    {
      reader_error (r, FW_FORMAT_ERROR_CONFIDENCE,
                    reader_line (r, FW_FIELD_FIRM_CONFIDENCE), reader_column (r, FW_FIELD_FIRM_CONFIDENCE),
                    _("confidence “%s” is not high, medium or low (column “%s”); "
                      "correct the cell or leave it empty if the confidence is unknown"),
                    text, reader_field_header (r, FW_FIELD_FIRM_CONFIDENCE));
      return FALSE;
    }

  *out_confidence = entry->value;
  return TRUE;
}

static gboolean
reader_year (Reader  *r,
             guint16 *out_year)
{
  gsize len;
  const char *text = reader_text (r, FW_FIELD_EXHIBITION_YEAR, &len);

  *out_year = FW_YEAR_UNKNOWN;
  if (len == 0)
    return TRUE;

  if (!fw_year_parse (text, out_year))
    {
      reader_error (r, FW_FORMAT_ERROR_YEAR,
                    reader_line (r, FW_FIELD_EXHIBITION_YEAR), reader_column (r, FW_FIELD_EXHIBITION_YEAR),
                    _("year “%s” is not a whole number from %d to %d (column “%s”). "
                      "Correct the cell or leave it empty if the year is unknown."),
                    text, FW_YEAR_MIN, FW_YEAR_MAX, reader_field_header (r, FW_FIELD_EXHIBITION_YEAR));
      return FALSE;
    }

  return TRUE;
}

static guint32
reader_intern (Reader  *r,
               FwField  field)
{
  gsize len;
  const char *text = reader_text (r, field, &len);

  return builder_intern (r->builder, text, len);
}

static void
reader_push_extras (Reader *r)
{
  GArray *values = r->builder->extra_values[r->table];

  for (guint i = 0; i < r->n_extra; i++)
    {
      const Field *field = &r->fields[r->extra_columns[i]];
      guint32 value = builder_intern (r->builder, r->buf + field->offset, field->len);

      g_array_append_val (values, value);
    }
}

/* Keeping a record's first value, or filling it in when it was empty */

static const char *
record_name (Reader   *r,
             gboolean  fair,
             guint     row)
{
  Builder *b = r->builder;

  return builder_string (b, fair ? g_array_index (b->fairs, FairRecord, row).name
                                 : g_array_index (b->firms, FirmRecord, row).name);
}

/* @what is untranslated: it is only translated for a warning. */
static void
merge_string (Reader     *r,
              gboolean    fair,
              const char *what,
              FwField     field,
              guint32    *kept,
              guint      *kept_line,
              guint       row)
{
  gsize len;
  const char *text = reader_text (r, field, &len);
  const char *old;

  if (len == 0)
    return;

  if (*kept == FW_STR_NONE)
    {
      *kept = fw_str_pool_intern_len (r->builder->strings, text, len);
      *kept_line = reader_line (r, field);
      return;
    }

  old = builder_string (r->builder, *kept);
  if (strcmp (old, text) == 0)
    return;

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, field), reader_column (r, field),
              fair ? FW_TABLE_FAIRS : FW_TABLE_FIRMS, (gint) row,
              fair ? _("fair “%s” has %s “%s” on line %u but “%s” on line %u; the first is kept")
                   : _("firm “%s” has %s “%s” on line %u but “%s” on line %u; the first is kept"),
              record_name (r, fair, row), _(what), old, *kept_line, text, reader_line (r, field));
}

static void
merge_country (Reader      *r,
               gboolean     fair,
               FwField      field,
               FwCountryId  value,
               FwCountryId *kept,
               guint       *kept_line,
               guint        row)
{
  FwCountries *countries = r->builder->countries;

  if (value == FW_COUNTRY_UNKNOWN || value == *kept)
    return;

  if (*kept == FW_COUNTRY_UNKNOWN)
    {
      *kept = value;
      *kept_line = reader_line (r, field);
      return;
    }

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, field), reader_column (r, field),
              fair ? FW_TABLE_FAIRS : FW_TABLE_FIRMS, (gint) row,
              fair ? _("fair “%s” has host country %s on line %u but %s on line %u; the first is kept")
                   : _("firm “%s” has HQ %s on line %u but %s on line %u; the first is kept"),
              record_name (r, fair, row), fw_countries_get_name (countries, *kept), *kept_line,
              fw_countries_get_name (countries, value), reader_line (r, field));
}

static void
merge_confidence (Reader       *r,
                  FwConfidence  value,
                  guint         row)
{
  guint8 *kept = &g_array_index (r->builder->firm_confidence, guint8, row);
  guint *kept_line;

  if (value == FW_CONFIDENCE_UNKNOWN || value == *kept)
    return;

  kept_line = &g_array_index (r->builder->firms, FirmRecord, row).line[FIRM_CONFIDENCE];
  if (*kept == FW_CONFIDENCE_UNKNOWN)
    {
      *kept = value;
      *kept_line = reader_line (r, FW_FIELD_FIRM_CONFIDENCE);
      return;
    }

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, FW_FIELD_FIRM_CONFIDENCE), reader_column (r, FW_FIELD_FIRM_CONFIDENCE),
              FW_TABLE_FIRMS, (gint) row,
              _("firm “%s” has confidence %s on line %u but %s on line %u; the first is kept"),
              record_name (r, FALSE, row), fw_confidence_to_string (*kept), *kept_line,
              fw_confidence_to_string (value), reader_line (r, FW_FIELD_FIRM_CONFIDENCE));
}

static guint
new_firm (Reader       *r,
          FwCountryId   hq,
          FwConfidence  confidence)
{
  FirmRecord firm = { 0 };
  guint8 level = confidence;
  guint line = r->row_line;

  firm.id = reader_intern (r, FW_FIELD_FIRM_ID);
  firm.name = reader_intern (r, FW_FIELD_FIRM_NAME);
  firm.website = reader_intern (r, FW_FIELD_FIRM_WEBSITE);
  firm.notes = reader_intern (r, FW_FIELD_FIRM_NOTES);
  firm.source = reader_intern (r, FW_FIELD_FIRM_SOURCE);
  firm.line[FIRM_NAME] = reader_line (r, FW_FIELD_FIRM_NAME);
  firm.line[FIRM_HQ] = r->field_column[FW_FIELD_FIRM_HQ] >= 0 ? reader_line (r, FW_FIELD_FIRM_HQ) : line;
  firm.line[FIRM_CONFIDENCE] = reader_line (r, FW_FIELD_FIRM_CONFIDENCE);
  firm.line[FIRM_WEBSITE] = reader_line (r, FW_FIELD_FIRM_WEBSITE);
  firm.line[FIRM_NOTES] = reader_line (r, FW_FIELD_FIRM_NOTES);
  firm.line[FIRM_SOURCE] = reader_line (r, FW_FIELD_FIRM_SOURCE);
  g_array_append_val (r->builder->firms, firm);
  g_array_append_val (r->builder->firm_hq, hq);
  g_array_append_val (r->builder->firm_confidence, level);

  return r->builder->firms->len - 1;
}

static guint
flat_firm (Reader       *r,
           FwCountryId   hq,
           FwConfidence  confidence)
{
  Builder *b = r->builder;
  gsize id_len, name_len;
  const char *id = reader_text (r, FW_FIELD_FIRM_ID, &id_len);
  const char *name = reader_text (r, FW_FIELD_FIRM_NAME, &name_len);
  gboolean by_id = id_len > 0;
  const char *key = by_id ? id : name;
  gsize key_len = by_id ? id_len : name_len;
  FirmRecord *firm;
  gboolean created = FALSE;
  guint row;

  /* Rows of one firm usually follow each other: most rows are resolved
   * without hashing. */
  if (r->last_firm != G_MAXUINT && r->last_firm_by_id == by_id &&
      r->last_firm_key_len == key_len && memcmp (r->last_firm_key, key, key_len) == 0)
    {
      row = r->last_firm;
      r->prefetch_index = NULL;
    }
  else
    {
      KeyIndex *index = by_id ? &b->firm_by_id : &b->firm_by_name;
      gint key_column = r->field_column[by_id ? FW_FIELD_FIRM_ID : FW_FIELD_FIRM_NAME];
      gboolean have_hash = r->prefetched && r->prefetch_column == key_column;
      guint32 hash = have_hash ? r->prefetch_hash : hash_bytes (key, key_len);
      const IndexSlot *slot = key_index_lookup (index, key, key_len, hash);

      r->prefetch_index = index;
      r->prefetch_column = key_column;

      if (slot != NULL)
        {
          row = slot->value;
          r->last_firm_key = slot->key;
          /* A copy at hand spares the next row a trip to the pool. */
          if (key_len <= sizeof r->last_firm_copy)
            r->last_firm_key = memcpy (r->last_firm_copy, key, key_len);
        }
      else
        {
          row = new_firm (r, hq, confidence);
          firm = &g_array_index (b->firms, FirmRecord, row);
          r->last_firm_key = builder_string (b, by_id ? firm->id : firm->name);
          key_index_insert (index, r->last_firm_key, key_len, hash, row);

          /* Rows of this firm that leave the id empty find it by name. */
          if (by_id)
            {
              guint32 name_hash = hash_bytes (name, name_len);

              if (key_index_lookup (&b->firm_by_name, name, name_len, name_hash) == NULL)
                key_index_insert (&b->firm_by_name, builder_string (b, firm->name), name_len, name_hash, row);
            }
          created = TRUE;
        }

      r->last_firm = row;
      r->last_firm_by_id = by_id;
      r->last_firm_key_len = key_len;
    }

  if (created)
    return row;

  /* Taking the address does not read the record: it is only read when a
   * value differs from the kept one. */
  firm = &g_array_index (b->firms, FirmRecord, row);

  if (by_id)
    merge_string (r, FALSE, N_("name"), FW_FIELD_FIRM_NAME, &firm->name, &firm->line[FIRM_NAME], row);
  merge_country (r, FALSE, FW_FIELD_FIRM_HQ, hq,
                 &g_array_index (b->firm_hq, FwCountryId, row), &firm->line[FIRM_HQ], row);
  merge_confidence (r, confidence, row);
  merge_string (r, FALSE, N_("website"), FW_FIELD_FIRM_WEBSITE, &firm->website, &firm->line[FIRM_WEBSITE], row);
  merge_string (r, FALSE, N_("notes"), FW_FIELD_FIRM_NOTES, &firm->notes, &firm->line[FIRM_NOTES], row);
  merge_string (r, FALSE, N_("source"), FW_FIELD_FIRM_SOURCE, &firm->source, &firm->line[FIRM_SOURCE], row);

  return row;
}

static guint
new_fair (Reader      *r,
          FwCountryId  host)
{
  FairRecord fair = { 0 };

  fair.id = reader_intern (r, FW_FIELD_FAIR_ID);
  fair.name = reader_intern (r, FW_FIELD_FAIR_NAME);
  fair.host = host;
  fair.city = reader_intern (r, FW_FIELD_FAIR_CITY);
  fair.line[FAIR_NAME] = reader_line (r, FW_FIELD_FAIR_NAME);
  fair.line[FAIR_HOST] = reader_line (r, FW_FIELD_FAIR_HOST);
  fair.line[FAIR_CITY] = reader_line (r, FW_FIELD_FAIR_CITY);
  g_array_append_val (r->builder->fairs, fair);

  return r->builder->fairs->len - 1;
}

static guint
flat_fair (Reader      *r,
           FwCountryId  host)
{
  static const char hex[] = "0123456789abcdef";
  Builder *b = r->builder;
  gsize id_len, name_len, key_len, name_key_len, needed;
  const char *id = reader_text (r, FW_FIELD_FAIR_ID, &id_len);
  const char *name = reader_text (r, FW_FIELD_FAIR_NAME, &name_len);
  gboolean by_id = id_len > 0;
  FairRecord *fair;
  char *name_key;
  gpointer stored, found;
  guint32 hash;
  char *key;
  guint row;

  /* Without an id, a fair is its name in its host country; the first
   * byte keeps the two kinds of key apart. */
  name_key_len = 1 + name_len + 1 + 4;
  needed = (by_id ? 1 + id_len + 1 : 0) + name_key_len + 1;
  if (needed > r->key_size)
    {
      r->key_size = MAX (needed, 2 * r->key_size);
      r->key = g_realloc (r->key, r->key_size);
    }
  key = r->key;
  if (by_id)
    {
      key[0] = '\x1e';
      memcpy (key + 1, id, id_len);
      key_len = 1 + id_len;
      key[key_len] = '\0';
      /* The name key follows, for rows of this fair without the id. */
      name_key = key + key_len + 1;
    }
  else
    {
      key_len = name_key_len;
      name_key = key;
    }

  name_key[0] = '\x1f';
  memcpy (name_key + 1, name, name_len);
  name_key[1 + name_len] = '\x1f';
  for (guint i = 0; i < 4; i++)
    name_key[2 + name_len + i] = hex[(host >> (12 - 4 * i)) & 0xf];
  name_key[name_key_len] = '\0';

  hash = hash_bytes (key, key_len);
  if (!key_cache_lookup (b->fair_fast, key, key_len, hash, &row, NULL))
    {
      if (g_hash_table_lookup_extended (b->fair_by_key, key, &stored, &found))
        row = GPOINTER_TO_UINT (found);
      else
        {
          row = new_fair (r, host);
          stored = g_strndup (key, key_len);
          g_hash_table_insert (b->fair_by_key, stored, GUINT_TO_POINTER (row));
          key_cache_insert (b->fair_fast, stored, key_len, hash, row);
          if (by_id && !g_hash_table_contains (b->fair_by_key, name_key))
            g_hash_table_insert (b->fair_by_key, g_strdup (name_key), GUINT_TO_POINTER (row));
          return row;
        }
      key_cache_insert (b->fair_fast, stored, key_len, hash, row);
    }

  fair = &g_array_index (b->fairs, FairRecord, row);

  if (by_id)
    {
      merge_string (r, TRUE, N_("name"), FW_FIELD_FAIR_NAME, &fair->name, &fair->line[FAIR_NAME], row);
      merge_country (r, TRUE, FW_FIELD_FAIR_HOST, host, &fair->host, &fair->line[FAIR_HOST], row);
    }
  merge_string (r, TRUE, N_("city"), FW_FIELD_FAIR_CITY, &fair->city, &fair->line[FAIR_CITY], row);

  return row;
}

/* A firm-only row carries nothing for an exhibition; say so when it
 * does anyway, rather than drop values silently. */
static void
flat_check_firm_only (Reader *r)
{
  static const FwField fields[] = {
    FW_FIELD_FAIR_CITY, FW_FIELD_EXHIBITION_SOURCE, FW_FIELD_EXHIBITION_NOTE,
  };
  g_autoptr(GString) dropped = g_string_new (NULL);
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len;

      reader_text (r, fields[i], &len);
      if (len > 0)
        {
          g_string_append_printf (dropped, "%s“%s”", dropped->len > 0 ? ", " : "",
                                  reader_field_header (r, fields[i]));
          if (first == 0)
            first = reader_column (r, fields[i]);
        }
    }

  for (guint i = 0; i < r->n_extra; i++)
    {
      guint column = r->extra_columns[i];

      if (r->fields[column].len > 0)
        {
          g_string_append_printf (dropped, "%s“%s”", dropped->len > 0 ? ", " : "", r->headers[column]);
          if (first == 0)
            first = column + 1;
        }
    }

  if (dropped->len > 0)
    reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID, r->row_line, first,
                FW_TABLE_EXHIBITIONS, -1,
                _("this row has no fair, host country or year, so it only describes the firm; "
                  "its values in %s belong to an exhibition and are dropped. Fill in the fair to keep them"),
                dropped->str);
}

static void
flat_row (Reader *r)
{
  Builder *b = r->builder;
  gsize name_len, fair_len, fair_id_len, host_len, year_len;
  gboolean ok = TRUE;
  FwCountryId hq, host;
  FwConfidence confidence;
  guint16 year;
  guint firm, fair;

  reader_text (r, FW_FIELD_FIRM_NAME, &name_len);
  if (name_len == 0)
    {
      reader_error (r, FW_FORMAT_ERROR_INVALID,
                    reader_line (r, FW_FIELD_FIRM_NAME), reader_column (r, FW_FIELD_FIRM_NAME),
                    _("the firm name is empty (column “%s”); fill it in or delete the row"),
                    reader_field_header (r, FW_FIELD_FIRM_NAME));
      ok = FALSE;
    }

  ok = reader_country (r, FW_FIELD_FIRM_HQ, &hq) && ok;
  ok = reader_confidence (r, &confidence) && ok;
  ok = reader_country (r, FW_FIELD_FAIR_HOST, &host) && ok;
  ok = reader_year (r, &year) && ok;
  if (!ok)
    return;

  firm = flat_firm (r, hq, confidence);

  reader_text (r, FW_FIELD_FAIR_NAME, &fair_len);
  reader_text (r, FW_FIELD_FAIR_ID, &fair_id_len);
  reader_text (r, FW_FIELD_FAIR_HOST, &host_len);
  reader_text (r, FW_FIELD_EXHIBITION_YEAR, &year_len);
  if (fair_len == 0 && fair_id_len == 0 && host_len == 0 && year_len == 0)
    {
      flat_check_firm_only (r);
      return;
    }

  fair = flat_fair (r, host);
  builder_add_exhibition (b, firm, fair, year,
                          reader_intern (r, FW_FIELD_EXHIBITION_SOURCE),
                          reader_intern (r, FW_FIELD_EXHIBITION_NOTE),
                          r->row_line);
  reader_push_extras (r);
}

/* Tables: ids are registered even for refused rows, so that references
 * to them do not add a second error for the same mistake. */
static gboolean
check_new_id (Reader  *r,
              FwField  field)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  const IdEntry *first;
  gpointer found;

  if (len == 0 || !g_hash_table_lookup_extended (b->ids[r->table], id, NULL, &found))
    return TRUE;

  first = &g_array_index (b->id_entries, IdEntry, GPOINTER_TO_UINT (found) - 1);
  if (r->table == FW_TABLE_FIRMS)
    reader_error (r, FW_FORMAT_ERROR_DUPLICATE_ID, reader_line (r, field), reader_column (r, field),
                  _("firm id “%s” is already used on line %u; give each firm its own id"),
                  id, first->line);
  else
    reader_error (r, FW_FORMAT_ERROR_DUPLICATE_ID, reader_line (r, field), reader_column (r, field),
                  _("fair id “%s” is already used on line %u; give each fair its own id"),
                  id, first->line);

  return FALSE;
}

/* Ids are registered even for refused rows (@row is -1), so that
 * references to them do not add a second error for the same mistake. */
static void
register_id (Reader  *r,
             FwField  field,
             gint     row)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  IdEntry entry = { row, reader_line (r, field) };

  if (len == 0)
    return;

  g_array_append_val (b->id_entries, entry);
  g_hash_table_insert (b->ids[r->table], g_strndup (id, len), GUINT_TO_POINTER (b->id_entries->len));
}

static void
firms_row (Reader *r)
{
  gsize name_len;
  gboolean ok = TRUE;
  FwCountryId hq;
  FwConfidence confidence;

  if (!check_new_id (r, FW_FIELD_FIRM_ID))
    return;

  reader_text (r, FW_FIELD_FIRM_NAME, &name_len);
  if (name_len == 0)
    {
      reader_error (r, FW_FORMAT_ERROR_INVALID,
                    reader_line (r, FW_FIELD_FIRM_NAME), reader_column (r, FW_FIELD_FIRM_NAME),
                    _("the firm name is empty (column “%s”); fill it in or delete the row"),
                    reader_field_header (r, FW_FIELD_FIRM_NAME));
      ok = FALSE;
    }
  ok = reader_country (r, FW_FIELD_FIRM_HQ, &hq) && ok;
  ok = reader_confidence (r, &confidence) && ok;

  register_id (r, FW_FIELD_FIRM_ID, ok ? (gint) r->builder->firms->len : -1);
  if (!ok)
    return;

  new_firm (r, hq, confidence);
  reader_push_extras (r);
}

static void
fairs_row (Reader *r)
{
  gboolean ok;
  FwCountryId host;

  if (!check_new_id (r, FW_FIELD_FAIR_ID))
    return;

  ok = reader_country (r, FW_FIELD_FAIR_HOST, &host);
  register_id (r, FW_FIELD_FAIR_ID, ok ? (gint) r->builder->fairs->len : -1);
  if (!ok)
    return;

  new_fair (r, host);
  reader_push_extras (r);
}

/* Row of the record @field refers to; -1 when it is missing (an error is
 * added) or was refused (its error is already there). */
static gint
resolve_reference (Reader  *r,
                   FwField  field,
                   FwTable  table)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  gboolean firm = table == FW_TABLE_FIRMS;
  gpointer found;

  if (len == 0)
    {
      reader_error (r, FW_FORMAT_ERROR_REFERENCE, reader_line (r, field), reader_column (r, field),
                    firm ? _("the exhibition names no firm (column “%s”); fill in the id of a firm in firms.csv")
                         : _("the exhibition names no fair (column “%s”); fill in the id of a fair in fairs.csv"),
                    reader_field_header (r, field));
      return -1;
    }

  if (!g_hash_table_lookup_extended (b->ids[table], id, NULL, &found))
    {
      reader_error (r, FW_FORMAT_ERROR_REFERENCE, reader_line (r, field), reader_column (r, field),
                    firm ? _("exhibition refers to firm “%s”, which firms.csv does not have; "
                             "add the firm to firms.csv or correct the id")
                         : _("exhibition refers to fair “%s”, which fairs.csv does not have; "
                             "add the fair to fairs.csv or correct the id"),
                    id);
      return -1;
    }

  return g_array_index (b->id_entries, IdEntry, GPOINTER_TO_UINT (found) - 1).row;
}

static void
exhibitions_row (Reader *r)
{
  gint firm = resolve_reference (r, FW_FIELD_EXHIBITION_FIRM, FW_TABLE_FIRMS);
  gint fair = resolve_reference (r, FW_FIELD_EXHIBITION_FAIR, FW_TABLE_FAIRS);
  guint16 year;

  if (!reader_year (r, &year) || firm < 0 || fair < 0)
    return;

  builder_add_exhibition (r->builder, (guint32) firm, (guint32) fair, year,
                          reader_intern (r, FW_FIELD_EXHIBITION_SOURCE),
                          reader_intern (r, FW_FIELD_EXHIBITION_NOTE),
                          r->row_line);
  reader_push_extras (r);
}

typedef struct
{
  guint64 key;      /* fair << 16 | year */
  guint   exhibition;
} ExhibitionKey;

typedef struct
{
  guint repeat;
  guint first;
} Repeat;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const ExhibitionKey *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->exhibition < kb->exhibition ? -1 : ka->exhibition > kb->exhibition;
}

static int
compare_repeats (gconstpointer a,
                 gconstpointer b)
{
  const Repeat *ra = a, *rb = b;

  return ra->repeat < rb->repeat ? -1 : ra->repeat > rb->repeat;
}

/* Warns about the same firm at the same fair in the same known year.
 * Exhibitions are bucketed by firm (a counting sort), and each firm has
 * few, so this stays linear for a million rows. */
static void
check_repeats (Builder *b)
{
  guint n = b->ex.len;
  guint n_firms = b->firms->len;
  const guint32 *firm = b->ex.firm;
  const guint32 *fair = b->ex.fair;
  const guint16 *year = b->ex.year;
  g_autofree guint *start = NULL;
  g_autofree ExhibitionKey *keys = NULL;
  g_autoptr(GArray) repeats = NULL;
  guint n_known = 0;

  if (n < 2)
    return;

  start = g_new0 (guint, n_firms + 1);
  for (guint i = 0; i < n; i++)
    {
      if (year[i] != FW_YEAR_UNKNOWN)
        {
          start[firm[i] + 1]++;
          n_known++;
        }
    }
  if (n_known < 2)
    return;

  for (guint f = 0; f < n_firms; f++)
    start[f + 1] += start[f];

  /* The keys themselves are scattered, not indices, so that comparing
   * within a firm reads memory in order. */
  keys = g_new (ExhibitionKey, n_known);
  for (guint i = 0; i < n; i++)
    {
      if (year[i] != FW_YEAR_UNKNOWN)
        {
          ExhibitionKey *key = &keys[start[firm[i]]++];

          key->key = ((guint64) fair[i] << 16) | year[i];
          key->exhibition = i;
        }
    }
  /* start[f] is now where firm f + 1 starts */
  memmove (start + 1, start, sizeof (guint) * n_firms);
  start[0] = 0;

  repeats = g_array_new (FALSE, FALSE, sizeof (Repeat));

  for (guint f = 0; f < n_firms; f++)
    {
      ExhibitionKey *bucket = keys + start[f];
      guint size = start[f + 1] - start[f];

      if (size < 2)
        continue;

      if (size <= 64)
        {
          for (guint a = 1; a < size; a++)
            {
              for (guint c = 0; c < a; c++)
                {
                  if (bucket[a].key == bucket[c].key)
                    {
                      Repeat repeat = { bucket[a].exhibition, bucket[c].exhibition };

                      g_array_append_val (repeats, repeat);
                      break;
                    }
                }
            }
          continue;
        }

      qsort (bucket, size, sizeof (ExhibitionKey), compare_keys);
      for (guint a = 1, run = 0; a < size; a++)
        {
          if (bucket[a].key == bucket[run].key)
            {
              Repeat repeat = { bucket[a].exhibition, bucket[run].exhibition };

              g_array_append_val (repeats, repeat);
            }
          else
            run = a;
        }
    }

  g_array_sort (repeats, compare_repeats);

  for (guint i = 0; i < repeats->len; i++)
    {
      const Repeat *repeat = &g_array_index (repeats, Repeat, i);
      const FirmRecord *firm_record = &g_array_index (b->firms, FirmRecord, firm[repeat->repeat]);
      const FairRecord *fair_record = &g_array_index (b->fairs, FairRecord, fair[repeat->repeat]);
      FwProblem *problem;

      problem = fw_problem_new (FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID, b->exhibitions_file,
                                b->ex.line[repeat->repeat], 0,
                                _("firm “%s” at “%s” in %u is already on line %u; "
                                  "delete one of the two rows if it is a mistake"),
                                builder_string (b, firm_record->name),
                                builder_string (b, fair_record->name),
                                year[repeat->repeat],
                                b->ex.line[repeat->first]);
      problem->table = FW_TABLE_EXHIBITIONS;
      problem->row = (gint) repeat->repeat;
      fw_problems_add (b->problems, problem);
    }
}

static FwDataset *
finish_reading (Builder      *b,
                guint         n_errors_before,
                FwCsvLayout  *layout,
                GError      **error)
{
  FwDataset *dataset;

  check_repeats (b);

  if (fw_problems_get_n_errors (b->problems) > n_errors_before)
    {
      g_propagate_error (error, fw_problems_to_error (b->problems));
      fw_csv_layout_free (layout);
      return NULL;
    }

  dataset = builder_commit (b);
  fw_dataset_set_csv_layout (dataset, layout);

  return dataset;
}

FwDataset *
fw_csv_read_flat (GBytes       *data,
                  const char   *filename,
                  FwCountries  *countries,
                  FwProblems   *problems,
                  GError      **error)
{
  g_autoptr(FwProblems) own_problems = NULL;
  g_autofree char *file = NULL;
  FwCsvLayout *layout;
  FwDataset *dataset;
  Builder builder;
  Reader reader;
  guint n_errors;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (countries == NULL || FW_IS_COUNTRIES (countries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = fw_problems_new (1000);
  n_errors = fw_problems_get_n_errors (problems);
  file = g_path_get_basename (filename != NULL ? filename : "data.csv");

  builder_init (&builder, countries, problems);
  builder.exhibitions_file = file;
  layout = layout_new (FALSE);

  reader_init (&reader, &builder, file, FW_TABLE_EXHIBITIONS,
               flat_specs, G_N_ELEMENTS (flat_specs), flat_row, &layout->files[0]);
  if (reader_run (&reader, data) && reader.n_rows == 0)
    reader_error (&reader, FW_FORMAT_ERROR_EMPTY, reader.line, 0,
                  _("there are no rows below the header; add rows or choose another file"));
  reader_finish_layout (&reader);
  reader_clear (&reader);

  dataset = finish_reading (&builder, n_errors, layout, error);
  builder_clear (&builder);

  return dataset;
}

FwDataset *
fw_csv_read_tables (const char    *directory,
                    FwCountries   *countries,
                    FwProblems    *problems,
                    GError       **error)
{
  static const RowFunc row_funcs[FW_N_TABLES] = { firms_row, fairs_row, exhibitions_row };
  g_autoptr(FwProblems) own_problems = NULL;
  GBytes *contents[FW_N_TABLES] = { NULL };
  FwCsvLayout *layout;
  FwDataset *dataset;
  Builder builder;
  guint n_errors;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (countries == NULL || FW_IS_COUNTRIES (countries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (directory, table_files[t], NULL);
      g_autoptr(GFile) gfile = g_file_new_for_path (path);

      contents[t] = g_file_load_bytes (gfile, NULL, NULL, error);
      if (contents[t] == NULL)
        {
          for (guint i = 0; i < t; i++)
            g_bytes_unref (contents[i]);
          return NULL;
        }
    }

  if (problems == NULL)
    problems = own_problems = fw_problems_new (1000);
  n_errors = fw_problems_get_n_errors (problems);

  builder_init (&builder, countries, problems);
  builder.exhibitions_file = table_files[FW_TABLE_EXHIBITIONS];
  layout = layout_new (TRUE);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      Reader reader;
      gboolean complete;

      reader_init (&reader, &builder, table_files[t], t,
                   table_specs[t].specs, table_specs[t].n_specs, row_funcs[t], &layout->files[t]);
      complete = reader_run (&reader, contents[t]);
      if (complete && t == FW_TABLE_FIRMS && reader.n_rows == 0)
        reader_error (&reader, FW_FORMAT_ERROR_EMPTY, reader.line, 0,
                      _("there are no firms below the header; add rows or choose another directory"));
      reader_finish_layout (&reader);
      reader_clear (&reader);

      /* Without all firms or fairs, every reference would be an error. */
      if (!complete)
        break;
    }

  for (guint t = 0; t < FW_N_TABLES; t++)
    g_bytes_unref (contents[t]);

  dataset = finish_reading (&builder, n_errors, layout, error);
  builder_clear (&builder);

  return dataset;
}

gboolean
fw_csv_is_tables_directory (const char *directory)
{
  g_return_val_if_fail (directory != NULL, FALSE);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (directory, table_files[t], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }

  return TRUE;
}


/* Writing */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buf;
  char           delimiter;
  const char    *newline;
} Writer;

static void
writer_init (Writer        *w,
             GOutputStream *stream,
             GCancellable  *cancellable,
             char           delimiter,
             gboolean       bom,
             gboolean       crlf)
{
  w->stream = stream;
  w->cancellable = cancellable;
  w->buf = g_string_sized_new (WRITE_BUFFER + 4096);
  w->delimiter = delimiter;
  w->newline = crlf ? "\r\n" : "\n";
  if (bom)
    g_string_append (w->buf, "\xef\xbb\xbf");
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->buf, TRUE);
}

static gboolean
writer_flush (Writer  *w,
              GError **error)
{
  gboolean ok = g_output_stream_write_all (w->stream, w->buf->str, w->buf->len,
                                           NULL, w->cancellable, error);

  g_string_truncate (w->buf, 0);

  return ok;
}

/* Quotes only what needs it, so that a file that did not quote comes
 * back byte for byte; libcsv's writers quote every field. */
static void
writer_cell (Writer     *w,
             const char *text,
             gboolean    first)
{
  gsize len;
  gboolean quote = FALSE;

  if (!first)
    g_string_append_c (w->buf, w->delimiter);

  if (text == NULL || text[0] == '\0')
    return;

  len = strlen (text);
  if (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t')
    quote = TRUE;
  for (gsize i = 0; i < len && !quote; i++)
    {
      char c = text[i];

      quote = c == w->delimiter || c == '"' || c == '\r' || c == '\n';
    }

  if (!quote)
    {
      g_string_append_len (w->buf, text, len);
      return;
    }

  g_string_append_c (w->buf, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (w->buf, '"');
      g_string_append_c (w->buf, text[i]);
    }
  g_string_append_c (w->buf, '"');
}

static gboolean
writer_end_row (Writer  *w,
                GError **error)
{
  g_string_append (w->buf, w->newline);

  if (w->buf->len >= WRITE_BUFFER)
    return writer_flush (w, error);

  return TRUE;
}

static gboolean
writer_header (Writer  *w,
               GArray  *columns,
               GError **error)
{
  for (guint i = 0; i < columns->len; i++)
    writer_cell (w, g_array_index (columns, LayoutColumn, i).header, i == 0);

  return writer_end_row (w, error);
}

static void
compute_has_data (FwDataset *dataset,
                  gboolean   has_data[FW_N_FIELDS])
{
  guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  guint n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  guint n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);

  memset (has_data, 0, sizeof (gboolean) * FW_N_FIELDS);

  for (guint i = 0; i < n_firms; i++)
    {
      FwFirmValues firm;

      fw_dataset_get_firm (dataset, i, &firm);
      has_data[FW_FIELD_FIRM_ID] |= firm.id != NULL;
      has_data[FW_FIELD_FIRM_NAME] |= firm.name != NULL;
      has_data[FW_FIELD_FIRM_HQ] |= firm.hq != FW_COUNTRY_UNKNOWN;
      has_data[FW_FIELD_FIRM_CONFIDENCE] |= firm.confidence != FW_CONFIDENCE_UNKNOWN;
      has_data[FW_FIELD_FIRM_WEBSITE] |= firm.website != NULL;
      has_data[FW_FIELD_FIRM_NOTES] |= firm.notes != NULL;
      has_data[FW_FIELD_FIRM_SOURCE] |= firm.source != NULL;
    }

  for (guint i = 0; i < n_fairs; i++)
    {
      FwFairValues fair;

      fw_dataset_get_fair (dataset, i, &fair);
      has_data[FW_FIELD_FAIR_ID] |= fair.id != NULL;
      has_data[FW_FIELD_FAIR_NAME] |= fair.name != NULL;
      has_data[FW_FIELD_FAIR_HOST] |= fair.host != FW_COUNTRY_UNKNOWN;
      has_data[FW_FIELD_FAIR_CITY] |= fair.city != NULL;
    }

  for (guint i = 0; i < n_exhibitions; i++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, i, &exhibition);
      has_data[FW_FIELD_EXHIBITION_YEAR] |= exhibition.year != FW_YEAR_UNKNOWN;
      has_data[FW_FIELD_EXHIBITION_SOURCE] |= exhibition.source != NULL;
      has_data[FW_FIELD_EXHIBITION_NOTE] |= exhibition.note != NULL;
    }

  has_data[FW_FIELD_EXHIBITION_FIRM] = n_exhibitions > 0;
  has_data[FW_FIELD_EXHIBITION_FAIR] = n_exhibitions > 0;
}

/* A header the reader would take for another column, or a repeat. */
static gboolean
header_taken (GArray           *columns,
              const ColumnSpec *specs,
              guint             n_specs,
              const char       *header)
{
  g_autofree char *key = normalise_header (header);

  if (find_spec (specs, n_specs, header) != NULL)
    return TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *other = normalise_header (g_array_index (columns, LayoutColumn, i).header);

      if (g_str_equal (key, other))
        return TRUE;
    }

  return FALSE;
}

/* The columns to write: the layout's (those that still exist), then any
 * column that has data and no place yet, so that nothing is lost. */
static GArray *
build_columns (FwDataset        *dataset,
               GArray           *layout_columns,
               const ColumnSpec *specs,
               guint             n_specs,
               const FwTable    *extra_tables,
               guint             n_extra_tables,
               const gboolean   *always,
               const gboolean   *has_data)
{
  GArray *columns = column_array_new ();
  gboolean present[FW_N_FIELDS] = { FALSE };
  gboolean *extra_present[FW_N_TABLES];

  for (guint t = 0; t < FW_N_TABLES; t++)
    extra_present[t] = g_new0 (gboolean, fw_dataset_get_n_extra (dataset, t) + 1);

  for (guint i = 0; layout_columns != NULL && i < layout_columns->len; i++)
    {
      const LayoutColumn *column = &g_array_index (layout_columns, LayoutColumn, i);

      if (column->field == FW_FIELD_EXTRA)
        {
          guint n_extra = fw_dataset_get_n_extra (dataset, column->table);
          gint extra = -1;

          if (column->extra < n_extra &&
              g_strcmp0 (fw_dataset_get_extra_name (dataset, column->table, column->extra), column->header) == 0)
            extra = (gint) column->extra;
          else
            extra = fw_dataset_find_extra (dataset, column->table, column->header);

          if (extra < 0 || extra_present[column->table][extra])
            continue;

          extra_present[column->table][extra] = TRUE;
          column_array_add (columns, column->header, FW_FIELD_EXTRA, column->table, (guint) extra, FALSE);
        }
      else if (!present[column->field])
        {
          present[column->field] = TRUE;
          column_array_add (columns, column->header, column->field, column->table, 0, column->codes);
        }
    }

  for (guint i = 0; i < n_specs; i++)
    {
      FwField field = specs[i].field;

      if (!present[field] && (always[field] || has_data[field]))
        {
          present[field] = TRUE;
          column_array_add (columns, specs[i].names[0], field, fw_field_get_table (field), 0, FALSE);
        }
    }

  for (guint i = 0; i < n_extra_tables; i++)
    {
      FwTable table = extra_tables[i];

      for (guint e = 0; e < fw_dataset_get_n_extra (dataset, table); e++)
        {
          const char *name = fw_dataset_get_extra_name (dataset, table, e);
          g_autofree char *header = g_strdup (name);

          if (extra_present[table][e])
            continue;

          for (guint attempt = 2; header[0] == '\0' || header_taken (columns, specs, n_specs, header); attempt++)
            {
              g_free (header);
              header = g_strdup_printf ("%s (%s %u)", name, fw_table_to_string (table), attempt);
            }

          column_array_add (columns, header, FW_FIELD_EXTRA, table, e, FALSE);
        }
    }

  for (guint t = 0; t < FW_N_TABLES; t++)
    g_free (extra_present[t]);

  return columns;
}

typedef struct
{
  FwDataset                *dataset;
  FwCountries              *countries;
  const FwFirmValues       *firm;         /* NULL when the row has none */
  guint                     firm_row;
  const FwFairValues       *fair;
  guint                     fair_row;
  const FwExhibitionValues *exhibition;
  guint                     exhibition_row;
  char                    **firm_ids;     /* tables: ids as written */
  char                    **fair_ids;
  char                      year[8];
} RowContext;

static const char *
country_text (RowContext  *ctx,
              FwCountryId  id,
              gboolean     codes)
{
  if (id == FW_COUNTRY_UNKNOWN)
    return NULL;

  return codes ? fw_countries_get_code (ctx->countries, id)
               : fw_countries_get_name (ctx->countries, id);
}

static const char *
cell_text (RowContext         *ctx,
           const LayoutColumn *column)
{
  const FwFirmValues *firm = ctx->firm;
  const FwFairValues *fair = ctx->fair;
  const FwExhibitionValues *exhibition = ctx->exhibition;

  switch (column->field)
    {
    case FW_FIELD_FIRM_ID:
      if (firm == NULL)
        return NULL;
      return ctx->firm_ids != NULL ? ctx->firm_ids[ctx->firm_row] : firm->id;
    case FW_FIELD_FIRM_NAME:
      return firm != NULL ? firm->name : NULL;
    case FW_FIELD_FIRM_HQ:
      return firm != NULL ? country_text (ctx, firm->hq, column->codes) : NULL;
    case FW_FIELD_FIRM_CONFIDENCE:
      if (firm == NULL || firm->confidence == FW_CONFIDENCE_UNKNOWN)
        return NULL;
      return fw_confidence_to_string (firm->confidence);
    case FW_FIELD_FIRM_WEBSITE:
      return firm != NULL ? firm->website : NULL;
    case FW_FIELD_FIRM_NOTES:
      return firm != NULL ? firm->notes : NULL;
    case FW_FIELD_FIRM_SOURCE:
      return firm != NULL ? firm->source : NULL;
    case FW_FIELD_FAIR_ID:
      if (fair == NULL)
        return NULL;
      return ctx->fair_ids != NULL ? ctx->fair_ids[ctx->fair_row] : fair->id;
    case FW_FIELD_FAIR_NAME:
      return fair != NULL ? fair->name : NULL;
    case FW_FIELD_FAIR_HOST:
      return fair != NULL ? country_text (ctx, fair->host, column->codes) : NULL;
    case FW_FIELD_FAIR_CITY:
      return fair != NULL ? fair->city : NULL;
    case FW_FIELD_EXHIBITION_FIRM:
      if (exhibition == NULL)
        return NULL;
      if (ctx->firm_ids != NULL)
        return ctx->firm_ids[exhibition->firm];
      return firm == NULL ? NULL : firm->id != NULL ? firm->id : firm->name;
    case FW_FIELD_EXHIBITION_FAIR:
      if (exhibition == NULL)
        return NULL;
      if (ctx->fair_ids != NULL)
        return ctx->fair_ids[exhibition->fair];
      return fair == NULL ? NULL : fair->id != NULL ? fair->id : fair->name;
    case FW_FIELD_EXHIBITION_YEAR:
      if (exhibition == NULL || exhibition->year == FW_YEAR_UNKNOWN)
        return NULL;
      g_snprintf (ctx->year, sizeof ctx->year, "%u", exhibition->year);
      return ctx->year;
    case FW_FIELD_EXHIBITION_SOURCE:
      return exhibition != NULL ? exhibition->source : NULL;
    case FW_FIELD_EXHIBITION_NOTE:
      return exhibition != NULL ? exhibition->note : NULL;
    case FW_FIELD_EXTRA:
      switch (column->table)
        {
        case FW_TABLE_FIRMS:
          return firm != NULL ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_FIRMS, column->extra, ctx->firm_row) : NULL;
        case FW_TABLE_FAIRS:
          return fair != NULL ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_FAIRS, column->extra, ctx->fair_row) : NULL;
        case FW_TABLE_EXHIBITIONS:
        case FW_N_TABLES:
        default:
          return exhibition != NULL
                 ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_EXHIBITIONS, column->extra, ctx->exhibition_row)
                 : NULL;
        }
    case FW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static gboolean
write_row (Writer      *w,
           RowContext  *ctx,
           GArray      *columns,
           GError     **error)
{
  for (guint i = 0; i < columns->len; i++)
    writer_cell (w, cell_text (ctx, &g_array_index (columns, LayoutColumn, i)), i == 0);

  return writer_end_row (w, error);
}

gboolean
fw_csv_write_flat (FwDataset      *dataset,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  static const FwTable extra_tables[] = { FW_TABLE_EXHIBITIONS, FW_TABLE_FIRMS, FW_TABLE_FAIRS };
  gboolean always_default[FW_N_FIELDS] = { FALSE };
  gboolean always_layout[FW_N_FIELDS] = { FALSE };
  gboolean has_data[FW_N_FIELDS];
  g_autoptr(GArray) columns = NULL;
  g_autofree gboolean *has_exhibition = NULL;
  FwCsvLayout *layout;
  const LayoutFile *file = NULL;
  RowContext ctx = { 0 };
  gboolean ok = TRUE;
  guint n_firms, n_exhibitions;
  guint last_firm = G_MAXUINT, last_fair = G_MAXUINT;
  FwFirmValues firm;
  FwFairValues fair;
  Writer w;

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  always_default[FW_FIELD_FIRM_NAME] = TRUE;
  always_default[FW_FIELD_FIRM_HQ] = TRUE;
  always_default[FW_FIELD_FIRM_CONFIDENCE] = TRUE;
  always_default[FW_FIELD_FAIR_NAME] = TRUE;
  always_default[FW_FIELD_FAIR_HOST] = TRUE;
  always_default[FW_FIELD_EXHIBITION_YEAR] = TRUE;
  always_layout[FW_FIELD_FIRM_NAME] = TRUE;

  layout = fw_dataset_get_csv_layout (dataset);
  if (layout != NULL && !layout->tables)
    file = &layout->files[0];

  compute_has_data (dataset, has_data);
  columns = build_columns (dataset, file != NULL ? file->columns : NULL,
                           flat_specs, G_N_ELEMENTS (flat_specs),
                           extra_tables, G_N_ELEMENTS (extra_tables),
                           file != NULL ? always_layout : always_default, has_data);

  writer_init (&w, stream, cancellable,
               file != NULL ? file->delimiter : ',',
               file != NULL && file->bom,
               file != NULL && file->crlf);

  ctx.dataset = dataset;
  ctx.countries = fw_dataset_get_countries (dataset);
  n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);
  has_exhibition = g_new0 (gboolean, n_firms + 1);

  ok = writer_header (&w, columns, error);

  for (guint i = 0; ok && i < n_exhibitions; i++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, i, &exhibition);
      if (exhibition.firm != last_firm)
        fw_dataset_get_firm (dataset, last_firm = exhibition.firm, &firm);
      if (exhibition.fair != last_fair)
        fw_dataset_get_fair (dataset, last_fair = exhibition.fair, &fair);
      has_exhibition[exhibition.firm] = TRUE;

      ctx.firm = &firm;
      ctx.firm_row = exhibition.firm;
      ctx.fair = &fair;
      ctx.fair_row = exhibition.fair;
      ctx.exhibition = &exhibition;
      ctx.exhibition_row = i;
      ok = write_row (&w, &ctx, columns, error);
    }

  ctx.fair = NULL;
  ctx.exhibition = NULL;
  for (guint i = 0; ok && i < n_firms; i++)
    {
      if (has_exhibition[i])
        continue;

      fw_dataset_get_firm (dataset, i, &firm);
      ctx.firm = &firm;
      ctx.firm_row = i;
      ok = write_row (&w, &ctx, columns, error);
    }

  if (ok)
    ok = writer_flush (&w, error);

  writer_clear (&w);

  return ok;
}

/* Ids as the tables write them: a record without one gets PREFIX and its
 * 1-based row number, made unique against the ids that exist. */
static char **
make_ids (FwDataset *dataset,
          FwTable    table,
          char       prefix)
{
  guint n = fw_dataset_get_n_rows (dataset, table);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = fw_dataset_get_field_text (dataset, table, i,
                                                       table == FW_TABLE_FIRMS ? FW_FIELD_FIRM_ID : FW_FIELD_FAIR_ID,
                                                       0);

      if (id[0] != '\0')
        {
          ids[i] = g_steal_pointer (&id);
          g_hash_table_add (used, ids[i]);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      char *id;

      if (ids[i] != NULL)
        continue;

      id = g_strdup_printf ("%c%04u", prefix, i + 1);
      for (guint attempt = 2; g_hash_table_contains (used, id); attempt++)
        {
          g_free (id);
          id = g_strdup_printf ("%c%04u-%u", prefix, i + 1, attempt);
        }

      ids[i] = id;
      g_hash_table_add (used, id);
    }

  return ids;
}

/* Closing with a cancelled cancellable makes GIO drop the temporary file
 * and leave the previous one in place. */
static void
discard_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

static gboolean
write_table (FwDataset       *dataset,
             FwTable          table,
             GFile           *directory,
             char           **firm_ids,
             char           **fair_ids,
             const gboolean  *has_data,
             GCancellable    *cancellable,
             GError         **error)
{
  gboolean always_default[FW_N_FIELDS];
  gboolean always_layout[FW_N_FIELDS] = { FALSE };
  g_autoptr(GFile) gfile = g_file_get_child (directory, table_files[table]);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GArray) columns = NULL;
  FwCsvLayout *layout = fw_dataset_get_csv_layout (dataset);
  const LayoutFile *file = NULL;
  RowContext ctx = { 0 };
  gboolean ok;
  guint n;
  Writer w;

  for (guint i = 0; i < FW_N_FIELDS; i++)
    always_default[i] = TRUE;
  always_layout[FW_FIELD_FIRM_ID] = TRUE;
  always_layout[FW_FIELD_FIRM_NAME] = TRUE;
  always_layout[FW_FIELD_FAIR_ID] = TRUE;
  always_layout[FW_FIELD_FAIR_NAME] = TRUE;
  always_layout[FW_FIELD_EXHIBITION_FIRM] = TRUE;
  always_layout[FW_FIELD_EXHIBITION_FAIR] = TRUE;

  if (layout != NULL && layout->tables)
    file = &layout->files[table];

  columns = build_columns (dataset, file != NULL ? file->columns : NULL,
                           table_specs[table].specs, table_specs[table].n_specs,
                           &table, 1,
                           file != NULL ? always_layout : always_default, has_data);

  out = g_file_replace (gfile, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;

  writer_init (&w, G_OUTPUT_STREAM (out), cancellable,
               file != NULL ? file->delimiter : ',',
               file != NULL && file->bom,
               file != NULL && file->crlf);

  ctx.dataset = dataset;
  ctx.countries = fw_dataset_get_countries (dataset);
  ctx.firm_ids = firm_ids;
  ctx.fair_ids = fair_ids;
  n = fw_dataset_get_n_rows (dataset, table);

  ok = writer_header (&w, columns, error);
  for (guint i = 0; ok && i < n; i++)
    {
      FwFirmValues firm;
      FwFairValues fair;
      FwExhibitionValues exhibition;

      if (table == FW_TABLE_FIRMS)
        {
          fw_dataset_get_firm (dataset, i, &firm);
          ctx.firm = &firm;
          ctx.firm_row = i;
        }
      else if (table == FW_TABLE_FAIRS)
        {
          fw_dataset_get_fair (dataset, i, &fair);
          ctx.fair = &fair;
          ctx.fair_row = i;
        }
      else
        {
          fw_dataset_get_exhibition (dataset, i, &exhibition);
          ctx.exhibition = &exhibition;
          ctx.exhibition_row = i;
        }

      ok = write_row (&w, &ctx, columns, error);
    }

  if (ok)
    ok = writer_flush (&w, error);
  writer_clear (&w);

  if (!ok)
    {
      discard_stream (G_OUTPUT_STREAM (out));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

gboolean
fw_csv_write_tables (FwDataset     *dataset,
                     const char    *directory,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) firm_ids = NULL;
  g_auto(GStrv) fair_ids = NULL;
  gboolean has_data[FW_N_FIELDS];

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_file_new_for_path (directory);
  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  firm_ids = make_ids (dataset, FW_TABLE_FIRMS, 'F');
  fair_ids = make_ids (dataset, FW_TABLE_FAIRS, 'A');
  compute_has_data (dataset, has_data);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      if (!write_table (dataset, t, dir, firm_ids, fair_ids, has_data, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
