/* fw-map.c: the map object, its data, options and marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-figure.h"
#include "fw-map-private.h"

#define MAX_ZOOM 32.0

static void fw_map_figure_init (FwFigureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FwMap, fw_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FW_TYPE_FIGURE, fw_map_figure_init))

static void
fw_map_finalize (GObject *object)
{
  FwMap *self = (FwMap *)object;

  _fw_map_paths_clear (self);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  g_clear_pointer (&self->projected, _fw_map_projected_free);
  g_clear_pointer (&self->counts, fw_geo_counts_free);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->mark_of, g_free);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->watermark, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_object (&self->pango);
  g_clear_object (&self->explorer);
  g_clear_object (&self->geo);

  G_OBJECT_CLASS (fw_map_parent_class)->finalize (object);
}

static void
fw_map_figure_draw (FwFigure           *figure,
                    cairo_t            *cr,
                    double              width,
                    double              height,
                    const FwChartStyle *style)
{
  fw_map_draw (FW_MAP (figure), cr, width, height, style);
}

static double
fw_map_figure_get_natural_height (FwFigure           *figure,
                                  double              width,
                                  const FwChartStyle *style)
{
  /* The world is about twice as wide as tall; header and legend on top. */
  return round (width * 0.5 + 150);
}

static const char *
fw_map_figure_get_title (FwFigure *figure)
{
  return fw_map_get_title (FW_MAP (figure));
}

static char *
fw_map_figure_describe (FwFigure *figure)
{
  return fw_map_describe (FW_MAP (figure));
}

static void
fw_map_figure_set_watermark (FwFigure   *figure,
                             const char *text)
{
  fw_map_set_watermark (FW_MAP (figure), text);
}

static void
fw_map_figure_init (FwFigureInterface *iface)
{
  iface->draw = fw_map_figure_draw;
  iface->get_natural_height = fw_map_figure_get_natural_height;
  iface->get_title = fw_map_figure_get_title;
  iface->describe = fw_map_figure_describe;
  iface->set_watermark = fw_map_figure_set_watermark;
}

static void
fw_map_class_init (FwMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_map_finalize;
}

static void
fw_map_init (FwMap *self)
{
  self->projection = FW_PROJECTION_EQUAL_EARTH;
  self->classify = FW_CLASSIFY_NATURAL_BREAKS;
  self->n_classes = 5;
  self->min_flow = 1;
  self->graticule = TRUE;
  self->highlight = -1;
  self->k = 0;
  self->marks = g_array_new (FALSE, FALSE, sizeof (FwMapMark));
  self->texts = g_array_new (FALSE, FALSE, sizeof (MapText));
  g_array_set_clear_func (self->texts, _fw_map_text_clear);
  self->keys = g_array_new (FALSE, FALSE, sizeof (MapKey));
}

FwMap *
fw_map_new (FwMapKind kind)
{
  FwMap *self;

  g_return_val_if_fail (kind < FW_N_MAP_KINDS, NULL);

  self = g_object_new (FW_TYPE_MAP, NULL);
  self->kind = kind;

  return self;
}

FwMapKind
fw_map_get_kind (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 0);

  return self->kind;
}

static void rebuild_marks (FwMap *self);

void
fw_map_set_kind (FwMap     *self,
                 FwMapKind  kind)
{
  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (kind < FW_N_MAP_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  rebuild_marks (self);
}

const char *
fw_map_kind_get_title (FwMapKind kind)
{
  switch (kind)
    {
    case FW_MAP_HQ:
      return _("Where firms are headquartered");
    case FW_MAP_HOSTS:
      return _("Where firms exhibit: host countries");
    case FW_MAP_FLOWS:
      return _("From headquarters to host country");
    case FW_N_MAP_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_breaks (FwMap *self)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));

  self->n_breaks = 0;
  if (self->counts == NULL || self->kind != FW_MAP_HQ)
    return;

  for (guint i = 0; i < self->marks->len; i++)
    g_array_append_val (values, g_array_index (self->marks, FwMapMark, i).firms);
  self->n_breaks = fw_map_classify ((const guint *) values->data, values->len,
                                    self->classify, self->n_classes, self->breaks);
}

static void
add_mark (FwMap       *self,
          FwFacet      facet,
          FwCountryId  hq,
          FwCountryId  host,
          gboolean     flow,
          guint        firms)
{
  FwMapMark mark = { self->marks->len, facet, hq, host, flow, firms, 0, 0 };

  g_array_append_val (self->marks, mark);
  if (!flow)
    self->mark_of[facet == FW_FACET_HQ_COUNTRY ? hq : host] = mark.index;
  self->max_value = MAX (self->max_value, firms);
}

