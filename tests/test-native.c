/* test-native.c: the native JSON format, read, written and refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-csv.h"
#include "fw-native.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "json", name, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static FwDataset *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(GError) error = NULL;
  FwDataset *dataset;

  dataset = fw_native_read (bytes, path, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 0);
  g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, 0);

  return dataset;
}

static GBytes *
write_to_bytes (FwDataset *dataset)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_native_write (dataset, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static FwDataset *
read_string (const char  *json,
             FwProblems  *problems,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return fw_native_read (bytes, "inline.json", problems, error);
}

static FwCountryId
code (FwDataset  *dataset,
      const char *alpha2)
{
  FwCountryId id = fw_countries_lookup_code (fw_dataset_get_countries (dataset), alpha2);

  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);

  return id;
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize size_a, size_b;
  const char *data_a = g_bytes_get_data (a, &size_a);
  const char *data_b = g_bytes_get_data (b, &size_b);

  /* Compared as text first so that a failure shows where they differ. */
  if (size_a != size_b || memcmp (data_a, data_b, size_a) != 0)
    {
      g_autofree char *text_a = g_strndup (data_a, size_a);
      g_autofree char *text_b = g_strndup (data_b, size_b);

      g_assert_cmpstr (text_a, ==, text_b);
    }
  g_assert_cmpmem (data_a, size_a, data_b, size_b);
}

static void
test_read_good (void)
{
  g_autoptr(FwDataset) dataset = read_fixture ("good.fairwatch.json");
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwFirmValues firm;
  FwFairValues fair;
  FwExhibitionValues exhibition;
  g_autoptr(GArray) adversaries = NULL;
  JsonNode *history;
  JsonObject *step;

  g_assert_cmpstr (fw_dataset_get_title (dataset), ==, "Test fixture: every field");
  g_assert_cmpstr (fw_dataset_get_description (dataset), ==,
                   "Fictional firms.\nLine two has \"quotes\", a backslash \\ and a tab\t.");
  g_assert_cmpstr (fw_dataset_get_citation (dataset), ==, "Fairwatch tests, 2024");
  g_assert_true (fw_dataset_get_fictional (dataset));

  /* Settings: Russia moved to Asia, Turkey to Europe, Iran an adversary. */
  g_assert_cmpint (fw_countries_get_continent (countries, code (dataset, "RU")), ==, FW_CONTINENT_ASIA);
  g_assert_cmpint (fw_countries_get_continent (countries, code (dataset, "TR")), ==, FW_CONTINENT_EUROPE);
  g_assert_cmpint (fw_countries_get_continent (countries, code (dataset, "FR")), ==, FW_CONTINENT_EUROPE);
  g_assert_true (fw_countries_is_adversary (countries, code (dataset, "CN")));
  g_assert_true (fw_countries_is_adversary (countries, code (dataset, "RU")));
  g_assert_true (fw_countries_is_adversary (countries, code (dataset, "IR")));
  g_assert_false (fw_countries_is_adversary (countries, code (dataset, "FR")));
  adversaries = fw_countries_get_adversaries (countries);
  g_assert_cmpuint (adversaries->len, ==, 3);

  /* Firms, with every field, unknown ones and extras. */
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 4);
  fw_dataset_get_firm (dataset, 0, &firm);
  g_assert_cmpstr (firm.id, ==, "F0001");
  g_assert_cmpstr (firm.name, ==, "Acme Interception SA");
  g_assert_cmpuint (firm.hq, ==, code (dataset, "FR"));
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_HIGH);
  g_assert_cmpstr (firm.website, ==, "https://acme.example");
  g_assert_cmpstr (firm.notes, ==, "Advertises lawful interception.");
  g_assert_cmpstr (firm.source, ==, "Brochure, p. 3");

  fw_dataset_get_firm (dataset, 1, &firm);
  g_assert_cmpstr (firm.name, ==, "Nordlicht Forensik GmbH");
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_UNKNOWN);
  g_assert_null (firm.website);

  fw_dataset_get_firm (dataset, 2, &firm);
  g_assert_cmpstr (firm.name, ==, "Borealis “Signals” Ltd ✓");
  g_assert_cmpuint (firm.hq, ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_LOW);

  fw_dataset_get_firm (dataset, 3, &firm);
  g_assert_null (firm.id);
  g_assert_cmpstr (firm.name, ==, "Kestrel Systems");
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_MEDIUM);

  /* Extra columns keep their order, including one without values. */
  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_FIRMS), ==, 3);
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_FIRMS, 0), ==, "ticker");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_FIRMS, 1), ==, "employees");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_FIRMS, 2), ==, "unused");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FIRMS, 0, 0), ==, "ACME");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FIRMS, 1, 0), ==, "120");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FIRMS, 1, 1), ==, "45");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FIRMS, 0, 1), ==, "");

  /* Fairs, one with an unknown host. */
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 4);
  fw_dataset_get_fair (dataset, 0, &fair);
  g_assert_cmpstr (fair.id, ==, "A001");
  g_assert_cmpstr (fair.name, ==, "Milipol France");
  g_assert_cmpuint (fair.host, ==, code (dataset, "FR"));
  g_assert_cmpstr (fair.city, ==, "Paris");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FAIRS, 0, 0), ==, "Civipol");
  fw_dataset_get_fair (dataset, 3, &fair);
  g_assert_cmpstr (fair.name, ==, "Mystery Expo");
  g_assert_cmpuint (fair.host, ==, FW_COUNTRY_UNKNOWN);
  g_assert_null (fair.city);

  /* Exhibitions: references, an unknown year, sources, notes, extras. */
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 7);
  fw_dataset_get_exhibition (dataset, 0, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 0);
  g_assert_cmpuint (exhibition.fair, ==, 0);
  g_assert_cmpuint (exhibition.year, ==, 2015);
  g_assert_cmpstr (exhibition.source, ==, "https://milipol.example/2015/exhibitors");
  g_assert_null (exhibition.note);
  fw_dataset_get_exhibition (dataset, 1, &exhibition);
  g_assert_cmpuint (exhibition.fair, ==, 1);
  g_assert_cmpuint (exhibition.year, ==, FW_YEAR_UNKNOWN);
  g_assert_null (exhibition.source);
  g_assert_cmpstr (exhibition.note, ==, "Year not given in the catalogue");
  fw_dataset_get_exhibition (dataset, 6, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 0);
  g_assert_cmpuint (exhibition.fair, ==, 2);
  g_assert_cmpuint (exhibition.year, ==, 2013);

  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_EXHIBITIONS), ==, 2);
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 0), ==, "booth");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 1), ==, "hall");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 0, 0), ==, "H4-12");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 0, 3), ==, "B7");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 1, 3), ==, "");

  g_assert_null (fw_dataset_get_csv_layout (dataset));

  /* History is kept as it was. */
  history = fw_dataset_get_history (dataset);
  g_assert_nonnull (history);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (history));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (history)), ==, 1);
  step = json_array_get_object_element (json_node_get_array (history), 0);
  g_assert_cmpstr (json_object_get_string_member (step, "op"), ==, "set");
  g_assert_cmpint (json_object_get_int_member (step, "row"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (step, "time"), ==, 1700000000.25);
  g_assert_true (json_object_get_null_member (step, "old"));
  g_assert_null (json_node_get_parent (history));
}

