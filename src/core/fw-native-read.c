/* fw-native-read.c: reading the native format; the top level, metadata
 * and settings (the tables are in fw-native-read-tables.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-native"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-csv.h"
#include "fw-native-read-private.h"

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->line_starts, g_array_unref);
  g_clear_pointer (&reader->object_lines, g_hash_table_unref);
  g_clear_pointer (&reader->object_ends, g_hash_table_unref);
  g_clear_pointer (&reader->open_objects, g_array_unref);
  g_clear_pointer (&reader->country_cache, g_hash_table_unref);
  g_clear_object (&reader->countries);
  g_clear_object (&reader->dataset);
}

gboolean
fw_native_has_errors (Reader *reader)
{
  return fw_problems_get_n_errors (reader->problems) > reader->n_errors_before;
}

const char *
fw_native_node_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    case JSON_NODE_NULL:
    default:
      return _("null");
    }
}

/* Text of a string-or-null member; NULL for null and "". */
gboolean
fw_native_get_optional_string (JsonNode    *node,
                               const char **out)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }

  if (!node_is_string (node))
    return FALSE;

  *out = json_node_get_string (node);
  if (*out != NULL && (*out)[0] == '\0')
    *out = NULL;

  return TRUE;
}


static gboolean
check_text (Reader *reader)
{
  const char *nul;
  guint line, column;
  gsize i = 0;

  while (i < reader->size && g_ascii_isspace (reader->data[i]))
    i++;
  if (i == reader->size)
    {
      reader_error (reader, FW_FORMAT_ERROR_EMPTY, 0, 0,
                    _("the file is empty; open the last backup (%s~) if there is one"),
                    reader->filename);
      return FALSE;
    }

  nul = memchr (reader->data, '\0', reader->size);
  if (nul != NULL)
    {
      fw_native_offset_to_location (reader, (gsize) (nul - reader->data), &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_BINARY, line, column,
                    _("this is not a text file (it holds a zero byte); "
                      "open a .fairwatch.json file, or the last backup (%s~)"),
                    reader->filename);
      return FALSE;
    }

  return TRUE;
}

/* json-glib checks the encoding first but does not say where it is wrong;
 * only then is the text scanned again. */
static gboolean
check_encoding (Reader *reader)
{
  const char *invalid;
  guint line, column;

  if (g_utf8_validate_len (reader->data, reader->size, &invalid))
    return TRUE;

  fw_native_offset_to_location (reader, (gsize) (invalid - reader->data), &line, &column);
  reader_error (reader, FW_FORMAT_ERROR_ENCODING, line, column,
                _("the file is not UTF-8 text; save it as UTF-8 in a text editor, "
                  "or open the last backup (%s~)"),
                reader->filename);
  return FALSE;
}

static guint
parse_uint_prefix (const char **p)
{
  guint value = 0;

  while (g_ascii_isdigit (**p))
    {
      if (value < G_MAXUINT / 10)
        value = value * 10 + (guint) (**p - '0');
      (*p)++;
    }

  return value;
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: DETAIL", with the last
 * words translated; keep the location and the detail. */
static void
report_parse_error (Reader       *reader,
                    const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *detail = message;
  guint line = 0;
  guint column = 0;

  if (g_str_has_prefix (message, "<data>:"))
    {
      const char *p = message + strlen ("<data>:");
      const char *colon;

      line = parse_uint_prefix (&p);
      if (*p == ':')
        {
          p++;
          column = parse_uint_prefix (&p);
        }
      if (*p == ':')
        p++;
      while (*p == ' ')
        p++;
      colon = strstr (p, ": ");
      detail = colon != NULL ? colon + 2 : p;
    }

  reader_error (reader, FW_FORMAT_ERROR_JSON, line, column,
                _("the JSON is not well formed: %s; "
                  "fix it in a text editor or open the last backup (%s~)"),
                detail, reader->filename);
}

FwCountryId
fw_native_lookup_country (Reader     *reader,
                          const char *text)
{
  gpointer cached;
  FwCountryId id;

  if (g_hash_table_lookup_extended (reader->country_cache, text, NULL, &cached))
    return (FwCountryId) (GPOINTER_TO_UINT (cached) - 1);

  id = fw_countries_lookup_code (reader->countries, text);
  if (id == FW_COUNTRY_UNKNOWN)
    id = fw_countries_lookup (reader->countries, text);

  g_hash_table_insert (reader->country_cache, (gpointer) text, GUINT_TO_POINTER (id + 1));

  return id;
}


void
fw_native_member_type_error (Reader     *reader,
                             JsonObject *object,
                             const char *member,
                             const char *where,
                             const char *expected,
                             JsonNode   *node,
                             FwTable     table,
                             gint        row)
{
  fw_native_member_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE, object, member,
                            table, row,
                            _("%s: “%s” must be %s, not %s"),
                            where, member, expected, fw_native_node_kind (node));
}

