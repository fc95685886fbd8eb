/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-csv.h"

static FwCountries *countries;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static GBytes *
load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static FwDataset *
read_flat (const char  *name,
           FwProblems  *problems,
           GError     **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GBytes) bytes = load_bytes (path);

  return fw_csv_read_flat (bytes, path, countries, problems, error);
}

static FwDataset *
read_flat_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  FwDataset *dataset = read_flat (name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

static GBytes *
write_flat (FwDataset *dataset)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_csv_write_flat (dataset, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
assert_bytes_equal (GBytes     *bytes,
                    const char *expected,
                    gsize       expected_len)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len != expected_len || memcmp (data, expected, len) != 0)
    {
      g_autofree char *got = g_strndup (data, len);

      g_test_message ("expected:\n%.*s\ngot:\n%s", (int) expected_len, expected, got);
      g_assert_cmpmem (data, len, expected, expected_len);
    }
}

static void
assert_bytes_equal_file (GBytes     *bytes,
                         const char *path)
{
  g_autoptr(GBytes) expected = load_bytes (path);
  gsize len;
  const char *data = g_bytes_get_data (expected, &len);

  assert_bytes_equal (bytes, data, len);
}

/* The error message starts with FILE:LINE[:COLUMN]: error: */
static void
assert_located (const char *message,
                const char *file,
                guint       line,
                guint       column)
{
  g_autofree char *prefix = NULL;

  if (column > 0)
    prefix = g_strdup_printf ("%s:%u:%u: error: ", file, line, column);
  else if (line > 0)
    prefix = g_strdup_printf ("%s:%u: error: ", file, line);
  else
    prefix = g_strdup_printf ("%s: error: ", file);

  if (!g_str_has_prefix (message, prefix))
    g_error ("“%s” does not start with “%s”", message, prefix);
}

static void
assert_flat_error (const char    *name,
                   FwFormatError  code,
                   guint          line,
                   guint          column,
                   const char    *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProblems) problems = fw_problems_new (100);
  g_autoptr(FwDataset) dataset = read_flat (name, problems, &error);

  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, (gint) code);
  assert_located (error->message, name, line, column);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (fw_problems_get_n_errors (problems), >=, 1);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_assert_cmpint (g_remove (path), ==, 0);
}

static FwCountryId
country (const char *code)
{
  FwCountryId id = fw_countries_lookup_code (countries, code);

  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);

  return id;
}

static void
assert_firm (FwDataset    *dataset,
             guint         row,
             const char   *name,
             const char   *hq_code,
             FwConfidence  confidence)
{
  FwFirmValues firm;

  fw_dataset_get_firm (dataset, row, &firm);
  g_assert_cmpstr (firm.name, ==, name);
  g_assert_cmpuint (firm.hq, ==, hq_code != NULL ? country (hq_code) : FW_COUNTRY_UNKNOWN);
  g_assert_cmpuint (firm.confidence, ==, confidence);
}

static void
assert_exhibition (FwDataset  *dataset,
                   guint       row,
                   const char *firm_name,
                   const char *fair_name,
                   const char *host_code,
                   guint       year,
                   const char *note)
{
  FwExhibitionValues exhibition;
  FwFairValues fair;

  fw_dataset_get_exhibition (dataset, row, &exhibition);
  fw_dataset_get_fair (dataset, exhibition.fair, &fair);
  g_assert_cmpstr (fw_dataset_get_firm_name (dataset, exhibition.firm), ==, firm_name);
  g_assert_cmpstr (fair.name, ==, fair_name);
  g_assert_cmpuint (fair.host, ==, country (host_code));
  g_assert_cmpuint (exhibition.year, ==, year);
  g_assert_cmpstr (exhibition.note, ==, note);
}

static void
assert_round_trip (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(FwDataset) dataset = read_flat_ok (name);
  g_autoptr(GBytes) written = write_flat (dataset);

  assert_bytes_equal_file (written, path);
}

/* Good files */

static void
test_flat_comma (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-comma.csv");
  FwFirmValues firm;
  FwFairValues fair;
  FwExhibitionValues exhibition;

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 4);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 4);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 5);

  assert_firm (dataset, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 1, "Borealis Signals", "IL", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 2, "Cobalt Forensics", "SE", FW_CONFIDENCE_MEDIUM);
  /* A row with no fair, host or year is a firm without exhibitions. */
  assert_firm (dataset, 3, "Dunmore Analytics", "DE", FW_CONFIDENCE_LOW);

  fw_dataset_get_firm (dataset, 0, &firm);
  g_assert_cmpstr (firm.website, ==, "https://acme.example");
  g_assert_null (firm.id);

  assert_exhibition (dataset, 0, "Acme Intercept", "Milipol France", "FR", 2015, NULL);
  assert_exhibition (dataset, 1, "Acme Intercept", "ISS World Europe", "CZ", 2016, "booth 12");
  assert_exhibition (dataset, 2, "Borealis Signals", "Milipol France", "FR", 2017, NULL);
  assert_exhibition (dataset, 4, "Cobalt Forensics", "Security & Policing", "GB", FW_YEAR_UNKNOWN,
                     "year not recorded");

  /* One fair per name and host country, shared by its exhibitions. */
  fw_dataset_get_exhibition (dataset, 0, &exhibition);
  g_assert_cmpuint (exhibition.fair, ==, 0);
  g_assert_cmpstr (exhibition.source, ==, "https://example.org/milipol-2015");
  fw_dataset_get_exhibition (dataset, 2, &exhibition);
  g_assert_cmpuint (exhibition.fair, ==, 0);
  fw_dataset_get_fair (dataset, 0, &fair);
  g_assert_cmpstr (fair.city, ==, "Paris");

  g_assert_nonnull (fw_dataset_get_csv_layout (dataset));
  g_assert_false (fw_csv_layout_is_tables (fw_dataset_get_csv_layout (dataset)));
}

