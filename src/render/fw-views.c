/* fw-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-views"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fw-views.h"

#define TOP_HQ_COUNTRIES 15
#define TOP_RANKED       20

static const char *view_ids[FW_N_VIEWS] = {
  "confidence",
  "hq-countries",
  "by-year",
  "fairs",
  "hosts",
  "hosts-all",
  "adversary",
  "map-hq",
  "map-hosts",
  "map-flows",
};

/* Views left out here count every kept firm. */
static const FwViewPopulation view_population[FW_N_VIEWS] = {
  [FW_VIEW_BY_YEAR] = FW_VIEW_COUNTS_BASE_FIRMS,
  [FW_VIEW_FAIRS] = FW_VIEW_COUNTS_BASE_FIRMS,
  [FW_VIEW_HOSTS] = FW_VIEW_COUNTS_BASE_FIRMS,
  [FW_VIEW_ADVERSARY] = FW_VIEW_COUNTS_BASE_FIRMS,
};

FwViewPopulation
fw_view_get_population (FwView view)
{
  g_return_val_if_fail (view < FW_N_VIEWS, FW_VIEW_COUNTS_FIRMS);

  return view_population[view];
}

guint
fw_view_count_firms (FwView      view,
                     FwExplorer *explorer)
{
  g_return_val_if_fail (view < FW_N_VIEWS, 0);
  g_return_val_if_fail (FW_IS_EXPLORER (explorer), 0);

  if (view_population[view] == FW_VIEW_COUNTS_BASE_FIRMS)
    return fw_explorer_get_findings (explorer)->base_firms;

  return fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS);
}

const char *
fw_view_get_id (FwView view)
{
  g_return_val_if_fail (view < FW_N_VIEWS, NULL);

  return view_ids[view];
}

