/* fw-figure.h: anything drawn for a view, chart or map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "fw-chart.h"

G_BEGIN_DECLS

/* What the screen, files and print have in common: a figure draws itself
 * at any size on any cairo_t (title, marks, legend and watermark included)
 * and describes what it shows.  Export frames it with a caption and a
 * source line; widgets add hover and clicks on top of the concrete type. */

#define FW_TYPE_FIGURE (fw_figure_get_type ())

G_DECLARE_INTERFACE (FwFigure, fw_figure, FW, FIGURE, GObject)

struct _FwFigureInterface
{
  GTypeInterface parent_iface;

  void         (*draw)               (FwFigure           *self,
                                      cairo_t            *cr,
                                      double              width,
                                      double              height,
                                      const FwChartStyle *style);
  double       (*get_natural_height) (FwFigure           *self,
                                      double              width,
                                      const FwChartStyle *style);
  const char  *(*get_title)          (FwFigure           *self);
  char        *(*describe)           (FwFigure           *self);
  void         (*set_watermark)      (FwFigure           *self,
                                      const char         *text);
};

/* Width and height in device-independent units (96 per inch); a NULL
 * style is the light one. */
void          fw_figure_draw               (FwFigure           *self,
                                            cairo_t            *cr,
                                            double              width,
                                            double              height,
                                            const FwChartStyle *style);
double        fw_figure_get_natural_height (FwFigure           *self,
                                            double              width,
                                            const FwChartStyle *style);
const char   *fw_figure_get_title          (FwFigure           *self);
char         *fw_figure_describe           (FwFigure           *self);
void          fw_figure_set_watermark      (FwFigure           *self,
                                            const char         *text);

G_END_DECLS
