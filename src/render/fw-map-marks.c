/* fw-map-marks.c: the one hit test, keyboard neighbours, descriptions and activation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "fw-map-private.h"

#define TOP_FAIRS 3

static char *
format_firms (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u firm", "%u firms", n), n);
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
      /* The dots of countries too small to point at. */
      for (guint i = 0; self->kind == FW_MAP_HQ && i < self->marks->len && found < 0; i++)
        {
          FwMapMark *m = &g_array_index (self->marks, FwMapMark, i);

          if (hypot (x - m->x, y - m->y) <= 6 && _fw_map_is_tiny (self, m->hq))
            found = i;
        }
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
  /* The keyboard starts on the largest. */
  if (from < 0 || (guint) from >= self->marks->len)
    {
      for (guint i = 0; i < self->marks->len; i++)
        if (found < 0 || g_array_index (self->marks, FwMapMark, i).firms >
                         g_array_index (self->marks, FwMapMark, found).firms)
          found = i;
      return found;
    }

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

  if (fairs->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Fairs with the most of these firms:"));
    }
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
      g_string_append (text, _("No firms match the current filter"));
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
