/* test-generator.c: the demonstration dataset, judged by the findings
 * engine against the report's figures (FACTS.md), and random data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-generator"

#include "config.h"

#include <string.h>

#include "fw-findings.h"
#include "fw-generator.h"

/* Real vendors, lower case: no fictional name may contain one. */
static const char * const real_firms[] = {
  "cellebrite", "micro systemation", "msab", "btt", "norsi", "cleartrail",
  "pro4sec", "area", "wolf", "nso", "hacking team", "hackingteam", "gamma",
  "finfisher", "verint", "nice", "septier", "utimaco", "trovicor", "amesys",
  "nexa", "cobham", "rohde", "schwarz", "elbit", "palantir", "cyberbit",
  "candiru", "intellexa", "cytrox", "thales", "leonardo", "raytheon",
};

typedef struct
{
  FwDataset  *dataset;
  FwQuery    *query;
  FwFindings *findings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();

  fixture->dataset = fw_generator_demo ();
  g_assert_nonnull (fixture->dataset);
  fixture->query = fw_query_new (fixture->dataset);
  fw_query_run (fixture->query, filter);
  fixture->findings = fw_findings_compute (fixture->query);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->findings, fw_findings_free);
  g_clear_object (&fixture->query);
  g_assert_finalize_object (fixture->dataset);
}

static const char *
code (FwDataset   *dataset,
      FwCountryId  id)
{
  return fw_countries_get_code (fw_dataset_get_countries (dataset), id);
}

static FwCountryId
country (FwDataset  *dataset,
         const char *alpha2)
{
  FwCountryId id = fw_countries_lookup_code (fw_dataset_get_countries (dataset), alpha2);

  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);
  return id;
}

static const FwRankEntry *
rank (GArray *entries,
      guint   i)
{
  g_assert_cmpuint (i, <, entries->len);
  return &g_array_index (entries, FwRankEntry, i);
}

static guint
rank_of_country (FwDataset  *dataset,
                 GArray     *entries,
                 const char *alpha2)
{
  FwCountryId id = country (dataset, alpha2);

  for (guint i = 0; i < entries->len; i++)
    if (rank (entries, i)->key == id)
      return i;

  g_assert_not_reached ();
  return G_MAXUINT;
}

static gboolean
name_is_fictional (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (real_firms); i++)
    if (strstr (lower, real_firms[i]) != NULL)
      return FALSE;

  return TRUE;
}

static void
test_demo_metadata (Fixture       *fixture,
                    gconstpointer  data)
{
  FwDataset *dataset = fixture->dataset;

  g_assert_cmpstr (fw_dataset_get_title (dataset), ==, "Demonstration dataset (fictional firms)");
  g_assert_true (fw_dataset_get_fictional (dataset));
  g_assert_nonnull (strstr (fw_dataset_get_description (dataset), "fictional"));
  g_assert_nonnull (strstr (fw_dataset_get_description (dataset), "Atlantic Council"));
  g_assert_nonnull (strstr (fw_dataset_get_citation (dataset), "DeSombre"));
  g_assert_nonnull (strstr (fw_dataset_get_citation (dataset), "Gjesvik"));
  g_assert_nonnull (strstr (fw_dataset_get_citation (dataset), "Willers"));
  g_assert_nonnull (strstr (fw_dataset_get_citation (dataset), "Surveillance Technology at the Fair"));
  g_assert_nonnull (strstr (fw_dataset_get_citation (dataset), "8 November 2021"));
}

/* The headline table and finding 1. */
static void
test_demo_headline (Fixture       *fixture,
                    gconstpointer  data)
{
  FwFindings *findings = fixture->findings;

  g_assert_cmpuint (findings->n_firms, ==, 224);
  g_assert_cmpuint (findings->n_hq_countries, ==, 33);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], ==, 59);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], ==, 22);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_LOW], ==, 143);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], ==, 0);
  g_assert_cmpuint (findings->base_firms, ==, 81);

  /* Mostly Western, few Chinese firms. */
  g_assert_cmpstr (code (fixture->dataset, rank (findings->hq_countries, 0)->key), ==, "US");
  g_assert_cmpuint (rank (findings->hq_countries, rank_of_country (fixture->dataset, findings->hq_countries, "CN"))->firms, <=, 2);
}

