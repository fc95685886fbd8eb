/* fw-map-draw.c: colours and drawing
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
    _fw_map_copy_rgba (rgba, style->ramp[3]);
  else
    _fw_map_copy_rgba (rgba, style->ramp[(guint) round (c * 6.0 / (self->n_breaks - 1))]);
}

void
_fw_map_flow_rgba (FwFlowClass         klass,
                   const FwChartStyle *style,
                   double              rgba[4])
{
  switch (klass)
    {
    case FW_FLOW_ADVERSARY:
      _fw_map_copy_rgba (rgba, style->palette[5]);   /* vermillion */
      break;
    case FW_FLOW_OTHER_CONTINENT:
      _fw_map_copy_rgba (rgba, style->palette[0]);   /* blue */
      break;
    case FW_FLOW_SAME_CONTINENT:
    case FW_FLOW_SAME_COUNTRY:
    case FW_N_FLOW_CLASSES:
    default:
      _fw_map_copy_rgba (rgba, style->palette[2]);   /* bluish green */
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
      _fw_map_copy_rgba (rgba, style->palette[0]);
      break;
    case FW_CONFIDENCE_MEDIUM:
      _fw_map_copy_rgba (rgba, style->palette[4]);
      break;
    case FW_CONFIDENCE_LOW:
      _fw_map_copy_rgba (rgba, style->palette[1]);
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
    _fw_map_copy_rgba (rgba, style->zero);
  else
    _fw_map_copy_rgba (rgba, style->land);
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

void
_fw_map_land_colour (FwMap              *self,
                     guint               feature,
                     const FwChartStyle *style,
                     double              rgba[4],
                     gboolean           *hatched)
{
  fw_map_get_country_rgba (self, fw_geo_get_feature (self->geo, feature)->country, style, rgba);
  /* Zero under the filter, on the choropleth, is hatched to tell it from
   * a country the dataset never names. */
  *hatched = self->kind == FW_MAP_HQ && memcmp (rgba, style->zero, 4 * sizeof (double)) == 0;
}

static void
draw_countries (FwMap              *self,
                cairo_t            *cr,
                const FwChartStyle *style)
{
  guint n = fw_geo_get_n_features (self->geo);

  for (guint f = 0; f < n; f++)
    {
      double rgba[4];
      gboolean hatched;

      _fw_map_land_colour (self, f, style, rgba, &hatched);
      set_rgba (cr, rgba, 1);
      append_feature (self, cr, f);
      if (!hatched)
        cairo_fill (cr);
      else
        {
          double x0, y0, x1, y1;

          /* Hatched over the country's own extents, not the page's. */
          cairo_path_extents (cr, &x0, &y0, &x1, &y1);
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
draw_land (FwMap              *self,
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
}

/* Everything inside the map area but the highlight: what the raster
 * cache holds.  @image_width and @image_height are the cache's size in
 * pixels when drawing into it, 0 for vectors. */
static void
draw_base (FwMap              *self,
           cairo_t            *cr,
           const FwChartStyle *style,
           int                 image_width,
           int                 image_height)
{
  if (image_width > 0)
    _fw_map_paint_land (self, cr, style, image_width, image_height);
  else
    draw_land (self, cr, style);

  if (self->kind == FW_MAP_HOSTS)
    draw_hosts (self, cr, style);
  else if (self->kind == FW_MAP_FLOWS)
    draw_flows (self, cr, style);
  else
    draw_tiny (self, cr, style);
}

/* During a drag or a run of zoom steps, the last image follows the view,
 * scaled and moved, until the gesture ends and the map is drawn anew. */
static gboolean
previewing (FwMap              *self,
            const FwChartStyle *style)
{
  return self->raster_scale > 0 && self->interactive && self->base != NULL && self->base_valid &&
         memcmp (&self->base_style, style, sizeof *style) == 0;
}

static void
paint_preview (FwMap   *self,
               cairo_t *cr)
{
  double s = self->k / self->base_k;

  cairo_save (cr);
  cairo_translate (cr, self->a - s * self->base_a, self->b - s * self->base_b);
  cairo_scale (cr, s, s);
  cairo_set_source_surface (cr, self->base, self->map_x, self->map_y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
  cairo_paint (cr);
  cairo_restore (cr);
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

  if (previewing (self, style))
    {
      paint_preview (self, cr);
      return;
    }

  if (!current || self->base_a != self->a || self->base_b != self->b)
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
      draw_base (self, base_cr, style, w, h);
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
  gboolean preview;

  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      fw_chart_style_init_light (&light);
      style = &light;
    }

  fw_map_layout (self, width, height, style);
  preview = previewing (self, style);
  if (!preview)
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
    draw_base (self, cr, style, 0, 0);
  if (self->highlight >= 0 && !preview)
    draw_highlight (self, cr, style);

  if (self->marks->len == 0)
    {
      g_autoptr(PangoLayout) layout = _fw_map_new_text (self, _("No firms match the current filter"), 1.1, FALSE, -1, 1);
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