static void
rebuild_marks (FwMap *self)
{
  FwGeoCounts *counts = self->counts;

  g_array_set_size (self->marks, 0);
  self->max_value = 0;
  self->unmapped = 0;
  self->highlight = -1;
  g_clear_pointer (&self->mark_of, g_free);

  if (counts != NULL)
    {
      _fw_map_ensure_geo (self);
      self->mark_of = g_new (gint, counts->n_ids);
      for (guint i = 0; i < counts->n_ids; i++)
        self->mark_of[i] = -1;

      for (guint c = 1; c < counts->n_ids; c++)
        {
          guint firms = self->kind == FW_MAP_HQ ? counts->hq_firms[c] : counts->host_firms[c];

          if (self->kind == FW_MAP_FLOWS || firms == 0)
            continue;
          if (fw_geo_lookup_country (self->geo, c) < 0)
            self->unmapped += firms;
          else if (self->kind == FW_MAP_HQ)
            add_mark (self, FW_FACET_HQ_COUNTRY, c, FW_COUNTRY_UNKNOWN, FALSE, firms);
          else
            add_mark (self, FW_FACET_HOST_COUNTRY, FW_COUNTRY_UNKNOWN, c, FALSE, firms);
        }

      /* Smallest flows first, so that the largest are drawn on top. */
      for (guint i = counts->flows->len; self->kind == FW_MAP_FLOWS && i-- > 0;)
        {
          const FwFlow *flow = &g_array_index (counts->flows, FwFlow, i);

          if (flow->klass == FW_FLOW_SAME_COUNTRY || flow->firms < self->min_flow)
            continue;
          if (fw_geo_lookup_country (self->geo, flow->hq) < 0 || fw_geo_lookup_country (self->geo, flow->host) < 0)
            continue;
          add_mark (self, FW_FACET_HQ_COUNTRY, flow->hq, flow->host, TRUE, flow->firms);
        }
    }

  update_breaks (self);
  g_free (self->title);
  self->title = g_strdup (fw_map_kind_get_title (self->kind));
  _fw_map_invalidate (self);
}

void
fw_map_update (FwMap      *self,
               FwExplorer *explorer)
{
  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (FW_IS_EXPLORER (explorer));

  g_set_object (&self->explorer, explorer);
  g_clear_pointer (&self->counts, fw_geo_counts_free);
  self->counts = fw_geo_counts_compute (fw_explorer_get_query (explorer));
  rebuild_marks (self);
}

const char *
fw_map_get_title (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), NULL);

  if (self->title == NULL)
    self->title = g_strdup (fw_map_kind_get_title (self->kind));

  return self->title;
}

void
fw_map_set_watermark (FwMap      *self,
                      const char *text)
{
  g_return_if_fail (FW_IS_MAP (self));

  if (g_strcmp0 (self->watermark, text) == 0)
    return;
  g_free (self->watermark);
  self->watermark = g_strdup (text);
  _fw_map_invalidate (self);
}

FwProjection
fw_map_get_projection (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 0);

  return self->projection;
}

void
fw_map_set_projection (FwMap        *self,
                       FwProjection  projection)
{
  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (projection < FW_N_PROJECTIONS);

  if (self->projection == projection)
    return;
  self->projection = projection;
  _fw_map_invalidate (self);
}

FwClassify
fw_map_get_classify (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 0);

  return self->classify;
}

guint
fw_map_get_n_classes (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 0);

  return self->n_classes;
}

void
fw_map_set_classify (FwMap      *self,
                     FwClassify  method,
                     guint       n_classes)
{
  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (method < FW_N_CLASSIFY);

  n_classes = CLAMP (n_classes, FW_MAP_MIN_CLASSES, FW_MAP_MAX_CLASSES);
  if (self->classify == method && self->n_classes == n_classes)
    return;
  self->classify = method;
  self->n_classes = n_classes;
  update_breaks (self);
  _fw_map_invalidate (self);
}

gboolean
fw_map_get_split_confidence (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), FALSE);

  return self->split;
}

void
fw_map_set_split_confidence (FwMap    *self,
                             gboolean  split)
{
  g_return_if_fail (FW_IS_MAP (self));

  if (self->split == !!split)
    return;
  self->split = !!split;
  _fw_map_invalidate (self);
}

guint
fw_map_get_min_flow (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 1);

  return self->min_flow;
}

void
fw_map_set_min_flow (FwMap *self,
                     guint  min_firms)
{
  g_return_if_fail (FW_IS_MAP (self));

  min_firms = MAX (min_firms, 1);
  if (self->min_flow == min_firms)
    return;
  self->min_flow = min_firms;
  if (self->kind == FW_MAP_FLOWS)
    rebuild_marks (self);
}