static void
test_demo_finding2 (Fixture       *fixture,
                    gconstpointer  data)
{
  FwFindings *findings = fixture->findings;

  g_assert_cmpuint (findings->five_eyes_only, ==, 2);
  g_assert_cmpuint (findings->outside_home_continent, ==, 60);
  g_assert_cmpuint (findings->outside_home_country, ==, 71);
  g_assert_cmpfloat ((double) findings->outside_home_country / findings->base_firms, >, 0.85);
  g_assert_cmpfloat ((double) findings->outside_home_continent / findings->base_firms, <, 0.75);
  g_assert_cmpfloat ((double) findings->outside_home_continent / findings->base_firms, >, 0.70);
  g_assert_cmpuint (findings->base_unknown_hq, ==, 0);
  g_assert_cmpuint (findings->unknown_host_exhibitions, ==, 0);
}

/* Every year, more base firms exhibit off their continent than stay on
 * it, whether "more than the others" or "more than each" is meant. */
static void
test_demo_by_year (Fixture       *fixture,
                   gconstpointer  data)
{
  GArray *by_year = fixture->findings->by_year;

  g_assert_cmpuint (by_year->len, >=, 15);

  for (guint i = 0; i < by_year->len; i++)
    {
      const FwYearClasses *classes = &g_array_index (by_year, FwYearClasses, i);

      g_test_message ("%u: home country %u, home continent %u, outside %u",
                      classes->year, classes->home_country,
                      classes->home_continent, classes->outside_continent);
      g_assert_cmpuint (classes->year, >=, 2002);
      g_assert_cmpuint (classes->year, <=, 2021);
      g_assert_cmpuint (classes->unknown, ==, 0);
      g_assert_cmpuint (classes->outside_continent, >, classes->home_continent + classes->home_country);
    }
}

static void
test_demo_finding3 (Fixture       *fixture,
                    gconstpointer  data)
{
  FwDataset *dataset = fixture->dataset;
  FwFindings *findings = fixture->findings;
  GArray *hosts = findings->host_countries;
  GArray *hosts_all = findings->host_countries_all;
  const char *second_tier[] = { "DE", "SG", "QA", "IL" };
  const char *first_tiers[] = { "FR", "GB", "DE", "SG", "QA", "IL" };

  g_assert_cmpstr (fw_dataset_get_fair_name (dataset, rank (findings->fairs, 0)->key), ==, "Milipol France");
  g_assert_cmpstr (fw_dataset_get_fair_name (dataset, rank (findings->fairs, 1)->key), ==, "Security & Policing");
  g_assert_cmpuint (rank (findings->fairs, 0)->firms, >, rank (findings->fairs, 1)->firms);
  g_assert_cmpuint (rank (findings->fairs, 1)->firms, >, rank (findings->fairs, 2)->firms);

  g_assert_cmpstr (code (dataset, rank (hosts, 0)->key), ==, "FR");
  g_assert_cmpstr (code (dataset, rank (hosts, 1)->key), ==, "GB");
  g_assert_cmpuint (rank (hosts, 0)->firms, >, rank (hosts, 1)->firms);
  g_assert_cmpuint (rank (hosts, 1)->firms, >, rank (hosts, 2)->firms);
  for (guint i = 0; i < G_N_ELEMENTS (second_tier); i++)
    {
      guint r = rank_of_country (dataset, hosts, second_tier[i]);

      g_assert_cmpuint (r, >=, 2);
      g_assert_cmpuint (r, <=, 5);
      g_assert_cmpuint (rank (hosts, r)->firms, >, rank (hosts, 6)->firms);
    }

  /* Counting every firm, the Emirates and the United States lead. */
  g_assert_true ((g_str_equal (code (dataset, rank (hosts_all, 0)->key), "AE") &&
                  g_str_equal (code (dataset, rank (hosts_all, 1)->key), "US")) ||
                 (g_str_equal (code (dataset, rank (hosts_all, 0)->key), "US") &&
                  g_str_equal (code (dataset, rank (hosts_all, 1)->key), "AE")));
  for (guint i = 0; i < G_N_ELEMENTS (first_tiers); i++)
    g_assert_cmpuint (rank (hosts_all, 1)->firms, >,
                      rank (hosts_all, rank_of_country (dataset, hosts_all, first_tiers[i]))->firms);
}

