/* fw-map-draw.c: layout (header, legend, fitting the world) and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-export-text.h"
#include "fw-map-private.h"

void
_fw_map_invalidate (FwMap *self)
{
  self->valid = FALSE;
  self->base_valid = FALSE;
}

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
copy_rgba (double       out[4],
           const double in[4])
{
  memcpy (out, in, 4 * sizeof (double));
}

void
_fw_map_class_rgba (FwMap              *self,
                    guint               value,
                    const FwChartStyle *style,
                    double              rgba[4])
{
  guint c = 0;

  while (c + 1 < self->n_breaks && value > self->breaks[c])
    c++;
  /* Spread the classes over the whole ramp. */
  if (self->n_breaks <= 1)
    copy_rgba (rgba, style->ramp[3]);
  else
    copy_rgba (rgba, style->ramp[(guint) round (c * 6.0 / (self->n_breaks - 1))]);
}

void
_fw_map_flow_rgba (FwFlowClass         klass,
                   const FwChartStyle *style,
                   double              rgba[4])
{
  switch (klass)
    {
    case FW_FLOW_ADVERSARY:
      copy_rgba (rgba, style->palette[5]);   /* vermillion */
      break;
    case FW_FLOW_OTHER_CONTINENT:
      copy_rgba (rgba, style->palette[0]);   /* blue */
      break;
    case FW_FLOW_SAME_CONTINENT:
    case FW_FLOW_SAME_COUNTRY:
    case FW_N_FLOW_CLASSES:
    default:
      copy_rgba (rgba, style->palette[2]);   /* bluish green */
      break;
    }
}

void
_fw_map_confidence_rgba (FwConfidence        confidence,
                         const FwChartStyle *style,
                         double              rgba[4])
{
  switch (confidence)
    {
    case FW_CONFIDENCE_HIGH:
      copy_rgba (rgba, style->palette[0]);
      break;
    case FW_CONFIDENCE_MEDIUM:
      copy_rgba (rgba, style->palette[4]);
      break;
    case FW_CONFIDENCE_LOW:
      copy_rgba (rgba, style->palette[1]);
      break;
    case FW_CONFIDENCE_UNKNOWN:
    case FW_N_CONFIDENCE:
    default:
      _fw_chart_series_rgba (style, FW_CHART_COLOR_NEUTRAL, rgba);
      break;
    }
}

static FwFlowClass
flow_class (FwMap           *self,
            const FwMapMark *mark)
{
  FwCountries *countries = fw_dataset_get_countries (fw_explorer_get_dataset (self->explorer));
  const guint8 *adversary = fw_countries_get_adversary_array (countries);
  const guint8 *continent = fw_countries_get_continent_array (countries);

  if (adversary[mark->host] && !adversary[mark->hq])
    return FW_FLOW_ADVERSARY;
  if (continent[mark->hq] != FW_CONTINENT_UNKNOWN && continent[mark->hq] == continent[mark->host])
    return FW_FLOW_SAME_CONTINENT;

  return FW_FLOW_OTHER_CONTINENT;
}

void
fw_map_get_country_rgba (FwMap              *self,
                         FwCountryId         country,
                         const FwChartStyle *style,
                         double              rgba[4])
{
  FwChartStyle light;
  gint mark;

  g_return_if_fail (FW_IS_MAP (self));

  if (style == NULL)
    {
      fw_chart_style_init_light (&light);
      style = &light;
    }

  mark = self->mark_of != NULL && country < self->counts->n_ids ? self->mark_of[country] : -1;
  if (self->kind == FW_MAP_HQ && mark >= 0)
    _fw_map_class_rgba (self, g_array_index (self->marks, FwMapMark, mark).firms, style, rgba);
  else if (self->kind == FW_MAP_HQ && self->counts != NULL && country < self->counts->n_ids &&
           self->counts->hq_in_dataset[country])
    copy_rgba (rgba, style->zero);
  else
    copy_rgba (rgba, style->land);
}

/* Text */

static PangoContext *
get_pango (FwMap *self)
{
  if (self->pango == NULL)
    self->pango = _fw_chart_new_pango_context ();

  return self->pango;
}

