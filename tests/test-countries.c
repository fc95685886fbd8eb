/* test-countries.c: the ISO 3166-1 table, its lookups and its settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-countries.h"
#include "fw-problem.h"

static FwCountryId
code (FwCountries *countries,
      const char  *alpha2)
{
  FwCountryId id = fw_countries_lookup_code (countries, alpha2);

  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);

  return id;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The codes of the ids in @ids, sorted, joined by commas. */
static char *
join_codes (FwCountries *countries,
            GArray      *ids)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (codes, (gpointer) fw_countries_get_code (countries, g_array_index (ids, FwCountryId, i)));
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);

  return g_strjoinv (",", (char **) codes->pdata);
}

static void
on_changed (FwCountries *countries,
            guint       *n_emissions)
{
  (*n_emissions)++;
}

static void
test_countries_new (void)
{
  FwCountries *countries = fw_countries_new_default ();

  g_assert_true (FW_IS_COUNTRIES (countries));
  g_assert_finalize_object (countries);
}

static void
test_countries_table (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  FwCountryId fr;

  /* 249 ISO 3166-1 entries, plus id 0 for "unknown". */
  g_assert_cmpuint (fw_countries_get_n_ids (countries), ==, 249 + 1);

  g_assert_cmpstr (fw_countries_get_code (countries, FW_COUNTRY_UNKNOWN), ==, "");
  g_assert_cmpstr (fw_countries_get_name (countries, FW_COUNTRY_UNKNOWN), ==, "(unknown)");
  g_assert_cmpint (fw_countries_get_continent (countries, FW_COUNTRY_UNKNOWN), ==, FW_CONTINENT_UNKNOWN);

  fr = code (countries, "FR");
  g_assert_cmpstr (fw_countries_get_code (countries, fr), ==, "FR");
  g_assert_cmpstr (fw_countries_get_name (countries, fr), ==, "France");
  g_assert_cmpstr (fw_countries_get_numeric (countries, fr), ==, "250");

  /* Ids past the table read as unknown rather than out of bounds. */
  g_assert_cmpstr (fw_countries_get_code (countries, 60000), ==, "");
  g_assert_cmpint (fw_countries_get_continent (countries, 60000), ==, FW_CONTINENT_UNKNOWN);
  g_assert_false (fw_countries_is_adversary (countries, 60000));

  /* Every id has a distinct two-letter code that looks itself up. */
  for (guint id = 1; id < fw_countries_get_n_ids (countries); id++)
    {
      const char *alpha2 = fw_countries_get_code (countries, id);

      g_assert_cmpuint (strlen (alpha2), ==, 2);
      g_assert_cmpuint (fw_countries_lookup_code (countries, alpha2), ==, id);
      g_assert_cmpuint (fw_countries_lookup (countries, alpha2), ==, id);
      g_assert_cmpuint (fw_countries_lookup (countries, fw_countries_get_name (countries, id)), ==, id);
      g_assert_cmpuint (fw_countries_lookup_numeric (countries, fw_countries_get_numeric (countries, id)), ==, id);
    }
}

static void
test_countries_lookup (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  const struct {
    const char *text;
    const char *alpha2;   /* NULL: unknown */
  } cases[] = {
    /* alpha-2, any case */
    { "FR", "FR" },
    { "fr", "FR" },
    { "Fr", "FR" },
    { "gb", "GB" },
    /* alpha-3 */
    { "FRA", "FR" },
    { "deu", "DE" },
    { "USA", "US" },
    /* English names, any case */
    { "France", "FR" },
    { "FRANCE", "FR" },
    { "united kingdom", "GB" },
    { "Israel", "IL" },
    /* aliases */
    { "UK", "GB" },
    { "Great Britain", "GB" },
    { "United States of America", "US" },
    { "Russian Federation", "RU" },
    { "Deutschland", "DE" },
    { "Türkiye", "TR" },
    { "türkiye", "TR" },
    { "Turkey", "TR" },
    { "UAE", "AE" },
    { "Holland", "NL" },
    /* odd spacing */
    { " united   kingdom ", "GB" },
    { "\tUnited\tStates  ", "US" },
    { "  fr  ", "FR" },
    /* not countries */
    { "Frnace", NULL },
    { "", NULL },
    { "   ", NULL },
    { "United", NULL },
    { "F R", NULL },
    { "\xff\xfe", NULL },   /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FwCountryId id = fw_countries_lookup (countries, cases[i].text);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("lookup “%s”", escaped);
      if (cases[i].alpha2 == NULL)
        g_assert_cmpuint (id, ==, FW_COUNTRY_UNKNOWN);
      else
        g_assert_cmpstr (fw_countries_get_code (countries, id), ==, cases[i].alpha2);
    }

  g_assert_cmpuint (fw_countries_lookup (countries, NULL), ==, FW_COUNTRY_UNKNOWN);

  /* lookup_code takes alpha-2 only. */
  g_assert_cmpuint (fw_countries_lookup_code (countries, "fr"), ==, code (countries, "FR"));
  g_assert_cmpuint (fw_countries_lookup_code (countries, "FRA"), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_code (countries, "France"), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_code (countries, "XX"), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_code (countries, ""), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_code (countries, NULL), ==, FW_COUNTRY_UNKNOWN);
}

