/* test-findings.c: the report's four findings on a hand-made dataset whose
 * answers are worked out by hand (FACTS.md, "Definitions the application
 * uses"; DESIGN.md for unknown values)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-findings.h"
#include "fw-test-dataset.h"

/* Default settings: continents FR DE GB RU SE Europe; IL AE CN Asia; US CA
 * North America.  Five Eyes: AU CA GB NZ US.  Adversaries: RU CN.
 *
 *   fairs
 *   A0 Milipol Paris        FR
 *   A1 Security & Policing  GB   (Five Eyes)
 *   A2 CANSEC               CA   (Five Eyes)
 *   A3 AUSA                 US   (Five Eyes)
 *   A4 Enforce Tac          DE
 *   A5 ISNR Abu Dhabi       AE
 *   A6 Interpolitex         RU   (adversary)
 *   A7 CIPATE               CN   (adversary)
 *   A8 Mystery Expo         ?
 *
 *   firms (HQ, confidence): exhibitions (fair host year)
 *   F0  Five Eyes Only Inc       US high    A1 GB 2014, A2 CA 2015
 *   F1  Homebody Labs            US medium  A3 US 2014, A3 US 2016
 *   F2  Rhine Watch              FR high    A4 DE 2015, A4 DE 2016, A4 DE 2017
 *   F3  Gulf Reach               FR high    A0 FR 2016, A5 AE 2016, A0 FR 2017
 *   F4  Nowhere Networks         ?  medium  A0 FR 2016, A1 GB 2017, A7 CN 2018
 *   F5  Jordan Valley Forensics  IL high    A6 RU 2013, A7 CN 2014, A7 CN 2013,
 *                                           A6 RU 2012, A0 FR 2014, A6 RU ?
 *   F6  Volga Trans              RU high    A6 RU 2009, A6 RU 2010
 *   F7  Lowly Labs               SE low     A7 CN 2015, A0 FR 2015
 *   F8  Mystery Corp             DE ?       A0 FR 2016, A4 DE 2016
 *   F9  Fog Systems              DE medium  A8 ?  2018, A4 DE 2018, A8 ? 2019
 *   F10 Idle Industries          GB high    (no exhibitions)
 *
 * Base firms (high or medium): F0 F1 F2 F3 F4 F5 F6 F9 F10.
 *
 * Rankings are written "key=firms" in ranking order: countries by ISO code
 * ("?" unknown), continents by name, fairs as A<row>.  By-year classes are
 * written "year:home country/home continent/outside continent/unknown".
 * Ties are broken by name; the test runs in C.UTF-8, where "(unknown)"
 * sorts before letters.
 */

enum { A0, A1, A2, A3, A4, A5, A6, A7, A8, N_FAIRS };
enum { F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, N_FIRMS };