static void
test_flat_semicolon_bom_crlf (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-semicolon-bom-crlf.csv");
  FwFairValues fair;

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 3);
  /* The BOM is not part of the first header. */
  assert_firm (dataset, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 1, "Borealis Signals", "IL", FW_CONFIDENCE_MEDIUM);

  /* Neither the comma nor the CR is a separator here. */
  fw_dataset_get_fair (dataset, 0, &fair);
  g_assert_cmpstr (fair.city, ==, "Paris, Nord Villepinte");
  fw_dataset_get_fair (dataset, 1, &fair);
  g_assert_cmpstr (fair.city, ==, "Doha");
  assert_exhibition (dataset, 2, "Borealis Signals", "Milipol Qatar", "QA", 2018, NULL);

  assert_round_trip ("flat-semicolon-bom-crlf.csv");
}

static void
test_flat_tab (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-tab.csv");

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 2);
  assert_firm (dataset, 1, "Cobalt Forensics", "SE", FW_CONFIDENCE_LOW);
  assert_exhibition (dataset, 0, "Acme Intercept", "Milipol France", "FR", 2015, "stand A, hall 5");
  assert_exhibition (dataset, 1, "Cobalt Forensics", "ISS World Europe", "CZ", 2019, NULL);

  assert_round_trip ("flat-tab.csv");
}

static void
test_flat_quoted (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-quoted.csv");

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  assert_firm (dataset, 0, "Acme Intercept, Ltd", "IT", FW_CONFIDENCE_HIGH);
  assert_exhibition (dataset, 0, "Acme Intercept, Ltd", "Milipol France", "FR", 2015,
                     "said \"lawful interception\" on the stand");
  assert_exhibition (dataset, 1, "Borealis Signals", "Milipol France", "FR", 2016,
                     "first line\nsecond line");
  /* The record after a two-line one is still read whole. */
  assert_exhibition (dataset, 2, "Cobalt Forensics", "ISS World Europe", "CZ", 2019, "plain");

  assert_round_trip ("flat-quoted.csv");
}

static void
test_flat_synonyms (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-synonyms.csv");
  g_autoptr(GBytes) written = NULL;
  static const char expected[] =
    "Company,HQ,Confidence Level,Event,Fair Country,Year\n"
    "Acme Intercept,Italy,high,Milipol France,France,2015\n"
    "Borealis Signals,Israel,medium,Eurosatory,France,2016\n";
  static const char expected_default[] =
    "firm,hq_country,confidence,fair,host_country,year\n"
    "Acme Intercept,Italy,high,Milipol France,France,2015\n"
    "Borealis Signals,Israel,medium,Eurosatory,France,2016\n";

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_EXHIBITIONS), ==, 0);
  assert_firm (dataset, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 1, "Borealis Signals", "IL", FW_CONFIDENCE_MEDIUM);
  assert_exhibition (dataset, 1, "Borealis Signals", "Eurosatory", "FR", 2016, NULL);

  /* The headers are kept, the values are written the canonical way. */
  written = write_flat (dataset);
  assert_bytes_equal (written, expected, strlen (expected));

  /* Without the layout, the canonical headers. */
  fw_dataset_set_csv_layout (dataset, NULL);
  g_clear_pointer (&written, g_bytes_unref);
  written = write_flat (dataset);
  assert_bytes_equal (written, expected_default, strlen (expected_default));
}

static void
test_flat_countries (void)
{
  g_autofree char *expected = fixture ("flat-countries-expected.csv");
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-countries.csv");
  g_autoptr(GBytes) written = NULL;

  assert_firm (dataset, 0, "Acme Intercept", "GB", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 1, "Borealis Signals", "US", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 2, "Cobalt Forensics", "RU", FW_CONFIDENCE_LOW);
  assert_firm (dataset, 3, "Dunmore Analytics", "DE", FW_CONFIDENCE_MEDIUM);
  assert_firm (dataset, 4, "Eastgate Systems", "CZ", FW_CONFIDENCE_LOW);
  assert_exhibition (dataset, 1, "Borealis Signals", "Milipol France", "FR", 2016, NULL);
  assert_exhibition (dataset, 2, "Cobalt Forensics", "Interpolitex", "RU", 2017, NULL);
  /* "FR" and "france" are the same host: one fair. */
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 4);

  /* Mixed names and codes are written as names. */
  written = write_flat (dataset);
  assert_bytes_equal_file (written, expected);
}

static void
test_flat_codes (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-codes.csv");

  assert_firm (dataset, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 2, "Cobalt Forensics", NULL, FW_CONFIDENCE_LOW);
  assert_exhibition (dataset, 1, "Borealis Signals", "Interpolitex", "RU", 2016, NULL);

  /* Every country was an ISO code, so codes are written back. */
  assert_round_trip ("flat-codes.csv");
}

