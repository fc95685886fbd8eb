/* fw-finding-page.h: one of the report's questions with its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-explorer.h"
#include "fw-views.h"

G_BEGIN_DECLS

#define FW_TYPE_FINDING_PAGE (fw_finding_page_get_type ())

G_DECLARE_FINAL_TYPE (FwFindingPage, fw_finding_page, FW, FINDING_PAGE, AdwBin)

FwFindingPage *fw_finding_page_new          (const char    *title,
                                             const char    *description,
                                             const FwView  *views,
                                             guint          n_views);
/* Adds a widget with an "explorer" property below the charts. */
void           fw_finding_page_add_extra    (FwFindingPage *self,
                                             GtkWidget     *widget);
/* The page's charts, in order. */
GPtrArray     *fw_finding_page_get_charts   (FwFindingPage *self);

G_END_DECLS
