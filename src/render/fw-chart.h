/* fw-chart.h: a chart drawn with cairo and pango, for screen, files and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "fw-filter.h"

G_BEGIN_DECLS

/* A chart is data plus labels; it lays itself out for a size, draws on any
 * cairo_t, and answers "which mark is under this point" (the one hit test
 * that tooltips, hover, clicks and keyboard focus all share).  No GTK here:
 * the same object writes PNG, SVG and PDF. */

typedef enum
{
  FW_CHART_BARS,          /* horizontal bars, one row per category, stacked series */
  FW_CHART_COLUMNS,       /* vertical columns per category (e.g. years), stacked series */
  FW_CHART_TIMELINE,      /* one row per category, dots at x positions, coloured by series */
} FwChartKind;

typedef struct
{
  /* Colours as 0..1 RGBA. */
  double background[4];
  double foreground[4];     /* text and axes */
  double muted[4];          /* secondary text */
  double grid[4];
  double highlight[4];      /* hovered or focused mark outline */
  double palette[8][4];     /* series colours, colour-blind safe */
  const char *font_family;
  double font_size;         /* points at 96 dpi, i.e. the UI font size */
  gboolean transparent;     /* no background fill */
  /* Maps: a sequential ramp for classes, low to high (ColorBrewer YlGnBu,
   * colour-blind safe), and the base map. */
  double ramp[7][4];
  double land[4];           /* countries without data */
  double zero[4];           /* countries with none under the filter (hatched) */
  double water[4];
  double border[4];         /* country borders */
} FwChartStyle;

/* A category (or series) without a filter target, e.g. the remainder
 * "Other countries", which descriptions do not name as the highest. */
#define FW_CHART_NO_TARGET FW_N_FACETS

/* Series colour: 0..7 index the style's palette; this one is its muted
 * colour, for "unknown" and the like. */
#define FW_CHART_COLOR_NEUTRAL 8

/* Formats a value for tooltips and descriptions, e.g. "47 firms". */
typedef char *(*FwChartFormatFunc) (double   value,
                                    gpointer user_data);

typedef struct
{
  gint    index;            /* mark number, -1 for none */
  guint   category;
  guint   series;
  FwFacet facet;            /* what activating the mark filters on */
  guint   value;
  gint    firm;             /* firm row for timeline dots, else -1 */
  double  x, y, width, height;  /* in chart coordinates after layout */
} FwChartMark;

#define FW_TYPE_CHART (fw_chart_get_type ())

G_DECLARE_FINAL_TYPE (FwChart, fw_chart, FW, CHART, GObject)

void          fw_chart_style_init_light   (FwChartStyle       *style);
void          fw_chart_style_init_dark    (FwChartStyle       *style);
void          fw_chart_style_init_high_contrast (FwChartStyle *style,
                                           gboolean            dark);

FwChart      *fw_chart_new                (FwChartKind         kind);
FwChartKind   fw_chart_get_kind           (FwChart            *self);

void          fw_chart_set_title          (FwChart            *self,
                                           const char         *title);
const char   *fw_chart_get_title          (FwChart            *self);
void          fw_chart_set_subtitle       (FwChart            *self,
                                           const char         *subtitle);
const char   *fw_chart_get_subtitle       (FwChart            *self);
/* The unit of the values, e.g. "firms": "47 firms" in descriptions
 * unless a format function is set. */
void          fw_chart_set_value_label    (FwChart            *self,
                                           const char         *label);
const char   *fw_chart_get_value_label    (FwChart            *self);
/* For plural forms: the function gets each value to describe. */
void          fw_chart_set_value_format_func (FwChart         *self,
                                           FwChartFormatFunc   func,
                                           gpointer            user_data,
                                           GDestroyNotify      destroy);
char         *fw_chart_format_value       (FwChart            *self,
                                           double              value);
/* Shown instead of marks when there is nothing to draw. */
void          fw_chart_set_empty_text     (FwChart            *self,
                                           const char         *text);
const char   *fw_chart_get_empty_text     (FwChart            *self);
/* No value above 0 (no point for a timeline): only the empty text shows. */
gboolean      fw_chart_is_empty           (FwChart            *self);
/* Drawn in the corner, e.g. "Fictional firms: demonstration data". */
void          fw_chart_set_watermark      (FwChart            *self,
                                           const char         *text);
const char   *fw_chart_get_watermark      (FwChart            *self);

