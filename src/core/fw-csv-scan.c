/* fw-csv-scan.c: one CSV file, from bytes to rows of fields
 *
 * The checks that make absurd input a clear error (binary, encoding,
 * sizes), libcsv, and the header row that says which column is which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-csv-read-private.h"

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c): the state field
 * is public in csv.h, its values are not. */
#define LIBCSV_ROW_NOT_BEGUN 0

/* Lines are fed to libcsv in pieces of at most this size, so that a huge
 * field is noticed long before it has all been accumulated. */
#define FEED_BYTES      (64 * 1024)
#define SNIFF_BYTES     (64 * 1024)
#define MAX_ROW_BYTES   (8 * FW_CSV_MAX_FIELD_BYTES)
#define MAX_RESERVED_ROWS (4 * 1024 * 1024)

void
fw_csv_reader_init (Reader            *r,
                    Builder           *builder,
                    const char        *file,
                    FwTable            table,
                    const ColumnSpecs *specs,
                    RowFunc            row_func,
                    LayoutFile        *layout)
{
  memset (r, 0, sizeof *r);

  r->builder = builder;
  r->file = file;
  r->table = table;
  r->specs = specs;
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

void
fw_csv_reader_clear (Reader *r)
{
  g_clear_pointer (&r->buf, g_free);
  g_clear_pointer (&r->fields, g_free);
  g_clear_pointer (&r->headers, g_strfreev);
  g_clear_pointer (&r->extra_columns, g_free);
  g_clear_pointer (&r->key, g_free);
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

      spec = fw_csv_find_spec (r->specs, header);
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
          fw_csv_column_array_add (r->layout->columns, header, spec->field, fw_field_get_table (spec->field), 0, FALSE);
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
      fw_csv_column_array_add (r->layout->columns, header, FW_FIELD_EXTRA, r->table, r->n_extra, FALSE);
      g_ptr_array_add (extra_names, g_strdup (header));
      r->n_extra++;
    }

  header_broken = r->stop;

  for (guint i = 0; i < r->specs->n_specs && !header_broken; i++)
    {
      const ColumnSpec *spec = &r->specs->specs[i];

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

static gboolean
scan (Reader *r,
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
      fw_csv_exhibitions_reserve (&r->builder->ex,
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

/* Returns FALSE when the file could not be read to its end. */
gboolean
fw_csv_reader_run (Reader *r,
                   GBytes *bytes)
{
  gboolean complete = scan (r, bytes);

  reader_finish_layout (r);

  return complete;
}
