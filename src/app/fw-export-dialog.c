/* fw-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-export-dialog.h"

struct _FwExportDialog
{
  AdwWindow      parent_instance;

  AdwComboRow   *view_row;
  AdwComboRow   *format_row;
  AdwComboRow   *background_row;
  AdwComboRow   *size_row;
  AdwComboRow   *unit_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkDrawingArea *preview;
  GtkLabel      *summary_label;
  GtkLabel      *error_label;
  GtkWidget     *export_button;

  FwExplorer    *explorer;
  FwExport      *export;        /* of the selected view, for the preview */
  FwExportBuilder builder;
  gpointer       builder_data;
  guint          n_presets;
  gboolean       updating;      /* the dialog itself is setting the rows */
};

G_DEFINE_FINAL_TYPE (FwExportDialog, fw_export_dialog, ADW_TYPE_WINDOW)

static void on_view_changed (FwExportDialog *self);

static void
fw_export_dialog_dispose (GObject *object)
{
  FwExportDialog *self = (FwExportDialog *)object;

  g_clear_object (&self->export);
  g_clear_object (&self->explorer);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (fw_export_dialog_parent_class)->dispose (object);
}

void
fw_export_dialog_set_builder (FwExportDialog  *self,
                              FwExportBuilder  builder,
                              gpointer         user_data)
{
  g_return_if_fail (FW_IS_EXPORT_DIALOG (self));

  self->builder = builder;
  self->builder_data = user_data;
  on_view_changed (self);
}

FwView
fw_export_dialog_get_view (FwExportDialog *self)
{
  g_return_val_if_fail (FW_IS_EXPORT_DIALOG (self), 0);

  return adw_combo_row_get_selected (self->view_row);
}

void
fw_export_dialog_get_options (FwExportDialog  *self,
                              FwExportOptions *options)
{
  g_return_if_fail (FW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  options->format = adw_combo_row_get_selected (self->format_row);
  options->background = adw_combo_row_get_selected (self->background_row);
  options->unit = adw_combo_row_get_selected (self->unit_row) == 1 ? FW_EXPORT_UNIT_MM : FW_EXPORT_UNIT_PX;
  options->width = gtk_spin_button_get_value (self->width_spin);
  options->height = gtk_spin_button_get_value (self->height_spin);
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
}

/* The preset these options match, or the "Custom" row after them. */
static guint
find_preset (FwExportDialog        *self,
             const FwExportOptions *options)
{
  const FwExportPreset *presets = fw_export_get_presets (NULL);

  for (guint i = 0; i < self->n_presets; i++)
    if (presets[i].unit == options->unit &&
        G_APPROX_VALUE (presets[i].width, options->width, 0.05) &&
        G_APPROX_VALUE (presets[i].height, options->height, 0.05))
      return i;

  return self->n_presets;
}

static void
update_summary (FwExportDialog *self)
{
  FwExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double w, h;

  fw_export_dialog_get_options (self, &options);
  if (!fw_export_options_check (&options, &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }

  gtk_widget_set_sensitive (self->export_button, TRUE);
  fw_export_options_get_size (&options, &w, &h);
  if (options.format == FW_EXPORT_PNG)
    text = g_strdup_printf (_("%.0f × %.0f pixels at %.0f dpi"), w, h, options.dpi);
  else
    /* Translators: the page size of an SVG or PDF, in millimetres */
    text = g_strdup_printf (_("%.0f × %.0f mm, vector graphics with real text"), w / 72 * 25.4, h / 72 * 25.4);
  /* Under about 5 inches wide, 11-point text crowds the figure out. */
  fw_export_options_get_size (&(FwExportOptions) { .format = FW_EXPORT_PDF, .unit = options.unit,
                                                   .width = options.width, .height = options.height,
                                                   .dpi = options.dpi }, &w, &h);
  if (w < 5 * 72)
    {
      g_autofree char *hint = g_strdup_printf ("%s\n%s", text,
                                               _("Text is large for a figure this small: a lower resolution gives the figure more room."));

      gtk_label_set_label (self->summary_label, hint);
      return;
    }
  gtk_label_set_label (self->summary_label, text);
}

static void
on_options_changed (FwExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_view_changed (FwExportDialog *self)
{
  if (self->explorer == NULL)
    return;

  g_clear_object (&self->export);
  if (self->builder != NULL)
    self->export = self->builder (fw_export_dialog_get_view (self), self->builder_data);
  else
    self->export = fw_export_new (self->explorer, fw_export_dialog_get_view (self));
  on_options_changed (self);
}

/* Pixels and millimetres have their own ranges; the resolution matters
 * for the physical size of a pixel figure and the pixels of a PNG. */
static void
set_unit_ranges (FwExportDialog *self,
                 FwExportUnit    unit)
{
  double lower = unit == FW_EXPORT_UNIT_MM ? 10 : FW_EXPORT_MIN_PX;
  double upper = unit == FW_EXPORT_UNIT_MM ? 1000 : FW_EXPORT_MAX_PX;

  gtk_spin_button_set_range (self->width_spin, lower, upper);
  gtk_spin_button_set_range (self->height_spin, lower, upper);
  gtk_spin_button_set_digits (self->width_spin, unit == FW_EXPORT_UNIT_MM ? 1 : 0);
  gtk_spin_button_set_digits (self->height_spin, unit == FW_EXPORT_UNIT_MM ? 1 : 0);
}

void
fw_export_dialog_set_options (FwExportDialog        *self,
                              const FwExportOptions *options)
{
  g_return_if_fail (FW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->format_row, options->format);
  adw_combo_row_set_selected (self->background_row, options->background);
  adw_combo_row_set_selected (self->unit_row, options->unit == FW_EXPORT_UNIT_MM ? 1 : 0);
  set_unit_ranges (self, options->unit);
  gtk_spin_button_set_value (self->width_spin, options->width);
  gtk_spin_button_set_value (self->height_spin, options->height);
  gtk_spin_button_set_value (self->dpi_spin, options->dpi);
  adw_combo_row_set_selected (self->size_row, find_preset (self, options));
  self->updating = FALSE;

  on_options_changed (self);
}

static void
on_preset_changed (FwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);
  FwExportOptions options;

  if (self->updating || selected >= self->n_presets)
    return;

  fw_export_dialog_get_options (self, &options);
  fw_export_options_set_preset (&options, &fw_export_get_presets (NULL)[selected]);
  fw_export_dialog_set_options (self, &options);
}

/* A new unit keeps the physical size, at the resolution chosen. */
static void
on_unit_changed (FwExportDialog *self)
{
  FwExportOptions options;
  double factor;

  if (self->updating)
    return;

  fw_export_dialog_get_options (self, &options);
  factor = options.unit == FW_EXPORT_UNIT_MM ? 25.4 / options.dpi : options.dpi / 25.4;
  options.width = MAX (1, options.width * factor);
  options.height = MAX (1, options.height * factor);
  fw_export_dialog_set_options (self, &options);
}

static void
on_size_edited (FwExportDialog *self)
{
  FwExportOptions options;

  if (self->updating)
    return;

  fw_export_dialog_get_options (self, &options);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->size_row, find_preset (self, &options));
  self->updating = FALSE;
  on_options_changed (self);
}

static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  for (int y = 0; y * 8 < height; y++)
    for (int x = y % 2; x * 8 < width; x += 2)
      cairo_rectangle (cr, x * 8, y * 8, MIN (8, width - x * 8), MIN (8, height - y * 8));
  cairo_fill (cr);
}

