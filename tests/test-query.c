/* test-query.c: filters and their evaluation, checked against answers
 * worked out by hand on a small dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "fw-filter.h"
#include "fw-problem.h"
#include "fw-query.h"
#include "fw-test-dataset.h"

/* The hand-made dataset.  Continents are the defaults (DESIGN.md): FR, DE,
 * GB and RU in Europe, IL, AE and CN in Asia, US in North America; the
 * adversaries are RU and CN.
 *
 *   fairs                          firms (HQ, confidence)
 *   A0 Milipol Paris       FR      F0 Alpha Intercept    FR  high
 *   A1 Security & Policing GB      F1 Bravo Signals      DE  medium
 *   A2 Enforce Tac         DE      F2 Charlie Cyber      GB  unknown
 *   A3 ISNR Abu Dhabi      AE      F3 Delta Forensics    US  high
 *   A4 Interpolitex        RU      F4 Ölberg Systems     IL  high
 *   A5 CIPATE              CN      F5 Foxtrot Lab        RU  medium
 *   A6 Mystery Expo        ?       F6 Golf Unknown       ?   low
 *                                  F7 Hotel Quiet        FR  low (no exhibitions)
 *
 * Exhibitions, in the order they are appended (interleaved on purpose):
 *
 *   e0  F0 A0 2010    e5  F3 A1 2012    e10 F4 A4 2014    e15 F0 A1 ?
 *   e1  F1 A2 2011    e6  F5 A4 2009    e11 F3 A4 2018    e16 F1 A6 2013
 *   e2  F4 A5 2013    e7  F0 A3 2014    e12 F2 A0 2015    e17 F3 A0 ?
 *   e3  F0 A0 2012    e8  F6 A5 2017    e13 F5 A4 2010    e18 F6 A6 ?
 *   e4  F2 A1 2009    e9  F1 A0 2016    e14 F4 A0 2013    e19 F4 A3 2020
 *
 * Grouped by firm:
 *   F0: e0 A0/2010, e3 A0/2012, e7 A3/2014, e15 A1/?
 *   F1: e1 A2/2011, e9 A0/2016, e16 A6/2013
 *   F2: e4 A1/2009, e12 A0/2015
 *   F3: e5 A1/2012, e11 A4/2018, e17 A0/?
 *   F4: e2 A5/2013, e10 A4/2014, e14 A0/2013, e19 A3/2020
 *   F5: e6 A4/2009, e13 A4/2010
 *   F6: e8 A5/2017, e18 A6/?
 *   F7: -
 *
 * Masks are written as strings, one character per row: "10000001" keeps
 * F0 and F7.  Facet counts are written as "value=count" for every value
 * with a non-zero count, in value order (so the string is the complete
 * array): countries by ISO code ("?" is unknown; ids follow the codes'
 * alphabetical order), fairs as A<row>, years as numbers ("?" is unknown).
 */

enum { A0, A1, A2, A3, A4, A5, A6, N_FAIRS };
enum { F0, F1, F2, F3, F4, F5, F6, F7, N_FIRMS };
#define N_EXHIBITIONS 20

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
    [A2] = { "Enforce Tac", "DE" },
    [A3] = { "ISNR Abu Dhabi", "AE" },
    [A4] = { "Interpolitex", "RU" },
    [A5] = { "CIPATE", "CN" },
    [A6] = { "Mystery Expo", NULL },
  };
  const FwTestFirm firms[N_FIRMS] = {
    [F0] = { "Alpha Intercept", "FR", FW_CONFIDENCE_HIGH },
    [F1] = { "Bravo Signals", "DE", FW_CONFIDENCE_MEDIUM },
    [F2] = { "Charlie Cyber", "GB", FW_CONFIDENCE_UNKNOWN },
    [F3] = { "Delta Forensics", "US", FW_CONFIDENCE_HIGH },
    [F4] = { "Ölberg Systems", "IL", FW_CONFIDENCE_HIGH },
    [F5] = { "Foxtrot Lab", "RU", FW_CONFIDENCE_MEDIUM },
    [F6] = { "Golf Unknown", NULL, FW_CONFIDENCE_LOW },
    [F7] = { "Hotel Quiet", "FR", FW_CONFIDENCE_LOW },
  };
  const FwTestExhibition exhibitions[N_EXHIBITIONS] = {
    { F0, A0, 2010 }, { F1, A2, 2011 }, { F4, A5, 2013 }, { F0, A0, 2012 },
    { F2, A1, 2009 }, { F3, A1, 2012 }, { F5, A4, 2009 }, { F0, A3, 2014 },
    { F6, A5, 2017 }, { F1, A0, 2016 }, { F4, A4, 2014 }, { F3, A4, 2018 },
    { F2, A0, 2015 }, { F5, A4, 2010 }, { F4, A0, 2013 }, { F0, A1, 0 },
    { F1, A6, 2013 }, { F3, A0, 0 },    { F6, A6, 0 },    { F4, A3, 2020 },
  };

  fixture->countries = fw_countries_new_default ();
  fixture->dataset = fw_test_dataset_new (fixture->countries, fairs, N_FAIRS, firms, N_FIRMS,
                                          exhibitions, G_N_ELEMENTS (exhibitions));

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

static char *
mask_to_string (const guint8 *mask,
                guint         n)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_c (string, mask[i] ? '1' : '0');

  return g_string_free (string, FALSE);
}

static char *
value_to_string (Fixture *fixture,
                 FwFacet  facet,
                 guint    value)
{
  switch (facet)
    {
    case FW_FACET_CONFIDENCE:
      return g_strdup (fw_confidence_to_string (value));
    case FW_FACET_HQ_CONTINENT:
    case FW_FACET_HOST_CONTINENT:
      return g_strdup (fw_continent_to_string (value));
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      if (value == FW_COUNTRY_UNKNOWN)
        return g_strdup ("?");
      return g_strdup (fw_countries_get_code (fixture->countries, value));
    case FW_FACET_FAIR:
      return g_strdup_printf ("A%u", value);
    case FW_FACET_ADVERSARY:
      return g_strdup (value == FW_ADVERSARY_YES ? "yes" : value == FW_ADVERSARY_NO ? "no" : "unknown");
    case FW_FACET_YEAR:
      if (value == FW_YEAR_UNKNOWN)
        return g_strdup ("?");
      return g_strdup_printf ("%u", value);
    case FW_N_FACETS:
    default:
      g_assert_not_reached ();
    }
}

static char *
counts_to_string (Fixture *fixture,
                  FwFacet  facet)
{
  GString *string = g_string_new (NULL);
  const guint32 *counts;
  guint n_values = 0;

  counts = fw_query_get_facet_counts (fixture->query, facet, &n_values);
  g_assert_nonnull (counts);
  g_assert_cmpuint (n_values, ==, fw_facet_get_n_values (facet, fixture->dataset));

  for (guint v = 0; v < n_values; v++)
    {
      g_autofree char *label = NULL;

      if (counts[v] == 0)
        continue;
      label = value_to_string (fixture, facet, v);
      g_string_append_printf (string, "%s%s=%u", string->len > 0 ? " " : "", label, counts[v]);
    }

  return g_string_free (string, FALSE);
}

