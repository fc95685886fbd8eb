/* fw-map-masks.c: the land as coverage masks, for the screen
 *
 * Filling two hundred country outlines at 1:50m takes 30 ms and more, so
 * a filter click cost that much before circles and arcs were drawn.  The
 * outlines' coverage does not depend on the data or the colours: each
 * country is rasterised once per scale and place into an alpha mask, and
 * a new filter or colour scheme composites masks, keeping the
 * antialiasing of a vector fill.  Files and print still get vectors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fw-chart-private.h"
#include "fw-map-private.h"

#define HATCH_STEP 5

void
_fw_map_masks_clear (FwMap *self)
{
  guint n = self->geo != NULL ? fw_geo_get_n_features (self->geo) : 0;

  if (self->masks != NULL)
    {
      for (guint f = 0; f < n; f++)
        g_clear_pointer (&self->masks[f], cairo_surface_destroy);
      g_clear_pointer (&self->masks, g_free);
    }
  g_clear_pointer (&self->mask_xy, g_free);
  g_clear_pointer (&self->water_mask, cairo_surface_destroy);
  g_clear_pointer (&self->graticule_mask, cairo_surface_destroy);
  g_clear_pointer (&self->outline_mask, cairo_surface_destroy);
  g_clear_pointer (&self->border_mask, cairo_surface_destroy);
  self->masks_scale = 0;
}

static cairo_surface_t *
new_mask (int    width,
          int    height,
          double scale)
{
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);

  cairo_surface_set_device_scale (mask, scale, scale);

  return mask;
}

/* A mask over the whole image (@x, @y is its top left in user space),
 * holding what @path_func draws: a fill or a stroke of the cached paths. */
static cairo_surface_t *
whole_mask (FwMap  *self,
            double  scale,
            int     width,
            int     height,
            void  (*path_func) (FwMap *self, cairo_t *cr))
{
  cairo_surface_t *mask = new_mask (width, height, scale);
  cairo_t *cr = cairo_create (mask);

  cairo_translate (cr, -self->masks_x + self->a, -self->masks_y + self->b);
  path_func (self, cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);

  return mask;
}

static void
water_path (FwMap   *self,
            cairo_t *cr)
{
  cairo_append_path (cr, self->outline_path);
  cairo_fill (cr);
}