void
fw_native_unknown_member_warning (Reader     *reader,
                                  JsonObject *object,
                                  const char *member,
                                  const char *where)
{
  fw_native_member_problem (reader, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_SHAPE, object, member,
                            FW_TABLE_FIRMS, -1,
                            _("%s: unknown member “%s” is ignored"), where, member);
}

static void
read_metadata (Reader    *reader,
               JsonNode  *node,
               FwDataset *dataset)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "metadata",
                        _("“metadata” must be an object {…}, not %s"), fw_native_node_kind (node));
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      const char *text;

      if (g_str_equal (name, "fictional"))
        {
          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
            fw_dataset_set_fictional (dataset, json_node_get_boolean (value));
          else
            fw_native_member_type_error (reader, object, name, "metadata", _("true or false"),
                                         value, FW_TABLE_FIRMS, -1);
        }
      else if (g_str_equal (name, "title") ||
               g_str_equal (name, "description") ||
               g_str_equal (name, "citation"))
        {
          if (!fw_native_get_optional_string (value, &text))
            fw_native_member_type_error (reader, object, name, "metadata", _("a string or null"),
                                         value, FW_TABLE_FIRMS, -1);
          else if (g_str_equal (name, "title"))
            fw_dataset_set_title (dataset, text);
          else if (g_str_equal (name, "description"))
            fw_dataset_set_description (dataset, text);
          else
            fw_dataset_set_citation (dataset, text);
        }
      else
        {
          fw_native_unknown_member_warning (reader, object, name, "metadata");
        }
    }
}

static gboolean
resolve_setting_country (Reader      *reader,
                         JsonObject  *object,
                         const char  *member,
                         const char  *text,
                         FwCountryId *out_id)
{
  *out_id = text != NULL ? fw_native_lookup_country (reader, text) : FW_COUNTRY_UNKNOWN;
  if (*out_id != FW_COUNTRY_UNKNOWN)
    return TRUE;

  reader_member_error (reader, FW_FORMAT_ERROR_COUNTRY, object, member,
                       _("settings.%s: “%s” is not a country; use an ISO 3166-1 alpha-2 code such as “FR”"),
                       member, text != NULL ? text : "");
  return FALSE;
}

static void
read_adversaries (Reader     *reader,
                  JsonObject *settings,
                  JsonNode   *node)
{
  g_autoptr(GArray) defaults = NULL;
  g_autoptr(GArray) ids = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fw_native_member_type_error (reader, settings, "adversaries", "settings",
                                   _("an array of country codes"), node, FW_TABLE_FIRMS, -1);
      return;
    }

  array = json_node_get_array (node);
  ids = g_array_new (FALSE, FALSE, sizeof (FwCountryId));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      FwCountryId id;

      if (!node_is_string (element))
        {
          reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, settings, "adversaries",
                               _("settings.adversaries, value %u: expected a country code, not %s"),
                               i + 1, fw_native_node_kind (element));
          continue;
        }

      if (resolve_setting_country (reader, settings, "adversaries",
                                   json_node_get_string (element), &id))
        g_array_append_val (ids, id);
    }

  /* The list is the whole set, not additions to the default one. */
  defaults = fw_countries_get_adversaries (reader->countries);
  for (guint i = 0; i < defaults->len; i++)
    fw_countries_set_adversary (reader->countries, g_array_index (defaults, FwCountryId, i), FALSE);
  for (guint i = 0; i < ids->len; i++)
    fw_countries_set_adversary (reader->countries, g_array_index (ids, FwCountryId, i), TRUE);
}

static void
read_continents (Reader     *reader,
                 JsonObject *settings,
                 JsonNode   *node)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *code;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fw_native_member_type_error (reader, settings, "continents", "settings",
                                   _("an object {“RU”: “Europe”, …}"), node, FW_TABLE_FIRMS, -1);
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &code, &value))
    {
      FwContinent continent = FW_CONTINENT_UNKNOWN;
      FwCountryId id;

      id = fw_native_lookup_country (reader, code);
      if (id == FW_COUNTRY_UNKNOWN)
        {
          reader_member_error (reader, FW_FORMAT_ERROR_COUNTRY, object, code,
                               _("settings.continents: “%s” is not a country; "
                                  "use an ISO 3166-1 alpha-2 code such as “FR”"),
                               code);
          continue;
        }

      if (!node_is_string (value) ||
          (!fw_continent_from_string (json_node_get_string (value), &continent) &&
           g_ascii_strcasecmp (json_node_get_string (value), "unknown") != 0))
        {
          reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, code,
                               _("settings.continents: the continent of “%s” must be one of "
                                  "Africa, Antarctica, Asia, Europe, North America, Oceania, "
                                  "South America or unknown"),
                               code);
          continue;
        }

      fw_countries_set_continent (reader->countries, id, continent);
    }
}

