/* fw-native-read-tables.c: reading the firms, fairs and exhibitions of
 * the native format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-native"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-native-read-private.h"

/* A file where every value of a column is wrong would otherwise format a
 * million messages that nobody reads. */
#define MAX_VALUE_PROBLEMS_PER_COLUMN 20

/* Longest token quoted back in a message. */
#define MAX_QUOTED_TOKEN 24

static char *
quote_token (const char *token,
             gsize       len)
{
  if (len > MAX_QUOTED_TOKEN)
    {
      const char *cut = g_utf8_find_prev_char (token, token + MAX_QUOTED_TOKEN);

      return g_strdup_printf ("%.*s…", (int) (cut != NULL ? cut - token : 0), token);
    }

  return g_strndup (token, len);
}

/* A short name for a record in messages: its name, else its id, else its
 * position. */
static char *
record_label (FwTable     table,
              guint       index,
              const char *id,
              const char *name)
{
  const char *kind = table == FW_TABLE_FIRMS ? _("firm") : _("fair");

  if (name != NULL)
    return g_strdup_printf ("%s “%s”", kind, name);
  if (id != NULL)
    return g_strdup_printf (_("%s with id “%s”"), kind, id);

  return g_strdup_printf ("%s %u", kind, index + 1);
}

/* Reads a record's id and name first, so that messages can use them;
 * returns its label. */
static char *
record_begin (JsonObject  *object,
              FwTable      table,
              guint        index,
              const char **out_id,
              const char **out_name)
{
  JsonNode *node;

  node = json_object_get_member (object, "name");
  if (node != NULL && node_is_string (node))
    *out_name = json_node_get_string (node);
  node = json_object_get_member (object, "id");
  if (node != NULL && node_is_string (node) && json_node_get_string (node)[0] != '\0')
    *out_id = json_node_get_string (node);

  return record_label (table, index, *out_id,
                       *out_name != NULL && (*out_name)[0] != '\0' ? *out_name : NULL);
}

/* Reads an "extra" object of a firm or fair: column name to string. */
static void
read_record_extra (Reader     *reader,
                   JsonObject *record,
                   JsonNode   *node,
                   FwTable     table,
                   guint       row,
                   const char *label)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!JSON_NODE_HOLDS_NULL (node))
        fw_native_member_type_error (reader, record, "extra", label, _("an object {“column”: “value”}"),
                                     node, table, (gint) row);
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      const char *text;
      guint column;

      if (!fw_native_get_optional_string (value, &text))
        {
          g_autofree char *where = NULL;

          if (fw_native_counts_only (reader, FW_SEVERITY_ERROR))
            continue;

          where = g_strdup_printf ("%s, extra", label);
          fw_native_member_type_error (reader, object, name, where, _("a string or null"),
                                       value, table, (gint) row);
          continue;
        }

      if (name[0] == '\0')
        continue;

      column = fw_dataset_add_extra_column (reader->dataset, table, name);
      if (text != NULL)
        fw_dataset_set_extra (reader->dataset, table, column, row, text);
    }
}

static gboolean
read_record_country (Reader      *reader,
                     JsonObject  *object,
                     const char  *member,
                     JsonNode    *node,
                     FwTable      table,
                     guint        row,
                     const char  *label,
                     FwCountryId *out_id)
{
  const char *text;

  *out_id = FW_COUNTRY_UNKNOWN;
  if (!fw_native_get_optional_string (node, &text))
    {
      fw_native_member_type_error (reader, object, member, label, _("a country code or null"),
                                   node, table, (gint) row);
      return FALSE;
    }

  if (text == NULL)
    return TRUE;

  *out_id = fw_native_lookup_country (reader, text);
  if (*out_id != FW_COUNTRY_UNKNOWN)
    return TRUE;

  fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_COUNTRY, object, member,
                            table, (gint) row,
                            _("%s: “%s” is not a country; use an ISO 3166-1 alpha-2 code "
                               "such as “FR”, or null when it is not known"),
                            label, text);
  return FALSE;
}

