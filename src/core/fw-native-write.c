/* fw-native-write.c: writing the native format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-native"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fw-csv.h"
#include "fw-native.h"

#define WRITE_CHUNK (1024 * 1024)

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