/* The fixture is in the form Fairwatch writes, so writing what was read
 * gives the same bytes back. */
static void
test_round_trip_fixture (void)
{
  g_autoptr(GBytes) original = load_fixture ("good.fairwatch.json");
  g_autoptr(FwDataset) dataset = read_fixture ("good.fairwatch.json");
  g_autoptr(GBytes) written = write_to_bytes (dataset);
  g_autoptr(FwDataset) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  assert_bytes_equal (written, original);

  again = fw_native_read (written, "written.json", NULL, &error);
  g_assert_no_error (error);
  rewritten = write_to_bytes (again);
  assert_bytes_equal (rewritten, written);
}

static FwCsvLayout *
make_csv_layout (void)
{
  static const char csv[] =
    "firm,hq_country,confidence,fair,host_country,year,booth\n"
    "Acme,France,high,Milipol,France,2015,H4\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = fw_csv_read_flat (bytes, "layout.csv", countries, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (fw_dataset_get_csv_layout (dataset));

  return fw_csv_layout_copy (fw_dataset_get_csv_layout (dataset));
}

static void
assert_datasets_equal (FwDataset *a,
                       FwDataset *b)
{
  FwCountries *countries_a = fw_dataset_get_countries (a);
  FwCountries *countries_b = fw_dataset_get_countries (b);

  g_assert_cmpstr (fw_dataset_get_title (a), ==, fw_dataset_get_title (b));
  g_assert_cmpstr (fw_dataset_get_description (a), ==, fw_dataset_get_description (b));
  g_assert_cmpstr (fw_dataset_get_citation (a), ==, fw_dataset_get_citation (b));
  g_assert_cmpint (fw_dataset_get_fictional (a), ==, fw_dataset_get_fictional (b));

  for (FwCountryId id = 1; id < fw_countries_get_n_ids (countries_a); id++)
    {
      g_assert_cmpint (fw_countries_get_continent (countries_a, id), ==,
                       fw_countries_get_continent (countries_b, id));
      g_assert_cmpint (fw_countries_is_adversary (countries_a, id), ==,
                       fw_countries_is_adversary (countries_b, id));
    }

  for (FwTable table = 0; table < FW_N_TABLES; table++)
    {
      guint n_rows = fw_dataset_get_n_rows (a, table);
      guint n_extra = fw_dataset_get_n_extra (a, table);

      g_assert_cmpuint (fw_dataset_get_n_rows (b, table), ==, n_rows);
      g_assert_cmpuint (fw_dataset_get_n_extra (b, table), ==, n_extra);

      for (guint c = 0; c < n_extra; c++)
        g_assert_cmpstr (fw_dataset_get_extra_name (a, table, c), ==,
                         fw_dataset_get_extra_name (b, table, c));

      for (guint row = 0; row < n_rows; row++)
        for (guint c = 0; c < n_extra; c++)
          g_assert_cmpstr (fw_dataset_get_extra (a, table, c, row), ==,
                           fw_dataset_get_extra (b, table, c, row));
    }

  for (guint row = 0; row < fw_dataset_get_n_rows (a, FW_TABLE_FIRMS); row++)
    {
      FwFirmValues x, y;

      fw_dataset_get_firm (a, row, &x);
      fw_dataset_get_firm (b, row, &y);
      g_assert_cmpstr (x.id, ==, y.id);
      g_assert_cmpstr (x.name, ==, y.name);
      g_assert_cmpuint (x.hq, ==, y.hq);
      g_assert_cmpint (x.confidence, ==, y.confidence);
      g_assert_cmpstr (x.website, ==, y.website);
      g_assert_cmpstr (x.notes, ==, y.notes);
      g_assert_cmpstr (x.source, ==, y.source);
    }

  for (guint row = 0; row < fw_dataset_get_n_rows (a, FW_TABLE_FAIRS); row++)
    {
      FwFairValues x, y;

      fw_dataset_get_fair (a, row, &x);
      fw_dataset_get_fair (b, row, &y);
      g_assert_cmpstr (x.id, ==, y.id);
      g_assert_cmpstr (x.name, ==, y.name);
      g_assert_cmpuint (x.host, ==, y.host);
      g_assert_cmpstr (x.city, ==, y.city);
    }

  for (guint row = 0; row < fw_dataset_get_n_rows (a, FW_TABLE_EXHIBITIONS); row++)
    {
      FwExhibitionValues x, y;

      fw_dataset_get_exhibition (a, row, &x);
      fw_dataset_get_exhibition (b, row, &y);
      g_assert_cmpuint (x.firm, ==, y.firm);
      g_assert_cmpuint (x.fair, ==, y.fair);
      g_assert_cmpuint (x.year, ==, y.year);
      g_assert_cmpstr (x.source, ==, y.source);
      g_assert_cmpstr (x.note, ==, y.note);
    }

  if (fw_dataset_get_history (a) == NULL)
    g_assert_null (fw_dataset_get_history (b));
  else
    g_assert_true (json_node_equal (fw_dataset_get_history (a), fw_dataset_get_history (b)));

  if (fw_dataset_get_csv_layout (a) == NULL)
    g_assert_null (fw_dataset_get_csv_layout (b));
  else
    {
      g_autoptr(JsonNode) layout_a = fw_csv_layout_to_json (fw_dataset_get_csv_layout (a));
      g_autoptr(JsonNode) layout_b = fw_csv_layout_to_json (fw_dataset_get_csv_layout (b));

      g_assert_nonnull (fw_dataset_get_csv_layout (b));
      g_assert_true (json_node_equal (layout_a, layout_b));
    }
}

