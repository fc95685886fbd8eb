/* test-export.c: figures and records exported from the renderer and the
 * command line, read back as other programs would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "fw-csv.h"
#include "fw-export.h"
#include "fw-export-records.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "test-export-util.h"

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

/* Runs fairwatch with @args (NULL-terminated) without a display. */
static void
run_fairwatch (Run         *run,
               const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *program = g_getenv ("FAIRWATCH");
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fw-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, size);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The PNG's size and resolution from its IHDR and pHYs chunks. */
static void
png_info (GBytes  *png,
          guint   *width,
          guint   *height,
          double  *dpi)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);
  gsize pos = 8;

  g_assert_cmpuint (size, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = be32 (data + 16);
  *height = be32 (data + 20);
  *dpi = 0;
  while (pos + 12 <= size)
    {
      guint32 len = be32 (data + pos);

      if (memcmp (data + pos + 4, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (len, ==, 9);
          g_assert_cmpuint (be32 (data + pos + 8), ==, be32 (data + pos + 12));
          g_assert_cmpuint (data[pos + 16], ==, 1);   /* metres */
          *dpi = be32 (data + pos + 8) * 0.0254;
        }
      pos += len + 12;
    }
  g_assert_cmpuint (pos, ==, size);
}

typedef struct
{
  GString *text;
  gboolean in_text;
  guint    n_text;
  gboolean has_title;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  info->in_text = g_str_equal (element, "text");
  info->n_text += info->in_text;
  info->has_title |= g_str_equal (element, "title");
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgInfo *info = user_data;

  if (info->in_text)
    g_string_append_c (info->text, ' ');
  info->in_text = FALSE;
}

static void
svg_chars (GMarkupParseContext  *context,
           const char           *text,
           gsize                 len,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (info->in_text)
    g_string_append_len (info->text, text, len);
}

/* Parses the SVG as XML and returns the words of its <text> elements. */
static char *
svg_text (GBytes *svg)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_chars, NULL, NULL };
  SvgInfo info = { g_string_new (NULL), FALSE, 0, FALSE };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info.n_text, >, 3);
  g_assert_true (info.has_title);
  /* Text as glyph outlines would be cairo's <use xlink:href="#glyph…">. */
  g_assert_null (g_strstr_len (data, size, "#glyph"));

  return g_string_free (info.text, FALSE);
}

static void
pdf_info (GBytes *pdf,
          guint  *n_pages,
          double *width,
          double *height)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  test_export_pdf_info (data, size, n_pages, width, height);
}

static FwExplorer *
demo_explorer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_demo (&error);

  g_assert_no_error (error);
  return fw_explorer_new (dataset);
}

static void
test_export_list (void)
{
  g_auto(Run) run = { 0 };

  run_fairwatch (&run, (const char *[]) { "export", "--list", NULL });
  g_assert_cmpint (run.status, ==, 0);
  for (FwView view = 0; view < FW_N_VIEWS; view++)
    {
      g_autofree char *line = g_strdup_printf ("%s ", fw_view_get_id (view));

      g_assert_nonnull (strstr (run.out, line));
      g_assert_nonnull (strstr (run.out, fw_view_get_title (view)));
    }
}

