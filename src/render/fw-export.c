/* fw-export.c: the frame around a figure, and the export options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fw-export-private.h"
#include "fw-export-text.h"

#define FRAME_PAD 16.0
#define FRAME_GAP 6.0

struct _FwExport
{
  GObject       parent_instance;

  FwView        view;
  FwFigure     *figure;
  char         *title;
  char         *caption;
  char         *source;
  char         *notice;
  char         *metadata;
  PangoContext *pango;
};

G_DEFINE_FINAL_TYPE (FwExport, fw_export, G_TYPE_OBJECT)

G_DEFINE_QUARK (fw-export-error-quark, fw_export_error)

static const FwExportPreset presets[] = {
  { "slide", N_("Slide 16:9, 1920 × 1080 px"), FW_EXPORT_UNIT_PX, 1920, 1080, 150 },
  { "a4-half", N_("A4 half page, 180 × 120 mm"), FW_EXPORT_UNIT_MM, 180, 120, 0 },
  { "letter-half", N_("Letter half page, 6.5 × 4.5 in"), FW_EXPORT_UNIT_MM, 165.1, 114.3, 0 },
  { "square", N_("Square for social media, 1080 px"), FW_EXPORT_UNIT_PX, 1080, 1080, 150 },
};

static const char *format_extensions[FW_N_EXPORT_FORMATS] = { "png", "svg", "pdf" };
static const char *background_names[FW_N_EXPORT_BACKGROUNDS] = { "light", "dark", "transparent" };

static void
fw_export_finalize (GObject *object)
{
  FwExport *self = (FwExport *)object;

  g_clear_object (&self->figure);
  g_clear_object (&self->pango);
  g_free (self->title);
  g_free (self->caption);
  g_free (self->source);
  g_free (self->notice);
  g_free (self->metadata);

  G_OBJECT_CLASS (fw_export_parent_class)->finalize (object);
}

static void
fw_export_class_init (FwExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_export_finalize;
}

static void
fw_export_init (FwExport *self)
{
}

void
fw_export_options_init (FwExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->format = FW_EXPORT_PNG;
  options->unit = FW_EXPORT_UNIT_MM;
  options->width = 180;
  options->height = 120;
  options->dpi = 300;
  options->background = FW_EXPORT_LIGHT;
}

/* The size in inches, whatever the unit. */
static void
get_inches (const FwExportOptions *options,
            double                *width,
            double                *height)
{
  if (options->unit == FW_EXPORT_UNIT_MM)
    {
      *width = options->width / 25.4;
      *height = options->height / 25.4;
    }
  else
    {
      *width = options->width / options->dpi;
      *height = options->height / options->dpi;
    }
}

void
fw_export_options_get_size (const FwExportOptions *options,
                            double                *width,
                            double                *height)
{
  double w, h;

  g_return_if_fail (options != NULL);

  get_inches (options, &w, &h);
  if (options->format == FW_EXPORT_PNG)
    {
      *width = options->unit == FW_EXPORT_UNIT_PX ? round (options->width) : round (w * options->dpi);
      *height = options->unit == FW_EXPORT_UNIT_PX ? round (options->height) : round (h * options->dpi);
    }
  else
    {
      *width = w * 72;
      *height = h * 72;
    }
}

gboolean
fw_export_options_check (const FwExportOptions *options,
                         GError               **error)
{
  double w, h;

  g_return_val_if_fail (options != NULL, FALSE);

  if (options->format >= FW_N_EXPORT_FORMATS || options->background >= FW_N_EXPORT_BACKGROUNDS)
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS, _("Unknown format or background"));
      return FALSE;
    }

  if (!(options->dpi >= FW_EXPORT_MIN_DPI && options->dpi <= FW_EXPORT_MAX_DPI))
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS,
                   _("The resolution must be from %d to %d dpi, not %g"),
                   FW_EXPORT_MIN_DPI, FW_EXPORT_MAX_DPI, options->dpi);
      return FALSE;
    }

  /* Judged in pixels at the resolution asked, whatever the format. */
  get_inches (options, &w, &h);
  w *= options->dpi;
  h *= options->dpi;
  if (!(options->width > 0 && options->height > 0) ||
      w < FW_EXPORT_MIN_PX - 0.5 || h < FW_EXPORT_MIN_PX - 0.5 ||
      w > FW_EXPORT_MAX_PX + 0.5 || h > FW_EXPORT_MAX_PX + 0.5)
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS,
                   _("%g × %g %s at %g dpi is %.0f × %.0f pixels; each side must be from %d to %d pixels"),
                   options->width, options->height,
                   options->unit == FW_EXPORT_UNIT_MM ? _("mm") : _("px"),
                   options->dpi, w, h, FW_EXPORT_MIN_PX, FW_EXPORT_MAX_PX);
      return FALSE;
    }

  if (w * h > FW_EXPORT_MAX_MEGAPIXELS * 1e6 + 0.5)
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OPTIONS,
                   _("%.0f × %.0f pixels is %.0f megapixels; a figure may have at most %d"),
                   w, h, w * h / 1e6, FW_EXPORT_MAX_MEGAPIXELS);
      return FALSE;
    }

  return TRUE;
}

