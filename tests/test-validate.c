/* test-validate.c: problems over a whole dataset, values as typed, and
 * fairwatch validate saying the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "fw-io.h"
#include "fw-validate.h"
#include "fw-test-curation.h"

static gboolean
has_problem (FwProblems   *problems,
             FwTable       table,
             gint          row,
             FwFormatError code)
{
  for (guint i = 0; i < fw_problems_get_n_kept (problems); i++)
    {
      const FwProblem *p = fw_problems_get (problems, i);

      if (p->table == table && p->row == row && p->code == code)
        return TRUE;
    }

  return FALSE;
}

static void
test_validate_fixture (void)
{
  g_autoptr(FwProblems) read = fw_problems_new (100);
  g_autoptr(FwProblems) checks = fw_problems_new (100);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load (g_test_get_filename (G_TEST_DIST, "data", "validate", "problems.csv", NULL),
                                             read, NULL, &error);

  g_assert_no_error (error);
  fw_validate_dataset (dataset, "problems.csv", checks);
  g_assert_cmpuint (fw_problems_get_n_kept (checks), ==, 3);
  g_assert_cmpuint (fw_problems_get_n_errors (checks), ==, 0);
  /* Borealis has exhibitions and no HQ; Harbour Expo has no host; the
   * second row repeats the first. */
  g_assert_true (has_problem (checks, FW_TABLE_FIRMS, 1, FW_FORMAT_ERROR_INCOMPLETE));
  g_assert_true (has_problem (checks, FW_TABLE_FAIRS, 1, FW_FORMAT_ERROR_INCOMPLETE));
  g_assert_true (has_problem (checks, FW_TABLE_EXHIBITIONS, 1, FW_FORMAT_ERROR_DUPLICATE_RECORD));
}

static void
test_validate_blank_and_bad_values (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwProblems) checks = fw_problems_new (100);
  FwFirmValues blank_firm = { 0 };
  FwFairValues blank_fair = { 0 };
  FwFirmValues bad = { "F9", "Nowhere Ltd", 9999, FW_CONFIDENCE_HIGH, NULL, NULL, NULL };
  FwExhibitionValues exhibition = { 0 };
  guint firm, fair;

  firm = fw_dataset_append_firm (dataset, &blank_firm);
  fair = fw_dataset_append_fair (dataset, &blank_fair);
  exhibition.firm = firm;
  exhibition.fair = 0;
  fw_dataset_append_exhibition (dataset, &exhibition);
  exhibition.firm = 0;
  exhibition.fair = fair;
  fw_dataset_append_exhibition (dataset, &exhibition);
  fw_dataset_append_firm (dataset, &bad);

  fw_validate_dataset (dataset, NULL, checks);
  g_assert_true (has_problem (checks, FW_TABLE_EXHIBITIONS, 4, FW_FORMAT_ERROR_REFERENCE));
  g_assert_true (has_problem (checks, FW_TABLE_EXHIBITIONS, 5, FW_FORMAT_ERROR_REFERENCE));
  g_assert_true (has_problem (checks, FW_TABLE_FIRMS, 4, FW_FORMAT_ERROR_COUNTRY));
  /* Acme SA has an exhibition and no HQ in the small dataset. */
  g_assert_true (has_problem (checks, FW_TABLE_FIRMS, 2, FW_FORMAT_ERROR_INCOMPLETE));
  g_assert_cmpuint (fw_problems_get_n_errors (checks), ==, 3);
}

static void
test_validate_as_typed (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  struct {
    FwTable     table;
    gint        row;
    FwField     field;
    const char *text;
    const char *raw;          /* NULL: refused */
    FwFormatError code;
  } cases[] = {
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "Germany", "DE", 0 },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, " deu ", "DE", 0 },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "", "", 0 },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "Atlantis", NULL, FW_FORMAT_ERROR_COUNTRY },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_CONFIDENCE, "Medium", "medium", 0 },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_CONFIDENCE, "sure", NULL, FW_FORMAT_ERROR_CONFIDENCE },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_YEAR, "2024", "2024", 0 },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_YEAR, "1850", NULL, FW_FORMAT_ERROR_YEAR },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_YEAR, "20x5", NULL, FW_FORMAT_ERROR_YEAR },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_FIRM, "Borealis", "1", 0 },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_FIRM, "F3", "2", 0 },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_FAIR, "Eurosatory", NULL, FW_FORMAT_ERROR_REFERENCE },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_ID, "F1", "F1", 0 },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_ID, "F2", NULL, FW_FORMAT_ERROR_DUPLICATE_ID },
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, "  ", NULL, FW_FORMAT_ERROR_INCOMPLETE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      gboolean ok = fw_dataset_parse_field (dataset, cases[i].table, cases[i].row, cases[i].field,
                                            cases[i].text, &raw, &error);

      if (cases[i].raw != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (raw, ==, cases[i].raw);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, FW_FORMAT_ERROR, (gint) cases[i].code);
          g_assert_nonnull (strstr (error->message, cases[i].text[0] != ' ' ? cases[i].text : "name"));
        }
    }
}

/* What fairwatch validate prints is what the checks find, plus what the
 * reader found, each once. */
static void
test_validate_cli_agrees (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "validate", "problems.csv", NULL);
  const char *argv[] = { g_getenv ("FAIRWATCH"), "validate", path, NULL };
  g_autoptr(FwProblems) problems = fw_problems_new (100);
  g_autoptr(FwProblems) checks = fw_problems_new (100);
  g_autoptr(FwDataset) dataset = fw_io_load (path, problems, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *out = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  fw_validate_dataset (dataset, "problems.csv", checks);
  fw_validate_merge (problems, checks);
  g_assert_cmpuint (fw_problems_get_n_kept (problems), ==, 3);
  for (guint i = 0; i < fw_problems_get_n_kept (problems); i++)
    {
      g_autofree char *line = fw_problem_to_string (fw_problems_get (problems, i));
      g_string_append_printf (expected, "%s\n", line);
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out, ==, expected->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/fixture", test_validate_fixture);
  g_test_add_func ("/validate/blank-and-bad-values", test_validate_blank_and_bad_values);
  g_test_add_func ("/validate/as-typed", test_validate_as_typed);
  g_test_add_func ("/validate/cli-agrees", test_validate_cli_agrees);

  return g_test_run ();
}
