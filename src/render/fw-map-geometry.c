/* fw-map-geometry.c: projected shapes, cached paths and the shape hit test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>

#include "fw-map-private.h"

/* Points closer than this (in pixels) to the last one drawn are left out
 * of the cached paths: at 1:50m most of a country's points fall within a
 * pixel of each other on a whole-world map. */
#define SIMPLIFY 1.0

void
_fw_map_projected_free (Projected *projected)
{
  if (projected == NULL)
    return;

  g_free (projected->xy);
  g_free (projected->bbox);
  g_free (projected->anchors);
  g_array_unref (projected->graticule);
  g_array_unref (projected->outline);
  g_free (projected);
}

static void
push (GArray *line,
      double  x,
      double  y)
{
  g_array_append_val (line, x);
  g_array_append_val (line, y);
}

static void
push_geo (GArray       *line,
          FwProjection  projection,
          double        lon,
          double        lat)
{
  double x, y;

  fw_projection_project (projection, lon, lat, &x, &y);
  push (line, x, y);
}

/* The shapes are decoded on first use (about 150 ms), not when a map
 * is made: the window makes its map widget at start. */
void
_fw_map_ensure_geo (FwMap *self)
{
  if (self->geo == NULL)
    self->geo = g_object_ref (fw_geo_get_default ());
}

void
_fw_map_ensure_projected (FwMap *self)
{
  const FwGeoPoint *points;
  const FwGeoRing *rings;
  const FwGeoPolygon *polygons;
  Projected *p;
  guint n_points, n_features;

  if (self->projected != NULL && self->projected->projection == self->projection)
    return;

  _fw_map_ensure_geo (self);
  _fw_map_paths_clear (self);
  g_clear_pointer (&self->projected, _fw_map_projected_free);

  points = fw_geo_get_points (self->geo, &n_points);
  rings = fw_geo_get_rings (self->geo, NULL);
  polygons = fw_geo_get_polygons (self->geo, NULL);
  n_features = fw_geo_get_n_features (self->geo);

  p = g_new0 (Projected, 1);
  p->projection = self->projection;
  p->xy = g_new (double, 2 * (gsize) n_points);
  p->bbox = g_new (double, 4 * (gsize) n_features);
  p->anchors = g_new (double, 2 * (gsize) n_features);
  p->graticule = g_array_new (FALSE, FALSE, sizeof (double));
  p->outline = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_points; i++)
    fw_projection_project (self->projection, points[i].lon, points[i].lat, &p->xy[2 * i], &p->xy[2 * i + 1]);

  for (guint f = 0; f < n_features; f++)
    {
      const FwGeoFeature *feature = fw_geo_get_feature (self->geo, f);
      double *box = &p->bbox[4 * f];

      box[0] = box[1] = G_MAXDOUBLE;
      box[2] = box[3] = -G_MAXDOUBLE;
      for (guint j = 0; j < feature->n_polygons; j++)
        {
          const FwGeoRing *outer = &rings[polygons[feature->first_polygon + j].first_ring];

          for (guint i = outer->first; i < outer->first + outer->n_points; i++)
            {
              box[0] = MIN (box[0], p->xy[2 * i]);
              box[1] = MIN (box[1], p->xy[2 * i + 1]);
              box[2] = MAX (box[2], p->xy[2 * i]);
              box[3] = MAX (box[3], p->xy[2 * i + 1]);
            }
        }
      fw_projection_project (self->projection, feature->anchor.lon, feature->anchor.lat,
                             &p->anchors[2 * f], &p->anchors[2 * f + 1]);
    }

  /* Graticule every 30°, meridians stopping short of the poles. */
  for (int lon = -150; lon <= 150; lon += 30)
    {
      for (int lat = -80; lat <= 80; lat += 2)
        push_geo (p->graticule, self->projection, lon, lat);
      push (p->graticule, NAN, NAN);
    }
  for (int lat = -60; lat <= 60; lat += 30)
    {
      for (int lon = -180; lon <= 180; lon += 2)
        push_geo (p->graticule, self->projection, lon, lat);
      push (p->graticule, NAN, NAN);
    }

  for (int lat = -90; lat <= 90; lat++)
    push_geo (p->outline, self->projection, -180, lat);
  for (int lat = 90; lat >= -90; lat--)
    push_geo (p->outline, self->projection, 180, lat);

  fw_projection_get_bounds (self->projection, &p->x_min, &p->y_min, &p->x_max, &p->y_max);
  self->projected = p;
}