/* The same data written by hand: nulls and empty strings for unknown
 * values, country names, other spellings, other member order, compact
 * layout.  It reads as the same dataset, and is written as the fixture. */
static void
test_round_trip_nulls (void)
{
  g_autoptr(GBytes) canonical = load_fixture ("good.fairwatch.json");
  g_autoptr(FwDataset) dataset = read_fixture ("good-nulls.fairwatch.json");
  g_autoptr(FwDataset) expected = read_fixture ("good.fairwatch.json");
  g_autoptr(GBytes) written = write_to_bytes (dataset);
  FwFirmValues firm;

  fw_dataset_get_firm (dataset, 1, &firm);
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_UNKNOWN);
  g_assert_null (firm.website);
  fw_dataset_get_firm (dataset, 2, &firm);
  g_assert_cmpuint (firm.hq, ==, FW_COUNTRY_UNKNOWN);

  assert_datasets_equal (expected, dataset);
  assert_bytes_equal (written, canonical);
}

/* Text that a JSON writer has to escape, or must not touch. */
static const char * const awkward[] = {
  "quote \" backslash \\ slash /",
  "new\nline, carriage\rreturn, tab\t, bell\a, escape\033, del\177",
  "Zürich, Москва, 北京, العربية, 🛰️",
  "\xe2\x80\xa8 line separator, \xc2\xa0 no-break space",
  "  leading and trailing spaces  ",
  "{\"looks\": [\"like\", \"json\"]}",
  "- 12 34",
};

