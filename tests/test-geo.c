/* test-geo.c: decoding the bundled Natural Earth shapes, the geographic
 * hit test, and the counts the maps show on a hand-made dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fw-geo-counts.h"
#include "fw-geo.h"

static FwCountries *countries;

static const FwGeoFeature *
feature_of (FwGeo      *geo,
            const char *alpha2)
{
  gint f = fw_geo_lookup_country (geo, fw_countries_lookup_code (countries, alpha2));

  g_assert_cmpint (f, >=, 0);

  return fw_geo_get_feature (geo, f);
}

static void
test_decode (void)
{
  FwGeo *geo = fw_geo_get_default ();
  const FwGeoPoint *points;
  const FwGeoRing *rings;
  guint n_points, n_rings, unjoined = 0;
  const FwGeoFeature *germany;

  /* 241 geometries; Australia's two (with Ashmore and Cartier) become one. */
  g_assert_cmpuint (fw_geo_get_n_features (geo), ==, 240);
  for (guint f = 0; f < fw_geo_get_n_features (geo); f++)
    unjoined += fw_geo_get_feature (geo, f)->country == FW_COUNTRY_UNKNOWN;
  /* N. Cyprus, Kosovo, Somaliland, Siachen Glacier, Indian Ocean Ter. */
  g_assert_cmpuint (unjoined, ==, 5);

  germany = feature_of (geo, "DE");
  g_assert_cmpstr (germany->name, ==, "Germany");
  g_assert_cmpfloat_with_epsilon (germany->west, 5.859, 0.01);
  g_assert_cmpfloat_with_epsilon (germany->east, 15.018, 0.01);
  g_assert_cmpfloat_with_epsilon (germany->south, 47.279, 0.01);
  g_assert_cmpfloat_with_epsilon (germany->north, 55.058, 0.01);

  /* Every ring closed, inside the map, and never stepping across it. */
  points = fw_geo_get_points (geo, &n_points);
  rings = fw_geo_get_rings (geo, &n_rings);
  g_assert_cmpuint (n_rings, >, 1000);
  for (guint r = 0; r < n_rings; r++)
    {
      const FwGeoPoint *first = &points[rings[r].first];
      const FwGeoPoint *last = &points[rings[r].first + rings[r].n_points - 1];

      g_assert_cmpuint (rings[r].n_points, >=, 4);
      g_assert_cmpuint (rings[r].first + rings[r].n_points, <=, n_points);
      g_assert_cmpfloat (first->lon, ==, last->lon);
      g_assert_cmpfloat (first->lat, ==, last->lat);
      for (guint i = rings[r].first; i < rings[r].first + rings[r].n_points; i++)
        {
          g_assert_cmpfloat (points[i].lon, >=, -180);
          g_assert_cmpfloat (points[i].lon, <=, 180);
          g_assert_cmpfloat (points[i].lat, >=, -90);
          g_assert_cmpfloat (points[i].lat, <=, 90);
          if (i > rings[r].first)
            g_assert_cmpfloat (fabs (points[i].lon - points[i - 1].lon), <, 180);
        }
    }
}

static void
test_antimeridian (void)
{
  FwGeo *geo = fw_geo_get_default ();
  const FwGeoFeature *russia = feature_of (geo, "RU");
  const FwGeoFeature *fiji = feature_of (geo, "FJ");
  const FwGeoFeature *antarctica = feature_of (geo, "AQ");

  /* Cut at the antimeridian: both sides of the map, nothing beyond. */
  g_assert_cmpfloat (russia->west, ==, -180);
  g_assert_cmpfloat (russia->east, ==, 180);
  g_assert_cmpfloat (fiji->west, ==, -180);
  g_assert_cmpfloat (fiji->east, ==, 180);
  /* Chukotka, east of the antimeridian, is Russia. */
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, -175, 66.5)) == russia);
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 178.2, -17.8)) == fiji);
  /* Closed along the pole: the South Pole is in Antarctica. */
  g_assert_cmpfloat (antarctica->south, ==, -90);
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 0, -89.5)) == antarctica);
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 120, -85)) == antarctica);
}

static void
test_hit (void)
{
  FwGeo *geo = fw_geo_get_default ();

  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 2.35, 48.85)) == feature_of (geo, "FR"));
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 103.82, 1.35)) == feature_of (geo, "SG"));
  g_assert_true (fw_geo_get_feature (geo, fw_geo_feature_at (geo, 50.55, 26.05)) == feature_of (geo, "BH"));
  g_assert_cmpint (fw_geo_feature_at (geo, -30, 40), ==, -1);   /* the Atlantic */
  g_assert_cmpint (fw_geo_feature_at (geo, 5, 43), ==, -1);     /* the Gulf of Lion */

  /* Each country's anchor, where its symbol and arcs go, is inside it. */
  for (guint f = 0; f < fw_geo_get_n_features (geo); f++)
    {
      const FwGeoFeature *feature = fw_geo_get_feature (geo, f);

      if (fw_geo_feature_at (geo, feature->anchor.lon, feature->anchor.lat) != (gint) f)
        g_error ("the anchor of %s (%g, %g) is not inside it", feature->name,
                 feature->anchor.lon, feature->anchor.lat);
    }
}

