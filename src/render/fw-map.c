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
#define TOP_FAIRS 3

static void fw_map_figure_init (FwFigureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FwMap, fw_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FW_TYPE_FIGURE, fw_map_figure_init))

static void
fw_map_finalize (GObject *object)
{
  FwMap *self = (FwMap *)object;

  _fw_map_paths_clear (self);
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
  self->geo = g_object_ref (fw_geo_get_default ());
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

static char *
format_firms (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u firm", "%u firms", n), n);
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

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Fisher–Jenks on sorted values: the partition into @k classes with the
 * least sum of squared deviations, by dynamic programming. */
static guint
natural_breaks (const guint *v,
                guint        n,
                guint        k,
                guint       *breaks)
{
  g_autofree double *cost = g_new (double, (gsize) (n + 1) * (k + 1));
  g_autofree guint *cut = g_new0 (guint, (gsize) (n + 1) * (k + 1));
  g_autofree double *sum = g_new0 (double, n + 1);
  g_autofree double *sum2 = g_new0 (double, n + 1);
  guint end = n, out = k;

  for (guint i = 0; i < n; i++)
    {
      sum[i + 1] = sum[i] + v[i];
      sum2[i + 1] = sum2[i] + (double) v[i] * v[i];
    }
  for (guint i = 0; i <= n; i++)
    for (guint j = 0; j <= k; j++)
      cost[i * (k + 1) + j] = G_MAXDOUBLE;
  cost[0] = 0;

  for (guint j = 1; j <= k; j++)
    for (guint i = j; i <= n; i++)
      for (guint s = j - 1; s < i; s++)
        {
          double prev = cost[s * (k + 1) + j - 1];
          double m = i - s, d, c;

          if (prev == G_MAXDOUBLE)
            continue;
          d = sum[i] - sum[s];
          c = prev + (sum2[i] - sum2[s]) - d * d / m;
          if (c < cost[i * (k + 1) + j])
            {
              cost[i * (k + 1) + j] = c;
              cut[i * (k + 1) + j] = s;
            }
        }

  /* Upper bounds, walking back from the last class. */
  while (out > 0)
    {
      breaks[out - 1] = v[end - 1];
      end = cut[end * (k + 1) + out];
      out--;
    }

  return k;
}

guint
fw_map_classify (const guint *values,
                 guint        n_values,
                 FwClassify   method,
                 guint        n_classes,
                 guint       *breaks)
{
  g_autofree guint *v = NULL;
  guint raw[FW_MAP_MAX_CLASSES];
  guint n_raw = 0, n_distinct = 0, n = 0;

  g_return_val_if_fail (n_classes >= 1 && n_classes <= FW_MAP_MAX_CLASSES, 0);

  if (n_values == 0)
    return 0;

  v = g_memdup2 (values, n_values * sizeof (guint));
  qsort (v, n_values, sizeof (guint), compare_values);
  for (guint i = 0; i < n_values; i++)
    n_distinct += i == 0 || v[i] != v[i - 1];
  n_classes = MIN (n_classes, n_distinct);

  switch (method)
    {
    case FW_CLASSIFY_QUANTILE:
      for (guint i = 1; i <= n_classes; i++)
        raw[n_raw++] = v[MAX ((guint) ceil ((double) i * n_values / n_classes), 1) - 1];
      break;
    case FW_CLASSIFY_EQUAL_INTERVAL:
      for (guint i = 1; i <= n_classes; i++)
        raw[n_raw++] = (guint) floor (v[0] - 1 + (double) (v[n_values - 1] - v[0] + 1) * i / n_classes);
      break;
    case FW_CLASSIFY_NATURAL_BREAKS:
    case FW_N_CLASSIFY:
    default:
      n_raw = natural_breaks (v, n_values, n_classes, raw);
      break;
    }

  /* Integer counts: bounds that repeat or fall below the smallest value
   * would make empty classes. */
  for (guint i = 0; i < n_raw; i++)
    if (raw[i] >= v[0] && (n == 0 || raw[i] > breaks[n - 1]))
      breaks[n++] = raw[i];
  if (n == 0 || breaks[n - 1] != v[n_values - 1])
    {
      if (n == n_classes)
        n--;
      breaks[n++] = v[n_values - 1];
    }

  return n;
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

  self->graticule = !!graticule;
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

static double
distance_to_curve (const double p[6],
                   double       x1,
                   double       y1,
                   double       x,
                   double       y)
{
  double best = G_MAXDOUBLE, px = p[0], py = p[1];

  for (guint i = 1; i <= 24; i++)
    {
      double t = i / 24.0, u = 1 - t;
      double qx = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * x1;
      double qy = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * y1;
      double dx = qx - px, dy = qy - py, len2 = dx * dx + dy * dy;
      double s = len2 > 0 ? CLAMP (((x - px) * dx + (y - py) * dy) / len2, 0, 1) : 0;
      double ex = px + s * dx - x, ey = py + s * dy - y;

      best = MIN (best, sqrt (ex * ex + ey * ey));
      px = qx;
      py = qy;
    }

  return best;
}

gboolean
fw_map_hit_test (FwMap     *self,
                 double     x,
                 double     y,
                 FwMapMark *mark)
{
  gint found = -1;

  g_return_val_if_fail (FW_IS_MAP (self), FALSE);

  if (!self->valid || x < self->map_x || x > self->map_x + self->map_width ||
      y < self->map_y || y > self->map_y + self->map_height)
    return FALSE;

  if (self->kind == FW_MAP_FLOWS)
    {
      /* The last drawn (largest) is on top. */
      for (guint i = self->marks->len; i-- > 0 && found < 0;)
        {
          FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);
          double p[6], x1, y1;

          _fw_map_flow_curve (self, m, p);
          _fw_map_anchor (self, m->host, &x1, &y1);
          if (distance_to_curve (p, x1, y1, x, y) <= MAX (_fw_map_flow_width (self, m->firms) / 2, 4))
            found = i;
        }
    }
  else
    {
      if (self->kind == FW_MAP_HOSTS)
        {
          double best = G_MAXDOUBLE;

          /* Small circles are drawn over large ones. */
          for (guint i = 0; i < self->marks->len; i++)
            {
              FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);
              double r = _fw_map_symbol_radius (self, m->firms);
              double d = hypot (x - m->x, y - m->y);

              if (d <= MAX (r, 6) && r < best)
                {
                  best = r;
                  found = i;
                }
            }
        }
      if (found < 0)
        {
          gint f = fw_map_feature_at (self, x, y);
          FwCountryId country = f >= 0 ? fw_geo_get_feature (self->geo, f)->country : FW_COUNTRY_UNKNOWN;

          if (country != FW_COUNTRY_UNKNOWN && self->mark_of != NULL)
            found = self->mark_of[country];
        }
    }

  if (found < 0)
    return FALSE;
  if (mark != NULL)
    *mark = g_array_index (self->marks, FwMapMark, found);

  return TRUE;
}

gint
fw_map_get_neighbour (FwMap  *self,
                      gint    from,
                      double  dx,
                      double  dy)
{
  const FwMapMark *start;
  double best = G_MAXDOUBLE;
  gint found = -1;

  g_return_val_if_fail (FW_IS_MAP (self), -1);

  if (self->marks->len == 0)
    return -1;
  if (from < 0 || (guint) from >= self->marks->len)
    return 0;

  start = &g_array_index (self->marks, FwMapMark, from);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);
      double ex = m->x - start->x, ey = m->y - start->y;
      double along = ex * dx + ey * dy, across = fabs (ex * dy - ey * dx);
      double score;

      /* Within 60° of the direction, nearest first, straight ahead preferred. */
      if ((gint) i == from || along <= 0 || across > along * 1.8)
        continue;
      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          found = i;
        }
    }

  return found;
}