void
_fw_map_paths_clear (FwMap *self)
{
  guint n = self->geo != NULL ? fw_geo_get_n_features (self->geo) : 0;

  if (self->paths != NULL)
    {
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&self->paths[i], cairo_path_destroy);
      g_clear_pointer (&self->paths, g_free);
    }
  g_clear_pointer (&self->graticule_path, cairo_path_destroy);
  g_clear_pointer (&self->outline_path, cairo_path_destroy);
  self->path_k = 0;
  _fw_map_masks_clear (self);
}

static cairo_path_t *
line_path (cairo_t      *cr,
           const GArray *line,
           double        k,
           gboolean      close)
{
  const double *xy = (const double *) line->data;
  gboolean move = TRUE;

  cairo_new_path (cr);
  for (guint i = 0; i + 1 < line->len; i += 2)
    {
      if (isnan (xy[i]))
        {
          move = TRUE;
          continue;
        }
      if (move)
        cairo_move_to (cr, k * xy[i], -k * xy[i + 1]);
      else
        cairo_line_to (cr, k * xy[i], -k * xy[i + 1]);
      move = FALSE;
    }
  if (close)
    cairo_close_path (cr);

  return cairo_copy_path (cr);
}

/* Paths at the current scale, translated when drawn: panning and hovering
 * reuse them, only a new scale rebuilds them. */
