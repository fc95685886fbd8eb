/* test-cli.c: the command line, run as a separate process without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs fairwatch with ARGS… in an environment that has no display. */
static void
run_fairwatch (Run *run,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *program = g_getenv ("FAIRWATCH");
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);

      g_error ("%s died of signal %d; stderr: %s", command, WTERMSIG (wait_status), run->err);
    }
  run->status = WEXITSTATUS (wait_status);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
path_int (JsonObject *root,
          const char *object,
          const char *member)
{
  return json_object_get_int_member (json_object_get_object_member (root, object), member);
}

static void
test_cli_version_and_help (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) summary_help = { 0 };
  g_auto(Run) unknown = { 0 };

  run_fairwatch (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "fairwatch " PACKAGE_VERSION "\n");

  run_fairwatch (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "summary"));
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "convert"));
  g_assert_nonnull (strstr (help.out, "generate"));

  run_fairwatch (&summary_help, "summary", "--help-all", NULL);
  g_assert_cmpint (summary_help.status, ==, 0);
  g_assert_nonnull (strstr (summary_help.out, "--confidence"));
  g_assert_nonnull (strstr (summary_help.out, "--exclude-hq"));

  run_fairwatch (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));
}

/* The bundled demonstration data reproduces the report's headline table. */
static void
test_cli_summary_demo (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *finding2, *finding3;
  JsonArray *fairs, *hosts;

  run_fairwatch (&run, "summary", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);

  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "dataset"), "fictional"));
  g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 224);
  g_assert_cmpint (path_int (root, "dataset", "hq_countries"), ==, 33);
  g_assert_cmpint (path_int (root, "confidence", "high"), ==, 59);
  g_assert_cmpint (path_int (root, "confidence", "medium"), ==, 22);
  g_assert_cmpint (path_int (root, "confidence", "low"), ==, 143);
  g_assert_cmpint (path_int (root, "confidence", "unknown"), ==, 0);

  finding2 = json_object_get_object_member (root, "finding2");
  g_assert_cmpint (json_object_get_int_member (finding2, "firms"), ==, 81);
  g_assert_cmpint (json_object_get_int_member (finding2, "excluded"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (finding2, "outside_home_continent"), ==, 60);
  g_assert_cmpfloat (json_object_get_double_member (finding2, "outside_home_country_share"), >, 0.85);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finding2, "by_year")), >, 10);

  finding3 = json_object_get_object_member (root, "finding3");
  fairs = json_object_get_array_member (finding3, "fairs");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fairs, 0), "name"), ==, "Milipol France");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fairs, 1), "name"), ==, "Security & Policing");
  hosts = json_object_get_array_member (finding3, "host_countries");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hosts, 0), "country"), ==, "FR");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hosts, 1), "country"), ==, "GB");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "finding4"), "firms")), ==, 5);
}

/* small.csv, worked out by hand: Alpha (FR, high) at FR and AE fairs,
 * Beta (GB, medium) at a GB fair only, Gamma (IL, low) at a RU fair. */
static void
test_cli_summary_file_and_filters (void)
{
  g_autofree char *small = data_file ("small.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--json", small, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (root, "dataset"), "fictional"));
    g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 3);
    g_assert_cmpint (path_int (root, "finding2", "firms"), ==, 2);
    g_assert_cmpint (path_int (root, "finding2", "outside_home_country"), ==, 1);
    g_assert_cmpint (path_int (root, "finding2", "outside_home_continent"), ==, 1);
    g_assert_cmpint (path_int (root, "finding2", "excluded"), ==, 0);
    /* Gamma is low confidence: not an adversary marketer. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "finding4"), "firms")), ==, 0);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--json", "--confidence", "high", "--host", "AE", small, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 1);
    g_assert_cmpint (path_int (root, "dataset", "exhibitions"), ==, 1);
    g_assert_cmpint (path_int (root, "confidence", "high"), ==, 1);
    g_assert_cmpint (path_int (root, "confidence", "medium"), ==, 0);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--json", "--exclude-hq", "FR,IL", "--years", "2016-2019", small, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 1);
    g_assert_cmpint (path_int (root, "confidence", "medium"), ==, 1);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--json", "--fair", "Interpolitex", "--search", "GAMMA", small, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 1);
    g_assert_cmpint (path_int (root, "confidence", "low"), ==, 1);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--hq", "Frnace", small, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--hq"));
    g_assert_nonnull (strstr (run.err, "Frnace"));
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--fair", "No Such Fair", small, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "No Such Fair"));
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "summary", "--years", "twenty", small, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_cli_summary_text (void)
{
  g_auto(Run) run = { 0 };

  run_fairwatch (&run, "summary", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "FICTIONAL"));
  g_assert_nonnull (strstr (run.out, "Finding 4"));
  g_assert_nonnull (strstr (run.out, "Milipol France"));
}

static void
test_cli_validate (void)
{
  g_autofree char *small = data_file ("small.csv");
  g_autofree char *bad = data_file ("bad.csv");

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "validate", small, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "no problems"));
  }

  {
    g_auto(Run) run = { 0 };

    /* Three errors, each located: the country on line 3, the confidence
     * and the year on line 4. */
    run_fairwatch (&run, "validate", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "bad.csv:3:2:"));
    g_assert_nonnull (strstr (run.out, "Frnace"));
    g_assert_nonnull (strstr (run.out, "bad.csv:4:3:"));
    g_assert_nonnull (strstr (run.out, "maybe"));
    g_assert_nonnull (strstr (run.out, "bad.csv:4:6:"));
    g_assert_nonnull (strstr (run.out, "20x5"));
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "validate", "/nonexistent/data.csv", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "validate", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_cli_convert_round_trip (void)
{
  g_autofree char *small = data_file ("small.csv");
  g_autofree char *dir = g_dir_make_tmp ("fairwatch-cli-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "small.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "small.csv", NULL);
  g_autofree char *tables = g_strconcat (dir, "/tables/", NULL);
  g_autofree char *back = g_build_filename (dir, "back.csv", NULL);
  g_autofree char *original = read_file (small);

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "convert", small, json, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "convert", json, csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autofree char *converted = read_file (csv);

    g_assert_cmpstr (converted, ==, original);
  }

  /* Through the per-table layout and back to a flat file. */
  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "convert", json, tables, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();

    run_fairwatch (&run, "summary", "--json", tables, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (path_int (parse_object (parser, run.out), "dataset", "firms"), ==, 3);
  }

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "convert", small, "out.unknown", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

static void
test_cli_generate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fairwatch-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "generate", "--firms", "20", "--exhibitions", "300", "--seed", "5", a, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "generate", "--firms", "20", "--exhibitions", "300", "--seed", "5", b, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autofree char *ta = read_file (a);
    g_autofree char *tb = read_file (b);

    g_assert_cmpstr (ta, ==, tb);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    run_fairwatch (&run, "summary", "--json", a, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpint (path_int (root, "dataset", "firms"), ==, 20);
    g_assert_cmpint (path_int (root, "dataset", "exhibitions"), ==, 300);
  }
  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, "generate", a, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--firms"));
  }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version-and-help", test_cli_version_and_help);
  g_test_add_func ("/cli/summary/demo", test_cli_summary_demo);
  g_test_add_func ("/cli/summary/file-and-filters", test_cli_summary_file_and_filters);
  g_test_add_func ("/cli/summary/text", test_cli_summary_text);
  g_test_add_func ("/cli/validate", test_cli_validate);
  g_test_add_func ("/cli/convert/round-trip", test_cli_convert_round_trip);
  g_test_add_func ("/cli/generate", test_cli_generate);

  return g_test_run ();
}