static void
append_top_fairs (FwMap   *self,
                  GString *text,
                  guint    hq,
                  guint    host)
{
  FwQuery *query = fw_explorer_get_query (self->explorer);
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  g_autoptr(GArray) fairs = fw_geo_counts_top_fairs (query, hq, host, TOP_FAIRS);

  for (guint i = 0; i < fairs->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (fairs, FwRankEntry, i);
      g_autofree char *name = fw_facet_value_label (FW_FACET_FAIR, entry->key, dataset);

      g_string_append_c (text, '\n');
      /* Translators: a fair and how many firms exhibited there: "Milipol France: 30" */
      g_string_append_printf (text, _("%s: %u"), name, entry->firms);
    }
}

char *
fw_map_describe_mark (FwMap *self,
                      guint  index)
{
  FwCountries *countries;
  const FwMapMark *mark;
  g_autofree char *firms = NULL;
  GString *text;

  g_return_val_if_fail (FW_IS_MAP (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  countries = fw_dataset_get_countries (fw_explorer_get_dataset (self->explorer));
  mark = &g_array_index (self->marks, FwMapMark, index);
  firms = format_firms (mark->firms);
  text = g_string_new (NULL);

  if (mark->flow)
    /* Translators: firms headquartered in one country that exhibited in another: "Israel → France: 12 firms" */
    g_string_append_printf (text, _("%s → %s: %s"), fw_countries_get_name (countries, mark->hq),
                            fw_countries_get_name (countries, mark->host), firms);
  else if (mark->facet == FW_FACET_HQ_COUNTRY)
    /* Translators: a country and its firms: "France: 52 firms headquartered" */
    g_string_append_printf (text, _("%s: %s headquartered"), fw_countries_get_name (countries, mark->hq), firms);
  else
    {
      /* Translators: a country and its firms: "France: 80 firms exhibited" */
      g_string_append_printf (text, _("%s: %s exhibited"), fw_countries_get_name (countries, mark->host), firms);
      for (guint c = FW_CONFIDENCE_HIGH; c < FW_N_CONFIDENCE + 1 && self->split; c++)
        {
          FwConfidence confidence = c == FW_N_CONFIDENCE ? FW_CONFIDENCE_UNKNOWN : c;
          guint n = self->counts->host_confidence[mark->host * FW_N_CONFIDENCE + confidence];

          if (n > 0)
            /* Translators: a confidence level and its firms: "high: 12" */
            g_string_append_printf (text, _("; %s: %u"), fw_confidence_to_label (confidence), n);
        }
    }

  append_top_fairs (self, text,
                    mark->flow || mark->facet == FW_FACET_HQ_COUNTRY ? mark->hq : FW_GEO_ANY_COUNTRY,
                    mark->flow || mark->facet == FW_FACET_HOST_COUNTRY ? mark->host : FW_GEO_ANY_COUNTRY);

  return g_string_free (text, FALSE);
}

char *
fw_map_describe (FwMap *self)
{
  FwCountries *countries;
  GString *text;
  const FwMapMark *top = NULL;

  g_return_val_if_fail (FW_IS_MAP (self), NULL);

  text = g_string_new (fw_map_get_title (self));
  g_string_append (text, ". ");
  if (self->explorer == NULL || self->marks->len == 0)
    {
      g_string_append (text, _("No firms match the current filter."));
      return g_string_free (text, FALSE);
    }

  countries = fw_dataset_get_countries (fw_explorer_get_dataset (self->explorer));
  for (guint i = 0; i < self->marks->len; i++)
    {
      const FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);

      if (top == NULL || m->firms > top->firms)
        top = m;
    }

  switch (self->kind)
    {
    case FW_MAP_HQ:
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u country shaded by its number of firms; the most in %s (%u).",
                                           "%u countries shaded by their number of firms; the most in %s (%u).",
                                           self->marks->len),
                              self->marks->len, fw_countries_get_name (countries, top->hq), top->firms);
      break;
    case FW_MAP_HOSTS:
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "A circle for %u host country, sized by its distinct firms; the largest %s (%u).",
                                           "Circles for %u host countries, sized by their distinct firms; the largest %s (%u).",
                                           self->marks->len),
                              self->marks->len, fw_countries_get_name (countries, top->host), top->firms);
      break;
    case FW_MAP_FLOWS:
    case FW_N_MAP_KINDS:
    default:
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u flow from headquarters to a host country abroad; the largest %s to %s (%u).",
                                           "%u flows from headquarters to host countries abroad; the largest %s to %s (%u).",
                                           self->marks->len),
                              self->marks->len, fw_countries_get_name (countries, top->hq),
                              fw_countries_get_name (countries, top->host), top->firms);
      break;
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("Arrow keys move between countries, Enter filters."));

  return g_string_free (text, FALSE);
}