#define assert_counts(fixture, facet, expected) \
  G_STMT_START { \
    g_autofree char *__counts = counts_to_string ((fixture), (facet)); \
    g_assert_cmpstr (__counts, ==, (expected)); \
  } G_STMT_END

/* Runs the fixture's filter and checks what it keeps. */
static void
run_and_check (Fixture    *fixture,
               const char *firms,
               const char *exhibitions)
{
  g_autofree char *firm_mask = NULL;
  g_autofree char *exhibition_mask = NULL;
  guint n_firms = 0, n_exhibitions = 0;

  g_assert_cmpuint (strlen (firms), ==, N_FIRMS);
  g_assert_cmpuint (strlen (exhibitions), ==, N_EXHIBITIONS);

  fw_query_run (fixture->query, fixture->filter);

  firm_mask = mask_to_string (fw_query_get_firm_mask (fixture->query), N_FIRMS);
  exhibition_mask = mask_to_string (fw_query_get_exhibition_mask (fixture->query), N_EXHIBITIONS);
  g_assert_cmpstr (firm_mask, ==, firms);
  g_assert_cmpstr (exhibition_mask, ==, exhibitions);

  for (guint i = 0; firms[i] != '\0'; i++)
    n_firms += firms[i] == '1';
  for (guint i = 0; exhibitions[i] != '\0'; i++)
    n_exhibitions += exhibitions[i] == '1';
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FIRMS), ==, n_firms);
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_EXHIBITIONS), ==, n_exhibitions);
}

/* Filter --------------------------------------------------------------- */

static void
test_filter_values (void)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();
  const GArray *values;

  g_assert_null (fw_filter_get_values (filter, FW_FACET_HQ_COUNTRY));
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_HQ_COUNTRY));

  /* Values are kept sorted and unique. */
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, 5);
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, 1);
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, 3);
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, 1);
  values = fw_filter_get_values (filter, FW_FACET_HQ_COUNTRY);
  g_assert_nonnull (values);
  g_assert_cmpuint (values->len, ==, 3);
  g_assert_cmpuint (g_array_index (values, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (values, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (values, guint, 2), ==, 5);
  g_assert_true (fw_filter_facet_is_active (filter, FW_FACET_HQ_COUNTRY));
  g_assert_true (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, 3));
  g_assert_false (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, 4));
  g_assert_false (fw_filter_has_value (filter, FW_FACET_HOST_COUNTRY, 3));
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_HOST_COUNTRY));

  fw_filter_remove_value (filter, FW_FACET_HQ_COUNTRY, 3);
  fw_filter_remove_value (filter, FW_FACET_HQ_COUNTRY, 9);   /* absent: no-op */
  g_assert_false (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, 3));
  g_assert_cmpuint (fw_filter_get_values (filter, FW_FACET_HQ_COUNTRY)->len, ==, 2);

  fw_filter_toggle_value (filter, FW_FACET_HQ_COUNTRY, 5);
  fw_filter_toggle_value (filter, FW_FACET_HQ_COUNTRY, 0);
  g_assert_false (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, 5));
  g_assert_true (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, 0));
  values = fw_filter_get_values (filter, FW_FACET_HQ_COUNTRY);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpuint (g_array_index (values, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (values, guint, 1), ==, 1);

  /* Removing the last value makes the facet inactive again. */
  fw_filter_toggle_value (filter, FW_FACET_HQ_COUNTRY, 0);
  fw_filter_remove_value (filter, FW_FACET_HQ_COUNTRY, 1);
  g_assert_null (fw_filter_get_values (filter, FW_FACET_HQ_COUNTRY));
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_HQ_COUNTRY));
  g_assert_true (fw_filter_is_empty (filter));

  /* Match mode. */
  g_assert_cmpint (fw_filter_get_match (filter, FW_FACET_CONFIDENCE), ==, FW_MATCH_ANY_OF);
  fw_filter_set_match (filter, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  g_assert_cmpint (fw_filter_get_match (filter, FW_FACET_CONFIDENCE), ==, FW_MATCH_NONE_OF);
  /* A match mode without values filters nothing. */
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_CONFIDENCE));
  g_assert_true (fw_filter_is_empty (filter));

  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  g_assert_false (fw_filter_is_empty (filter));
  fw_filter_clear_facet (filter, FW_FACET_CONFIDENCE);
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_CONFIDENCE));
  g_assert_cmpint (fw_filter_get_match (filter, FW_FACET_CONFIDENCE), ==, FW_MATCH_ANY_OF);
  g_assert_true (fw_filter_is_empty (filter));
}