static void
test_invalid (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"type\": \"Topology\"", NULL },
    { "[]", "no “arcs” list" },
    { "{\"arcs\": [], \"objects\": {}}", "no quantisation" },
    { "{\"arcs\": [[[0,0],[1,0]]], \"transform\": {\"scale\": [1,1], \"translate\": [0,0]}, "
      "\"objects\": {\"countries\": {\"geometries\": [{\"type\": \"Polygon\", \"id\": \"250\", "
      "\"properties\": {\"name\": \"Ruritania\"}, \"arcs\": [[0, 7]]}]}}}",
      "“Ruritania” refers to arc 7, but there are 1 arcs" },
    { "{\"arcs\": [[[0,0],[1,0]], [5]], \"transform\": {\"scale\": [1,1], \"translate\": [0,0]}, "
      "\"objects\": {\"countries\": {\"geometries\": []}}}",
      "arc 1 is not a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(FwGeo) geo = fw_geo_new_from_data (bytes, countries, &error);

      g_assert_null (geo);
      g_assert_nonnull (error);
      if (cases[i].message != NULL)
        {
          g_assert_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID);
          if (strstr (error->message, cases[i].message) == NULL)
            g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
        }
    }
}

/* Hand-made dataset; default settings put FR DE RU in Europe, IL AE CN in
 * Asia, US in North America; adversaries RU and CN.  Flows sort by firms,
 * then by country id (the table's alphabetical order of ISO codes).
 *
 *   fairs: A0 Milipol FR, A1 ISNR AE, A2 Interpolitex RU, A3 Mystery ?
 *   F0 FR high    A0 2016, A0 2017, A1 2016      FR→FR (not drawn), FR→AE other continent
 *   F1 FR medium  A0 2016, A2 2018               FR→RU adversary
 *   F2 IL high    A0 2015, A2 2015, A3 2019      IL→FR other continent, IL→RU adversary, unknown host
 *   F3 DE low     A0 2016                        DE→FR same continent
 *   F4 ?  high    A1 2014                        unknown HQ: hosts only
 *   F5 RU high    A2 2014                        RU→RU
 *   F6 US high    (no exhibitions)
 */
