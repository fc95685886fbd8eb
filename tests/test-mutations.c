/* test-mutations.c: damaged files never crash a reader, never half-load,
 * and always say where the damage is
 *
 * Each fixture of tests/data is damaged a few hundred ways (bytes changed,
 * syntax inserted, runs deleted or repeated, truncation) with a fixed seed,
 * so a failure reproduces.  The CI runs this under AddressSanitizer and
 * UndefinedBehaviorSanitizer, which turn a stray read into a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-io.h"

#define CASES_PER_FIXTURE 120

static const char *tokens[] = {
  "\"", ",", "\n", "\r\n", ";", "\t", "{", "}", "[", "]", ":", "null", "-1",
  "99999999999999999999", "\xff", "\xc3", "\"\"", "\"exhibitions\"", "\"firms\"",
  "\"fairs\"", "\"version\"", "1e308", "2021", "0", "\"columns\"", "\"rows\"",
};

static GByteArray *
mutate (GRand        *rand,
        const guint8 *data,
        gsize         size)
{
  GByteArray *out = g_byte_array_sized_new (size + 64);
  guint n = g_rand_int_range (rand, 1, 7);

  g_byte_array_append (out, data, size);

  for (guint i = 0; i < n; i++)
    {
      guint len = out->len;
      guint pos = g_rand_int_range (rand, 0, len + 1);
      double op = g_rand_double (rand);

      if (op < 0.3 && len > 0)
        out->data[g_rand_int_range (rand, 0, len)] = g_rand_int_range (rand, 0, 256);
      else if (op < 0.55)
        {
          const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

          g_byte_array_set_size (out, len + strlen (token));
          memmove (out->data + pos + strlen (token), out->data + pos, len - pos);
          memcpy (out->data + pos, token, strlen (token));
        }
      else if (op < 0.75 && len > 0)
        {
          guint start = MIN (pos, len - 1);
          guint want = g_rand_int_range (rand, 1, 41);
          guint count = MIN (want, len - start);

          g_byte_array_remove_range (out, start, count);
        }
      else if (op < 0.85)
        g_byte_array_set_size (out, pos);
      else if (len > 0)
        {
          guint a = g_rand_int_range (rand, 0, len);
          guint want = g_rand_int_range (rand, 1, 200);
          guint b = MIN (len, a + want);
          g_autofree guint8 *run = g_memdup2 (out->data + a, b - a);

          g_byte_array_set_size (out, len + (b - a));
          memmove (out->data + pos + (b - a), out->data + pos, len - pos);
          memcpy (out->data + pos, run, b - a);
        }
    }

  return out;
}

static void
load_mutations (const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, fixture, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (fixture));
  FwFormat format = fw_format_for_path (path, FALSE);
  gsize size;
  guint loaded = 0, refused = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < CASES_PER_FIXTURE; i++)
    {
      g_autoptr(GByteArray) damaged = mutate (rand, (const guint8 *) contents, size);
      g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&damaged));
      FwProblems *problems = fw_problems_new (50);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(FwDataset) dataset = fw_io_load_bytes (bytes, basename, format, problems, &load_error);

      if (dataset != NULL)
        {
          /* What loads is whole: every exhibition names a firm and a fair. */
          FwColumns c;

          g_assert_no_error (load_error);
          g_assert_cmpuint (fw_problems_get_n_errors (problems), ==, 0);
          fw_dataset_get_columns (dataset, &c);
          for (guint e = 0; e < c.n_exhibitions; e++)
            {
              g_assert_cmpuint (c.exhibition_firm[e], <, c.n_firms);
              g_assert_cmpuint (c.exhibition_fair[e], <, c.n_fairs);
            }
          loaded++;
        }
      else
        {
          /* A refusal names the file, and a kept error says where. */
          g_assert_nonnull (load_error);
          g_assert_nonnull (strstr (load_error->message, basename));
          if (fw_problems_get_n_kept (problems) > 0)
            {
              const FwProblem *first = fw_problems_get (problems, 0);

              g_assert_nonnull (first->message);
              g_assert_cmpstr (first->message, !=, "");
            }
          refused++;
        }
      fw_problems_free (problems);
    }

  g_test_message ("%s: %u damaged copies loaded, %u refused", fixture, loaded, refused);
  g_assert_cmpuint (loaded + refused, ==, CASES_PER_FIXTURE);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_mutations (gconstpointer data)
{
  load_mutations (data);
}

int
main (int   argc,
      char *argv[])
{
  static const char *fixtures[] = {
    "data/csv/flat-comma.csv",
    "data/csv/flat-quoted.csv",
    "data/csv/flat-semicolon-bom-crlf.csv",
    "data/csv/flat-extras.csv",
    "data/csv/flat-ids.csv",
    "data/json/good.fairwatch.json",
    "data/json/good-nulls.fairwatch.json",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/mutations/%s", fixtures[i] + strlen ("data/"));

      g_test_add_data_func (name, fixtures[i], test_mutations);
    }

  return g_test_run ();
}
