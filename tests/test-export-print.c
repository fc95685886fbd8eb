/* test-export-print.c: printing, copying, the export dialog and reopening
 * exported figures in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-chart-widget.h"
#include "fw-export-actions.h"
#include "fw-export-dialog.h"
#include "fw-finding-page.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "fw-map-page.h"
#include "fw-print.h"
#include "fw-test-widget.h"
#include "fw-window.h"
#include "test-export-util.h"
#include "fw-test-widget.h"

static void
settle (void)
{
  fw_test_settle (300);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-export-print-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
check_pdf (const char *path,
           double      width,
           double      height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;
  guint n_pages;
  double w, h;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  test_export_pdf_info (data, size, &n_pages, &w, &h);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (w, width, 0.5);
  g_assert_cmpfloat_with_epsilon (h, height, 0.5);
}

static FwExplorer *
demo_explorer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_demo (&error);

  g_assert_no_error (error);
  return fw_explorer_new (dataset);
}

/* Every view through the print path, to a PDF on A4 paper. */
static void
test_print_to_pdf (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();

  for (FwView view = 0; view < FW_N_VIEWS; view++)
    {
      g_autofree char *path = temp_path ("print.pdf");
      g_autoptr(FwExport) export = fw_export_new (explorer, view);
      g_autoptr(GtkPrintOperation) operation = fw_print_operation_new (export);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      g_autoptr(GError) error = NULL;
      GtkPrintOperationResult result;

      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_print_operation_set_default_page_setup (operation, setup);
      gtk_print_operation_set_export_filename (operation, path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

      check_pdf (path, 595.28, 841.89);
      if (view == FW_VIEW_HOSTS)
        {
          g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, "print-hosts.pdf", NULL);
          g_autofree char *data = NULL;
          gsize size;

          /* Kept in the build tree for a person to look at. */
          g_file_get_contents (path, &data, &size, NULL);
          g_file_set_contents (kept, data, size, NULL);
        }
      remove_temp (path);
    }
}

static FwWindow *
make_window (void)
{
  FwWindow *window = fw_window_new (FW_APPLICATION (g_application_get_default ()));

  fw_window_open_demo (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  return window;
}

static FwChartWidget *
chart_on_page (FwWindow   *window,
               const char *page,
               guint       index)
{
  GtkWidget *widget = fw_window_get_view (window, page);

  g_assert_true (FW_IS_FINDING_PAGE (widget));
  fw_window_show_view (window, page);
  settle ();

  return g_ptr_array_index (fw_finding_page_get_charts (FW_FINDING_PAGE (widget)), index);
}

/* Ctrl+C as the window's shortcuts see it; TRUE when it was handled. */
static gboolean
press_ctrl_c (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) ctrl_c = gtk_keyval_trigger_new (GDK_KEY_c, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_c))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_not_reached ();
}