static void
test_round_trip_built (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(FwDataset) read = NULL;
  g_autoptr(GError) error = NULL;
  guint note_column, empty_column;

  fw_dataset_set_title (dataset, awkward[0]);
  fw_dataset_set_description (dataset, awkward[1]);
  fw_dataset_set_citation (dataset, awkward[2]);
  fw_dataset_set_fictional (dataset, TRUE);
  fw_countries_set_continent (countries, code (dataset, "RU"), FW_CONTINENT_ASIA);
  fw_countries_set_continent (countries, code (dataset, "EG"), FW_CONTINENT_UNKNOWN);
  fw_countries_set_adversary (countries, code (dataset, "CN"), FALSE);
  fw_countries_set_adversary (countries, code (dataset, "KP"), TRUE);

  /* Columns added before and after rows, one never filled. */
  note_column = fw_dataset_add_extra_column (dataset, FW_TABLE_FIRMS, "zeta \"quoted\"");
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *id = g_strdup_printf ("F%u", i);
      FwFirmValues firm = {
        .id = i % 3 == 0 ? NULL : id,
        .name = awkward[i],
        .hq = i % 2 == 0 ? FW_COUNTRY_UNKNOWN : code (dataset, "SE"),
        .confidence = i % FW_N_CONFIDENCE,
        .website = awkward[(i + 1) % G_N_ELEMENTS (awkward)],
        .notes = i == 3 ? NULL : awkward[(i + 2) % G_N_ELEMENTS (awkward)],
        .source = awkward[(i + 3) % G_N_ELEMENTS (awkward)],
      };
      FwFairValues fair = {
        .id = id,
        .name = awkward[G_N_ELEMENTS (awkward) - 1 - i],
        .host = i % 2 == 1 ? FW_COUNTRY_UNKNOWN : code (dataset, "AE"),
        .city = i == 0 ? NULL : awkward[i],
      };
      guint row;

      row = fw_dataset_append_firm (dataset, &firm);
      fw_dataset_set_extra (dataset, FW_TABLE_FIRMS, note_column, row, awkward[i]);
      fw_dataset_append_fair (dataset, &fair);
    }
  empty_column = fw_dataset_add_extra_column (dataset, FW_TABLE_FIRMS, "alpha");
  g_assert_cmpuint (empty_column, ==, 1);
  fw_dataset_add_extra_column (dataset, FW_TABLE_FAIRS, "organiser");
  fw_dataset_set_extra (dataset, FW_TABLE_FAIRS, 0, 2, awkward[4]);
  fw_dataset_add_extra_column (dataset, FW_TABLE_EXHIBITIONS, "booth");

  for (guint i = 0; i < 40; i++)
    {
      FwExhibitionValues exhibition = {
        .firm = (i * 3) % G_N_ELEMENTS (awkward),
        .fair = (i * 5) % G_N_ELEMENTS (awkward),
        .year = i % 5 == 0 ? FW_YEAR_UNKNOWN : 1990 + i,
        .source = i % 4 == 0 ? NULL : awkward[i % G_N_ELEMENTS (awkward)],
        .note = i == 39 ? "last" : NULL,
      };
      guint row = fw_dataset_append_exhibition (dataset, &exhibition);

      if (i % 6 == 1)
        fw_dataset_set_extra (dataset, FW_TABLE_EXHIBITIONS, 0, row, awkward[i % G_N_ELEMENTS (awkward)]);
    }

  fw_dataset_set_csv_layout (dataset, make_csv_layout ());

  json_parser_load_from_data (parser,
                              "[{\"op\": \"edit\", \"values\": [0.1, 1e300, -2.5e-8, 3.0, 7, "
                              "9007199254740993, true, false, null, \"\\u0001\"], \"empty\": {}, "
                              "\"list\": [], \"nested\": {\"b\": 1, \"a\": [[]]}}]",
                              -1, &error);
  g_assert_no_error (error);
  fw_dataset_set_history (dataset, json_parser_get_root (parser));

  first = write_to_bytes (dataset);
  read = fw_native_read (first, "built.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  assert_datasets_equal (dataset, read);

  second = write_to_bytes (read);
  assert_bytes_equal (second, first);
}