static void
test_filter_years_search (void)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();
  guint16 first = 1, last = 1;

  fw_filter_get_years (filter, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_false (fw_filter_facet_is_active (filter, FW_FACET_YEAR));

  /* A reversed range is put right. */
  fw_filter_set_years (filter, 2015, 2010);
  fw_filter_get_years (filter, &first, &last);
  g_assert_cmpuint (first, ==, 2010);
  g_assert_cmpuint (last, ==, 2015);
  g_assert_true (fw_filter_facet_is_active (filter, FW_FACET_YEAR));
  g_assert_false (fw_filter_is_empty (filter));

  /* Open ends. */
  fw_filter_set_years (filter, 0, 2009);
  fw_filter_get_years (filter, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2009);
  fw_filter_set_years (filter, 2017, 0);
  fw_filter_get_years (filter, &first, &last);
  g_assert_cmpuint (first, ==, 2017);
  g_assert_cmpuint (last, ==, 0);
  g_assert_true (fw_filter_facet_is_active (filter, FW_FACET_YEAR));

  fw_filter_clear_facet (filter, FW_FACET_YEAR);
  fw_filter_get_years (filter, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_true (fw_filter_is_empty (filter));

  /* An empty search is no search. */
  fw_filter_set_search (filter, "");
  g_assert_null (fw_filter_get_search (filter));
  g_assert_true (fw_filter_is_empty (filter));
  fw_filter_set_search (filter, "ölb");
  g_assert_cmpstr (fw_filter_get_search (filter), ==, "ölb");
  g_assert_false (fw_filter_is_empty (filter));
  fw_filter_set_search (filter, NULL);
  g_assert_null (fw_filter_get_search (filter));

  /* clear() resets everything, match modes included. */
  fw_filter_set_search (filter, "x");
  fw_filter_set_years (filter, 2010, 2011);
  fw_filter_add_value (filter, FW_FACET_FAIR, 2);
  fw_filter_set_match (filter, FW_FACET_FAIR, FW_MATCH_NONE_OF);
  fw_filter_clear (filter);
  g_assert_true (fw_filter_is_empty (filter));
  g_assert_null (fw_filter_get_search (filter));
  g_assert_cmpint (fw_filter_get_match (filter, FW_FACET_FAIR), ==, FW_MATCH_ANY_OF);
  for (guint f = 0; f < FW_N_FACETS; f++)
    g_assert_false (fw_filter_facet_is_active (filter, f));
}

static void
test_filter_equal_copy (void)
{
  g_autoptr(FwFilter) a = fw_filter_new ();
  g_autoptr(FwFilter) b = fw_filter_new ();
  g_autoptr(FwFilter) copy = NULL;
  FwFilter *boxed;

  g_assert_true (fw_filter_equal (a, b));

  /* The match mode of an inactive facet does not matter. */
  fw_filter_set_match (b, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  g_assert_true (fw_filter_equal (a, b));
  fw_filter_add_value (a, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_add_value (b, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  g_assert_false (fw_filter_equal (a, b));
  fw_filter_set_match (a, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  g_assert_true (fw_filter_equal (a, b));

  fw_filter_add_value (a, FW_FACET_HOST_COUNTRY, 7);
  fw_filter_add_value (a, FW_FACET_HOST_COUNTRY, 3);
  fw_filter_set_years (a, 2010, 2015);
  fw_filter_set_search (a, "Alpha");

  copy = fw_filter_copy (a);
  g_assert_true (copy != a);
  g_assert_true (fw_filter_equal (a, copy));
  g_assert_true (fw_filter_get_values (copy, FW_FACET_HOST_COUNTRY) != fw_filter_get_values (a, FW_FACET_HOST_COUNTRY));
  g_assert_true (fw_filter_get_search (copy) != fw_filter_get_search (a));

  /* The copy is independent: values, years and search. */
  fw_filter_add_value (copy, FW_FACET_HOST_COUNTRY, 5);
  g_assert_false (fw_filter_equal (a, copy));
  g_assert_false (fw_filter_has_value (a, FW_FACET_HOST_COUNTRY, 5));
  fw_filter_remove_value (copy, FW_FACET_HOST_COUNTRY, 5);
  g_assert_true (fw_filter_equal (a, copy));

  fw_filter_set_years (copy, 2010, 2016);
  g_assert_false (fw_filter_equal (a, copy));
  fw_filter_set_years (copy, 2010, 2015);
  g_assert_true (fw_filter_equal (a, copy));

  fw_filter_set_search (copy, "alpha");
  g_assert_false (fw_filter_equal (a, copy));
  g_assert_cmpstr (fw_filter_get_search (a), ==, "Alpha");
  fw_filter_set_search (copy, NULL);
  g_assert_false (fw_filter_equal (a, copy));

  /* Order of insertion does not matter. */
  fw_filter_clear (copy);
  fw_filter_set_search (copy, "Alpha");
  fw_filter_set_years (copy, 2015, 2010);
  fw_filter_add_value (copy, FW_FACET_HOST_COUNTRY, 3);
  fw_filter_add_value (copy, FW_FACET_HOST_COUNTRY, 7);
  fw_filter_add_value (copy, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_set_match (copy, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  g_assert_true (fw_filter_equal (a, copy));

  /* The boxed type copies the same way. */
  boxed = g_boxed_copy (FW_TYPE_FILTER, a);
  g_assert_true (fw_filter_equal (a, boxed));
  g_boxed_free (FW_TYPE_FILTER, boxed);

  fw_filter_free (NULL);
}

static char *
filter_json_string (FwFilter  *filter,
                    FwDataset *dataset)
{
  g_autoptr(JsonNode) node = fw_filter_to_json (filter, dataset);

  return json_to_string (node, FALSE);
}

static FwFilter *
filter_from_string (const char  *json,
                    FwDataset   *dataset,
                    GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);

  return fw_filter_from_json (node, dataset, error);
}

static void
test_filter_json (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwFilter) back = NULL;
  g_autoptr(FwFilter) empty = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_back = NULL;
  g_autofree char *empty_json = NULL;
  guint16 first, last;

  empty_json = filter_json_string (filter, fixture->dataset);
  g_assert_cmpstr (empty_json, ==, "{}");

  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_UNKNOWN);
  fw_filter_set_match (filter, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  fw_filter_add_value (filter, FW_FACET_HQ_CONTINENT, FW_CONTINENT_EUROPE);
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, fw_test_country (fixture->countries, "FR"));
  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, FW_COUNTRY_UNKNOWN);
  fw_filter_add_value (filter, FW_FACET_FAIR, A6);
  fw_filter_add_value (filter, FW_FACET_FAIR, A0);
  fw_filter_add_value (filter, FW_FACET_HOST_CONTINENT, FW_CONTINENT_ASIA);
  fw_filter_set_match (filter, FW_FACET_HOST_CONTINENT, FW_MATCH_NONE_OF);
  fw_filter_add_value (filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "AE"));
  fw_filter_add_value (filter, FW_FACET_ADVERSARY, FW_ADVERSARY_YES);
  fw_filter_add_value (filter, FW_FACET_ADVERSARY, FW_ADVERSARY_UNKNOWN);
  fw_filter_set_years (filter, 2010, 0);
  fw_filter_set_search (filter, "ölb");

  /* Countries as codes, unknowns as null, fairs by name and host. */
  json = filter_json_string (filter, fixture->dataset);
  g_assert_cmpstr (json, ==,
                   "{\"confidence\":{\"match\":\"none-of\",\"values\":[null,\"high\"]},"
                   "\"hq_continent\":{\"match\":\"any-of\",\"values\":[\"Europe\"]},"
                   "\"hq_country\":{\"match\":\"any-of\",\"values\":[null,\"FR\"]},"
                   "\"fair\":{\"match\":\"any-of\",\"values\":["
                   "{\"name\":\"Milipol Paris\",\"host\":\"FR\"},"
                   "{\"name\":\"Mystery Expo\",\"host\":null}]},"
                   "\"host_continent\":{\"match\":\"none-of\",\"values\":[\"Asia\"]},"
                   "\"host_country\":{\"match\":\"any-of\",\"values\":[\"AE\"]},"
                   "\"adversary_host\":{\"match\":\"any-of\",\"values\":[null,\"yes\"]},"
                   "\"years\":[2010,null],"
                   "\"search\":\"ölb\"}");

  node = fw_filter_to_json (filter, fixture->dataset);
  back = fw_filter_from_json (node, fixture->dataset, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (fw_filter_equal (filter, back));
  json_back = filter_json_string (back, fixture->dataset);
  g_assert_cmpstr (json_back, ==, json);

  /* {} is the empty filter. */
  empty = filter_from_string ("{}", fixture->dataset, &error);
  g_assert_no_error (error);
  g_assert_true (fw_filter_is_empty (empty));
  g_clear_pointer (&empty, fw_filter_free);

  /* Lenient input: a missing match is any-of, a missing fair host is
   * unknown, a reversed or half-open year range is fine. */
  empty = filter_from_string ("{\"fair\":{\"values\":[{\"name\":\"Mystery Expo\"}]},"
                              "\"years\":[2015,2010]}",
                              fixture->dataset, &error);
  g_assert_no_error (error);
  g_assert_true (fw_filter_has_value (empty, FW_FACET_FAIR, A6));
  g_assert_cmpint (fw_filter_get_match (empty, FW_FACET_FAIR), ==, FW_MATCH_ANY_OF);
  fw_filter_get_years (empty, &first, &last);
  g_assert_cmpuint (first, ==, 2010);
  g_assert_cmpuint (last, ==, 2015);
  g_clear_pointer (&empty, fw_filter_free);

  empty = filter_from_string ("{\"years\":[null,2009]}", fixture->dataset, &error);
  g_assert_no_error (error);
  fw_filter_get_years (empty, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2009);
  g_clear_pointer (&empty, fw_filter_free);

  /* Unknown values may also be spelled out. */
  empty = filter_from_string ("{\"adversary_host\":{\"values\":[\"unknown\"]},"
                              "\"confidence\":{\"values\":[\"unknown\"]}}",
                              fixture->dataset, &error);
  g_assert_no_error (error);
  g_assert_true (fw_filter_has_value (empty, FW_FACET_ADVERSARY, FW_ADVERSARY_UNKNOWN));
  g_assert_true (fw_filter_has_value (empty, FW_FACET_CONFIDENCE, FW_CONFIDENCE_UNKNOWN));
}

static void
test_filter_json_other_dataset (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(FwDataset) other = fw_dataset_new (fixture->countries);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwFilter) moved = NULL;
  g_autoptr(FwFilter) missing = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const GArray *values;
  FwFairValues fair = { 0 };

  /* Another dataset lists the fairs in another order, with a second
   * "Milipol" in Qatar, and does not have ISNR Abu Dhabi. */
  fair.name = "Mystery Expo";
  fair.host = FW_COUNTRY_UNKNOWN;
  fw_dataset_append_fair (other, &fair);                    /* row 0 */
  fair.name = "Milipol Paris";
  fair.host = fw_test_country (fixture->countries, "QA");
  fw_dataset_append_fair (other, &fair);                    /* row 1 */
  fair.name = "Milipol Paris";
  fair.host = fw_test_country (fixture->countries, "FR");
  fw_dataset_append_fair (other, &fair);                    /* row 2 */
  fair.name = "Security & Policing";
  fair.host = fw_test_country (fixture->countries, "GB");
  fw_dataset_append_fair (other, &fair);                    /* row 3 */

  fw_filter_add_value (filter, FW_FACET_FAIR, A0);
  fw_filter_add_value (filter, FW_FACET_FAIR, A1);
  fw_filter_add_value (filter, FW_FACET_FAIR, A6);
  fw_filter_add_value (filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "GB"));
  node = fw_filter_to_json (filter, fixture->dataset);

  /* A0 (Milipol Paris, FR) -> row 2, A1 -> row 3, A6 -> row 0. */
  moved = fw_filter_from_json (node, other, &error);
  g_assert_no_error (error);
  values = fw_filter_get_values (moved, FW_FACET_FAIR);
  g_assert_cmpuint (values->len, ==, 3);
  g_assert_cmpuint (g_array_index (values, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (values, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (values, guint, 2), ==, 3);
  g_assert_true (fw_filter_has_value (moved, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "GB")));

  /* A fair the other dataset does not have is a reference error. */
  fw_filter_add_value (filter, FW_FACET_FAIR, A3);
  g_clear_pointer (&node, json_node_unref);
  node = fw_filter_to_json (filter, fixture->dataset);
  missing = fw_filter_from_json (node, other, &error);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE);
  g_assert_null (missing);
}

static void
test_filter_json_errors (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const struct {
    const char *json;
    gint        code;
  } cases[] = {
    { "[]", FW_FORMAT_ERROR_SHAPE },
    { "\"confidence\"", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":3}", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":[\"high\"]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":{\"match\":\"any-of\"}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":{\"values\":\"high\"}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":{\"values\":[\"extreme\"]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"confidence\":{\"values\":[3]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"hq_country\":{\"values\":[\"Frnace\"]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"hq_country\":{\"values\":[250]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"host_continent\":{\"values\":[\"Atlantis\"]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"adversary_host\":{\"values\":[\"maybe\"]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"fair\":{\"values\":[\"Milipol Paris\"]}}", FW_FORMAT_ERROR_SHAPE },
    { "{\"fair\":{\"values\":[{\"name\":\"Milipol Paris\",\"host\":\"GB\"}]}}", FW_FORMAT_ERROR_REFERENCE },
    { "{\"fair\":{\"values\":[{\"name\":\"Eurosatory\",\"host\":\"FR\"}]}}", FW_FORMAT_ERROR_REFERENCE },
    { "{\"years\":[2010]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":[2010,2011,2012]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":\"2010-2015\"}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":[2010,\"2015\"]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":[2010.5,2015]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":[2010,2200]}", FW_FORMAT_ERROR_SHAPE },
    { "{\"years\":[-5,2015]}", FW_FORMAT_ERROR_SHAPE },
  };
  g_autoptr(GError) error = NULL;
  FwFilter *filter;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("filter %s", cases[i].json);
      filter = filter_from_string (cases[i].json, fixture->dataset, &error);
      g_assert_error (error, FW_FORMAT_ERROR, cases[i].code);
      g_assert_null (filter);
      g_clear_error (&error);
    }

  filter = fw_filter_from_json (NULL, fixture->dataset, &error);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE);
  g_assert_null (filter);
}

static void
test_filter_json_null_fair (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwFilter) filter = NULL;

  /* A fair is an object with a name and a host; null is not one, and
   * failing must say why. */
  filter = filter_from_string ("{\"fair\":{\"values\":[null]}}", fixture->dataset, &error);
  g_assert_null (filter);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE);
}

/* Query ---------------------------------------------------------------- */

static void
test_query_new (Fixture       *fixture,
                gconstpointer  user_data)
{
  FwQuery *query = fw_query_new (fixture->dataset);

  g_assert_true (fw_query_get_dataset (query) == fixture->dataset);
  g_assert_nonnull (fw_query_get_filter (query));
  g_assert_true (fw_filter_is_empty (fw_query_get_filter (query)));
  fw_query_run (query, fixture->filter);
  g_assert_finalize_object (query);
}

static void
test_query_empty_filter (Fixture       *fixture,
                         gconstpointer  user_data)
{
  /* Everything is kept, the firm without exhibitions (F7) included. */
  run_and_check (fixture, "11111111", "11111111111111111111");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 7);

  /* Distinct firms per value, over the whole dataset. */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=2 low=2");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "unknown=1 Asia=1 Europe=5 North America=1");
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "?=1 DE=1 FR=2 GB=1 IL=1 RU=1 US=1");
  /* A0: F0 F1 F2 F3 F4; A1: F0 F2 F3; A2: F1; A3: F0 F4; A4: F3 F4 F5
   * (F5 twice, counted once); A5: F4 F6; A6: F1 F6. */
  assert_counts (fixture, FW_FACET_FAIR, "A0=5 A1=3 A2=1 A3=2 A4=3 A5=2 A6=2");
  /* Europe (A0 A1 A2 A4): F0-F5; Asia (A3 A5): F0 F4 F6; unknown (A6):
   * F1 F6. */
  assert_counts (fixture, FW_FACET_HOST_CONTINENT, "unknown=2 Asia=3 Europe=6");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "?=2 AE=2 CN=2 DE=1 FR=5 GB=3 RU=3");
  /* yes (A4 A5): F3 F4 F5 F6; no (A0-A3): F0-F4; unknown (A6): F1 F6. */
  assert_counts (fixture, FW_FACET_ADVERSARY, "unknown=2 no=5 yes=4");
  /* 2013: F4 twice (e2, e14) and F1; unknown: F0 F3 F6. */
  assert_counts (fixture, FW_FACET_YEAR,
                 "?=3 2009=2 2010=2 2011=1 2012=2 2013=2 2014=2 2015=1 2016=1 2017=1 2018=1 2020=1");
}