static PangoLayout *
new_text (FwMap      *self,
          const char *text,
          double      scale,
          gboolean    bold,
          double      max_width,
          int         max_lines)
{
  PangoLayout *layout = pango_layout_new (get_pango (self));
  PangoFontDescription *font = pango_font_description_from_string (self->font_family);

  pango_font_description_set_size (font, (int) round (self->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -max_lines);
    }

  return layout;
}

static void
push_text (FwMap       *self,
           PangoLayout *layout,
           double       x,
           double       y,
           gboolean     muted)
{
  MapText text = { layout, x, y, muted };

  g_array_append_val (self->texts, text);
}

void
_fw_map_text_clear (gpointer data)
{
  g_clear_object (&((MapText *) data)->layout);
}

/* Legend: entries laid out left to right, wrapping. */

typedef struct
{
  FwMap  *self;
  double  x, y, left, right, row_height;
} Flow;

static void
legend_entry (Flow           *flow,
              KeyShape        shape,
              const double    rgba[4],
              double          size,
              const char     *label)
{
  FwMap *self = flow->self;
  PangoLayout *layout = new_text (self, label, 0.9, FALSE, -1, 1);
  double key_w = shape == KEY_CIRCLE ? 2 * size : shape == KEY_LINE ? 2.2 * self->em : self->em;
  double key_h = shape == KEY_CIRCLE ? 2 * size : self->em;
  double tw, th, w, h;
  MapKey key = { shape, { 0 }, 0, 0, size };

  _fw_chart_layout_size (layout, &tw, &th);
  w = key_w + 0.4 * self->em + tw + 1.2 * self->em;
  h = MAX (key_h, th);
  if (flow->x > flow->left && flow->x + w > flow->right)
    {
      flow->x = flow->left;
      flow->y += flow->row_height + 0.3 * self->em;
      flow->row_height = 0;
    }
  flow->row_height = MAX (flow->row_height, h);

  copy_rgba (key.rgba, rgba);
  key.x = flow->x + key_w / 2;
  key.y = flow->y + h / 2;
  g_array_append_val (self->keys, key);
  push_text (self, layout, flow->x + key_w + 0.4 * self->em, flow->y + (h - th) / 2, FALSE);
  flow->x += w;
}

static guint
round_nicely (double value)
{
  double p = pow (10, floor (log10 (MAX (value, 1))));
  double m = value / p;

  return (guint) ((m >= 5 ? 5 : m >= 2 ? 2 : 1) * p);
}

static void
layout_legend (FwMap              *self,
               Flow               *flow,
               const FwChartStyle *style)
{
  double rgba[4];

  if (self->kind == FW_MAP_HQ)
    {
      gboolean any_zero = FALSE;

      for (guint c = 0; c < self->n_breaks; c++)
        {
          guint low = c == 0 ? 1 : self->breaks[c - 1] + 1;
          g_autofree char *label = low == self->breaks[c] ? g_strdup_printf ("%u", low)
                                                          : g_strdup_printf ("%u–%u", low, self->breaks[c]);

          _fw_map_class_rgba (self, self->breaks[c], style, rgba);
          legend_entry (flow, KEY_BOX, rgba, 0, label);
        }
      for (guint c = 1; self->counts != NULL && c < self->counts->n_ids && !any_zero; c++)
        any_zero = self->counts->hq_in_dataset[c] && self->counts->hq_firms[c] == 0 &&
                   fw_geo_lookup_country (self->geo, c) >= 0;
      if (any_zero)
        legend_entry (flow, KEY_HATCH, style->zero, 0, _("0 under this filter"));
      legend_entry (flow, KEY_BOX, style->land, 0, _("no firms in the dataset"));
    }
  else if (self->kind == FW_MAP_HOSTS && self->max_value > 0)
    {
      guint values[3] = { self->max_value, round_nicely (self->max_value / 4.0), 1 };

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *label = NULL;

          if (i > 0 && values[i] >= values[i - 1])
            continue;
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u firm", "%u firms", values[i]), values[i]);
          _fw_map_confidence_rgba (self->split ? FW_N_CONFIDENCE : FW_CONFIDENCE_HIGH, style, rgba);
          legend_entry (flow, KEY_CIRCLE, rgba, _fw_map_symbol_radius (self, values[i]), label);
        }
      if (self->split)
        for (guint c = FW_CONFIDENCE_HIGH; c <= FW_N_CONFIDENCE; c++)
          {
            FwConfidence confidence = c == FW_N_CONFIDENCE ? FW_CONFIDENCE_UNKNOWN : c;

            _fw_map_confidence_rgba (confidence, style, rgba);
            legend_entry (flow, KEY_BOX, rgba, 0, fw_confidence_to_label (confidence));
          }
    }
  else if (self->kind == FW_MAP_FLOWS && self->max_value > 0)
    {
      static const FwFlowClass classes[] = { FW_FLOW_SAME_CONTINENT, FW_FLOW_OTHER_CONTINENT, FW_FLOW_ADVERSARY };
      const char *labels[] = { _("same continent"), _("other continent"), _("adversary host") };
      g_autofree char *thin = NULL;
      g_autofree char *thick = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        {
          _fw_map_flow_rgba (classes[i], style, rgba);
          legend_entry (flow, KEY_LINE, rgba, 3, labels[i]);
        }
      thin = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u firm", "%u firms", self->min_flow), self->min_flow);
      thick = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u firm", "%u firms", self->max_value), self->max_value);
      legend_entry (flow, KEY_LINE, style->muted, _fw_map_flow_width (self, self->min_flow), thin);
      if (self->max_value > self->min_flow)
        legend_entry (flow, KEY_LINE, style->muted, _fw_map_flow_width (self, self->max_value), thick);
      legend_entry (flow, KEY_LINE, style->muted, -1, _("arrowheads point to the host"));
    }
}