typedef struct
{
  FwCountries *countries;
  FwDataset   *dataset;
  FwQuery     *query;
  FwFilter    *filter;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const FwTestFair fairs[N_FAIRS] = {
    [A0] = { "Milipol Paris", "FR" },
    [A1] = { "Security & Policing", "GB" },
    [A2] = { "CANSEC", "CA" },
    [A3] = { "AUSA", "US" },
    [A4] = { "Enforce Tac", "DE" },
    [A5] = { "ISNR Abu Dhabi", "AE" },
    [A6] = { "Interpolitex", "RU" },
    [A7] = { "CIPATE", "CN" },
    [A8] = { "Mystery Expo", NULL },
  };
  const FwTestFirm firms[N_FIRMS] = {
    [F0] = { "Five Eyes Only Inc", "US", FW_CONFIDENCE_HIGH },
    [F1] = { "Homebody Labs", "US", FW_CONFIDENCE_MEDIUM },
    [F2] = { "Rhine Watch", "FR", FW_CONFIDENCE_HIGH },
    [F3] = { "Gulf Reach", "FR", FW_CONFIDENCE_HIGH },
    [F4] = { "Nowhere Networks", NULL, FW_CONFIDENCE_MEDIUM },
    [F5] = { "Jordan Valley Forensics", "IL", FW_CONFIDENCE_HIGH },
    [F6] = { "Volga Trans", "RU", FW_CONFIDENCE_HIGH },
    [F7] = { "Lowly Labs", "SE", FW_CONFIDENCE_LOW },
    [F8] = { "Mystery Corp", "DE", FW_CONFIDENCE_UNKNOWN },
    [F9] = { "Fog Systems", "DE", FW_CONFIDENCE_MEDIUM },
    [F10] = { "Idle Industries", "GB", FW_CONFIDENCE_HIGH },
  };
  const FwTestExhibition exhibitions[] = {
    { F0, A1, 2014 }, { F0, A2, 2015 },
    { F1, A3, 2014 }, { F1, A3, 2016 },
    { F2, A4, 2015 }, { F2, A4, 2016 }, { F2, A4, 2017 },
    { F3, A0, 2016 }, { F3, A5, 2016 }, { F3, A0, 2017 },
    { F4, A0, 2016 }, { F4, A1, 2017 }, { F4, A7, 2018 },
    { F5, A6, 2013 }, { F5, A7, 2014 }, { F5, A7, 2013 },
    { F5, A6, 2012 }, { F5, A0, 2014 }, { F5, A6, 0 },
    { F6, A6, 2009 }, { F6, A6, 2010 },
    { F7, A7, 2015 }, { F7, A0, 2015 },
    { F8, A0, 2016 }, { F8, A4, 2016 },
    { F9, A8, 2018 }, { F9, A4, 2018 }, { F9, A8, 2019 },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (exhibitions) == 28);

  fixture->countries = fw_countries_new_default ();
  fixture->dataset = fw_test_dataset_new (fixture->countries, fairs, N_FAIRS, firms, N_FIRMS,
                                          exhibitions, G_N_ELEMENTS (exhibitions));
  fw_dataset_set_title (fixture->dataset, "Hand-made findings fixture");
  fw_dataset_set_fictional (fixture->dataset, TRUE);

  fixture->query = fw_query_new (fixture->dataset);
  fixture->filter = fw_filter_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->filter, fw_filter_free);
  g_assert_finalize_object (g_steal_pointer (&fixture->query));
  g_assert_finalize_object (g_steal_pointer (&fixture->dataset));
  g_assert_finalize_object (g_steal_pointer (&fixture->countries));
}

static FwFindings *
compute (Fixture *fixture)
{
  fw_query_run (fixture->query, fixture->filter);

  return fw_findings_compute (fixture->query);
}

typedef enum
{
  KEY_COUNTRY,
  KEY_CONTINENT,
  KEY_FAIR,
} KeyKind;

static char *
ranking_to_string (Fixture *fixture,
                   GArray  *entries,
                   KeyKind  kind)
{
  GString *string = g_string_new (NULL);

  g_assert_nonnull (entries);

  for (guint i = 0; i < entries->len; i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);

      if (string->len > 0)
        g_string_append_c (string, ' ');
      if (kind == KEY_COUNTRY)
        g_string_append (string, entry->key == FW_COUNTRY_UNKNOWN ? "?" : fw_countries_get_code (fixture->countries, entry->key));
      else if (kind == KEY_CONTINENT)
        g_string_append (string, fw_continent_to_string (entry->key));
      else
        g_string_append_printf (string, "A%u", entry->key);
      g_string_append_printf (string, "=%u", entry->firms);
    }

  return g_string_free (string, FALSE);
}

#define assert_ranking(fixture, entries, kind, expected) \
  G_STMT_START { \
    g_autofree char *__ranking = ranking_to_string ((fixture), (entries), (kind)); \
    g_assert_cmpstr (__ranking, ==, (expected)); \
  } G_STMT_END

