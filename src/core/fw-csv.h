/* fw-csv.h: the two CSV layouts (flat, and one file per table)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-dataset.h"
#include "fw-problem.h"

G_BEGIN_DECLS

/* Limits that make absurd input a clear error instead of an exhausted
 * machine.  Documented in README.md. */
#define FW_CSV_MAX_FIELD_BYTES   (1024 * 1024)
#define FW_CSV_MAX_COLUMNS       1024

/* Reads the flat layout: one row per exhibition, firm and fair attributes
 * repeated on each row.  Every problem found is added to @problems (errors
 * and warnings, each with file, line and column); when any is an error the
 * result is NULL and @error holds the first one. */
FwDataset   *fw_csv_read_flat         (GBytes        *data,
                                       const char    *filename,
                                       FwCountries   *countries,
                                       FwProblems    *problems,
                                       GError       **error);

/* Reads firms.csv, fairs.csv and exhibitions.csv from @directory. */
FwDataset   *fw_csv_read_tables       (const char    *directory,
                                       FwCountries   *countries,
                                       FwProblems    *problems,
                                       GError       **error);

typedef enum
{
  FW_CSV_WRITE_DEFAULT         = 0,
  /* For exports that others open in a spreadsheet: a cell starting with
   * = + - @, tab or CR is written as text ('=…), never when saving the
   * user's own file back. */
  FW_CSV_WRITE_ESCAPE_FORMULAS = 1 << 0,
} FwCsvWriteFlags;

gboolean     fw_csv_write_flat        (FwDataset     *dataset,
                                       GOutputStream *stream,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Writes the three tables as @directory/{firms,fairs,exhibitions}.csv,
 * each atomically. */
gboolean     fw_csv_write_tables      (FwDataset     *dataset,
                                       const char    *directory,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     fw_csv_write_flat_with_flags (FwDataset       *dataset,
                                       GOutputStream   *stream,
                                       FwCsvWriteFlags  flags,
                                       GCancellable    *cancellable,
                                       GError         **error);
gboolean     fw_csv_write_tables_with_flags (FwDataset     *dataset,
                                       const char      *directory,
                                       FwCsvWriteFlags  flags,
                                       GCancellable    *cancellable,
                                       GError         **error);

/* TRUE when @directory holds the three per-table files. */
gboolean     fw_csv_is_tables_directory (const char  *directory);

/* TRUE when the layout is the three-file one (see fw_csv_read_tables()). */
gboolean     fw_csv_layout_is_tables  (const FwCsvLayout *layout);
void         fw_csv_layout_free       (FwCsvLayout   *layout);
FwCsvLayout *fw_csv_layout_copy       (const FwCsvLayout *layout);
/* The layout as JSON, for the native format to keep:
 *   { "kind": "flat" | "tables",
 *     "files": [ { "table": "firms",          (tables only; firms, fairs, exhibitions)
 *                  "delimiter": ",", "bom": false, "crlf": false,
 *                  "columns": [ { "header": "HQ", "field": "firms.hq_country", "codes": false },
 *                               { "header": "Booth", "field": "exhibitions.extra", "extra": 0 } ] } ] }
 * A wrong shape is an FW_FORMAT_ERROR_SHAPE error whose message names the
 * member at fault; callers say where the layout came from. */
JsonNode    *fw_csv_layout_to_json    (const FwCsvLayout *layout);
FwCsvLayout *fw_csv_layout_from_json  (JsonNode      *node,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwCsvLayout, fw_csv_layout_free)

G_END_DECLS