gboolean
fw_view_from_id (const char *id,
                 FwView     *view)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < FW_N_VIEWS; i++)
    {
      if (g_str_equal (id, view_ids[i]))
        {
          if (view != NULL)
            *view = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fw_view_get_title (FwView view)
{
  switch (view)
    {
    case FW_VIEW_CONFIDENCE:
      return _("Firms by confidence level");
    case FW_VIEW_HQ_COUNTRIES:
      return _("Firms by headquarters country");
    case FW_VIEW_BY_YEAR:
      return _("Where high/medium-confidence firms exhibited, by year");
    case FW_VIEW_FAIRS:
      return _("Fairs by high/medium-confidence firms");
    case FW_VIEW_HOSTS:
      return _("Host countries by high/medium-confidence firms");
    case FW_VIEW_HOSTS_ALL:
      return _("Host countries by firms of any confidence");
    case FW_VIEW_ADVERSARY:
      return _("High/medium-confidence firms at fairs in adversary countries");
    case FW_VIEW_MAP_HQ:
    case FW_VIEW_MAP_HOSTS:
    case FW_VIEW_MAP_FLOWS:
      return fw_map_kind_get_title (view - FW_VIEW_MAP_HQ);
    case FW_N_VIEWS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_firms (double   value,
              gpointer user_data)
{
  gulong n = (gulong) round (value);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu firm", "%lu firms", n), n);
}

static FwChart *
new_chart (FwView       view,
           FwChartKind  kind,
           FwExplorer  *explorer,
           const char  *empty_text)
{
  FwChart *chart = fw_chart_new (kind);

  fw_chart_set_title (chart, fw_view_get_title (view));
  fw_chart_set_value_label (chart, _("firms"));
  fw_chart_set_value_format_func (chart, format_firms, NULL, NULL);
  fw_chart_set_empty_text (chart, empty_text);
  if (fw_dataset_get_fictional (fw_explorer_get_dataset (explorer)))
    fw_chart_set_watermark (chart, _("Fictional firms: demonstration data"));

  return chart;
}

static guint
add_facet_category (FwChart    *chart,
                    FwDataset  *dataset,
                    FwFacet     facet,
                    guint       value,
                    const char *full_label)
{
  g_autofree char *label = fw_facet_value_label (facet, value, dataset);

  return fw_chart_add_category (chart, label, full_label, facet, value);
}

static FwChart *
build_confidence (FwExplorer *explorer)
{
  static const FwConfidence order[] = {
    FW_CONFIDENCE_HIGH, FW_CONFIDENCE_MEDIUM, FW_CONFIDENCE_LOW, FW_CONFIDENCE_UNKNOWN,
  };
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwFindings *findings = fw_explorer_get_findings (explorer);
  FwChart *chart = new_chart (FW_VIEW_CONFIDENCE, FW_CHART_BARS, explorer,
                              _("No firms match the current filter"));
  g_autofree char *subtitle = NULL;
  guint series = fw_chart_add_series (chart, _("Firms"), 0);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint c = add_facet_category (chart, dataset, FW_FACET_CONFIDENCE, order[i], NULL);

      fw_chart_set_value (chart, c, series, findings->confidence[order[i]]);
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Of %u firm, %u is high-confidence and %u high or medium",
                                           "Of %u firms, %u are high-confidence and %u high or medium",
                                           findings->n_firms),
                              findings->n_firms,
                              findings->confidence[FW_CONFIDENCE_HIGH],
                              findings->base_firms);
  fw_chart_set_subtitle (chart, subtitle);

  return chart;
}

static FwChart *
build_hq_countries (FwExplorer *explorer)
{
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwFindings *findings = fw_explorer_get_findings (explorer);
  FwChart *chart = new_chart (FW_VIEW_HQ_COUNTRIES, FW_CHART_BARS, explorer,
                              _("No firms match the current filter"));
  GArray *entries = findings->hq_countries;
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint series = fw_chart_add_series (chart, _("Firms"), 0);
  guint n_others = 0, other_firms = 0;
  gint unknown = -1;

  for (guint i = 0; i < entries->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);

      if (i < TOP_HQ_COUNTRIES)
        {
          guint c = add_facet_category (chart, dataset, FW_FACET_HQ_COUNTRY, entry->key, NULL);

          fw_chart_set_value (chart, c, series, entry->firms);
        }
      else if (entry->key == FW_COUNTRY_UNKNOWN)
        unknown = i;
      else
        {
          if (n_others < 10)
            {
              if (n_others > 0)
                g_string_append (others, _(", "));
              g_string_append (others, fw_countries_get_name (countries, entry->key));
            }
          else if (n_others == 10)
            g_string_append (others, "…");
          n_others++;
          other_firms += entry->firms;
        }
    }

  if (n_others > 0)
    {
      g_autofree char *label = NULL;
      g_autofree char *full_label = NULL;
      guint c;

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Other country (%u)", "Other countries (%u)",
                                            n_others),
                               n_others);
      /* Translators: "Other countries (18): Austria, Belgium, …" */
      full_label = g_strdup_printf (_("%s: %s"), label, others->str);
      c = fw_chart_add_category (chart, label, full_label, FW_CHART_NO_TARGET, 0);
      fw_chart_set_category_color (chart, c, FW_CHART_COLOR_NEUTRAL);
      fw_chart_set_value (chart, c, series, other_firms);
    }

  /* Unknown is never folded into "other". */
  if (unknown >= 0)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, unknown);
      guint c = add_facet_category (chart, dataset, FW_FACET_HQ_COUNTRY, entry->key, NULL);

      fw_chart_set_value (chart, c, series, entry->firms);
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u firm, headquartered in %u countries",
                                           "%u firms, headquartered in %u countries",
                                           findings->n_firms),
                              findings->n_firms, findings->n_hq_countries);
  fw_chart_set_subtitle (chart, subtitle);

  return chart;
}

static double
percent (guint count,
         guint total)
{
  return total > 0 ? 100.0 * count / total : 0;
}