static gboolean
has_host (const FwAdversaryFirm *firm,
          FwCountryId            id)
{
  for (guint i = 0; i < firm->hosts->len; i++)
    if (g_array_index (firm->hosts, FwCountryId, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_demo_finding4 (Fixture       *fixture,
                    gconstpointer  data)
{
  FwDataset *dataset = fixture->dataset;
  FwFindings *findings = fixture->findings;
  FwCountryId ru = country (dataset, "RU");
  FwCountryId cn = country (dataset, "CN");
  FwColumns c;
  const guint32 *by_firm, *firm_start;
  guint both = 0, both_since_2013 = 0;
  gboolean seen_il = FALSE, seen_tr = FALSE, seen_se = FALSE;
  gint russian = -1;
  guint china_regulars = 0, low_visitors = 0;
  gint china_regular = -1;

  g_assert_cmpuint (findings->adversary_firms->len, ==, 5);
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 0);

  for (guint i = 0; i < findings->adversary_firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);
      FwCountryId hq = fw_dataset_get_firm_hq (dataset, firm->firm);
      const char *hq_code = code (dataset, hq);

      g_test_message ("%s (%s)", fw_dataset_get_firm_name (dataset, firm->firm), hq_code);
      g_assert_true (fw_confidence_is_base (fw_dataset_get_firm_confidence (dataset, firm->firm)));
      g_assert_cmpuint (hq, !=, ru);
      g_assert_cmpuint (hq, !=, cn);
      g_assert_false (firm->unknown_years);

      seen_il |= g_str_equal (hq_code, "IL");
      seen_tr |= g_str_equal (hq_code, "TR");
      seen_se |= g_str_equal (hq_code, "SE");

      if (has_host (firm, ru) && has_host (firm, cn))
        {
          both++;
          if (g_array_index (firm->years, guint16, 0) >= 2013 && g_str_equal (hq_code, "IL"))
            both_since_2013++;
        }
    }

  g_assert_true (seen_il && seen_tr && seen_se);
  g_assert_cmpuint (both, >=, 3);
  g_assert_cmpuint (both_since_2013, ==, 1);

  fw_dataset_get_columns (dataset, &c);
  by_firm = fw_query_get_exhibitions_by_firm (fixture->query, &firm_start);

  for (guint f = 0; f < c.n_firms; f++)
    {
      guint16 russian_years = 0;   /* bit y - 2009 */
      guint recent_china = 0;
      gboolean adversary_fair = FALSE;

      for (guint i = firm_start[f]; i < firm_start[f + 1]; i++)
        {
          guint e = by_firm[i];
          FwCountryId host = c.fair_host[c.exhibition_fair[e]];
          guint16 year = c.exhibition_year[e];

          if (host == ru || host == cn)
            adversary_fair = TRUE;
          if (host == ru && year >= 2009 && year < 2009 + 16)
            russian_years |= 1 << (year - 2009);
          if (host == cn && year >= 2017 && year <= 2021)
            recent_china++;
        }

      /* The Russian firm of the report's example markets at home in
       * 2009, 2010 and 2015-2019, and is not one of the five. */
      if (c.firm_hq[f] == ru && fw_confidence_is_base (c.firm_confidence[f]))
        {
          g_assert_cmpint (russian, ==, -1);
          russian = f;
          g_assert_cmphex (russian_years, ==, 0x3 | (0x1f << 6));
        }

      if (recent_china > 1)
        {
          china_regulars++;
          china_regular = f;
        }

      if (adversary_fair && c.firm_confidence[f] == FW_CONFIDENCE_LOW &&
          c.firm_hq[f] != ru && c.firm_hq[f] != cn)
        low_visitors++;
    }

  g_assert_cmpint (russian, >=, 0);
  for (guint i = 0; i < findings->adversary_firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);

      g_assert_cmpuint (firm->firm, !=, (guint) russian);
    }

  /* Only the Israeli marketer was at a Chinese fair more than once in the
   * last five years of the data. */
  g_assert_cmpuint (china_regulars, ==, 1);
  g_assert_cmpstr (code (dataset, c.firm_hq[china_regular]), ==, "IL");

  /* Low-confidence firms at such fairs exist, and do not count. */
  g_assert_cmpuint (low_visitors, >=, 2);
}