static char *
by_year_to_string (GArray *by_year)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < by_year->len; i++)
    {
      const FwYearClasses *classes = &g_array_index (by_year, FwYearClasses, i);

      if (string->len > 0)
        g_string_append_c (string, ' ');
      if (classes->year == FW_YEAR_UNKNOWN)
        g_string_append_c (string, '?');
      else
        g_string_append_printf (string, "%u", classes->year);
      g_string_append_printf (string, ":%u/%u/%u/%u",
                              classes->home_country, classes->home_continent,
                              classes->outside_continent, classes->unknown);
    }

  return g_string_free (string, FALSE);
}

#define assert_by_year(findings, expected) \
  G_STMT_START { \
    g_autofree char *__by_year = by_year_to_string ((findings)->by_year); \
    g_assert_cmpstr (__by_year, ==, (expected)); \
  } G_STMT_END

/* "Name (HQ): HOST HOST; YEAR YEAR [+unknown]", one per line. */
static char *
adversaries_to_string (Fixture    *fixture,
                       FwFindings *findings)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < findings->adversary_firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);

      g_string_append_printf (string, "%s (%s):",
                              fw_dataset_get_firm_name (fixture->dataset, firm->firm),
                              fw_countries_get_code (fixture->countries, fw_dataset_get_firm_hq (fixture->dataset, firm->firm)));
      for (guint j = 0; j < firm->hosts->len; j++)
        g_string_append_printf (string, " %s", fw_countries_get_code (fixture->countries, g_array_index (firm->hosts, FwCountryId, j)));
      g_string_append_c (string, ';');
      for (guint j = 0; j < firm->years->len; j++)
        g_string_append_printf (string, " %u", g_array_index (firm->years, guint16, j));
      if (firm->unknown_years)
        g_string_append (string, " +unknown");
      g_string_append_c (string, '\n');
    }

  return g_string_free (string, FALSE);
}

#define assert_adversaries(fixture, findings, expected) \
  G_STMT_START { \
    g_autofree char *__adversaries = adversaries_to_string ((fixture), (findings)); \
    g_assert_cmpstr (__adversaries, ==, (expected)); \
  } G_STMT_END

/* The data ------------------------------------------------------------- */

static void
test_findings_overview (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);

  g_assert_cmpuint (findings->n_firms, ==, 11);
  g_assert_cmpuint (findings->n_exhibitions, ==, 28);

  /* Finding 1: high F0 F2 F3 F5 F6 F10; medium F1 F4 F9; low F7;
   * unknown F8. */
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], ==, 6);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], ==, 3);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_LOW], ==, 1);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], ==, 1);

  /* HQ: US F0 F1, FR F2 F3, DE F8 F9, IL F5, RU F6, SE F7, GB F10, unknown
   * F4: seven known countries.  Ties by name: France, Germany, United
   * States; then (unknown), Israel, Russia, Sweden, United Kingdom. */
  g_assert_cmpuint (findings->n_hq_countries, ==, 7);
  assert_ranking (fixture, findings->hq_countries, KEY_COUNTRY, "FR=2 DE=2 US=2 ?=1 IL=1 RU=1 SE=1 GB=1");
  /* Europe: FR FR RU SE DE DE GB; North America: US US; Asia: IL. */
  assert_ranking (fixture, findings->hq_continents, KEY_CONTINENT, "Europe=7 North America=2 Asia=1 unknown=1");
}

/* Finding 2 -------------------------------------------------------------- */

static void
test_findings_finding2 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);

  /* Base firms: F0 F1 F2 F3 F4 F5 F6 F9 F10 (not F7 low, F8 unknown). */
  g_assert_cmpuint (findings->base_firms, ==, 9);
  /* F4's HQ is unknown: counted here and classified nowhere. */
  g_assert_cmpuint (findings->base_unknown_hq, ==, 1);

  /* F0 (US) exhibited only in GB and CA, both Five Eyes, both abroad:
   * Five-Eyes-only, in neither share. */
  g_assert_cmpuint (findings->five_eyes_only, ==, 1);

  /* Outside home country: F2 (FR -> DE), F3 (FR -> AE), F5 (IL -> RU, CN,
   * FR).  Not F1 (US, only in the US: not excluded either), F6 (RU, only
   * in RU), F9 (DE: DE and an unknown host, which makes no firm
   * "outside"), F10 (no exhibitions), F4 (unknown HQ). */
  g_assert_cmpuint (findings->outside_home_country, ==, 3);

  /* Outside home continent: F3 (Europe -> Asia), F5 (Asia -> Europe).
   * F2 stayed in Europe. */
  g_assert_cmpuint (findings->outside_home_continent, ==, 2);

  /* Base firms' exhibitions with an unknown host: F9 at A8 twice. */
  g_assert_cmpuint (findings->unknown_host_exhibitions, ==, 2);
}

