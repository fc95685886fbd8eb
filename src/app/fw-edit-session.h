/* fw-edit-session.h: the window's curation: the document, its actions and questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-document.h"

G_BEGIN_DECLS

#define FW_TYPE_EDIT_SESSION (fw_edit_session_get_type ())

G_DECLARE_FINAL_TYPE (FwEditSession, fw_edit_session, FW, EDIT_SESSION, GObject)

/* Installs the "doc" actions on @window (undo, redo, save, save-as,
 * set-field, add-record, delete-record, duplicate-record, merge-firms,
 * revert, select-record) with their shortcuts, and asks before the
 * window closes with unsaved edits. */
FwEditSession *fw_edit_session_new            (AdwApplicationWindow *window);
FwDocument    *fw_edit_session_get_document   (FwEditSession        *self);
void           fw_edit_session_set_document   (FwEditSession        *self,
                                               FwDocument           *document);
/* Undo, redo, save and the reason and source of the next edits. */
void           fw_edit_session_fill_header    (FwEditSession        *self,
                                               GtkBox               *box);
/* Gives @widget (another window, such as a firm's detail) the actions. */
void           fw_edit_session_attach         (FwEditSession        *self,
                                               GtkWidget            *widget);
/* What every following edit says about why and on what source. */
void           fw_edit_session_set_citation   (FwEditSession        *self,
                                               const char           *reason,
                                               const char           *location,
                                               const char           *section,
                                               const char           *accessed);
/* Applies a person's input to a field, as the tables and forms do.
 * FALSE, with the reason shown in the window, when it is not valid. */
gboolean       fw_edit_session_set_field      (FwEditSession        *self,
                                               FwTable               table,
                                               guint                 row,
                                               FwField               field,
                                               guint                 extra,
                                               const char           *text);
/* After a crash: asks whether to restore the unsaved edits found in the
 * newest recovery file, or in @path.  FALSE when there is none.  The
 * window asks on its own when a document is first shown and when a file
 * with a recovery file is opened. */
gboolean       fw_edit_session_offer_recovery (FwEditSession        *self);
gboolean       fw_edit_session_offer_recovery_file (FwEditSession   *self,
                                               const char           *path);
/* The question on screen, or NULL: for tests. */
AdwMessageDialog *fw_edit_session_get_question (FwEditSession       *self);

G_END_DECLS
