/* fw-chart-layout-bars.c: bars and columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>

#include "fw-chart-private.h"

#define MAX_TICKS 10

/* The largest total and the width of the widest written one. */
static void
measure_totals (Ctx    *ctx,
                double *max,
                double *widest)
{
  FwChart *self = ctx->self;

  for (guint c = 0; c < self->categories->len; c++)
    {
      g_autofree char *number = _fw_chart_format_number (_fw_chart_category_total (self, c));

      *max = MAX (*max, _fw_chart_category_total (self, c));
      *widest = MAX (*widest, _fw_chart_text_width (ctx, FONT_SMALL, number));
    }
}

static void
push_rect_mark (Ctx    *ctx,
                guint   category,
                guint   series,
                double  value,
                double  x,
                double  y,
                double  width,
                double  height)
{
  FwChart *self = ctx->self;
  const Category *c = _fw_chart_get_category (self, category);
  const Series *s = &g_array_index (self->series, Series, series);
  Mark mark;

  _fw_chart_init_mark (self, &mark, category, series);
  mark.mark.x = x;
  mark.mark.y = y;
  mark.mark.width = width;
  mark.mark.height = height;
  mark.hit_x = x;
  mark.hit_y = y;
  mark.hit_width = width;
  mark.hit_height = height;
  mark.datum = value;
  mark.color = c->color >= 0 ? (guint) c->color : s->color;
  g_array_append_val (self->marks, mark);
}

/* A value written inside its segment, when it fits with room to spare. */
static void
push_segment_label (Ctx    *ctx,
                    guint   mark_index,
                    double  value)
{
  Mark *mark = _fw_chart_get_mark (ctx->self, mark_index);
  g_autofree char *number = _fw_chart_format_number (value);
  PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_TINY, number, -1, 1);
  double tw, th;
  guint index;

  _fw_chart_layout_size (layout, &tw, &th);
  if (tw + 6 > mark->mark.width || th + 2 > mark->mark.height)
    {
      g_object_unref (layout);
      return;
    }

  index = _fw_chart_push_text (ctx, layout,
                               mark->mark.x + (mark->mark.width - tw) / 2,
                               mark->mark.y + (mark->mark.height - th) / 2,
                               INK_ON_MARK);
  _fw_chart_get_text (ctx->self, index)->mark = mark_index;
}

