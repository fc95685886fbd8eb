/* fw-csv-private.h: what the CSV layout, readers and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-csv.h"

G_BEGIN_DECLS

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

typedef struct
{
  const ColumnSpec *specs;
  guint             n_specs;
} ColumnSpecs;

/* firms.csv, fairs.csv, exhibitions.csv */
extern const char *const fw_csv_table_files[FW_N_TABLES];

extern const ColumnSpecs fw_csv_flat_specs;
extern const ColumnSpecs fw_csv_table_specs[FW_N_TABLES];

FwCsvLayout      *fw_csv_layout_new       (gboolean           tables);
GArray           *fw_csv_column_array_new (void);
void              fw_csv_column_array_add (GArray            *columns,
                                           const char        *header,
                                           FwField            field,
                                           FwTable            table,
                                           guint              extra,
                                           gboolean           codes);

char             *fw_csv_normalise_header (const char        *text);
const ColumnSpec *fw_csv_find_spec        (const ColumnSpecs *specs,
                                           const char        *header);

G_END_DECLS