static void
test_findings_finding2_by_year (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);

  /* Each base firm in each year it exhibited:
   *   F0 (US, NA):  2014 GB -> outside; 2015 CA -> home continent
   *   F1 (US):      2014 US, 2016 US -> home country
   *   F2 (FR):      2015 2016 2017 DE -> home continent
   *   F3 (FR):      2016 FR + AE -> outside (that year only); 2017 FR -> home country
   *   F4 (?):       2016 2017 2018 -> unknown
   *   F5 (IL, Asia): 2012 RU -> outside; 2013 RU + CN -> outside;
   *                 2014 CN (home continent) + FR -> outside; ? RU -> outside
   *   F6 (RU):      2009, 2010 RU -> home country
   *   F9 (DE):      2018 ? + DE -> home country; 2019 ? only -> unknown
   *   F10:          none
   * Years ascending, unknown last. */
  assert_by_year (findings,
                  "2009:1/0/0/0 2010:1/0/0/0 2012:0/0/1/0 2013:0/0/1/0 "
                  "2014:1/0/2/0 2015:0/2/0/0 2016:1/1/1/1 2017:1/1/0/1 "
                  "2018:1/0/0/1 2019:0/0/0/1 ?:0/0/1/0");
}

static void
test_findings_continent_setting (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;

  /* With the UAE counted as Europe, F3's AE fair is on its own continent:
   * F3 is still outside its home country but no longer outside its
   * continent, and its 2016 becomes "home continent". */
  fw_countries_set_continent (fixture->countries, fw_test_country (fixture->countries, "AE"), FW_CONTINENT_EUROPE);
  findings = compute (fixture);

  g_assert_cmpuint (findings->outside_home_country, ==, 3);
  g_assert_cmpuint (findings->outside_home_continent, ==, 1);
  g_assert_cmpuint (findings->five_eyes_only, ==, 1);
  assert_by_year (findings,
                  "2009:1/0/0/0 2010:1/0/0/0 2012:0/0/1/0 2013:0/0/1/0 "
                  "2014:1/0/2/0 2015:0/2/0/0 2016:1/2/0/1 2017:1/1/0/1 "
                  "2018:1/0/0/1 2019:0/0/0/1 ?:0/0/1/0");
}

/* Finding 3 -------------------------------------------------------------- */

static void
test_findings_finding3 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);

  /* Distinct base firms per fair:
   *   A0 Milipol:  F3 (2016 and 2017, once), F4, F5       = 3  (F7 low, F8 unknown: no)
   *   A1 S&P:      F0, F4                                 = 2
   *   A2 CANSEC:   F0                                     = 1
   *   A3 AUSA:     F1 (two years, once)                   = 1
   *   A4 Enforce:  F2 (three years, once), F9             = 2  (F8: no)
   *   A5 ISNR:     F3                                     = 1
   *   A6 Interpol: F5 (three times, once), F6             = 2
   *   A7 CIPATE:   F4, F5 (twice, once)                   = 2  (F7: no)
   *   A8 Mystery:  F9 (twice, once)                       = 1
   * Ties by name: CIPATE, Enforce Tac, Interpolitex, Security & Policing;
   * AUSA, CANSEC, ISNR Abu Dhabi, Mystery Expo. */
  assert_ranking (fixture, findings->fairs, KEY_FAIR, "A0=3 A7=2 A4=2 A6=2 A1=2 A3=1 A2=1 A5=1 A8=1");

  /* Distinct base firms per host: FR F3 F4 F5; CN F4 F5; DE F2 F9; RU F5
   * F6; GB F0 F4; unknown F9; CA F0; AE F3; US F1. */
  assert_ranking (fixture, findings->host_countries, KEY_COUNTRY, "FR=3 CN=2 DE=2 RU=2 GB=2 ?=1 CA=1 AE=1 US=1");

  /* Every confidence level: FR adds F7 (low) and F8 (unknown), CN adds
   * F7, DE adds F8. */
  assert_ranking (fixture, findings->host_countries_all, KEY_COUNTRY, "FR=5 CN=3 DE=3 RU=2 GB=2 ?=1 CA=1 AE=1 US=1");
}