static void
test_write_fictional (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  bytes = write_to_bytes (dataset);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\"fictional\": false"));
  g_assert_nonnull (strstr (text, "\"history\": []"));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"fairwatch-dataset\",\n  \"version\": 1,\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  fw_dataset_set_fictional (dataset, TRUE);
  bytes = write_to_bytes (dataset);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\"fictional\": true"));
}

static void
test_write_cancelled (void)
{
  g_autoptr(FwDataset) dataset = read_fixture ("good.fairwatch.json");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (fw_native_write (dataset, stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* What a curator may write by hand: nulls, absent members, country names,
 * members Fairwatch does not know. */
static void
test_read_lenient (void)
{
  static const char json[] =
    "{\n"
    "  \"format\": \"fairwatch-dataset\",\n"
    "  \"version\": 1,\n"
    "  \"comment\": \"written by hand\",\n"
    "  \"firms\": [\n"
    "    {\"name\": \"Acme\", \"hq\": \"France\", \"confidence\": null, \"website\": null},\n"
    "    {\"name\": \"Nordlicht\", \"hq\": null, \"confidence\": \"High\", \"colour\": \"blue\"},\n"
    "    {\"name\": \"Borealis\", \"hq\": \"deu\", \"confidence\": \"\", \"extra\": {\"x\": null}}\n"
    "  ],\n"
    "  \"fairs\": [{\"name\": \"Milipol\", \"host\": \"fr\", \"city\": \"\"}],\n"
    "  \"exhibitions\": {\"count\": 2, \"firm\": \" 0\\n 2 \", \"fair\": \"0\\t0\", \"year\": \"- 2001\",\n"
    "                  \"source\": null}\n"
    "}\n";
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  FwFirmValues firm;
  FwExhibitionValues exhibition;
  const FwProblem *problem;

  dataset = read_string (json, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  /* The unknown top-level member and the unknown firm member. */
  g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 0);
  g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, 2);
  problem = fw_problems_get (problems, 0);
  g_assert_cmpint (problem->severity, ==, FW_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "“comment”"));
  problem = fw_problems_get (problems, 1);
  g_assert_nonnull (strstr (problem->message, "“colour”"));
  g_assert_cmpuint (problem->line, ==, 7);
  g_assert_cmpuint (problem->column, ==, 61);

  fw_dataset_get_firm (dataset, 0, &firm);
  g_assert_cmpuint (firm.hq, ==, code (dataset, "FR"));
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_UNKNOWN);
  g_assert_null (firm.website);
  fw_dataset_get_firm (dataset, 1, &firm);
  g_assert_cmpuint (firm.hq, ==, FW_COUNTRY_UNKNOWN);
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_HIGH);
  fw_dataset_get_firm (dataset, 2, &firm);
  g_assert_cmpuint (firm.hq, ==, code (dataset, "DE"));
  g_assert_cmpint (firm.confidence, ==, FW_CONFIDENCE_UNKNOWN);
  g_assert_cmpint (fw_dataset_find_extra (dataset, FW_TABLE_FIRMS, "x"), ==, 0);
  g_assert_cmpuint (fw_dataset_get_fair_host (dataset, 0), ==, code (dataset, "FR"));

  fw_dataset_get_exhibition (dataset, 1, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 2);
  g_assert_cmpuint (exhibition.year, ==, 2001);

  /* Absent settings are the defaults. */
  g_assert_true (fw_countries_has_default_settings (fw_dataset_get_countries (dataset)));
  g_assert_false (fw_dataset_get_fictional (dataset));
  g_assert_null (fw_dataset_get_history (dataset));
}

static void
test_read_settings_replace (void)
{
  static const char json[] =
    "{\"format\": \"fairwatch-dataset\", \"version\": 1,\n"
    " \"settings\": {\"adversaries\": [\"Iran\"], \"continents\": {\"EG\": \"Africa\", \"TR\": \"unknown\"}}}\n";
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) adversaries = NULL;
  FwCountries *countries;

  dataset = read_string (json, NULL, &error);
  g_assert_no_error (error);
  countries = fw_dataset_get_countries (dataset);

  /* The list replaces the default set rather than adding to it. */
  adversaries = fw_countries_get_adversaries (countries);
  g_assert_cmpuint (adversaries->len, ==, 1);
  g_assert_true (fw_countries_is_adversary (countries, code (dataset, "IR")));
  g_assert_false (fw_countries_is_adversary (countries, code (dataset, "RU")));
  g_assert_cmpint (fw_countries_get_continent (countries, code (dataset, "TR")), ==, FW_CONTINENT_UNKNOWN);
  g_assert_cmpint (fw_countries_get_continent (countries, code (dataset, "EG")), ==, FW_CONTINENT_AFRICA);
}