static void
read_settings (Reader   *reader,
               JsonNode *node)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "settings",
                        _("“settings” must be an object {…}, not %s"), fw_native_node_kind (node));
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (g_str_equal (name, "adversaries"))
        read_adversaries (reader, object, value);
      else if (g_str_equal (name, "continents"))
        read_continents (reader, object, value);
      else
        fw_native_unknown_member_warning (reader, object, name, "settings");
    }
}

static void
read_extra_columns (Reader   *reader,
                    JsonNode *node)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "extra_columns",
                        _("“extra_columns” must be an object {“firms”: […], …}, not %s"),
                        fw_native_node_kind (node));
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      FwTable table;
      JsonArray *array;

      if (g_str_equal (name, "firms"))
        table = FW_TABLE_FIRMS;
      else if (g_str_equal (name, "fairs"))
        table = FW_TABLE_FAIRS;
      else if (g_str_equal (name, "exhibitions"))
        table = FW_TABLE_EXHIBITIONS;
      else
        {
          fw_native_unknown_member_warning (reader, object, name, "extra_columns");
          continue;
        }

      if (!JSON_NODE_HOLDS_ARRAY (value))
        {
          fw_native_member_type_error (reader, object, name, "extra_columns",
                                       _("an array of column names"), value, FW_TABLE_FIRMS, -1);
          continue;
        }

      array = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *column_name = node_is_string (element) ? json_node_get_string (element) : NULL;

          if (column_name == NULL || column_name[0] == '\0')
            {
              reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, name,
                                   _("extra_columns.%s, value %u: a column name must be a non-empty string"),
                                   name, i + 1);
              continue;
            }

          fw_dataset_add_extra_column (reader->dataset, table, column_name);
        }
    }
}


static JsonNode *
node_deep_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (object, name, node_deep_copy (member));
        json_node_init_object (copy, object);
        json_object_unref (object);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        guint n = json_array_get_length (source);
        JsonArray *array = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, node_deep_copy (json_array_get_element (source, i)));
        json_node_init_array (copy, array);
        json_array_unref (array);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          json_node_init_int (copy, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          json_node_init_double (copy, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          json_node_init_boolean (copy, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
        default:
          json_node_init_string (copy, json_node_get_string (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      json_node_init_null (copy);
      break;
    }

  return copy;
}

static void
read_csv_layout (Reader   *reader,
                 JsonNode *node)
{
  g_autoptr(GError) local_error = NULL;
  FwCsvLayout *layout;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  layout = fw_csv_layout_from_json (node, &local_error);
  if (layout == NULL)
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "csv_layout",
                        _("csv_layout: %s; remove “csv_layout” to forget how the CSV files were laid out"),
                        local_error != NULL ? local_error->message : _("not understood"));
      return;
    }

  fw_dataset_set_csv_layout (reader->dataset, layout);
}

static void
read_history (Reader   *reader,
              JsonNode *node)
{
  g_autoptr(JsonNode) copy = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_top_error (reader, FW_FORMAT_ERROR_SHAPE, "history",
                        _("“history” must be an array […], not %s"), fw_native_node_kind (node));
      return;
    }

  copy = node_deep_copy (node);
  fw_dataset_set_history (reader->dataset, copy);
}