void
fw_map_set_highlight (FwMap *self,
                      gint   index)
{
  g_return_if_fail (FW_IS_MAP (self));

  self->highlight = index >= 0 && (guint) index < self->marks->len ? index : -1;
}

gint
fw_map_get_highlight (FwMap *self)
{
  g_return_val_if_fail (FW_IS_MAP (self), -1);

  return self->highlight;
}

void
fw_map_activate_mark (FwMap      *self,
                      guint       index,
                      FwExplorer *explorer)
{
  const FwMapMark *mark;
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_MAP (self));
  g_return_if_fail (FW_IS_EXPLORER (explorer));

  if (index >= self->marks->len)
    return;
  mark = &g_array_index (self->marks, FwMapMark, index);
  if (!mark->flow)
    {
      fw_explorer_toggle_value (explorer, mark->facet,
                                mark->facet == FW_FACET_HQ_COUNTRY ? mark->hq : mark->host);
      return;
    }

  /* A flow is one step in the history: both values at once. */
  filter = fw_filter_copy (fw_explorer_get_filter (explorer));
  if (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, mark->hq) &&
      fw_filter_has_value (filter, FW_FACET_HOST_COUNTRY, mark->host))
    {
      fw_filter_remove_value (filter, FW_FACET_HQ_COUNTRY, mark->hq);
      fw_filter_remove_value (filter, FW_FACET_HOST_COUNTRY, mark->host);
    }
  else
    {
      fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, mark->hq);
      fw_filter_add_value (filter, FW_FACET_HOST_COUNTRY, mark->host);
    }
  fw_explorer_set_filter (explorer, filter);
}