static void
test_flat_extras (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-extras.csv");

  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_EXHIBITIONS), ==, 3);
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 0), ==, "Booth");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 1), ==, "Region");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 2), ==, "Contact");
  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_FIRMS), ==, 0);

  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 0, 0), ==, "A12");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 0, 1), ==, "");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 1, 1), ==, "Europe");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_EXHIBITIONS, 2, 0), ==, "sales@acme.example");

  /* Extra columns go back to where they were. */
  assert_round_trip ("flat-extras.csv");
}

static void
test_flat_ids (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-ids.csv");
  g_autoptr(FwDataset) joined = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwFairValues fair;
  static const char text[] =
    "firm_id,firm,hq_country,confidence,fair_id,fair,host_country,year\n"
    "F1,Acme Intercept,Italy,high,A1,Milipol France,France,2015\n"
    ",Acme Intercept,,,,Milipol France,France,2016\n"
    ",Borealis Signals,Israel,,,Milipol France,France,2016\n";

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 2);
  g_assert_cmpint (fw_dataset_find_firm_by_id (dataset, "F2"), ==, 1);
  assert_firm (dataset, 1, "Acme Intercept International Holdings Beta", "IL", FW_CONFIDENCE_MEDIUM);
  fw_dataset_get_fair (dataset, 1, &fair);
  g_assert_cmpstr (fair.id, ==, "A2");
  g_assert_cmpstr (fair.city, ==, "Moscow");
  assert_round_trip ("flat-ids.csv");

  /* Rows that leave the ids empty belong to the record of that name. */
  bytes = g_bytes_new_static (text, strlen (text));
  joined = fw_csv_read_flat (bytes, "joined.csv", countries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (joined, FW_TABLE_FIRMS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_rows (joined, FW_TABLE_FAIRS), ==, 1);
  g_assert_cmpuint (fw_dataset_get_n_rows (joined, FW_TABLE_EXHIBITIONS), ==, 3);
  assert_firm (joined, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
}

static void
test_flat_long_names (void)
{
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-long-names.csv");
  FwExhibitionValues exhibition;

  /* Names alike in their first 28 bytes are still two firms. */
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  assert_firm (dataset, 0, "Acme Intercept International Holdings Alpha", "IT", FW_CONFIDENCE_HIGH);
  assert_firm (dataset, 2, "Acme Intercept International Holdings Beta", "IL", FW_CONFIDENCE_MEDIUM);
  fw_dataset_get_exhibition (dataset, 3, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 0);
  fw_dataset_get_exhibition (dataset, 4, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 2);
  assert_round_trip ("flat-long-names.csv");
}

static void
test_flat_round_trip (void)
{
  assert_round_trip ("flat-comma.csv");
}

static void
test_flat_no_problems_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) bad = read_flat ("bad-year.csv", NULL, &error);
  g_autoptr(FwDataset) good = read_flat ("flat-tab.csv", NULL, NULL);

  g_assert_null (bad);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_YEAR);
  g_assert_nonnull (good);
}

/* Bad files */

static void
test_error_utf8 (void)
{
  assert_flat_error ("bad-utf8.csv", FW_FORMAT_ERROR_ENCODING, 3, 5, "save the file as UTF-8");
}

static void
test_error_utf16 (void)
{
  static const char text[] = "\xff\xfe" "f\0i\0r\0m\0\n\0A\0\n\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_csv_read_flat (bytes, "/somewhere/unicode.txt", countries, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_ENCODING);
  assert_located (error->message, "unicode.txt", 1, 1);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

static void
test_error_quotes (void)
{
  assert_flat_error ("bad-quotes.csv", FW_FORMAT_ERROR_QUOTES, 4, 7, "never ends; close the quote");
}

static void
test_error_quote_inside (void)
{
  assert_flat_error ("bad-quote-inside.csv", FW_FORMAT_ERROR_QUOTES, 3, 1, "column “firm”");
}

static void
test_error_columns (void)
{
  assert_flat_error ("bad-columns.csv", FW_FORMAT_ERROR_COLUMNS, 3, 7, "7 fields but the header has 6");
}

static void
test_error_confidence (void)
{
  assert_flat_error ("bad-confidence.csv", FW_FORMAT_ERROR_CONFIDENCE, 3, 3, "“sure”");
  /* A cell spanning lines is located where it starts. */
  assert_flat_error ("bad-confidence-multiline.csv", FW_FORMAT_ERROR_CONFIDENCE, 3, 3, "“very\nhigh”");
}

static void
test_error_year (void)
{
  assert_flat_error ("bad-year.csv", FW_FORMAT_ERROR_YEAR, 3, 6,
                     "year “20x5” is not a whole number from 1990 to 2100 (column “year”)");
  assert_flat_error ("bad-year-1850.csv", FW_FORMAT_ERROR_YEAR, 2, 6, "year “1850”");
  /* Line numbers count physical lines, not records. */
  assert_flat_error ("bad-year-after-newline.csv", FW_FORMAT_ERROR_YEAR, 4, 7, "year “20x5”");
}

static void
test_error_country (void)
{
  assert_flat_error ("bad-country.csv", FW_FORMAT_ERROR_COUNTRY, 3, 5,
                     "“Frnace” is not a country this program knows (column “host_country”)");
}

static void
test_error_empty (void)
{
  assert_flat_error ("empty.csv", FW_FORMAT_ERROR_EMPTY, 0, 0, "empty");
  assert_flat_error ("header-only.csv", FW_FORMAT_ERROR_EMPTY, 1, 0, "no rows");
}

static void
test_error_missing_column (void)
{
  assert_flat_error ("missing-column.csv", FW_FORMAT_ERROR_MISSING_COLUMN, 1, 0,
                     "add one named “firm” (also accepted: company");
}

static void
test_error_duplicate_header (void)
{
  assert_flat_error ("duplicate-header.csv", FW_FORMAT_ERROR_COLUMNS, 1, 5, "columns 1 (“firm”) and 5 (“Company”)");
}

static GBytes *
generated_file (const char *dir,
                const char *name,
                GString    *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);

  return load_bytes (path);
}