static void
test_countries_numeric (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();

  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "250"), ==, code (countries, "FR"));
  /* Leading zeros are optional. */
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "36"), ==, code (countries, "AU"));
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "036"), ==, code (countries, "AU"));
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "840"), ==, code (countries, "US"));
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "4"), ==, code (countries, "AF"));

  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "999"), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, "1250"), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, ""), ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (fw_countries_lookup_numeric (countries, NULL), ==, FW_COUNTRY_UNKNOWN);
}

static void
test_countries_continents (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  const struct {
    const char  *alpha2;
    FwContinent  continent;
  } cases[] = {
    { "FR", FW_CONTINENT_EUROPE },
    /* DESIGN.md: UN M49 regions, so Russia is in Europe and Turkey and
     * the Middle East in Asia. */
    { "RU", FW_CONTINENT_EUROPE },
    { "TR", FW_CONTINENT_ASIA },
    { "IL", FW_CONTINENT_ASIA },
    { "QA", FW_CONTINENT_ASIA },
    { "AE", FW_CONTINENT_ASIA },
    { "US", FW_CONTINENT_NORTH_AMERICA },
    { "MX", FW_CONTINENT_NORTH_AMERICA },
    { "BR", FW_CONTINENT_SOUTH_AMERICA },
    { "AU", FW_CONTINENT_OCEANIA },
    { "ZA", FW_CONTINENT_AFRICA },
    { "AQ", FW_CONTINENT_ANTARCTICA },
  };
  const guint8 *array = fw_countries_get_continent_array (countries);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FwCountryId id = code (countries, cases[i].alpha2);

      g_test_message ("continent of %s", cases[i].alpha2);
      g_assert_cmpint (fw_countries_get_continent (countries, id), ==, cases[i].continent);
      g_assert_cmpint (fw_countries_get_default_continent (countries, id), ==, cases[i].continent);
      g_assert_cmpint (array[id], ==, cases[i].continent);
    }

  /* Every real country has a continent. */
  for (guint id = 1; id < fw_countries_get_n_ids (countries); id++)
    g_assert_cmpint (fw_countries_get_continent (countries, id), !=, FW_CONTINENT_UNKNOWN);
}

