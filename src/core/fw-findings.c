/* fw-findings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-findings"

#include "config.h"

#include <string.h>

#include "fw-findings.h"

/* What one base firm did in one year, as bits, classified at the end. */
enum {
  YEAR_HOME_COUNTRY     = 1 << 0,
  YEAR_HOME_CONTINENT   = 1 << 1,
  YEAR_OUTSIDE          = 1 << 2,
  YEAR_UNKNOWN          = 1 << 3,
};

/* Ties are broken by name, through precomputed collation ranks. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const FwRankEntry *ea = a;
  const FwRankEntry *eb = b;
  const guint32 *rank = user_data;

  if (ea->firms != eb->firms)
    return ea->firms > eb->firms ? -1 : 1;

  return (rank[ea->key] > rank[eb->key]) - (rank[ea->key] < rank[eb->key]);
}

static GArray *
make_ranking (const guint32 *counts,
              guint          n,
              const guint32 *rank)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (FwRankEntry));

  for (guint i = 0; i < n; i++)
    {
      if (counts[i] > 0)
        {
          FwRankEntry entry = { i, counts[i] };
          g_array_append_val (entries, entry);
        }
    }

  g_array_sort_with_data (entries, compare_entries, (gpointer) rank);

  return entries;
}

static void
adversary_firm_free (gpointer data)
{
  FwAdversaryFirm *firm = data;

  g_array_unref (firm->hosts);
  g_array_unref (firm->years);
  g_array_unref (firm->visits);
  g_free (firm);
}

static int
compare_adversary_firms (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const FwAdversaryFirm *fa = *(const FwAdversaryFirm * const *) a;
  const FwAdversaryFirm *fb = *(const FwAdversaryFirm * const *) b;
  const guint32 *rank = user_data;

  return (rank[fa->firm] > rank[fb->firm]) - (rank[fa->firm] < rank[fb->firm]);
}

static int
compare_u16 (gconstpointer a,
             gconstpointer b)
{
  return (int) *(const guint16 *) a - (int) *(const guint16 *) b;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (fw_countries_get_code (user_data, *(const FwCountryId *) a),
                 fw_countries_get_code (user_data, *(const FwCountryId *) b));
}

static int
compare_visits (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const FwAdversaryVisit *va = a;
  const FwAdversaryVisit *vb = b;

  if (va->year != vb->year)
    return (int) va->year - (int) vb->year;

  return compare_codes (&va->host, &vb->host, user_data);
}

static gboolean
array_has_visit (GArray      *array,
                 guint16      year,
                 FwCountryId  host)
{
  for (guint i = 0; i < array->len; i++)
    {
      const FwAdversaryVisit *visit = &g_array_index (array, FwAdversaryVisit, i);

      if (visit->year == year && visit->host == host)
        return TRUE;
    }
  return FALSE;
}

static gboolean
array_has_u16 (GArray  *array,
               guint16  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint16, i) == value)
      return TRUE;
  return FALSE;
}

static inline void
count_distinct (guint32 *counts,
                guint32 *stamps,
                guint    key,
                guint32  stamp)
{
  /* Branch-free: whether a firm was seen is not predictable. */
  counts[key] += stamps[key] != stamp;
  stamps[key] = stamp;
}

