/* fw-edit-cell.h: a table cell that turns into an entry to edit its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-dataset.h"

G_BEGIN_DECLS

#define FW_TYPE_EDIT_CELL (fw_edit_cell_get_type ())

G_DECLARE_FINAL_TYPE (FwEditCell, fw_edit_cell, FW, EDIT_CELL, GtkWidget)

/* Shows a label; when editable, a click (or Enter, or F2, when it has the
 * focus) opens an entry that checks the value as it is typed, applies it
 * with Enter through "doc.set-field", and gives up with Escape or when
 * the focus leaves. */
GtkWidget *fw_edit_cell_new          (gboolean     numeric);
GtkLabel  *fw_edit_cell_get_label    (FwEditCell  *self);
/* What the cell edits: @field of @row of @table, in @dataset. */
void       fw_edit_cell_set_target   (FwEditCell  *self,
                                      FwDataset   *dataset,
                                      FwTable      table,
                                      guint        row,
                                      FwField      field,
                                      guint        extra);
void       fw_edit_cell_set_editable (FwEditCell  *self,
                                      gboolean     editable);
void       fw_edit_cell_start        (FwEditCell  *self);
GtkEntry  *fw_edit_cell_get_entry    (FwEditCell  *self);

G_END_DECLS
