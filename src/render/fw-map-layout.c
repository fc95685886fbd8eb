/* fw-map-layout.c: header, legend and fitting the world to the size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-map-private.h"

/* Text */

static PangoContext *
get_pango (FwMap *self)
{
  if (self->pango == NULL)
    self->pango = _fw_chart_new_pango_context ();

  return self->pango;
}

PangoLayout *
_fw_map_new_text (FwMap      *self,
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
  PangoLayout *layout = _fw_map_new_text (self, label, 0.9, FALSE, -1, 1);
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

  _fw_map_copy_rgba (key.rgba, rgba);
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
      layout = _fw_map_new_text (self, self->watermark, 0.8, FALSE, width - 2 * pad, 1);
      _fw_chart_layout_size (layout, &tw, &th);
      push_text (self, layout, width - pad - tw, height - pad - th, TRUE);
      bottom -= th + 0.3 * self->em;
    }

  layout = _fw_map_new_text (self, fw_map_get_title (self), 1.25, TRUE, width - 2 * pad, 2);
  _fw_chart_layout_size (layout, NULL, &th);
  push_text (self, layout, pad, top, FALSE);
  top += th + 0.2 * self->em;

  subtitle = make_subtitle (self);
  if (subtitle[0] != '\0')
    {
      layout = _fw_map_new_text (self, subtitle, 0.9, FALSE, width - 2 * pad, 2);
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
