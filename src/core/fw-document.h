/* fw-document.h: a dataset being curated: its file, its edits, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-explorer.h"
#include "fw-history.h"
#include "fw-io.h"

G_BEGIN_DECLS

#define FW_DOCUMENT_ERROR (fw_document_error_quark ())

typedef enum
{
  /* The file was changed or removed by someone else since it was opened
   * or last saved: ask whether to reload, overwrite or save as. */
  FW_DOCUMENT_ERROR_CHANGED_ON_DISK,
  /* There is no file to save to (the demonstration data): save as. */
  FW_DOCUMENT_ERROR_NO_FILE,
} FwDocumentError;

typedef enum
{
  FW_SAVE_NONE = 0,
  FW_SAVE_OVERWRITE_CHANGED = 1 << 0,
} FwSaveFlags;

#define FW_TYPE_DOCUMENT (fw_document_get_type ())

G_DECLARE_FINAL_TYPE (FwDocument, fw_document, FW, DOCUMENT, GObject)

GQuark        fw_document_error_quark      (void);

/* @path is where the dataset came from (NULL for built-in data, which
 * can only be saved as). */
FwDocument   *fw_document_new              (FwDataset        *dataset,
                                            const char       *path,
                                            FwFormat          format);
/* Reads @path and its edit history: in the native file, or in the
 * sidecar beside a CSV file (see fw_document_get_sidecar_path()). */
FwDocument   *fw_document_load             (const char       *path,
                                            FwProblems       *problems,
                                            GCancellable     *cancellable,
                                            GError          **error);

FwDataset    *fw_document_get_dataset      (FwDocument       *self);
FwExplorer   *fw_document_get_explorer     (FwDocument       *self);
FwHistory    *fw_document_get_history      (FwDocument       *self);
const char   *fw_document_get_path         (FwDocument       *self);
FwFormat      fw_document_get_format       (FwDocument       *self);
const char   *fw_document_get_title        (FwDocument       *self);
gboolean      fw_document_get_modified     (FwDocument       *self);
gboolean      fw_document_get_busy         (FwDocument       *self);
gboolean      fw_document_get_can_undo     (FwDocument       *self);
gboolean      fw_document_get_can_redo     (FwDocument       *self);

/* Applies @edit with @reason and source (each may be NULL), records it and
 * re-runs the explorer's query. */
gboolean      fw_document_edit             (FwDocument       *self,
                                            FwEdit           *edit,
                                            GError          **error);
gboolean      fw_document_undo             (FwDocument       *self);
gboolean      fw_document_redo             (FwDocument       *self);
FwEdit       *fw_document_revert           (FwDocument       *self,
                                            guint64           id,
                                            const char       *reason,
                                            GError          **error);

/* Saves to the file it came from, in its format; the edit history goes
 * into the native file, or into the sidecar of a CSV file. */
gboolean      fw_document_save             (FwDocument       *self,
                                            FwSaveFlags       flags,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean      fw_document_save_as          (FwDocument       *self,
                                            const char       *path,
                                            FwFormat          format,
                                            GCancellable     *cancellable,
                                            GError          **error);
/* TRUE when the file is not what it was when read or last saved. */
gboolean      fw_document_changed_on_disk  (FwDocument       *self);
/* For tests: every save writes through this filter. */
void          fw_document_set_stream_filter (FwDocument      *self,
                                            FwIoStreamFilter  filter,
                                            gpointer          filter_data);

/* For views that follow a document: replaces *@slot with @document and
 * moves @on_edited (connected swapped to @instance, on "edited") from the
 * old one to the new.  FALSE when @document was already there. */
gboolean      fw_document_replace          (FwDocument      **slot,
                                            FwDocument       *document,
                                            gpointer          instance,
                                            GCallback         on_edited);

/* "data.csv" -> "data.csv.fairwatch-history.json"; a folder of CSV
 * tables -> "FOLDER/fairwatch-history.json"; NULL for a native file. */
char         *fw_document_get_sidecar_path (const char       *path,
                                            FwFormat          format);

/* Unsaved edits are written to the recovery file after @delay_ms without
 * edits and at once every 20 edits; it is removed when nothing is unsaved. */
void          fw_document_set_recovery_delay (FwDocument     *self,
                                            guint             delay_ms);
const char   *fw_document_get_recovery_path (FwDocument      *self);
gboolean      fw_document_write_recovery   (FwDocument       *self,
                                            GError          **error);
/* Opens the file a recovery file was made for and re-applies its edits. */
FwDocument   *fw_document_restore          (const char       *recovery_path,
                                            GError          **error);
/* What a recovery file is about, for asking: the file's path (or NULL
 * for built-in data), its title and how many edits it holds. */
gboolean      fw_document_peek_recovery    (const char       *recovery_path,
                                            char            **path,
                                            char            **title,
                                            guint            *n_edits);

G_END_DECLS
