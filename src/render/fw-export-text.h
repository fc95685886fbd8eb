/* fw-export-text.h: text that stays text in every file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* cairo's SVG surface turns glyphs into paths.  Figures draw their text
 * through fw_export_show_layout(): on screen, PNG and PDF it is
 * pango_cairo_show_layout() (PDF keeps text as text with its fonts); on a
 * cairo_t that fw_export_text_capture() set up, each line becomes an SVG
 * <text> element appended to @out instead, placed with the current matrix
 * and coloured with the current source. */
void fw_export_show_layout  (cairo_t     *cr,
                             PangoLayout *layout);
void fw_export_text_capture (cairo_t     *cr,
                             GString     *out);

G_END_DECLS