static char *
make_subtitle (FwMap *self)
{
  GString *text = g_string_new (NULL);
  FwGeoCounts *counts = self->counts;

  if (counts == NULL)
    return g_string_free (text, FALSE);

  switch (self->kind)
    {
    case FW_MAP_HQ:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u firm under the current filter, by headquarters country",
                                                 "%u firms under the current filter, by headquarters country",
                                                 counts->n_firms),
                              counts->n_firms);
      if (counts->unknown_hq > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "; %u with unknown headquarters is not on the map",
                                                   "; %u with unknown headquarters are not on the map",
                                                   counts->unknown_hq),
                                counts->unknown_hq);
      break;
    case FW_MAP_HOSTS:
      g_string_append (text, _("Distinct firms under the current filter that exhibited in each country, in any year"));
      if (counts->unknown_host > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "; %u firm exhibited at fairs of unknown host, not shown",
                                                   "; %u firms exhibited at fairs of unknown host, not shown",
                                                   counts->unknown_host),
                                counts->unknown_host);
      break;
    case FW_MAP_FLOWS:
    case FW_N_MAP_KINDS:
    default:
      g_string_append (text, _("Distinct firms headquartered in one country that exhibited in another"));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %u flow drawn", "; %u flows drawn",
                                                 self->marks->len),
                              self->marks->len);
      if (self->min_flow > 1)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   ", each of at least %u firm",
                                                   ", each of at least %u firms",
                                                   self->min_flow),
                                self->min_flow);
      break;
    }
  if (self->unmapped > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "; %u firm counted in countries too small for the map",
                                               "; %u firms counted in countries too small for the map",
                                               self->unmapped),
                            self->unmapped);

  return g_string_free (text, FALSE);
}

void
_fw_map_update_positions (FwMap *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);

      if (m->flow)
        {
          double p[6], x1, y1;

          _fw_map_flow_curve (self, m, p);
          _fw_map_anchor (self, m->host, &x1, &y1);
          m->x = 0.125 * p[0] + 0.375 * p[2] + 0.375 * p[4] + 0.125 * x1;
          m->y = 0.125 * p[1] + 0.375 * p[3] + 0.375 * p[5] + 0.125 * y1;
        }
      else
        _fw_map_anchor (self, m->facet == FW_FACET_HQ_COUNTRY ? m->hq : m->host, &m->x, &m->y);
    }
}