static void
check_duplicate_id (Reader     *reader,
                    GHashTable *ids,
                    JsonObject *object,
                    FwTable     table,
                    guint       row,
                    const char *id)
{
  gpointer first;
  const char *kind = table == FW_TABLE_FIRMS ? _("firm") : _("fair");

  if (id == NULL)
    return;

  if (!g_hash_table_lookup_extended (ids, id, NULL, &first))
    {
      g_hash_table_insert (ids, (gpointer) id, object);
      return;
    }

  fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_DUPLICATE_ID, object, "id",
                            table, (gint) row,
                            _("%s id “%s” is used twice (first at line %u); give each %s its own id"),
                            kind, id, fw_native_object_line (reader, first), kind);
}

static void
not_an_object_error (Reader   *reader,
                     FwTable   table,
                     guint     index,
                     JsonNode *element)
{
  /* Only objects have a known line: point at the array and say where in it. */
  fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE,
                            reader->root, fw_table_to_string (table), table, (gint) index,
                            _("%s, value %u: each %s must be an object {…}, not %s"),
                            fw_table_to_string (table), index + 1,
                            table == FW_TABLE_FIRMS ? _("firm") : _("fair"),
                            fw_native_node_kind (element));
}

/* A name of the wrong type is reported as such, not as a missing one. */
static gboolean
name_is_missing (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "name");
  const char *p;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!node_is_string (node))
    return FALSE;

  for (p = json_node_get_string (node); g_ascii_isspace (*p); p++)
    ;

  return *p == '\0';
}

static void
missing_name_error (Reader     *reader,
                    JsonObject *object,
                    FwTable     table,
                    guint       index,
                    const char *id)
{
  g_autofree char *label = NULL;

  if (fw_native_counts_only (reader, FW_SEVERITY_ERROR))
    return;

  label = record_label (table, index, id, NULL);
  reader_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE,
                  fw_native_object_line (reader, object), 0, table, (gint) index,
                  _("%s has no name; give it a “name”"), label);
}

static void
read_firm (Reader     *reader,
           JsonObject *object,
           guint       index,
           GHashTable *ids)
{
  FwFirmValues values = { 0 };
  g_autofree char *label = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *extra = NULL;
  JsonNode *hq = NULL;
  JsonNode *confidence = NULL;
  guint row;

  label = record_begin (object, FW_TABLE_FIRMS, index, &values.id, &values.name);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      const char **text = NULL;

      if (g_str_equal (name, "id"))
        text = &values.id;
      else if (g_str_equal (name, "name"))
        text = &values.name;
      else if (g_str_equal (name, "website"))
        text = &values.website;
      else if (g_str_equal (name, "notes"))
        text = &values.notes;
      else if (g_str_equal (name, "source"))
        text = &values.source;
      else if (g_str_equal (name, "hq"))
        hq = value;
      else if (g_str_equal (name, "confidence"))
        confidence = value;
      else if (g_str_equal (name, "extra"))
        extra = value;
      else
        fw_native_unknown_member_warning (reader, object, name, label);

      if (text != NULL && !fw_native_get_optional_string (value, text))
        fw_native_member_type_error (reader, object, name, label, _("a string or null"),
                                     value, FW_TABLE_FIRMS, (gint) index);
    }

  if (name_is_missing (object))
    missing_name_error (reader, object, FW_TABLE_FIRMS, index, values.id);

  if (hq != NULL)
    read_record_country (reader, object, "hq", hq, FW_TABLE_FIRMS, index, label, &values.hq);

  if (confidence != NULL)
    {
      const char *text;

      if (!fw_native_get_optional_string (confidence, &text))
        fw_native_member_type_error (reader, object, "confidence", label,
                                     _("“high”, “medium”, “low” or null"),
                                     confidence, FW_TABLE_FIRMS, (gint) index);
      else if (!fw_confidence_from_string (text, &values.confidence))
        {
          fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_CONFIDENCE, object, "confidence",
                                    FW_TABLE_FIRMS, (gint) index,
                                    _("%s: “%s” is not a confidence level; "
                                       "use “high”, “medium”, “low”, or null when it is not known"),
                                    label, text);
        }
    }

  check_duplicate_id (reader, ids, object, FW_TABLE_FIRMS, index, values.id);

  row = fw_dataset_append_firm (reader->dataset, &values);
  if (extra != NULL)
    read_record_extra (reader, object, extra, FW_TABLE_FIRMS, row, label);
}