static FwChart *
build_by_year (FwExplorer *explorer)
{
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwFindings *findings = fw_explorer_get_findings (explorer);
  FwChart *chart = new_chart (FW_VIEW_BY_YEAR, FW_CHART_COLUMNS, explorer,
                              _("No high/medium-confidence firms match the current filter"));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint outside, continent, country, unknown = G_MAXUINT;
  gboolean any_unknown = FALSE;

  /* The finding is "more go abroad": that series sits on the baseline,
   * where its height is easiest to compare across years. */
  outside = fw_chart_add_series (chart, _("outside home continent"), 5);
  continent = fw_chart_add_series (chart, _("home continent"), 4);
  country = fw_chart_add_series (chart, _("home country only"), 0);
  for (guint i = 0; i < findings->by_year->len; i++)
    any_unknown |= g_array_index (findings->by_year, FwYearClasses, i).unknown > 0;
  if (any_unknown)
    unknown = fw_chart_add_series (chart, _("host or headquarters unknown"), FW_CHART_COLOR_NEUTRAL);

  for (guint i = 0; i < findings->by_year->len; i++)
    {
      const FwYearClasses *classes = &g_array_index (findings->by_year, FwYearClasses, i);
      guint c = add_facet_category (chart, dataset, FW_FACET_YEAR, classes->year, NULL);

      fw_chart_set_value (chart, c, outside, classes->outside_continent);
      fw_chart_set_value (chart, c, continent, classes->home_continent);
      fw_chart_set_value (chart, c, country, classes->home_country);
      if (unknown != G_MAXUINT)
        fw_chart_set_value (chart, c, unknown, classes->unknown);
    }

  if (findings->base_firms > 0)
    {
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u firm (%.1f %%) exhibited outside its home country",
                                           "%u of %u firms (%.1f %%) exhibited outside their home country",
                                           findings->base_firms),
                              findings->outside_home_country, findings->base_firms,
                              percent (findings->outside_home_country, findings->base_firms));
      g_string_append_printf (subtitle, _("; %u (%.1f %%) outside their home continent"),
                              findings->outside_home_continent,
                              percent (findings->outside_home_continent, findings->base_firms));
      if (findings->five_eyes_only > 0)
        g_string_append_printf (subtitle,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "; %u Five-Eyes-only firm excluded",
                                             "; %u Five-Eyes-only firms excluded",
                                             findings->five_eyes_only),
                                findings->five_eyes_only);
      if (findings->base_unknown_hq > 0)
        g_string_append_printf (subtitle,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "; %u firm with unknown headquarters counted in neither",
                                             "; %u firms with unknown headquarters counted in neither",
                                             findings->base_unknown_hq),
                                findings->base_unknown_hq);
      fw_chart_set_subtitle (chart, subtitle->str);
    }

  return chart;
}

static FwChart *
build_ranking (FwView      view,
               FwExplorer *explorer,
               GArray     *entries,
               FwFacet     facet,
               const char *empty_text)
{
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwChart *chart = new_chart (view, FW_CHART_BARS, explorer, empty_text);
  guint series = fw_chart_add_series (chart, _("Firms"), 0);
  g_autofree char *subtitle = NULL;
  guint n = MIN (entries->len, TOP_RANKED);

  for (guint i = 0; i < n; i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);
      g_autofree char *full_label = NULL;
      guint c;

      if (facet == FW_FACET_FAIR)
        {
          FwFairValues fair;
          const char *host = fw_countries_get_name (countries, fw_dataset_get_fair_host (dataset, entry->key));
          g_autofree char *name = fw_facet_value_label (facet, entry->key, dataset);

          fw_dataset_get_fair (dataset, entry->key, &fair);
          if (fair.city != NULL && fair.city[0] != '\0')
            /* Translators: a fair, its city and host country: "Milipol France (Paris, France)" */
            full_label = g_strdup_printf (_("%s (%s, %s)"), name, fair.city, host);
          else
            /* Translators: a fair and its host country: "Milipol France (France)" */
            full_label = g_strdup_printf (_("%s (%s)"), name, host);
        }

      c = add_facet_category (chart, dataset, facet, entry->key, full_label);
      fw_chart_set_value (chart, c, series, entry->firms);
    }

  /* "Top 18 of 18" says nothing: the count is given only when rows are
   * left out. */
  switch (view)
    {
    case FW_VIEW_FAIRS:
      if (n == entries->len)
        subtitle = g_strdup (_("Distinct high/medium-confidence firms that exhibited at each fair in any year"));
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Distinct high/medium-confidence firms that exhibited at each fair in any year; top %u of %u fair",
                                                 "Distinct high/medium-confidence firms that exhibited at each fair in any year; top %u of %u fairs",
                                                 entries->len),
                                    n, entries->len);
      break;
    case FW_VIEW_HOSTS:
      if (n == entries->len)
        subtitle = g_strdup (_("Distinct high/medium-confidence firms that exhibited in each country in any year"));
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Distinct high/medium-confidence firms that exhibited in each country in any year; top %u of %u country",
                                                 "Distinct high/medium-confidence firms that exhibited in each country in any year; top %u of %u countries",
                                                 entries->len),
                                    n, entries->len);
      break;
    case FW_VIEW_HOSTS_ALL:
      if (n == entries->len)
        subtitle = g_strdup (_("Distinct firms of every confidence level that exhibited in each country in any year"));
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Distinct firms of every confidence level that exhibited in each country in any year; top %u of %u country",
                                                 "Distinct firms of every confidence level that exhibited in each country in any year; top %u of %u countries",
                                                 entries->len),
                                    n, entries->len);
      break;
    case FW_VIEW_CONFIDENCE:
    case FW_VIEW_HQ_COUNTRIES:
    case FW_VIEW_BY_YEAR:
    case FW_VIEW_ADVERSARY:
    case FW_VIEW_MAP_HQ:
    case FW_VIEW_MAP_HOSTS:
    case FW_VIEW_MAP_FLOWS:
    case FW_N_VIEWS:
    default:
      g_assert_not_reached ();
    }
  if (entries->len > 0)
    fw_chart_set_subtitle (chart, subtitle);

  return chart;
}