void
_fw_chart_layout_bars (Ctx    *ctx,
                       double  top,
                       double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  guint n_series = self->series->len;
  double em = ctx->em;
  double value_gap = 0.4 * em;
  double tick_h = _fw_chart_line_height (ctx, FONT_SMALL);
  double axis_h = 0.35 * em + tick_h;
  double max = 0, value_w = 0;
  double label_w, x0, x1, row, bar, step, amax, scale, rows_bottom, spill;
  guint label_step;
  Font label_font;

  row = _fw_chart_layout_rows (ctx, n, top, bottom, axis_h, 3.0 * em, &label_font, &spill);
  label_w = _fw_chart_label_column_width (ctx, label_font, 0.35);
  bar = MAX (round (MIN (row * 0.7, 1.6 * em)), 1);
  label_step = _fw_chart_category_label_step (row, _fw_chart_line_height (ctx, label_font));
  rows_bottom = top + n * row;

  measure_totals (ctx, &max, &value_w);

  x0 = ctx->pad + label_w + 0.6 * em;
  x1 = ctx->width - ctx->pad - value_w - value_gap;
  if (x1 - x0 < 2 * em)
    {
      /* Very narrow: give the bars a minimum by narrowing the labels. */
      label_w = MAX (label_w - (2 * em - (x1 - x0)), em);
      x0 = ctx->pad + label_w + 0.6 * em;
      x1 = MAX (x1, x0 + 2 * em);
    }

  /* Ticks about every five ems but at most ten of them, further apart if
   * their labels would touch. */
  step = _fw_chart_nice_step (max / CLAMP (floor ((x1 - x0) / (5 * em)), 1, MAX_TICKS));
  for (;;)
    {
      double prev_right = -G_MAXDOUBLE;
      gboolean fits = TRUE;

      amax = _fw_chart_axis_max (max, step);
      for (double v = 0; v <= amax + step / 2 && fits; v += step)
        {
          g_autofree char *number = _fw_chart_format_number (v);
          double tw = _fw_chart_text_width (ctx, FONT_SMALL, number);
          double tx = x0 + v / amax * (x1 - x0) - tw / 2;

          if (tx < prev_right + 0.5 * em)
            fits = FALSE;
          prev_right = tx + tw;
        }
      if (fits)
        break;
      step = _fw_chart_next_step (step);
    }
  scale = (x1 - x0) / amax;

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = _fw_chart_format_number (v);
      PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, number, -1, 1);
      double x = round (x0 + v * scale);
      double tw;

      _fw_chart_layout_size (layout, &tw, NULL);
      if (v > 0)
        _fw_chart_push_line (ctx, x, top, x, rows_bottom, LINE_GRID);
      _fw_chart_push_text (ctx, layout,
                           CLAMP (x - tw / 2, ctx->pad, ctx->width - ctx->pad - tw),
                           rows_bottom + spill + 0.35 * em, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = top + (c + 0.5) * row;
      double y = round (center - bar / 2);
      double total = _fw_chart_category_total (self, c);
      double sum = 0;
      gint first = -1, last = -1;

      for (guint s = 0; s < n_series; s++)
        {
          double v = _fw_chart_value_at (self, c, s);
          double left, right;

          if (v <= 0)
            continue;

          left = round (x0 + sum * scale);
          sum += v;
          right = round (x0 + sum * scale);
          /* A hair of background between stacked segments. */
          if (last >= 0 && right - left > 2)
            left += 1;
          push_rect_mark (ctx, c, s, v, left, y, MAX (right - left, 1), bar);
          if (first < 0)
            first = self->marks->len - 1;
          last = self->marks->len - 1;
          if (n_series > 1)
            push_segment_label (ctx, last, v);
        }

      /* Each segment answers for its row band; the first and last also for
       * the label and the value beside them. */
      for (gint m = first; m >= 0 && m <= last; m++)
        {
          Mark *mark = _fw_chart_get_mark (self, m);
          double left = m == first ? ctx->pad : mark->mark.x;
          double right = m == last ? ctx->width - ctx->pad : mark->mark.x + mark->mark.width;

          mark->hit_x = left;
          mark->hit_y = top + c * row;
          mark->hit_width = right - left;
          mark->hit_height = row;
        }

      if (c % label_step == 0)
        {
          g_autofree char *number = _fw_chart_format_number (total);
          PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, number, -1, 1);
          double vx = x0 + total * scale + value_gap;
          double th;
          gboolean clear = TRUE;

          _fw_chart_push_category_label (ctx, label_font, c, ctx->pad + label_w, label_w, center);
          _fw_chart_layout_size (layout, NULL, &th);

          /* Rows thinner than the text: the value must clear the longer
           * bars of the rows it reaches into. */
          for (guint r = 0; r < n && clear; r++)
            if (r != c && _fw_chart_overlaps (top + r * row, top + (r + 1) * row, center - th / 2, center + th / 2))
              clear = x0 + _fw_chart_category_total (self, r) * scale + 1 <= vx;

          if (clear)
            _fw_chart_push_text (ctx, layout, vx, center - th / 2, INK_FOREGROUND);
          else
            g_object_unref (layout);
        }
    }

  _fw_chart_push_line (ctx, x0, top, x0, rows_bottom, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = top;
  self->plot_width = x1 - x0;
  self->plot_height = rows_bottom - top;
}

static gboolean
parse_integer (const char *text,
               gint64     *value)
{
  char *end = NULL;

  *value = g_ascii_strtoll (text, &end, 10);

  return end != text && *end == '\0';
}