const FwExportPreset *
fw_export_get_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

void
fw_export_options_set_preset (FwExportOptions      *options,
                              const FwExportPreset *preset)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (preset != NULL);

  options->unit = preset->unit;
  options->width = preset->width;
  options->height = preset->height;
  if (preset->dpi > 0)
    options->dpi = preset->dpi;
}

const char *
fw_export_format_get_extension (FwExportFormat format)
{
  g_return_val_if_fail (format < FW_N_EXPORT_FORMATS, NULL);

  return format_extensions[format];
}

gboolean
fw_export_format_for_path (const char     *path,
                           FwExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((dot = strrchr (path, '.')) == NULL)
    return FALSE;

  for (guint i = 0; i < FW_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (dot + 1, format_extensions[i]) == 0)
        {
          if (format != NULL)
            *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fw_export_background_to_string (FwExportBackground background)
{
  g_return_val_if_fail (background < FW_N_EXPORT_BACKGROUNDS, NULL);

  return background_names[background];
}

gboolean
fw_export_background_from_string (const char         *text,
                                  FwExportBackground *background)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < FW_N_EXPORT_BACKGROUNDS; i++)
    {
      if (g_ascii_strcasecmp (text, background_names[i]) == 0)
        {
          if (background != NULL)
            *background = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The years the kept exhibitions span, or FALSE when none has a year. */
static gboolean
kept_years (FwQuery *query,
            guint   *first,
            guint   *last)
{
  FwColumns c;
  const guint8 *mask = fw_query_get_exhibition_mask (query);

  *first = G_MAXUINT;
  *last = 0;
  fw_dataset_get_columns (fw_query_get_dataset (query), &c);
  for (guint e = 0; e < c.n_exhibitions; e++)
    {
      guint year = c.exhibition_year[e];

      if (mask[e] && year != FW_YEAR_UNKNOWN)
        {
          *first = MIN (*first, year);
          *last = MAX (*last, year);
        }
    }

  return *first <= *last;
}

static char *
build_caption (FwExplorer *explorer,
               FwView      view)
{
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  const FwFilter *filter = fw_explorer_get_filter (explorer);
  guint n = fw_view_count_firms (view, explorer);
  g_autoptr(GString) caption = g_string_new (fw_view_get_title (view));
  g_autofree char *count = NULL;
  guint first, last;

  if (kept_years (fw_explorer_get_query (explorer), &first, &last))
    {
      if (first == last)
        g_string_append_printf (caption, _(", %u"), first);
      else
        /* Translators: a span of years in a caption: ", 2002–2021" */
        g_string_append_printf (caption, _(", %u–%u"), first, last);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, ", n = %u firm.", ", n = %u firms.", n), n);
  g_string_append (caption, count);

  if (!fw_filter_is_empty (filter))
    {
      g_autofree char *described = fw_filter_describe (filter, dataset);

      /* Translators: the active filters, in a figure's caption */
      g_string_append_printf (caption, _(" Filtered: %s."), described);
    }

  return g_string_free (g_steal_pointer (&caption), FALSE);
}

static char *
build_source (FwDataset *dataset)
{
  const char *title = fw_dataset_get_title (dataset);
  const char *citation = fw_dataset_get_citation (dataset);
  g_autoptr(GString) source = g_string_new (NULL);

  g_string_append_printf (source, _("Source: %s; Fairwatch %s."),
                          title != NULL && title[0] != '\0' ? title : _("Untitled dataset"),
                          PACKAGE_VERSION);
  /* The report's authors are cited for the method; a dataset's own
   * citation (when it names something else) for the data. */
  if (citation != NULL && citation[0] != '\0' && strstr (citation, "Surveillance Technology at the Fair") == NULL)
    g_string_append_printf (source, _(" Data: %s."), citation);
  g_string_append_printf (source, _(" Method: %s."), FW_EXPORT_REPORT_CITATION);

  return g_string_free (g_steal_pointer (&source), FALSE);
}

FwExport *
fw_export_new (FwExplorer *explorer,
               FwView      view)
{
  g_autoptr(FwFigure) figure = NULL;

  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);
  g_return_val_if_fail (view < FW_N_VIEWS, NULL);

  figure = fw_view_build_figure (view, explorer);

  return fw_export_new_for_figure (explorer, view, figure);
}

FwExport *
fw_export_new_for_figure (FwExplorer *explorer,
                          FwView      view,
                          FwFigure   *figure)
{
  FwExport *self;
  FwDataset *dataset;

  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);
  g_return_val_if_fail (view < FW_N_VIEWS, NULL);
  g_return_val_if_fail (FW_IS_FIGURE (figure), NULL);

  dataset = fw_explorer_get_dataset (explorer);
  self = g_object_new (FW_TYPE_EXPORT, NULL);
  self->view = view;
  self->figure = g_object_ref (figure);
  self->title = g_strdup (fw_view_get_title (view));
  self->caption = build_caption (explorer, view);
  self->source = build_source (dataset);
  if (fw_dataset_get_fictional (dataset))
    self->notice = g_strdup (_("Fictional firms: demonstration data, not a record of real companies."));
  self->metadata = _fw_export_build_metadata (explorer, view);

  return self;
}

