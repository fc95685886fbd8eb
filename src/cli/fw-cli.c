/* fw-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fw-cli.h"
#include "fw-cli-export.h"
#include "fw-cli-filter.h"
#include "fw-findings.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "fw-validate.h"

/* Exit statuses, as `fairwatch --help` documents them. */
enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_FAILURE_ = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

static int
fail (const char   *command,
      const GError *error)
{
  g_printerr ("fairwatch %s: %s\n", command, error->message);
  return EXIT_FAILURE_;
}

static GOptionContext *
make_context (const char         *command,
              const char         *parameters,
              const char         *summary,
              const GOptionEntry *entries)
{
  g_autofree char *full = g_strdup_printf ("%s %s", command, parameters);
  GOptionContext *context = g_option_context_new (full);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* printf pads by bytes; translated labels need padding by characters. */
static char *
pad (const char *text,
     int         width,
     gboolean    right)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *spaces = g_strnfill (MAX (0, width - n), ' ');

  return right ? g_strconcat (spaces, text, NULL) : g_strconcat (text, spaces, NULL);
}

static void
print_share (const char *label,
             guint       count,
             guint       total)
{
  g_autofree char *padded = pad (label, 34, FALSE);

  if (total == 0)
    g_print ("  %s %4u\n", padded, count);
  else
    g_print ("  %s %4u  (%.1f %%)\n", padded, count, 100.0 * count / total);
}

static void
print_ranking (FwDataset  *dataset,
               GArray     *entries,
               FwFacet     facet,
               guint       limit)
{
  for (guint i = 0; i < entries->len && i < limit; i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);
      g_autofree char *label = fw_facet_value_label (facet, entry->key, dataset);

      if (facet == FW_FACET_FAIR)
        {
          FwCountryId host = fw_dataset_get_fair_host (dataset, entry->key);
          g_autofree char *with_host = g_strdup_printf ("%s (%s)", label,
                                                        host != FW_COUNTRY_UNKNOWN
                                                        ? fw_countries_get_code (fw_dataset_get_countries (dataset), host)
                                                        : "?");
          g_autofree char *padded = pad (with_host, 48, FALSE);

          g_print ("  %3u. %s %4u\n", i + 1, padded, entry->firms);
        }
      else
        {
          g_autofree char *padded = pad (label, 48, FALSE);

          g_print ("  %3u. %s %4u\n", i + 1, padded, entry->firms);
        }
    }
  if (entries->len > limit)
    g_print ("       %s\n", _("…"));
}

