/* fw-map-private.h: the map's state, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <pango/pangocairo.h>

#include "fw-geo.h"
#include "fw-map.h"

G_BEGIN_DECLS

typedef struct
{
  PangoLayout *layout;
  double       x, y;
  gboolean     muted;
} MapText;

/* A legend entry: a swatch (filled box, circle or line) and a label. */
typedef enum
{
  KEY_BOX,
  KEY_HATCH,
  KEY_CIRCLE,
  KEY_LINE,
} KeyShape;

typedef struct
{
  KeyShape shape;
  double   rgba[4];
  double   x, y, size;   /* box or circle centre and radius, or line width */
} MapKey;

/* What one projection makes of the shapes: unit coordinates, computed
 * once per projection. */
typedef struct
{
  FwProjection projection;
  double      *xy;            /* 2 per geo point */
  double      *bbox;          /* 4 per feature: x0 y0 x1 y1 */
  double      *anchors;       /* 2 per feature */
  GArray      *graticule;     /* double pairs; NaN pairs separate lines */
  GArray      *outline;       /* double pairs: the sphere */
  double       x_min, y_min, x_max, y_max;
} Projected;

struct _FwMap
{
  GObject       parent_instance;

  FwMapKind     kind;
  FwProjection  projection;
  FwClassify    classify;
  guint         n_classes;
  gboolean      split;
  guint         min_flow;
  gboolean      graticule;
  char         *watermark;
  char         *title;
  char         *subtitle;

  FwGeo        *geo;
  FwExplorer   *explorer;
  FwGeoCounts  *counts;
  guint         breaks[FW_MAP_MAX_CLASSES];
  guint         n_breaks;
  guint         max_value;     /* largest count the map shows */
  guint         unmapped;      /* firms counted in countries without a shape */
  GArray       *marks;         /* FwMapMark */
  gint         *mark_of;       /* mark per country id, -1 */
  gint          highlight;

  /* Projection cache. */
  Projected    *projected;

  /* Layout cache. */
  PangoContext *pango;
  gboolean      valid;
  double        width, height;
  char         *font_family;
  double        font_size;
  FwChartStyle  layout_style;
  double        em;
  double        map_x, map_y, map_width, map_height;
  double        fit_k, fit_a, fit_b;   /* unit -> map: x = a + k ux, y = b - k uy */
  double        k, a, b;               /* the same with zoom and pan */
  double        symbol_max;            /* radius of the largest circle, or widest arc */
  GArray       *texts;                 /* MapText */
  GArray       *keys;                  /* MapKey */

  /* Path cache: every feature at scale k, without translation. */
  double        path_k;
  cairo_path_t **paths;
  cairo_path_t *graticule_path;
  cairo_path_t *outline_path;

  /* Coverage masks of the land at the raster cache's scale and place:
   * a new filter or colour scheme only composites them (fw-map-masks.c). */
  cairo_surface_t **masks;             /* A8 per feature, NULL when off the image */
  double       *mask_xy;               /* 2 per feature: where each mask goes */
  cairo_surface_t *water_mask, *graticule_mask, *outline_mask, *border_mask;
  double        masks_k, masks_a, masks_b, masks_x, masks_y, masks_scale;
  int           masks_w, masks_h;

  /* Raster cache of everything but the highlight, for the screen. */
  double        raster_scale;          /* 0: vectors every time */
  gboolean      interactive;           /* a drag is on: move the image */
  cairo_surface_t *base;
  gboolean      base_valid;
  double        base_k, base_a, base_b;
  FwChartStyle  base_style;
};

/* fw-map-masks.c */
void      _fw_map_masks_clear        (FwMap        *self);
/* Paints water, graticule, countries, borders and outline on a @cr whose
 * user space is the raster cache's: the masks are (re)made for the
 * current scale and place first. */
void      _fw_map_paint_land         (FwMap        *self,
                                      cairo_t      *cr,
                                      const FwChartStyle *style,
                                      int           width,
                                      int           height);
void      _fw_map_land_colour        (FwMap        *self,
                                      guint         feature,
                                      const FwChartStyle *style,
                                      double        rgba[4],
                                      gboolean     *hatched);

/* fw-map-geometry.c */
void      _fw_map_ensure_geo         (FwMap        *self);
void      _fw_map_ensure_projected   (FwMap        *self);
void      _fw_map_projected_free     (Projected    *projected);
void      _fw_map_ensure_paths       (FwMap        *self);
void      _fw_map_paths_clear        (FwMap        *self);
gint      _fw_map_feature_at_unit    (FwMap        *self,
                                      double        ux,
                                      double        uy);
void      _fw_map_anchor             (FwMap        *self,
                                      FwCountryId   country,
                                      double       *x,
                                      double       *y);
gboolean  _fw_map_is_tiny            (FwMap        *self,
                                      FwCountryId   country);
double    _fw_map_symbol_radius      (FwMap        *self,
                                      guint         firms);
double    _fw_map_flow_width         (FwMap        *self,
                                      guint         firms);
void      _fw_map_flow_curve         (FwMap        *self,
                                      const FwMapMark *mark,
                                      double        p[6]);

static inline void
_fw_map_copy_rgba (double       out[4],
                   const double in[4])
{
  memcpy (out, in, 4 * sizeof (double));
}

/* fw-map-layout.c */
void      _fw_map_text_clear         (gpointer      data);
void      _fw_map_update_positions   (FwMap        *self);
PangoLayout *_fw_map_new_text        (FwMap        *self,
                                      const char   *text,
                                      double        scale,
                                      gboolean      bold,
                                      double        max_width,
                                      int           max_lines);

/* fw-map-draw.c */
void      _fw_map_invalidate         (FwMap        *self);
void      _fw_map_class_rgba         (FwMap        *self,
                                      guint         value,
                                      const FwChartStyle *style,
                                      double        rgba[4]);
void      _fw_map_flow_rgba          (FwFlowClass   klass,
                                      const FwChartStyle *style,
                                      double        rgba[4]);
void      _fw_map_confidence_rgba    (FwConfidence  confidence,
                                      const FwChartStyle *style,
                                      double        rgba[4]);

G_END_DECLS
