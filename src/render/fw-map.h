/* fw-map.h: the report's geography as maps drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "fw-chart.h"
#include "fw-explorer.h"
#include "fw-geo-counts.h"
#include "fw-projection.h"

G_BEGIN_DECLS

/* Like FwChart, a map is data plus labels drawn on any cairo_t, with one
 * hit test for hover, tooltips, clicks and the keyboard.  Projected shapes
 * are cached per projection, and paths per scale: hover, pan and a new
 * filter never reproject. */

typedef enum
{
  FW_MAP_HQ,       /* choropleth of kept firms per HQ country */
  FW_MAP_HOSTS,    /* proportional circles of distinct kept firms per host country */
  FW_MAP_FLOWS,    /* arcs from HQ country to host country */
  FW_N_MAP_KINDS
} FwMapKind;

typedef enum
{
  FW_CLASSIFY_QUANTILE,
  FW_CLASSIFY_EQUAL_INTERVAL,
  FW_CLASSIFY_NATURAL_BREAKS,   /* Jenks: least squared deviation within classes */
  FW_N_CLASSIFY
} FwClassify;

#define FW_MAP_MIN_CLASSES 3
#define FW_MAP_MAX_CLASSES 7

typedef struct
{
  gint        index;     /* mark number, -1 for none */
  FwFacet     facet;     /* FW_FACET_HQ_COUNTRY or FW_FACET_HOST_COUNTRY; both for a flow */
  FwCountryId hq;        /* the country of an HQ mark, the origin of a flow */
  FwCountryId host;      /* the country of a host mark, the destination of a flow */
  gboolean    flow;
  guint       firms;
  double      x, y;      /* the mark's anchor in map coordinates after layout */
} FwMapMark;

#define FW_TYPE_MAP (fw_map_get_type ())

G_DECLARE_FINAL_TYPE (FwMap, fw_map, FW, MAP, GObject)

const char   *fw_map_kind_get_title     (FwMapKind           kind);

FwMap        *fw_map_new                (FwMapKind           kind);
FwMapKind     fw_map_get_kind           (FwMap              *self);
void          fw_map_set_kind           (FwMap              *self,
                                         FwMapKind           kind);
/* Re-reads the explorer's query (one pass, fw_geo_counts_compute()). */
void          fw_map_update             (FwMap              *self,
                                         FwExplorer         *explorer);

const char   *fw_map_get_title          (FwMap              *self);
void          fw_map_set_watermark      (FwMap              *self,
                                         const char         *text);

FwProjection  fw_map_get_projection     (FwMap              *self);
void          fw_map_set_projection     (FwMap              *self,
                                         FwProjection        projection);
FwClassify    fw_map_get_classify       (FwMap              *self);
guint         fw_map_get_n_classes      (FwMap              *self);
void          fw_map_set_classify       (FwMap              *self,
                                         FwClassify          method,
                                         guint               n_classes);
gboolean      fw_map_get_split_confidence (FwMap            *self);
void          fw_map_set_split_confidence (FwMap            *self,
                                         gboolean            split);
guint         fw_map_get_min_flow       (FwMap              *self);
void          fw_map_set_min_flow       (FwMap              *self,
                                         guint               min_firms);
/* The largest flow, for the minimum-flow slider's range. */
guint         fw_map_get_max_flow       (FwMap              *self);
gboolean      fw_map_get_graticule      (FwMap              *self);
void          fw_map_set_graticule      (FwMap              *self,
                                         gboolean            graticule);

/* On screen: keeps the map (countries, circles, arcs) as an image at
 * @scale pixels per unit and redraws from it until the size, view, style,
 * options or data change; hover only adds the highlight.  0, the default,
 * draws vectors every time (files, print). */
void          fw_map_set_raster_cache   (FwMap              *self,
                                         double              scale);
/* While TRUE (a drag), panning moves the cached image instead of
 * redrawing it. */
void          fw_map_set_interactive    (FwMap              *self,
                                         gboolean            interactive);

/* Zoom and pan in map coordinates; the fitted view is zoom 1. */
void          fw_map_zoom_at            (FwMap              *self,
                                         double              factor,
                                         double              x,
                                         double              y);
void          fw_map_pan                (FwMap              *self,
                                         double              dx,
                                         double              dy);
void          fw_map_reset_view         (FwMap              *self);
double        fw_map_get_zoom           (FwMap              *self);

void          fw_map_layout             (FwMap              *self,
                                         double              width,
                                         double              height,
                                         const FwChartStyle *style);
void          fw_map_draw               (FwMap              *self,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         const FwChartStyle *style);
/* Where (@lon, @lat) is drawn after the last layout, zoom included. */
void          fw_map_project_point      (FwMap              *self,
                                         double              lon,
                                         double              lat,
                                         double             *x,
                                         double             *y);
/* The country shape under (@x, @y) whatever its data: a feature of
 * fw_geo_get_default(), or -1. */
gint          fw_map_feature_at         (FwMap              *self,
                                         double              x,
                                         double              y);
/* The classes of the HQ map after the last update: upper bounds. */
const guint  *fw_map_get_breaks         (FwMap              *self,
                                         guint              *n_breaks);
/* The colour a country is filled with in the HQ map (for tests). */
void          fw_map_get_country_rgba   (FwMap              *self,
                                         FwCountryId         country,
                                         const FwChartStyle *style,
                                         double              rgba[4]);

guint         fw_map_get_n_marks        (FwMap              *self);
gboolean      fw_map_get_mark           (FwMap              *self,
                                         guint               index,
                                         FwMapMark          *mark);
gboolean      fw_map_hit_test           (FwMap              *self,
                                         double              x,
                                         double              y,
                                         FwMapMark          *mark);
/* The nearest mark from @from in direction (@dx, @dy), or -1. */
gint          fw_map_get_neighbour      (FwMap              *self,
                                         gint                from,
                                         double              dx,
                                         double              dy);
/* Counts and top fairs, for a tooltip or screen reader. */
char         *fw_map_describe_mark      (FwMap              *self,
                                         guint               index);
char         *fw_map_describe           (FwMap              *self);
void          fw_map_set_highlight      (FwMap              *self,
                                         gint                index);
gint          fw_map_get_highlight      (FwMap              *self);
/* Applies a mark's filter to @explorer as one step: a country toggles,
 * a flow adds (or, when both are set, removes) its HQ and host. */
void          fw_map_activate_mark      (FwMap              *self,
                                         guint               index,
                                         FwExplorer         *explorer);

/* Upper bounds of at most @n_classes classes of @values (any order),
 * strictly increasing, the last the largest value; returns how many. */
guint         fw_map_classify           (const guint        *values,
                                         guint               n_values,
                                         FwClassify          method,
                                         guint               n_classes,
                                         guint              *breaks);

G_END_DECLS