static void
test_countries_groups (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  g_autoptr(GArray) five_eyes = g_array_new (FALSE, FALSE, sizeof (FwCountryId));
  g_autoptr(GArray) adversaries = NULL;
  g_autofree char *five_eyes_codes = NULL;
  g_autofree char *adversary_codes = NULL;
  const guint8 *five_eyes_array = fw_countries_get_five_eyes_array (countries);
  const guint8 *adversary_array = fw_countries_get_adversary_array (countries);
  const char *nato[] = { "US", "CA", "GB", "FR", "DE", "TR", "NO", "PL", "EE", "FI", "SE", "NL" };
  const char *not_nato[] = { "IE", "AT", "CH", "IL", "RU", "CN", "AU", "NZ", "AE", "SG" };
  const char *eu[] = { "FR", "DE", "AT", "IE", "SE", "FI", "PL", "NL", "EE" };
  const char *not_eu[] = { "GB", "NO", "CH", "US", "TR", "RU", "IS" };

  for (guint id = 0; id < fw_countries_get_n_ids (countries); id++)
    {
      g_assert_cmpint (five_eyes_array[id], ==, fw_countries_is_five_eyes (countries, id));
      g_assert_cmpint (adversary_array[id], ==, fw_countries_is_adversary (countries, id));
      if (fw_countries_is_five_eyes (countries, id))
        {
          FwCountryId fid = id;
          g_array_append_val (five_eyes, fid);
        }
    }

  /* FACTS.md, "Regions used by the findings". */
  five_eyes_codes = join_codes (countries, five_eyes);
  g_assert_cmpstr (five_eyes_codes, ==, "AU,CA,GB,NZ,US");

  adversaries = fw_countries_get_adversaries (countries);
  adversary_codes = join_codes (countries, adversaries);
  g_assert_cmpstr (adversary_codes, ==, "CN,RU");
  /* Sorted by id. */
  g_assert_cmpuint (g_array_index (adversaries, FwCountryId, 0), <, g_array_index (adversaries, FwCountryId, 1));
  g_assert_false (fw_countries_is_adversary (countries, FW_COUNTRY_UNKNOWN));
  g_assert_false (fw_countries_is_five_eyes (countries, FW_COUNTRY_UNKNOWN));

  for (guint i = 0; i < G_N_ELEMENTS (nato); i++)
    {
      g_test_message ("NATO: %s", nato[i]);
      g_assert_true (fw_countries_is_nato (countries, code (countries, nato[i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_nato); i++)
    {
      g_test_message ("not NATO: %s", not_nato[i]);
      g_assert_false (fw_countries_is_nato (countries, code (countries, not_nato[i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (eu); i++)
    {
      g_test_message ("EU: %s", eu[i]);
      g_assert_true (fw_countries_is_eu (countries, code (countries, eu[i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_eu); i++)
    {
      g_test_message ("not EU: %s", not_eu[i]);
      g_assert_false (fw_countries_is_eu (countries, code (countries, not_eu[i])));
    }
  g_assert_false (fw_countries_is_nato (countries, FW_COUNTRY_UNKNOWN));
  g_assert_false (fw_countries_is_eu (countries, FW_COUNTRY_UNKNOWN));
}

static void
test_countries_settings (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  g_autoptr(GArray) overrides = NULL;
  g_autoptr(GArray) adversaries = NULL;
  g_autofree char *adversary_codes = NULL;
  FwCountryId tr = code (countries, "TR");
  FwCountryId ru = code (countries, "RU");
  FwCountryId ir = code (countries, "IR");
  FwCountryId ae = code (countries, "AE");
  guint n_changed = 0;

  g_assert_true (fw_countries_has_default_settings (countries));
  overrides = fw_countries_get_continent_overrides (countries);
  g_assert_cmpuint (overrides->len, ==, 0);
  g_clear_pointer (&overrides, g_array_unref);

  g_signal_connect (countries, "changed", G_CALLBACK (on_changed), &n_changed);

  /* Continent: Turkey moved to Europe. */
  fw_countries_set_continent (countries, tr, FW_CONTINENT_EUROPE);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (fw_countries_get_continent (countries, tr), ==, FW_CONTINENT_EUROPE);
  g_assert_cmpint (fw_countries_get_continent_array (countries)[tr], ==, FW_CONTINENT_EUROPE);
  g_assert_cmpint (fw_countries_get_default_continent (countries, tr), ==, FW_CONTINENT_ASIA);
  g_assert_false (fw_countries_has_default_settings (countries));
  overrides = fw_countries_get_continent_overrides (countries);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpuint (g_array_index (overrides, FwCountryId, 0), ==, tr);
  g_clear_pointer (&overrides, g_array_unref);

  /* Setting the same value again is not a change. */
  fw_countries_set_continent (countries, tr, FW_CONTINENT_EUROPE);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Moving it back restores the default without a reset. */
  fw_countries_set_continent (countries, tr, FW_CONTINENT_ASIA);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (fw_countries_has_default_settings (countries));

  /* Adversaries: add Iran and the UAE, drop Russia. */
  fw_countries_set_adversary (countries, ir, TRUE);
  fw_countries_set_adversary (countries, ae, 42);   /* any true value */
  fw_countries_set_adversary (countries, ru, FALSE);
  g_assert_cmpuint (n_changed, ==, 5);
  fw_countries_set_adversary (countries, ir, TRUE);
  fw_countries_set_adversary (countries, ae, TRUE);
  g_assert_cmpuint (n_changed, ==, 5);

  g_assert_true (fw_countries_is_adversary (countries, ir));
  g_assert_true (fw_countries_is_adversary (countries, ae));
  g_assert_false (fw_countries_is_adversary (countries, ru));
  g_assert_cmpint (fw_countries_get_adversary_array (countries)[ae], ==, 1);
  g_assert_cmpint (fw_countries_get_adversary_array (countries)[ru], ==, 0);
  adversaries = fw_countries_get_adversaries (countries);
  adversary_codes = join_codes (countries, adversaries);
  g_assert_cmpstr (adversary_codes, ==, "AE,CN,IR");
  g_clear_pointer (&adversaries, g_array_unref);
  g_clear_pointer (&adversary_codes, g_free);
  g_assert_false (fw_countries_has_default_settings (countries));

  /* Same number of adversaries as the default, but not the same ones. */
  fw_countries_set_adversary (countries, ir, FALSE);
  fw_countries_set_adversary (countries, ae, FALSE);
  fw_countries_set_adversary (countries, tr, TRUE);
  g_assert_false (fw_countries_has_default_settings (countries));

  /* Reset restores continents and adversaries, and says so. */
  fw_countries_set_continent (countries, tr, FW_CONTINENT_EUROPE);
  n_changed = 0;
  fw_countries_reset_settings (countries);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (fw_countries_has_default_settings (countries));
  g_assert_cmpint (fw_countries_get_continent (countries, tr), ==, FW_CONTINENT_ASIA);
  g_assert_false (fw_countries_is_adversary (countries, tr));
  g_assert_true (fw_countries_is_adversary (countries, ru));
  adversaries = fw_countries_get_adversaries (countries);
  adversary_codes = join_codes (countries, adversaries);
  g_assert_cmpstr (adversary_codes, ==, "CN,RU");
}

static void
test_countries_settings_refused (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  guint n_changed = 0;

  g_signal_connect (countries, "changed", G_CALLBACK (on_changed), &n_changed);

  /* "Unknown" is not a country one can configure. */
  g_test_expect_message ("fw-countries", G_LOG_LEVEL_CRITICAL, "*id > 0*");
  fw_countries_set_adversary (countries, FW_COUNTRY_UNKNOWN, TRUE);
  g_test_assert_expected_messages ();

  g_test_expect_message ("fw-countries", G_LOG_LEVEL_CRITICAL, "*id > 0*");
  fw_countries_set_continent (countries, FW_COUNTRY_UNKNOWN, FW_CONTINENT_ASIA);
  g_test_assert_expected_messages ();

  g_test_expect_message ("fw-countries", G_LOG_LEVEL_CRITICAL, "*continent < FW_N_CONTINENTS*");
  fw_countries_set_continent (countries, code (countries, "FR"), FW_N_CONTINENTS);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_false (fw_countries_is_adversary (countries, FW_COUNTRY_UNKNOWN));
  g_assert_true (fw_countries_has_default_settings (countries));
}

static void
test_countries_copy (void)
{
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  g_autoptr(FwCountries) copy = NULL;
  FwCountryId tr = code (countries, "TR");
  FwCountryId ir = code (countries, "IR");
  FwCountryId cn = code (countries, "CN");
  guint n_original = 0;
  guint n_copy = 0;

  /* A copy starts with the original's current settings... */
  fw_countries_set_continent (countries, tr, FW_CONTINENT_EUROPE);
  fw_countries_set_adversary (countries, ir, TRUE);
  copy = fw_countries_copy (countries);
  g_assert_true (copy != countries);
  g_assert_cmpuint (fw_countries_get_n_ids (copy), ==, fw_countries_get_n_ids (countries));
  g_assert_cmpint (fw_countries_get_continent (copy, tr), ==, FW_CONTINENT_EUROPE);
  g_assert_true (fw_countries_is_adversary (copy, ir));
  g_assert_true (fw_countries_is_adversary (copy, cn));
  g_assert_false (fw_countries_has_default_settings (copy));
  g_assert_cmpuint (fw_countries_lookup (copy, "Great Britain"), ==, fw_countries_lookup (countries, "GB"));
  g_assert_cmpstr (fw_countries_get_name (copy, tr), ==, "Turkey");

  g_signal_connect (countries, "changed", G_CALLBACK (on_changed), &n_original);
  g_signal_connect (copy, "changed", G_CALLBACK (on_changed), &n_copy);

  /* ...and then lives its own life, both ways. */
  fw_countries_set_continent (copy, tr, FW_CONTINENT_AFRICA);
  fw_countries_set_adversary (copy, cn, FALSE);
  g_assert_cmpuint (n_copy, ==, 2);
  g_assert_cmpuint (n_original, ==, 0);
  g_assert_cmpint (fw_countries_get_continent (countries, tr), ==, FW_CONTINENT_EUROPE);
  g_assert_true (fw_countries_is_adversary (countries, cn));

  fw_countries_reset_settings (countries);
  g_assert_cmpuint (n_original, ==, 1);
  g_assert_cmpuint (n_copy, ==, 2);
  g_assert_true (fw_countries_has_default_settings (countries));
  g_assert_cmpint (fw_countries_get_continent (copy, tr), ==, FW_CONTINENT_AFRICA);
  g_assert_false (fw_countries_is_adversary (copy, cn));
  g_assert_true (fw_countries_is_adversary (copy, ir));

  /* The copy's arrays are its own. */
  g_assert_true (fw_countries_get_continent_array (copy) != fw_countries_get_continent_array (countries));
  g_assert_true (fw_countries_get_adversary_array (copy) != fw_countries_get_adversary_array (countries));

  /* The copy outlives the original (the table is shared). */
  g_assert_finalize_object (g_steal_pointer (&countries));
  g_assert_cmpuint (fw_countries_lookup (copy, "Deutschland"), ==, fw_countries_lookup_code (copy, "DE"));
  fw_countries_reset_settings (copy);
  g_assert_true (fw_countries_has_default_settings (copy));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_countries_from_data (void)
{
  const char *tsv =
    "alpha2\talpha3\tnumeric\tname\tcontinent\tfive_eyes\tnato\teu\taliases\n"
    "FR\tFRA\t250\tFrance\tEurope\t0\t1\t1\tFrench Republic\n"
    "RU\tRUS\t643\tRussia\tEurope\t0\t0\t0\t\n"
    "\n"
    "NZ\tNZL\t554\tNew Zealand\tOceania\t1\t0\t0\tAotearoa|Kiwiland\n";
  const char *bad_columns =
    "alpha2\talpha3\tnumeric\tname\tcontinent\tfive_eyes\tnato\teu\taliases\n"
    "FR\tFRA\t250\tFrance\tEurope\t0\t1\t1\n";
  const char *bad_continent =
    "alpha2\talpha3\tnumeric\tname\tcontinent\tfive_eyes\tnato\teu\taliases\n"
    "FR\tFRA\t250\tFrance\tAtlantis\t0\t1\t1\t\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (tsv, strlen (tsv));
  g_autoptr(GBytes) bad_columns_bytes = g_bytes_new_static (bad_columns, strlen (bad_columns));
  g_autoptr(GBytes) bad_continent_bytes = g_bytes_new_static (bad_continent, strlen (bad_continent));
  g_autoptr(FwCountries) countries = NULL;
  g_autoptr(FwCountries) bad = NULL;
  g_autoptr(GArray) adversaries = NULL;
  g_autoptr(GError) error = NULL;
  FwCountryId nz;

  countries = fw_countries_new_from_data (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (countries);
  g_assert_cmpuint (fw_countries_get_n_ids (countries), ==, 4);
  nz = fw_countries_lookup (countries, "kiwiland");
  g_assert_cmpstr (fw_countries_get_code (countries, nz), ==, "NZ");
  g_assert_true (fw_countries_is_five_eyes (countries, nz));
  g_assert_cmpint (fw_countries_get_continent (countries, nz), ==, FW_CONTINENT_OCEANIA);
  g_assert_cmpuint (fw_countries_lookup (countries, "French Republic"), ==, fw_countries_lookup_code (countries, "FR"));
  g_assert_cmpuint (fw_countries_lookup (countries, "Germany"), ==, FW_COUNTRY_UNKNOWN);

  /* The default adversaries that exist in the table; China does not. */
  adversaries = fw_countries_get_adversaries (countries);
  g_assert_cmpuint (adversaries->len, ==, 1);
  g_assert_cmpstr (fw_countries_get_code (countries, g_array_index (adversaries, FwCountryId, 0)), ==, "RU");

  bad = fw_countries_new_from_data (bad_columns_bytes, &error);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, ":2:"));
  g_clear_error (&error);

  bad = fw_countries_new_from_data (bad_continent_bytes, &error);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE);
  g_assert_null (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/countries/new", test_countries_new);
  g_test_add_func ("/countries/table", test_countries_table);
  g_test_add_func ("/countries/lookup", test_countries_lookup);
  g_test_add_func ("/countries/numeric", test_countries_numeric);
  g_test_add_func ("/countries/continents", test_countries_continents);
  g_test_add_func ("/countries/groups", test_countries_groups);
  g_test_add_func ("/countries/settings", test_countries_settings);
  g_test_add_func ("/countries/settings-refused", test_countries_settings_refused);
  g_test_add_func ("/countries/copy", test_countries_copy);
  g_test_add_func ("/countries/from-data", test_countries_from_data);

  return g_test_run ();
}
