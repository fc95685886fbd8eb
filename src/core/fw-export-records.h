/* fw-export-records.h: the records a filter keeps, as a dataset or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-io.h"
#include "fw-query.h"

G_BEGIN_DECLS

/* A new dataset of the firms and exhibitions @query keeps and the fairs
 * those exhibitions were at, in their original order, with the metadata,
 * country settings, extra columns and CSV layout of the original (not its
 * edit history). */
FwDataset *fw_export_records_copy (FwQuery       *query);

/* Writes the kept records to @path in @format (FW_FORMAT_UNKNOWN: from
 * the name).  CSV cells that a spreadsheet would run as a formula are
 * escaped (FW_CSV_WRITE_ESCAPE_FORMULAS); the native file is exact. */
gboolean   fw_export_records      (FwQuery       *query,
                                   const char    *path,
                                   FwFormat       format,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
