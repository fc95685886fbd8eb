/* fw-chart-draw.c: drawing, a read of the layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fw-chart-private.h"
#include "fw-export-text.h"

static void
set_source (cairo_t      *cr,
            const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* Thin lines on pixel centres, so that a 1-unit line is one crisp pixel
 * at scale 1. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
draw_lines (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style,
            LineKind            kind)
{
  gboolean dark = _fw_chart_luminance (style->background) < 0.2;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      if (line->kind != kind)
        continue;

      if (kind == LINE_RANGE)
        {
          double rgba[4];

          _fw_chart_mix (rgba, style->background, style->muted, dark ? 0.45 : 0.35);
          set_source (cr, rgba);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, line->x0, line->y0);
          cairo_line_to (cr, line->x1, line->y1);
        }
      else
        {
          double rgba[4];

          if (kind == LINE_AXIS)
            _fw_chart_mix (rgba, style->background, style->foreground, 0.6);
          else
            memcpy (rgba, style->grid, sizeof rgba);
          set_source (cr, rgba);
          cairo_set_line_width (cr, 1);
          if (line->x0 == line->x1)
            {
              cairo_move_to (cr, crisp (line->x0), line->y0);
              cairo_line_to (cr, crisp (line->x1), line->y1);
            }
          else
            {
              cairo_move_to (cr, line->x0, crisp (line->y0));
              cairo_line_to (cr, line->x1, crisp (line->y1));
            }
        }
      cairo_stroke (cr);
    }
}

static void
mark_fill (const FwChartStyle *style,
           const Mark         *mark,
           gboolean            highlighted,
           double              rgba[4])
{
  double white[4] = { 1, 1, 1, 1 };

  _fw_chart_series_rgba (style, mark->color, rgba);
  if (highlighted)
    _fw_chart_mix (rgba, rgba, white, 0.3);
}

static void
draw_marks (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = _fw_chart_get_mark (self, i);
      const FwChartMark *m = &mark->mark;
      gboolean highlighted = (gint) i == self->highlight;
      double rgba[4];

      mark_fill (style, mark, highlighted, rgba);
      set_source (cr, rgba);
      if (mark->dot)
        {
          double r = m->width / 2;

          cairo_arc (cr, m->x + r, m->y + r, r, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          /* A ring of background keeps touching dots apart. */
          set_source (cr, highlighted ? style->highlight : style->background);
          cairo_set_line_width (cr, highlighted ? 2 : 1);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, m->x, m->y, m->width, m->height);
          cairo_fill (cr);
          if (highlighted)
            {
              set_source (cr, style->highlight);
              cairo_set_line_width (cr, 2);
              cairo_rectangle (cr, m->x + 1, m->y + 1, MAX (m->width - 2, 0), MAX (m->height - 2, 0));
              cairo_stroke (cr);
            }
        }
    }
}

static void
draw_texts (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *text = _fw_chart_get_text (self, i);

      switch (text->ink)
        {
        case INK_FOREGROUND:
          set_source (cr, style->foreground);
          break;
        case INK_MUTED:
          set_source (cr, style->muted);
          break;
        case INK_ON_MARK:
          {
            const Mark *mark = _fw_chart_get_mark (self, text->mark);
            double fill[4];
            double l;

            mark_fill (style, mark, (gint) text->mark == self->highlight, fill);
            l = _fw_chart_luminance (fill);
            /* Whichever of black and white contrasts more (WCAG ratio). */
            if ((l + 0.05) / 0.05 > 1.05 / (l + 0.05))
              cairo_set_source_rgba (cr, 0, 0, 0, 0.87);
            else
              cairo_set_source_rgba (cr, 1, 1, 1, 1);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_move_to (cr, text->x, text->y);
      fw_export_show_layout (cr, text->layout);
    }
}

void
fw_chart_draw (FwChart            *self,
               cairo_t            *cr,
               double              width,
               double              height,
               const FwChartStyle *style)
{
  FwChartStyle fallback;

  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  fw_chart_layout (self, width, height, style);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (!style->transparent)
    {
      set_source (cr, style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  draw_lines (self, cr, style, LINE_GRID);
  draw_lines (self, cr, style, LINE_RANGE);
  draw_marks (self, cr, style);
  draw_lines (self, cr, style, LINE_AXIS);

  for (guint i = 0; i < self->swatches->len; i++)
    {
      const Swatch *swatch = &g_array_index (self->swatches, Swatch, i);
      double rgba[4];

      _fw_chart_series_rgba (style, swatch->color, rgba);
      set_source (cr, rgba);
      if (swatch->round)
        cairo_arc (cr, swatch->x + swatch->size / 2, swatch->y + swatch->size / 2,
                   swatch->size / 2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, swatch->x, swatch->y, swatch->size, swatch->size);
      cairo_fill (cr);
    }

  draw_texts (self, cr, style);

  cairo_restore (cr);
}