void
fw_map_layout (FwMap              *self,
               double              width,
               double              height,
               const FwChartStyle *style)
{
  FwChartStyle light;
  const char *family;
  g_autofree char *subtitle = NULL;
  PangoLayout *layout;
  double pad, top, bottom, th, tw, legend_h;
  gboolean resized;
  Flow flow;

  g_return_if_fail (FW_IS_MAP (self));

  if (style == NULL)
    {
      fw_chart_style_init_light (&light);
      style = &light;
    }
  family = style->font_family != NULL ? style->font_family : "Sans";
  resized = width != self->width || height != self->height;
  /* The legend's swatches carry the style's colours. */
  if (self->valid && !resized && g_strcmp0 (family, self->font_family) == 0 &&
      memcmp (&self->layout_style, style, sizeof *style) == 0 && self->projected != NULL &&
      self->projected->projection == self->projection)
    return;

  _fw_map_ensure_projected (self);
  self->base_valid = FALSE;
  g_free (self->font_family);
  self->font_family = g_strdup (family);
  self->font_size = style->font_size;
  self->layout_style = *style;
  self->width = width;
  self->height = height;
  self->em = style->font_size * 96.0 / 72.0;
  pad = CLAMP (round (self->em * 0.9), 6, 24);

  g_array_set_size (self->texts, 0);
  g_array_set_size (self->keys, 0);

  top = pad;
  bottom = height - pad;

  if (self->watermark != NULL && self->watermark[0] != '\0')
    {
      layout = new_text (self, self->watermark, 0.8, FALSE, width - 2 * pad, 1);
      _fw_chart_layout_size (layout, &tw, &th);
      push_text (self, layout, width - pad - tw, height - pad - th, TRUE);
      bottom -= th + 0.3 * self->em;
    }

  layout = new_text (self, fw_map_get_title (self), 1.25, TRUE, width - 2 * pad, 2);
  _fw_chart_layout_size (layout, NULL, &th);
  push_text (self, layout, pad, top, FALSE);
  top += th + 0.2 * self->em;

  subtitle = make_subtitle (self);
  if (subtitle[0] != '\0')
    {
      layout = new_text (self, subtitle, 0.9, FALSE, width - 2 * pad, 2);
      _fw_chart_layout_size (layout, NULL, &th);
      push_text (self, layout, pad, top, TRUE);
      top += th;
    }
  top += 0.6 * self->em;

  /* The legend is measured at the bottom, then moved up into place. */
  self->symbol_max = self->kind == FW_MAP_HOSTS ? CLAMP (width * 0.028, 10, 34) : CLAMP (width * 0.008, 4, 12);
  {
    guint first_text = self->texts->len;

    flow = (Flow) { self, pad, 0, pad, width - pad, 0 };
    layout_legend (self, &flow, style);
    legend_h = self->keys->len > 0 ? flow.y + flow.row_height : 0;
    for (guint i = first_text; i < self->texts->len; i++)
      g_array_index (self->texts, MapText, i).y += bottom - legend_h;
    for (guint i = 0; i < self->keys->len; i++)
      g_array_index (self->keys, MapKey, i).y += bottom - legend_h;
    bottom -= legend_h + (legend_h > 0 ? 0.6 * self->em : 0);
  }

  self->map_x = pad;
  self->map_y = top;
  self->map_width = MAX (width - 2 * pad, 1);
  self->map_height = MAX (bottom - top, 1);

  {
    Projected *p = self->projected;
    double margin = 4;
    double k = MIN ((self->map_width - 2 * margin) / (p->x_max - p->x_min),
                    (self->map_height - 2 * margin) / (p->y_max - p->y_min));

    double fit_a = self->map_x + self->map_width / 2;
    double fit_b = self->map_y + self->map_height / 2;

    k = MAX (k, 1e-3);
    /* A new size, projection or legend refits; otherwise zoom and pan stay. */
    if (resized || self->fit_k != k || self->fit_a != fit_a || self->fit_b != fit_b || self->k <= 0)
      {
        self->fit_k = k;
        self->fit_a = fit_a;
        self->fit_b = fit_b;
        fw_map_reset_view (self);
      }
  }

  self->valid = TRUE;
  _fw_map_update_positions (self);
}

/* Drawing */

static void
append_feature (FwMap *self,
                cairo_t *cr,
                guint    feature)
{
  cairo_append_path (cr, self->paths[feature]);
}