static void
test_query_confidence (Fixture       *fixture,
                       gconstpointer  user_data)
{
  /* any-of {high}: F0 F3 F4 and all their exhibitions. */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  run_and_check (fixture, "10011000", "10110101001100110101");

  /* The facet's own counts ignore its selection. */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=2 low=2");
  /* The others count the high firms only. */
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "FR=1 IL=1 US=1");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "Asia=1 Europe=1 North America=1");
  /* F0 {A0 A1 A3}, F3 {A1 A4 A0}, F4 {A5 A4 A0 A3}. */
  assert_counts (fixture, FW_FACET_FAIR, "A0=3 A1=2 A3=2 A4=2 A5=1");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "AE=2 CN=1 FR=3 GB=2 RU=2");
  assert_counts (fixture, FW_FACET_HOST_CONTINENT, "Asia=2 Europe=3");
  assert_counts (fixture, FW_FACET_ADVERSARY, "no=3 yes=2");
  /* F0 2010 2012 2014 ?; F3 2012 2018 ?; F4 2013 2014 2013 2020. */
  assert_counts (fixture, FW_FACET_YEAR, "?=2 2010=1 2012=2 2013=1 2014=2 2018=1 2020=1");

  /* none-of {low}: everybody but F6 and F7 (unknown is not low). */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_set_match (fixture->filter, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  run_and_check (fixture, "11111100", "11111111011111111101");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=2 low=2");

  /* none-of {low, unknown}: F2 goes too. */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_UNKNOWN);
  run_and_check (fixture, "11011100", "11110111011101111101");

  /* any-of {unknown}: F2 alone. */
  fw_filter_set_match (fixture->filter, FW_FACET_CONFIDENCE, FW_MATCH_ANY_OF);
  fw_filter_remove_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  run_and_check (fixture, "00100000", "00001000000010000000");
}