guint
fw_map_get_max_flow (FwMap *self)
{
  guint max = 1;

  g_return_val_if_fail (FW_IS_MAP (self), 1);

  if (self->counts == NULL)
    return max;
  for (guint i = 0; i < self->counts->flows->len; i++)
    {
      const FwFlow *flow = &g_array_index (self->counts->flows, FwFlow, i);

      if (flow->klass != FW_FLOW_SAME_COUNTRY)
        max = MAX (max, flow->firms);
    }

  return max;
}

gboolean
fw_map_get_graticule (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), FALSE);

  return self->graticule;
}

void
fw_map_set_graticule (FwMap    *self,
                      gboolean  graticule)
{
  g_return_if_fail (FW_IS_MAP (self));

  if (self->graticule == !!graticule)
    return;
  self->graticule = !!graticule;
  self->base_valid = FALSE;
}

void
fw_map_set_raster_cache (FwMap  *self,
                         double  scale)
{
  g_return_if_fail (FW_IS_MAP (self));

  scale = MAX (scale, 0);
  if (self->raster_scale == scale)
    return;
  self->raster_scale = scale;
  self->base_valid = FALSE;
}

void
fw_map_set_interactive (FwMap    *self,
                        gboolean  interactive)
{
  g_return_if_fail (FW_IS_MAP (self));

  self->interactive = !!interactive;
}

static void
clamp_view (FwMap *self)
{
  double w, h;

  if (self->k < self->fit_k)
    {
      fw_map_reset_view (self);
      return;
    }

  /* Keep some of the world in view. */
  w = self->k * (self->projected != NULL ? self->projected->x_max : G_PI);
  h = self->k * (self->projected != NULL ? self->projected->y_max : G_PI / 2);
  self->a = CLAMP (self->a, self->map_x - w + 40, self->map_x + self->map_width + w - 40);
  self->b = CLAMP (self->b, self->map_y - h + 40, self->map_y + self->map_height + h - 40);
  _fw_map_update_positions (self);
}

void
fw_map_zoom_at (FwMap  *self,
                double  factor,
                double  x,
                double  y)
{
  double k;

  g_return_if_fail (FW_IS_MAP (self));

  if (self->fit_k <= 0)
    return;
  k = CLAMP (self->k * factor, self->fit_k, self->fit_k * MAX_ZOOM);
  factor = k / self->k;
  self->a = x - (x - self->a) * factor;
  self->b = y - (y - self->b) * factor;
  self->k = k;
  clamp_view (self);
}

void
fw_map_pan (FwMap  *self,
            double  dx,
            double  dy)
{
  g_return_if_fail (FW_IS_MAP (self));

  self->a += dx;
  self->b += dy;
  clamp_view (self);
}

void
fw_map_reset_view (FwMap *self)
{
  g_return_if_fail (FW_IS_MAP (self));

  self->k = self->fit_k;
  self->a = self->fit_a;
  self->b = self->fit_b;
  if (self->projected != NULL)
    _fw_map_update_positions (self);
}

double
fw_map_get_zoom (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 1);

  return self->fit_k > 0 ? self->k / self->fit_k : 1;
}

void
fw_map_project_point (FwMap  *self,
                      double  lon,
                      double  lat,
                      double *x,
                      double *y)
{
  double ux, uy;

  g_return_if_fail (FW_IS_MAP (self));

  fw_projection_project (self->projection, lon, lat, &ux, &uy);
  *x = self->a + self->k * ux;
  *y = self->b - self->k * uy;
}

gint
fw_map_feature_at (FwMap  *self,
                   double  x,
                   double  y)
{
  g_return_val_if_fail (FW_IS_MAP (self), -1);

  if (self->k <= 0 || x < self->map_x || x > self->map_x + self->map_width ||
      y < self->map_y || y > self->map_y + self->map_height)
    return -1;

  return _fw_map_feature_at_unit (self, (x - self->a) / self->k, (self->b - y) / self->k);
}

const guint *
fw_map_get_breaks (FwMap *self,
                   guint *n_breaks)
{
  g_return_val_if_fail (FW_IS_MAP (self), NULL);

  *n_breaks = self->n_breaks;

  return self->breaks;
}

guint
fw_map_get_n_marks (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), 0);

  return self->marks->len;
}

gboolean
fw_map_get_mark (FwMap     *self,
                 guint      index,
                 FwMapMark *mark)
{
  g_return_val_if_fail (FW_IS_MAP (self), FALSE);

  if (index >= self->marks->len)
    return FALSE;
  if (mark != NULL)
    *mark = g_array_index (self->marks, FwMapMark, index);

  return TRUE;
}
