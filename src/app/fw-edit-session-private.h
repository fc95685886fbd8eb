/* fw-edit-session-private.h: the session's state, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-edit-session.h"

G_BEGIN_DECLS

struct _FwEditSession
{
  GObject               parent_instance;

  AdwApplicationWindow *window;     /* weak */
  FwDocument           *document;
  GSimpleActionGroup   *actions;
  AdwMessageDialog     *question;   /* weak */

  GtkEntry             *reason;
  GtkEntry             *location;
  GtkEntry             *section;
  GtkEntry             *accessed;
  GtkMenuButton        *citation_button;
  GtkWidget            *save_button;

  gboolean              close_confirmed;
  gboolean              offered;      /* recovery, once per window */
};

void              fw_edit_session_toast            (FwEditSession *self,
                                                    const char    *text);
AdwMessageDialog *fw_edit_session_ask              (FwEditSession *self,
                                                    const char    *heading,
                                                    const char    *body);
gboolean          fw_edit_session_save             (FwEditSession *self);
void              fw_edit_session_save_as          (FwEditSession *self,
                                                    gboolean       then_close);
gboolean          fw_edit_session_on_close_request (FwEditSession *self,
                                                    GtkWindow     *window);

G_END_DECLS