static void
test_demo_shape (Fixture       *fixture,
                 gconstpointer  data)
{
  FwDataset *dataset = fixture->dataset;
  FwColumns c;
  const guint32 *firm_start;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gint64 *keys = NULL;

  fw_dataset_get_columns (dataset, &c);
  fw_query_get_exhibitions_by_firm (fixture->query, &firm_start);
  keys = g_new (gint64, c.n_exhibitions);

  g_test_message ("%u exhibitions at %u fairs", c.n_exhibitions, c.n_fairs);
  g_assert_cmpuint (c.n_exhibitions, >=, 2000);
  g_assert_cmpuint (c.n_exhibitions, <=, 4000);
  g_assert_cmpuint (c.n_fairs, >=, 35);

  for (guint f = 0; f < c.n_fairs; f++)
    {
      FwFairValues fair;

      fw_dataset_get_fair (dataset, f, &fair);
      g_assert_true (g_str_has_prefix (fair.id, "fair-"));
      g_assert_nonnull (fair.name);
      g_assert_nonnull (fair.city);
      g_assert_cmpuint (fair.host, !=, FW_COUNTRY_UNKNOWN);
    }

  for (guint f = 0; f < c.n_firms; f++)
    {
      FwFirmValues firm;
      g_autofree char *id = g_strdup_printf ("D%03u", f + 1);
      guint n = firm_start[f + 1] - firm_start[f];

      fw_dataset_get_firm (dataset, f, &firm);
      g_assert_cmpstr (firm.id, ==, id);
      g_assert_nonnull (firm.name);
      g_assert_true (g_hash_table_add (names, (gpointer) firm.name));
      g_assert_null (firm.website);
      g_assert_null (firm.source);
      g_assert_cmpstr (firm.notes, ==, "Fictional firm (demonstration data).");
      g_assert_cmpuint (firm.hq, !=, FW_COUNTRY_UNKNOWN);
      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, 25);
    }

  for (guint e = 0; e < c.n_exhibitions; e++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, e, &exhibition);
      g_assert_cmpuint (exhibition.year, >=, 2002);
      g_assert_cmpuint (exhibition.year, <=, 2021);
      g_assert_null (exhibition.source);
      g_assert_null (exhibition.note);
      if (e > 0)
        g_assert_cmpuint (c.exhibition_firm[e - 1], <=, exhibition.firm);

      keys[e] = ((gint64) exhibition.firm << 32) | (exhibition.fair << 16) | exhibition.year;
      g_assert_true (g_hash_table_add (seen, &keys[e]));
    }
}

static void
test_demo_names (Fixture       *fixture,
                 gconstpointer  data)
{
  FwDataset *dataset = fixture->dataset;

  for (guint f = 0; f < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS); f++)
    {
      const char *name = fw_dataset_get_firm_name (dataset, f);

      if (!name_is_fictional (name))
        g_error ("%s looks like a real firm's name", name);
    }
}