static void
print_summary (FwDataset      *dataset,
               const FwFilter *filter,
               FwFindings     *findings)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);

  g_print ("%s\n", fw_dataset_get_title (dataset) != NULL ? fw_dataset_get_title (dataset) : _("Untitled dataset"));
  if (fw_dataset_get_fictional (dataset))
    g_print ("%s\n", _("FICTIONAL FIRMS: demonstration data, not a record of real companies."));
  if (!fw_filter_is_empty (filter))
    g_print ("%s\n", _("Filtered: the figures below are for the records the filter keeps."));
  g_print ("\n");

  g_print (_("Firms: %u, headquartered in %u countries; %u exhibitions\n"),
           findings->n_firms, findings->n_hq_countries, findings->n_exhibitions);
  g_print (_("Confidence: high %u, medium %u, low %u, unknown %u\n\n"),
           findings->confidence[FW_CONFIDENCE_HIGH], findings->confidence[FW_CONFIDENCE_MEDIUM],
           findings->confidence[FW_CONFIDENCE_LOW], findings->confidence[FW_CONFIDENCE_UNKNOWN]);

  g_print ("%s\n", _("Finding 1: firms by headquarters country"));
  print_ranking (dataset, findings->hq_countries, FW_FACET_HQ_COUNTRY, 10);
  g_print ("\n");

  g_print (ngettext ("Finding 2: of %u high/medium-confidence firm\n",
                     "Finding 2: of %u high/medium-confidence firms\n", findings->base_firms),
           findings->base_firms);
  print_share (_("exhibited outside home country"), findings->outside_home_country, findings->base_firms);
  print_share (_("exhibited outside home continent"), findings->outside_home_continent, findings->base_firms);
  print_share (_("Five-Eyes-only (in neither share)"), findings->five_eyes_only, 0);
  if (findings->base_unknown_hq > 0)
    print_share (_("HQ unknown (not classified)"), findings->base_unknown_hq, 0);
  if (findings->unknown_host_exhibitions > 0)
    print_share (_("exhibitions with unknown host"), findings->unknown_host_exhibitions, 0);
  {
    g_autofree char *c1 = pad (_("year"), 6, FALSE);
    g_autofree char *c2 = pad (_("home country"), 14, TRUE);
    g_autofree char *c3 = pad (_("home continent"), 16, TRUE);
    g_autofree char *c4 = pad (_("outside continent"), 19, TRUE);
    g_autofree char *c5 = pad (_("unknown"), 9, TRUE);

    g_print ("  %s%s%s%s%s\n", c1, c2, c3, c4, c5);
  }
  for (guint i = 0; i < findings->by_year->len; i++)
    {
      const FwYearClasses *y = &g_array_index (findings->by_year, FwYearClasses, i);
      g_autofree char *year = y->year ? g_strdup_printf ("%u", y->year) : g_strdup (_("(unknown)"));

      g_autofree char *year_padded = pad (year, 6, FALSE);

      g_print ("  %s %13u %15u %18u %8u\n", year_padded, y->home_country, y->home_continent,
               y->outside_continent, y->unknown);
    }
  g_print ("\n");

  g_print ("%s\n", _("Finding 3: fairs by high/medium-confidence firms"));
  print_ranking (dataset, findings->fairs, FW_FACET_FAIR, 10);
  g_print ("%s\n", _("Host countries by high/medium-confidence firms"));
  print_ranking (dataset, findings->host_countries, FW_FACET_HOST_COUNTRY, 10);
  g_print ("%s\n", _("Host countries by firms of any confidence"));
  print_ranking (dataset, findings->host_countries_all, FW_FACET_HOST_COUNTRY, 10);
  g_print ("\n");

  g_print (ngettext ("Finding 4: %u high/medium-confidence firm at fairs in adversary countries\n",
                     "Finding 4: %u high/medium-confidence firms at fairs in adversary countries\n",
                     findings->adversary_firms->len),
           findings->adversary_firms->len);
  for (guint i = 0; i < findings->adversary_firms->len; i++)
    {
      const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);
      g_autoptr(GString) hosts = g_string_new (NULL);
      g_autoptr(GString) years = g_string_new (NULL);

      for (guint j = 0; j < firm->hosts->len; j++)
        g_string_append_printf (hosts, "%s%s", j ? ", " : "",
                                fw_countries_get_code (countries, g_array_index (firm->hosts, FwCountryId, j)));
      for (guint j = 0; j < firm->years->len; j++)
        g_string_append_printf (years, "%s%u", j ? ", " : "", g_array_index (firm->years, guint16, j));
      if (firm->unknown_years)
        g_string_append_printf (years, "%s%s", years->len ? ", " : "", _("(unknown)"));

      g_autofree char *name = pad (fw_dataset_get_firm_name (dataset, firm->firm), 32, FALSE);

      g_print ("  %s %s  %s: %s  %s: %s\n",
               name,
               fw_countries_get_code (countries, fw_dataset_get_firm_hq (dataset, firm->firm)),
               _("hosts"), hosts->str, _("years"), years->str);
    }
}

static int
command_summary (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(FwFilter) filter = NULL;
  g_autoptr(FwQuery) query = NULL;
  g_autoptr(FwFindings) findings = NULL;
  FwCliFilterOptions options = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { NULL }
  };

  context = make_context ("summary", _("[FILE]"),
                          _("Prints the report’s four findings for FILE, or for the bundled "
                            "demonstration dataset, under the filter options."),
                          entries);
  g_option_context_add_group (context, fw_cli_filter_option_group (&options));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto out;

  if (argc > 2)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("give one dataset file at most"));
      goto out;
    }

  if ((dataset = fw_cli_load_dataset (argc > 1 ? argv[1] : NULL, &error)) == NULL)
    goto out;

  if ((filter = fw_cli_filter_build (&options, dataset, &error)) == NULL)
    goto out;

  query = fw_query_new (dataset);
  fw_query_run (query, filter);
  findings = fw_findings_compute (query);

  if (json)
    {
      g_autoptr(JsonNode) root = fw_findings_to_json (findings, dataset);
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_object_set_member (json_node_get_object (root), "filter",
                              fw_filter_to_json (filter, dataset));
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      {
        g_autofree char *text = json_generator_to_data (generator, NULL);
        g_print ("%s\n", text);
      }
    }
  else
    print_summary (dataset, filter, findings);

