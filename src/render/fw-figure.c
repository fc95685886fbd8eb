/* fw-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fw-figure.h"

G_DEFINE_INTERFACE (FwFigure, fw_figure, G_TYPE_OBJECT)

static void
fw_figure_default_init (FwFigureInterface *iface)
{
}

void
fw_figure_draw (FwFigure           *self,
                cairo_t            *cr,
                double              width,
                double              height,
                const FwChartStyle *style)
{
  g_return_if_fail (FW_IS_FIGURE (self));
  g_return_if_fail (cr != NULL);

  FW_FIGURE_GET_IFACE (self)->draw (self, cr, width, height, style);
}

double
fw_figure_get_natural_height (FwFigure           *self,
                              double              width,
                              const FwChartStyle *style)
{
  g_return_val_if_fail (FW_IS_FIGURE (self), 0);

  return FW_FIGURE_GET_IFACE (self)->get_natural_height (self, width, style);
}

const char *
fw_figure_get_title (FwFigure *self)
{
  g_return_val_if_fail (FW_IS_FIGURE (self), NULL);

  return FW_FIGURE_GET_IFACE (self)->get_title (self);
}

char *
fw_figure_describe (FwFigure *self)
{
  g_return_val_if_fail (FW_IS_FIGURE (self), NULL);

  return FW_FIGURE_GET_IFACE (self)->describe (self);
}

void
fw_figure_set_watermark (FwFigure   *self,
                         const char *text)
{
  g_return_if_fail (FW_IS_FIGURE (self));

  FW_FIGURE_GET_IFACE (self)->set_watermark (self, text);
}
