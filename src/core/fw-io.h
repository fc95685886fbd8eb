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

typedef gboolean (*FwIoWriteFunc)         (GOutputStream *stream,
                                           gpointer       user_data,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* Returns the stream to write through in place of @stream (taking a
 * reference); tests use it to make a write fail midway. */
typedef GOutputStream *(*FwIoStreamFilter) (GOutputStream *stream,
                                            gpointer       user_data);

/* The atomic write under fw_io_save(): @write fills a new temporary file
 * in @path's folder (through @filter when given); it is closed, fsync()ed,
 * the current file is kept as PATH~ when @backup (a hard link, or a copy), the
 * temporary file is renamed over @path and the folder is synced.  On any
 * failure the temporary file is removed and @path is untouched. */
gboolean   fw_io_write_atomic     (const char       *path,
                                   gboolean          backup,
                                   FwIoWriteFunc     write,
                                   gpointer          user_data,
                                   FwIoStreamFilter  filter,
                                   gpointer          filter_data,
                                   GCancellable     *cancellable,
                                   GError          **error);
/* An FwIoWriteFunc writing the JsonNode @user_data, indented, with a
 * final line break. */
gboolean   fw_io_write_json       (GOutputStream    *stream,
                                   gpointer          user_data,
                                   GCancellable     *cancellable,
                                   GError          **error);
typedef enum
{
  FW_IO_SAVE_DEFAULT = 0,
  /* A copy for others (fw-export-records.c): no PATH~ backup, and CSV
   * cells that spreadsheets would run as formulas escaped. */
  FW_IO_SAVE_EXPORT  = 1 << 0,
} FwIoSaveFlags;

gboolean   fw_io_save_full        (FwDataset        *dataset,
                                   const char       *path,
                                   FwFormat          format,
                                   FwIoSaveFlags     flags,
                                   GCancellable     *cancellable,
                                   GError          **error);
/* fw_io_save_full() writing through @filter (see FwIoStreamFilter). */
gboolean   fw_io_save_through     (FwDataset        *dataset,
                                   const char       *path,
                                   FwFormat          format,
                                   FwIoSaveFlags     flags,
                                   FwIoStreamFilter  filter,
                                   gpointer          filter_data,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_END_DECLS
