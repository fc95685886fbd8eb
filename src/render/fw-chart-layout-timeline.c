/* fw-chart-layout-timeline.c: a row of dots per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>

#include "fw-chart-private.h"

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a;
  const Point *pb = b;

  if (pa->category != pb->category)
    return pa->category < pb->category ? -1 : 1;
  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  if (pa->series != pb->series)
    return pa->series < pb->series ? -1 : 1;
  return 0;
}

void
_fw_chart_layout_timeline (Ctx    *ctx,
                           double  top,
                           double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  double em = ctx->em;
  double small_h = _fw_chart_line_height (ctx, FONT_SMALL);
  double axis_h = 0.35 * em + small_h;
  double year_w = _fw_chart_text_width (ctx, FONT_SMALL, "0000");
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
  double label_w, x0, x1, row, radius, unit, step, first_tick, spill;
  g_autoptr(GArray) points = g_array_copy (self->points);
  guint label_step;
  Font label_font;

  row = _fw_chart_layout_rows (ctx, n, top, bottom, axis_h, 2.6 * em, &label_font, &spill);
  label_w = _fw_chart_label_column_width (ctx, label_font, 0.3);
  radius = CLAMP ((row - 3) / 4.4, 2, 5);
  label_step = _fw_chart_category_label_step (row, _fw_chart_line_height (ctx, label_font));

  g_array_sort (points, compare_points);

  if (self->has_x_range)
    {
      min = self->x_min;
      max = self->x_max;
    }
  for (guint i = 0; i < points->len; i++)
    {
      min = MIN (min, g_array_index (points, Point, i).x);
      max = MAX (max, g_array_index (points, Point, i).x);
    }

  x0 = ctx->pad + label_w + 0.8 * em;
  x1 = ctx->width - ctx->pad - year_w / 2;
  x1 = MAX (x1, x0 + 2 * em);
  /* Half a unit of room at either end so that the outer dots sit inside. */
  unit = (x1 - x0) / (max - min + 1);

#define X_OF(v) (x0 + ((v) - min + 0.5) * unit)

  step = 1;
  while (step * unit < year_w + 0.8 * em && step < (max - min + 1) * 1000)
    step = _fw_chart_next_step (step);
  first_tick = ceil (min / step) * step;
  for (double v = first_tick; v <= max + 1e-9; v += step)
    {
      g_autofree char *number = _fw_chart_format_number (v);
      PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, number, -1, 1);
      double x = round (X_OF (v));
      double tw;

      _fw_chart_layout_size (layout, &tw, NULL);
      _fw_chart_push_line (ctx, x, top, x, top + n * row, LINE_GRID);
      _fw_chart_push_text (ctx, layout,
                           CLAMP (x - tw / 2, ctx->pad, ctx->width - ctx->pad - tw),
                           top + n * row + spill + 0.35 * em, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = top + (c + 0.5) * row;

      if (c % label_step == 0)
        _fw_chart_push_category_label (ctx, label_font, c, ctx->pad + label_w, label_w, center);
    }

  for (guint i = 0; i < points->len;)
    {
      const Point *p = &g_array_index (points, Point, i);
      double center = top + (p->category + 0.5) * row;
      guint j = i;

      /* Points sharing a row and an x are stacked across the row. */
      while (j < points->len &&
             g_array_index (points, Point, j).category == p->category &&
             g_array_index (points, Point, j).x == p->x)
        j++;

      for (guint k = i; k < j; k++)
        {
          const Point *q = &g_array_index (points, Point, k);
          const Series *s = &g_array_index (self->series, Series, q->series);
          double cx = X_OF (q->x);
          double cy = center + (k - i - (j - i - 1) / 2.0) * (2 * radius + 1.5);
          Mark mark;

          _fw_chart_init_mark (self, &mark, q->category, q->series);
          mark.mark.x = cx - radius;
          mark.mark.y = cy - radius;
          mark.mark.width = 2 * radius;
          mark.mark.height = 2 * radius;
          mark.hit_x = cx;
          mark.hit_y = cy;
          mark.datum = q->x;
          mark.color = s->color;
          mark.dot = TRUE;
          g_array_append_val (self->marks, mark);
        }

      i = j;
    }

  /* A row's span, first dot to last, read as "active from … to …". */
  for (guint i = 0; i < self->marks->len;)
    {
      const Mark *first = _fw_chart_get_mark (self, i);
      guint j = i;

      while (j + 1 < self->marks->len && _fw_chart_get_mark (self, j + 1)->mark.category == first->mark.category)
        j++;
      if (j > i)
        {
          double y = top + (first->mark.category + 0.5) * row;

          _fw_chart_push_line (ctx, X_OF (first->datum), y, X_OF (_fw_chart_get_mark (self, j)->datum), y, LINE_RANGE);
        }
      i = j + 1;
    }

#undef X_OF

  _fw_chart_push_line (ctx, x0, top + n * row, x1, top + n * row, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = top;
  self->plot_width = x1 - x0;
  self->plot_height = n * row;
}