static void
assert_datasets_equal (FwDataset *a,
                       FwDataset *b)
{
  g_assert_cmpstr (fw_dataset_get_title (a), ==, fw_dataset_get_title (b));
  g_assert_cmpstr (fw_dataset_get_description (a), ==, fw_dataset_get_description (b));
  g_assert_cmpstr (fw_dataset_get_citation (a), ==, fw_dataset_get_citation (b));
  g_assert_cmpint (fw_dataset_get_fictional (a), ==, fw_dataset_get_fictional (b));

  for (guint t = 0; t < FW_N_TABLES; t++)
    g_assert_cmpuint (fw_dataset_get_n_rows (a, t), ==, fw_dataset_get_n_rows (b, t));

  for (guint i = 0; i < fw_dataset_get_n_rows (a, FW_TABLE_FIRMS); i++)
    {
      FwFirmValues va, vb;

      fw_dataset_get_firm (a, i, &va);
      fw_dataset_get_firm (b, i, &vb);
      g_assert_cmpstr (va.id, ==, vb.id);
      g_assert_cmpstr (va.name, ==, vb.name);
      g_assert_cmpuint (va.hq, ==, vb.hq);
      g_assert_cmpuint (va.confidence, ==, vb.confidence);
      g_assert_cmpstr (va.website, ==, vb.website);
      g_assert_cmpstr (va.notes, ==, vb.notes);
      g_assert_cmpstr (va.source, ==, vb.source);
    }

  for (guint i = 0; i < fw_dataset_get_n_rows (a, FW_TABLE_FAIRS); i++)
    {
      FwFairValues va, vb;

      fw_dataset_get_fair (a, i, &va);
      fw_dataset_get_fair (b, i, &vb);
      g_assert_cmpstr (va.id, ==, vb.id);
      g_assert_cmpstr (va.name, ==, vb.name);
      g_assert_cmpuint (va.host, ==, vb.host);
      g_assert_cmpstr (va.city, ==, vb.city);
    }

  for (guint i = 0; i < fw_dataset_get_n_rows (a, FW_TABLE_EXHIBITIONS); i++)
    {
      FwExhibitionValues va, vb;

      fw_dataset_get_exhibition (a, i, &va);
      fw_dataset_get_exhibition (b, i, &vb);
      g_assert_cmpuint (va.firm, ==, vb.firm);
      g_assert_cmpuint (va.fair, ==, vb.fair);
      g_assert_cmpuint (va.year, ==, vb.year);
      g_assert_cmpstr (va.source, ==, vb.source);
      g_assert_cmpstr (va.note, ==, vb.note);
    }
}

static gboolean
datasets_differ (FwDataset *a,
                 FwDataset *b)
{
  FwColumns ca, cb;

  fw_dataset_get_columns (a, &ca);
  fw_dataset_get_columns (b, &cb);

  if (ca.n_firms != cb.n_firms || ca.n_exhibitions != cb.n_exhibitions)
    return TRUE;

  for (guint i = 0; i < ca.n_firms; i++)
    if (ca.firm_hq[i] != cb.firm_hq[i] || ca.firm_confidence[i] != cb.firm_confidence[i] ||
        g_strcmp0 (fw_dataset_get_firm_name (a, i), fw_dataset_get_firm_name (b, i)) != 0)
      return TRUE;

  for (guint i = 0; i < ca.n_exhibitions; i++)
    if (ca.exhibition_firm[i] != cb.exhibition_firm[i] ||
        ca.exhibition_fair[i] != cb.exhibition_fair[i] ||
        ca.exhibition_year[i] != cb.exhibition_year[i])
      return TRUE;

  return FALSE;
}

static void
test_demo_deterministic (void)
{
  g_autoptr(FwDataset) a = fw_generator_demo ();
  g_autoptr(FwDataset) b = fw_generator_demo ();

  assert_datasets_equal (a, b);
}

static void
test_random_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) a = fw_generator_random (1000, 20000, 42, &error);
  g_autoptr(FwDataset) b = NULL;
  g_autoptr(FwDataset) other = NULL;

  g_assert_no_error (error);
  b = fw_generator_random (1000, 20000, 42, &error);
  g_assert_no_error (error);
  assert_datasets_equal (a, b);

  other = fw_generator_random (1000, 20000, 43, &error);
  g_assert_no_error (error);
  g_assert_true (datasets_differ (a, other));

  g_clear_object (&other);
  other = fw_generator_random (1000, 20000, G_GUINT64_CONSTANT (42) | (G_GUINT64_CONSTANT (1) << 40), &error);
  g_assert_no_error (error);
  g_assert_true (datasets_differ (a, other));
}