/* Finding 4 -------------------------------------------------------------- */

static void
test_findings_finding4 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);

  /* F5 (IL) exhibited in RU and CN: hosts sorted by code, years sorted and
   * unique, the unknown year flagged.  F6 (RU) at RU fairs is
   * headquartered in an adversary; F7 at a CN fair is low confidence;
   * F4 at a CN fair has an unknown HQ and is only counted. */
  assert_adversaries (fixture, findings, "Jordan Valley Forensics (IL): CN RU; 2012 2013 2014 +unknown\n");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 1);
}

static void
test_findings_finding4_settings (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;

  /* Adding the UAE: F3 (FR) exhibited there in 2016.  Adding Iran
   * changes nothing (no Iranian fair).  Sorted by name. */
  fw_countries_set_adversary (fixture->countries, fw_test_country (fixture->countries, "AE"), TRUE);
  fw_countries_set_adversary (fixture->countries, fw_test_country (fixture->countries, "IR"), TRUE);
  findings = compute (fixture);
  assert_adversaries (fixture, findings,
                      "Gulf Reach (FR): AE; 2016\n"
                      "Jordan Valley Forensics (IL): CN RU; 2012 2013 2014 +unknown\n");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 1);
  g_clear_pointer (&findings, fw_findings_free);

  /* Dropping Russia: F5 keeps only its Chinese fairs (2013, 2014; the
   * unknown year was in Russia); F6 stays out (RU fairs are no longer
   * adversary-hosted). */
  fw_countries_set_adversary (fixture->countries, fw_test_country (fixture->countries, "RU"), FALSE);
  findings = compute (fixture);
  assert_adversaries (fixture, findings,
                      "Gulf Reach (FR): AE; 2016\n"
                      "Jordan Valley Forensics (IL): CN; 2013 2014\n");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 1);
  g_clear_pointer (&findings, fw_findings_free);

  /* Making Israel an adversary takes F5 out (HQ in an adversary). */
  fw_countries_set_adversary (fixture->countries, fw_test_country (fixture->countries, "IL"), TRUE);
  findings = compute (fixture);
  assert_adversaries (fixture, findings, "Gulf Reach (FR): AE; 2016\n");
  g_clear_pointer (&findings, fw_findings_free);

  /* Back to the defaults. */
  fw_countries_reset_settings (fixture->countries);
  findings = compute (fixture);
  assert_adversaries (fixture, findings, "Jordan Valley Forensics (IL): CN RU; 2012 2013 2014 +unknown\n");
}

/* Under a filter --------------------------------------------------------- */

