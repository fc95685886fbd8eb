/* fw-native.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-native"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fw-csv.h"
#include "fw-native.h"

/* A file where every value of a column is wrong would otherwise format a
 * million messages that nobody reads. */
#define MAX_VALUE_PROBLEMS_PER_COLUMN 20

/* Longest token quoted back in a message. */
#define MAX_QUOTED_TOKEN 24

#define WRITE_CHUNK (1024 * 1024)

/* Reading {{{ */

typedef struct
{
  const char   *filename;
  const char   *data;
  gsize         size;

  GArray       *line_starts;   /* gsize, built on the first located problem */
  GHashTable   *object_lines;  /* JsonObject * -> line of its first member */
  GHashTable   *object_ends;   /* JsonObject * -> line of its closing brace */
  GArray       *open_objects;  /* gboolean per open object: first member pending */

  FwProblems   *problems;
  guint         n_errors_before;
  FwCountries  *countries;
  GHashTable   *country_cache; /* text -> GUINT_TO_POINTER (id + 1) */
  FwDataset    *dataset;
  JsonObject   *root;

  guint         n_firms;
  guint         n_fairs;
  gboolean      firms_ok;
  gboolean      fairs_ok;
} Reader;

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

static gboolean
reader_has_errors (Reader *reader)
{
  return fw_problems_get_n_errors (reader->problems) > reader->n_errors_before;
}

static void
reader_add_valist (Reader        *reader,
                   FwSeverity     severity,
                   FwFormatError  code,
                   guint          line,
                   guint          column,
                   FwTable        table,
                   gint           row,
                   const char    *format,
                   va_list        args) G_GNUC_PRINTF (8, 0);

static void
reader_add_valist (Reader        *reader,
                   FwSeverity     severity,
                   FwFormatError  code,
                   guint          line,
                   guint          column,
                   FwTable        table,
                   gint           row,
                   const char    *format,
                   va_list        args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  FwProblem *problem;

  problem = fw_problem_new (severity, code, reader->filename, line, column, "%s", message);
  problem->table = table;
  problem->row = row;
  fw_problems_add (reader->problems, problem);
}

static void reader_error (Reader        *reader,
                          FwFormatError  code,
                          guint          line,
                          guint          column,
                          const char    *format,
                          ...) G_GNUC_PRINTF (5, 6);

static void
reader_error (Reader        *reader,
              FwFormatError  code,
              guint          line,
              guint          column,
              const char    *format,
              ...)
{
  va_list args;

  va_start (args, format);
  reader_add_valist (reader, FW_SEVERITY_ERROR, code, line, column, FW_TABLE_FIRMS, -1, format, args);
  va_end (args);
}

