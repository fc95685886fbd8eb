/* fw-chart-widget.h: one of the report's views, drawn by src/render
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"
#include "fw-views.h"

G_BEGIN_DECLS

#define FW_TYPE_CHART_WIDGET (fw_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (FwChartWidget, fw_chart_widget, FW, CHART_WIDGET, GtkWidget)

/* The colours for the current colour scheme and contrast, on a
 * transparent background: charts and maps in the window share them. */
void        fw_chart_widget_get_style    (FwChartStyle  *style);
/* Draws @figure over the whole of @widget in that style: the snapshot of
 * every widget that shows a chart or a map. */
void        fw_chart_widget_snapshot_figure (GtkWidget   *widget,
                                             GtkSnapshot *snapshot,
                                             FwFigure    *figure);

GtkWidget  *fw_chart_widget_new          (FwView         view);
FwView      fw_chart_widget_get_view     (FwChartWidget *self);
FwChart    *fw_chart_widget_get_chart    (FwChartWidget *self);
void        fw_chart_widget_set_explorer (FwChartWidget *self,
                                          FwExplorer    *explorer);
/* What a click or Enter on the mark does: the same path for pointer and
 * keyboard, and for tests. */
void        fw_chart_widget_activate_mark (FwChartWidget *self,
                                          guint          index);
/* The style that follows the desktop: light, dark or high contrast, with
 * its background (widgets draw on the page's own). */
void        fw_chart_widget_get_screen_style (FwChartStyle *style);

G_END_DECLS