static void
read_fair (Reader     *reader,
           JsonObject *object,
           guint       index,
           GHashTable *ids)
{
  FwFairValues values = { 0 };
  g_autofree char *label = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *extra = NULL;
  JsonNode *host = NULL;
  guint row;

  label = record_begin (object, FW_TABLE_FAIRS, index, &values.id, &values.name);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      const char **text = NULL;

      if (g_str_equal (name, "id"))
        text = &values.id;
      else if (g_str_equal (name, "name"))
        text = &values.name;
      else if (g_str_equal (name, "city"))
        text = &values.city;
      else if (g_str_equal (name, "host"))
        host = value;
      else if (g_str_equal (name, "extra"))
        extra = value;
      else
        fw_native_unknown_member_warning (reader, object, name, label);

      if (text != NULL && !fw_native_get_optional_string (value, text))
        fw_native_member_type_error (reader, object, name, label, _("a string or null"),
                                     value, FW_TABLE_FAIRS, (gint) index);
    }

  /* A fair's name may be unknown: the report says a firm exhibited "at
   * fairs in Russia" without naming them. */

  if (host != NULL)
    read_record_country (reader, object, "host", host, FW_TABLE_FAIRS, index, label, &values.host);

  check_duplicate_id (reader, ids, object, FW_TABLE_FAIRS, index, values.id);

  row = fw_dataset_append_fair (reader->dataset, &values);
  if (extra != NULL)
    read_record_extra (reader, object, extra, FW_TABLE_FAIRS, row, label);
}

void
fw_native_read_records (Reader   *reader,
                        JsonNode *node,
                        FwTable   table)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, fw_table_to_string (table),
                        _("“%s” must be an array […] of objects, not %s"),
                        fw_table_to_string (table), fw_native_node_kind (node));
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  fw_dataset_reserve (reader->dataset, table, n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          /* Keep the row so that exhibitions still point at the right ones. */
          not_an_object_error (reader, table, i, element);
          if (table == FW_TABLE_FIRMS)
            fw_dataset_append_firm (reader->dataset, &(FwFirmValues) { 0 });
          else
            fw_dataset_append_fair (reader->dataset, &(FwFairValues) { 0 });
          continue;
        }

      if (table == FW_TABLE_FIRMS)
        read_firm (reader, json_node_get_object (element), i, ids);
      else
        read_fair (reader, json_node_get_object (element), i, ids);
    }

  if (table == FW_TABLE_FIRMS)
    {
      reader->n_firms = n;
      reader->firms_ok = TRUE;
    }
  else
    {
      reader->n_fairs = n;
      reader->fairs_ok = TRUE;
    }
}

typedef enum
{
  PACKED_FIRM,
  PACKED_FAIR,
  PACKED_YEAR,
} PackedKind;

typedef struct
{
  Reader     *reader;
  JsonObject *object;
  const char *member;
  const char *path;     /* as shown: exhibitions.extra.booth */
  guint       n_problems;
} ValueProblems;

/* Counts a wrong value; FALSE when it is only summed up or counted, so
 * that the caller need not quote or locate it. */
static gboolean
value_problem_wanted (ValueProblems *vp)
{
  return ++vp->n_problems <= MAX_VALUE_PROBLEMS_PER_COLUMN &&
         !fw_native_counts_only (vp->reader, FW_SEVERITY_ERROR);
}