static int
compare_by_name_rank (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const guint16 *rank = user_data;
  FwCountryId ca = *(const FwCountryId *) a;
  FwCountryId cb = *(const FwCountryId *) b;

  return (int) rank[ca] - (int) rank[cb];
}

static char *
join_countries (FwCountries *countries,
                GArray      *ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        /* Translators: joins country names, e.g. "Russia or China" */
        g_string_append (out, i + 1 == ids->len ? _(" or ") : _(", "));
      g_string_append (out, fw_countries_get_name (countries, g_array_index (ids, FwCountryId, i)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static FwChart *
build_adversary (FwExplorer *explorer)
{
  /* Vermillion first: the adversary view is about a warning sign. */
  static const guint colors[] = { 5, 0, 2, 3, 1, 4, 6 };
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwFindings *findings = fw_explorer_get_findings (explorer);
  GPtrArray *firms = findings->adversary_firms;
  FwChart *chart = new_chart (FW_VIEW_ADVERSARY, FW_CHART_TIMELINE, explorer,
                              _("No high/medium-confidence firms exhibited in an adversary country under the current filter"));
  g_autoptr(GArray) adversaries = fw_countries_get_adversaries (countries);
  g_autoptr(GArray) hosts = g_array_new (FALSE, FALSE, sizeof (FwCountryId));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree guint *series_of = g_new0 (guint, fw_countries_get_n_ids (countries));
  g_autofree char *where = NULL;
  guint min_year = G_MAXUINT, max_year = 0, unknown_years = 0;

  /* One series per adversary host that occurs, by name. */
  for (guint i = 0; i < firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (firms, i);

      for (guint j = 0; j < firm->hosts->len; j++)
        {
          FwCountryId host = g_array_index (firm->hosts, FwCountryId, j);
          gboolean seen = FALSE;

          for (guint k = 0; k < hosts->len && !seen; k++)
            seen = g_array_index (hosts, FwCountryId, k) == host;
          if (!seen)
            g_array_append_val (hosts, host);
        }
    }
  g_array_sort_with_data (hosts, compare_by_name_rank, (gpointer) fw_countries_get_name_rank (countries));
  for (guint k = 0; k < hosts->len; k++)
    {
      FwCountryId host = g_array_index (hosts, FwCountryId, k);

      series_of[host] = fw_chart_add_series (chart, fw_countries_get_name (countries, host),
                                             colors[k % G_N_ELEMENTS (colors)]);
      fw_chart_set_series_target (chart, series_of[host], FW_FACET_HOST_COUNTRY, host);
    }

  /* A timeline of thousands of rows reads as noise: the first rows by
   * name are drawn and the subtitle says how many are not. */
  for (guint i = 0; i < firms->len && i < FW_VIEW_MAX_TIMELINE_ROWS; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (firms, i);
      FwCountryId hq = fw_dataset_get_firm_hq (dataset, firm->firm);
      g_autofree char *full_label = NULL;
      guint c;

      /* Translators: a firm and its headquarters country: "Cellebrite (Israel)" */
      full_label = g_strdup_printf (_("%s (%s)"), fw_dataset_get_firm_name (dataset, firm->firm),
                                    fw_countries_get_name (countries, hq));
      c = fw_chart_add_category (chart, fw_dataset_get_firm_name (dataset, firm->firm),
                                 full_label, FW_FACET_HQ_COUNTRY, hq);
      fw_chart_set_category_firm (chart, c, firm->firm);

      for (guint j = 0; j < firm->visits->len; j++)
        {
          const FwAdversaryVisit *visit = &g_array_index (firm->visits, FwAdversaryVisit, j);

          fw_chart_add_point (chart, c, visit->year, series_of[visit->host]);
        }
      unknown_years += firm->unknown_years;
    }

  /* The axis spans the years the filtered data covers, so that a firm's
   * dots read against the whole period. */
  for (guint i = 0; i < findings->by_year->len; i++)
    {
      guint16 year = g_array_index (findings->by_year, FwYearClasses, i).year;

      if (year != FW_YEAR_UNKNOWN)
        {
          min_year = MIN (min_year, year);
          max_year = MAX (max_year, year);
        }
    }
  if (min_year <= max_year)
    fw_chart_set_x_range (chart, min_year, max_year);

  where = join_countries (countries, adversaries);
  if (firms->len > 0)
    {
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u firm not headquartered in %s exhibited at fairs there; dots are coloured by host country",
                                           "%u firms not headquartered in %s exhibited at fairs there; dots are coloured by host country",
                                           firms->len),
                              firms->len, where);
      if (unknown_years > 0)
        g_string_append_printf (subtitle,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "; %u firm also has exhibitions of unknown year, not shown",
                                             "; %u firms also have exhibitions of unknown year, not shown",
                                             unknown_years),
                                unknown_years);
    }
  if (firms->len > FW_VIEW_MAX_TIMELINE_ROWS)
    g_string_append_printf (subtitle,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "; the first %u by name are drawn",
                                         "; the first %u by name are drawn",
                                         FW_VIEW_MAX_TIMELINE_ROWS),
                            FW_VIEW_MAX_TIMELINE_ROWS);
  if (findings->adversary_unknown_hq > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "; ");
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u firm with unknown headquarters also exhibited there",
                                           "%u firms with unknown headquarters also exhibited there",
                                           findings->adversary_unknown_hq),
                              findings->adversary_unknown_hq);
    }
  if (subtitle->len > 0)
    fw_chart_set_subtitle (chart, subtitle->str);

  return chart;
}