/* Categories are rows (bars, timeline) or columns; @label is drawn
 * (ellipsised when long), @full_label goes in tooltips. */
guint         fw_chart_add_category       (FwChart            *self,
                                           const char         *label,
                                           const char         *full_label,
                                           FwFacet             facet,
                                           guint               value);
guint         fw_chart_get_n_categories   (FwChart            *self);
const char   *fw_chart_get_category_label (FwChart            *self,
                                           guint               category);
/* The full label, or the label when none was given. */
const char   *fw_chart_get_category_full_label (FwChart       *self,
                                           guint               category);
/* Timeline rows name a firm, which activating a dot selects. */
void          fw_chart_set_category_firm  (FwChart            *self,
                                           guint               category,
                                           gint                firm);
gint          fw_chart_get_category_firm  (FwChart            *self,
                                           guint               category);
/* Draws the category's marks in @color whatever their series, e.g. a
 * remainder ("Other countries") in FW_CHART_COLOR_NEUTRAL. */
void          fw_chart_set_category_color (FwChart            *self,
                                           guint               category,
                                           guint               color);

/* Series share the categories; the legend lists them.  A series with a
 * facet filters on it when activated instead of the category's. */
guint         fw_chart_add_series         (FwChart            *self,
                                           const char         *name,
                                           guint               color);
void          fw_chart_set_series_target  (FwChart            *self,
                                           guint               series,
                                           FwFacet             facet,
                                           guint               value);
guint         fw_chart_get_n_series       (FwChart            *self);
const char   *fw_chart_get_series_name    (FwChart            *self,
                                           guint               series);
void          fw_chart_set_value          (FwChart            *self,
                                           guint               category,
                                           guint               series,
                                           double              value);
double        fw_chart_get_value          (FwChart            *self,
                                           guint               category,
                                           guint               series);

/* Timeline points: a dot for @category at @x (e.g. a year) in @series. */
void          fw_chart_set_x_range        (FwChart            *self,
                                           double              min,
                                           double              max);
void          fw_chart_add_point          (FwChart            *self,
                                           guint               category,
                                           double              x,
                                           guint               series);
guint         fw_chart_get_n_points       (FwChart            *self);

/* Lays out for @width x @height (device-independent units, 96 per inch)
 * without drawing, e.g. to hit-test before the first frame.  The layout
 * is cached until the size, the style's font or the data change.  A NULL
 * style is the light one. */
void          fw_chart_layout             (FwChart            *self,
                                           double              width,
                                           double              height,
                                           const FwChartStyle *style);
/* The height at which every row or column has its most comfortable size
 * for @width, e.g. for a widget's natural size or an export; the chart
 * draws at any other height too. */
double        fw_chart_get_natural_height (FwChart            *self,
                                           double              width,
                                           const FwChartStyle *style);
/* Lays out for @width x @height (device-independent units) and draws.
 * Marks' geometry is that of the last layout. */
void          fw_chart_draw               (FwChart            *self,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const FwChartStyle *style);

guint         fw_chart_get_n_marks        (FwChart            *self);
gboolean      fw_chart_get_mark           (FwChart            *self,
                                           guint               index,
                                           FwChartMark        *mark);
/* Geometry of the last layout, for tests and for placing popovers:
 * the area the marks are drawn in, and a category's drawn label (FALSE
 * when the label was left out for lack of room). */
void          fw_chart_get_plot_area      (FwChart            *self,
                                           double             *x,
                                           double             *y,
                                           double             *width,
                                           double             *height);
gboolean      fw_chart_get_label_extents  (FwChart            *self,
                                           guint               category,
                                           double             *x,
                                           double             *y,
                                           double             *width,
                                           double             *height);
/* The mark under (@x, @y), or FALSE; @mark may be NULL.  Bars and columns
 * answer for their whole row or column band, labels included, so that a
 * short bar is easy to point at; timeline dots within 8 units. */
gboolean      fw_chart_hit_test           (FwChart            *self,
                                           double              x,
                                           double              y,
                                           FwChartMark        *mark);
/* Exact values for a tooltip or screen reader: "France: 52 firms". */
char         *fw_chart_describe_mark      (FwChart            *self,
                                           guint               index);
/* What the chart shows, for its accessible description. */
char         *fw_chart_describe           (FwChart            *self);

void          fw_chart_set_highlight      (FwChart            *self,
                                           gint                index);
gint          fw_chart_get_highlight      (FwChart            *self);

G_END_DECLS
