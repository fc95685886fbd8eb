/* fw-export-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <pango/pangocairo.h>

#include "fw-export-text.h"

static const cairo_user_data_key_t capture_key;

void
fw_export_text_capture (cairo_t *cr,
                        GString *out)
{
  g_return_if_fail (cr != NULL);

  cairo_set_user_data (cr, &capture_key, out, NULL);
}

/* What a line shows: the runs' text, with the ellipsis where pango put one. */
static void
append_line_text (GString         *text,
                  const char      *layout_text,
                  PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (text, "…");
      else
        g_string_append_len (text, layout_text + run->item->offset, run->item->length);
    }
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.3f", value));
}

static void
append_svg_line (GString         *out,
                 cairo_t         *cr,
                 const char      *layout_text,
                 PangoLayoutLine *line,
                 double           x,
                 double           y,
                 double           width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  PangoFontDescription *font;
  cairo_matrix_t m;
  double r = 0, g = 0, b = 0, a = 1;
  const char *family;
  PangoGlyphItem *first;

  append_line_text (text, layout_text, line);
  g_strchomp (text->str);
  text->len = strlen (text->str);
  if (text->len == 0 || line->runs == NULL)
    return;

  first = line->runs->data;
  font = pango_font_describe_with_absolute_size (first->item->analysis.font);
  family = pango_font_description_get_family (font);
  cairo_get_matrix (cr, &m);
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    r = g = b = 0, a = 1;
  escaped = g_markup_escape_text (text->str, -1);

  g_string_append (out, "<text xml:space=\"preserve\" transform=\"matrix(");
  {
    const double values[] = { m.xx, m.yx, m.xy, m.yy, m.x0, m.y0 };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        if (i > 0)
          g_string_append_c (out, ' ');
        append_number (out, values[i]);
      }
  }
  g_string_append (out, ")\" x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, y);
  /* The width pango measured, so that a reader with other fonts cannot
   * make a label overflow its place. */
  g_string_append (out, "\" textLength=\"");
  append_number (out, width);
  g_string_append (out, "\" lengthAdjust=\"spacingAndGlyphs\" font-family=\"");
  if (family != NULL)
    {
      g_autofree char *family_escaped = g_markup_escape_text (family, -1);

      g_string_append_printf (out, "%s, ", family_escaped);
    }
  g_string_append (out, "sans-serif\" font-size=\"");
  append_number (out, (double) pango_font_description_get_size (font) / PANGO_SCALE);
  g_string_append_printf (out, "\" font-weight=\"%d\"", (int) pango_font_description_get_weight (font));
  if (pango_font_description_get_style (font) != PANGO_STYLE_NORMAL)
    g_string_append (out, " font-style=\"italic\"");
  g_string_append_printf (out, " fill=\"rgb(%d,%d,%d)\"",
                          (int) (r * 255 + 0.5), (int) (g * 255 + 0.5), (int) (b * 255 + 0.5));
  if (a < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, a);
      g_string_append_c (out, '"');
    }
  g_string_append_printf (out, ">%s</text>\n", escaped);

  pango_font_description_free (font);
}

void
fw_export_show_layout (cairo_t     *cr,
                       PangoLayout *layout)
{
  GString *out;
  PangoLayoutIter *iter;
  const char *layout_text;
  double x0, y0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  out = cairo_get_user_data (cr, &capture_key);
  if (out == NULL)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }

  cairo_get_current_point (cr, &x0, &y0);
  layout_text = pango_layout_get_text (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      append_svg_line (out, cr, layout_text, line,
                       x0 + (double) logical.x / PANGO_SCALE, y0 + baseline,
                       (double) logical.width / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