FwFindings *
fw_findings_compute (FwQuery *query)
{
  FwDataset *dataset;
  FwCountries *countries;
  FwFindings *findings;
  FwColumns c;
  const guint8 *continent, *adversary, *five_eyes;
  const guint8 *firm_mask;
  FwFirmExhibitions fe;
  guint n_ids;
  g_autofree guint32 *hq_counts = NULL;
  g_autofree guint32 *fair_base = NULL, *fair_stamp = NULL;
  g_autofree guint32 *host_base = NULL, *host_base_stamp = NULL;
  g_autofree guint32 *host_all = NULL, *host_all_stamp = NULL;
  g_autofree guint8 *year_bits = NULL;
  g_autofree guint32 *year_class = NULL;   /* (FW_YEAR_MAX + 1) * 4 */
  guint32 continent_counts[FW_N_CONTINENTS] = { 0 };
  g_autoptr(GArray) touched_years = g_array_new (FALSE, FALSE, sizeof (guint16));

  g_return_val_if_fail (FW_IS_QUERY (query), NULL);

  fw_query_ensure_current (query);
  dataset = fw_query_get_dataset (query);
  countries = fw_dataset_get_countries (dataset);
  fw_dataset_get_columns (dataset, &c);
  continent = fw_countries_get_continent_array (countries);
  adversary = fw_countries_get_adversary_array (countries);
  five_eyes = fw_countries_get_five_eyes_array (countries);
  firm_mask = fw_query_get_firm_mask (query);
  fw_query_get_firm_exhibitions (query, &fe);
  n_ids = fw_countries_get_n_ids (countries);

  findings = g_new0 (FwFindings, 1);
  findings->adversary_firms = g_ptr_array_new_with_free_func (adversary_firm_free);

  hq_counts = g_new0 (guint32, n_ids);
  fair_base = g_new0 (guint32, MAX (c.n_fairs, 1));
  fair_stamp = g_new0 (guint32, MAX (c.n_fairs, 1));
  host_base = g_new0 (guint32, n_ids);
  host_base_stamp = g_new0 (guint32, n_ids);
  host_all = g_new0 (guint32, n_ids);
  host_all_stamp = g_new0 (guint32, n_ids);
  year_bits = g_new0 (guint8, FW_YEAR_MAX + 1);
  year_class = g_new0 (guint32, (FW_YEAR_MAX + 1) * 4);

  for (guint f = 0; f < c.n_firms; f++)
    {
      FwCountryId hq = c.firm_hq[f];
      FwContinent hq_continent = continent[hq];
      gboolean base = fw_confidence_is_base (c.firm_confidence[f]);
      gboolean outside_country = FALSE;
      gboolean outside_continent = FALSE;
      gboolean all_five_eyes = TRUE;
      gboolean any_exhibition = FALSE;
      FwAdversaryFirm *adv = NULL;
      guint32 stamp = f + 1;

      if (!firm_mask[f])
        continue;

      findings->n_firms++;
      findings->confidence[c.firm_confidence[f]]++;
      hq_counts[hq]++;
      continent_counts[hq_continent]++;

      if (base)
        {
          findings->base_firms++;
          if (hq == FW_COUNTRY_UNKNOWN)
            findings->base_unknown_hq++;
        }

      g_array_set_size (touched_years, 0);

      for (guint i = fe.start[f]; i < fe.start[f + 1]; i++)
        {
          guint fair;
          guint16 year;
          FwCountryId host;
          guint8 bits;

          if (!fe.kept[i])
            continue;

          fair = fe.fair[i];
          year = fe.year[i];
          host = c.fair_host[fair];

          findings->n_exhibitions++;
          count_distinct (host_all, host_all_stamp, host, stamp);

          if (!base)
            continue;

          any_exhibition = TRUE;
          count_distinct (fair_base, fair_stamp, fair, stamp);
          count_distinct (host_base, host_base_stamp, host, stamp);

          if (host == FW_COUNTRY_UNKNOWN)
            {
              findings->unknown_host_exhibitions++;
              all_five_eyes = FALSE;
              bits = YEAR_UNKNOWN;
            }
          else
            {
              gboolean other_continent = hq != FW_COUNTRY_UNKNOWN &&
                                         hq_continent != FW_CONTINENT_UNKNOWN &&
                                         continent[host] != FW_CONTINENT_UNKNOWN &&
                                         continent[host] != hq_continent;

              if (hq != FW_COUNTRY_UNKNOWN && host != hq)
                outside_country = TRUE;
              if (other_continent)
                outside_continent = TRUE;
              if (!five_eyes[host])
                all_five_eyes = FALSE;

              if (hq == FW_COUNTRY_UNKNOWN)
                bits = YEAR_UNKNOWN;
              else if (other_continent)
                bits = YEAR_OUTSIDE;
              else if (host != hq)
                bits = YEAR_HOME_CONTINENT;
              else
                bits = YEAR_HOME_COUNTRY;

              if (adversary[host])
                {
                  if (adv == NULL)
                    {
                      adv = g_new0 (FwAdversaryFirm, 1);
                      adv->firm = f;
                      adv->hosts = g_array_new (FALSE, FALSE, sizeof (FwCountryId));
                      adv->years = g_array_new (FALSE, FALSE, sizeof (guint16));
                      adv->visits = g_array_new (FALSE, FALSE, sizeof (FwAdversaryVisit));
                    }
                  if (!array_has_u16 (adv->hosts, host))
                    g_array_append_val (adv->hosts, host);
                  if (year == FW_YEAR_UNKNOWN)
                    adv->unknown_years = TRUE;
                  else
                    {
                      if (!array_has_u16 (adv->years, year))
                        g_array_append_val (adv->years, year);
                      if (!array_has_visit (adv->visits, year, host))
                        {
                          FwAdversaryVisit visit = { year, host };
                          g_array_append_val (adv->visits, visit);
                        }
                    }
                }
            }

          if (year_bits[year] == 0)
            g_array_append_val (touched_years, year);
          year_bits[year] |= bits;
        }

      if (!base)
        continue;

      for (guint i = 0; i < touched_years->len; i++)
        {
          guint16 year = g_array_index (touched_years, guint16, i);
          guint8 bits = year_bits[year];
          guint slot;

          if (bits & YEAR_OUTSIDE)
            slot = 2;
          else if (bits & YEAR_HOME_CONTINENT)
            slot = 1;
          else if (bits & YEAR_HOME_COUNTRY)
            slot = 0;
          else
            slot = 3;

          year_class[year * 4 + slot]++;
          year_bits[year] = 0;
        }

      if (hq != FW_COUNTRY_UNKNOWN && any_exhibition)
        {
          /* FACTS.md: a Five-Eyes firm whose every fair is in the Five
           * Eyes, at least one abroad, counts in neither share. */
          if (five_eyes[hq] && all_five_eyes && outside_country)
            findings->five_eyes_only++;
          else
            {
              findings->outside_home_country += outside_country;
              findings->outside_home_continent += outside_continent;
            }
        }

      if (adv != NULL)
        {
          if (hq == FW_COUNTRY_UNKNOWN)
            {
              findings->adversary_unknown_hq++;
              adversary_firm_free (adv);
            }
          else if (adversary[hq])
            adversary_firm_free (adv);
          else
            {
              g_array_sort_with_data (adv->hosts, compare_codes, countries);
              g_array_sort (adv->years, compare_u16);
              g_array_sort_with_data (adv->visits, compare_visits, countries);
              g_ptr_array_add (findings->adversary_firms, adv);
            }
        }
    }

  for (guint i = 1; i < n_ids; i++)
    findings->n_hq_countries += hq_counts[i] > 0;

  {
    const guint16 *country_rank16 = fw_countries_get_name_rank (countries);
    g_autofree guint32 *country_rank = g_new (guint32, n_ids);
    guint32 continent_rank[FW_N_CONTINENTS];

    for (guint i = 0; i < n_ids; i++)
      country_rank[i] = country_rank16[i];
    /* The enumeration is in alphabetical order already; unknown goes last. */
    for (guint i = 0; i < FW_N_CONTINENTS; i++)
      continent_rank[i] = i;
    continent_rank[FW_CONTINENT_UNKNOWN] = FW_N_CONTINENTS;

    findings->hq_countries = make_ranking (hq_counts, n_ids, country_rank);
    findings->hq_continents = make_ranking (continent_counts, FW_N_CONTINENTS, continent_rank);
    findings->fairs = make_ranking (fair_base, c.n_fairs, fw_query_get_name_rank (query, FW_TABLE_FAIRS));
    findings->host_countries = make_ranking (host_base, n_ids, country_rank);
    findings->host_countries_all = make_ranking (host_all, n_ids, country_rank);
  }

  findings->by_year = g_array_new (FALSE, TRUE, sizeof (FwYearClasses));
  for (guint y = 1; y <= FW_YEAR_MAX + 1; y++)
    {
      guint year = y % (FW_YEAR_MAX + 1);   /* unknown (0) comes last */
      const guint32 *slots = &year_class[year * 4];
      FwYearClasses classes;

      if (slots[0] + slots[1] + slots[2] + slots[3] == 0)
        continue;

      classes.year = year;
      classes.home_country = slots[0];
      classes.home_continent = slots[1];
      classes.outside_continent = slots[2];
      classes.unknown = slots[3];
      g_array_append_val (findings->by_year, classes);
    }

  g_ptr_array_sort_with_data (findings->adversary_firms, compare_adversary_firms,
                              (gpointer) fw_query_get_name_rank (query, FW_TABLE_FIRMS));

  return findings;
}