static void
assert_generated_error (GBytes        *bytes,
                        const char    *name,
                        FwFormatError  code,
                        guint          line,
                        guint          column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_csv_read_flat (bytes, name, countries, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, (gint) code);
  assert_located (error->message, name, line, column);
}

static void
test_error_huge_field (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GString) text = g_string_new ("firm,year,note\nAcme Intercept,2015,short\nAcme Intercept,2016,");
  g_autoptr(GString) quoted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) quoted_bytes = NULL;
  gsize start = text->len;

  g_string_set_size (text, start + 20 * 1024 * 1024);
  memset (text->str + start, 'x', 20 * 1024 * 1024);
  g_string_append (text, "\n");
  bytes = generated_file (dir, "huge.csv", text);
  assert_generated_error (bytes, "huge.csv", FW_FORMAT_ERROR_TOO_LARGE, 3, 3);

  /* The same size inside a quote that never closes is a quoting mistake. */
  quoted = g_string_new ("firm,year,note\nAcme Intercept,2016,\"");
  g_string_append_len (quoted, text->str + start, 20 * 1024 * 1024);
  quoted_bytes = generated_file (dir, "huge-quoted.csv", quoted);
  assert_generated_error (quoted_bytes, "huge-quoted.csv", FW_FORMAT_ERROR_QUOTES, 2, 3);

  remove_tree (dir);
}

static void
test_error_too_many_columns (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GString) text = g_string_new ("firm");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 1; i < 200000; i++)
    g_string_append_printf (text, ",c%u", i);
  g_string_append (text, "\nAcme Intercept\n");
  bytes = generated_file (dir, "wide.csv", text);
  assert_generated_error (bytes, "wide.csv", FW_FORMAT_ERROR_TOO_LARGE, 1, FW_CSV_MAX_COLUMNS + 1);

  remove_tree (dir);
}

static void
test_error_random_bytes (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211108);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) no_nul = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) no_nul_bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

      g_string_append_c (text, (char) byte);
      g_string_append_c (no_nul, (char) (byte == 0 ? 1 : byte));
    }

  bytes = generated_file (dir, "random.bin", text);
  assert_generated_error (bytes, "random.bin", FW_FORMAT_ERROR_BINARY, 0, 0);
  no_nul_bytes = generated_file (dir, "random-no-nul.bin", no_nul);
  assert_generated_error (no_nul_bytes, "random-no-nul.bin", FW_FORMAT_ERROR_BINARY, 0, 0);

  remove_tree (dir);
}

/* Warnings */

static void
test_warnings (void)
{
  g_autoptr(FwProblems) problems = fw_problems_new (100);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = read_flat ("warn-conflicts.csv", problems, &error);
  const FwProblem *conflict, *repeat;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 0);
  g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, 2);

  conflict = fw_problems_get (problems, 0);
  g_assert_cmpint (conflict->severity, ==, FW_SEVERITY_WARNING);
  g_assert_cmpstr (conflict->file, ==, "warn-conflicts.csv");
  g_assert_cmpuint (conflict->line, ==, 4);
  g_assert_cmpuint (conflict->column, ==, 2);
  g_assert_cmpint (conflict->table, ==, FW_TABLE_FIRMS);
  g_assert_cmpint (conflict->row, ==, 0);
  g_assert_cmpstr (conflict->message, ==,
                   "firm “Acme Intercept” has HQ Italy on line 2 but Germany on line 4; the first is kept");

  repeat = fw_problems_get (problems, 1);
  g_assert_cmpint (repeat->severity, ==, FW_SEVERITY_WARNING);
  g_assert_cmpuint (repeat->line, ==, 5);
  g_assert_cmpint (repeat->table, ==, FW_TABLE_EXHIBITIONS);
  g_assert_cmpint (repeat->row, ==, 3);
  g_assert_nonnull (strstr (repeat->message, "“Milipol France” in 2015 is already on line 2"));

  /* The first value is kept, and the repeat too: nothing is dropped. */
  assert_firm (dataset, 0, "Acme Intercept", "IT", FW_CONFIDENCE_HIGH);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 4);
}

/* Reads @rows identical or conflicting rows, then a row with a bad year,
 * keeping at most 100 problems. */
static FwDataset *
read_many_warnings (const char  *dir,
                    const char  *name,
                    gboolean     conflicting,
                    guint        rows,
                    FwProblems  *problems,
                    GError     **error)
{
  g_autoptr(GString) text = g_string_new ("firm,hq_country,confidence,fair,host_country,year\n");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "Acme Intercept,%s,high,Milipol France,France,2015\n",
                            conflicting && i % 2 == 1 ? "Germany" : "Italy");
  g_string_append (text, "Acme Intercept,Italy,high,Milipol France,France,20x5\n");

  bytes = generated_file (dir, name, text);

  return fw_csv_read_flat (bytes, name, countries, problems, error);
}