FwChart *
fw_view_build (FwView      view,
               FwExplorer *explorer)
{
  FwFindings *findings;

  g_return_val_if_fail (view < FW_N_CHART_VIEWS, NULL);
  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);

  findings = fw_explorer_get_findings (explorer);

  switch (view)
    {
    case FW_VIEW_CONFIDENCE:
      return build_confidence (explorer);
    case FW_VIEW_HQ_COUNTRIES:
      return build_hq_countries (explorer);
    case FW_VIEW_BY_YEAR:
      return build_by_year (explorer);
    case FW_VIEW_FAIRS:
      return build_ranking (view, explorer, findings->fairs, FW_FACET_FAIR,
                            _("No high/medium-confidence firms match the current filter"));
    case FW_VIEW_HOSTS:
      return build_ranking (view, explorer, findings->host_countries, FW_FACET_HOST_COUNTRY,
                            _("No high/medium-confidence firms match the current filter"));
    case FW_VIEW_HOSTS_ALL:
      return build_ranking (view, explorer, findings->host_countries_all, FW_FACET_HOST_COUNTRY,
                            _("No firms match the current filter"));
    case FW_VIEW_ADVERSARY:
      return build_adversary (explorer);
    case FW_VIEW_MAP_HQ:
    case FW_VIEW_MAP_HOSTS:
    case FW_VIEW_MAP_FLOWS:
    case FW_N_VIEWS:
    default:
      g_return_val_if_reached (NULL);
    }
}

FwFigure *
fw_view_build_figure (FwView      view,
                      FwExplorer *explorer)
{
  FwMap *map;

  g_return_val_if_fail (view < FW_N_VIEWS, NULL);
  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);

  if (!FW_VIEW_IS_MAP (view))
    return FW_FIGURE (fw_view_build (view, explorer));

  map = fw_map_new (view - FW_VIEW_MAP_HQ);
  fw_map_update (map, explorer);
  if (fw_dataset_get_fictional (fw_explorer_get_dataset (explorer)))
    fw_map_set_watermark (map, _("Fictional firms: demonstration data"));

  return FW_FIGURE (map);
}