void
_fw_map_ensure_paths (FwMap *self)
{
  const FwGeoRing *rings;
  const FwGeoPolygon *polygons;
  const double *xy;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_features;
  double k = self->k;

  _fw_map_ensure_projected (self);
  if (self->paths != NULL && self->path_k == k)
    return;

  _fw_map_paths_clear (self);
  rings = fw_geo_get_rings (self->geo, NULL);
  polygons = fw_geo_get_polygons (self->geo, NULL);
  n_features = fw_geo_get_n_features (self->geo);
  xy = self->projected->xy;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  self->paths = g_new0 (cairo_path_t *, n_features);

  for (guint f = 0; f < n_features; f++)
    {
      const FwGeoFeature *feature = fw_geo_get_feature (self->geo, f);

      cairo_new_path (cr);
      for (guint j = 0; j < feature->n_polygons; j++)
        {
          const FwGeoPolygon *polygon = &polygons[feature->first_polygon + j];

          for (guint r = 0; r < polygon->n_rings; r++)
            {
              const FwGeoRing *ring = &rings[polygon->first_ring + r];
              double lx = 0, ly = 0;
              guint drawn = 0;

              for (guint i = ring->first; i < ring->first + ring->n_points; i++)
                {
                  double x = k * xy[2 * i], y = -k * xy[2 * i + 1];

                  if (drawn == 0)
                    cairo_move_to (cr, x, y);
                  else if (fabs (x - lx) + fabs (y - ly) < SIMPLIFY && i + 1 < ring->first + ring->n_points)
                    continue;
                  else
                    cairo_line_to (cr, x, y);
                  lx = x;
                  ly = y;
                  drawn++;
                }
              cairo_close_path (cr);
            }
        }
      self->paths[f] = cairo_copy_path (cr);
    }

  self->graticule_path = line_path (cr, self->projected->graticule, k, FALSE);
  self->outline_path = line_path (cr, self->projected->outline, k, TRUE);
  self->path_k = k;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

gint
_fw_map_feature_at_unit (FwMap  *self,
                         double  ux,
                         double  uy)
{
  const FwGeoRing *rings;
  const FwGeoPolygon *polygons;
  guint n_features;

  _fw_map_ensure_projected (self);
  rings = fw_geo_get_rings (self->geo, NULL);
  polygons = fw_geo_get_polygons (self->geo, NULL);
  n_features = fw_geo_get_n_features (self->geo);

  for (guint f = 0; f < n_features; f++)
    {
      const FwGeoFeature *feature;
      const double *box = &self->projected->bbox[4 * f];

      if (ux < box[0] || ux > box[2] || uy < box[1] || uy > box[3])
        continue;
      feature = fw_geo_get_feature (self->geo, f);
      for (guint j = 0; j < feature->n_polygons; j++)
        {
          const FwGeoPolygon *polygon = &polygons[feature->first_polygon + j];

          if (fw_geo_rings_contain (self->projected->xy, &rings[polygon->first_ring],
                                    polygon->n_rings, ux, uy))
            return f;
        }
    }

  return -1;
}

void
_fw_map_anchor (FwMap       *self,
                FwCountryId  country,
                double      *x,
                double      *y)
{
  gint f = fw_geo_lookup_country (self->geo, country);

  _fw_map_ensure_projected (self);
  g_assert (f >= 0);
  *x = self->a + self->k * self->projected->anchors[2 * f];
  *y = self->b - self->k * self->projected->anchors[2 * f + 1];
}

/* Circle areas are proportional to the count; the smallest stays big
 * enough to see and point at (Bahrain, Singapore). */
double
_fw_map_symbol_radius (FwMap *self,
                       guint  firms)
{
  double r;

  if (firms == 0 || self->max_value == 0)
    return 0;
  r = self->symbol_max * sqrt ((double) firms / self->max_value);

  return MAX (r, 4.0);
}

double
_fw_map_flow_width (FwMap *self,
                    guint  firms)
{
  if (self->max_value == 0)
    return 1;

  return 1.0 + (self->symbol_max - 1.0) * firms / self->max_value;
}

/* A quadratic curve from HQ to host bending to the left of travel, so
 * that flows both ways between two countries stay apart; as a cubic:
 * p = { x0, y0, c1x, c1y, c2x, c2y } plus the end from the mark. */
void
_fw_map_flow_curve (FwMap           *self,
                    const FwMapMark *mark,
                    double           p[6])
{
  double x0, y0, x1, y1, mx, my, dx, dy, qx, qy;

  _fw_map_anchor (self, mark->hq, &x0, &y0);
  _fw_map_anchor (self, mark->host, &x1, &y1);
  mx = (x0 + x1) / 2;
  my = (y0 + y1) / 2;
  dx = x1 - x0;
  dy = y1 - y0;
  qx = mx + 0.22 * dy;
  qy = my - 0.22 * dx;

  p[0] = x0;
  p[1] = y0;
  p[2] = x0 + 2.0 / 3 * (qx - x0);
  p[3] = y0 + 2.0 / 3 * (qy - y0);
  p[4] = x1 + 2.0 / 3 * (qx - x1);
  p[5] = y1 + 2.0 / 3 * (qy - y1);
}

/* A country drawn smaller than this (in pixels, both ways) also gets a dot
 * on the HQ map, so that Singapore or Bahrain can be seen and pointed at. */
#define TINY 4.0

gboolean
_fw_map_is_tiny (FwMap       *self,
                 FwCountryId  country)
{
  gint f = fw_geo_lookup_country (self->geo, country);
  const double *box;

  if (f < 0)
    return FALSE;
  _fw_map_ensure_projected (self);
  box = &self->projected->bbox[4 * f];

  return self->k * (box[2] - box[0]) < TINY && self->k * (box[3] - box[1]) < TINY;
}