static void
graticule_path (FwMap   *self,
                cairo_t *cr)
{
  cairo_append_path (cr, self->graticule_path);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

static void
outline_path (FwMap   *self,
              cairo_t *cr)
{
  cairo_append_path (cr, self->outline_path);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
border_path (FwMap   *self,
             cairo_t *cr)
{
  guint n = fw_geo_get_n_features (self->geo);

  for (guint f = 0; f < n; f++)
    cairo_append_path (cr, self->paths[f]);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
ensure_masks (FwMap  *self,
              double  x,
              double  y,
              int     width,
              int     height,
              double  scale)
{
  guint n = fw_geo_get_n_features (self->geo);
  cairo_surface_t *scratch;
  cairo_t *cr;

  if (self->masks != NULL && self->masks_scale == scale && self->masks_k == self->k &&
      self->masks_a == self->a && self->masks_b == self->b && self->masks_x == x &&
      self->masks_y == y && self->masks_w == width && self->masks_h == height)
    return;

  _fw_map_masks_clear (self);
  self->masks_scale = scale;
  self->masks_k = self->k;
  self->masks_a = self->a;
  self->masks_b = self->b;
  self->masks_x = x;
  self->masks_y = y;
  self->masks_w = width;
  self->masks_h = height;
  self->masks = g_new0 (cairo_surface_t *, n);
  self->mask_xy = g_new0 (double, 2 * n);

  scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (scratch);
  for (guint f = 0; f < n; f++)
    {
      double x0, y0, x1, y1;
      int px0, py0, px1, py1;
      cairo_t *mask_cr;

      cairo_new_path (cr);
      cairo_append_path (cr, self->paths[f]);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);

      /* Whole pixels of the image, so that a mask lands on its pixel grid
       * and compositing never resamples. */
      px0 = MAX (0, (int) floor ((x0 + self->a - x) * scale) - 1);
      py0 = MAX (0, (int) floor ((y0 + self->b - y) * scale) - 1);
      px1 = MIN (width, (int) ceil ((x1 + self->a - x) * scale) + 1);
      py1 = MIN (height, (int) ceil ((y1 + self->b - y) * scale) + 1);
      if (px1 <= px0 || py1 <= py0)
        continue;

      self->masks[f] = new_mask (px1 - px0, py1 - py0, scale);
      self->mask_xy[2 * f] = x + px0 / scale;
      self->mask_xy[2 * f + 1] = y + py0 / scale;
      mask_cr = cairo_create (self->masks[f]);
      cairo_translate (mask_cr, self->a - self->mask_xy[2 * f], self->b - self->mask_xy[2 * f + 1]);
      cairo_append_path (mask_cr, self->paths[f]);
      cairo_fill (mask_cr);
      cairo_destroy (mask_cr);
      cairo_surface_flush (self->masks[f]);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  self->water_mask = whole_mask (self, scale, width, height, water_path);
  self->graticule_mask = whole_mask (self, scale, width, height, graticule_path);
  self->outline_mask = whole_mask (self, scale, width, height, outline_path);
  self->border_mask = whole_mask (self, scale, width, height, border_path);
}

static cairo_pattern_t *
hatch_pattern (const FwChartStyle *style)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, HATCH_STEP, HATCH_STEP);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, style->muted[0], style->muted[1], style->muted[2], style->muted[3] * 0.8);
  cairo_set_line_width (cr, 1);
  /* One diagonal, continued across the tile's corners so lines join. */
  cairo_move_to (cr, -1, HATCH_STEP + 1);
  cairo_line_to (cr, HATCH_STEP + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, HATCH_STEP - 1, HATCH_STEP + 1);
  cairo_line_to (cr, HATCH_STEP + 1, HATCH_STEP - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

static void
paint_mask (cairo_t         *cr,
            cairo_surface_t *mask,
            double           x,
            double           y,
            const double     rgba[4],
            double           alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
  cairo_mask_surface (cr, mask, x, y);
}

void
_fw_map_paint_land (FwMap              *self,
                    cairo_t            *cr,
                    const FwChartStyle *style,
                    int                 width,
                    int                 height)
{
  guint n = fw_geo_get_n_features (self->geo);
  cairo_pattern_t *hatch = NULL;
  double x, y, scale;

  /* The image's top left in user space, and its pixels per unit. */
  x = self->map_x;
  y = self->map_y;
  scale = self->raster_scale;
  ensure_masks (self, x, y, width, height, scale);

  if (self->graticule)
    {
      paint_mask (cr, self->water_mask, x, y, style->water, 1);
      paint_mask (cr, self->graticule_mask, x, y, style->grid, 1);
    }

  for (guint f = 0; f < n; f++)
    {
      double rgba[4];
      gboolean hatched;

      if (self->masks[f] == NULL)
        continue;

      _fw_map_land_colour (self, f, style, rgba, &hatched);
      paint_mask (cr, self->masks[f], self->mask_xy[2 * f], self->mask_xy[2 * f + 1], rgba, 1);
      if (hatched)
        {
          if (hatch == NULL)
            hatch = hatch_pattern (style);
          cairo_set_source (cr, hatch);
          cairo_mask_surface (cr, self->masks[f], self->mask_xy[2 * f], self->mask_xy[2 * f + 1]);
        }
    }
  g_clear_pointer (&hatch, cairo_pattern_destroy);

  paint_mask (cr, self->border_mask, x, y, style->border, 1);
  if (self->graticule)
    paint_mask (cr, self->outline_mask, x, y, style->muted, 0.6);
}
