/* fw-export-actions.h: export, copy, print and reopen figures in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-export.h"
#include "fw-window.h"

G_BEGIN_DECLS

/* Installs win.export-figure, win.export-records, win.copy-figure and
 * win.print on the window class, and Ctrl+C in a chart. */
void        fw_export_actions_install  (GtkWidgetClass     *widget_class);
void        fw_export_actions_update   (FwWindow           *window);

/* The view figures are made of: the focused chart's or map's, else the
 * first chart of the page on screen, or its map.  FALSE on a page
 * without one. */
gboolean    fw_export_get_current_view (FwWindow           *window,
                                        FwView             *view);
/* The view framed for export, a map with the options on screen. */
FwExport   *fw_export_for_window       (FwWindow           *window,
                                        FwView              view);
/* The framed figure as an image, e.g. for the clipboard: @width device-
 * independent units wide, as tall as it needs, at @scale pixels per unit. */
GdkTexture *fw_export_to_texture       (FwExport           *export,
                                        double              width,
                                        double              scale,
                                        const FwChartStyle *style);
gboolean    fw_export_copy_figure      (FwWindow           *window,
                                        FwView              view);

/* A PNG, SVG or PDF by its name: a figure, not a dataset. */
gboolean    fw_export_is_figure_file   (GFile              *file);
/* Shows the view and sets the filter the figure file names, when the
 * window has the dataset it was made from open. */
gboolean    fw_export_restore          (FwWindow           *window,
                                        GFile              *file,
                                        GError            **error);

G_END_DECLS