static void reader_record_problem (Reader        *reader,
                                   FwSeverity     severity,
                                   FwFormatError  code,
                                   guint          line,
                                   guint          column,
                                   FwTable        table,
                                   guint          row,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (8, 9);

static void
reader_record_problem (Reader        *reader,
                       FwSeverity     severity,
                       FwFormatError  code,
                       guint          line,
                       guint          column,
                       FwTable        table,
                       guint          row,
                       const char    *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  reader_add_valist (reader, severity, code, line, column, table, (gint) row, format, args);
  va_end (args);
}

static void reader_warning (Reader     *reader,
                            guint       line,
                            guint       column,
                            const char *format,
                            ...) G_GNUC_PRINTF (4, 5);

static void
reader_warning (Reader     *reader,
                guint       line,
                guint       column,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  reader_add_valist (reader, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_SHAPE, line, column,
                     FW_TABLE_FIRMS, -1, format, args);
  va_end (args);
}

static void
ensure_line_starts (Reader *reader)
{
  const char *p = reader->data;
  const char *end = reader->data + reader->size;
  gsize start = 0;

  if (reader->line_starts != NULL)
    return;

  reader->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (reader->line_starts, start);

  while (p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      start = (gsize) (++p - reader->data);
      g_array_append_val (reader->line_starts, start);
    }
}

static void
offset_to_location (Reader *reader,
                    gsize   offset,
                    guint  *line,
                    guint  *column)
{
  const gsize *starts;
  guint lo = 0;
  guint hi;

  ensure_line_starts (reader);
  starts = (const gsize *) (gpointer) reader->line_starts->data;
  hi = reader->line_starts->len;

  /* Last line start <= offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  *line = lo + 1;
  *column = (guint) g_utf8_strlen (reader->data + starts[lo], (gssize) (offset - starts[lo])) + 1;
}

static guint
object_line (Reader     *reader,
             JsonObject *object)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (reader->object_lines, object));
}

/* JsonParser only tells where each object's first member was; the member
 * a problem is about is found by looking for its key from there to the end
 * of the object, which also bounds the search when the key is written with
 * escapes and is not found.  Returns the offset of the key's opening quote,
 * or -1. */
static gssize
find_member_offset (Reader     *reader,
                    JsonObject *object,
                    const char *member)
{
  g_autofree char *needle = NULL;
  const char *end;
  const char *p;
  gsize needle_len;
  guint line;
  guint end_line;

  line = object_line (reader, object);
  if (line == 0 || member == NULL)
    return -1;

  ensure_line_starts (reader);
  if (line > reader->line_starts->len)
    return -1;

  end_line = GPOINTER_TO_UINT (g_hash_table_lookup (reader->object_ends, object));
  if (end_line > 0 && end_line < reader->line_starts->len)
    end = reader->data + g_array_index (reader->line_starts, gsize, end_line);
  else
    end = reader->data + reader->size;

  needle = g_strdup_printf ("\"%s\"", member);
  needle_len = strlen (needle);
  p = reader->data + g_array_index (reader->line_starts, gsize, line - 1);

  while (p < end && (p = memmem (p, (gsize) (end - p), needle, needle_len)) != NULL)
    {
      const char *q = p + needle_len;

      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && *q == ':' && (p == reader->data || p[-1] != '\\'))
        return p - reader->data;

      p += needle_len;
    }

  return -1;
}

static void
member_location (Reader     *reader,
                 JsonObject *object,
                 const char *member,
                 guint      *line,
                 guint      *column)
{
  gssize offset = find_member_offset (reader, object, member);

  if (offset >= 0)
    {
      offset_to_location (reader, (gsize) offset, line, column);
      return;
    }

  *line = object_line (reader, object);
  *column = 0;
}

/* Where a token of a packed column is: the string is on one line and has no
 * escapes when Fairwatch wrote it; when the text does not match, only the
 * line of the member is given. */
static void
packed_value_location (Reader     *reader,
                       JsonObject *object,
                       const char *member,
                       gsize       token_offset,
                       const char *token,
                       gsize       token_len,
                       guint      *line,
                       guint      *column)
{
  gssize key = find_member_offset (reader, object, member);
  const char *end = reader->data + reader->size;
  const char *p;

  *line = object_line (reader, object);
  *column = 0;
  if (key < 0)
    return;

  offset_to_location (reader, (gsize) key, line, column);
  *column = 0;

  p = reader->data + key + strlen (member) + 2;
  while (p < end && *p != '"')
    p++;
  if (p >= end)
    return;
  p++;
  if (token_offset + token_len > (gsize) (end - p) || memcmp (p + token_offset, token, token_len) != 0)
    return;

  offset_to_location (reader, (gsize) (p + token_offset - reader->data), line, column);
}

static void
top_member_location (Reader     *reader,
                     const char *member,
                     guint      *line,
                     guint      *column)
{
  member_location (reader, reader->root, member, line, column);
}

static void
on_object_start (JsonParser *parser,
                 gpointer    user_data)
{
  Reader *reader = user_data;
  gboolean pending = TRUE;

  g_array_append_val (reader->open_objects, pending);
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  gpointer    user_data)
{
  Reader *reader = user_data;
  gboolean *pending;

  if (reader->open_objects->len == 0)
    return;

  pending = &g_array_index (reader->open_objects, gboolean, reader->open_objects->len - 1);
  if (*pending)
    {
      *pending = FALSE;
      g_hash_table_insert (reader->object_lines, object,
                           GUINT_TO_POINTER (json_parser_get_current_line (parser)));
    }
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               gpointer    user_data)
{
  Reader *reader = user_data;

  g_hash_table_insert (reader->object_ends, object,
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
  if (reader->open_objects->len > 0)
    g_array_set_size (reader->open_objects, reader->open_objects->len - 1);
}

static const char *
node_kind (JsonNode *node)
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

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Text of a string-or-null member; NULL for null and "". */
static gboolean
get_optional_string (JsonNode    *node,
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
      offset_to_location (reader, (gsize) (nul - reader->data), &line, &column);
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

  offset_to_location (reader, (gsize) (invalid - reader->data), &line, &column);
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

static FwCountryId
lookup_country (Reader     *reader,
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

static void
member_type_error (Reader     *reader,
                   JsonObject *object,
                   const char *member,
                   const char *where,
                   const char *expected,
                   JsonNode   *node,
                   FwTable     table,
                   gint        row)
{
  guint line, column;

  member_location (reader, object, member, &line, &column);
  if (row >= 0)
    reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE, line, column,
                           table, (guint) row,
                           _("%s: “%s” must be %s, not %s"),
                           where, member, expected, node_kind (node));
  else
    reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                  _("%s: “%s” must be %s, not %s"),
                  where, member, expected, node_kind (node));
}

static void
unknown_member_warning (Reader     *reader,
                        JsonObject *object,
                        const char *member,
                        const char *where)
{
  guint line, column;

  member_location (reader, object, member, &line, &column);
  reader_warning (reader, line, column,
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
  guint line, column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      top_member_location (reader, "metadata", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“metadata” must be an object {…}, not %s"), node_kind (node));
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
            member_type_error (reader, object, name, "metadata", _("true or false"),
                               value, FW_TABLE_FIRMS, -1);
        }
      else if (g_str_equal (name, "title") ||
               g_str_equal (name, "description") ||
               g_str_equal (name, "citation"))
        {
          if (!get_optional_string (value, &text))
            member_type_error (reader, object, name, "metadata", _("a string or null"),
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
          unknown_member_warning (reader, object, name, "metadata");
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
  guint line, column;

  *out_id = text != NULL ? lookup_country (reader, text) : FW_COUNTRY_UNKNOWN;
  if (*out_id != FW_COUNTRY_UNKNOWN)
    return TRUE;

  member_location (reader, object, member, &line, &column);
  reader_error (reader, FW_FORMAT_ERROR_COUNTRY, line, column,
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
  guint line, column;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      member_type_error (reader, settings, "adversaries", "settings",
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
          member_location (reader, settings, "adversaries", &line, &column);
          reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                        _("settings.adversaries, value %u: expected a country code, not %s"),
                        i + 1, node_kind (element));
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
      member_type_error (reader, settings, "continents", "settings",
                         _("an object {“RU”: “Europe”, …}"), node, FW_TABLE_FIRMS, -1);
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &code, &value))
    {
      FwContinent continent = FW_CONTINENT_UNKNOWN;
      FwCountryId id;
      guint line, column;

      id = lookup_country (reader, code);
      if (id == FW_COUNTRY_UNKNOWN)
        {
          member_location (reader, object, code, &line, &column);
          reader_error (reader, FW_FORMAT_ERROR_COUNTRY, line, column,
                        _("settings.continents: “%s” is not a country; "
                          "use an ISO 3166-1 alpha-2 code such as “FR”"),
                        code);
          continue;
        }

      if (!node_is_string (value) ||
          (!fw_continent_from_string (json_node_get_string (value), &continent) &&
           g_ascii_strcasecmp (json_node_get_string (value), "unknown") != 0))
        {
          member_location (reader, object, code, &line, &column);
          reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
  guint line, column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      top_member_location (reader, "settings", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“settings” must be an object {…}, not %s"), node_kind (node));
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
        unknown_member_warning (reader, object, name, "settings");
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
  guint line, column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      top_member_location (reader, "extra_columns", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“extra_columns” must be an object {“firms”: […], …}, not %s"),
                    node_kind (node));
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
          unknown_member_warning (reader, object, name, "extra_columns");
          continue;
        }

      if (!JSON_NODE_HOLDS_ARRAY (value))
        {
          member_type_error (reader, object, name, "extra_columns",
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
              member_location (reader, object, name, &line, &column);
              reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                            _("extra_columns.%s, value %u: a column name must be a non-empty string"),
                            name, i + 1);
              continue;
            }

          fw_dataset_add_extra_column (reader->dataset, table, column_name);
        }
    }
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
        member_type_error (reader, record, "extra", label, _("an object {“column”: “value”}"),
                           node, table, (gint) row);
      return;
    }

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      const char *text;
      guint column;

      if (!get_optional_string (value, &text))
        {
          g_autofree char *where = g_strdup_printf ("%s, extra", label);

          member_type_error (reader, object, name, where, _("a string or null"),
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
  guint line, column;

  *out_id = FW_COUNTRY_UNKNOWN;
  if (!get_optional_string (node, &text))
    {
      member_type_error (reader, object, member, label, _("a country code or null"),
                         node, table, (gint) row);
      return FALSE;
    }

  if (text == NULL)
    return TRUE;

  *out_id = lookup_country (reader, text);
  if (*out_id != FW_COUNTRY_UNKNOWN)
    return TRUE;

  member_location (reader, object, member, &line, &column);
  reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_COUNTRY, line, column,
                         table, row,
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
  guint line, column;
  const char *kind = table == FW_TABLE_FIRMS ? _("firm") : _("fair");

  if (id == NULL)
    return;

  if (!g_hash_table_lookup_extended (ids, id, NULL, &first))
    {
      g_hash_table_insert (ids, (gpointer) id, object);
      return;
    }

  member_location (reader, object, "id", &line, &column);
  reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_DUPLICATE_ID, line, column,
                         table, row,
                         _("%s id “%s” is used twice (first at line %u); give each %s its own id"),
                         kind, id, object_line (reader, first), kind);
}

static void
not_an_object_error (Reader   *reader,
                     FwTable   table,
                     guint     index,
                     JsonNode *element)
{
  guint line, column;

  /* Only objects have a known line: point at the array and say where in it. */
  top_member_location (reader, fw_table_to_string (table), &line, &column);
  reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE, line, column, table, index,
                         _("%s, value %u: each %s must be an object {…}, not %s"),
                         fw_table_to_string (table), index + 1,
                         table == FW_TABLE_FIRMS ? _("firm") : _("fair"),
                         node_kind (element));
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
  g_autofree char *label = record_label (table, index, id, NULL);

  reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE,
                         object_line (reader, object), 0, table, index,
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

  /* The name first, so that messages can use it. */
  value = json_object_get_member (object, "name");
  if (value != NULL && node_is_string (value))
    values.name = json_node_get_string (value);
  value = json_object_get_member (object, "id");
  if (value != NULL && node_is_string (value) && json_node_get_string (value)[0] != '\0')
    values.id = json_node_get_string (value);

  label = record_label (FW_TABLE_FIRMS, index, values.id,
                        values.name != NULL && values.name[0] != '\0' ? values.name : NULL);

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
        unknown_member_warning (reader, object, name, label);

      if (text != NULL && !get_optional_string (value, text))
        member_type_error (reader, object, name, label, _("a string or null"),
                           value, FW_TABLE_FIRMS, (gint) index);
    }

  if (name_is_missing (object))
    missing_name_error (reader, object, FW_TABLE_FIRMS, index, values.id);

  if (hq != NULL)
    read_record_country (reader, object, "hq", hq, FW_TABLE_FIRMS, index, label, &values.hq);

  if (confidence != NULL)
    {
      const char *text;
      guint line, column;

      if (!get_optional_string (confidence, &text))
        member_type_error (reader, object, "confidence", label,
                           _("“high”, “medium”, “low” or null"),
                           confidence, FW_TABLE_FIRMS, (gint) index);
      else if (!fw_confidence_from_string (text, &values.confidence))
        {
          member_location (reader, object, "confidence", &line, &column);
          reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_CONFIDENCE,
                                 line, column, FW_TABLE_FIRMS, index,
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

  value = json_object_get_member (object, "name");
  if (value != NULL && node_is_string (value))
    values.name = json_node_get_string (value);
  value = json_object_get_member (object, "id");
  if (value != NULL && node_is_string (value) && json_node_get_string (value)[0] != '\0')
    values.id = json_node_get_string (value);

  label = record_label (FW_TABLE_FAIRS, index, values.id,
                        values.name != NULL && values.name[0] != '\0' ? values.name : NULL);

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
        unknown_member_warning (reader, object, name, label);

      if (text != NULL && !get_optional_string (value, text))
        member_type_error (reader, object, name, label, _("a string or null"),
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

static void
read_records (Reader   *reader,
              JsonNode *node,
              FwTable   table)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;
  guint line, column;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      top_member_location (reader, fw_table_to_string (table), &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“%s” must be an array […] of objects, not %s"),
                    fw_table_to_string (table), node_kind (node));
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

  if (++vp->n_problems > MAX_VALUE_PROBLEMS_PER_COLUMN)
    return;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  packed_value_location (vp->reader, vp->object, vp->member, token_offset,
                         token, token_len, &line, &column);

  reader_record_problem (vp->reader, FW_SEVERITY_ERROR, code, line, column,
                         FW_TABLE_EXHIBITIONS, position - 1,
                         "%s, value %u: %s", vp->path, position, detail);
}

static void
value_problems_finish (ValueProblems *vp)
{
  guint line, column;

  if (vp->n_problems <= MAX_VALUE_PROBLEMS_PER_COLUMN)
    return;

  member_location (vp->reader, vp->object, vp->member, &line, &column);
  reader_error (vp->reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
          else
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

          if (!digits_only)
            {
              g_autofree char *quoted = quote_token (start, len);

              value_problem (&vp, FW_FORMAT_ERROR_SHAPE, n, (gsize) (start - text), start, len,
                             _("“%s” is not a row number of “%s” (a whole number from 0)"),
                             quoted, table);
              value = 0;
            }
          else if (value >= limit)
            {
              g_autofree char *quoted = quote_token (start, len);

              value_problem (&vp, FW_FORMAT_ERROR_REFERENCE, n, (gsize) (start - text), start, len,
                             _("%s is not a row of “%s”, which has %u rows numbered from 0"),
                             quoted, table, limit);
              value = 0;
            }

          if (n <= count)
            refs[n - 1] = (guint32) value;
        }
    }

  value_problems_finish (&vp);

  if (n != count)
    {
      guint line, column;

      member_location (reader, object, member, &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
  guint line, column;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      member_location (reader, object, member, &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("%s must be an array of strings and nulls, not %s"),
                    path, node_kind (node));
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n != count)
    {
      member_location (reader, object, member, &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
          member_location (reader, object, member, &line, &column);
          reader_record_problem (reader, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_SHAPE,
                                 line, column, FW_TABLE_EXHIBITIONS, i,
                                 _("%s, value %u: expected a string or null, not %s"),
                                 path, i + 1, node_kind (element));
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
  guint line, column;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (count == 0)
        return "";

      reader_error (reader, FW_FORMAT_ERROR_SHAPE, object_line (reader, object), 0,
                    _("exhibitions has no “%s” column; give it the %u values as "
                      "a string of space-separated numbers"),
                    member, count);
      return NULL;
    }

  if (!node_is_string (node))
    {
      member_location (reader, object, member, &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("exhibitions.%s must be a string of space-separated numbers, not %s"),
                    member, node_kind (node));
      return NULL;
    }

  return json_node_get_string (node);
}

static void
read_exhibitions (Reader   *reader,
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
  guint line, column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      top_member_location (reader, "exhibitions", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“exhibitions” must be an object {“count”: …, “firm”: …}, not %s"),
                    node_kind (node));
      return;
    }

  object = json_node_get_object (node);
  count_node = json_object_get_member (object, "count");
  if (count_node == NULL)
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, object_line (reader, object), 0,
                    _("exhibitions has no “count”; give the number of exhibitions"));
      return;
    }

  count64 = JSON_NODE_HOLDS_VALUE (count_node) && json_node_get_value_type (count_node) == G_TYPE_INT64
          ? json_node_get_int (count_node) : -1;
  if (count64 < 0 || count64 > G_MAXINT32)
    {
      member_location (reader, object, "count", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("exhibitions.count must be a whole number from 0"));
      return;
    }
  count = (guint) count64;

  /* Each value takes at least a digit and a space: a larger count cannot
   * be right, and would only make the arrays below huge. */
  if (count > reader->size / 2 + 1)
    {
      member_location (reader, object, "count", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
              member_type_error (reader, object, name, "exhibitions",
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
        unknown_member_warning (reader, object, name, "exhibitions");
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
  if (reader_has_errors (reader) || firm_text == NULL || fair_text == NULL ||
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
  guint line, column;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  layout = fw_csv_layout_from_json (node, &local_error);
  if (layout == NULL)
    {
      top_member_location (reader, "csv_layout", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
  guint line, column;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      top_member_location (reader, "history", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("“history” must be an array […], not %s"), node_kind (node));
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
  guint line, column;
  gint64 number;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, 1, 0,
                    _("this is not a Fairwatch dataset: the file holds %s where an object "
                      "{“format”: “%s”, …} was expected; check that you opened the right file"),
                    node_kind (root), FW_NATIVE_FORMAT_NAME);
      return FALSE;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, object_line (reader, object), 0,
                    _("this is not a Fairwatch dataset: it has no “format” member; "
                      "check that you opened the right file"));
      return FALSE;
    }

  if (!node_is_string (format) || !g_str_equal (json_node_get_string (format), FW_NATIVE_FORMAT_NAME))
    {
      member_location (reader, object, "format", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
                    _("this is not a Fairwatch dataset: its format is “%s”, not “%s”; "
                      "check that you opened the right file"),
                    node_is_string (format) ? json_node_get_string (format) : node_kind (format),
                    FW_NATIVE_FORMAT_NAME);
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  number = version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
           json_node_get_value_type (version) == G_TYPE_INT64
         ? json_node_get_int (version) : -1;

  if (number > FW_NATIVE_FORMAT_VERSION)
    {
      member_location (reader, object, "version", &line, &column);
      reader_error (reader, FW_FORMAT_ERROR_UNSUPPORTED, line, column,
                    _("this file was made by a newer Fairwatch (format version %" G_GINT64_FORMAT
                      "; this one reads up to version %d); update Fairwatch to open it"),
                    number, FW_NATIVE_FORMAT_VERSION);
      return FALSE;
    }

  if (number < 1)
    {
      if (version != NULL)
        {
          member_location (reader, object, "version", &line, &column);
        }
      else
        {
          line = object_line (reader, object);
          column = 0;
        }
      reader_error (reader, FW_FORMAT_ERROR_SHAPE, line, column,
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
        {
          guint line, column;

          top_member_location (reader, name, &line, &column);
          reader_warning (reader, line, column, _("unknown member “%s” at the top level is ignored"), name);
        }
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
      read_records (reader, value, FW_TABLE_FIRMS);
    }
  if ((value = json_object_get_member (root, "fairs")) != NULL)
    {
      reader->fairs_ok = FALSE;
      read_records (reader, value, FW_TABLE_FAIRS);
    }
  if ((value = json_object_get_member (root, "exhibitions")) != NULL && !JSON_NODE_HOLDS_NULL (value))
    read_exhibitions (reader, value);
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
  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &reader);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &reader);

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

  if (!reader_has_errors (&reader))
    dataset = g_steal_pointer (&reader.dataset);

failed:
  reader_clear (&reader);
  if (dataset == NULL)
    g_propagate_error (error, fw_problems_to_error (problems));

  return dataset;
}

/* }}} */

/* Writing {{{ */

typedef struct
{
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Writer;

static gboolean
writer_flush (Writer   *writer,
              gboolean  force)
{
  if (writer->error != NULL)
    return FALSE;

  if (!force && writer->out->len < WRITE_CHUNK)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (writer->cancellable, &writer->error))
    return FALSE;

  if (writer->out->len > 0 &&
      !g_output_stream_write_all (writer->stream, writer->out->str, writer->out->len,
                                  NULL, writer->cancellable, &writer->error))
    return FALSE;

  g_string_truncate (writer->out, 0);
  return TRUE;
}

static void
append_indent (GString *out,
               guint    depth)
{
  static const char spaces[] = "                                ";

  g_string_append_c (out, '\n');
  for (guint n = depth * 2; n > 0; )
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      run = p + 1;
    }

  g_string_append_len (out, run, p - run);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');

  /* A file Fairwatch cannot read back would lose the user's work. */
  if (G_LIKELY (g_utf8_validate (text, -1, NULL)))
    append_escaped (out, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      append_escaped (out, valid);
    }

  g_string_append_c (out, '"');
}

static void
append_uint (GString *out,
             guint64  value)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* The shortest text that reads back as the same double, and still looks
 * like a double so that it is not read back as an integer. */
static void
append_double (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* Starts a member of an object at @depth: the comma after the previous
 * one, a new line and the key. */
static void
begin_member (Writer     *writer,
              guint       depth,
              gboolean   *first,
              const char *key)
{
  if (!*first)
    g_string_append_c (writer->out, ',');
  *first = FALSE;
  append_indent (writer->out, depth);
  append_string (writer->out, key);
  g_string_append (writer->out, ": ");
}

static void
begin_element (Writer   *writer,
               guint     depth,
               gboolean *first)
{
  if (!*first)
    g_string_append_c (writer->out, ',');
  *first = FALSE;
  append_indent (writer->out, depth);
}

static void
end_container (Writer   *writer,
               guint     depth,
               gboolean  empty,
               char      close)
{
  if (!empty)
    append_indent (writer->out, depth);
  g_string_append_c (writer->out, close);
}

static void
write_string_member (Writer     *writer,
                     guint       depth,
                     gboolean   *first,
                     const char *key,
                     const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  begin_member (writer, depth, first, key);
  append_string (writer->out, value);
}

static void
write_node (Writer   *writer,
            JsonNode *node,
            guint     depth)
{
  gboolean first = TRUE;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        g_string_append_c (writer->out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            begin_member (writer, depth + 1, &first, name);
            write_node (writer, member, depth + 1);
          }
        end_container (writer, depth, first, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (writer->out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            begin_element (writer, depth + 1, &first);
            write_node (writer, json_array_get_element (array, i), depth + 1);
          }
        end_container (writer, depth, first, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (writer->out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (writer->out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (writer->out, json_node_get_string (node));
          break;
        default:
          g_string_append (writer->out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (writer->out, "null");
      break;
    }

  writer_flush (writer, FALSE);
}

/* A short list of strings on one line: ["a", "b"]. */
static void
write_inline_list (Writer     *writer,
                   GPtrArray  *items)
{
  g_string_append_c (writer->out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (writer->out, ", ");
      append_string (writer->out, g_ptr_array_index (items, i));
    }
  g_string_append_c (writer->out, ']');
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gint
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  FwCountries *countries = user_data;

  return g_strcmp0 (fw_countries_get_code (countries, *(const FwCountryId *) a),
                    fw_countries_get_code (countries, *(const FwCountryId *) b));
}

static void
write_metadata (Writer    *writer,
                FwDataset *dataset)
{
  gboolean first = TRUE;

  g_string_append_c (writer->out, '{');
  write_string_member (writer, 2, &first, "title", fw_dataset_get_title (dataset));
  write_string_member (writer, 2, &first, "description", fw_dataset_get_description (dataset));
  write_string_member (writer, 2, &first, "citation", fw_dataset_get_citation (dataset));
  begin_member (writer, 2, &first, "fictional");
  g_string_append (writer->out, fw_dataset_get_fictional (dataset) ? "true" : "false");
  end_container (writer, 1, FALSE, '}');
}

static void
write_settings (Writer    *writer,
                FwDataset *dataset)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  g_autoptr(GArray) adversaries = fw_countries_get_adversaries (countries);
  g_autoptr(GArray) overrides = fw_countries_get_continent_overrides (countries);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  gboolean first = TRUE;
  gboolean first_override = TRUE;

  for (guint i = 0; i < adversaries->len; i++)
    g_ptr_array_add (codes, (gpointer) fw_countries_get_code (countries,
                                                              g_array_index (adversaries, FwCountryId, i)));
  g_ptr_array_sort (codes, compare_strings);
  g_array_sort_with_data (overrides, compare_codes, countries);

  g_string_append_c (writer->out, '{');
  begin_member (writer, 2, &first, "adversaries");
  write_inline_list (writer, codes);

  begin_member (writer, 2, &first, "continents");
  g_string_append_c (writer->out, '{');
  for (guint i = 0; i < overrides->len; i++)
    {
      FwCountryId id = g_array_index (overrides, FwCountryId, i);

      begin_member (writer, 3, &first_override, fw_countries_get_code (countries, id));
      append_string (writer->out,
                     fw_continent_to_string (fw_countries_get_continent (countries, id)));
    }
  end_container (writer, 2, first_override, '}');
  end_container (writer, 1, FALSE, '}');
}

static void
write_record_extra (Writer    *writer,
                    FwDataset *dataset,
                    FwTable    table,
                    guint      row,
                    gboolean  *first)
{
  guint n_extra = fw_dataset_get_n_extra (dataset, table);
  gboolean first_extra = TRUE;

  for (guint c = 0; c < n_extra; c++)
    {
      const char *value = fw_dataset_get_extra (dataset, table, c, row);

      if (value[0] == '\0')
        continue;

      if (first_extra)
        {
          begin_member (writer, 3, first, "extra");
          g_string_append_c (writer->out, '{');
        }
      begin_member (writer, 4, &first_extra, fw_dataset_get_extra_name (dataset, table, c));
      append_string (writer->out, value);
    }

  if (!first_extra)
    end_container (writer, 3, FALSE, '}');
}

static const char *
country_code (FwCountries *countries,
              FwCountryId  id)
{
  return id == FW_COUNTRY_UNKNOWN ? NULL : fw_countries_get_code (countries, id);
}

static void
write_firms (Writer    *writer,
             FwDataset *dataset)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  guint n = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  gboolean first_firm = TRUE;

  g_string_append_c (writer->out, '[');
  for (guint row = 0; row < n && writer->error == NULL; row++)
    {
      FwFirmValues values;
      gboolean first = TRUE;

      fw_dataset_get_firm (dataset, row, &values);
      begin_element (writer, 2, &first_firm);
      g_string_append_c (writer->out, '{');
      write_string_member (writer, 3, &first, "id", values.id);
      begin_member (writer, 3, &first, "name");
      append_string (writer->out, values.name != NULL ? values.name : "");
      write_string_member (writer, 3, &first, "hq", country_code (countries, values.hq));
      if (values.confidence != FW_CONFIDENCE_UNKNOWN)
        write_string_member (writer, 3, &first, "confidence",
                             fw_confidence_to_string (values.confidence));
      write_string_member (writer, 3, &first, "website", values.website);
      write_string_member (writer, 3, &first, "notes", values.notes);
      write_string_member (writer, 3, &first, "source", values.source);
      write_record_extra (writer, dataset, FW_TABLE_FIRMS, row, &first);
      end_container (writer, 2, FALSE, '}');
      writer_flush (writer, FALSE);
    }
  end_container (writer, 1, first_firm, ']');
}

static void
write_fairs (Writer    *writer,
             FwDataset *dataset)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  guint n = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  gboolean first_fair = TRUE;

  g_string_append_c (writer->out, '[');
  for (guint row = 0; row < n && writer->error == NULL; row++)
    {
      FwFairValues values;
      gboolean first = TRUE;

      fw_dataset_get_fair (dataset, row, &values);
      begin_element (writer, 2, &first_fair);
      g_string_append_c (writer->out, '{');
      write_string_member (writer, 3, &first, "id", values.id);
      begin_member (writer, 3, &first, "name");
      append_string (writer->out, values.name != NULL ? values.name : "");
      write_string_member (writer, 3, &first, "host", country_code (countries, values.host));
      write_string_member (writer, 3, &first, "city", values.city);
      write_record_extra (writer, dataset, FW_TABLE_FAIRS, row, &first);
      end_container (writer, 2, FALSE, '}');
      writer_flush (writer, FALSE);
    }
  end_container (writer, 1, first_fair, ']');
}

static void
write_packed (Writer        *writer,
              const guint32 *refs,
              const guint16 *years,
              guint          n)
{
  g_string_append_c (writer->out, '"');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (writer->out, ' ');

      if (refs != NULL)
        append_uint (writer->out, refs[i]);
      else if (years[i] == FW_YEAR_UNKNOWN)
        g_string_append_c (writer->out, '-');
      else
        append_uint (writer->out, years[i]);

      if ((i & 0xffff) == 0xffff && !writer_flush (writer, FALSE))
        return;
    }
  g_string_append_c (writer->out, '"');
}

/* One value of a string column of exhibitions, or NULL; a function of the
 * row so that the built-in and the extra columns share the writer. */
typedef const char *(*ColumnValueFunc) (FwDataset *dataset,
                                        guint      column,
                                        guint      row);

static const char *
exhibition_source (FwDataset *dataset,
                   guint      column,
                   guint      row)
{
  FwExhibitionValues values;

  fw_dataset_get_exhibition (dataset, row, &values);
  return values.source;
}

static const char *
exhibition_note (FwDataset *dataset,
                 guint      column,
                 guint      row)
{
  FwExhibitionValues values;

  fw_dataset_get_exhibition (dataset, row, &values);
  return values.note;
}

static const char *
exhibition_extra (FwDataset *dataset,
                  guint      column,
                  guint      row)
{
  const char *value = fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, column, row);

  return value[0] != '\0' ? value : NULL;
}

static gboolean
column_has_values (FwDataset       *dataset,
                   ColumnValueFunc  func,
                   guint            column,
                   guint            n)
{
  for (guint row = 0; row < n; row++)
    if (func (dataset, column, row) != NULL)
      return TRUE;

  return FALSE;
}

static void
write_string_column (Writer          *writer,
                     FwDataset       *dataset,
                     ColumnValueFunc  func,
                     guint            column,
                     guint            n,
                     guint            depth)
{
  gboolean first = TRUE;

  g_string_append_c (writer->out, '[');
  for (guint row = 0; row < n; row++)
    {
      const char *value = func (dataset, column, row);

      begin_element (writer, depth + 1, &first);
      if (value != NULL)
        append_string (writer->out, value);
      else
        g_string_append (writer->out, "null");

      if ((row & 0xffff) == 0xffff && !writer_flush (writer, FALSE))
        return;
    }
  end_container (writer, depth, first, ']');
}

static void
write_exhibitions (Writer    *writer,
                   FwDataset *dataset)
{
  FwColumns columns;
  guint n_extra = fw_dataset_get_n_extra (dataset, FW_TABLE_EXHIBITIONS);
  gboolean first = TRUE;
  gboolean first_extra = TRUE;
  guint n;

  fw_dataset_get_columns (dataset, &columns);
  n = columns.n_exhibitions;

  g_string_append_c (writer->out, '{');
  begin_member (writer, 2, &first, "count");
  append_uint (writer->out, n);
  begin_member (writer, 2, &first, "firm");
  write_packed (writer, columns.exhibition_firm, NULL, n);
  begin_member (writer, 2, &first, "fair");
  write_packed (writer, columns.exhibition_fair, NULL, n);
  begin_member (writer, 2, &first, "year");
  write_packed (writer, NULL, columns.exhibition_year, n);

  if (column_has_values (dataset, exhibition_source, 0, n))
    {
      begin_member (writer, 2, &first, "source");
      write_string_column (writer, dataset, exhibition_source, 0, n, 2);
    }
  if (column_has_values (dataset, exhibition_note, 0, n))
    {
      begin_member (writer, 2, &first, "note");
      write_string_column (writer, dataset, exhibition_note, 0, n, 2);
    }

  for (guint c = 0; c < n_extra; c++)
    {
      if (!column_has_values (dataset, exhibition_extra, c, n))
        continue;

      if (first_extra)
        {
          begin_member (writer, 2, &first, "extra");
          g_string_append_c (writer->out, '{');
        }
      begin_member (writer, 3, &first_extra,
                    fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, c));
      write_string_column (writer, dataset, exhibition_extra, c, n, 3);
    }
  if (!first_extra)
    end_container (writer, 2, FALSE, '}');

  end_container (writer, 1, FALSE, '}');
}

static void
write_extra_columns (Writer    *writer,
                     FwDataset *dataset,
                     gboolean  *first)
{
  gboolean first_table = TRUE;

  for (FwTable table = 0; table < FW_N_TABLES; table++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      guint n_extra = fw_dataset_get_n_extra (dataset, table);

      if (n_extra == 0)
        continue;

      for (guint c = 0; c < n_extra; c++)
        g_ptr_array_add (names, (gpointer) fw_dataset_get_extra_name (dataset, table, c));

      if (first_table)
        {
          begin_member (writer, 1, first, "extra_columns");
          g_string_append_c (writer->out, '{');
        }
      begin_member (writer, 2, &first_table, fw_table_to_string (table));
      write_inline_list (writer, names);
    }

  if (!first_table)
    end_container (writer, 1, FALSE, '}');
}

gboolean
fw_native_write (FwDataset      *dataset,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GString) out = NULL;
  FwCsvLayout *layout;
  JsonNode *history;
  Writer writer = { 0 };
  gboolean first = TRUE;

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_sized_new (WRITE_CHUNK + WRITE_CHUNK / 4);
  writer.out = out;
  writer.stream = stream;
  writer.cancellable = cancellable;

  g_string_append_c (out, '{');
  begin_member (&writer, 1, &first, "format");
  append_string (out, FW_NATIVE_FORMAT_NAME);
  begin_member (&writer, 1, &first, "version");
  append_uint (out, FW_NATIVE_FORMAT_VERSION);

  begin_member (&writer, 1, &first, "metadata");
  write_metadata (&writer, dataset);
  begin_member (&writer, 1, &first, "settings");
  write_settings (&writer, dataset);

  begin_member (&writer, 1, &first, "firms");
  write_firms (&writer, dataset);
  begin_member (&writer, 1, &first, "fairs");
  write_fairs (&writer, dataset);
  begin_member (&writer, 1, &first, "exhibitions");
  write_exhibitions (&writer, dataset);

  write_extra_columns (&writer, dataset, &first);

  layout = fw_dataset_get_csv_layout (dataset);
  if (layout != NULL)
    {
      g_autoptr(JsonNode) node = fw_csv_layout_to_json (layout);

      if (node != NULL)
        {
          begin_member (&writer, 1, &first, "csv_layout");
          write_node (&writer, node, 1);
        }
    }

  begin_member (&writer, 1, &first, "history");
  history = fw_dataset_get_history (dataset);
  if (history != NULL && !JSON_NODE_HOLDS_NULL (history))
    write_node (&writer, history, 1);
  else
    g_string_append (out, "[]");

  end_container (&writer, 0, FALSE, '}');
  g_string_append_c (out, '\n');

  if (!writer_flush (&writer, TRUE))
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  return TRUE;
}

/* }}} */
