/* fw-csv-layout.c: how a CSV file was laid out, and its header names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-csv-private.h"

const char *const fw_csv_table_files[FW_N_TABLES] = {
  "firms.csv", "fairs.csv", "exhibitions.csv",
};

/* Layout memory */

static void
layout_column_clear (gpointer data)
{
  LayoutColumn *column = data;

  g_free (column->header);
}

GArray *
fw_csv_column_array_new (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (LayoutColumn));

  g_array_set_clear_func (columns, layout_column_clear);

  return columns;
}

void
fw_csv_column_array_add (GArray     *columns,
                         const char *header,
                         FwField     field,
                         FwTable     table,
                         guint       extra,
                         gboolean    codes)
{
  LayoutColumn column = { g_strdup (header), field, table, extra, codes };

  g_array_append_val (columns, column);
}

FwCsvLayout *
fw_csv_layout_new (gboolean tables)
{
  FwCsvLayout *layout = g_new0 (FwCsvLayout, 1);

  layout->tables = tables;
  for (guint i = 0; i < FW_N_TABLES; i++)
    {
      layout->files[i].delimiter = ',';
      layout->files[i].columns = fw_csv_column_array_new ();
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

  copy = fw_csv_layout_new (layout->tables);
  for (guint i = 0; i < FW_N_TABLES; i++)
    {
      const LayoutFile *file = &layout->files[i];

      copy->files[i].delimiter = file->delimiter;
      copy->files[i].bom = file->bom;
      copy->files[i].crlf = file->crlf;
      for (guint j = 0; j < file->columns->len; j++)
        {
          const LayoutColumn *column = &g_array_index (file->columns, LayoutColumn, j);

          fw_csv_column_array_add (copy->files[i].columns, column->header, column->field,
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
  const char *header = NULL;
  const char *name = NULL;
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
    return shape_error (error, _("field “%s” does not belong in %s"), name, fw_csv_table_files[file_table]);
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

  fw_csv_column_array_add (columns, header, field, table, (guint) extra,
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
  const char *kind = NULL;

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
    layout = fw_csv_layout_new (FALSE);
  else if (g_str_equal (kind, "tables"))
    layout = fw_csv_layout_new (TRUE);
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
      const char *delimiter = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (file_node))
        {
          shape_error (error, _("each file must be an object"));
          return NULL;
        }
      file_object = json_node_get_object (file_node);

      if (layout->tables)
        {
          const char *table = NULL;

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

const ColumnSpecs fw_csv_flat_specs = { flat_specs, G_N_ELEMENTS (flat_specs) };

const ColumnSpecs fw_csv_table_specs[FW_N_TABLES] = {
  { firms_specs, G_N_ELEMENTS (firms_specs) },
  { fairs_specs, G_N_ELEMENTS (fairs_specs) },
  { exhibitions_specs, G_N_ELEMENTS (exhibitions_specs) },
};

/* "Firm Name", "firm_name" and "FIRM-NAME" are one header. */
char *
fw_csv_normalise_header (const char *text)
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

const ColumnSpec *
fw_csv_find_spec (const ColumnSpecs *specs,
                  const char        *header)
{
  g_autofree char *key = fw_csv_normalise_header (header);

  for (guint i = 0; i < specs->n_specs; i++)
    {
      const ColumnSpec *spec = &specs->specs[i];

      for (guint j = 0; spec->names[j] != NULL; j++)
        {
          g_autofree char *name = fw_csv_normalise_header (spec->names[j]);

          if (g_str_equal (key, name))
            return spec;
        }
    }

  return NULL;
}
