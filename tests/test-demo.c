/* test-demo.c: the datasets that ship inside the program
 *
 * The demonstration data must reproduce every headline figure of the report
 * when the findings engine computes them from the bundled file (not from the
 * generator), and the bundled file must be what the generator makes today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-findings.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "fw-native.h"
#include "fw-resources.h"

static FwFindings *
compute (FwDataset      *dataset,
         const FwFilter *filter)
{
  g_autoptr(FwQuery) query = fw_query_new (dataset);
  g_autoptr(FwFilter) empty = fw_filter_new ();

  fw_query_run (query, filter != NULL ? filter : empty);

  return fw_findings_compute (query);
}

static guint
rank_of (FwDataset  *dataset,
         GArray     *entries,
         const char *code)
{
  FwCountryId id = fw_countries_lookup_code (fw_dataset_get_countries (dataset), code);

  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, FwRankEntry, i).key == id)
      return i + 1;

  return G_MAXUINT;
}

static guint
firms_at (GArray *entries,
          guint   index)
{
  return g_array_index (entries, FwRankEntry, index).firms;
}

static void
test_demo_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_demo (&error);
  g_autoptr(FwFindings) findings = NULL;

  g_assert_no_error (error);
  g_assert_true (fw_dataset_get_fictional (dataset));
  g_assert_nonnull (strstr (fw_dataset_get_description (dataset), "ictional"));

  findings = compute (dataset, NULL);

  /* FACTS.md, headline figures. */
  g_assert_cmpuint (findings->n_firms, ==, 224);
  g_assert_cmpuint (findings->n_hq_countries, ==, 33);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], ==, 59);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], ==, 22);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_LOW], ==, 143);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], ==, 0);

  g_assert_cmpuint (findings->base_firms, ==, 81);
  g_assert_cmpuint (findings->five_eyes_only, ==, 2);
  g_assert_cmpuint (findings->outside_home_continent, ==, 60);
  g_assert_cmpfloat ((double) findings->outside_home_continent / findings->base_firms, <, 0.75);
  g_assert_cmpfloat ((double) findings->outside_home_country / findings->base_firms, >, 0.85);
  g_assert_cmpuint (findings->adversary_firms->len, ==, 5);

  /* Finding 2 by year: more firms exhibit outside their home continent
   * than stay within it, every year. */
  g_assert_cmpuint (findings->by_year->len, >=, 15);
  for (guint i = 0; i < findings->by_year->len; i++)
    {
      const FwYearClasses *y = &g_array_index (findings->by_year, FwYearClasses, i);

      g_assert_cmpuint (y->year, !=, FW_YEAR_UNKNOWN);
      g_assert_cmpuint (y->outside_continent, >, y->home_continent + y->home_country);
    }

  /* Finding 3: Milipol France and Security & Policing lead; France and the
   * UK are the top hosts, then Germany, Singapore, Qatar and Israel; the UAE
   * and the US lead when every firm counts. */
  g_assert_cmpstr (fw_dataset_get_fair_name (dataset, g_array_index (findings->fairs, FwRankEntry, 0).key), ==, "Milipol France");
  g_assert_cmpstr (fw_dataset_get_fair_name (dataset, g_array_index (findings->fairs, FwRankEntry, 1).key), ==, "Security & Policing");
  g_assert_cmpuint (firms_at (findings->fairs, 1), >, firms_at (findings->fairs, 2));

  g_assert_cmpuint (rank_of (dataset, findings->host_countries, "FR"), ==, 1);
  g_assert_cmpuint (rank_of (dataset, findings->host_countries, "GB"), ==, 2);
  for (guint i = 0; i < 4; i++)
    {
      const char *next[] = { "DE", "SG", "QA", "IL" };

      g_assert_cmpuint (rank_of (dataset, findings->host_countries, next[i]), >=, 3);
      g_assert_cmpuint (rank_of (dataset, findings->host_countries, next[i]), <=, 6);
    }
  g_assert_cmpuint (firms_at (findings->host_countries, 5), >, firms_at (findings->host_countries, 6));

  g_assert_cmpuint (rank_of (dataset, findings->host_countries_all, "AE"), <=, 2);
  g_assert_cmpuint (rank_of (dataset, findings->host_countries_all, "US"), <=, 2);
}