typedef struct
{
  const char    *fixture;
  FwFormatError  code;
  guint          line;        /* 0: the message has no line */
  const char    *detail;      /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-syntax.json", FW_FORMAT_ERROR_JSON, 7, "the JSON is not well formed" },
  { "bad-top-level-array.json", FW_FORMAT_ERROR_SHAPE, 1, "not a Fairwatch dataset" },
  { "bad-format.json", FW_FORMAT_ERROR_SHAPE, 3, "its format is “geojson”" },
  { "bad-version.json", FW_FORMAT_ERROR_UNSUPPORTED, 3, "made by a newer Fairwatch" },
  { "bad-no-name.json", FW_FORMAT_ERROR_SHAPE, 10, "firm with id “F0002” has no name" },
  { "bad-confidence.json", FW_FORMAT_ERROR_CONFIDENCE, 15, "“maybe” is not a confidence level" },
  { "bad-country.json", FW_FORMAT_ERROR_COUNTRY, 15, "fair “Nowhere Expo”: “XX” is not a country" },
  { "bad-year.json", FW_FORMAT_ERROR_YEAR, 18, "exhibitions.year, value 3: “20x5” is not a year from 1990 to 2100" },
  { "bad-count.json", FW_FORMAT_ERROR_SHAPE, 16, "exhibitions.firm has 2 values but exhibitions.count is 3" },
  { "bad-reference.json", FW_FORMAT_ERROR_REFERENCE, 19, "exhibitions.firm, value 3: 2 is not a row of “firms”" },
  { "bad-duplicate-id.json", FW_FORMAT_ERROR_DUPLICATE_ID, 14, "firm id “F0001” is used twice (first at line 6)" },
  { "empty.json", FW_FORMAT_ERROR_EMPTY, 0, "the file is empty" },
};

static void
test_read_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = fixture_path (bad->fixture);
  g_autoptr(GBytes) bytes = load_fixture (bad->fixture);
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  dataset = fw_native_read (bytes, path, problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, (gint) bad->code);
  g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 1);

  /* FILE:LINE[:COLUMN]: error: … */
  if (bad->line > 0)
    location = g_strdup_printf ("%s:%u:", path, bad->line);
  else
    location = g_strdup_printf ("%s: error: ", path);
  if (!g_str_has_prefix (error->message, location))
    g_error ("“%s” does not start with “%s”", error->message, location);
  if (strstr (error->message, bad->detail) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->detail);

  g_assert_cmpuint (fw_problems_get (problems, 0)->line, ==, bad->line);
}

static void
test_read_several (void)
{
  g_autofree char *path = fixture_path ("bad-several.json");
  g_autoptr(GBytes) bytes = load_fixture ("bad-several.json");
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const FwProblem *problem;

  dataset = fw_native_read (bytes, path, problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_CONFIDENCE);
  g_assert_nonnull (strstr (error->message, "and 1 more error"));

  g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 2);
  problem = fw_problems_get (problems, 0);
  g_assert_cmpint (problem->code, ==, FW_FORMAT_ERROR_CONFIDENCE);
  g_assert_cmpuint (problem->line, ==, 8);
  g_assert_cmpint (problem->table, ==, FW_TABLE_FIRMS);
  g_assert_cmpint (problem->row, ==, 0);
  problem = fw_problems_get (problems, 1);
  g_assert_cmpint (problem->code, ==, FW_FORMAT_ERROR_COUNTRY);
  g_assert_cmpuint (problem->line, ==, 13);
  g_assert_cmpuint (problem->column, ==, 7);
  g_assert_cmpint (problem->row, ==, 1);
  g_assert_nonnull (strstr (problem->message, "“Neverland”"));
}

typedef struct
{
  const char    *exhibitions;   /* the value of "exhibitions" */
  FwFormatError  code;
  const char    *detail;
} PackedCase;