static void
test_query_hq (Fixture       *fixture,
               gconstpointer  user_data)
{
  /* HQ in France: F0 and F7; F7 has no exhibitions but no exhibition
   * facet is active, so it is kept. */
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_COUNTRY, fw_test_country (fixture->countries, "FR"));
  run_and_check (fixture, "10000001", "10010001000000010000");
  /* Fairs with a kept exhibition: A0 A1 A3. */
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 3);

  /* Unknown HQ: F6. */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_COUNTRY, FW_COUNTRY_UNKNOWN);
  run_and_check (fixture, "00000010", "00000000100000000010");

  /* HQ continent Europe: F0 F1 F2 F5 F7. */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_CONTINENT, FW_CONTINENT_EUROPE);
  run_and_check (fixture, "11100101", "11011011010011011000");
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "DE=1 FR=2 GB=1 RU=1");

  /* ... and none-of Europe: F3 (North America), F4 (Asia), F6 (unknown). */
  fw_filter_set_match (fixture->filter, FW_FACET_HQ_CONTINENT, FW_MATCH_NONE_OF);
  run_and_check (fixture, "00011010", "00100100101100100111");
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "?=1 IL=1 US=1");

  /* Continents are settings: with Israel moved to Europe, F4 joins. */
  fw_countries_set_continent (fixture->countries, fw_test_country (fixture->countries, "IL"), FW_CONTINENT_EUROPE);
  run_and_check (fixture, "00010010", "00000100100100000110");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "unknown=1 Europe=6 North America=1");
}

static void
test_query_fair_host (Fixture       *fixture,
                      gconstpointer  user_data)
{
  /* Fair A0: F0 F1 F2 F3 F4; F7 (no exhibitions) is now left out. */
  fw_filter_add_value (fixture->filter, FW_FACET_FAIR, A0);
  run_and_check (fixture, "11111000", "10010000010010100100");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 1);
  assert_counts (fixture, FW_FACET_FAIR, "A0=5 A1=3 A2=1 A3=2 A4=3 A5=2 A6=2");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=1");

  /* none-of A0: every firm with an exhibition elsewhere. */
  fw_filter_set_match (fixture->filter, FW_FACET_FAIR, FW_MATCH_NONE_OF);
  run_and_check (fixture, "11111110", "01101111101101011011");

  /* Host country GB (A1): e4 F2, e5 F3, e15 F0. */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "GB"));
  run_and_check (fixture, "10110000", "00001100000000010000");

  /* Unknown host (A6): e16 F1, e18 F6. */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_COUNTRY, FW_COUNTRY_UNKNOWN);
  run_and_check (fixture, "01000010", "00000000000000001010");

  /* Host continent Asia (A3 AE, A5 CN): e2 F4, e7 F0, e8 F6, e19 F4. */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_CONTINENT, FW_CONTINENT_ASIA);
  run_and_check (fixture, "10001010", "00100001100000000001");
  assert_counts (fixture, FW_FACET_HOST_CONTINENT, "unknown=2 Asia=3 Europe=6");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "AE=2 CN=2");
}

static void
test_query_adversary (Fixture       *fixture,
                      gconstpointer  user_data)
{
  /* yes (A4 RU, A5 CN): e2 F4, e6 F5, e8 F6, e10 F4, e11 F3, e13 F5. */
  fw_filter_add_value (fixture->filter, FW_FACET_ADVERSARY, FW_ADVERSARY_YES);
  run_and_check (fixture, "00011110", "00100010101101000000");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "CN=2 RU=3");

  /* no (A0-A3). */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_ADVERSARY, FW_ADVERSARY_NO);
  run_and_check (fixture, "11111000", "11011101010010110101");

  /* unknown host (A6). */
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_ADVERSARY, FW_ADVERSARY_UNKNOWN);
  run_and_check (fixture, "01000010", "00000000000000001010");

  /* The adversary set is a setting: with the UAE added, A3 joins "yes"
   * (e7 F0, e19 F4), and F0 with it. */
  fw_countries_set_adversary (fixture->countries, fw_test_country (fixture->countries, "AE"), TRUE);
  fw_filter_clear (fixture->filter);
  fw_filter_add_value (fixture->filter, FW_FACET_ADVERSARY, FW_ADVERSARY_YES);
  run_and_check (fixture, "10011110", "00100011101101000001");
  assert_counts (fixture, FW_FACET_ADVERSARY, "unknown=2 no=5 yes=5");
}

static void
test_query_years (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* 2010-2015: e0 e1 e2 e3 e5 e7 e10 e12 e13 e14 e16.  Unknown years
   * (e15 e17 e18) are left out once a range is set; F6 (2017 and ?) and
   * F7 (nothing) go. */
  fw_filter_set_years (fixture->filter, 2010, 2015);
  run_and_check (fixture, "11111100", "11110101001011101000");
  /* The year facet's own counts still show every year, unknown too. */
  assert_counts (fixture, FW_FACET_YEAR,
                 "?=3 2009=2 2010=2 2011=1 2012=2 2013=2 2014=2 2015=1 2016=1 2017=1 2018=1 2020=1");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=2");

  /* A single year. */
  fw_filter_set_years (fixture->filter, 2013, 2013);
  run_and_check (fixture, "01001000", "00100000000000101000");

  /* From 2017 on: e8 F6 2017, e11 F3 2018, e19 F4 2020. */
  fw_filter_set_years (fixture->filter, 2017, 0);
  run_and_check (fixture, "00011010", "00000000100100000001");

  /* Up to 2009: e4 F2, e6 F5. */
  fw_filter_set_years (fixture->filter, 0, 2009);
  run_and_check (fixture, "00100100", "00001010000000000000");

  /* A range with nothing in it. */
  fw_filter_set_years (fixture->filter, 2021, 2030);
  run_and_check (fixture, "00000000", "00000000000000000000");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 0);
}