static void value_problem (ValueProblems *vp,
                           FwFormatError  code,
                           guint          position,
                           gsize          token_offset,
                           const char    *token,
                           gsize          token_len,
                           const char    *format,
                           ...) G_GNUC_PRINTF (7, 8);

static void
value_problem (ValueProblems *vp,
               FwFormatError  code,
               guint          position,
               gsize          token_offset,
               const char    *token,
               gsize          token_len,
               const char    *format,
               ...)
{
  g_autofree char *detail = NULL;
  guint line = 0, column = 0;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  fw_native_packed_value_location (vp->reader, vp->object, vp->member, token_offset,
                                   token, token_len, &line, &column);

  reader_problem (vp->reader, FW_SEVERITY_ERROR, code, line, column,
                  FW_TABLE_EXHIBITIONS, (gint) position - 1,
                  "%s, value %u: %s", vp->path, position, detail);
}

static void
value_problems_finish (ValueProblems *vp)
{
  if (vp->n_problems <= MAX_VALUE_PROBLEMS_PER_COLUMN)
    return;

  reader_member_error (vp->reader, FW_FORMAT_ERROR_SHAPE, vp->object, vp->member,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: %u more value is wrong",
                                    "%s: %u more values are wrong",
                                    vp->n_problems - MAX_VALUE_PROBLEMS_PER_COLUMN),
                       vp->path, vp->n_problems - MAX_VALUE_PROBLEMS_PER_COLUMN);
}

static inline gboolean
is_packed_space (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Parses a column of space-separated numbers into @out (guint32 for
 * references, guint16 for years), which has room for @count values.  Hand
 * written because a million-value column is the bulk of a large file. */
static void
parse_packed (Reader     *reader,
              JsonObject *object,
              const char *member,
              const char *text,
              PackedKind  kind,
              guint       count,
              guint       limit,
              gpointer    out)
{
  g_autofree char *path = g_strdup_printf ("exhibitions.%s", member);
  ValueProblems vp = { reader, object, member, path, 0 };
  guint32 *refs = out;
  guint16 *years = out;
  const char *p = text;
  guint n = 0;

  for (;;)
    {
      const char *start;
      guint64 value = 0;
      gboolean digits_only = TRUE;
      gsize len;

      while (is_packed_space (*p))
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (g_ascii_isdigit (*p))
        {
          if (value <= G_MAXUINT32)
            value = value * 10 + (guint64) (*p - '0');
          p++;
        }
      if (*p != '\0' && !is_packed_space (*p))
        {
          digits_only = FALSE;
          while (*p != '\0' && !is_packed_space (*p))
            p++;
        }

      len = (gsize) (p - start);
      n++;

      if (kind == PACKED_YEAR)
        {
          guint16 year = FW_YEAR_UNKNOWN;

          if (len == 1 && start[0] == '-')
            ;
          else if (digits_only && value >= FW_YEAR_MIN && value <= FW_YEAR_MAX)
            year = (guint16) value;
          else if (value_problem_wanted (&vp))
            {
              g_autofree char *quoted = quote_token (start, len);

              value_problem (&vp, FW_FORMAT_ERROR_YEAR, n, (gsize) (start - text), start, len,
                             _("“%s” is not a year from %u to %u; write “-” when the year is not known"),
                             quoted, FW_YEAR_MIN, FW_YEAR_MAX);
            }

          if (n <= count)
            years[n - 1] = year;
        }
      else
        {
          const char *table = kind == PACKED_FIRM ? "firms" : "fairs";

          if (!digits_only || value >= limit)
            {
              if (value_problem_wanted (&vp))
                {
                  g_autofree char *quoted = quote_token (start, len);

                  if (!digits_only)
                    value_problem (&vp, FW_FORMAT_ERROR_SHAPE, n, (gsize) (start - text), start, len,
                                   _("“%s” is not a row number of “%s” (a whole number from 0)"),
                                   quoted, table);
                  else
                    value_problem (&vp, FW_FORMAT_ERROR_REFERENCE, n, (gsize) (start - text), start, len,
                                   _("%s is not a row of “%s”, which has %u rows numbered from 0"),
                                   quoted, table, limit);
                }
              value = 0;
            }

          if (n <= count)
            refs[n - 1] = (guint32) value;
        }
    }

  value_problems_finish (&vp);

  if (n != count)
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, member,
                           _("exhibitions.%s has %u values but exhibitions.count is %u; "
                              "every column needs one value per exhibition"),
                           member, n, count);
    }
}