/* Every view in every format, checked as the format's readers would. */
static void
test_export_every_view (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  g_autoptr(FwFilter) expected_filter = fw_filter_new ();
  g_autofree char *fingerprint = fw_export_fingerprint (fw_explorer_get_dataset (explorer));
  FwCountries *countries = fw_dataset_get_countries (fw_explorer_get_dataset (explorer));

  fw_filter_add_value (expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
  fw_filter_set_years (expected_filter, 2005, 2019);
  fw_filter_add_value (expected_filter, FW_FACET_HOST_COUNTRY, fw_countries_lookup (countries, "RU"));
  fw_filter_set_match (expected_filter, FW_FACET_HOST_COUNTRY, FW_MATCH_NONE_OF);
  fw_explorer_set_filter (explorer, expected_filter);

  for (FwView view = 0; view < FW_N_VIEWS; view++)
    {
      g_autoptr(FwChart) chart = FW_VIEW_IS_MAP (view) ? NULL : fw_view_build (view, explorer);

      for (FwExportFormat format = 0; format < FW_N_EXPORT_FORMATS; format++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", fw_view_get_id (view), fw_export_format_get_extension (format));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(FwExportMetadata) metadata = NULL;
          g_autoptr(FwFilter) filter = NULL;
          g_autoptr(GError) error = NULL;
          g_auto(Run) run = { 0 };
          gboolean px = view % 2 == 0;
          FwView restored;

          /* Half the views sized in pixels, half in millimetres. */
          if (px)
            run_fairwatch (&run, (const char *[]) { "export", fw_view_get_id (view), "--output", path,
                                                    "--width", "1000", "--height", "700", "--dpi", "150",
                                                    "--background", format == FW_EXPORT_SVG ? "dark" : "light",
                                                    "--confidence", "high,medium", "--years", "2005-2019",
                                                    "--exclude-host", "RU", NULL });
          else
            run_fairwatch (&run, (const char *[]) { "export", fw_view_get_id (view), "-o", path,
                                                    "--width-mm", "180", "--height-mm", "120",
                                                    "--background", "transparent",
                                                    "--confidence", "high,medium", "--years", "2005-2019",
                                                    "--exclude-host", "RU", NULL });
          g_assert_cmpstr (run.err, ==, "");
          g_assert_cmpint (run.status, ==, 0);
          bytes = read_file (path);

          if (format == FW_EXPORT_PNG)
            {
              guint w, h;
              double dpi;

              png_info (bytes, &w, &h, &dpi);
              g_assert_cmpuint (w, ==, px ? 1000 : 2126);   /* 180 mm at 300 dpi */
              g_assert_cmpuint (h, ==, px ? 700 : 1417);
              g_assert_cmpfloat_with_epsilon (dpi, px ? 150 : 300, 0.05);
            }
          else if (format == FW_EXPORT_SVG)
            {
              g_autofree char *text = svg_text (bytes);

              g_assert_nonnull (strstr (text, fw_view_get_title (view)));
              /* A chart's first row or column is always labelled. */
              if (chart != NULL)
                g_assert_nonnull (strstr (text, fw_chart_get_category_label (chart, 0)));
              g_assert_nonnull (strstr (text, "Fictional firms"));
            }
          else
            {
              guint n_pages;
              double w, h;

              pdf_info (bytes, &n_pages, &w, &h);
              g_assert_cmpuint (n_pages, ==, 1);
              g_assert_cmpfloat_with_epsilon (w, px ? 1000 / 150.0 * 72 : 180 / 25.4 * 72, 0.01);
              g_assert_cmpfloat_with_epsilon (h, px ? 700 / 150.0 * 72 : 120 / 25.4 * 72, 0.01);
            }

          /* The metadata brings back the view and the filter. */
          metadata = fw_export_metadata_read (bytes, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (metadata->view, ==, fw_view_get_id (view));
          g_assert_cmpstr (metadata->fingerprint, ==, fingerprint);
          g_assert_true (g_str_has_prefix (metadata->generator, "Fairwatch "));
          fw_export_metadata_resolve (metadata, fw_explorer_get_dataset (explorer), &restored, &filter, &error);
          g_assert_no_error (error);
          g_assert_cmpint (restored, ==, view);
          g_assert_true (fw_filter_equal (filter, expected_filter));
        }
    }

  remove_tree (dir);
}

static void
test_export_metadata_other_dataset (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  g_autoptr(FwExport) export = fw_export_new (explorer, FW_VIEW_FAIRS);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) other = fw_generator_random (50, 200, 3, &error);
  FwExportOptions options;

  g_assert_no_error (error);
  fw_export_options_init (&options);
  options.dpi = 72;

  for (FwExportFormat format = 0; format < FW_N_EXPORT_FORMATS; format++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(FwExportMetadata) metadata = NULL;
      g_autoptr(GBytes) cut = NULL;
      g_autoptr(FwExportMetadata) none = NULL;
      FwView view;

      options.format = format;
      bytes = fw_export_render (export, &options, &error);
      g_assert_no_error (error);
      metadata = fw_export_metadata_read (bytes, &error);
      g_assert_no_error (error);
      g_assert_false (fw_export_metadata_resolve (metadata, other, &view, NULL, &error));
      g_assert_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OTHER_DATASET);
      g_assert_nonnull (strstr (error->message, "Demonstration"));
      g_clear_error (&error);

      /* A damaged file is an error, never a crash. */
      cut = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 3);
      none = fw_export_metadata_read (cut, &error);
      if (none == NULL)
        {
          /* An SVG cut short is not XML; the others lost their metadata. */
          gint code = format == FW_EXPORT_SVG ? FW_EXPORT_ERROR_METADATA : FW_EXPORT_ERROR_NO_METADATA;

          g_assert_error (error, FW_EXPORT_ERROR, code);
        }
      g_clear_error (&error);
    }

  {
    g_autoptr(GBytes) text = g_bytes_new_static ("firm,hq\n", 8);
    g_autoptr(FwExportMetadata) none = fw_export_metadata_read (text, &error);

    g_assert_null (none);
    g_assert_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_NO_METADATA);
  }
}

