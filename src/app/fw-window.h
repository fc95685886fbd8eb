/* fw-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-application.h"
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
GtkWidget  *fw_window_get_visible_view (FwWindow   *self);
/* Shows the page that has the view's chart and focuses the chart. */
gboolean    fw_window_show_chart    (FwWindow      *self,
                                     FwView         view);
/* In the window's error banner, until dismissed. */
void        fw_window_show_error    (FwWindow      *self,
                                     const char    *message);

G_END_DECLS
