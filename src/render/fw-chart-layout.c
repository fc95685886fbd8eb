/* fw-chart-layout.c: text, header, axes and rows shared by every kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"

#define HIT_RADIUS 8.0

PangoContext *
_fw_chart_new_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same layout for the screen, PNG, SVG and PDF,
   * so that marks hit-tested on screen are where the file has them. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  cairo_font_options_destroy (options);

  return context;
}

static PangoContext *
get_pango_context (FwChart *self)
{
  if (self->pango == NULL)
    self->pango = _fw_chart_new_pango_context ();

  return self->pango;
}

PangoLayout *
_fw_chart_new_layout (Ctx        *ctx,
                      Font        font,
                      const char *text,
                      double      max_width,
                      int         max_lines)
{
  PangoLayout *layout = pango_layout_new (get_pango_context (ctx->self));

  pango_layout_set_font_description (layout, ctx->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  if (max_lines <= 1)
    pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }

  return layout;
}

void
_fw_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_fw_chart_text_width (Ctx        *ctx,
                      Font        font,
                      const char *text)
{
  g_autoptr(PangoLayout) layout = _fw_chart_new_layout (ctx, font, text, -1, 1);
  double width;

  _fw_chart_layout_size (layout, &width, NULL);

  return width;
}

double
_fw_chart_line_height (Ctx  *ctx,
                       Font  font)
{
  g_autoptr(PangoLayout) layout = _fw_chart_new_layout (ctx, font, "0", -1, 1);
  double height;

  _fw_chart_layout_size (layout, NULL, &height);

  return height;
}

/* Takes @layout; returns the text's index. */
guint
_fw_chart_push_text (Ctx         *ctx,
                     PangoLayout *layout,
                     double       x,
                     double       y,
                     Ink          ink)
{
  Text text = { layout, x, y, 0, 0, ink, 0 };

  _fw_chart_layout_size (layout, &text.width, &text.height);
  g_array_append_val (ctx->self->texts, text);

  return ctx->self->texts->len - 1;
}

Text *
_fw_chart_get_text (FwChart *self,
                    guint    index)
{
  return &g_array_index (self->texts, Text, index);
}

void
_fw_chart_push_line (Ctx      *ctx,
                     double    x0,
                     double    y0,
                     double    x1,
                     double    y1,
                     LineKind  kind)
{
  Line line = { x0, y0, x1, y1, kind };

  g_array_append_val (ctx->self->lines, line);
}

void
_fw_chart_set_label_text (Ctx   *ctx,
                          guint  category,
                          gint   text)
{
  g_array_index (ctx->self->label_texts, gint, category) = text;
}

gboolean
_fw_chart_overlaps (double a0,
                    double a1,
                    double b0,
                    double b1)
{
  return a0 < b1 && b0 < a1;
}

/* Returns the text's height; with @commit FALSE only measures. */
static double
header_text (Ctx        *ctx,
             Font        font,
             const char *text,
             double      x,
             double      y,
             double      width,
             int         lines,
             Ink         ink,
             gboolean    commit)
{
  PangoLayout *layout = _fw_chart_new_layout (ctx, font, text, width, lines);
  double h;

  _fw_chart_layout_size (layout, NULL, &h);
  if (commit)
    _fw_chart_push_text (ctx, layout, x, y, ink);
  else
    g_object_unref (layout);

  return h;
}

/* Header: title, subtitle, legend.  Returns its height; with @commit
 * FALSE only measures. */