static void
test_random_sizes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_generator_random (1000, 20000, 42, &error);
  g_autoptr(FwQuery) query = NULL;
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwFindings) findings = NULL;
  const guint32 *by_firm, *firm_start;
  FwColumns c;
  guint unknown_years = 0;

  g_assert_no_error (error);
  g_assert_true (fw_dataset_get_fictional (dataset));
  g_assert_cmpstr (fw_dataset_get_title (dataset), ==, "Generated dataset (fictional firms)");
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 1000);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 20000);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), >=, 35);

  query = fw_query_new (dataset);
  fw_query_run (query, filter);
  findings = fw_findings_compute (query);
  by_firm = fw_query_get_exhibitions_by_firm (query, &firm_start);
  fw_dataset_get_columns (dataset, &c);

  for (guint f = 0; f < c.n_firms; f++)
    g_assert_cmpuint (firm_start[f + 1] - firm_start[f], >=, 1);

  for (guint e = 0; e < c.n_exhibitions; e++)
    {
      g_assert_cmpuint (by_firm[e], ==, e);   /* grouped by firm already */
      if (c.exhibition_year[e] == FW_YEAR_UNKNOWN)
        unknown_years++;
      else
        {
          g_assert_cmpuint (c.exhibition_year[e], >=, 2002);
          g_assert_cmpuint (c.exhibition_year[e], <=, 2021);
        }
    }

  /* About 26/10/63 % high/medium/low and 1 % unknown; 1 % unknown years. */
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], >, 0);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], <, 40);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], >, 200);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], <, 330);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], >, 60);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], <, 150);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_LOW], >, 550);
  g_assert_cmpuint (unknown_years, >, 100);
  g_assert_cmpuint (unknown_years, <, 400);
  g_assert_cmpuint (findings->n_hq_countries, >=, 30);
  g_assert_cmpstr (code (dataset, rank (findings->hq_countries, 0)->key), ==, "US");
}

static void
test_random_fewer_exhibitions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_generator_random (100, 10, 1, &error);
  g_autoptr(FwDataset) empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 100);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 10);

  g_clear_object (&dataset);
  dataset = fw_generator_random (5, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 5);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 0);

  empty = fw_generator_random (0, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (empty, FW_TABLE_FIRMS), ==, 0);
  g_assert_cmpuint (fw_dataset_get_n_rows (empty, FW_TABLE_EXHIBITIONS), ==, 0);
}

/* More firms than name combinations: numbered names, still unique. */
static void
test_random_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_generator_random (40000, 40000, 7, &error);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint numbered = 0;

  g_assert_no_error (error);

  for (guint f = 0; f < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS); f++)
    {
      FwFirmValues firm;

      fw_dataset_get_firm (dataset, f, &firm);
      g_assert_true (g_hash_table_add (names, (gpointer) firm.name));
      g_assert_null (firm.id);
      if (!name_is_fictional (firm.name))
        g_error ("%s looks like a real firm's name", firm.name);
      if (strpbrk (firm.name, "0123456789") != NULL)
        numbered++;
    }

  g_assert_cmpuint (numbered, >, 0);
}

static void
test_random_errors (void)
{
  g_autoptr(GError) error = NULL;
  FwDataset *dataset;

  dataset = fw_generator_random (0, 10, 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  dataset = fw_generator_random (10000001, 10, 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  dataset = fw_generator_random (10, 100000001, 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

/* A clean dataset: exact sizes, grouped by firm, every firm exhibiting,
 * and no firm twice at a fair in the same year.  Exhibitions of unknown
 * year are keyed with year 0, so they may not repeat a fair either. */
static void
assert_random_clean (guint   n_firms,
                     guint   n_exhibitions,
                     guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_generator_random (n_firms, n_exhibitions, seed, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = NULL;
  FwColumns c;
  guint unknown_years = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, n_firms);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, n_exhibitions);
  g_assert_cmpuint (n_exhibitions, >=, n_firms);

  fw_dataset_get_columns (dataset, &c);
  keys = g_new (gint64, c.n_exhibitions);

  g_assert_cmpuint (c.exhibition_firm[0], ==, 0);
  g_assert_cmpuint (c.exhibition_firm[c.n_exhibitions - 1], ==, n_firms - 1);

  for (guint e = 0; e < c.n_exhibitions; e++)
    {
      guint16 year = c.exhibition_year[e];

      /* Steps of 0 or 1 from 0 to the last firm: grouped, none left out. */
      if (e > 0)
        g_assert_cmpuint (c.exhibition_firm[e] - c.exhibition_firm[e - 1], <=, 1);

      if (year == FW_YEAR_UNKNOWN)
        unknown_years++;
      else
        {
          g_assert_cmpuint (year, >=, 2002);
          g_assert_cmpuint (year, <=, 2021);
        }

      keys[e] = ((gint64) c.exhibition_firm[e] << 32) | ((gint64) c.exhibition_fair[e] << 16) | year;
      if (!g_hash_table_add (seen, &keys[e]))
        g_error ("firm %u at fair %u in %u more than once", c.exhibition_firm[e],
                 c.exhibition_fair[e], year);
    }

  g_assert_cmpuint (unknown_years, >, 0);
  g_assert_cmpuint (unknown_years, <, n_exhibitions / 50);
}

static void
test_random_no_repeats (void)
{
  assert_random_clean (2000, 60000, 3);
  assert_random_clean (50, 5000, 9);
}

/* The largest number of exhibitions one firm can have, below @bound. */
static guint
find_capacity (guint bound)
{
  guint low = 1, high = bound;

  while (low < high)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FwDataset) dataset = NULL;
      guint mid = low + (high - low + 1) / 2;

      dataset = fw_generator_random (1, mid, 1, &error);
      if (dataset != NULL)
        low = mid;
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          high = mid - 1;
        }
    }

  return low;
}