static void
test_query_search (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Case-insensitive, UTF-8. */
  fw_filter_set_search (fixture->filter, "ölb");
  run_and_check (fixture, "00001000", "00100000001000100001");
  /* The search is not a facet: it applies to every facet's counts. */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1");
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "IL=1");
  assert_counts (fixture, FW_FACET_FAIR, "A0=1 A3=1 A4=1 A5=1");

  fw_filter_set_search (fixture->filter, "ÖLBERG");
  run_and_check (fixture, "00001000", "00100000001000100001");

  fw_filter_set_search (fixture->filter, "SYSTEMS");
  run_and_check (fixture, "00001000", "00100000001000100001");

  /* A substring anywhere in the name: "Alpha", "Signals". */
  fw_filter_set_search (fixture->filter, "AL");
  run_and_check (fixture, "11000000", "11010001010000011000");

  fw_filter_set_search (fixture->filter, "zzz");
  run_and_check (fixture, "00000000", "00000000000000000000");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "");

  /* With a firm facet: "al" and medium is F1. */
  fw_filter_set_search (fixture->filter, "al");
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
  run_and_check (fixture, "01000000", "01000000010000001000");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1 medium=1");
}

static void
test_query_combined (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const guint8 *mask;
  guint8 expected[N_EXHIBITIONS];
  FwFilter *single;

  /* Every option at once:
   *   confidence none-of {low}        F0 F1 F2 F3 F4 F5
   *   HQ continent {Europe, Asia}     drops F3 (North America)
   *   HQ country none-of {RU}         drops F5
   *   search "e"                      drops F1 (Bravo Signals)
   *   -> firm facets leave F0 F2 F4, whose exhibitions must also pass
   *   fair none-of {A6}, host continent {Europe}, host country none-of
   *   {GB}, adversary {yes}, years 2013-2019:
   *   F0: e0 e3 (years), e7 (Asia), e15 (GB, ?)         -> none
   *   F2: e4 (GB, 2009), e12 (A0, not an adversary)     -> none
   *   F4: e2 (CN is Asia), e10 (A4 RU 2014) passes, e14 (A0 not an
   *       adversary), e19 (2020)                        -> e10
   */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_set_match (fixture->filter, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_CONTINENT, FW_CONTINENT_EUROPE);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_CONTINENT, FW_CONTINENT_ASIA);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_COUNTRY, fw_test_country (fixture->countries, "RU"));
  fw_filter_set_match (fixture->filter, FW_FACET_HQ_COUNTRY, FW_MATCH_NONE_OF);
  fw_filter_set_search (fixture->filter, "e");
  fw_filter_add_value (fixture->filter, FW_FACET_FAIR, A6);
  fw_filter_set_match (fixture->filter, FW_FACET_FAIR, FW_MATCH_NONE_OF);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_CONTINENT, FW_CONTINENT_EUROPE);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "GB"));
  fw_filter_set_match (fixture->filter, FW_FACET_HOST_COUNTRY, FW_MATCH_NONE_OF);
  fw_filter_add_value (fixture->filter, FW_FACET_ADVERSARY, FW_ADVERSARY_YES);
  fw_filter_set_years (fixture->filter, 2013, 2019);

  run_and_check (fixture, "00001000", "00000000001000000000");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 1);

  /* AND: an exhibition is kept by the whole filter exactly when every
   * option alone keeps it. */
  memset (expected, 1, sizeof expected);
  for (guint f = 0; f <= FW_N_FACETS; f++)
    {
      g_autoptr(FwQuery) query = fw_query_new (fixture->dataset);

      single = fw_filter_new ();
      if (f == FW_N_FACETS)
        fw_filter_set_search (single, fw_filter_get_search (fixture->filter));
      else if (f == FW_FACET_YEAR)
        fw_filter_set_years (single, 2013, 2019);
      else
        {
          const GArray *values = fw_filter_get_values (fixture->filter, f);

          for (guint i = 0; i < values->len; i++)
            fw_filter_add_value (single, f, g_array_index (values, guint, i));
          fw_filter_set_match (single, f, fw_filter_get_match (fixture->filter, f));
        }

      fw_query_run (query, single);
      /* Each option alone keeps something, so each one matters. */
      g_assert_cmpuint (fw_query_get_n_kept (query, FW_TABLE_EXHIBITIONS), >, 1);
      mask = fw_query_get_exhibition_mask (query);
      for (guint e = 0; e < N_EXHIBITIONS; e++)
        expected[e] &= mask[e];
      fw_filter_free (single);
    }

  mask = fw_query_get_exhibition_mask (fixture->query);
  for (guint e = 0; e < N_EXHIBITIONS; e++)
    g_assert_cmpuint (mask[e], ==, expected[e]);
}

static void
test_query_counts_three_facets (Fixture       *fixture,
                                gconstpointer  user_data)
{
  /* confidence {high} + host country {FR} + years 2010-2015.
   *
   * High firms F0 F3 F4; their exhibitions at A0 (the French fair) within
   * the years: e0 F0 2010, e3 F0 2012, e14 F4 2013 (e17 F3 has no year).
   */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (fixture->filter, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "FR"));
  fw_filter_set_years (fixture->filter, 2010, 2015);
  run_and_check (fixture, "10001000", "10010000000000100000");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 1);

  /* Confidence, under FR + years: A0 exhibitions in 2010-2015 are e0 e3
   * (F0), e12 (F2, 2015), e14 (F4); e9 (F1) is 2016, e17 (F3) unknown. */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=2");
  /* HQ, under all three: F0 (FR, Europe) and F4 (IL, Asia). */
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "FR=1 IL=1");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "Asia=1 Europe=1");
  /* Fair, under high + FR + years: only A0 can pass the host filter. */
  assert_counts (fixture, FW_FACET_FAIR, "A0=2");
  /* Host country, under high + years: F0 e0 e3 (FR) e7 (AE 2014); F3 e5
   * (GB 2012); F4 e2 (CN 2013) e10 (RU 2014) e14 (FR 2013). */
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "AE=1 CN=1 FR=2 GB=1 RU=1");
  /* Host continent and adversary, under all three: France only. */
  assert_counts (fixture, FW_FACET_HOST_CONTINENT, "Europe=2");
  assert_counts (fixture, FW_FACET_ADVERSARY, "no=2");
  /* Year, under high + FR: e0 2010, e3 2012 (F0), e14 2013 (F4), e17 ?
   * (F3): the unknown bucket counts. */
  assert_counts (fixture, FW_FACET_YEAR, "?=1 2010=1 2012=1 2013=1");
}