out:
  fw_cli_filter_options_clear (&options);
  return error != NULL ? fail ("summary", error) : EXIT_OK;
}

/* Problems with the content are located and exit 1; a file that cannot be
 * read as text at all exits 2. */
static gboolean
is_unreadable (const GError *error)
{
  return error->domain != FW_FORMAT_ERROR ||
         error->code == FW_FORMAT_ERROR_EMPTY ||
         error->code == FW_FORMAT_ERROR_BINARY ||
         error->code == FW_FORMAT_ERROR_TOO_LARGE ||
         error->code == FW_FORMAT_ERROR_ENCODING;
}

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProblems) problems = fw_problems_new (10000);
  g_autoptr(FwDataset) dataset = NULL;
  guint n_errors, n_warnings;

  context = make_context ("validate", _("FILE"),
                          _("Reads FILE and lists every problem as FILE:LINE:COLUMN: message.\n"
                            "Exit status: 0 when the file is clean, 1 when problems were found, "
                            "2 when it could not be read."),
                          NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("validate", error);

  if (argc != 2)
    {
      g_printerr ("fairwatch validate: %s\n", _("give the file to check, e.g. fairwatch validate data.csv"));
      return EXIT_FAILURE_;
    }

  dataset = fw_io_load (argv[1], problems, NULL, &error);
  /* The same checks as the window's Problems panel, on what was read. */
  if (dataset != NULL)
    {
      g_autoptr(FwProblems) checks = fw_problems_new (10000);
      g_autofree char *name = g_path_get_basename (argv[1]);

      fw_validate_dataset (dataset, name, checks);
      fw_validate_merge (problems, checks);
    }

  for (guint i = 0; i < fw_problems_get_n_kept (problems); i++)
    {
      g_autofree char *text = fw_problem_to_string (fw_problems_get (problems, i));
      g_print ("%s\n", text);
    }

  n_errors = fw_problems_get_n_errors (problems);
  n_warnings = fw_problems_get_n_warnings (problems);

  if (dataset == NULL && n_errors == 0)
    {
      /* Stopped before any located problem: unreadable, or one fatal
       * problem the reader reported only through @error. */
      g_print ("%s\n", error->message);
      return is_unreadable (error) ? EXIT_FAILURE_ : EXIT_PROBLEMS;
    }

  if (n_errors + n_warnings > fw_problems_get_n_kept (problems))
    g_print (ngettext ("… and %u more problem not listed\n",
                       "… and %u more problems not listed\n",
                       n_errors + n_warnings - fw_problems_get_n_kept (problems)),
             n_errors + n_warnings - fw_problems_get_n_kept (problems));

  if (n_errors + n_warnings == 0)
    {
      g_printerr (_("%s: no problems found (%u firms, %u fairs, %u exhibitions)\n"), argv[1],
                  fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS),
                  fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS),
                  fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS));
      return EXIT_OK;
    }

  {
    g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
    g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

    /* Translators: FILE: N errors, N warnings */
    g_printerr (_("%s: %s, %s\n"), argv[1], errors, warnings);
  }

  if (dataset == NULL && is_unreadable (error))
    return EXIT_FAILURE_;

  return EXIT_PROBLEMS;
}