static void
test_random_capacity (void)
{
  g_autoptr(GError) error = NULL;
  FwDataset *dataset = fw_generator_random (1, 1, 1, &error);
  guint n_years = 2021 - 2002 + 1;
  guint n_fairs;
  guint capacity;

  g_assert_no_error (error);
  n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  g_clear_object (&dataset);

  /* One exhibition per fair and year at most, and some fairs are
   * biennial or younger than the data. */
  capacity = find_capacity (n_years * n_fairs + 1);
  g_test_message ("%u exhibitions per firm at most", capacity);
  g_assert_cmpuint (capacity, >=, n_fairs);
  g_assert_cmpuint (capacity, <, n_years * n_fairs);

  dataset = fw_generator_random (2, 100000, 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "100000"));
  g_clear_error (&error);

  dataset = fw_generator_random (7, 7 * capacity + 1, 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Full, and nearly full: the heaviest firms are capped and the others
   * take the rest. */
  assert_random_clean (7, 7 * capacity, 5);
  assert_random_clean (7, 7 * capacity - 3, 5);
  assert_random_clean (300, 100 * capacity, 5);
}

static void
test_random_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = fw_generator_random (50000, 1000000, 2021, &error);
  g_assert_no_error (error);
  g_test_message ("50,000 firms and 1,000,000 exhibitions in %.3f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 50000);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 1000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/generator/demo/metadata", Fixture, NULL, fixture_set_up, test_demo_metadata, fixture_tear_down);
  g_test_add ("/generator/demo/headline", Fixture, NULL, fixture_set_up, test_demo_headline, fixture_tear_down);
  g_test_add ("/generator/demo/finding2", Fixture, NULL, fixture_set_up, test_demo_finding2, fixture_tear_down);
  g_test_add ("/generator/demo/by-year", Fixture, NULL, fixture_set_up, test_demo_by_year, fixture_tear_down);
  g_test_add ("/generator/demo/finding3", Fixture, NULL, fixture_set_up, test_demo_finding3, fixture_tear_down);
  g_test_add ("/generator/demo/finding4", Fixture, NULL, fixture_set_up, test_demo_finding4, fixture_tear_down);
  g_test_add ("/generator/demo/shape", Fixture, NULL, fixture_set_up, test_demo_shape, fixture_tear_down);
  g_test_add ("/generator/demo/names", Fixture, NULL, fixture_set_up, test_demo_names, fixture_tear_down);
  g_test_add_func ("/generator/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/generator/random/deterministic", test_random_deterministic);
  g_test_add_func ("/generator/random/sizes", test_random_sizes);
  g_test_add_func ("/generator/random/fewer-exhibitions", test_random_fewer_exhibitions);
  g_test_add_func ("/generator/random/names", test_random_names);
  g_test_add_func ("/generator/random/errors", test_random_errors);
  g_test_add_func ("/generator/random/no-repeats", test_random_no_repeats);
  g_test_add_func ("/generator/random/capacity", test_random_capacity);
  g_test_add_func ("/generator/random/large", test_random_large);

  return g_test_run ();
}