/* Past the cap problems are counted, not kept, and the first error is
 * kept all the same, even when warnings filled the list before it. */
static void
test_warnings_past_cap (void)
{
  g_autofree char *dir = make_tmp_dir ();
  const guint rows = 5000;

  {
    g_autoptr(FwProblems) problems = fw_problems_new (100);
    g_autoptr(GError) error = NULL;
    g_autoptr(FwDataset) dataset = NULL;

    dataset = read_many_warnings (dir, "repeats.csv", FALSE, rows, problems, &error);
    g_assert_null (dataset);
    g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_YEAR);
    assert_located (error->message, "repeats.csv", rows + 2, 6);
    g_assert_nonnull (strstr (error->message, "“20x5”"));
    g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 1);
    /* Each row after the first repeats it. */
    g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, rows - 1);
    g_assert_true (fw_problems_is_full (problems));
    g_assert_cmpuint (fw_problems_get_n_kept (problems), ==, 100);
  }

  {
    g_autoptr(FwProblems) problems = fw_problems_new (100);
    g_autoptr(GError) error = NULL;
    g_autoptr(FwDataset) dataset = NULL;
    const FwProblem *last;

    /* Every other row says another HQ: warnings while reading, before the error. */
    dataset = read_many_warnings (dir, "conflicts.csv", TRUE, rows, problems, &error);
    g_assert_null (dataset);
    g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_YEAR);
    assert_located (error->message, "conflicts.csv", rows + 2, 6);
    g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 1);
    g_assert_cmpuint (fw_problems_get_n_warnings (problems), >=, rows / 2);
    g_assert_cmpuint (fw_problems_get_n_kept (problems), ==, 101);
    last = fw_problems_get (problems, 100);
    g_assert_cmpint (last->severity, ==, FW_SEVERITY_ERROR);
    g_assert_cmpuint (last->line, ==, rows + 2);

    /* A second error is only counted. */
    fw_problems_add (problems, fw_problem_new (FW_SEVERITY_ERROR, FW_FORMAT_ERROR_YEAR,
                                               "x.csv", 1, 1, "another"));
    fw_problems_count (problems, FW_SEVERITY_WARNING);
    g_assert_cmpuint (fw_problems_get_n_kept (problems), ==, 101);
    g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 2);
  }

  remove_tree (dir);
}

static void
test_warning_missing_columns (void)
{
  g_autoptr(FwProblems) problems = fw_problems_new (100);
  g_autoptr(FwDataset) dataset = read_flat ("flat-tab.csv", problems, NULL);

  g_assert_nonnull (dataset);
  g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, 0);
  g_clear_object (&dataset);

  /* flat-synonyms.csv has every column the findings need. */
  dataset = read_flat ("flat-synonyms.csv", problems, NULL);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (fw_problems_get_n_warnings (problems), ==, 0);
  g_clear_object (&dataset);

  {
    static const char text[] = "firm,fair\nAcme Intercept,Milipol France\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(FwProblems) few = fw_problems_new (100);

    dataset = fw_csv_read_flat (bytes, "few.csv", countries, few, NULL);
    g_assert_nonnull (dataset);
    /* hq_country, confidence, host_country and year are missing */
    g_assert_cmpuint (fw_problems_get_n_warnings (few), ==, 4);
    g_assert_cmpint (fw_problems_get (few, 0)->code, ==, FW_FORMAT_ERROR_MISSING_COLUMN);
    g_assert_nonnull (strstr (fw_problems_get (few, 0)->message, "no “hq_country” column"));
  }
}

/* Tables */

static char *
tables_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", "tables", name, NULL);
}

static void
test_tables_read (void)
{
  g_autofree char *dir = tables_fixture ("good");
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_csv_read_tables (dir, countries, NULL, &error);
  FwFirmValues firm;
  FwExhibitionValues exhibition;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_true (fw_csv_layout_is_tables (fw_dataset_get_csv_layout (dataset)));

  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS), ==, 3);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 3);

  fw_dataset_get_firm (dataset, 1, &firm);
  g_assert_cmpstr (firm.id, ==, "f2");
  g_assert_cmpstr (firm.name, ==, "Borealis Signals");
  g_assert_cmpstr (firm.notes, ==, "offers \"tactical\" kits");
  g_assert_cmpstr (firm.source, ==, "brochure 2016");
  g_assert_cmpint (fw_dataset_find_fair_by_id (dataset, "a3"), ==, 2);

  fw_dataset_get_exhibition (dataset, 1, &exhibition);
  g_assert_cmpuint (exhibition.firm, ==, 1);
  g_assert_cmpuint (exhibition.fair, ==, 1);
  g_assert_cmpuint (exhibition.year, ==, 2016);
  g_assert_cmpstr (exhibition.note, ==, "first, second");

  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_FIRMS, 0), ==, "Employees");
  g_assert_cmpstr (fw_dataset_get_extra (dataset, FW_TABLE_FIRMS, 0, 2), ==, "40");
  g_assert_cmpstr (fw_dataset_get_extra_name (dataset, FW_TABLE_EXHIBITIONS, 0), ==, "Hall");
  g_assert_cmpuint (fw_dataset_get_n_extra (dataset, FW_TABLE_FAIRS), ==, 0);
}