static void
test_query_counts_no_exhibitions (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  /* confidence {low} + HQ {FR}: firm facets only, so F7 (no exhibitions)
   * is kept and counts in the firm facets. */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_add_value (fixture->filter, FW_FACET_HQ_COUNTRY, fw_test_country (fixture->countries, "FR"));
  run_and_check (fixture, "00000001", "00000000000000000000");
  g_assert_cmpuint (fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS), ==, 0);

  /* Under HQ FR: F0 high, F7 low. */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1 low=1");
  /* Under low: F6 (unknown HQ), F7 (FR). */
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "?=1 FR=1");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "Europe=1");
  /* F7 has nothing to count in the exhibition facets. */
  assert_counts (fixture, FW_FACET_FAIR, "");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "");
  assert_counts (fixture, FW_FACET_HOST_CONTINENT, "");
  assert_counts (fixture, FW_FACET_ADVERSARY, "");
  assert_counts (fixture, FW_FACET_YEAR, "");

  /* With a year range (an exhibition facet), F7 no longer qualifies:
   * nothing is kept and F7 disappears from the firm facets' counts. */
  fw_filter_set_years (fixture->filter, 2010, 2015);
  run_and_check (fixture, "00000000", "00000000000000000000");
  /* Under HQ FR + years: F0 (e0 2010). */
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1");
  /* Under low + years: F6 has 2017 and ?, F7 nothing. */
  assert_counts (fixture, FW_FACET_HQ_COUNTRY, "");
  assert_counts (fixture, FW_FACET_HQ_CONTINENT, "");
  assert_counts (fixture, FW_FACET_YEAR, "");
}

/* Every result of a query, for comparing two queries. */
static char *
describe_query (Fixture *fixture)
{
  GString *string = g_string_new (NULL);
  g_autofree char *firms = mask_to_string (fw_query_get_firm_mask (fixture->query), N_FIRMS);
  g_autofree char *exhibitions = mask_to_string (fw_query_get_exhibition_mask (fixture->query), N_EXHIBITIONS);

  g_string_append_printf (string, "firms %s (%u)\nexhibitions %s (%u)\nfairs %u\n",
                          firms, fw_query_get_n_kept (fixture->query, FW_TABLE_FIRMS),
                          exhibitions, fw_query_get_n_kept (fixture->query, FW_TABLE_EXHIBITIONS),
                          fw_query_get_n_kept (fixture->query, FW_TABLE_FAIRS));
  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      g_autofree char *counts = counts_to_string (fixture, f);
      g_string_append_printf (string, "%s: %s\n", fw_facet_to_string (f), counts);
    }

  return g_string_free (string, FALSE);
}

static char *
describe_fresh_run (Fixture        *fixture,
                    const FwFilter *filter)
{
  Fixture fresh = *fixture;
  char *description;

  fresh.query = fw_query_new (fixture->dataset);
  fw_query_run (fresh.query, filter);
  description = describe_query (&fresh);
  g_assert_finalize_object (fresh.query);

  return description;
}

static void
test_query_rerun (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(FwFilter) narrow = fw_filter_new ();
  g_autoptr(FwFilter) empty = fw_filter_new ();
  g_autofree char *narrow_fresh = NULL;
  g_autofree char *empty_fresh = NULL;
  g_autofree char *again = NULL;

  fw_filter_add_value (narrow, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (narrow, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "FR"));
  fw_filter_set_years (narrow, 2010, 2015);
  narrow_fresh = describe_fresh_run (fixture, narrow);
  empty_fresh = describe_fresh_run (fixture, empty);
  g_assert_cmpstr (narrow_fresh, !=, empty_fresh);

  /* The same query object, run with one filter after the other, gives
   * what a new query would: nothing is left over from the previous run. */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *narrow_again = NULL;
      g_autofree char *empty_again = NULL;

      fw_query_run (fixture->query, narrow);
      narrow_again = describe_query (fixture);
      g_assert_cmpstr (narrow_again, ==, narrow_fresh);
      g_assert_true (fw_filter_equal (fw_query_get_filter (fixture->query), narrow));

      fw_query_run (fixture->query, empty);
      empty_again = describe_query (fixture);
      g_assert_cmpstr (empty_again, ==, empty_fresh);
      g_assert_true (fw_filter_equal (fw_query_get_filter (fixture->query), empty));
    }

  /* The query keeps its own copy of the filter. */
  fw_query_run (fixture->query, narrow);
  fw_filter_clear (narrow);
  g_assert_false (fw_filter_is_empty (fw_query_get_filter (fixture->query)));

  /* Running with the query's own filter is allowed. */
  fw_query_run (fixture->query, fw_query_get_filter (fixture->query));
  again = describe_query (fixture);
  g_assert_cmpstr (again, ==, narrow_fresh);
}

static void
test_query_dataset_grows (Fixture       *fixture,
                          gconstpointer  user_data)
{
  FwFirmValues firm = { "F8", "India New", fw_test_country (fixture->countries, "FR"), FW_CONFIDENCE_HIGH, NULL, NULL, NULL };
  FwFairValues fair = { NULL, "Eurosatory", fw_test_country (fixture->countries, "FR"), NULL };
  FwExhibitionValues exhibition = { 0 };
  const guint32 *order, *start;
  g_autofree char *firms = NULL;
  g_autofree char *exhibitions = NULL;
  guint f8, f9, a7;

  /* Run in a child, so that a memory error fails this test only. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fw_query_run (fixture->query, fixture->filter);
  assert_counts (fixture, FW_FACET_CONFIDENCE, "unknown=1 high=3 medium=2 low=2");

  /* Records added after a run are seen by the next run: F8 at a new fair
   * A7 in 2019 (e20), and F7's first exhibition, A0 in 2019 (e21). */
  f8 = fw_dataset_append_firm (fixture->dataset, &firm);
  a7 = fw_dataset_append_fair (fixture->dataset, &fair);
  exhibition.firm = f8;
  exhibition.fair = a7;
  exhibition.year = 2019;
  fw_dataset_append_exhibition (fixture->dataset, &exhibition);
  exhibition.firm = F7;
  exhibition.fair = A0;
  exhibition.year = 2019;
  fw_dataset_append_exhibition (fixture->dataset, &exhibition);

  fw_filter_set_years (fixture->filter, 2019, 2019);
  fw_query_run (fixture->query, fixture->filter);
  firms = mask_to_string (fw_query_get_firm_mask (fixture->query), N_FIRMS + 1);
  exhibitions = mask_to_string (fw_query_get_exhibition_mask (fixture->query), N_EXHIBITIONS + 2);
  g_assert_cmpstr (firms, ==, "000000011");
  g_assert_cmpstr (exhibitions, ==, "0000000000000000000011");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1 low=1");
  assert_counts (fixture, FW_FACET_FAIR, "A0=1 A7=1");
  assert_counts (fixture, FW_FACET_HOST_COUNTRY, "FR=2");

  order = fw_query_get_exhibitions_by_firm (fixture->query, &start);
  g_assert_cmpuint (start[F7], ==, 20);
  g_assert_cmpuint (start[F7 + 1], ==, 21);
  g_assert_cmpuint (order[20], ==, 21);
  g_assert_cmpuint (start[f8 + 1], ==, 22);
  g_assert_cmpuint (order[21], ==, 20);

  /* Once more: F9 (medium, DE) at A7 in 2019 (e22). */
  firm.id = "F9";
  firm.name = "Juliet Nine";
  firm.hq = fw_test_country (fixture->countries, "DE");
  firm.confidence = FW_CONFIDENCE_MEDIUM;
  f9 = fw_dataset_append_firm (fixture->dataset, &firm);
  exhibition.firm = f9;
  exhibition.fair = a7;
  exhibition.year = 2019;
  fw_dataset_append_exhibition (fixture->dataset, &exhibition);

  fw_query_run (fixture->query, fixture->filter);
  g_clear_pointer (&firms, g_free);
  g_clear_pointer (&exhibitions, g_free);
  firms = mask_to_string (fw_query_get_firm_mask (fixture->query), N_FIRMS + 2);
  exhibitions = mask_to_string (fw_query_get_exhibition_mask (fixture->query), N_EXHIBITIONS + 3);
  g_assert_cmpstr (firms, ==, "0000000111");
  g_assert_cmpstr (exhibitions, ==, "00000000000000000000111");
  assert_counts (fixture, FW_FACET_CONFIDENCE, "high=1 medium=1 low=1");
  assert_counts (fixture, FW_FACET_FAIR, "A0=1 A7=2");
}

