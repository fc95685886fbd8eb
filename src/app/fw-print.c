/* fw-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-print"

#include "config.h"

#include "fw-print.h"

/* Figures are drawn in device-independent units, 96 per inch; the print
 * context is set up in points. */
#define POINTS_PER_DIU (72.0 / 96.0)

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           FwExport          *export)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context) / POINTS_PER_DIU;
  double page_height = gtk_print_context_get_height (context) / POINTS_PER_DIU;
  FwChartStyle style;
  double height;

  /* Paper is white whatever the screen's style. */
  fw_chart_style_init_light (&style);
  style.transparent = TRUE;
  height = MIN (page_height, fw_export_get_natural_height (export, width, &style));

  cairo_save (cr);
  cairo_scale (cr, POINTS_PER_DIU, POINTS_PER_DIU);
  fw_export_draw (export, cr, width, height, &style);
  cairo_restore (cr);
}

static void
unref_export (gpointer  data,
              GClosure *closure)
{
  g_object_unref (data);
}

GtkPrintOperation *
fw_print_operation_new (FwExport *export)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (FW_IS_EXPORT (export), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, fw_export_get_title (export));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page),
                         g_object_ref (export), unref_export, 0);

  return operation;
}
