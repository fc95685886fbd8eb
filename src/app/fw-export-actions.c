/* fw-export-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart-widget.h"
#include "fw-export-actions.h"
#include "fw-export-dialog.h"
#include "fw-export-records.h"
#include "fw-finding-page.h"
#include "fw-map-page.h"
#include "fw-print.h"

/* The chart or map widget that has the focus, and its view. */
static GtkWidget *
focused_figure (FwWindow *window,
                FwView   *view)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *chart, *map;

  if (focus == NULL)
    return NULL;

  chart = FW_IS_CHART_WIDGET (focus) ? focus : gtk_widget_get_ancestor (focus, FW_TYPE_CHART_WIDGET);
  if (chart != NULL)
    {
      if (view != NULL)
        *view = fw_chart_widget_get_view (FW_CHART_WIDGET (chart));
      return chart;
    }

  map = FW_IS_MAP_WIDGET (focus) ? focus : gtk_widget_get_ancestor (focus, FW_TYPE_MAP_WIDGET);
  if (map != NULL && view != NULL)
    *view = FW_VIEW_MAP_HQ + fw_map_get_kind (fw_map_widget_get_map (FW_MAP_WIDGET (map)));

  return map;
}

gboolean
fw_export_get_current_view (FwWindow *window,
                            FwView   *view)
{
  GtkWidget *page;

  g_return_val_if_fail (FW_IS_WINDOW (window), FALSE);

  if (focused_figure (window, view) != NULL)
    return TRUE;

  page = fw_window_get_visible_view (window);
  if (page != NULL && FW_IS_FINDING_PAGE (page))
    {
      GPtrArray *charts = fw_finding_page_get_charts (FW_FINDING_PAGE (page));

      if (charts->len == 0)
        return FALSE;
      if (view != NULL)
        *view = fw_chart_widget_get_view (g_ptr_array_index (charts, 0));
      return TRUE;
    }

  if (page != NULL && FW_IS_MAP_PAGE (page))
    {
      FwMap *map = fw_map_widget_get_map (fw_map_page_get_map_widget (FW_MAP_PAGE (page)));

      if (view != NULL)
        *view = FW_VIEW_MAP_HQ + fw_map_get_kind (map);
      return TRUE;
    }

  return FALSE;
}

/* A map is exported with the options the maps page shows (projection,
 * classes, confidence split, smallest flow, graticule), as a whole world:
 * the zoom on screen is for looking, not for the file. */
FwExport *
fw_export_for_window (FwWindow *window,
                      FwView    view)
{
  FwExplorer *explorer = fw_window_get_explorer (window);
  GtkWidget *page = fw_window_get_view (window, "maps");
  g_autoptr(FwFigure) figure = NULL;
  FwMap *screen, *map;

  g_return_val_if_fail (FW_IS_WINDOW (window), NULL);
  g_return_val_if_fail (explorer != NULL, NULL);

  if (!FW_VIEW_IS_MAP (view) || page == NULL || !FW_IS_MAP_PAGE (page))
    return fw_export_new (explorer, view);

  screen = fw_map_widget_get_map (fw_map_page_get_map_widget (FW_MAP_PAGE (page)));
  figure = fw_view_build_figure (view, explorer);
  map = FW_MAP (figure);
  fw_map_set_projection (map, fw_map_get_projection (screen));
  fw_map_set_classify (map, fw_map_get_classify (screen), fw_map_get_n_classes (screen));
  fw_map_set_split_confidence (map, fw_map_get_split_confidence (screen));
  fw_map_set_min_flow (map, fw_map_get_min_flow (screen));
  fw_map_set_graticule (map, fw_map_get_graticule (screen));

  return fw_export_new_for_figure (explorer, view, figure);
}

static FwExport *
build_for_dialog (FwView   view,
                  gpointer user_data)
{
  return fw_export_for_window (FW_WINDOW (user_data), view);
}

void
fw_export_actions_update (FwWindow *window)
{
  gboolean loaded = fw_window_get_explorer (window) != NULL;
  gboolean figure = loaded && fw_export_get_current_view (window, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-records", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-figure", figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.copy-figure", figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print", figure);
}

static void
export_figure_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *window = FW_WINDOW (widget);
  FwExportDialog *dialog;
  FwView view;

  if (fw_window_get_explorer (window) == NULL || !fw_export_get_current_view (window, &view))
    return;

  dialog = fw_export_dialog_new (GTK_WINDOW (window), fw_window_get_explorer (window), view);
  fw_export_dialog_set_builder (dialog, build_for_dialog, window);
  gtk_window_present (GTK_WINDOW (dialog));
}

