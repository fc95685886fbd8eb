/* fw-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-application.h"
#include "fw-document.h"
#include "fw-edit-session.h"
#include "fw-explorer.h"
#include "fw-views.h"

G_BEGIN_DECLS

#define FW_TYPE_WINDOW (fw_window_get_type ())

G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, AdwApplicationWindow)

FwWindow   *fw_window_new           (FwApplication *application);
FwExplorer *fw_window_get_explorer  (FwWindow      *self);
void        fw_window_open_demo     (FwWindow      *self);
void        fw_window_open_file     (FwWindow      *self,
                                     GFile         *file);
void        fw_window_show_view     (FwWindow      *self,
                                     const char    *name);
GtkWidget  *fw_window_get_view      (FwWindow      *self,
                                     const char    *name);
void        fw_window_show_firm     (FwWindow      *self,
                                     guint          firm);
void        fw_window_add_toast     (FwWindow      *self,
                                     const char    *text);

/* Curation (see FwEditSession). */
void        fw_window_set_document  (FwWindow      *self,
                                     FwDocument    *document);
FwDocument *fw_window_get_document  (FwWindow      *self);
/* Title and subtitle from the document, marked while edits are unsaved. */
void        fw_window_update_title  (FwWindow      *self);
FwEditSession *fw_window_get_session (FwWindow     *self);
/* "problems" or "changes", beside the tables. */
GtkWidget  *fw_window_get_curation_view  (FwWindow   *self,
                                          const char *name);
void        fw_window_show_curation_view (FwWindow   *self,
                                          const char *name);
/* Shows @row of @table in the tables and selects it, clearing the filter
 * when it hides the row. */
void        fw_window_select_record (FwWindow      *self,
                                     FwTable        table,
                                     guint          row);
GtkWidget  *fw_window_get_visible_view (FwWindow   *self);
/* Shows the page that has the view's chart and focuses the chart. */
gboolean    fw_window_show_chart    (FwWindow      *self,
                                     FwView         view);
/* In the window's error banner, until dismissed. */
void        fw_window_show_error    (FwWindow      *self,
                                     const char    *message);

G_END_DECLS
