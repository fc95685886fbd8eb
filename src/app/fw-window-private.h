/* fw-window-private.h: the window's state, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-firm-detail.h"
#include "fw-sidebar.h"
#include "fw-window.h"

G_BEGIN_DECLS

struct _FwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *sidebar_button;
  GtkRevealer          *fictional_banner;
  GtkLabel             *fictional_label;
  GtkRevealer          *error_banner;
  GtkLabel             *error_label;
  GtkLabel             *filter_summary;
  GtkLabel             *filter_counts;
  GtkWidget            *clear_button;
  GtkPaned             *paned;
  GtkScrolledWindow    *sidebar_scroller;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  AdwViewStack         *view_stack;
  GMenu                *recent_menu;
  GtkBox               *curation_box;

  FwSidebar            *sidebar;
  GSettings            *settings;
  FwExplorer           *explorer;
  GFile                *file;           /* NULL for bundled data */
  GCancellable         *load_cancellable;
  GPtrArray            *views;          /* widgets with an "explorer" property */
  FwEditSession        *session;
  GPtrArray            *document_views; /* widgets with a "document" property */
};

/* fw-window-curation.c */
void  fw_window_add_curation_views (FwWindow     *self);
void  fw_window_add_firm_form      (FwWindow     *self,
                                    FwFirmDetail *detail,
                                    guint         firm);

G_END_DECLS