GdkTexture *
fw_export_to_texture (FwExport           *export,
                      double              width,
                      double              scale,
                      const FwChartStyle *style)
{
  double height = fw_export_get_natural_height (export, width, style);
  int w = (int) ceil (width * scale);
  int h = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  fw_export_draw (export, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

gboolean
fw_export_copy_figure (FwWindow *window,
                       FwView    view)
{
  FwExplorer *explorer = fw_window_get_explorer (window);
  GtkWidget *shown = focused_figure (window, NULL);
  g_autoptr(FwExport) export = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  FwChartStyle style;
  double width;

  g_return_val_if_fail (FW_IS_WINDOW (window), FALSE);

  if (explorer == NULL)
    return FALSE;

  /* As wide as on screen, at twice the pixels for sharp text. */
  width = shown != NULL && gtk_widget_get_width (shown) > 0 ? gtk_widget_get_width (shown) : 720;
  fw_chart_widget_get_screen_style (&style);
  export = fw_export_for_window (window, view);
  texture = fw_export_to_texture (export, MAX (width, 480), 2.0, &style);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (window)), texture);

  return TRUE;
}

static void
copy_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwView view;

  if (fw_export_get_current_view (FW_WINDOW (widget), &view))
    fw_export_copy_figure (FW_WINDOW (widget), view);
}

/* Ctrl+C copies a chart or map only when it has the focus: in a search
 * entry or a table it is theirs. */
static gboolean
copy_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  FwView view;

  if (focused_figure (FW_WINDOW (widget), &view) == NULL)
    return FALSE;

  return fw_export_copy_figure (FW_WINDOW (widget), view);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FwWindow *window = FW_WINDOW (widget);
  g_autoptr(FwExport) export = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  FwView view;

  if (fw_window_get_explorer (window) == NULL || !fw_export_get_current_view (window, &view))
    return;

  export = fw_export_for_window (window, view);
  operation = fw_print_operation_new (export);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    fw_window_show_error (window, error->message);
}

static void
on_records_response (GtkNativeDialog *chooser,
                     int              response,
                     FwWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT && fw_window_get_explorer (window) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      const char *layout = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "layout");
      FwFormat format = FW_FORMAT_UNKNOWN;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (layout, "tables") == 0)
        format = FW_FORMAT_CSV_TABLES;
      else if (g_strcmp0 (layout, "json") == 0)
        format = FW_FORMAT_NATIVE;
      else if (g_strcmp0 (layout, "flat") == 0)
        format = FW_FORMAT_CSV_FLAT;

      if (path == NULL)
        fw_window_show_error (window, _("Only local files can be written"));
      else if (!fw_export_records (fw_explorer_get_query (fw_window_get_explorer (window)), path, format, NULL, &error))
        fw_window_show_error (window, error->message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_records_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  static const char *options[] = { "flat", "tables", "json", NULL };
  const char *labels[] = {
    _("CSV, one row per exhibition"),
    _("CSV, one file per table (a folder)"),
    _("Fairwatch native JSON"),
    NULL
  };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Filtered Records"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "layout", _("Layout"), options, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "layout", "flat");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("records.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_records_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
fw_export_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-figure", NULL, export_figure_action);
  gtk_widget_class_install_action (widget_class, "win.export-records", NULL, export_records_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", NULL, copy_figure_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, copy_binding, NULL);
}

gboolean
fw_export_is_figure_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && fw_export_format_for_path (name, NULL);
}

gboolean
fw_export_restore (FwWindow  *window,
                   GFile     *file,
                   GError   **error)
{
  FwExplorer *explorer = fw_window_get_explorer (window);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FwExportMetadata) metadata = NULL;
  g_autoptr(FwFilter) filter = NULL;
  FwView view;

  g_return_val_if_fail (FW_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL ||
      (metadata = fw_export_metadata_read (bytes, error)) == NULL)
    return FALSE;

  if (explorer == NULL)
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OTHER_DATASET,
                   _("Open the dataset this figure was made from (“%s”) first, then the figure"),
                   metadata->dataset != NULL ? metadata->dataset : _("Untitled dataset"));
      return FALSE;
    }

  if (!fw_export_metadata_resolve (metadata, fw_explorer_get_dataset (explorer), &view, &filter, error))
    return FALSE;

  fw_explorer_set_filter (explorer, filter);
  fw_window_show_chart (window, view);

  return TRUE;
}