void
_fw_chart_layout_columns (Ctx    *ctx,
                          double  top,
                          double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  guint n_series = self->series->len;
  double em = ctx->em;
  double small_h = _fw_chart_line_height (ctx, FONT_SMALL);
  /* Below the "0" of the value axis, which is centred on the baseline. */
  double x_label_gap = MAX (0.35 * em, small_h / 2 + 0.15 * em);
  double x_axis_h = x_label_gap + small_h;
  double total_h = small_h + 0.2 * em;
  double y0 = top + total_h;
  double y1 = bottom - x_axis_h;
  double max = 0, gutter = 0, totals_w = 0;
  double x0, x1, band, bar, step, amax, scale;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint thin = 1;
  static const guint thin_steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };

  measure_totals (ctx, &max, &totals_w);

  /* Columns stretched much taller than wide stop reading as a trend. */
  y1 = MIN (y1, y0 + MAX (0.6 * ctx->width, 15 * em));
  y1 = MAX (y1, y0 + 1);
  step = _fw_chart_nice_step (max / CLAMP (floor ((y1 - y0) / (2.5 * em)), 1, MAX_TICKS));
  while ((y1 - y0) * step / _fw_chart_axis_max (max, step) < small_h * 1.2 && step < max)
    step = _fw_chart_next_step (step);
  amax = _fw_chart_axis_max (max, step);
  scale = (y1 - y0) / amax;

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = _fw_chart_format_number (v);

      gutter = MAX (gutter, _fw_chart_text_width (ctx, FONT_SMALL, number));
    }
  x0 = ctx->pad + ceil (gutter) + 0.5 * em;
  x1 = MAX (ctx->width - ctx->pad, x0 + 1);
  band = (x1 - x0) / n;
  bar = MAX (round (MIN (band * 0.72, 4 * em)), 1);

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = _fw_chart_format_number (v);
      PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, number, -1, 1);
      double y = round (y1 - v * scale);
      double tw, th;

      _fw_chart_layout_size (layout, &tw, &th);
      if (v > 0)
        _fw_chart_push_line (ctx, x0, y, x1, y, LINE_GRID);
      _fw_chart_push_text (ctx, layout, x0 - 0.5 * em - tw, y - th / 2, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = x0 + (c + 0.5) * band;
      double x = round (center - bar / 2);
      double total = _fw_chart_category_total (self, c);
      double sum = 0;
      gint first = -1, last = -1;

      for (guint s = 0; s < n_series; s++)
        {
          double v = _fw_chart_value_at (self, c, s);
          double low, high;

          if (v <= 0)
            continue;

          low = round (y1 - sum * scale);
          sum += v;
          high = round (y1 - sum * scale);
          if (last >= 0 && low - high > 2)
            low -= 1;
          push_rect_mark (ctx, c, s, v, x, high, bar, MAX (low - high, 1));
          if (first < 0)
            first = self->marks->len - 1;
          last = self->marks->len - 1;
        }

      for (gint m = first; m >= 0 && m <= last; m++)
        {
          Mark *mark = _fw_chart_get_mark (self, m);
          double high = m == last ? top : mark->mark.y;
          double low = m == first ? y1 + x_axis_h : mark->mark.y + mark->mark.height;

          mark->hit_x = x0 + c * band;
          mark->hit_y = high;
          mark->hit_width = band;
          mark->hit_height = low - high;
        }

      /* Totals above the columns, when every one fits its band. */
      if (totals_w + 2 <= band)
        {
          g_autofree char *number = _fw_chart_format_number (total);
          PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, number, -1, 1);
          double tw, th;

          _fw_chart_layout_size (layout, &tw, &th);
          _fw_chart_push_text (ctx, layout, center - tw / 2, y1 - total * scale - 0.15 * em - th, INK_FOREGROUND);
        }
    }

  /* Category labels: the ones that are not numbers (e.g. "(unknown)")
   * always, then numbers on a round step that keeps them apart. */
  {
    guint n_numbers = 0;
    double widest = 0;

    for (guint c = 0; c < n; c++)
      {
        gint64 number;

        widest = MAX (widest, _fw_chart_text_width (ctx, FONT_SMALL, _fw_chart_get_category (self, c)->label));
        if (parse_integer (_fw_chart_get_category (self, c)->label, &number))
          n_numbers++;
      }
    widest = MIN (widest, MAX (band - 0.3 * em, 3.5 * em));
    for (guint i = 0; i < G_N_ELEMENTS (thin_steps); i++)
      {
        thin = thin_steps[i];
        if (thin * band >= widest + 0.6 * em)
          break;
      }

    for (guint pass = 0; pass < 2; pass++)
      for (guint c = 0; c < n; c++)
        {
          const char *label = _fw_chart_get_category (self, c)->label;
          gboolean numeric;
          gint64 number;
          PangoLayout *layout;
          double tw, th, left, ends[2];
          gboolean clear = TRUE;

          numeric = n_numbers > 0 && parse_integer (label, &number);
          if (pass == 0 ? numeric : !numeric)
            continue;
          /* Round numbers (2005, 2010) when labels must be thinned. */
          if (numeric && number % thin != 0)
            continue;
          if (!numeric && n_numbers == 0 && c % thin != 0)
            continue;

          layout = _fw_chart_new_layout (ctx, FONT_SMALL, label,
                                         numeric || n_numbers == 0 ? widest : MAX (widest, 7 * em), 1);
          _fw_chart_layout_size (layout, &tw, &th);
          left = CLAMP (x0 + (c + 0.5) * band - tw / 2, ctx->pad, ctx->width - ctx->pad - tw);
          for (guint p = 0; p < placed->len && clear; p++)
            {
              const double *other = &g_array_index (placed, double, p * 2);

              clear = !_fw_chart_overlaps (left - 0.3 * em, left + tw + 0.3 * em, other[0], other[1]);
            }
          if (!clear)
            {
              g_object_unref (layout);
              continue;
            }
          ends[0] = left;
          ends[1] = left + tw;
          g_array_append_vals (placed, ends, 1);
          _fw_chart_set_label_text (ctx, c, _fw_chart_push_text (ctx, layout, left, y1 + x_label_gap, INK_MUTED));
        }
  }

  _fw_chart_push_line (ctx, x0, y1, x1, y1, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = y0;
  self->plot_width = x1 - x0;
  self->plot_height = y1 - y0;
}