void
fw_findings_free (FwFindings *findings)
{
  if (findings == NULL)
    return;

  g_clear_pointer (&findings->hq_countries, g_array_unref);
  g_clear_pointer (&findings->hq_continents, g_array_unref);
  g_clear_pointer (&findings->by_year, g_array_unref);
  g_clear_pointer (&findings->fairs, g_array_unref);
  g_clear_pointer (&findings->host_countries, g_array_unref);
  g_clear_pointer (&findings->host_countries_all, g_array_unref);
  g_clear_pointer (&findings->adversary_firms, g_ptr_array_unref);
  g_free (findings);
}

static void
add_country (JsonBuilder *builder,
             FwCountries *countries,
             FwCountryId  id)
{
  if (id == FW_COUNTRY_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, fw_countries_get_code (countries, id));
}

static void
add_country_ranking (JsonBuilder *builder,
                     const char  *name,
                     GArray      *entries,
                     FwCountries *countries)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "country");
      add_country (builder, countries, entry->key);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, fw_countries_get_name (countries, entry->key));
      json_builder_set_member_name (builder, "firms");
      json_builder_add_int_value (builder, entry->firms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_share (JsonBuilder *builder,
           const char  *name,
           guint        count,
           guint        total)
{
  json_builder_set_member_name (builder, name);
  if (total == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (double) count / total);
}

JsonNode *
fw_findings_to_json (FwFindings *findings,
                     FwDataset  *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FwCountries *countries = fw_dataset_get_countries (dataset);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "dataset");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, fw_dataset_get_title (dataset));
  json_builder_set_member_name (builder, "fictional");
  json_builder_add_boolean_value (builder, fw_dataset_get_fictional (dataset));
  json_builder_set_member_name (builder, "firms");
  json_builder_add_int_value (builder, findings->n_firms);
  json_builder_set_member_name (builder, "exhibitions");
  json_builder_add_int_value (builder, findings->n_exhibitions);
  json_builder_set_member_name (builder, "hq_countries");
  json_builder_add_int_value (builder, findings->n_hq_countries);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "confidence");
  json_builder_begin_object (builder);
  for (guint i = FW_CONFIDENCE_HIGH; i <= FW_CONFIDENCE_LOW; i++)
    {
      json_builder_set_member_name (builder, fw_confidence_to_string (i));
      json_builder_add_int_value (builder, findings->confidence[i]);
    }
  json_builder_set_member_name (builder, "unknown");
  json_builder_add_int_value (builder, findings->confidence[FW_CONFIDENCE_UNKNOWN]);
  json_builder_end_object (builder);

  add_country_ranking (builder, "hq_countries", findings->hq_countries, countries);

  json_builder_set_member_name (builder, "hq_continents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->hq_continents->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (findings->hq_continents, FwRankEntry, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "continent");
      if (entry->key == FW_CONTINENT_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, fw_continent_to_string (entry->key));
      json_builder_set_member_name (builder, "firms");
      json_builder_add_int_value (builder, entry->firms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "finding2");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "firms");
  json_builder_add_int_value (builder, findings->base_firms);
  json_builder_set_member_name (builder, "excluded");
  json_builder_add_int_value (builder, findings->five_eyes_only);
  json_builder_set_member_name (builder, "outside_home_country");
  json_builder_add_int_value (builder, findings->outside_home_country);
  add_share (builder, "outside_home_country_share", findings->outside_home_country, findings->base_firms);
  json_builder_set_member_name (builder, "outside_home_continent");
  json_builder_add_int_value (builder, findings->outside_home_continent);
  add_share (builder, "outside_home_continent_share", findings->outside_home_continent, findings->base_firms);
  json_builder_set_member_name (builder, "unknown_hq");
  json_builder_add_int_value (builder, findings->base_unknown_hq);
  json_builder_set_member_name (builder, "unknown_host_exhibitions");
  json_builder_add_int_value (builder, findings->unknown_host_exhibitions);
  json_builder_set_member_name (builder, "by_year");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->by_year->len; i++)
    {
      const FwYearClasses *classes = &g_array_index (findings->by_year, FwYearClasses, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      if (classes->year == FW_YEAR_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, classes->year);
      json_builder_set_member_name (builder, "home_country");
      json_builder_add_int_value (builder, classes->home_country);
      json_builder_set_member_name (builder, "home_continent");
      json_builder_add_int_value (builder, classes->home_continent);
      json_builder_set_member_name (builder, "outside_continent");
      json_builder_add_int_value (builder, classes->outside_continent);
      json_builder_set_member_name (builder, "unknown");
      json_builder_add_int_value (builder, classes->unknown);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "finding3");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->fairs->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (findings->fairs, FwRankEntry, i);
      const char *name = fw_dataset_get_fair_name (dataset, entry->key);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      if (name[0] == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "host");
      add_country (builder, countries, fw_dataset_get_fair_host (dataset, entry->key));
      json_builder_set_member_name (builder, "firms");
      json_builder_add_int_value (builder, entry->firms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_country_ranking (builder, "host_countries", findings->host_countries, countries);
  add_country_ranking (builder, "host_countries_all", findings->host_countries_all, countries);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "finding4");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "firms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->adversary_firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, fw_dataset_get_firm_name (dataset, firm->firm));
      json_builder_set_member_name (builder, "hq");
      add_country (builder, countries, fw_dataset_get_firm_hq (dataset, firm->firm));
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_string_value (builder, fw_confidence_to_string (fw_dataset_get_firm_confidence (dataset, firm->firm)));
      json_builder_set_member_name (builder, "hosts");
      json_builder_begin_array (builder);
      for (guint j = 0; j < firm->hosts->len; j++)
        add_country (builder, countries, g_array_index (firm->hosts, FwCountryId, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "years");
      json_builder_begin_array (builder);
      for (guint j = 0; j < firm->years->len; j++)
        json_builder_add_int_value (builder, g_array_index (firm->years, guint16, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "unknown_years");
      json_builder_add_boolean_value (builder, firm->unknown_years);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unknown_hq");
  json_builder_add_int_value (builder, findings->adversary_unknown_hq);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