static const PackedCase packed_cases[] = {
  { "{\"count\": 2, \"firm\": \"0 -1\", \"fair\": \"0 0\", \"year\": \"- -\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.firm, value 2: “-1” is not a row number" },
  { "{\"count\": 2, \"firm\": \"0 1x\", \"fair\": \"0 0\", \"year\": \"- -\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.firm, value 2: “1x” is not a row number" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 99999999999999999999\", \"year\": \"- -\"}",
    FW_FORMAT_ERROR_REFERENCE, "exhibitions.fair, value 2: 99999999999999999999 is not a row of “fairs”" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 0\", \"year\": \"1989 -\"}",
    FW_FORMAT_ERROR_YEAR, "exhibitions.year, value 1: “1989” is not a year" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 0\", \"year\": \"2001 2002 2003\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.year has 3 values but exhibitions.count is 2" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 0\", \"year\": \"- -\", \"source\": [null]}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.source has 1 values but exhibitions.count is 2" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 0\", \"year\": \"- -\", \"note\": [null, 3]}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.note, value 2: expected a string or null" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"fair\": \"0 0\", \"year\": \"- -\", \"extra\": {\"b\": [\"x\"]}}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.extra.b has 1 values" },
  { "{\"count\": 2, \"firm\": \"0 1\", \"year\": \"- -\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions has no “fair” column" },
  { "{\"count\": -2, \"firm\": \"\", \"fair\": \"\", \"year\": \"\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.count must be a whole number" },
  { "{\"count\": 2000000000, \"firm\": \"0\", \"fair\": \"0\", \"year\": \"-\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.count is 2000000000, more values than the file can hold" },
  { "{\"count\": 1, \"firm\": [0], \"fair\": \"0\", \"year\": \"-\"}",
    FW_FORMAT_ERROR_SHAPE, "exhibitions.firm must be a string of space-separated numbers, not an array" },
};

static void
test_read_packed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (packed_cases); i++)
    {
      const PackedCase *bad = &packed_cases[i];
      g_autoptr(FwProblems) problems = fw_problems_new (0);
      g_autoptr(FwDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;

      json = g_strdup_printf ("{\"format\": \"fairwatch-dataset\", \"version\": 1,\n"
                              " \"firms\": [{\"name\": \"A\"}, {\"name\": \"B\"}],\n"
                              " \"fairs\": [{\"name\": \"F\"}],\n"
                              " \"exhibitions\": %s}\n",
                              bad->exhibitions);
      dataset = read_string (json, problems, &error);
      g_assert_null (dataset);
      g_assert_error (error, FW_FORMAT_ERROR, (gint) bad->code);
      g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 1);
      if (strstr (error->message, bad->detail) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad->detail);
      g_assert_true (g_str_has_prefix (error->message, "inline.json:4:"));
    }
}

/* A column where every value is wrong is summed up, not listed. */
static void
test_read_packed_many (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(FwProblems) problems = fw_problems_new (0);
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 5000;

  g_string_append_printf (json,
                          "{\"format\": \"fairwatch-dataset\", \"version\": 1,\n"
                          " \"firms\": [{\"name\": \"A\"}], \"fairs\": [{\"name\": \"F\"}],\n"
                          " \"exhibitions\": {\"count\": %u,\n"
                          "   \"firm\": \"", n);
  for (guint i = 0; i < n; i++)
    g_string_append (json, i > 0 ? " 0" : "0");
  g_string_append (json, "\", \"fair\": \"");
  for (guint i = 0; i < n; i++)
    g_string_append (json, i > 0 ? " 0" : "0");
  g_string_append (json, "\", \"year\": \"");
  for (guint i = 0; i < n; i++)
    g_string_append (json, i > 0 ? " 1900" : "1900");
  g_string_append (json, "\"}}\n");

  dataset = read_string (json->str, problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_YEAR);
  g_assert_cmpuint (fw_problems_get_n_kept (problems), ==, 21);
  g_assert_nonnull (strstr (fw_problems_get (problems, 20)->message,
                            "exhibitions.year: 4980 more values are wrong"));
  /* The column is found even on a long line. */
  g_assert_cmpuint (fw_problems_get (problems, 19)->line, ==, 4);
  g_assert_cmpuint (fw_problems_get (problems, 19)->column, ==, 10 + 2 * n + 3 + 10 + 2 * n + 12 + 19 * 5);
}