FwView
fw_export_get_view (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), 0);

  return self->view;
}

FwFigure *
fw_export_get_figure (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->figure;
}

const char *
fw_export_get_title (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->title;
}

const char *
fw_export_get_caption (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->caption;
}

const char *
fw_export_get_source (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->source;
}

const char *
fw_export_get_notice (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->notice;
}

const char *
fw_export_get_metadata (FwExport *self)
{
  g_return_val_if_fail (FW_IS_EXPORT (self), NULL);

  return self->metadata;
}

/* Same settings as the charts' own context, so that text measures the
 * same on screen and in every file. */
static PangoContext *
get_pango_context (FwExport *self)
{
  if (self->pango == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->pango, 96.0);
      pango_cairo_context_set_font_options (self->pango, options);
      pango_context_set_round_glyph_positions (self->pango, FALSE);
      pango_context_set_language (self->pango, pango_language_get_default ());
      cairo_font_options_destroy (options);
    }

  return self->pango;
}

typedef struct
{
  PangoLayout *caption;
  PangoLayout *source;
  PangoLayout *notice;
  double       height;       /* of the three, with gaps */
} Footer;

static PangoLayout *
footer_layout (FwExport           *self,
               const char         *text,
               const FwChartStyle *style,
               double              scale,
               gboolean            bold,
               double              width)
{
  PangoLayout *layout = pango_layout_new (get_pango_context (self));
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "sans-serif");
  pango_font_description_set_size (font, (int) (style->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);

  return (double) h / PANGO_SCALE;
}

static void
footer_init (FwExport           *self,
             Footer             *footer,
             double              width,
             const FwChartStyle *style)
{
  double text_width = width - 2 * FRAME_PAD;

  footer->caption = footer_layout (self, self->caption, style, 1.0, FALSE, text_width);
  footer->source = footer_layout (self, self->source, style, 0.8, FALSE, text_width);
  footer->notice = self->notice != NULL ? footer_layout (self, self->notice, style, 0.9, TRUE, text_width) : NULL;
  footer->height = layout_height (footer->caption) + FRAME_GAP + layout_height (footer->source);
  if (footer->notice != NULL)
    footer->height += FRAME_GAP + layout_height (footer->notice);
}

static void
footer_clear (Footer *footer)
{
  g_clear_object (&footer->caption);
  g_clear_object (&footer->source);
  g_clear_object (&footer->notice);
}

double
fw_export_get_natural_height (FwExport           *self,
                              double              width,
                              const FwChartStyle *style)
{
  FwChartStyle fallback;
  Footer footer = { 0 };
  double height;

  g_return_val_if_fail (FW_IS_EXPORT (self), 0);

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  footer_init (self, &footer, width, style);
  height = fw_figure_get_natural_height (self->figure, width, style) + footer.height + FRAME_PAD;
  footer_clear (&footer);

  return height;
}

static void
show_at (cairo_t      *cr,
         PangoLayout  *layout,
         const double *rgba,
         double        x,
         double        y)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_move_to (cr, x, y);
  fw_export_show_layout (cr, layout);
}

void
fw_export_draw (FwExport           *self,
                cairo_t            *cr,
                double              width,
                double              height,
                const FwChartStyle *style)
{
  FwChartStyle fallback, figure_style;
  Footer footer = { 0 };
  double y, figure_height;

  g_return_if_fail (FW_IS_EXPORT (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  cairo_save (cr);
  if (!style->transparent)
    {
      cairo_set_source_rgba (cr, style->background[0], style->background[1],
                             style->background[2], style->background[3]);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  footer_init (self, &footer, width, style);
  /* The figure gives up height before the caption does: an export is
   * never without its caption and source. */
  figure_height = MAX (height - footer.height - FRAME_PAD, height / 2);
  /* A figure shorter than the room it has keeps its caption beneath it;
   * the space left is at the bottom, where it can be cropped. */
  figure_height = MIN (figure_height, fw_figure_get_natural_height (self->figure, width, style));

  figure_style = *style;
  figure_style.transparent = TRUE;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, figure_height);
  cairo_clip (cr);
  fw_figure_draw (self->figure, cr, width, figure_height, &figure_style);
  cairo_restore (cr);

  y = figure_height;
  show_at (cr, footer.caption, style->foreground, FRAME_PAD, y);
  y += layout_height (footer.caption) + FRAME_GAP;
  show_at (cr, footer.source, style->muted, FRAME_PAD, y);
  y += layout_height (footer.source) + FRAME_GAP;
  if (footer.notice != NULL)
    show_at (cr, footer.notice, style->foreground, FRAME_PAD, y);

  footer_clear (&footer);
  cairo_restore (cr);
}
