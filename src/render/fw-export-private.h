/* fw-export-private.h: what the export files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-export.h"

G_BEGIN_DECLS

/* The keyword of the PNG text chunk, the SVG element and the PDF keyword
 * prefix that hold the metadata JSON. */
#define FW_EXPORT_METADATA_KEY "fairwatch-figure"
#define FW_EXPORT_SVG_NS       "urn:fairwatch:figure"

/* The report every figure cites (FACTS.md). */
#define FW_EXPORT_REPORT_CITATION \
  "DeSombre, Gjesvik and Willers, “Surveillance Technology at the Fair”, " \
  "Atlantic Council, 8 November 2021"

char    *_fw_export_build_metadata (FwExplorer  *explorer,
                                    FwView       view);
/* Non-ASCII characters as \\uXXXX escapes: JSON that fits a PNG tEXt
 * chunk and a PDF literal string unchanged. */
char    *_fw_export_json_ascii     (const char  *json);
#define PNG_SIGNATURE     "\x89PNG\r\n\x1a\n"
#define PNG_SIGNATURE_LEN 8

/* The surface as a PNG with pHYs, text chunks and the metadata. */
GBytes  *_fw_export_png_encode     (cairo_surface_t *surface,
                                    double       dpi,
                                    FwExport    *export,
                                    GError     **error);
char    *_fw_export_png_read_metadata (const guint8 *data,
                                    gsize        size,
                                    GError     **error);
gboolean _fw_export_no_metadata    (GError     **error);
GBytes  *_fw_export_svg_finish     (GBytes      *svg,
                                    const char  *text_elements,
                                    FwExport    *export);

G_END_DECLS
