/* fw-export.h: a view framed for a report: caption, source, file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-explorer.h"
#include "fw-figure.h"
#include "fw-views.h"

G_BEGIN_DECLS

/* An export is a view's figure with what makes it citable around it: a
 * caption written from the filter, a source line (dataset and report) and,
 * for demonstration data, a notice that the firms are fictional.  The same
 * drawing serves files, the clipboard and print; every file carries the
 * view, the filter, a fingerprint of the dataset and the application
 * version (see fw-export-metadata.c). */

#define FW_EXPORT_ERROR (fw_export_error_quark ())

typedef enum
{
  FW_EXPORT_ERROR_OPTIONS,        /* a size, resolution or format out of range */
  FW_EXPORT_ERROR_NO_METADATA,    /* the file is not a figure Fairwatch exported */
  FW_EXPORT_ERROR_METADATA,       /* its metadata is damaged */
  FW_EXPORT_ERROR_OTHER_DATASET,  /* made from another dataset than the one given */
} FwExportError;

typedef enum
{
  FW_EXPORT_PNG,
  FW_EXPORT_SVG,
  FW_EXPORT_PDF,
  FW_N_EXPORT_FORMATS
} FwExportFormat;

typedef enum
{
  FW_EXPORT_LIGHT,
  FW_EXPORT_DARK,
  FW_EXPORT_TRANSPARENT,
  FW_N_EXPORT_BACKGROUNDS
} FwExportBackground;

typedef enum
{
  FW_EXPORT_UNIT_PX,
  FW_EXPORT_UNIT_MM,
} FwExportUnit;

#define FW_EXPORT_MIN_DPI 72
#define FW_EXPORT_MAX_DPI 600
/* Figures below this are unreadable; above it, a PNG is hundreds of MB. */
#define FW_EXPORT_MIN_PX  200
#define FW_EXPORT_MAX_PX  12000
/* And at most this many pixels in all: 200 MB of image in memory. */
#define FW_EXPORT_MAX_MEGAPIXELS 50

typedef struct
{
  FwExportFormat     format;
  FwExportUnit       unit;
  double             width;       /* in @unit */
  double             height;
  double             dpi;
  FwExportBackground background;
} FwExportOptions;

typedef struct
{
  const char   *id;               /* for the command line and settings */
  const char   *name;             /* translatable, N_() */
  FwExportUnit  unit;
  double        width;
  double        height;
  double        dpi;              /* pixel presets: the density that gives
                                   * readable text at that size; 0 keeps it */
} FwExportPreset;

#define FW_TYPE_EXPORT (fw_export_get_type ())

G_DECLARE_FINAL_TYPE (FwExport, fw_export, FW, EXPORT, GObject)

GQuark                fw_export_error_quark        (void);

/* 180 x 120 mm at 300 dpi, PNG, light.  A size in pixels is also a
 * physical size (pixels / dpi) that text is set for: 1080 pixels at 300
 * dpi is 3.6 inches, with 11-point text. */
void                  fw_export_options_init       (FwExportOptions       *options);
/* Checks ranges; the message names the value at fault. */
gboolean              fw_export_options_check      (const FwExportOptions *options,
                                                    GError               **error);
/* Size of the file: pixels for PNG; for SVG and PDF, points (1/72 in). */
void                  fw_export_options_get_size   (const FwExportOptions *options,
                                                    double                *width,
                                                    double                *height);
const FwExportPreset *fw_export_get_presets        (guint                 *n_presets);
void                  fw_export_options_set_preset (FwExportOptions       *options,
                                                    const FwExportPreset  *preset);

const char           *fw_export_format_get_extension (FwExportFormat       format);
/* From a file name's extension; FALSE when it names none of the three. */
gboolean              fw_export_format_for_path    (const char            *path,
                                                    FwExportFormat        *format);
const char           *fw_export_background_to_string (FwExportBackground   background);
gboolean              fw_export_background_from_string (const char        *text,
                                                    FwExportBackground    *background);

FwExport             *fw_export_new                (FwExplorer            *explorer,
                                                    FwView                 view);
/* With a figure of @view the caller set up, e.g. a map with the options
 * the screen shows; the export takes a reference. */
FwExport             *fw_export_new_for_figure     (FwExplorer            *explorer,
                                                    FwView                 view,
                                                    FwFigure              *figure);
FwView                fw_export_get_view           (FwExport              *self);
FwFigure             *fw_export_get_figure         (FwExport              *self);
const char           *fw_export_get_title          (FwExport              *self);
/* "Host countries by high/medium-confidence firms, 2002–2021, n = 81 firms." */
const char           *fw_export_get_caption        (FwExport              *self);
/* "Source: …; report: …" */
const char           *fw_export_get_source         (FwExport              *self);
/* NULL unless the dataset's firms are fictional. */
const char           *fw_export_get_notice         (FwExport              *self);
/* The metadata every file carries, as ASCII-only JSON. */
const char           *fw_export_get_metadata       (FwExport              *self);

/* Draws the framed figure at @width x @height device-independent units
 * (96 per inch) on any cairo_t: screen, clipboard, print. */
void                  fw_export_draw               (FwExport              *self,
                                                    cairo_t               *cr,
                                                    double                 width,
                                                    double                 height,
                                                    const FwChartStyle    *style);
double                fw_export_get_natural_height (FwExport              *self,
                                                    double                 width,
                                                    const FwChartStyle    *style);
/* The figure as a PNG, SVG or PDF document. */
GBytes               *fw_export_render             (FwExport              *self,
                                                    const FwExportOptions *options,
                                                    GError               **error);
/* Renders and writes @path atomically. */
gboolean              fw_export_save               (FwExport              *self,
                                                    const FwExportOptions *options,
                                                    const char            *path,
                                                    GError               **error);

/* What a figure file says about itself (fw-export-metadata.c). */
typedef struct
{
  char     *generator;     /* "Fairwatch 0.1.0" */
  char     *view;          /* view id */
  char     *fingerprint;   /* "sha256:…" of the dataset, see fw_export_fingerprint() */
  char     *dataset;       /* the dataset's title, may be NULL */
  JsonNode *filter;        /* fw_filter_to_json() */
} FwExportMetadata;

/* A digest of the records and the country settings, not of the file:
 * the same data read from CSV or from the native format has the same
 * fingerprint. */
char                 *fw_export_fingerprint        (FwDataset             *dataset);
/* Reads the metadata of a PNG, SVG or PDF Fairwatch wrote. */
FwExportMetadata     *fw_export_metadata_read      (GBytes                *data,
                                                    GError               **error);
/* The view and filter @metadata names, for @dataset; fails with
 * FW_EXPORT_ERROR_OTHER_DATASET when it was made from other data. */
gboolean              fw_export_metadata_resolve   (FwExportMetadata      *metadata,
                                                    FwDataset             *dataset,
                                                    FwView                *view,
                                                    FwFilter             **filter,
                                                    GError               **error);
void                  fw_export_metadata_free      (FwExportMetadata      *metadata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwExportMetadata, fw_export_metadata_free)

G_END_DECLS