/* The file's page, scaled to fit: the same drawing as the file. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  FwExportDialog *self = user_data;
  FwExportOptions options;
  FwChartStyle style;
  double w, h, diu_w, diu_h, scale;

  fw_export_dialog_get_options (self, &options);
  if (self->export == NULL || !fw_export_options_check (&options, NULL))
    return;

  /* The figure's size in device-independent units (96 per inch). */
  options.format = FW_EXPORT_PDF;
  fw_export_options_get_size (&options, &w, &h);
  diu_w = w / 72 * 96;
  diu_h = h / 72 * 96;
  scale = MIN (width / diu_w, height / diu_h);

  if (options.background == FW_EXPORT_DARK)
    fw_chart_style_init_dark (&style);
  else
    fw_chart_style_init_light (&style);
  style.transparent = options.background == FW_EXPORT_TRANSPARENT;

  cairo_translate (cr, (width - diu_w * scale) / 2, (height - diu_h * scale) / 2);
  if (style.transparent)
    draw_checkerboard (cr, diu_w * scale, diu_h * scale);
  cairo_rectangle (cr, 0, 0, diu_w * scale, diu_h * scale);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  fw_export_draw (self->export, cr, diu_w, diu_h, &style);
}

gboolean
fw_export_dialog_save (FwExportDialog  *self,
                       const char      *path,
                       GError         **error)
{
  FwExportOptions options;

  g_return_val_if_fail (FW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  fw_export_dialog_get_options (self, &options);

  return fw_export_save (self->export, &options, path, error);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  FwExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written"));
      if (error == NULL && fw_export_dialog_save (self, path, &error))
        gtk_window_close (GTK_WINDOW (self));
      else
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked (FwExportDialog *self)
{
  GtkFileChooserNative *chooser;
  FwExportOptions options;
  g_autofree char *name = NULL;

  fw_export_dialog_get_options (self, &options);
  name = g_strdup_printf ("%s.%s", fw_view_get_id (fw_export_dialog_get_view (self)),
                          fw_export_format_get_extension (options.format));
  chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fw_export_dialog_class_init (FwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FwExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_size_edited);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fw_export_dialog_init (FwExportDialog *self)
{
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  const FwExportPreset *presets;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (FwView view = 0; view < FW_N_VIEWS; view++)
    gtk_string_list_append (views, fw_view_get_title (view));
  adw_combo_row_set_model (self->view_row, G_LIST_MODEL (views));

  presets = fw_export_get_presets (&self->n_presets);
  for (guint i = 0; i < self->n_presets; i++)
    gtk_string_list_append (sizes, _(presets[i].name));
  gtk_string_list_append (sizes, C_("export size", "Custom"));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  self->updating = FALSE;
}

FwExportDialog *
fw_export_dialog_new (GtkWindow  *parent,
                      FwExplorer *explorer,
                      FwView      view)
{
  FwExportDialog *self;
  FwExportOptions options;

  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);
  g_return_val_if_fail (view < FW_N_VIEWS, NULL);

  self = g_object_new (FW_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->explorer = g_object_ref (explorer);

  fw_export_options_init (&options);
  fw_export_dialog_set_options (self, &options);
  /* Setting the row builds the export; the same view needs a nudge. */
  if (adw_combo_row_get_selected (self->view_row) == view)
    on_view_changed (self);
  else
    adw_combo_row_set_selected (self->view_row, view);

  return self;
}