/* Checks an array of strings and nulls of @count values; returns it, or
 * NULL when it is absent, null or wrong. */
static JsonArray *
check_string_column (Reader     *reader,
                     JsonObject *object,
                     const char *member,
                     const char *path,
                     JsonNode   *node,
                     guint       count)
{
  ValueProblems vp = { reader, object, member, path, 0 };
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, member,
                           _("%s must be an array of strings and nulls, not %s"),
                           path, fw_native_node_kind (node));
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n != count)
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, member,
                           _("%s has %u values but exhibitions.count is %u; "
                              "every column needs one value per exhibition"),
                           path, n, count);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element) || node_is_string (element))
        continue;

      if (++vp.n_problems <= MAX_VALUE_PROBLEMS_PER_COLUMN)
        {
          fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE, object, member,
                                    FW_TABLE_EXHIBITIONS, (gint) i,
                                    _("%s, value %u: expected a string or null, not %s"),
                                    path, i + 1, fw_native_node_kind (element));
        }
    }

  if (vp.n_problems > 0)
    {
      value_problems_finish (&vp);
      return NULL;
    }

  return array;
}

static const char *
string_column_value (JsonArray *array,
                     guint      row)
{
  JsonNode *node;

  if (array == NULL)
    return NULL;

  node = json_array_get_element (array, row);

  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static const char *
get_packed_text (Reader     *reader,
                 JsonObject *object,
                 const char *member,
                 guint       count)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (count == 0)
        return "";

      reader_error (reader, FW_FORMAT_ERROR_SHAPE, fw_native_object_line (reader, object), 0,
                    _("exhibitions has no “%s” column; give it the %u values as "
                      "a string of space-separated numbers"),
                    member, count);
      return NULL;
    }

  if (!node_is_string (node))
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, member,
                           _("exhibitions.%s must be a string of space-separated numbers, not %s"),
                           member, fw_native_node_kind (node));
      return NULL;
    }

  return json_node_get_string (node);
}