static void
test_findings_filtered_years (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;

  /* Years 2015-2019 (unknown years out).  What each firm keeps:
   *   F0: CA 2015               F1: US 2016
   *   F2: DE 2015 2016 2017     F3: FR 2016, AE 2016, FR 2017
   *   F4: FR 2016, GB 2017, CN 2018
   *   F5: nothing (2012-2014 and ?)   F6: nothing (2009, 2010)
   *   F7: CN 2015, FR 2015      F8: FR 2016, DE 2016
   *   F9: ? 2018, DE 2018, ? 2019     F10: nothing (no exhibitions)
   * Kept firms: F0 F1 F2 F3 F4 F7 F8 F9; 1+1+3+3+3+2+2+3 exhibitions. */
  fw_filter_set_years (fixture->filter, 2015, 2019);
  findings = compute (fixture);

  g_assert_cmpuint (findings->n_firms, ==, 8);
  g_assert_cmpuint (findings->n_exhibitions, ==, 18);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_HIGH], ==, 3);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_MEDIUM], ==, 3);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_LOW], ==, 1);
  g_assert_cmpuint (findings->confidence[FW_CONFIDENCE_UNKNOWN], ==, 1);
  g_assert_cmpuint (findings->n_hq_countries, ==, 4);
  assert_ranking (fixture, findings->hq_countries, KEY_COUNTRY, "FR=2 DE=2 US=2 ?=1 SE=1");

  /* Finding 2: base F0 F1 F2 F3 F4 F9.  F0 (only CA left) is still
   * Five-Eyes-only; outside country F2 F3; outside continent F3 only
   * (F5 is gone). */
  g_assert_cmpuint (findings->base_firms, ==, 6);
  g_assert_cmpuint (findings->base_unknown_hq, ==, 1);
  g_assert_cmpuint (findings->five_eyes_only, ==, 1);
  g_assert_cmpuint (findings->outside_home_country, ==, 2);
  g_assert_cmpuint (findings->outside_home_continent, ==, 1);
  g_assert_cmpuint (findings->unknown_host_exhibitions, ==, 2);
  assert_by_year (findings, "2015:0/2/0/0 2016:1/1/1/1 2017:1/1/0/1 2018:1/0/0/1 2019:0/0/0/1");

  /* Finding 3: A0 F3 F4; A4 F2 F9; then one each; A6 is gone. */
  assert_ranking (fixture, findings->fairs, KEY_FAIR, "A4=2 A0=2 A3=1 A2=1 A7=1 A5=1 A8=1 A1=1");
  assert_ranking (fixture, findings->host_countries, KEY_COUNTRY, "FR=2 DE=2 ?=1 CA=1 CN=1 AE=1 GB=1 US=1");
  assert_ranking (fixture, findings->host_countries_all, KEY_COUNTRY, "FR=4 DE=3 CN=2 ?=1 CA=1 AE=1 GB=1 US=1");

  /* Finding 4: F5 is gone; F4 (unknown HQ) still went to CN in 2018. */
  assert_adversaries (fixture, findings, "");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 1);
}

static void
test_findings_filtered_low (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;

  /* Low confidence only: F7.  No base firms at all. */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  findings = compute (fixture);

  g_assert_cmpuint (findings->n_firms, ==, 1);
  g_assert_cmpuint (findings->n_exhibitions, ==, 2);
  g_assert_cmpuint (findings->base_firms, ==, 0);
  g_assert_cmpuint (findings->five_eyes_only, ==, 0);
  g_assert_cmpuint (findings->outside_home_country, ==, 0);
  g_assert_cmpuint (findings->outside_home_continent, ==, 0);
  assert_by_year (findings, "");
  assert_ranking (fixture, findings->fairs, KEY_FAIR, "");
  assert_ranking (fixture, findings->host_countries, KEY_COUNTRY, "");
  assert_ranking (fixture, findings->host_countries_all, KEY_COUNTRY, "CN=1 FR=1");
  assert_adversaries (fixture, findings, "");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 0);
}

static void
test_findings_filtered_host (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;

  /* Host GB only: F0 (2014) and F4 (2017) are kept, each with its GB
   * exhibition alone.  F0 now has a single exhibition, in the Five Eyes
   * and abroad: still excluded.  F4 has no HQ. */
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "GB"));
  findings = compute (fixture);

  g_assert_cmpuint (findings->n_firms, ==, 2);
  g_assert_cmpuint (findings->n_exhibitions, ==, 2);
  g_assert_cmpuint (findings->base_firms, ==, 2);
  g_assert_cmpuint (findings->base_unknown_hq, ==, 1);
  g_assert_cmpuint (findings->five_eyes_only, ==, 1);
  g_assert_cmpuint (findings->outside_home_country, ==, 0);
  g_assert_cmpuint (findings->outside_home_continent, ==, 0);
  assert_by_year (findings, "2014:0/0/1/0 2017:0/0/0/1");
  assert_ranking (fixture, findings->fairs, KEY_FAIR, "A1=2");
  assert_adversaries (fixture, findings, "");
  g_assert_cmpuint (findings->adversary_unknown_hq, ==, 0);
}

