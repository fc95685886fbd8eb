/* fw-sidebar.h: the filter sidebar: firm search, year range and facets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"
#include "fw-facet-box.h"

G_BEGIN_DECLS

#define FW_TYPE_SIDEBAR (fw_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (FwSidebar, fw_sidebar, FW, SIDEBAR, GtkWidget)

GtkWidget  *fw_sidebar_new           (void);
FwExplorer *fw_sidebar_get_explorer  (FwSidebar  *self);
void        fw_sidebar_set_explorer  (FwSidebar  *self,
                                      FwExplorer *explorer);
/* Moves the keyboard focus to the firm-name search, e.g. for Ctrl+F. */
void        fw_sidebar_focus_search  (FwSidebar  *self);
/* The box of @facet, or NULL for the year, which has its own controls. */
FwFacetBox *fw_sidebar_get_facet_box (FwSidebar  *self,
                                      FwFacet     facet);

G_END_DECLS