void
fw_native_read_exhibitions (Reader   *reader,
                            JsonNode *node)
{
  g_autoptr(GPtrArray) extra_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) extra_values = g_ptr_array_new ();
  g_autofree guint32 *firms = NULL;
  g_autofree guint32 *fairs = NULL;
  g_autofree guint16 *years = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *count_node;
  JsonArray *sources = NULL;
  JsonArray *notes = NULL;
  const char *firm_text, *fair_text, *year_text;
  gint64 count64;
  guint count;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "exhibitions",
                        _("“exhibitions” must be an object {“count”: …, “firm”: …}, not %s"),
                        fw_native_node_kind (node));
      return;
    }

  object = json_node_get_object (node);
  count_node = json_object_get_member (object, "count");
  if (count_node == NULL)
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, fw_native_object_line (reader, object), 0,
                    _("exhibitions has no “count”; give the number of exhibitions"));
      return;
    }

  count64 = JSON_NODE_HOLDS_VALUE (count_node) && json_node_get_value_type (count_node) == G_TYPE_INT64
          ? json_node_get_int (count_node) : -1;
  if (count64 < 0 || count64 > G_MAXINT32)
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, "count",
                           _("exhibitions.count must be a whole number from 0"));
      return;
    }
  count = (guint) count64;

  /* Each value takes at least a digit and a space: a larger count cannot
   * be right, and would only make the arrays below huge. */
  if (count > reader->size / 2 + 1)
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, "count",
                           _("exhibitions.count is %u, more values than the file can hold; "
                              "it must be the number of exhibitions"),
                           count);
      return;
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (g_str_equal (name, "source"))
        sources = check_string_column (reader, object, name, "exhibitions.source", value, count);
      else if (g_str_equal (name, "note"))
        notes = check_string_column (reader, object, name, "exhibitions.note", value, count);
      else if (g_str_equal (name, "extra"))
        {
          JsonObjectIter extra_iter;
          const char *column_name;
          JsonNode *column_node;

          if (JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              fw_native_member_type_error (reader, object, name, "exhibitions",
                                           _("an object {“column”: […]}"), value, FW_TABLE_FIRMS, -1);
              continue;
            }

          json_object_iter_init_ordered (&extra_iter, json_node_get_object (value));
          while (json_object_iter_next_ordered (&extra_iter, &column_name, &column_node))
            {
              g_autofree char *path = g_strdup_printf ("exhibitions.extra.%s", column_name);
              JsonArray *array;

              array = check_string_column (reader, json_node_get_object (value), column_name,
                                           path, column_node, count);
              if (array != NULL && column_name[0] != '\0')
                {
                  g_ptr_array_add (extra_names, (gpointer) column_name);
                  g_ptr_array_add (extra_values, array);
                }
            }
        }
      else if (!g_str_equal (name, "count") && !g_str_equal (name, "firm") &&
               !g_str_equal (name, "fair") && !g_str_equal (name, "year"))
        fw_native_unknown_member_warning (reader, object, name, "exhibitions");
    }

  firm_text = get_packed_text (reader, object, "firm", count);
  fair_text = get_packed_text (reader, object, "fair", count);
  year_text = get_packed_text (reader, object, "year", count);

  firms = g_new0 (guint32, MAX (count, 1));
  fairs = g_new0 (guint32, MAX (count, 1));
  years = g_new0 (guint16, MAX (count, 1));

  if (firm_text != NULL && reader->firms_ok)
    parse_packed (reader, object, "firm", firm_text, PACKED_FIRM, count, reader->n_firms, firms);
  if (fair_text != NULL && reader->fairs_ok)
    parse_packed (reader, object, "fair", fair_text, PACKED_FAIR, count, reader->n_fairs, fairs);
  if (year_text != NULL)
    parse_packed (reader, object, "year", year_text, PACKED_YEAR, count, 0, years);

  /* The dataset is thrown away on any error; building it would only risk
   * appending rows that point nowhere. */
  if (fw_native_has_errors (reader) || firm_text == NULL || fair_text == NULL ||
      year_text == NULL || !reader->firms_ok || !reader->fairs_ok)
    return;

  fw_dataset_reserve (reader->dataset, FW_TABLE_EXHIBITIONS, count);
  for (guint i = 0; i < count; i++)
    {
      FwExhibitionValues values = {
        .firm = firms[i],
        .fair = fairs[i],
        .year = years[i],
        .source = string_column_value (sources, i),
        .note = string_column_value (notes, i),
      };

      fw_dataset_append_exhibition (reader->dataset, &values);
    }

  for (guint c = 0; c < extra_names->len; c++)
    {
      JsonArray *array = g_ptr_array_index (extra_values, c);
      guint column_index;

      column_index = fw_dataset_add_extra_column (reader->dataset, FW_TABLE_EXHIBITIONS,
                                                  g_ptr_array_index (extra_names, c));
      for (guint i = 0; i < count; i++)
        {
          const char *text = string_column_value (array, i);

          if (text != NULL && text[0] != '\0')
            fw_dataset_set_extra (reader->dataset, FW_TABLE_EXHIBITIONS, column_index, i, text);
        }
    }
}