static void
hatch (cairo_t      *cr,
       double        x,
       double        y,
       double        w,
       double        h,
       const double  rgba[4])
{
  cairo_save (cr);
  cairo_clip (cr);
  set_rgba (cr, rgba, 0.8);
  cairo_set_line_width (cr, 1);
  for (double t = -h; t < w; t += 5)
    {
      cairo_move_to (cr, x + t, y + h);
      cairo_line_to (cr, x + t + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_countries (FwMap              *self,
                cairo_t            *cr,
                const FwChartStyle *style)
{
  guint n = fw_geo_get_n_features (self->geo);
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  for (guint f = 0; f < n; f++)
    {
      const FwGeoFeature *feature = fw_geo_get_feature (self->geo, f);
      double rgba[4];

      fw_map_get_country_rgba (self, feature->country, style, rgba);
      set_rgba (cr, rgba, 1);
      append_feature (self, cr, f);
      if (memcmp (rgba, style->zero, sizeof rgba) != 0 || self->kind != FW_MAP_HQ)
        cairo_fill (cr);
      else
        {
          cairo_fill_preserve (cr);
          hatch (cr, x0, y0, x1 - x0, y1 - y0, style->muted);
          cairo_new_path (cr);
        }
    }

  /* Borders in one stroke. */
  for (guint f = 0; f < n; f++)
    append_feature (self, cr, f);
  set_rgba (cr, style->border, 1);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_highlight_country (FwMap              *self,
                        cairo_t            *cr,
                        const FwChartStyle *style,
                        FwCountryId         country)
{
  gint f = fw_geo_lookup_country (self->geo, country);

  if (f < 0)
    return;
  append_feature (self, cr, f);
  set_rgba (cr, style->highlight, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_hosts (FwMap              *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  g_autofree guint *order = g_new (guint, self->marks->len);
  guint n = self->marks->len;

  /* Largest first, so that small countries' circles stay on top. */
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && g_array_index (self->marks, FwMapMark, order[j - 1]).firms <
                                g_array_index (self->marks, FwMapMark, order[j]).firms; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  for (guint i = 0; i < n; i++)
    {
      const FwMapMark *m = &g_array_index (self->marks, FwMapMark, order[i]);
      double rgba[4];
      double r = _fw_map_symbol_radius (self, m->firms);

      if (self->split)
        {
          /* Nested circles: all, then high to low, each area its firms. */
          static const FwConfidence ring_order[] = {
            FW_CONFIDENCE_UNKNOWN, FW_CONFIDENCE_LOW, FW_CONFIDENCE_MEDIUM, FW_CONFIDENCE_HIGH,
          };
          guint remaining = m->firms;

          for (guint c = 0; c < G_N_ELEMENTS (ring_order) && remaining > 0; c++)
            {
              double rc = r * sqrt ((double) remaining / m->firms);

              _fw_map_confidence_rgba (ring_order[c], style, rgba);
              cairo_arc (cr, m->x, m->y, rc, 0, 2 * G_PI);
              set_rgba (cr, rgba, 0.85);
              cairo_fill (cr);
              remaining -= self->counts->host_confidence[m->host * FW_N_CONFIDENCE + ring_order[c]];
            }
        }
      else
        {
          _fw_map_confidence_rgba (FW_CONFIDENCE_HIGH, style, rgba);
          cairo_arc (cr, m->x, m->y, r, 0, 2 * G_PI);
          set_rgba (cr, rgba, 0.7);
          cairo_fill (cr);
        }
      cairo_arc (cr, m->x, m->y, r, 0, 2 * G_PI);
      set_rgba (cr, style->background, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

static void
draw_flow (FwMap              *self,
           cairo_t            *cr,
           const FwChartStyle *style,
           const FwMapMark    *m,
           double              alpha)
{
  double p[6], x1, y1, w, rgba[4], tx, ty, len, head;

  _fw_map_flow_curve (self, m, p);
  _fw_map_anchor (self, m->host, &x1, &y1);
  w = _fw_map_flow_width (self, m->firms);
  _fw_map_flow_rgba (flow_class (self, m), style, rgba);

  /* The arrowhead ends at the host's point, along the curve's tangent. */
  tx = x1 - p[4];
  ty = y1 - p[5];
  len = MAX (hypot (tx, ty), 1e-6);
  tx /= len;
  ty /= len;
  head = MIN (4 + 1.6 * w, len * 2);

  set_rgba (cr, rgba, alpha);
  cairo_set_line_width (cr, w);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, p[0], p[1]);
  cairo_curve_to (cr, p[2], p[3], p[4], p[5], x1 - tx * head * 0.8, y1 - ty * head * 0.8);
  cairo_stroke (cr);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - tx * head - ty * head * 0.55, y1 - ty * head + tx * head * 0.55);
  cairo_line_to (cr, x1 - tx * head + ty * head * 0.55, y1 - ty * head - tx * head * 0.55);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_flows (FwMap              *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  /* Thin flows recede, so that the few large ones read through. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);

      draw_flow (self, cr, style, m, 0.3 + 0.5 * m->firms / MAX (self->max_value, 1));
    }
}

static void
draw_key (cairo_t            *cr,
          const MapKey       *key,
          double              em,
          const FwChartStyle *style)
{
  switch (key->shape)
    {
    case KEY_BOX:
    case KEY_HATCH:
      cairo_rectangle (cr, key->x - em / 2, key->y - em / 2, em, em);
      set_rgba (cr, key->rgba, 1);
      cairo_fill_preserve (cr);
      if (key->shape == KEY_HATCH)
        hatch (cr, key->x - em / 2, key->y - em / 2, em, em, style->muted);
      else
        cairo_new_path (cr);
      cairo_rectangle (cr, key->x - em / 2 + 0.5, key->y - em / 2 + 0.5, em - 1, em - 1);
      set_rgba (cr, style->grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case KEY_CIRCLE:
      cairo_arc (cr, key->x, key->y, key->size, 0, 2 * G_PI);
      set_rgba (cr, key->rgba, 0.7);
      cairo_fill_preserve (cr);
      set_rgba (cr, style->foreground, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case KEY_LINE:
    default:
      set_rgba (cr, key->rgba, 1);
      if (key->size < 0)
        {
          /* An arrowhead alone. */
          cairo_move_to (cr, key->x + em, key->y);
          cairo_line_to (cr, key->x + em - 8, key->y - 4.5);
          cairo_line_to (cr, key->x + em - 8, key->y + 4.5);
          cairo_close_path (cr);
          cairo_fill (cr);
          cairo_move_to (cr, key->x - em, key->y);
          cairo_line_to (cr, key->x + em - 7, key->y);
          cairo_set_line_width (cr, 1.5);
        }
      else
        {
          cairo_move_to (cr, key->x - em, key->y);
          cairo_line_to (cr, key->x + em, key->y);
          cairo_set_line_width (cr, key->size);
        }
      cairo_stroke (cr);
      break;
    }
}

static void
draw_tiny (FwMap              *self,
           cairo_t            *cr,
           const FwChartStyle *style)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);
      double rgba[4];

      if (!_fw_map_is_tiny (self, m->hq))
        continue;
      _fw_map_class_rgba (self, m->firms, style, rgba);
      cairo_arc (cr, m->x, m->y, 3.5, 0, 2 * G_PI);
      set_rgba (cr, rgba, 1);
      cairo_fill_preserve (cr);
      set_rgba (cr, style->foreground, 0.7);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

/* Everything inside the map area but the highlight: what the raster
 * cache holds. */
static void
draw_base (FwMap              *self,
           cairo_t            *cr,
           const FwChartStyle *style)
{
  cairo_save (cr);
  cairo_translate (cr, self->a, self->b);
  if (self->graticule)
    {
      cairo_append_path (cr, self->outline_path);
      set_rgba (cr, style->water, 1);
      cairo_fill (cr);
      cairo_append_path (cr, self->graticule_path);
      set_rgba (cr, style->grid, 1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }
  draw_countries (self, cr, style);
  if (self->graticule)
    {
      cairo_append_path (cr, self->outline_path);
      set_rgba (cr, style->muted, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (self->kind == FW_MAP_HOSTS)
    draw_hosts (self, cr, style);
  else if (self->kind == FW_MAP_FLOWS)
    draw_flows (self, cr, style);
  else
    draw_tiny (self, cr, style);
}

static void
paint_base (FwMap              *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  int w = (int) ceil (self->map_width * self->raster_scale);
  int h = (int) ceil (self->map_height * self->raster_scale);
  gboolean current = self->base != NULL && self->base_valid && self->base_k == self->k &&
                     memcmp (&self->base_style, style, sizeof *style) == 0;

  /* While a drag is on, the last image moves with the pointer. */
  if (!current || (!self->interactive && (self->base_a != self->a || self->base_b != self->b)))
    {
      cairo_t *base_cr;

      if (self->base == NULL || cairo_image_surface_get_width (self->base) != w ||
          cairo_image_surface_get_height (self->base) != h)
        {
          g_clear_pointer (&self->base, cairo_surface_destroy);
          self->base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
          cairo_surface_set_device_scale (self->base, self->raster_scale, self->raster_scale);
        }
      base_cr = cairo_create (self->base);
      cairo_set_operator (base_cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (base_cr);
      cairo_set_operator (base_cr, CAIRO_OPERATOR_OVER);
      cairo_translate (base_cr, -self->map_x, -self->map_y);
      draw_base (self, base_cr, style);
      cairo_destroy (base_cr);
      cairo_surface_flush (self->base);
      self->base_valid = TRUE;
      self->base_k = self->k;
      self->base_a = self->a;
      self->base_b = self->b;
      self->base_style = *style;
    }

  cairo_set_source_surface (cr, self->base,
                            self->map_x + self->a - self->base_a, self->map_y + self->b - self->base_b);
  cairo_paint (cr);
}

static void
draw_highlight (FwMap              *self,
                cairo_t            *cr,
                const FwChartStyle *style)
{
  const FwMapMark *m = &g_array_index (self->marks, FwMapMark, self->highlight);

  if (m->flow)
    {
      /* The others fade behind the one flow, within the world's outline. */
      cairo_save (cr);
      cairo_translate (cr, self->a, self->b);
      cairo_append_path (cr, self->outline_path);
      cairo_restore (cr);
      set_rgba (cr, style->background, 0.65);
      cairo_fill (cr);
      draw_flow (self, cr, style, m, 1);
      return;
    }

  cairo_save (cr);
  cairo_translate (cr, self->a, self->b);
  draw_highlight_country (self, cr, style, m->facet == FW_FACET_HQ_COUNTRY ? m->hq : m->host);
  cairo_restore (cr);
  if (self->kind == FW_MAP_HQ && _fw_map_is_tiny (self, m->hq))
    {
      cairo_arc (cr, m->x, m->y, 5, 0, 2 * G_PI);
      set_rgba (cr, style->highlight, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  if (self->kind == FW_MAP_HOSTS)
    {
      cairo_arc (cr, m->x, m->y, _fw_map_symbol_radius (self, m->firms), 0, 2 * G_PI);
      set_rgba (cr, style->highlight, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

void
fw_map_draw (FwMap              *self,
             cairo_t            *cr,
             double              width,
             double              height,
             const FwChartStyle *style)
{
  FwChartStyle light;

  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      fw_chart_style_init_light (&light);
      style = &light;
    }

  fw_map_layout (self, width, height, style);
  _fw_map_ensure_paths (self);

  cairo_save (cr);
  if (!style->transparent)
    {
      set_rgba (cr, style->background, 1);
      cairo_paint (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->map_x, self->map_y, self->map_width, self->map_height);
  cairo_clip (cr);
  if (self->raster_scale > 0)
    paint_base (self, cr, style);
  else
    draw_base (self, cr, style);
  if (self->highlight >= 0)
    draw_highlight (self, cr, style);

  if (self->marks->len == 0)
    {
      g_autoptr(PangoLayout) layout = new_text (self, _("No firms match the current filter"), 1.1, FALSE, -1, 1);
      double tw, th;

      _fw_chart_layout_size (layout, &tw, &th);
      cairo_rectangle (cr, self->map_x + (self->map_width - tw) / 2 - self->em,
                       self->map_y + (self->map_height - th) / 2 - self->em / 2, tw + 2 * self->em, th + self->em);
      set_rgba (cr, style->background, 0.9);
      cairo_fill (cr);
      set_rgba (cr, style->foreground, 1);
      cairo_move_to (cr, self->map_x + (self->map_width - tw) / 2, self->map_y + (self->map_height - th) / 2);
      fw_export_show_layout (cr, layout);
    }
  cairo_restore (cr);

  for (guint i = 0; i < self->keys->len; i++)
    draw_key (cr, &g_array_index (self->keys, MapKey, i), self->em, style);
  for (guint i = 0; i < self->texts->len; i++)
    {
      const MapText *text = &g_array_index (self->texts, MapText, i);

      set_rgba (cr, text->muted ? style->muted : style->foreground, 1);
      cairo_move_to (cr, text->x, text->y);
      fw_export_show_layout (cr, text->layout);
    }
  cairo_restore (cr);
}
