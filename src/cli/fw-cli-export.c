/* fw-cli-export.c: figures and records from the command line, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cli-export.h"
#include "fw-cli-filter.h"
#include "fw-export.h"
#include "fw-export-records.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILURE_ = 2,
};

static void
list_views (void)
{
  for (FwView view = 0; view < FW_N_VIEWS; view++)
    g_print ("%-14s %s\n", fw_view_get_id (view), fw_view_get_title (view));
  g_print ("%-14s %s\n", "records", _("The records the filter keeps, as CSV or native JSON"));
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

/* The size options: pixels, or millimetres, or a preset; never a mix. */
static gboolean
apply_size (FwExportOptions  *options,
            double            width,
            double            height,
            double            width_mm,
            double            height_mm,
            const char       *preset,
            GError          **error)
{
  gboolean px = width > 0 || height > 0;
  gboolean mm = width_mm > 0 || height_mm > 0;

  if ((px && mm) || (preset != NULL && (px || mm)))
    return fail (error, _("give the size one way: --width and --height, --width-mm and --height-mm, or --preset"));

  if (preset != NULL)
    {
      guint n;
      const FwExportPreset *presets = fw_export_get_presets (&n);

      for (guint i = 0; i < n; i++)
        if (g_str_equal (presets[i].id, preset))
          {
            fw_export_options_set_preset (options, &presets[i]);
            return TRUE;
          }

      {
        g_autoptr(GString) names = g_string_new (NULL);
        g_autofree char *message = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", presets[i].id);
        message = g_strdup_printf (_("--preset: “%s” is not a preset; use one of %s"), preset, names->str);
        return fail (error, message);
      }
    }

  if ((px && (width <= 0 || height <= 0)) || (mm && (width_mm <= 0 || height_mm <= 0)))
    return fail (error, _("give both the width and the height, as positive numbers"));

  if (px)
    {
      options->unit = FW_EXPORT_UNIT_PX;
      options->width = width;
      options->height = height;
    }
  else if (mm)
    {
      options->unit = FW_EXPORT_UNIT_MM;
      options->width = width_mm;
      options->height = height_mm;
    }

  return TRUE;
}

static gboolean
export_view (FwExplorer  *explorer,
             FwView       view,
             const char  *output,
             FwExportOptions *options,
             GError     **error)
{
  g_autoptr(FwExport) export = NULL;

  if (!fw_export_format_for_path (output, &options->format))
    return fail (error, _("--output: name the file .png, .svg or .pdf"));

  export = fw_export_new (explorer, view);

  return fw_export_save (export, options, output, error);
}

int
fw_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(FwFilter) filter = NULL;
  g_autoptr(FwExplorer) explorer = NULL;
  g_autofree char *output = NULL;
  g_autofree char *dataset_path = NULL;
  g_autofree char *background = NULL;
  g_autofree char *preset = NULL;
  FwCliFilterOptions filter_options = { 0 };
  FwExportOptions options;
  gboolean list = FALSE;
  double width = 0, height = 0, width_mm = 0, height_mm = 0, dpi = 0;
  FwView view;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("Name every view that can be exported"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .png, .svg or .pdf for a view; .csv, .json or a folder ending in / for records"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in pixels"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, N_("Height in pixels"), N_("PX") },
    { "width-mm", 0, 0, G_OPTION_ARG_DOUBLE, &width_mm, N_("Width in millimetres (default 180)"), N_("MM") },
    { "height-mm", 0, 0, G_OPTION_ARG_DOUBLE, &height_mm, N_("Height in millimetres (default 120)"), N_("MM") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("A size preset: slide, a4-half, letter-half or square"), N_("NAME") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution, 72 to 600 dots per inch (default 300; 150 for a size in pixels)"), N_("N") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background, N_("light, dark or transparent (default light)"), N_("NAME") },
    { "dataset", 0, 0, G_OPTION_ARG_FILENAME, &dataset_path, N_("The dataset (default: the demonstration data)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("export VIEW|records --output FILE"));
  g_option_context_set_summary (context,
                                _("Writes a view as a figure (PNG, SVG or PDF) with its caption, legend and "
                                  "source, or the records the filter keeps (CSV or native JSON). "
                                  "“fairwatch export --list” names the views."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, fw_cli_filter_option_group (&filter_options));

  fw_export_options_init (&options);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto out;

  if (list)
    {
      list_views ();
      goto out;
    }

  if (argc != 2)
    {
      fail (&error, _("name one view (fairwatch export --list) or records"));
      goto out;
    }
  if (output == NULL)
    {
      fail (&error, _("--output FILE is required"));
      goto out;
    }

  if (g_str_equal (argv[1], "records"))
    {
      if (width > 0 || height > 0 || width_mm > 0 || height_mm > 0 || dpi > 0 || background != NULL || preset != NULL)
        {
          fail (&error, _("records have no size, resolution or background"));
          goto out;
        }
    }
  else if (!fw_view_from_id (argv[1], &view))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a view; fairwatch export --list names them"), argv[1]);

      fail (&error, message);
      goto out;
    }
  else
    {
      if (!apply_size (&options, width, height, width_mm, height_mm, preset, &error))
        goto out;
      if (dpi > 0)
        options.dpi = dpi;
      else if (options.unit == FW_EXPORT_UNIT_PX && preset == NULL)
        /* Pixels for a screen: text readable at that size. */
        options.dpi = 150;
      if (background != NULL && !fw_export_background_from_string (background, &options.background))
        {
          g_autofree char *message = g_strdup_printf (_("--background: “%s” is not understood; use light, dark or transparent"),
                                                      background);

          fail (&error, message);
          goto out;
        }
      /* Checked before the dataset loads, which may take a while. */
      options.format = FW_EXPORT_PNG;
      if (!fw_export_options_check (&options, &error))
        goto out;
    }

  if ((dataset = fw_cli_load_dataset (dataset_path, &error)) == NULL ||
      (filter = fw_cli_filter_build (&filter_options, dataset, &error)) == NULL)
    goto out;

  explorer = fw_explorer_new (dataset);
  fw_explorer_set_filter (explorer, filter);

  if (g_str_equal (argv[1], "records"))
    fw_export_records (fw_explorer_get_query (explorer), output, FW_FORMAT_UNKNOWN, NULL, &error);
  else
    export_view (explorer, view, output, &options, &error);

out:
  fw_cli_filter_options_clear (&filter_options);
  if (error != NULL)
    {
      g_printerr ("fairwatch export: %s\n", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}
