/* fw-io.h: loading and saving datasets by path, whatever the format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-dataset.h"
#include "fw-problem.h"

G_BEGIN_DECLS

typedef enum
{
  FW_FORMAT_UNKNOWN,
  FW_FORMAT_NATIVE,
  FW_FORMAT_CSV_FLAT,
  FW_FORMAT_CSV_TABLES,
} FwFormat;

/* Files larger than this are refused before reading. */
#define FW_IO_MAX_FILE_BYTES (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)

#define FW_DEMO_RESOURCE     "/org/fairwatch/Fairwatch/data/demo.fairwatch.json"
#define FW_REPORT_RESOURCE   "/org/fairwatch/Fairwatch/data/report-firms.fairwatch.json"

FwFormat   fw_format_for_path     (const char    *path,
                                   gboolean       for_writing);

FwDataset *fw_io_load             (const char    *path,
                                   FwProblems    *problems,
                                   GCancellable  *cancellable,
                                   GError       **error);
FwDataset *fw_io_load_bytes       (GBytes        *data,
                                   const char    *filename,
                                   FwFormat       format,
                                   FwProblems    *problems,
                                   GError       **error);
FwDataset *fw_io_load_resource    (const char    *resource_path,
                                   GError       **error);
FwDataset *fw_io_load_demo        (GError       **error);

/* Writes atomically: a temporary file beside @path, flushed and synced,
 * then renamed over it; the previous version is kept as PATH~.  On failure
 * the previous file is untouched. */
gboolean   fw_io_save             (FwDataset     *dataset,
                                   const char    *path,
                                   FwFormat       format,
                                   GCancellable  *cancellable,
                                   GError       **error);

typedef enum
{
  FW_IO_SAVE_DEFAULT = 0,
  /* A copy for others (fw-export-records.c): no PATH~ backup, and CSV
   * cells that spreadsheets would run as formulas escaped. */
  FW_IO_SAVE_EXPORT  = 1 << 0,
} FwIoSaveFlags;

gboolean   fw_io_save_full        (FwDataset     *dataset,
                                   const char    *path,
                                   FwFormat       format,
                                   FwIoSaveFlags  flags,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