static double
layout_header (Ctx      *ctx,
               double    y,
               int       title_lines,
               int       subtitle_lines,
               gboolean  commit)
{
  FwChart *self = ctx->self;
  double x = ctx->pad;
  double width = MAX (ctx->width - 2 * ctx->pad, 1);
  double top = y;

  if (self->title != NULL && self->title[0] != '\0')
    y += header_text (ctx, FONT_TITLE, self->title, x, y, width, title_lines,
                      INK_FOREGROUND, commit) + 0.15 * ctx->em;

  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    y += header_text (ctx, FONT_BODY, self->subtitle, x, y, width, subtitle_lines,
                      INK_MUTED, commit);

  if (self->series->len > 1)
    {
      double swatch = round (0.75 * ctx->em);
      double gap = 0.4 * ctx->em;
      double spacing = 1.1 * ctx->em;
      double lh = MAX (_fw_chart_line_height (ctx, FONT_SMALL), swatch);
      double cx = x;

      y += 0.6 * ctx->em;
      for (guint s = 0; s < self->series->len; s++)
        {
          const Series *series = &g_array_index (self->series, Series, s);
          PangoLayout *layout = _fw_chart_new_layout (ctx, FONT_SMALL, series->name,
                                                      width - swatch - gap, 1);
          double tw, th;

          _fw_chart_layout_size (layout, &tw, &th);
          if (cx > x && cx + swatch + gap + tw > x + width)
            {
              cx = x;
              y += lh + 0.25 * ctx->em;
            }
          if (commit)
            {
              Swatch sw = {
                round (cx), round (y + (lh - swatch) / 2), swatch, series->color,
                self->kind == FW_CHART_TIMELINE,
              };

              g_array_append_val (self->swatches, sw);
              _fw_chart_push_text (ctx, layout, cx + swatch + gap, y + (lh - th) / 2, INK_FOREGROUND);
            }
          else
            g_object_unref (layout);
          cx += swatch + gap + tw + spacing;
        }
      y += lh;
    }

  return y - top;
}

/* Value axis: the smallest 1-2-5 step at least @min_step, whole numbers
 * only since the values are counts. */
double
_fw_chart_nice_step (double min_step)
{
  double magnitude, fraction;

  if (min_step <= 1)
    return 1;

  magnitude = pow (10, floor (log10 (min_step)));
  fraction = min_step / magnitude;
  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

double
_fw_chart_next_step (double step)
{
  return _fw_chart_nice_step (step * 1.01);
}

double
_fw_chart_axis_max (double max,
                    double step)
{
  return MAX (ceil (max / step - 1e-9) * step, step);
}

guint
_fw_chart_category_label_step (double row,
                               double label_height)
{
  if (row >= label_height || row <= 0)
    return 1;

  return (guint) ceil (label_height / row);
}

/* A mark answers for the series' target when it has one, else for its
 * category's. */
void
_fw_chart_init_mark (FwChart *self,
                     Mark    *mark,
                     guint    category,
                     guint    series)
{
  const Category *c = _fw_chart_get_category (self, category);
  const Series *s = &g_array_index (self->series, Series, series);

  memset (mark, 0, sizeof *mark);
  mark->mark.index = self->marks->len;
  mark->mark.category = category;
  mark->mark.series = series;
  mark->mark.facet = s->facet != FW_CHART_NO_TARGET ? s->facet : c->facet;
  mark->mark.value = s->facet != FW_CHART_NO_TARGET ? s->value : c->value;
  mark->mark.firm = c->firm;
}

Mark *
_fw_chart_get_mark (FwChart *self,
                    guint    index)
{
  return &g_array_index (self->marks, Mark, index);
}

/* The width of the category labels' column: their natural width, at most
 * @fraction of the chart. */
double
_fw_chart_label_column_width (Ctx    *ctx,
                              Font    font,
                              double  fraction)
{
  FwChart *self = ctx->self;
  double widest = 0;

  for (guint c = 0; c < self->categories->len; c++)
    widest = MAX (widest, _fw_chart_text_width (ctx, font, _fw_chart_get_category (self, c)->label));

  return ceil (MIN (widest, fraction * ctx->width));
}

void
_fw_chart_push_category_label (Ctx    *ctx,
                               Font    font,
                               guint   category,
                               double  right,
                               double  width,
                               double  center_y)
{
  PangoLayout *layout = _fw_chart_new_layout (ctx, font, _fw_chart_get_category (ctx->self, category)->label, width, 1);
  double tw, th;

  _fw_chart_layout_size (layout, &tw, &th);
  _fw_chart_set_label_text (ctx, category, _fw_chart_push_text (ctx, layout, right - tw, center_y - th / 2, INK_FOREGROUND));
}

/* Rows for @n categories between @top and @bottom less @axis_h, at most
 * @max_row high.  Rows thinner than a body line get the small font, and
 * the last label may spill below its row: the axis moves down by @spill. */
double
_fw_chart_layout_rows (Ctx    *ctx,
                       guint   n,
                       double  top,
                       double  bottom,
                       double  axis_h,
                       double  max_row,
                       Font   *font,
                       double *spill)
{
  double row = MAX (MIN ((bottom - top - axis_h) / n, max_row), 1);
  double label_h;

  *font = row >= _fw_chart_line_height (ctx, FONT_BODY) ? FONT_BODY : FONT_SMALL;
  label_h = _fw_chart_line_height (ctx, *font);
  *spill = MAX (0, (label_h - row) / 2);
  if (*spill > 0)
    row = MAX ((bottom - top - axis_h - *spill) / n, 1);

  return row;
}

static void
clear_layout (FwChart *self)
{
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->swatches, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->label_texts, 0);
  self->plot_x = self->plot_y = self->plot_width = self->plot_height = 0;
}