static void
test_read_records (void)
{
  static const struct
  {
    const char    *member;
    FwFormatError  code;
    const char    *detail;
  } cases[] = {
    { "\"firms\": {}", FW_FORMAT_ERROR_SHAPE, "“firms” must be an array" },
    { "\"firms\": [7]", FW_FORMAT_ERROR_SHAPE, "firms, value 1: each firm must be an object" },
    { "\"firms\": [{\"name\": 7}]", FW_FORMAT_ERROR_SHAPE, "firm 1: “name” must be a string or null, not a number" },
    { "\"firms\": [{\"name\": \" \"}]", FW_FORMAT_ERROR_SHAPE, "firm 1 has no name" },
    { "\"fairs\": [{\"name\": \"F\", \"host\": true}]", FW_FORMAT_ERROR_SHAPE, "fair “F”: “host” must be a country code or null" },
    { "\"fairs\": [{\"id\": \"x\", \"name\": \"F\"}, {\"id\": \"x\", \"name\": \"G\"}]", FW_FORMAT_ERROR_DUPLICATE_ID, "fair id “x” is used twice" },
    { "\"firms\": [{\"name\": \"A\", \"extra\": {\"n\": 3}}]", FW_FORMAT_ERROR_SHAPE, "firm “A”, extra: “n” must be a string or null" },
    { "\"metadata\": {\"fictional\": \"yes\"}", FW_FORMAT_ERROR_SHAPE, "metadata: “fictional” must be true or false" },
    { "\"settings\": {\"adversaries\": [\"Atlantis\"]}", FW_FORMAT_ERROR_COUNTRY, "settings.adversaries: “Atlantis” is not a country" },
    { "\"settings\": {\"continents\": {\"RU\": \"Eurasia\"}}", FW_FORMAT_ERROR_SHAPE, "the continent of “RU” must be one of" },
    { "\"extra_columns\": {\"firms\": [\"\"]}", FW_FORMAT_ERROR_SHAPE, "extra_columns.firms, value 1: a column name must be a non-empty string" },
    { "\"history\": {}", FW_FORMAT_ERROR_SHAPE, "“history” must be an array" },
    { "\"version\": 0", FW_FORMAT_ERROR_SHAPE, "“version” must be a whole number" },
    { "\"format\": null", FW_FORMAT_ERROR_SHAPE, "its format is “null”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FwDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;

      /* A repeated member replaces the earlier one in json-glib, which
       * lets "version" and "format" be overridden. */
      json = g_strdup_printf ("{\"format\": \"fairwatch-dataset\", \"version\": 1,\n %s}", cases[i].member);
      dataset = read_string (json, NULL, &error);
      g_assert_null (dataset);
      g_assert_error (error, FW_FORMAT_ERROR, (gint) cases[i].code);
      if (strstr (error->message, cases[i].detail) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].detail);

      /* Located at the member, except the overridden header members
       * whose first spelling is on line 1. */
      if (!g_str_has_prefix (cases[i].member, "\"version\"") &&
          !g_str_has_prefix (cases[i].member, "\"format\"") &&
          !g_str_has_prefix (error->message, "inline.json:2:"))
        g_error ("“%s” is not located on line 2", error->message);
    }
}

static GBytes *
random_bytes (guint32 seed,
              gsize   size,
              guint   low,
              guint   high)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, (gint32) low, (gint32) high + 1);

  return g_bytes_new_take (data, size);
}

static void
test_read_random (void)
{
  static const struct
  {
    guint          low, high;
    FwFormatError  code;
  } cases[] = {
    { 0, 255, FW_FORMAT_ERROR_BINARY },
    { 0x80, 0xff, FW_FORMAT_ERROR_ENCODING },
    { 0x20, 0x7e, FW_FORMAT_ERROR_JSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = random_bytes (20211108 + i, 4096, cases[i].low, cases[i].high);
      g_autoptr(FwProblems) problems = fw_problems_new (0);
      g_autoptr(FwDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      const FwProblem *problem;

      dataset = fw_native_read (bytes, "random.json", problems, &error);
      g_assert_null (dataset);
      g_assert_error (error, FW_FORMAT_ERROR, (gint) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "random.json:"));

      /* Located at the first offending byte, or where the parser gave up. */
      problem = fw_problems_get (problems, 0);
      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_cmpuint (problem->column, >=, 1);
    }
}

static void
test_read_no_problems (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("bad-confidence.json");
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = fw_native_read (bytes, "bad-confidence.json", NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_CONFIDENCE);
  g_assert_true (g_str_has_prefix (error->message, "bad-confidence.json:15:7: error: "));
}

static void
test_read_whitespace_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = read_string (" \n\t\r\n", NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/native/read/good", test_read_good);
  g_test_add_func ("/native/read/lenient", test_read_lenient);
  g_test_add_func ("/native/read/settings-replace", test_read_settings_replace);
  g_test_add_func ("/native/read/several", test_read_several);
  g_test_add_func ("/native/read/packed", test_read_packed);
  g_test_add_func ("/native/read/packed-many", test_read_packed_many);
  g_test_add_func ("/native/read/records", test_read_records);
  g_test_add_func ("/native/read/random", test_read_random);
  g_test_add_func ("/native/read/no-problems", test_read_no_problems);
  g_test_add_func ("/native/read/whitespace-only", test_read_whitespace_only);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/native/read/bad/%s", bad_cases[i].fixture);

      g_test_add_data_func (name, &bad_cases[i], test_read_bad);
    }
  g_test_add_func ("/native/write/fictional", test_write_fictional);
  g_test_add_func ("/native/write/cancelled", test_write_cancelled);
  g_test_add_func ("/native/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/native/round-trip/nulls", test_round_trip_nulls);
  g_test_add_func ("/native/round-trip/built", test_round_trip_built);

  return g_test_run ();
}