static void
test_findings_empty_dataset (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  g_autoptr(FwQuery) query = fw_query_new (dataset);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwFindings) findings = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *finding2;

  fw_query_run (query, filter);
  findings = fw_findings_compute (query);

  g_assert_cmpuint (findings->n_firms, ==, 0);
  g_assert_cmpuint (findings->n_exhibitions, ==, 0);
  g_assert_cmpuint (findings->n_hq_countries, ==, 0);
  g_assert_cmpuint (findings->base_firms, ==, 0);
  g_assert_cmpuint (findings->hq_countries->len, ==, 0);
  g_assert_cmpuint (findings->hq_continents->len, ==, 0);
  g_assert_cmpuint (findings->by_year->len, ==, 0);
  g_assert_cmpuint (findings->fairs->len, ==, 0);
  g_assert_cmpuint (findings->host_countries->len, ==, 0);
  g_assert_cmpuint (findings->host_countries_all->len, ==, 0);
  g_assert_cmpuint (findings->adversary_firms->len, ==, 0);

  /* Shares of nothing are null, not NaN. */
  node = fw_findings_to_json (findings, dataset);
  finding2 = json_object_get_object_member (json_node_get_object (node), "finding2");
  g_assert_true (json_object_get_null_member (finding2, "outside_home_country_share"));
  g_assert_true (json_object_get_null_member (finding2, "outside_home_continent_share"));

  fw_findings_free (NULL);
}

/* JSON ------------------------------------------------------------------- */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, name)));

  return json_object_get_object_member (object, name);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)));

  return json_object_get_array_member (object, name);
}

