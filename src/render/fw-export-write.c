/* fw-export-write.c: PNG, SVG and PDF files of a framed figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "fw-export-private.h"
#include "fw-export-text.h"

/* Device-independent units per inch, as figures are drawn. */
#define DIU_PER_INCH 96.0

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
get_style (const FwExportOptions *options,
           FwChartStyle          *style)
{
  if (options->background == FW_EXPORT_DARK)
    fw_chart_style_init_dark (style);
  else
    fw_chart_style_init_light (style);
  style->transparent = options->background == FW_EXPORT_TRANSPARENT;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The figure could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Draws at the figure's size in device-independent units, scaled to the
 * surface's units. */
static cairo_status_t
draw_on (FwExport              *self,
         cairo_surface_t       *surface,
         const FwExportOptions *options,
         double                 w,
         double                 h,
         double                 scale,
         GString               *svg_text)
{
  FwChartStyle style;
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  get_style (options, &style);
  if (svg_text != NULL)
    fw_export_text_capture (cr, svg_text);
  cairo_scale (cr, scale, scale);
  fw_export_draw (self, cr, w / scale, h / scale, &style);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

/* For the vector surfaces, whose output is written when they finish;
 * takes @surface. */
static gboolean
draw_and_finish (FwExport              *self,
                 cairo_surface_t       *surface,
                 const FwExportOptions *options,
                 double                 w,
                 double                 h,
                 double                 scale,
                 GString               *svg_text,
                 GError               **error)
{
  cairo_status_t status = draw_on (self, surface, options, w, h, scale, svg_text);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, error);
}

static GBytes *
render_png (FwExport              *self,
            const FwExportOptions *options,
            GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  GBytes *png = NULL;
  double w, h;

  fw_export_options_get_size (options, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
  status = draw_on (self, surface, options, w, h, options->dpi / DIU_PER_INCH, NULL);
  if (check_status (status, error))
    png = _fw_export_png_encode (surface, options->dpi, self, error);
  cairo_surface_destroy (surface);

  return png;
}

static GBytes *
render_svg (FwExport              *self,
            const FwExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *surface;
  double w, h, scale;

  /* cairo 1.16 labels the size with the unit without converting it: the
   * surface is made in the unit the SVG states. */
  if (options->unit == FW_EXPORT_UNIT_MM)
    {
      w = options->width;
      h = options->height;
      scale = 25.4 / DIU_PER_INCH;
    }
  else
    {
      w = round (options->width);
      h = round (options->height);
      scale = options->dpi / DIU_PER_INCH;
    }

  surface = cairo_svg_surface_create_for_stream (append_bytes, out, w, h);
  cairo_svg_surface_set_document_unit (surface, options->unit == FW_EXPORT_UNIT_MM ? CAIRO_SVG_UNIT_MM : CAIRO_SVG_UNIT_PX);
  if (!draw_and_finish (self, surface, options, w, h, scale, text, error))
    return NULL;

  svg = g_byte_array_free_to_bytes (g_steal_pointer (&out));

  return _fw_export_svg_finish (svg, text->str, self);
}

static GBytes *
render_pdf (FwExport              *self,
            const FwExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *keywords = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  double w, h;

  fw_export_options_get_size (options, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, w, h);
  /* cairo 1.16 has no custom PDF metadata: the JSON goes in Keywords,
   * after a word that says whose it is. */
  keywords = g_strconcat (FW_EXPORT_METADATA_KEY " ", fw_export_get_metadata (self), NULL);
  creator = g_strdup_printf ("Fairwatch %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fw_export_get_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, fw_export_get_caption (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (!draw_and_finish (self, surface, options, w, h, 72.0 / DIU_PER_INCH, NULL, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
fw_export_render (FwExport              *self,
                  const FwExportOptions *options,
                  GError               **error)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fw_export_options_check (options, error))
    return NULL;

  switch (options->format)
    {
    case FW_EXPORT_PNG:
      return render_png (self, options, error);
    case FW_EXPORT_SVG:
      return render_svg (self, options, error);
    case FW_EXPORT_PDF:
      return render_pdf (self, options, error);
    case FW_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
fw_export_save (FwExport              *self,
                const FwExportOptions *options,
                const char            *path,
                GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (FW_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((bytes = fw_export_render (self, options, error)) == NULL)
    return FALSE;

  file = g_file_new_for_path (path);

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