/* The report's figures hold under its own reading: the shares are of the
 * 81 base firms, and restricting to them changes nothing. */
static void
test_demo_base_filter (void)
{
  g_autoptr(FwDataset) dataset = fw_io_load_demo (NULL);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwFindings) findings = NULL;

  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
  findings = compute (dataset, filter);

  g_assert_cmpuint (findings->n_firms, ==, 81);
  g_assert_cmpuint (findings->base_firms, ==, 81);
  g_assert_cmpuint (findings->outside_home_continent, ==, 60);
  g_assert_cmpuint (findings->five_eyes_only, ==, 2);
  g_assert_cmpuint (findings->adversary_firms->len, ==, 5);
}

static char *
native_text (FwDataset *dataset)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_native_write (dataset, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (stream, "", 1, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Run `fairwatch generate --demo data/demo.fairwatch.json` after changing the
 * generator. */
static void
test_demo_is_current (void)
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(FwDataset) generated = fw_generator_demo ();
  g_autofree char *expected = native_text (generated);
  g_autofree char *actual = NULL;

  fw_resources_ensure ();
  bundled = g_resources_lookup_data (FW_DEMO_RESOURCE, 0, NULL);
  g_assert_nonnull (bundled);
  actual = g_strndup (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));

  g_assert_cmpstr (actual, ==, expected);
}

/* The real firms the report names: only what it states, the rest unknown. */
static void
test_report_firms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_resource (FW_REPORT_RESOURCE, &error);
  g_autoptr(FwFindings) findings = NULL;
  FwCountries *countries;
  const struct { const char *name; const char *hq; FwConfidence confidence; } named[] = {
    { "Pro4Sec", "HR", FW_CONFIDENCE_UNKNOWN },
    { "ClearTrail", "IN", FW_CONFIDENCE_UNKNOWN },
    { "Area S.p.A.", "IT", FW_CONFIDENCE_UNKNOWN },
    { "Wolf Intelligence", "DE", FW_CONFIDENCE_UNKNOWN },
    { "Cellebrite", "IL", FW_CONFIDENCE_UNKNOWN },
    { "BTT", "TR", FW_CONFIDENCE_UNKNOWN },
    { "MSAB (Micro Systemation AB)", "SE", FW_CONFIDENCE_UNKNOWN },
    { "Norsi Trans", "RU", FW_CONFIDENCE_HIGH },
  };

  g_assert_no_error (error);
  g_assert_false (fw_dataset_get_fictional (dataset));
  countries = fw_dataset_get_countries (dataset);

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, G_N_ELEMENTS (named));
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      FwFirmValues firm;

      fw_dataset_get_firm (dataset, i, &firm);
      g_assert_cmpstr (firm.name, ==, named[i].name);
      g_assert_cmpstr (fw_countries_get_code (countries, firm.hq), ==, named[i].hq);
      g_assert_cmpint (firm.confidence, ==, named[i].confidence);
      g_assert_null (firm.website);
      g_assert_nonnull (strstr (firm.source, "Atlantic Council"));
    }

  /* Every exhibition carries its source, and no year the report does not
   * give: only Norsi Trans's Russian years are known. */
  for (guint e = 0; e < fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS); e++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, e, &exhibition);
      g_assert_nonnull (exhibition.source);
      if (exhibition.year != FW_YEAR_UNKNOWN)
        g_assert_cmpstr (fw_dataset_get_firm_name (dataset, exhibition.firm), ==, "Norsi Trans");
    }

  /* Norsi Trans is headquartered in Russia: not an adversary marketer. */
  findings = compute (dataset, NULL);
  g_assert_cmpuint (findings->adversary_firms->len, ==, 0);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/figures", test_demo_figures);
  g_test_add_func ("/demo/base-filter", test_demo_base_filter);
  g_test_add_func ("/demo/is-current", test_demo_is_current);
  g_test_add_func ("/demo/report-firms", test_report_firms);

  return g_test_run ();
}