static void
test_findings_json (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = compute (fixture);
  g_autoptr(JsonNode) node = fw_findings_to_json (findings, fixture->dataset);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *members[] = { "dataset", "confidence", "hq_countries", "hq_continents",
                            "finding2", "finding3", "finding4" };
  JsonObject *root, *object, *entry;
  JsonArray *array, *hosts, *years;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  /* It is valid JSON once printed. */
  text = json_to_string (node, TRUE);
  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (node, parsed));

  root = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (root, members[i]));

  object = member_object (root, "dataset");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Hand-made findings fixture");
  g_assert_true (json_object_get_boolean_member (object, "fictional"));
  g_assert_cmpint (json_object_get_int_member (object, "firms"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (object, "exhibitions"), ==, 28);
  g_assert_cmpint (json_object_get_int_member (object, "hq_countries"), ==, 7);

  object = member_object (root, "confidence");
  g_assert_cmpint (json_object_get_int_member (object, "high"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (object, "medium"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "low"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "unknown"), ==, 1);

  array = member_array (root, "hq_countries");
  g_assert_cmpuint (json_array_get_length (array), ==, 8);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "country"), ==, "FR");
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "France");
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 2);
  entry = json_array_get_object_element (array, 3);
  g_assert_true (json_object_get_null_member (entry, "country"));
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 1);

  array = member_array (root, "hq_continents");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "continent"), ==, "Europe");
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 7);
  entry = json_array_get_object_element (array, 3);
  g_assert_true (json_object_get_null_member (entry, "continent"));

  object = member_object (root, "finding2");
  g_assert_cmpint (json_object_get_int_member (object, "firms"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "excluded"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "outside_home_country"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "outside_home_country_share"), 3.0 / 9.0, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "outside_home_continent"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "outside_home_continent_share"), 2.0 / 9.0, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "unknown_hq"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "unknown_host_exhibitions"), ==, 2);
  array = member_array (object, "by_year");
  g_assert_cmpuint (json_array_get_length (array), ==, 11);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (entry, "year"), ==, 2009);
  g_assert_cmpint (json_object_get_int_member (entry, "home_country"), ==, 1);
  entry = json_array_get_object_element (array, 6);
  g_assert_cmpint (json_object_get_int_member (entry, "year"), ==, 2016);
  g_assert_cmpint (json_object_get_int_member (entry, "home_country"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (entry, "home_continent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (entry, "outside_continent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (entry, "unknown"), ==, 1);
  entry = json_array_get_object_element (array, 10);
  g_assert_true (json_object_get_null_member (entry, "year"));
  g_assert_cmpint (json_object_get_int_member (entry, "outside_continent"), ==, 1);

  object = member_object (root, "finding3");
  array = member_array (object, "fairs");
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Milipol Paris");
  g_assert_cmpstr (json_object_get_string_member (entry, "host"), ==, "FR");
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 3);
  entry = json_array_get_object_element (array, 8);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Mystery Expo");
  g_assert_true (json_object_get_null_member (entry, "host"));
  array = member_array (object, "host_countries");
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "country"), ==, "FR");
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 3);
  array = member_array (object, "host_countries_all");
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "country"), ==, "FR");
  g_assert_cmpint (json_object_get_int_member (entry, "firms"), ==, 5);

  object = member_object (root, "finding4");
  g_assert_cmpint (json_object_get_int_member (object, "unknown_hq"), ==, 1);
  array = member_array (object, "firms");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Jordan Valley Forensics");
  g_assert_cmpstr (json_object_get_string_member (entry, "hq"), ==, "IL");
  g_assert_cmpstr (json_object_get_string_member (entry, "confidence"), ==, "high");
  hosts = member_array (entry, "hosts");
  g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (hosts, 0), ==, "CN");
  g_assert_cmpstr (json_array_get_string_element (hosts, 1), ==, "RU");
  years = member_array (entry, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, 3);
  g_assert_cmpint (json_array_get_int_element (years, 0), ==, 2012);
  g_assert_cmpint (json_array_get_int_element (years, 1), ==, 2013);
  g_assert_cmpint (json_array_get_int_element (years, 2), ==, 2014);
  g_assert_true (json_object_get_boolean_member (entry, "unknown_years"));
}

static void
test_findings_json_no_base (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(FwFindings) findings = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *finding2;

  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  findings = compute (fixture);
  node = fw_findings_to_json (findings, fixture->dataset);

  /* No base firms: the shares are null, the counts zero. */
  finding2 = member_object (json_node_get_object (node), "finding2");
  g_assert_cmpint (json_object_get_int_member (finding2, "firms"), ==, 0);
  g_assert_true (json_object_get_null_member (finding2, "outside_home_country_share"));
  g_assert_true (json_object_get_null_member (finding2, "outside_home_continent_share"));
  g_assert_cmpuint (json_array_get_length (member_array (finding2, "by_year")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Report every failing check, not only the first. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/findings/overview", test_findings_overview);
  ADD ("/findings/finding2", test_findings_finding2);
  ADD ("/findings/finding2-by-year", test_findings_finding2_by_year);
  ADD ("/findings/continent-setting", test_findings_continent_setting);
  ADD ("/findings/finding3", test_findings_finding3);
  ADD ("/findings/finding4", test_findings_finding4);
  ADD ("/findings/finding4-settings", test_findings_finding4_settings);
  ADD ("/findings/filtered-years", test_findings_filtered_years);
  ADD ("/findings/filtered-low", test_findings_filtered_low);
  ADD ("/findings/filtered-host", test_findings_filtered_host);
  ADD ("/findings/json", test_findings_json);
  ADD ("/findings/json-no-base", test_findings_json_no_base);
  g_test_add_func ("/findings/empty-dataset", test_findings_empty_dataset);

#undef ADD

  return g_test_run ();
}