static void
test_counts (void)
{
  static const struct { const char *name, *host; } fairs[] = {
    { "Milipol", "FR" }, { "ISNR", "AE" }, { "Interpolitex", "RU" }, { "Mystery", NULL },
  };
  static const struct { const char *hq; FwConfidence confidence; } firms[] = {
    { "FR", FW_CONFIDENCE_HIGH }, { "FR", FW_CONFIDENCE_MEDIUM }, { "IL", FW_CONFIDENCE_HIGH },
    { "DE", FW_CONFIDENCE_LOW }, { NULL, FW_CONFIDENCE_HIGH }, { "RU", FW_CONFIDENCE_HIGH },
    { "US", FW_CONFIDENCE_HIGH },
  };
  static const guint exhibitions[][3] = {
    { 0, 0, 2016 }, { 0, 0, 2017 }, { 0, 1, 2016 }, { 1, 0, 2016 }, { 1, 2, 2018 },
    { 2, 0, 2015 }, { 2, 2, 2015 }, { 2, 3, 2019 }, { 3, 0, 2016 }, { 4, 1, 2014 }, { 5, 2, 2014 },
  };
  g_autoptr(FwDataset) dataset = fw_dataset_new (countries);
  g_autoptr(FwQuery) query = NULL;
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwGeoCounts) counts = NULL;
  g_autoptr(GString) flows = g_string_new (NULL);
  g_autoptr(GArray) top = NULL;
  FwCountryId fr = fw_countries_lookup_code (countries, "FR");
  FwCountryId ru = fw_countries_lookup_code (countries, "RU");
  FwCountryId ae = fw_countries_lookup_code (countries, "AE");
  static const char *classes[] = { "country", "continent", "other", "adversary" };

  for (guint i = 0; i < G_N_ELEMENTS (fairs); i++)
    {
      FwFairValues values = { NULL, fairs[i].name,
                              fairs[i].host != NULL ? fw_countries_lookup_code (countries, fairs[i].host) : 0, NULL };
      fw_dataset_append_fair (dataset, &values);
    }
  for (guint i = 0; i < G_N_ELEMENTS (firms); i++)
    {
      g_autofree char *name = g_strdup_printf ("Firm %u", i);
      FwFirmValues values = { NULL, name, firms[i].hq != NULL ? fw_countries_lookup_code (countries, firms[i].hq) : 0,
                              firms[i].confidence, NULL, NULL, NULL };
      fw_dataset_append_firm (dataset, &values);
    }
  for (guint i = 0; i < G_N_ELEMENTS (exhibitions); i++)
    {
      FwExhibitionValues values = { exhibitions[i][0], exhibitions[i][1], exhibitions[i][2], NULL, NULL };
      fw_dataset_append_exhibition (dataset, &values);
    }

  query = fw_query_new (dataset);
  fw_query_run (query, filter);
  counts = fw_geo_counts_compute (query);

  g_assert_cmpuint (counts->n_firms, ==, 7);
  g_assert_cmpuint (counts->unknown_hq, ==, 1);
  g_assert_cmpuint (counts->unknown_host, ==, 1);
  g_assert_cmpuint (counts->hq_firms[fr], ==, 2);
  g_assert_cmpuint (counts->hq_firms[fw_countries_lookup_code (countries, "US")], ==, 1);
  /* Distinct firms: F0's two Milipol years count once. */
  g_assert_cmpuint (counts->host_firms[fr], ==, 4);
  g_assert_cmpuint (counts->host_firms[ru], ==, 3);
  g_assert_cmpuint (counts->host_firms[ae], ==, 2);
  g_assert_cmpuint (counts->host_firms[FW_COUNTRY_UNKNOWN], ==, 1);
  g_assert_cmpuint (counts->host_confidence[fr * FW_N_CONFIDENCE + FW_CONFIDENCE_HIGH], ==, 2);
  g_assert_cmpuint (counts->host_confidence[fr * FW_N_CONFIDENCE + FW_CONFIDENCE_MEDIUM], ==, 1);
  g_assert_cmpuint (counts->host_confidence[fr * FW_N_CONFIDENCE + FW_CONFIDENCE_LOW], ==, 1);
  g_assert_true (counts->hq_in_dataset[fr]);
  g_assert_false (counts->hq_in_dataset[ae]);
  g_assert_true (counts->host_in_dataset[ae]);

  for (guint i = 0; i < counts->flows->len; i++)
    {
      const FwFlow *flow = &g_array_index (counts->flows, FwFlow, i);

      g_string_append_printf (flows, "%s%s>%s=%u:%s", i > 0 ? " " : "",
                              fw_countries_get_code (countries, flow->hq),
                              fw_countries_get_code (countries, flow->host), flow->firms, classes[flow->klass]);
    }
  g_assert_cmpstr (flows->str, ==,
                   "FR>FR=2:country DE>FR=1:continent FR>AE=1:other FR>RU=1:adversary "
                   "IL>FR=1:other IL>RU=1:adversary RU>RU=1:country");

  top = fw_geo_counts_top_fairs (query, fr, FW_GEO_ANY_COUNTRY, 2);
  g_assert_cmpuint (top->len, ==, 2);
  g_assert_cmpuint (g_array_index (top, FwRankEntry, 0).key, ==, 0);
  g_assert_cmpuint (g_array_index (top, FwRankEntry, 0).firms, ==, 2);
  g_clear_pointer (&top, g_array_unref);
  top = fw_geo_counts_top_fairs (query, FW_GEO_ANY_COUNTRY, ru, 5);
  g_assert_cmpuint (top->len, ==, 1);
  g_assert_cmpuint (g_array_index (top, FwRankEntry, 0).firms, ==, 3);
  g_clear_pointer (&top, g_array_unref);

  /* Under a filter: high confidence only. */
  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_query_run (query, filter);
  g_clear_pointer (&counts, fw_geo_counts_free);
  counts = fw_geo_counts_compute (query);
  g_assert_cmpuint (counts->n_firms, ==, 5);
  g_assert_cmpuint (counts->hq_firms[fr], ==, 1);
  g_assert_cmpuint (counts->host_firms[fr], ==, 2);
  g_assert_cmpuint (counts->host_firms[ru], ==, 2);
  g_assert_true (counts->hq_in_dataset[fw_countries_lookup_code (countries, "DE")]);
  g_assert_cmpuint (counts->hq_firms[fw_countries_lookup_code (countries, "DE")], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  countries = fw_countries_new_default ();

  g_test_add_func ("/geo/decode", test_decode);
  g_test_add_func ("/geo/antimeridian", test_antimeridian);
  g_test_add_func ("/geo/hit", test_hit);
  g_test_add_func ("/geo/invalid", test_invalid);
  g_test_add_func ("/geo/counts", test_counts);

  status = g_test_run ();
  g_clear_object (&countries);

  return status;
}