static void
compute_layout (FwChart            *self,
                double              width,
                double              height,
                const FwChartStyle *style)
{
  static const double scales[N_FONTS] = { 1.3, 1.0, 0.85, 0.8 };
  Ctx ctx = { self };
  /* Thumbnails get slightly smaller text, as in responsive charts. */
  double scale = CLAMP (MIN (width / 640, height / 420), 0.8, 1.0);
  double top, bottom, header, budget;
  int title_lines = 2, subtitle_lines = 4;

  clear_layout (self);
  g_array_set_size (self->label_texts, self->categories->len);
  for (guint c = 0; c < self->categories->len; c++)
    _fw_chart_set_label_text (&ctx, c, -1);

  for (guint i = 0; i < N_FONTS; i++)
    {
      ctx.fonts[i] = pango_font_description_from_string (style->font_family != NULL ? style->font_family : "Sans");
      pango_font_description_set_size (ctx.fonts[i], (int) round (style->font_size * scale * scales[i] * PANGO_SCALE));
    }
  pango_font_description_set_weight (ctx.fonts[FONT_TITLE], PANGO_WEIGHT_BOLD);

  ctx.width = width;
  ctx.height = height;
  ctx.em = style->font_size * scale * 96.0 / 72.0;
  ctx.pad = CLAMP (round (ctx.em * 0.9), 6, 24);

  top = ctx.pad;
  bottom = height - ctx.pad;

  self->em = ctx.em;
  self->pad = ctx.pad;
  self->has_footer = self->watermark != NULL && self->watermark[0] != '\0';
  if (self->has_footer)
    {
      PangoLayout *layout = _fw_chart_new_layout (&ctx, FONT_TINY, self->watermark, width - 2 * ctx.pad, 1);
      double tw, th;

      _fw_chart_layout_size (layout, &tw, &th);
      _fw_chart_push_text (&ctx, layout, width - ctx.pad - tw, height - ctx.pad - th, INK_MUTED);
      bottom -= th + 0.4 * ctx.em;
    }

  /* The header may take at most about 40 % of the height: the subtitle
   * gives up lines first, then the title. */
  budget = 0.4 * (bottom - top);
  header = layout_header (&ctx, top, title_lines, subtitle_lines, FALSE);
  while (header > budget && (subtitle_lines > 1 || title_lines > 1))
    {
      if (subtitle_lines > 1)
        subtitle_lines--;
      else
        title_lines--;
      header = layout_header (&ctx, top, title_lines, subtitle_lines, FALSE);
    }
  top += layout_header (&ctx, top, title_lines, subtitle_lines, TRUE);
  top += 0.9 * ctx.em;

  self->empty = fw_chart_is_empty (self);
  if (self->empty)
    {
      const char *text = self->empty_text != NULL ? self->empty_text : _("No data");
      PangoLayout *layout = _fw_chart_new_layout (&ctx, FONT_BODY, text, width - 2 * ctx.pad, 3);
      double th;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _fw_chart_layout_size (layout, NULL, &th);
      _fw_chart_push_text (&ctx, layout, ctx.pad, top + MAX (0, (bottom - top - th) / 2), INK_MUTED);
      self->plot_x = ctx.pad;
      self->plot_y = top;
      self->plot_width = width - 2 * ctx.pad;
      self->plot_height = MAX (bottom - top, 0);
    }
  else
    {
      bottom = MAX (bottom, top + 1);
      switch (self->kind)
        {
        case FW_CHART_BARS:
          _fw_chart_layout_bars (&ctx, top, bottom);
          break;
        case FW_CHART_COLUMNS:
          _fw_chart_layout_columns (&ctx, top, bottom);
          break;
        case FW_CHART_TIMELINE:
          _fw_chart_layout_timeline (&ctx, top, bottom);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (ctx.fonts[i]);
}

double
fw_chart_get_natural_height (FwChart            *self,
                             double              width,
                             const FwChartStyle *style)
{
  double bottom = 0, natural;
  guint first = 0, last;

  g_return_val_if_fail (FW_IS_CHART (self), 0);

  /* Laid out very tall, every row gets its largest height; the content
   * then ends where it wants to, and the footer goes right below. */
  fw_chart_layout (self, width, 100000, style);
  last = self->texts->len;
  if (self->has_footer)
    first++;
  if (self->empty)
    last--;   /* the empty text, centred in all that height */
  for (guint i = first; i < last; i++)
    bottom = MAX (bottom, _fw_chart_get_text (self, i)->y + _fw_chart_get_text (self, i)->height);
  for (guint i = 0; i < self->marks->len; i++)
    bottom = MAX (bottom, _fw_chart_get_mark (self, i)->mark.y + _fw_chart_get_mark (self, i)->mark.height);

  if (self->empty)
    bottom += 4 * self->em + _fw_chart_get_text (self, last)->height;
  natural = bottom + self->pad;
  if (self->has_footer)
    natural += 0.4 * self->em + _fw_chart_get_text (self, 0)->height;
  _fw_chart_invalidate (self);

  return ceil (natural);
}

void
fw_chart_layout (FwChart            *self,
                 double              width,
                 double              height,
                 const FwChartStyle *style)
{
  FwChartStyle fallback;

  g_return_if_fail (FW_IS_CHART (self));

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  width = MAX (width, 1);
  height = MAX (height, 1);

  if (self->valid &&
      self->width == width &&
      self->height == height &&
      self->font_size == style->font_size &&
      g_strcmp0 (self->font_family, style->font_family) == 0)
    return;

  compute_layout (self, width, height, style);

  self->valid = TRUE;
  self->width = width;
  self->height = height;
  self->font_size = style->font_size;
  g_free (self->font_family);
  self->font_family = g_strdup (style->font_family);

  if (self->highlight >= (gint) self->marks->len)
    self->highlight = -1;
}

/* Marks */

guint
fw_chart_get_n_marks (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->marks->len;
}

gboolean
fw_chart_get_mark (FwChart     *self,
                   guint        index,
                   FwChartMark *mark)
{
  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  if (index >= self->marks->len)
    {
      if (mark != NULL)
        {
          memset (mark, 0, sizeof *mark);
          mark->index = -1;
          mark->firm = -1;
        }
      return FALSE;
    }

  if (mark != NULL)
    *mark = _fw_chart_get_mark (self, index)->mark;

  return TRUE;
}

void
fw_chart_get_plot_area (FwChart *self,
                        double  *x,
                        double  *y,
                        double  *width,
                        double  *height)
{
  g_return_if_fail (FW_IS_CHART (self));

  if (x != NULL)
    *x = self->plot_x;
  if (y != NULL)
    *y = self->plot_y;
  if (width != NULL)
    *width = self->plot_width;
  if (height != NULL)
    *height = self->plot_height;
}

gboolean
fw_chart_get_label_extents (FwChart *self,
                            guint    category,
                            double  *x,
                            double  *y,
                            double  *width,
                            double  *height)
{
  const Text *text;
  gint index;

  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  if (!self->valid || category >= self->label_texts->len)
    return FALSE;

  index = g_array_index (self->label_texts, gint, category);
  if (index < 0)
    return FALSE;

  text = _fw_chart_get_text (self, index);
  if (x != NULL)
    *x = text->x;
  if (y != NULL)
    *y = text->y;
  if (width != NULL)
    *width = text->width;
  if (height != NULL)
    *height = text->height;

  return TRUE;
}

gboolean
fw_chart_hit_test (FwChart     *self,
                   double       x,
                   double       y,
                   FwChartMark *mark)
{
  gint best = -1;
  double best_distance = HIT_RADIUS * HIT_RADIUS;

  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = _fw_chart_get_mark (self, i);

      if (m->dot)
        {
          double dx = x - m->hit_x;
          double dy = y - m->hit_y;
          double distance = dx * dx + dy * dy;

          if (distance <= best_distance)
            {
              best = i;
              best_distance = distance;
            }
        }
      else if (x >= m->hit_x && x < m->hit_x + m->hit_width &&
               y >= m->hit_y && y < m->hit_y + m->hit_height)
        {
          best = i;
          break;
        }
    }

  return fw_chart_get_mark (self, best < 0 ? G_MAXUINT : (guint) best, mark);
}