static void
test_window_copy (void)
{
  FwWindow *window = make_window ();
  FwChartWidget *hosts = chart_on_page (window, "fairs", 1);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  FwView view;

  /* Export, copy and print follow the chart with the focus. */
  g_assert_cmpint (fw_chart_widget_get_view (hosts), ==, FW_VIEW_HOSTS);
  gtk_widget_grab_focus (GTK_WIDGET (hosts));
  g_assert_true (fw_export_get_current_view (window, &view));
  g_assert_cmpint (view, ==, FW_VIEW_HOSTS);
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (press_ctrl_c (GTK_WIDGET (window)));

  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  /* Twice the chart's width, taller than the chart by the caption. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * gtk_widget_get_width (GTK_WIDGET (hosts)));
  g_assert_cmpint (gdk_texture_get_height (texture), >, 2 * 200);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "copied-hosts.png", NULL);

    g_assert_true (gdk_texture_save_to_png (texture, path));
  }

  /* In the search entry Ctrl+C is the entry's. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_false (press_ctrl_c (GTK_WIDGET (window)));
  {
    g_auto(GValue) text = G_VALUE_INIT;

    g_value_init (&text, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &text, NULL));
    g_assert_cmpstr (g_value_get_string (&text), ==, "before");
  }

  /* The menu item copies the page's first chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figure", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  /* No chart on the tables page: nothing to export or print. */
  fw_window_show_view (window, "tables");
  settle ();
  g_assert_false (fw_export_get_current_view (window, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_dialog (void)
{
  FwWindow *window = make_window ();
  FwExportDialog *dialog;
  FwExportOptions options;
  g_autofree char *path = temp_path ("hosts.pdf");
  g_autoptr(GError) error = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_grab_focus (GTK_WIDGET (chart_on_page (window, "fairs", 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-figure", NULL));
  settle ();

  dialog = fw_export_dialog_new (GTK_WINDOW (window), fw_window_get_explorer (window), FW_VIEW_HOSTS);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpint (fw_export_dialog_get_view (dialog), ==, FW_VIEW_HOSTS);
  fw_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, FW_EXPORT_PNG);
  g_assert_cmpfloat (options.width, ==, 180);
  g_assert_cmpfloat (options.dpi, ==, 300);
  fw_test_save_png (GTK_WIDGET (dialog), "export-dialog.png");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  options.background = FW_EXPORT_DARK;
  options.unit = FW_EXPORT_UNIT_PX;
  options.width = 1080;
  options.height = 1080;
  fw_export_dialog_set_options (dialog, &options);
  settle ();
  fw_test_save_png (GTK_WIDGET (dialog), "export-dialog-small-dark.png");
  options.dpi = 150;
  fw_export_dialog_set_options (dialog, &options);
  settle ();
  fw_test_save_png (GTK_WIDGET (dialog), "export-dialog-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  options.format = FW_EXPORT_PDF;
  options.unit = FW_EXPORT_UNIT_MM;
  options.width = 180;
  options.height = 120;
  fw_export_dialog_set_options (dialog, &options);
  g_assert_true (fw_export_dialog_save (dialog, path, &error));
  g_assert_no_error (error);
  check_pdf (path, 180 / 25.4 * 72, 120 / 25.4 * 72);
  remove_temp (path);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens @file in the window from the tables page: the filter comes back
 * and @page shows @view. */
static void
assert_reopens (FwWindow       *window,
                GFile          *file,
                const FwFilter *filter,
                GtkWidget      *page,
                FwView          view)
{
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwView shown;

  fw_explorer_clear_filter (explorer);
  fw_window_show_view (window, "tables");
  settle ();

  fw_window_open_file (window, file);
  settle ();
  g_assert_true (fw_filter_equal (fw_explorer_get_filter (explorer), filter));
  g_assert_true (fw_window_get_visible_view (window) == page);
  g_assert_true (fw_export_get_current_view (window, &shown));
  g_assert_cmpint (shown, ==, view);
}

/* Opening an exported figure brings back its view and filter; one made
 * from other data says so and changes nothing. */
static void
test_window_restore (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autofree char *path = temp_path ("by-year.svg");
  g_autofree char *other_path = temp_path ("other.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  FwExportOptions options;

  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_set_years (filter, 2008, 2016);
  fw_explorer_set_filter (explorer, filter);
  fw_export_options_init (&options);
  options.format = FW_EXPORT_SVG;
  {
    g_autoptr(FwExport) export = fw_export_new (explorer, FW_VIEW_BY_YEAR);

    g_assert_true (fw_export_save (export, &options, path, &error));
  }
  {
    g_autoptr(FwDataset) other = fw_generator_random (30, 100, 5, &error);
    g_autoptr(FwExplorer) other_explorer = fw_explorer_new (other);
    g_autoptr(FwExport) export = fw_export_new (other_explorer, FW_VIEW_HOSTS);

    options.format = FW_EXPORT_PNG;
    options.dpi = 72;
    g_assert_true (fw_export_save (export, &options, other_path, &error));
  }
  g_assert_no_error (error);

  assert_reopens (window, file, filter, fw_window_get_view (window, "regions"), FW_VIEW_BY_YEAR);

  fw_explorer_clear_filter (explorer);
  fw_window_open_file (window, other_file);
  settle ();
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (explorer)));
  g_assert_true (fw_window_get_explorer (window) == explorer);
  fw_test_save_png (GTK_WIDGET (window), "restore-other-dataset.png");

  remove_temp (path);
  remove_temp (other_path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Maps: the current view follows the maps page, exports carry its
 * options, Ctrl+C copies the map, and a map figure reopens on that page. */
static void
test_window_maps (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  GtkWidget *page = fw_window_get_view (window, "maps");
  FwMapWidget *widget;
  FwMap *screen;
  g_autoptr(FwExport) export = NULL;
  g_autoptr(FwFilter) filter = fw_filter_new ();
  g_autofree char *path = temp_path ("flows.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwExportOptions options;
  FwView view;

  g_assert_true (FW_IS_MAP_PAGE (page));
  widget = fw_map_page_get_map_widget (FW_MAP_PAGE (page));
  screen = fw_map_widget_get_map (widget);
  fw_window_show_view (window, "maps");
  settle ();
  fw_map_page_set_kind (FW_MAP_PAGE (page), FW_MAP_HOSTS);
  settle ();
  g_assert_true (fw_export_get_current_view (window, &view));
  g_assert_cmpint (view, ==, FW_VIEW_MAP_HOSTS);

  fw_map_set_projection (screen, FW_PROJECTION_EQUIRECTANGULAR);
  fw_map_set_graticule (screen, FALSE);
  export = fw_export_for_window (window, FW_VIEW_MAP_HOSTS);
  g_assert_true (FW_IS_MAP (fw_export_get_figure (export)));
  g_assert_cmpint (fw_map_get_projection (FW_MAP (fw_export_get_figure (export))), ==, FW_PROJECTION_EQUIRECTANGULAR);
  g_assert_false (fw_map_get_graticule (FW_MAP (fw_export_get_figure (export))));

  gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_assert_true (press_ctrl_c (GTK_WIDGET (window)));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window))),
                                                    GDK_TYPE_TEXTURE));

  /* A flows map with a filter, reopened from the tables page. */
  fw_filter_add_value (filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_explorer_set_filter (explorer, filter);
  g_clear_object (&export);
  export = fw_export_for_window (window, FW_VIEW_MAP_FLOWS);
  fw_export_options_init (&options);
  options.dpi = 72;
  g_assert_true (fw_export_save (export, &options, path, &error));
  g_assert_no_error (error);
  assert_reopens (window, file, filter, page, FW_VIEW_MAP_FLOWS);

  remove_temp (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_activate (GApplication *app,
             int          *status)
{
  g_signal_stop_emission_by_name (app, "activate");
  *status = g_test_run ();
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;
  int status = 0;

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-app/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/export-app/copy", test_window_copy);
  g_test_add_func ("/export-app/dialog", test_window_dialog);
  g_test_add_func ("/export-app/restore", test_window_restore);
  g_test_add_func ("/export-app/maps", test_window_maps);

  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &status);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return status;
}