/* The same data read from another format is the same dataset. */
static void
test_export_fingerprint (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "demo.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) demo = fw_io_load_demo (&error);
  g_autoptr(FwDataset) reread = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_no_error (error);
  fw_io_save (demo, csv, FW_FORMAT_UNKNOWN, NULL, &error);
  g_assert_no_error (error);
  reread = fw_io_load (csv, NULL, NULL, &error);
  g_assert_no_error (error);

  a = fw_export_fingerprint (demo);
  b = fw_export_fingerprint (reread);
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_str_has_prefix (a, "sha256:"));
  g_assert_cmpuint (strlen (a), ==, 7 + 64);

  /* Other country settings give other findings: another fingerprint. */
  fw_countries_set_adversary (fw_dataset_get_countries (reread),
                              fw_countries_lookup (fw_dataset_get_countries (reread), "IR"), TRUE);
  c = fw_export_fingerprint (reread);
  g_assert_cmpstr (a, !=, c);

  remove_tree (dir);
}

static void
test_export_caption (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autofree char *described = NULL;
  g_autofree char *expected = NULL;

  /* The report's own figures, which the demonstration data reproduces. */
  {
    g_autoptr(FwExport) hosts = fw_export_new (explorer, FW_VIEW_HOSTS);
    g_autoptr(FwExport) confidence = fw_export_new (explorer, FW_VIEW_CONFIDENCE);

    g_assert_cmpstr (fw_export_get_caption (hosts), ==,
                     "Host countries by high/medium-confidence firms, 2002–2021, n = 81 firms.");
    g_assert_cmpstr (fw_export_get_caption (confidence), ==,
                     "Firms by confidence level, 2002–2021, n = 224 firms.");
    g_assert_nonnull (strstr (fw_export_get_source (hosts), "Demonstration dataset"));
    g_assert_nonnull (strstr (fw_export_get_source (hosts), "Atlantic Council"));
    g_assert_nonnull (strstr (fw_export_get_notice (hosts), "Fictional firms"));
  }

  /* Filters: the years the kept records span, the count, and the filter
   * in words. */
  fw_filter_set_years (filter, 2010, 2012);
  fw_filter_add_value (filter, FW_FACET_HOST_COUNTRY, fw_countries_lookup (fw_dataset_get_countries (dataset), "FR"));
  fw_explorer_set_filter (explorer, filter);
  described = fw_filter_describe (filter, dataset);
  {
    g_autoptr(FwExport) hosts = fw_export_new (explorer, FW_VIEW_HOSTS);
    g_autoptr(FwExport) firms = fw_export_new (explorer, FW_VIEW_HQ_COUNTRIES);
    guint base = fw_explorer_get_findings (explorer)->base_firms;
    guint all = fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS);

    g_assert_cmpuint (base, <, all);
    expected = g_strdup_printf ("Host countries by high/medium-confidence firms, 2010–2012, n = %u firms. Filtered: %s.",
                                base, described);
    g_assert_cmpstr (fw_export_get_caption (hosts), ==, expected);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("Firms by headquarters country, 2010–2012, n = %u firms. Filtered: %s.",
                                all, described);
    g_assert_cmpstr (fw_export_get_caption (firms), ==, expected);
    g_assert_nonnull (strstr (described, "France"));
  }

  /* One year, one firm. */
  fw_filter_clear (filter);
  fw_filter_set_years (filter, 2015, 2015);
  fw_filter_set_search (filter, "Yarrane");
  fw_explorer_set_filter (explorer, filter);
  {
    g_autoptr(FwExport) confidence = fw_export_new (explorer, FW_VIEW_CONFIDENCE);

    g_assert_cmpuint (fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS), ==, 1);
    g_assert_true (g_str_has_prefix (fw_export_get_caption (confidence),
                                     "Firms by confidence level, 2015, n = 1 firm. Filtered: "));
  }

  /* Real data: no notice. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FwDataset) report = fw_io_load_resource (FW_REPORT_RESOURCE, &error);
    g_autoptr(FwExplorer) report_explorer = NULL;
    g_autoptr(FwExport) export = NULL;

    g_assert_no_error (error);
    report_explorer = fw_explorer_new (report);
    export = fw_export_new (report_explorer, FW_VIEW_CONFIDENCE);
    g_assert_null (fw_export_get_notice (export));
  }
}

static void
test_export_options (void)
{
  FwExportOptions options;
  g_autoptr(GError) error = NULL;
  double w, h;
  guint n;
  const FwExportPreset *presets = fw_export_get_presets (&n);

  fw_export_options_init (&options);
  g_assert_true (fw_export_options_check (&options, &error));
  fw_export_options_get_size (&options, &w, &h);
  g_assert_cmpfloat (w, ==, 2126);
  g_assert_cmpfloat (h, ==, 1417);
  options.format = FW_EXPORT_PDF;
  fw_export_options_get_size (&options, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 180 / 25.4 * 72, 1e-9);

  for (guint i = 0; i < n; i++)
    {
      fw_export_options_set_preset (&options, &presets[i]);
      g_assert_true (fw_export_options_check (&options, &error));
    }

  options.dpi = 601;
  g_assert_false (fw_export_options_check (&options, &error));
  g_assert_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS);
  g_assert_nonnull (strstr (error->message, "600"));
  g_clear_error (&error);

  options.dpi = 72;
  options.unit = FW_EXPORT_UNIT_PX;
  options.width = 50;
  options.height = 50;
  g_assert_false (fw_export_options_check (&options, &error));
  g_assert_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);

  options.width = NAN;
  g_assert_false (fw_export_options_check (&options, &error));
  g_clear_error (&error);

  /* Each side within bounds, but 100 megapixels in all. */
  options.width = 10000;
  options.height = 10000;
  g_assert_false (fw_export_options_check (&options, &error));
  g_assert_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS);
  g_assert_nonnull (strstr (error->message, "megapixels"));
  g_clear_error (&error);
}

