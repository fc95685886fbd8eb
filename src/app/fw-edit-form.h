/* fw-edit-form.h: one record as a form of fields, each with its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-document.h"

G_BEGIN_DECLS

#define FW_TYPE_EDIT_FORM (fw_edit_form_get_type ())

G_DECLARE_FINAL_TYPE (FwEditForm, fw_edit_form, FW, EDIT_FORM, AdwBin)

/* Applying a field goes through the "doc" actions (see FwEditSession);
 * the form follows its record when edits move it ("row" changes) and
 * says so when it is deleted ("row" becomes -1). */
GtkWidget   *fw_edit_form_new        (FwDocument *document,
                                      FwTable     table,
                                      guint       row);
gint         fw_edit_form_get_row    (FwEditForm *self);
/* The entry row of @field (@column for an extra column), for tests. */
AdwEntryRow *fw_edit_form_get_entry  (FwEditForm *self,
                                      FwField     field,
                                      const char *column);
/* How many changes the history of @field lists. */
guint        fw_edit_form_get_n_changes (FwEditForm *self,
                                      FwField     field,
                                      const char *column);

G_END_DECLS