static gboolean
check_header (Reader     *reader,
              JsonNode   *root)
{
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  gint64 number;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, 1, 0,
                    _("this is not a Fairwatch dataset: the file holds %s where an object "
                      "{“format”: “%s”, …} was expected; check that you opened the right file"),
                    fw_native_node_kind (root), FW_NATIVE_FORMAT_NAME);
      return FALSE;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, fw_native_object_line (reader, object), 0,
                    _("this is not a Fairwatch dataset: it has no “format” member; "
                      "check that you opened the right file"));
      return FALSE;
    }

  if (!node_is_string (format) || !g_str_equal (json_node_get_string (format), FW_NATIVE_FORMAT_NAME))
    {
      reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, "format",
                           _("this is not a Fairwatch dataset: its format is “%s”, not “%s”; "
                              "check that you opened the right file"),
                           node_is_string (format) ? json_node_get_string (format) : fw_native_node_kind (format),
                           FW_NATIVE_FORMAT_NAME);
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  number = version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
           json_node_get_value_type (version) == G_TYPE_INT64
         ? json_node_get_int (version) : -1;

  if (number > FW_NATIVE_FORMAT_VERSION)
    {
      reader_member_error (reader, FW_FORMAT_ERROR_UNSUPPORTED, object, "version",
                           _("this file was made by a newer Fairwatch (format version %lld"
                              "; this one reads up to version %d); update Fairwatch to open it"),
                           (long long) number, FW_NATIVE_FORMAT_VERSION);
      return FALSE;
    }

  if (number < 1)
    {
      if (version != NULL)
        reader_member_error (reader, FW_FORMAT_ERROR_SHAPE, object, "version",
                             _("“version” must be a whole number from 1 to %d"),
                             FW_NATIVE_FORMAT_VERSION);
      else
        reader_error (reader, FW_FORMAT_ERROR_SHAPE, fw_native_object_line (reader, object), 0,
                      _("“version” must be a whole number from 1 to %d"),
                      FW_NATIVE_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
read_body (Reader     *reader,
           JsonObject *root)
{
  static const char * const known[] = {
    "format", "version", "metadata", "settings", "firms", "fairs", "exhibitions",
    "extra_columns", "csv_layout", "history",
  };
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  FwDataset *dataset;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known) && !found; i++)
        found = g_str_equal (known[i], name);
      if (!found)
        fw_native_member_problem (reader, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_SHAPE, reader->root, name,
                                  FW_TABLE_FIRMS, -1,
                                  _("unknown member “%s” at the top level is ignored"), name);
    }

  /* Settings first: the dataset is created with its country table. */
  reader->countries = fw_countries_new_default ();
  if ((value = json_object_get_member (root, "settings")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    read_settings (reader, value);

  dataset = reader->dataset = fw_dataset_new (reader->countries);

  if ((value = json_object_get_member (root, "metadata")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    read_metadata (reader, value, dataset);
  if ((value = json_object_get_member (root, "extra_columns")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    read_extra_columns (reader, value);

  reader->firms_ok = reader->fairs_ok = TRUE;
  if ((value = json_object_get_member (root, "firms")) != NULL)
    {
      reader->firms_ok = FALSE;
      fw_native_read_records (reader, value, FW_TABLE_FIRMS);
    }
  if ((value = json_object_get_member (root, "fairs")) != NULL)
    {
      reader->fairs_ok = FALSE;
      fw_native_read_records (reader, value, FW_TABLE_FAIRS);
    }
  if ((value = json_object_get_member (root, "exhibitions")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    fw_native_read_exhibitions (reader, value);
  if ((value = json_object_get_member (root, "csv_layout")) != NULL)
    read_csv_layout (reader, value);
  if ((value = json_object_get_member (root, "history")) != NULL)
    read_history (reader, value);
}

FwDataset *
fw_native_read (GBytes      *data,
                const char  *filename,
                FwProblems  *problems,
                GError     **error)
{
  g_autoptr(FwProblems) own_problems = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { 0 };
  FwDataset *dataset = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = fw_problems_new (100);

  reader.filename = filename != NULL ? filename : _("(unnamed)");
  reader.data = g_bytes_get_data (data, &reader.size);
  if (reader.data == NULL)
    reader.data = "";
  reader.problems = problems;
  reader.n_errors_before = fw_problems_get_n_errors (problems);
  reader.object_lines = g_hash_table_new (NULL, NULL);
  reader.object_ends = g_hash_table_new (NULL, NULL);
  reader.open_objects = g_array_new (FALSE, FALSE, sizeof (gboolean));
  reader.country_cache = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_text (&reader))
    goto failed;

  parser = json_parser_new ();
  fw_native_track_objects (&reader, parser);

  if (!json_parser_load_from_data (parser, reader.data, (gssize) reader.size, &parse_error))
    {
      if (check_encoding (&reader))
        report_parse_error (&reader, parse_error);
      goto failed;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      reader_error (&reader, FW_FORMAT_ERROR_EMPTY, 0, 0,
                    _("the file is empty; open the last backup (%s~) if there is one"),
                    reader.filename);
      goto failed;
    }

  if (!check_header (&reader, root))
    goto failed;

  reader.root = json_node_get_object (root);
  read_body (&reader, reader.root);

  if (!fw_native_has_errors (&reader))
    dataset = g_steal_pointer (&reader.dataset);

failed:
  reader_clear (&reader);
  if (dataset == NULL)
    g_propagate_error (error, fw_problems_to_error (problems));

  return dataset;
}