static void
test_export_cli_errors (void)
{
  static const char *cases[][8] = {
    { "export", "hosts", "--output", "x.png", "--dpi", "1000", NULL },
    { "export", "no-such-view", "--output", "x.png", NULL },
    { "export", "hosts", "--output", "x.gif", NULL },
    { "export", "hosts", NULL },
    { "export", "hosts", "-o", "x.png", "--width", "800", NULL },
    { "export", "hosts", "-o", "x.png", "--width", "800", "--height-mm", "100" },
    { "export", "hosts", "-o", "x.png", "--background", "purple", NULL },
    { "export", "records", "-o", "x.csv", "--dpi", "300", NULL },
    { "export", "records", "-o", "x.xlsx", NULL },
    { "export", "hosts", "-o", "x.png", "--hq", "Atlantis", NULL },
    { "export", "hosts", "-o", "no-such-folder/x.png", NULL },
    { "export", "hosts", "-o", "x.png", "--dataset", "no-such-file.csv", NULL },
  };
  static const char *messages[] = {
    "600", "--list", ".png, .svg or .pdf", "--output", "both", "one way", "purple", "records", ".json", "Atlantis",
    "no-such-folder", "no-such-file.csv",
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[9] = { NULL };

      for (guint j = 0; j < 8 && cases[i][j] != NULL; j++)
        args[j] = cases[i][j];
      run_fairwatch (&run, args);
      if (run.status != 2)
        g_error ("case %u exited with %d: %s", i, run.status, run.err);
      g_assert_true (g_str_has_prefix (run.err, "fairwatch export: "));
      if (strstr (run.err, messages[i]) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, run.err, messages[i]);
      g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  remove_tree (dir);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "export", name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_export_records_escaping (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *input = data_file ("formulas.csv");
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *tables = g_strconcat (dir, G_DIR_SEPARATOR_S "tables" G_DIR_SEPARATOR_S, NULL);
  g_autofree char *firms = g_build_filename (dir, "tables", "firms.csv", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, (const char *[]) { "export", "records", "--dataset", input, "--output", csv, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  text = read_text (csv);
  g_assert_cmpstr (text, ==,
                   "firm,hq_country,confidence,notes,fair,host_country,year,note\n"
                   "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",France,high,\"'+1 555 0100\",Milipol France,France,2019,\"'-5 booths\"\n"
                   "\"'@SUM(A1)\",Germany,medium,tab first,Eurosatory,France,2018,\"'@note\"\n"
                   "Plain Firm,Italy,low,\"'=1+2\",Eurosatory,France,2018,a - b\n");
  g_clear_pointer (&text, g_free);

  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, (const char *[]) { "export", "records", "--dataset", input, "-o", tables, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  text = read_text (firms);
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK("));
  g_assert_nonnull (strstr (text, "\"'@SUM(A1)\""));
  g_clear_pointer (&text, g_free);

  /* The native file keeps the values exactly. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(FwDataset) reread = NULL;

    run_fairwatch (&run, (const char *[]) { "export", "records", "--dataset", input, "-o", json, NULL });
    g_assert_cmpint (run.status, ==, 0);
    reread = fw_io_load (json, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fw_dataset_get_firm_name (reread, 0), ==, "=HYPERLINK(\"http://x.example\",\"click\")");
  }

  /* Saving the user's own file back does not touch the cells. */
  {
    g_autoptr(FwDataset) dataset = fw_io_load (input, NULL, NULL, &error);

    g_assert_no_error (error);
    fw_io_save (dataset, saved, FW_FORMAT_UNKNOWN, NULL, &error);
    g_assert_no_error (error);
    text = read_text (saved);
    g_assert_nonnull (strstr (text, "\"=HYPERLINK("));
    g_assert_null (strstr (text, "'"));
    g_clear_pointer (&text, g_free);
  }

  /* Tab and carriage return first, which the reader would trim. */
  {
    g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    FwFirmValues firm = { .name = "\tTabbed", .notes = "\rReturned" };

    fw_dataset_append_firm (dataset, &firm);
    fw_csv_write_flat_with_flags (dataset, out, FW_CSV_WRITE_ESCAPE_FORMULAS, NULL, &error);
    g_assert_no_error (error);
    g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                              "\"'\tTabbed\""));
    g_assert_nonnull (strstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                              "\"'\rReturned\""));
  }

  remove_tree (dir);
}

/* Only what the filter keeps, and all of it. */
static void
test_export_records_filtered (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autoptr(FwDataset) kept = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *json = g_build_filename (dir, "il.json", NULL);
  g_autoptr(FwDataset) reread = NULL;
  g_autoptr(GError) error = NULL;
  FwQuery *query = fw_explorer_get_query (explorer);
  FwCountryId il = fw_countries_lookup (countries, "IL");

  fw_filter_add_value (filter, FW_FACET_HQ_COUNTRY, il);
  fw_filter_set_years (filter, 2012, 2016);
  fw_explorer_set_filter (explorer, filter);
  kept = fw_export_records_copy (query);

  g_assert_cmpuint (fw_dataset_get_n_rows (kept, FW_TABLE_FIRMS), ==, fw_query_get_n_kept (query, FW_TABLE_FIRMS));
  g_assert_cmpuint (fw_dataset_get_n_rows (kept, FW_TABLE_EXHIBITIONS), ==, fw_query_get_n_kept (query, FW_TABLE_EXHIBITIONS));
  g_assert_cmpuint (fw_dataset_get_n_rows (kept, FW_TABLE_FAIRS), ==, fw_query_get_n_kept (query, FW_TABLE_FAIRS));
  g_assert_cmpuint (fw_dataset_get_n_rows (kept, FW_TABLE_FIRMS), >, 0);
  for (guint i = 0; i < fw_dataset_get_n_rows (kept, FW_TABLE_FIRMS); i++)
    g_assert_cmpuint (fw_dataset_get_firm_hq (kept, i), ==, il);
  for (guint i = 0; i < fw_dataset_get_n_rows (kept, FW_TABLE_EXHIBITIONS); i++)
    {
      FwExhibitionValues e;

      fw_dataset_get_exhibition (kept, i, &e);
      g_assert_cmpuint (e.year, >=, 2012);
      g_assert_cmpuint (e.year, <=, 2016);
      g_assert_cmpuint (fw_dataset_get_firm_hq (kept, e.firm), ==, il);
    }
  g_assert_true (fw_dataset_get_fictional (kept));

  /* The command line writes the same records. */
  {
    g_auto(Run) run = { 0 };

    run_fairwatch (&run, (const char *[]) { "export", "records", "--hq", "IL", "--years", "2012-2016", "-o", json, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  reread = fw_io_load (json, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (reread, FW_TABLE_EXHIBITIONS), ==, fw_dataset_get_n_rows (kept, FW_TABLE_EXHIBITIONS));
  {
    g_autofree char *a = fw_export_fingerprint (kept);
    g_autofree char *b = fw_export_fingerprint (reread);

    g_assert_cmpstr (a, ==, b);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/list", test_export_list);
  g_test_add_func ("/export/every-view", test_export_every_view);
  g_test_add_func ("/export/metadata/other-dataset", test_export_metadata_other_dataset);
  g_test_add_func ("/export/fingerprint", test_export_fingerprint);
  g_test_add_func ("/export/caption", test_export_caption);
  g_test_add_func ("/export/options", test_export_options);
  g_test_add_func ("/export/cli-errors", test_export_cli_errors);
  g_test_add_func ("/export/records/escaping", test_export_records_escaping);
  g_test_add_func ("/export/records/filtered", test_export_records_filtered);

  return g_test_run ();
}
