/* fw-history.h: the edits made to a dataset, for undo, redo, revert and provenance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-edit.h"

G_BEGIN_DECLS

typedef enum
{
  FW_EDIT_STATE_EARLIER,   /* applied, made in an earlier session (in the file) */
  FW_EDIT_STATE_APPLIED,   /* applied in this session */
  FW_EDIT_STATE_UNDONE,    /* undone, on the redo stack */
  FW_EDIT_STATE_SET_ASIDE, /* undone, then a new edit was made: kept, not redoable */
} FwEditState;

typedef struct _FwHistory FwHistory;

/* Edits applied through a history are numbered and their records
 * followed by session keys, so that a change can be found again after
 * later edits moved rows.
 *
 * Undo never throws edits away: undone edits wait on the redo stack
 * until a new edit is made, and then stay listed as set aside (in memory
 * and in the recovery file; only applied edits go into the saved file). */
FwHistory    *fw_history_new              (FwDataset     *dataset);
void          fw_history_free             (FwHistory     *self);

/* The history of the file as read: edits made in earlier sessions. */
gboolean      fw_history_load             (FwHistory     *self,
                                           JsonNode      *node,
                                           GError       **error);
/* The applied edits, oldest first, as the native file's "history". */
JsonNode     *fw_history_to_json          (FwHistory     *self);

/* Applies @edit and puts it on the undo stack. */
gboolean      fw_history_push             (FwHistory     *self,
                                           FwEdit        *edit,
                                           GError       **error);
gboolean      fw_history_can_undo         (FwHistory     *self);
gboolean      fw_history_can_redo         (FwHistory     *self);
FwEdit       *fw_history_undo             (FwHistory     *self);
FwEdit       *fw_history_redo             (FwHistory     *self);

/* Reverting a single earlier edit applies a new edit that puts back what
 * it changed, when no later edit depends on it (changed the same field of
 * the same record, or touched a record it created, deleted or merged).
 * Otherwise FALSE, and @error says which later edit depends on it. */
gboolean      fw_history_can_revert       (FwHistory     *self,
                                           guint64        id,
                                           GError       **error);
/* The revert edit, owned by the history. */
FwEdit       *fw_history_revert           (FwHistory     *self,
                                           guint64        id,
                                           GError       **error);

/* Every edit known: applied (earlier sessions, then this one), then the
 * redo stack (next redo first), then those set aside. */
guint         fw_history_get_n_edits      (FwHistory     *self);
FwEdit       *fw_history_get_edit         (FwHistory     *self,
                                           guint          index,
                                           FwEditState   *state);
FwEdit       *fw_history_find             (FwHistory     *self,
                                           guint64        id);
/* TRUE when @edit is applied and not in the file as last saved. */
gboolean      fw_history_is_unsaved       (FwHistory     *self,
                                           FwEdit        *edit);

/* Changes of a field of a record, oldest first; @column names an extra
 * column.  FwFieldChange values point into the history. */
GArray       *fw_history_get_field_changes (FwHistory    *self,
                                           FwTable        table,
                                           guint          row,
                                           FwField        field,
                                           const char    *column);
/* A record's key for this session, which stays with it while rows move
 * (0 when @row is out of range), and its row now (-1 when it is gone). */
guint64       fw_history_get_key          (FwHistory     *self,
                                           FwTable        table,
                                           guint          row);
gint          fw_history_find_key         (FwHistory     *self,
                                           FwTable        table,
                                           guint64        key);
/* Current row of the record @edit is about, or -1 when it is gone. */
gint          fw_history_get_edit_row     (FwHistory     *self,
                                           FwEdit        *edit);

void          fw_history_mark_saved       (FwHistory     *self);
gboolean      fw_history_is_modified      (FwHistory     *self);
guint         fw_history_get_n_unsaved    (FwHistory     *self);

/* What is not in the file yet, to write into a recovery file, and to
 * restore it into a history loaded from the same file. */
JsonNode     *fw_history_unsaved_to_json  (FwHistory     *self);
gboolean      fw_history_restore_unsaved  (FwHistory     *self,
                                           JsonNode      *node,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwHistory, fw_history_free)

G_END_DECLS
