/* fw-native-read-private.h: what the parts of the native reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-native.h"

G_BEGIN_DECLS

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

#define reader_problem(reader, severity, code, line, column, table, row, ...) \
  fw_problems_report ((reader)->problems, (severity), (code), (reader)->filename, \
                      (line), (column), (table), (row), __VA_ARGS__)

#define reader_error(reader, code, line, column, ...) \
  reader_problem ((reader), FW_SEVERITY_ERROR, (code), (line), (column), FW_TABLE_FIRMS, -1, __VA_ARGS__)

/* A problem about @member of @object (of the top level with
 * reader_top_error()), located there. */
#define reader_member_error(reader, code, object, member, ...) \
  fw_native_member_problem ((reader), FW_SEVERITY_ERROR, (code), (object), (member), \
                            FW_TABLE_FIRMS, -1, __VA_ARGS__)

#define reader_top_error(reader, code, member, ...) \
  reader_member_error ((reader), (code), (reader)->root, (member), __VA_ARGS__)

static inline gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* fw-native-locate.c */
void         fw_native_track_objects          (Reader        *reader,
                                               JsonParser    *parser);
void         fw_native_offset_to_location     (Reader        *reader,
                                               gsize          offset,
                                               guint         *line,
                                               guint         *column);
guint        fw_native_object_line            (Reader        *reader,
                                               JsonObject    *object);
void         fw_native_packed_value_location  (Reader        *reader,
                                               JsonObject    *object,
                                               const char    *member,
                                               gsize          token_offset,
                                               const char    *token,
                                               gsize          token_len,
                                               guint         *line,
                                               guint         *column);
gboolean     fw_native_counts_only            (Reader        *reader,
                                               FwSeverity     severity);
void         fw_native_member_problem         (Reader        *reader,
                                               FwSeverity     severity,
                                               FwFormatError  code,
                                               JsonObject    *object,
                                               const char    *member,
                                               FwTable        table,
                                               gint           row,
                                               const char    *format,
                                               ...) G_GNUC_PRINTF (8, 9);

/* fw-native-read.c */
gboolean     fw_native_has_errors             (Reader        *reader);
const char  *fw_native_node_kind              (JsonNode      *node);
gboolean     fw_native_get_optional_string    (JsonNode      *node,
                                               const char   **out);
FwCountryId  fw_native_lookup_country         (Reader        *reader,
                                               const char    *text);
void         fw_native_member_type_error      (Reader        *reader,
                                               JsonObject    *object,
                                               const char    *member,
                                               const char    *where,
                                               const char    *expected,
                                               JsonNode      *node,
                                               FwTable        table,
                                               gint           row);
void         fw_native_unknown_member_warning (Reader        *reader,
                                               JsonObject    *object,
                                               const char    *member,
                                               const char    *where);

/* fw-native-read-tables.c */
void         fw_native_read_records           (Reader        *reader,
                                               JsonNode      *node,
                                               FwTable        table);
void         fw_native_read_exhibitions       (Reader        *reader,
                                               JsonNode      *node);

G_END_DECLS