static int
command_convert (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;

  context = make_context ("convert", _("IN OUT"),
                          _("Converts a dataset between formats, chosen by extension: .json (native), "
                            ".csv (one row per exhibition), or a folder (OUT ending with /) holding "
                            "firms.csv, fairs.csv and exhibitions.csv."),
                          NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("convert", error);

  if (argc != 3)
    {
      g_printerr ("fairwatch convert: %s\n", _("give an input and an output, e.g. fairwatch convert data.csv data.json"));
      return EXIT_FAILURE_;
    }

  if (fw_format_for_path (argv[2], TRUE) == FW_FORMAT_UNKNOWN)
    {
      g_printerr ("fairwatch convert: %s: %s\n", argv[2],
                  _("name the output .json or .csv, or end it with / for one CSV file per table"));
      return EXIT_FAILURE_;
    }

  if ((dataset = fw_io_load (argv[1], NULL, NULL, &error)) == NULL ||
      !fw_io_save (dataset, argv[2], FW_FORMAT_UNKNOWN, NULL, &error))
    return fail ("convert", error);

  return EXIT_OK;
}

static int
command_generate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;
  gint64 firms = -1, exhibitions = -1, seed = 1;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "firms", 0, 0, G_OPTION_ARG_INT64, &firms, N_("Number of fictional firms"), N_("N") },
    { "exhibitions", 0, 0, G_OPTION_ARG_INT64, &exhibitions, N_("Number of exhibitions"), N_("M") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (the same seed gives the same data)"), N_("S") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Write the bundled demonstration dataset instead"), NULL },
    { NULL }
  };

  context = make_context ("generate", _("OUT"),
                          _("Writes a dataset of fictional firms at real fairs, for tests and "
                            "benchmarks, in the format OUT's extension names."),
                          entries);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("generate", error);

  if (argc != 2)
    {
      g_printerr ("fairwatch generate: %s\n",
                  _("give the output file, e.g. fairwatch generate --firms 100 --exhibitions 1000 out.csv"));
      return EXIT_FAILURE_;
    }

  if (demo)
    dataset = fw_generator_demo ();
  else
    {
      if (firms < 0 || exhibitions < 0 || firms > G_MAXUINT || exhibitions > G_MAXUINT)
        {
          g_printerr ("fairwatch generate: %s\n", _("--firms and --exhibitions are required, as whole numbers"));
          return EXIT_FAILURE_;
        }
      dataset = fw_generator_random (firms, exhibitions, seed, &error);
    }

  if (dataset == NULL || !fw_io_save (dataset, argv[1], FW_FORMAT_UNKNOWN, NULL, &error))
    return fail ("generate", error);

  return EXIT_OK;
}

static const Command commands[] = {
  { "summary", command_summary, N_("Print the report’s four findings for a dataset") },
  { "validate", command_validate, N_("List every problem in a dataset file") },
  { "convert", command_convert, N_("Convert a dataset between CSV and the native format") },
  { "generate", command_generate, N_("Write fictional data of any size") },
  { "export", fw_cli_export, N_("Write a view as PNG, SVG or PDF, or the filtered records") },
};

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:\n  fairwatch [FILE]\n  fairwatch COMMAND [OPTION…]"));
  g_print ("\n%s\n\n", _("Explore and curate the dataset of firms that market surveillance "
                         "technology at arms fairs."));
  g_print ("%s\n", _("Commands (none of them needs a display):"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “fairwatch COMMAND --help” for a command’s options."));
  g_print ("%s\n", _("Exit status: 0 success, 1 problems found (validate), 2 error."));
}

gboolean
fw_cli_handles (int    argc,
                char **argv)
{
  const char *first = argc > 1 ? argv[1] : NULL;

  if (first == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (first, commands[i].name) == 0)
      return TRUE;

  /* Options are the command line's; a plain argument is a file to open. */
  return first[0] == '-' || g_strcmp0 (first, "help") == 0;
}

int
fw_cli_run (int    argc,
            char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1)
    {
      const char *first = argv[1];

      if (g_strcmp0 (first, "--help") == 0 || g_strcmp0 (first, "-h") == 0 || g_strcmp0 (first, "help") == 0)
        {
          print_help ();
          return EXIT_OK;
        }

      if (g_strcmp0 (first, "--version") == 0)
        {
          g_print ("fairwatch %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_strcmp0 (first, commands[i].name) == 0)
          return commands[i].func (argc - 1, argv + 1);

      if (first[0] == '-')
        {
          g_printerr (_("fairwatch: unknown option %s; see fairwatch --help\n"), first);
          return EXIT_FAILURE_;
        }
    }

  print_help ();
  return argc > 1 ? EXIT_FAILURE_ : EXIT_OK;
}
