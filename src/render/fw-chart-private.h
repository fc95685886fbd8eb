/* fw-chart-private.h: the chart's struct and what its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "fw-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double   x, y, width, height;   /* logical rectangle */
  gboolean on_mark;               /* written inside a mark */
  char    *text;
} FwChartTextBox;

/* Every text of the last layout, in drawing order. */
GArray *fw_chart_get_text_boxes (FwChart *self);

/* The data, as given. */

typedef struct
{
  char    *label;
  char    *full_label;
  FwFacet  facet;
  guint    value;
  gint     firm;
  gint     color;           /* overrides the series colour, or -1 */
  GArray  *values;          /* double per series, grown on demand */
} Category;

typedef struct
{
  char    *name;
  guint    color;
  FwFacet  facet;           /* FW_CHART_NO_TARGET: the category's target */
  guint    value;
} Series;

typedef struct
{
  guint    category;
  guint    series;
  double   x;
} Point;

/* The layout: everything drawing needs, computed once per size and data,
 * so that a frame is a cheap walk over these arrays (as sysprof's layers
 * read their normalized series). */

typedef enum
{
  FONT_TITLE,
  FONT_BODY,
  FONT_SMALL,
  FONT_TINY,
  N_FONTS
} Font;

typedef enum
{
  INK_FOREGROUND,
  INK_MUTED,
  INK_ON_MARK,              /* black or white, whichever reads on the mark */
} Ink;

typedef struct
{
  PangoLayout *layout;
  double       x, y;        /* top left of the logical rectangle */
  double       width, height;
  Ink          ink;
  guint        mark;        /* INK_ON_MARK only */
} Text;

typedef enum
{
  LINE_GRID,
  LINE_AXIS,
  LINE_RANGE,               /* a timeline row's span from first to last dot */
} LineKind;

typedef struct
{
  double   x0, y0, x1, y1;
  LineKind kind;
} Line;

typedef struct
{
  double   x, y, size;
  guint    color;
  gboolean round;           /* the legend of a dot chart shows dots */
} Swatch;

typedef struct
{
  FwChartMark mark;
  double      hit_x, hit_y, hit_width, hit_height;
  double      datum;        /* the timeline point's x */
  guint       color;
  gboolean    dot;
} Mark;

struct _FwChart
{
  GObject            parent_instance;

  FwChartKind        kind;
  char              *title;
  char              *subtitle;
  char              *value_label;
  char              *empty_text;
  char              *watermark;
  FwChartFormatFunc  format_func;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  GArray            *categories;
  GArray            *series;
  GArray            *points;
  double             x_min, x_max;
  gboolean           has_x_range;
  gint               highlight;

  /* Layout cache. */
  PangoContext      *pango;
  gboolean           valid;
  double             width, height;
  char              *font_family;
  double             font_size;
  gboolean           empty;
  gboolean           has_footer;    /* the watermark is texts[0] */
  double             em, pad;
  double             plot_x, plot_y, plot_width, plot_height;
  GArray            *texts;
  GArray            *lines;
  GArray            *swatches;
  GArray            *marks;
  GArray            *label_texts;   /* gint per category: index in texts, or -1 */
};

/* What laying out one size needs on the way. */
typedef struct
{
  FwChart              *self;
  PangoFontDescription *fonts[N_FONTS];
  double                em;       /* the body font's size in units */
  double                pad;
  double                width, height;
} Ctx;


/* fw-chart.c */
void          _fw_chart_invalidate          (FwChart            *self);
char         *_fw_chart_format_number       (double              value);
Category     *_fw_chart_get_category        (FwChart            *self,
                                             guint               category);
double        _fw_chart_value_at            (FwChart            *self,
                                             guint               category,
                                             guint               series);
double        _fw_chart_category_total      (FwChart            *self,
                                             guint               category);

/* fw-chart-style.c */
void          _fw_chart_mix                 (double              out[4],
                                             const double        a[4],
                                             const double        b[4],
                                             double              t);
void          _fw_chart_series_rgba         (const FwChartStyle *style,
                                             guint               color,
                                             double              rgba[4]);
double        _fw_chart_luminance           (const double        rgba[4]);

/* fw-chart-layout.c */
PangoContext *_fw_chart_new_pango_context   (void);
PangoLayout  *_fw_chart_new_layout          (Ctx                *ctx,
                                             Font                font,
                                             const char         *text,
                                             double              max_width,
                                             int                 max_lines);
void          _fw_chart_layout_size         (PangoLayout        *layout,
                                             double             *width,
                                             double             *height);
double        _fw_chart_text_width          (Ctx                *ctx,
                                             Font                font,
                                             const char         *text);
double        _fw_chart_line_height         (Ctx                *ctx,
                                             Font                font);
guint         _fw_chart_push_text           (Ctx                *ctx,
                                             PangoLayout        *layout,
                                             double              x,
                                             double              y,
                                             Ink                 ink);
Text         *_fw_chart_get_text            (FwChart            *self,
                                             guint               index);
void          _fw_chart_push_line           (Ctx                *ctx,
                                             double              x0,
                                             double              y0,
                                             double              x1,
                                             double              y1,
                                             LineKind            kind);
void          _fw_chart_set_label_text      (Ctx                *ctx,
                                             guint               category,
                                             gint                text);
gboolean      _fw_chart_overlaps            (double              a0,
                                             double              a1,
                                             double              b0,
                                             double              b1);
double        _fw_chart_nice_step           (double              min_step);
double        _fw_chart_next_step           (double              step);
double        _fw_chart_axis_max            (double              max,
                                             double              step);
guint         _fw_chart_category_label_step (double              row,
                                             double              label_height);
void          _fw_chart_init_mark           (FwChart            *self,
                                             Mark               *mark,
                                             guint               category,
                                             guint               series);
Mark         *_fw_chart_get_mark            (FwChart            *self,
                                             guint               index);
double        _fw_chart_label_column_width  (Ctx                *ctx,
                                             Font                font,
                                             double              fraction);
void          _fw_chart_push_category_label (Ctx                *ctx,
                                             Font                font,
                                             guint               category,
                                             double              right,
                                             double              width,
                                             double              center_y);
double        _fw_chart_layout_rows         (Ctx                *ctx,
                                             guint               n,
                                             double              top,
                                             double              bottom,
                                             double              axis_h,
                                             double              max_row,
                                             Font               *font,
                                             double             *spill);

/* fw-chart-layout-bars.c */
void          _fw_chart_layout_bars         (Ctx                *ctx,
                                             double              top,
                                             double              bottom);
void          _fw_chart_layout_columns      (Ctx                *ctx,
                                             double              top,
                                             double              bottom);

/* fw-chart-layout-timeline.c */
void          _fw_chart_layout_timeline     (Ctx                *ctx,
                                             double              top,
                                             double              bottom);

G_END_DECLS
