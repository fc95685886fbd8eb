/* fw-geo-counts.c: one pass over the kept firms for the three maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-geo"

#include "config.h"

#include "fw-geo-counts.h"

static FwFlowClass
classify (FwCountryId   hq,
          FwCountryId   host,
          const guint8 *continent,
          const guint8 *adversary)
{
  if (hq == host)
    return FW_FLOW_SAME_COUNTRY;
  if (adversary[host] && !adversary[hq])
    return FW_FLOW_ADVERSARY;
  if (continent[hq] != FW_CONTINENT_UNKNOWN && continent[hq] == continent[host])
    return FW_FLOW_SAME_CONTINENT;

  return FW_FLOW_OTHER_CONTINENT;
}

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const FwFlow *fa = a, *fb = b;

  if (fa->firms != fb->firms)
    return fa->firms < fb->firms ? 1 : -1;
  if (fa->hq != fb->hq)
    return (int) fa->hq - (int) fb->hq;

  return (int) fa->host - (int) fb->host;
}

FwGeoCounts *
fw_geo_counts_compute (FwQuery *query)
{
  FwDataset *dataset;
  FwCountries *countries;
  FwColumns c;
  const guint8 *firm_mask, *exhibition_mask, *continent, *adversary;
  const guint32 *by_firm, *firm_start;
  g_autofree guint32 *stamps = NULL;
  g_autofree guint32 *matrix = NULL;
  FwGeoCounts *counts;
  guint n;

  g_return_val_if_fail (FW_IS_QUERY (query), NULL);

  fw_query_ensure_current (query);
  dataset = fw_query_get_dataset (query);
  countries = fw_dataset_get_countries (dataset);
  fw_dataset_get_columns (dataset, &c);
  firm_mask = fw_query_get_firm_mask (query);
  exhibition_mask = fw_query_get_exhibition_mask (query);
  by_firm = fw_query_get_exhibitions_by_firm (query, &firm_start);
  continent = fw_countries_get_continent_array (countries);
  adversary = fw_countries_get_adversary_array (countries);
  n = fw_countries_get_n_ids (countries);

  counts = g_new0 (FwGeoCounts, 1);
  counts->n_ids = n;
  counts->hq_firms = g_new0 (guint, n);
  counts->host_firms = g_new0 (guint, n);
  counts->host_confidence = g_new0 (guint, n * FW_N_CONFIDENCE);
  counts->hq_in_dataset = g_new0 (guint8, n);
  counts->host_in_dataset = g_new0 (guint8, n);
  counts->flows = g_array_new (FALSE, FALSE, sizeof (FwFlow));
  stamps = g_new0 (guint32, n);
  matrix = g_new0 (guint32, (gsize) n * n);

  for (guint i = 0; i < c.n_fairs; i++)
    counts->host_in_dataset[c.fair_host[i]] = 1;

  for (guint f = 0; f < c.n_firms; f++)
    {
      FwCountryId hq = c.firm_hq[f];
      guint confidence = c.firm_confidence[f];
      guint32 stamp = f + 1;
      gboolean unknown_host = FALSE;

      counts->hq_in_dataset[hq] = 1;
      if (!firm_mask[f])
        continue;

      counts->n_firms++;
      counts->hq_firms[hq]++;
      counts->unknown_hq += hq == FW_COUNTRY_UNKNOWN;

      for (guint i = firm_start[f]; i < firm_start[f + 1]; i++)
        {
          guint e = by_firm[i];
          FwCountryId host;

          if (!exhibition_mask[e])
            continue;

          host = c.fair_host[c.exhibition_fair[e]];
          if (stamps[host] == stamp)
            continue;
          stamps[host] = stamp;

          counts->host_firms[host]++;
          counts->host_confidence[host * FW_N_CONFIDENCE + confidence]++;
          unknown_host |= host == FW_COUNTRY_UNKNOWN;
          if (hq != FW_COUNTRY_UNKNOWN && host != FW_COUNTRY_UNKNOWN)
            matrix[(gsize) hq * n + host]++;
        }
      counts->unknown_host += unknown_host;
    }

  for (guint hq = 1; hq < n; hq++)
    for (guint host = 1; host < n; host++)
      {
        guint firms = matrix[(gsize) hq * n + host];

        if (firms > 0)
          {
            FwFlow flow = { hq, host, firms, classify (hq, host, continent, adversary) };

            g_array_append_val (counts->flows, flow);
          }
      }
  g_array_sort (counts->flows, compare_flows);

  return counts;
}

void
fw_geo_counts_free (FwGeoCounts *counts)
{
  if (counts == NULL)
    return;

  g_free (counts->hq_firms);
  g_free (counts->host_firms);
  g_free (counts->host_confidence);
  g_free (counts->hq_in_dataset);
  g_free (counts->host_in_dataset);
  g_array_unref (counts->flows);
  g_free (counts);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FwRankEntry *ea = a, *eb = b;

  if (ea->firms != eb->firms)
    return ea->firms < eb->firms ? 1 : -1;

  return (int) ea->key - (int) eb->key;
}

GArray *
fw_geo_counts_top_fairs (FwQuery *query,
                         guint    hq,
                         guint    host,
                         guint    max)
{
  FwColumns c;
  const guint8 *firm_mask, *exhibition_mask;
  const guint32 *by_firm, *firm_start;
  g_autofree guint32 *firms = NULL;
  g_autofree guint32 *stamps = NULL;
  GArray *entries;

  g_return_val_if_fail (FW_IS_QUERY (query), NULL);

  fw_query_ensure_current (query);
  fw_dataset_get_columns (fw_query_get_dataset (query), &c);
  firm_mask = fw_query_get_firm_mask (query);
  exhibition_mask = fw_query_get_exhibition_mask (query);
  by_firm = fw_query_get_exhibitions_by_firm (query, &firm_start);
  firms = g_new0 (guint32, MAX (c.n_fairs, 1));
  stamps = g_new0 (guint32, MAX (c.n_fairs, 1));
  entries = g_array_new (FALSE, FALSE, sizeof (FwRankEntry));

  for (guint f = 0; f < c.n_firms; f++)
    {
      if (!firm_mask[f] || (hq != FW_GEO_ANY_COUNTRY && c.firm_hq[f] != hq))
        continue;

      for (guint i = firm_start[f]; i < firm_start[f + 1]; i++)
        {
          guint e = by_firm[i];
          guint fair = c.exhibition_fair[e];

          if (!exhibition_mask[e] || (host != FW_GEO_ANY_COUNTRY && c.fair_host[fair] != host))
            continue;
          firms[fair] += stamps[fair] != f + 1;
          stamps[fair] = f + 1;
        }
    }

  for (guint i = 0; i < c.n_fairs; i++)
    if (firms[i] > 0)
      g_array_append_vals (entries, &(FwRankEntry) { i, firms[i] }, 1);
  g_array_sort (entries, compare_entries);
  if (entries->len > max)
    g_array_set_size (entries, max);

  return entries;
}
