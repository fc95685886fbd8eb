/* fw-native-locate.c: where in the text a member of the JSON tree is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-native"

#include "config.h"

#include <string.h>

#include "fw-native-read-private.h"

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

void
fw_native_offset_to_location (Reader *reader,
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

guint
fw_native_object_line (Reader     *reader,
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

  line = fw_native_object_line (reader, object);
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
      fw_native_offset_to_location (reader, (gsize) offset, line, column);
      return;
    }

  *line = fw_native_object_line (reader, object);
  *column = 0;
}

/* Where a token of a packed column is: the string is on one line and has no
 * escapes when Fairwatch wrote it; when the text does not match, only the
 * line of the member is given. */
void
fw_native_packed_value_location (Reader     *reader,
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

  *line = fw_native_object_line (reader, object);
  *column = 0;
  if (key < 0)
    return;

  fw_native_offset_to_location (reader, (gsize) key, line, column);
  *column = 0;

  p = reader->data + key + strlen (member) + 2;
  while (p < end && *p != '"')
    p++;
  if (p >= end)
    return;
  p++;
  if (token_offset + token_len > (gsize) (end - p) || memcmp (p + token_offset, token, token_len) != 0)
    return;

  fw_native_offset_to_location (reader, (gsize) (p + token_offset - reader->data), line, column);
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

void
fw_native_track_objects (Reader     *reader,
                         JsonParser *parser)
{
  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), reader);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), reader);
}

/* Past the cap a problem is only counted, so that it need not be located
 * or formatted; the first error is kept all the same. */
gboolean
fw_native_counts_only (Reader     *reader,
                       FwSeverity  severity)
{
  if (!fw_problems_is_full (reader->problems) ||
      (severity == FW_SEVERITY_ERROR && fw_problems_get_n_errors (reader->problems) == 0))
    return FALSE;

  fw_problems_count (reader->problems, severity);
  return TRUE;
}

void
fw_native_member_problem (Reader        *reader,
                          FwSeverity     severity,
                          FwFormatError  code,
                          JsonObject    *object,
                          const char    *member,
                          FwTable        table,
                          gint           row,
                          const char    *format,
                          ...)
{
  guint line, column;
  va_list args;

  if (fw_native_counts_only (reader, severity))
    return;

  member_location (reader, object, member, &line, &column);

  va_start (args, format);
  fw_problems_report_valist (reader->problems, severity, code, reader->filename, line, column,
                             table, row, format, args);
  va_end (args);
}