static void
test_tables_is_directory (void)
{
  g_autofree char *good = tables_fixture ("good");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", NULL);

  g_assert_true (fw_csv_is_tables_directory (good));
  g_assert_false (fw_csv_is_tables_directory (csv));
}

static void
test_tables_missing_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *firms = g_build_filename (dir, "firms.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;

  g_file_set_contents (firms, "id,name\nf1,Acme Intercept\n", -1, &error);
  g_assert_no_error (error);

  dataset = fw_csv_read_tables (dir, countries, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "fairs.csv"));

  remove_tree (dir);
}

static void
assert_tables_error (const char    *name,
                     FwFormatError  code,
                     const char    *file,
                     guint          line,
                     guint          column,
                     const char    *words)
{
  g_autofree char *dir = tables_fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_csv_read_tables (dir, countries, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, FW_FORMAT_ERROR, (gint) code);
  assert_located (error->message, file, line, column);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_tables_errors (void)
{
  assert_tables_error ("duplicate-id", FW_FORMAT_ERROR_DUPLICATE_ID, "firms.csv", 4, 1,
                       "firm id “f1” is already used on line 2");
  assert_tables_error ("missing-firm", FW_FORMAT_ERROR_REFERENCE, "exhibitions.csv", 3, 1,
                       "exhibition refers to firm “f12”, which firms.csv does not have");
  assert_tables_error ("missing-fair", FW_FORMAT_ERROR_REFERENCE, "exhibitions.csv", 3, 2,
                       "exhibition refers to fair “a9”, which fairs.csv does not have");
}

static void
assert_file_equal (const char *path,
                   const char *expected_path)
{
  g_autoptr(GBytes) bytes = load_bytes (path);

  assert_bytes_equal_file (bytes, expected_path);
}

static void
test_tables_round_trip (void)
{
  static const char *names[] = { "firms.csv", "fairs.csv", "exhibitions.csv" };
  g_autofree char *dir = tables_fixture ("good");
  g_autofree char *out = make_tmp_dir ();
  g_autofree char *target = g_build_filename (out, "written", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_csv_read_tables (dir, countries, NULL, &error);

  g_assert_no_error (error);
  /* The directory is created. */
  g_assert_true (fw_csv_write_tables (dataset, target, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *written = g_build_filename (target, names[i], NULL);
      g_autofree char *expected = g_build_filename (dir, names[i], NULL);

      assert_file_equal (written, expected);
    }

  /* Writing over existing files replaces them. */
  g_assert_true (fw_csv_write_tables (dataset, target, NULL, &error));
  g_assert_no_error (error);

  remove_tree (out);
}

static FwDataset *
build_dataset (void)
{
  FwDataset *dataset = fw_dataset_new (countries);
  FwFirmValues acme = { NULL, "Acme Intercept", country ("IT"), FW_CONFIDENCE_HIGH, NULL, NULL, NULL };
  FwFirmValues borealis = { NULL, " Borealis, \"Signals\"", country ("IL"), FW_CONFIDENCE_UNKNOWN, NULL, NULL, NULL };
  FwFirmValues cobalt = { NULL, "Cobalt Forensics", FW_COUNTRY_UNKNOWN, FW_CONFIDENCE_LOW, NULL, NULL, NULL };
  FwFairValues milipol = { NULL, "Milipol France", country ("FR"), NULL };
  FwFairValues iss = { "A0001", "ISS World Europe", country ("CZ"), NULL };
  FwExhibitionValues e1 = { 0, 0, 2015, NULL, NULL };
  FwExhibitionValues e2 = { 1, 1, FW_YEAR_UNKNOWN, NULL, "two\nlines" };
  guint booth;

  fw_dataset_append_firm (dataset, &acme);
  fw_dataset_append_firm (dataset, &borealis);
  fw_dataset_append_firm (dataset, &cobalt);
  fw_dataset_append_fair (dataset, &milipol);
  fw_dataset_append_fair (dataset, &iss);
  fw_dataset_append_exhibition (dataset, &e1);
  fw_dataset_append_exhibition (dataset, &e2);
  booth = fw_dataset_add_extra_column (dataset, FW_TABLE_EXHIBITIONS, "Booth");
  fw_dataset_set_extra (dataset, FW_TABLE_EXHIBITIONS, booth, 0, "B7");

  return dataset;
}

static void
test_write_default_flat (void)
{
  g_autoptr(FwDataset) dataset = build_dataset ();
  g_autoptr(GBytes) written = write_flat (dataset);
  g_autoptr(FwDataset) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  /* No website, city or source: those columns are left out; the fair
   * with an id brings the fair_id column. */
  static const char expected[] =
    "firm,hq_country,confidence,fair_id,fair,host_country,year,note,Booth\n"
    "Acme Intercept,Italy,high,,Milipol France,France,2015,,B7\n"
    "\" Borealis, \"\"Signals\"\"\",Israel,,A0001,ISS World Europe,Czechia,,\"two\nlines\",\n"
    "Cobalt Forensics,,low,,,,,,\n";

  assert_bytes_equal (written, expected, strlen (expected));

  /* What is written reads back to the same, apart from surrounding
   * space, which reading trims. */
  again = fw_csv_read_flat (written, "again.csv", countries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (again, FW_TABLE_FIRMS), ==, 3);
  g_assert_cmpstr (fw_dataset_get_firm_name (again, 1), ==, "Borealis, \"Signals\"");
  rewritten = write_flat (again);
  g_assert_nonnull (strstr (g_bytes_get_data (rewritten, NULL), "\"Borealis, \"\"Signals\"\"\",Israel"));
}

static void
test_write_tables_ids (void)
{
  g_autoptr(FwDataset) dataset = build_dataset ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *firms = g_build_filename (dir, "firms.csv", NULL);
  g_autofree char *fairs = g_build_filename (dir, "fairs.csv", NULL);
  g_autofree char *exhibitions = g_build_filename (dir, "exhibitions.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) again = NULL;
  g_autoptr(GBytes) firms_bytes = NULL;
  g_autoptr(GBytes) fairs_bytes = NULL;
  g_autoptr(GBytes) exhibitions_bytes = NULL;
  static const char expected_firms[] =
    "id,name,hq_country,confidence,website,notes,source\n"
    "F0001,Acme Intercept,Italy,high,,,\n"
    "F0002,\" Borealis, \"\"Signals\"\"\",Israel,,,,\n"
    "F0003,Cobalt Forensics,,low,,,\n";
  /* The fair that has an id keeps it; the one without gets A and its
   * row, unless that is taken. */
  static const char expected_fairs[] =
    "id,name,host_country,city\n"
    "A0001-2,Milipol France,France,\n"
    "A0001,ISS World Europe,Czechia,\n";
  static const char expected_exhibitions[] =
    "firm_id,fair_id,year,source,note,Booth\n"
    "F0001,A0001-2,2015,,,B7\n"
    "F0002,A0001,,,\"two\nlines\",\n";

  g_assert_true (fw_csv_write_tables (dataset, dir, NULL, &error));
  g_assert_no_error (error);

  firms_bytes = load_bytes (firms);
  fairs_bytes = load_bytes (fairs);
  exhibitions_bytes = load_bytes (exhibitions);
  assert_bytes_equal (firms_bytes, expected_firms, strlen (expected_firms));
  assert_bytes_equal (fairs_bytes, expected_fairs, strlen (expected_fairs));
  assert_bytes_equal (exhibitions_bytes, expected_exhibitions, strlen (expected_exhibitions));

  again = fw_csv_read_tables (dir, countries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (again, FW_TABLE_EXHIBITIONS), ==, 2);
  g_assert_cmpint (fw_dataset_find_firm_by_id (again, "F0002"), ==, 1);

  remove_tree (dir);
}

/* Layout memory */

static void
test_layout_json (void)
{
  g_autofree char *path = fixture ("flat-extras.csv");
  g_autoptr(FwDataset) dataset = read_flat_ok ("flat-extras.csv");
  g_autoptr(FwDataset) tables = NULL;
  g_autofree char *tables_dir = tables_fixture ("good");
  g_autoptr(JsonNode) node = fw_csv_layout_to_json (fw_dataset_get_csv_layout (dataset));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *json = json_to_string (node, FALSE);
  FwCsvLayout *layout;
  JsonArray *files;
  JsonArray *columns;
  JsonObject *booth;

  g_assert_nonnull (strstr (json, "\"kind\":\"flat\""));
  files = json_object_get_array_member (json_node_get_object (node), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  columns = json_object_get_array_member (json_array_get_object_element (files, 0), "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 9);
  booth = json_array_get_object_element (columns, 1);
  g_assert_cmpstr (json_object_get_string_member (booth, "header"), ==, "Booth");
  g_assert_cmpstr (json_object_get_string_member (booth, "field"), ==, "exhibitions.extra");
  g_assert_cmpint (json_object_get_int_member (booth, "extra"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 2), "field"),
                   ==, "firms.hq_country");

  /* A layout read back from JSON writes the same file. */
  layout = fw_csv_layout_from_json (node, &error);
  g_assert_no_error (error);
  fw_dataset_set_csv_layout (dataset, layout);
  written = write_flat (dataset);
  assert_bytes_equal_file (written, path);

  /* So does a copy, and a tables layout survives the trip too. */
  fw_dataset_set_csv_layout (dataset, fw_csv_layout_copy (layout));
  g_clear_pointer (&written, g_bytes_unref);
  written = write_flat (dataset);
  assert_bytes_equal_file (written, path);

  tables = fw_csv_read_tables (tables_dir, countries, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) tables_node = fw_csv_layout_to_json (fw_dataset_get_csv_layout (tables));
    g_autoptr(FwCsvLayout) copy = fw_csv_layout_from_json (tables_node, &error);
    g_autoptr(JsonNode) again = NULL;

    g_assert_no_error (error);
    g_assert_true (fw_csv_layout_is_tables (copy));
    again = fw_csv_layout_to_json (copy);
    g_assert_true (json_node_equal (tables_node, again));
  }
}

static void
test_layout_json_shape (void)
{
  static const char *bad[] = {
    "[]",
    "{\"kind\":\"grid\",\"files\":[]}",
    "{\"kind\":\"flat\"}",
    "{\"kind\":\"flat\",\"files\":[]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\"|\",\"columns\":[]}]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\",\",\"bom\":1,\"columns\":[]}]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\",\",\"columns\":[{\"header\":\"x\",\"field\":\"firms.shoe_size\"}]}]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\",\",\"columns\":[{\"header\":\"x\",\"field\":\"exhibitions.extra\"}]}]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\",\",\"columns\":[{\"field\":\"firms.name\"}]}]}",
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\",\",\"columns\":[{\"header\":\"x\",\"field\":\"exhibitions.firm\"}]}]}",
    "{\"kind\":\"tables\",\"files\":[{\"table\":\"fairs\",\"delimiter\":\",\",\"columns\":[]},"
      "{\"table\":\"fairs\",\"delimiter\":\",\",\"columns\":[]},"
      "{\"table\":\"exhibitions\",\"delimiter\":\",\",\"columns\":[]}]}",
    "{\"kind\":\"tables\",\"files\":[{\"table\":\"firms\",\"delimiter\":\",\",\"columns\":[{\"header\":\"x\",\"field\":\"fairs.name\"}]},"
      "{\"table\":\"fairs\",\"delimiter\":\",\",\"columns\":[]},"
      "{\"table\":\"exhibitions\",\"delimiter\":\",\",\"columns\":[]}]}",
  };
  static const char good[] =
    "{\"kind\":\"flat\",\"files\":[{\"delimiter\":\"\\t\",\"columns\":"
    "[{\"header\":\"Firm\",\"field\":\"firms.name\"},{\"header\":\"Host\",\"field\":\"fairs.host_country\",\"codes\":true}]}]}";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (bad[i], &error);
      g_autoptr(FwCsvLayout) layout = NULL;

      g_assert_no_error (error);
      layout = fw_csv_layout_from_json (node, &error);
      g_assert_null (layout);
      g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = json_from_string (good, &error);
    g_autoptr(FwCsvLayout) layout = fw_csv_layout_from_json (node, &error);
    g_autoptr(FwDataset) dataset = build_dataset ();
    g_autoptr(GBytes) written = NULL;
    /* The layout's two columns, then every other column with data. */
    static const char expected[] =
      "Firm\tHost\thq_country\tconfidence\tfair_id\tfair\tyear\tnote\tBooth\n"
      "Acme Intercept\tFR\tItaly\thigh\t\tMilipol France\t2015\t\tB7\n"
      "\" Borealis, \"\"Signals\"\"\"\tCZ\tIsrael\t\tA0001\tISS World Europe\t\t\"two\nlines\"\t\n"
      "Cobalt Forensics\t\t\tlow\t\t\t\t\t\n";

    g_assert_no_error (error);
    g_assert_nonnull (layout);
    fw_dataset_set_csv_layout (dataset, g_steal_pointer (&layout));
    written = write_flat (dataset);
    assert_bytes_equal (written, expected, strlen (expected));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  countries = fw_countries_new_default ();

  g_test_add_func ("/csv/flat/comma", test_flat_comma);
  g_test_add_func ("/csv/flat/semicolon-bom-crlf", test_flat_semicolon_bom_crlf);
  g_test_add_func ("/csv/flat/tab", test_flat_tab);
  g_test_add_func ("/csv/flat/quoted", test_flat_quoted);
  g_test_add_func ("/csv/flat/synonyms", test_flat_synonyms);
  g_test_add_func ("/csv/flat/countries", test_flat_countries);
  g_test_add_func ("/csv/flat/codes", test_flat_codes);
  g_test_add_func ("/csv/flat/extras", test_flat_extras);
  g_test_add_func ("/csv/flat/ids", test_flat_ids);
  g_test_add_func ("/csv/flat/long-names", test_flat_long_names);
  g_test_add_func ("/csv/flat/round-trip", test_flat_round_trip);
  g_test_add_func ("/csv/flat/no-problems-list", test_flat_no_problems_list);
  g_test_add_func ("/csv/error/utf8", test_error_utf8);
  g_test_add_func ("/csv/error/utf16", test_error_utf16);
  g_test_add_func ("/csv/error/quotes", test_error_quotes);
  g_test_add_func ("/csv/error/quote-inside", test_error_quote_inside);
  g_test_add_func ("/csv/error/columns", test_error_columns);
  g_test_add_func ("/csv/error/confidence", test_error_confidence);
  g_test_add_func ("/csv/error/year", test_error_year);
  g_test_add_func ("/csv/error/country", test_error_country);
  g_test_add_func ("/csv/error/empty", test_error_empty);
  g_test_add_func ("/csv/error/missing-column", test_error_missing_column);
  g_test_add_func ("/csv/error/duplicate-header", test_error_duplicate_header);
  g_test_add_func ("/csv/error/huge-field", test_error_huge_field);
  g_test_add_func ("/csv/error/too-many-columns", test_error_too_many_columns);
  g_test_add_func ("/csv/error/random-bytes", test_error_random_bytes);
  g_test_add_func ("/csv/warnings/conflicts", test_warnings);
  g_test_add_func ("/csv/warnings/missing-columns", test_warning_missing_columns);
  g_test_add_func ("/csv/warnings/past-cap", test_warnings_past_cap);
  g_test_add_func ("/csv/tables/read", test_tables_read);
  g_test_add_func ("/csv/tables/is-directory", test_tables_is_directory);
  g_test_add_func ("/csv/tables/missing-file", test_tables_missing_file);
  g_test_add_func ("/csv/tables/errors", test_tables_errors);
  g_test_add_func ("/csv/tables/round-trip", test_tables_round_trip);
  g_test_add_func ("/csv/write/default-flat", test_write_default_flat);
  g_test_add_func ("/csv/write/tables-ids", test_write_tables_ids);
  g_test_add_func ("/csv/layout/json", test_layout_json);
  g_test_add_func ("/csv/layout/json-shape", test_layout_json_shape);

  ret = g_test_run ();

  g_clear_object (&countries);

  return ret;
}