static void
test_query_repeated_runs (Fixture       *fixture,
                          gconstpointer  user_data)
{
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
  g_autoptr(FwFilter) other = fw_filter_new ();
  struct mallinfo2 before, after;
  gsize growth;

  /* A query owns its buffers: re-running it after a click must not
   * allocate memory it keeps.  2000 runs leaking even one 256-byte table
   * each would grow the heap by 500 kB. */
  fw_filter_add_value (other, FW_FACET_HOST_COUNTRY, fw_test_country (fixture->countries, "FR"));
  fw_filter_set_years (other, 2010, 2015);
  fw_query_run (fixture->query, fixture->filter);
  fw_query_run (fixture->query, other);

  before = mallinfo2 ();
  for (guint i = 0; i < 1000; i++)
    {
      fw_query_run (fixture->query, fixture->filter);
      fw_query_run (fixture->query, other);
    }
  after = mallinfo2 ();

  growth = after.uordblks > before.uordblks ? after.uordblks - before.uordblks : 0;
  g_test_message ("heap in use grew by %" G_GSIZE_FORMAT " bytes over 2000 runs", growth);
  g_assert_cmpuint (growth, <, 64 * 1024);
#else
  g_test_skip ("Needs glibc’s mallinfo2() to measure the heap");
#endif
}

static void
test_query_by_firm (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* Stable: each firm's exhibitions in the order they were appended. */
  const guint32 expected_order[N_EXHIBITIONS] = {
    0, 3, 7, 15,        /* F0 */
    1, 9, 16,           /* F1 */
    4, 12,              /* F2 */
    5, 11, 17,          /* F3 */
    2, 10, 14, 19,      /* F4 */
    6, 13,              /* F5 */
    8, 18,              /* F6 */
  };                    /* F7: none */
  const guint32 expected_start[N_FIRMS + 1] = { 0, 4, 7, 9, 12, 16, 18, 20, 20 };
  const guint32 *order, *start = NULL;

  /* Available before any run... */
  order = fw_query_get_exhibitions_by_firm (fixture->query, &start);
  g_assert_nonnull (order);
  g_assert_nonnull (start);
  for (guint i = 0; i < N_EXHIBITIONS; i++)
    g_assert_cmpuint (order[i], ==, expected_order[i]);
  for (guint f = 0; f <= N_FIRMS; f++)
    g_assert_cmpuint (start[f], ==, expected_start[f]);

  /* ...and independent of the filter. */
  fw_filter_add_value (fixture->filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_query_run (fixture->query, fixture->filter);
  order = fw_query_get_exhibitions_by_firm (fixture->query, &start);
  for (guint i = 0; i < N_EXHIBITIONS; i++)
    g_assert_cmpuint (order[i], ==, expected_order[i]);
  for (guint f = 0; f <= N_FIRMS; f++)
    g_assert_cmpuint (start[f], ==, expected_start[f]);

  g_assert_nonnull (fw_query_get_exhibitions_by_firm (fixture->query, NULL));
}

static void
test_query_empty_dataset (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  g_autoptr(FwQuery) query = fw_query_new (dataset);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  const guint32 *start = NULL;
  const guint32 *counts;
  guint n_values;

  fw_filter_set_years (filter, 2010, 2015);
  fw_query_run (query, filter);
  g_assert_cmpuint (fw_query_get_n_kept (query, FW_TABLE_FIRMS), ==, 0);
  g_assert_cmpuint (fw_query_get_n_kept (query, FW_TABLE_FAIRS), ==, 0);
  g_assert_cmpuint (fw_query_get_n_kept (query, FW_TABLE_EXHIBITIONS), ==, 0);
  fw_query_get_exhibitions_by_firm (query, &start);
  g_assert_cmpuint (start[0], ==, 0);
  counts = fw_query_get_facet_counts (query, FW_FACET_FAIR, &n_values);
  g_assert_nonnull (counts);
  g_assert_cmpuint (n_values, ==, 0);
  counts = fw_query_get_facet_counts (query, FW_FACET_CONFIDENCE, &n_values);
  g_assert_cmpuint (n_values, ==, FW_N_CONFIDENCE);
  for (guint v = 0; v < n_values; v++)
    g_assert_cmpuint (counts[v], ==, 0);
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

  g_test_add_func ("/filter/values", test_filter_values);
  g_test_add_func ("/filter/years-search", test_filter_years_search);
  g_test_add_func ("/filter/equal-copy", test_filter_equal_copy);
  ADD ("/filter/json", test_filter_json);
  ADD ("/filter/json-other-dataset", test_filter_json_other_dataset);
  ADD ("/filter/json-errors", test_filter_json_errors);
  ADD ("/filter/json-null-fair", test_filter_json_null_fair);

  ADD ("/query/new", test_query_new);
  ADD ("/query/empty-filter", test_query_empty_filter);
  ADD ("/query/confidence", test_query_confidence);
  ADD ("/query/hq", test_query_hq);
  ADD ("/query/fair-host", test_query_fair_host);
  ADD ("/query/adversary", test_query_adversary);
  ADD ("/query/years", test_query_years);
  ADD ("/query/search", test_query_search);
  ADD ("/query/combined", test_query_combined);
  ADD ("/query/counts-three-facets", test_query_counts_three_facets);
  ADD ("/query/counts-no-exhibitions", test_query_counts_no_exhibitions);
  ADD ("/query/rerun", test_query_rerun);
  ADD ("/query/dataset-grows", test_query_dataset_grows);
  ADD ("/query/repeated-runs", test_query_repeated_runs);
  ADD ("/query/by-firm", test_query_by_firm);
  g_test_add_func ("/query/empty-dataset", test_query_empty_dataset);

#undef ADD

  return g_test_run ();
}
