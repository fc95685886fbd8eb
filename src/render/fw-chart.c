/* fw-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fw-chart-private.h"

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

G_DEFINE_FINAL_TYPE (FwChart, fw_chart, G_TYPE_OBJECT)

#define HIT_RADIUS 8.0
#define MAX_TICKS  10

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_free (category->label);
  g_free (category->full_label);
  g_clear_pointer (&category->values, g_array_unref);
}

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_free (series->name);
}

static void
text_clear (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
}

static void
fw_chart_invalidate (FwChart *self)
{
  self->valid = FALSE;
}

static void
fw_chart_finalize (GObject *object)
{
  FwChart *self = (FwChart *)object;

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->value_label, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->watermark, g_free);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->swatches, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->label_texts, g_array_unref);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (fw_chart_parent_class)->finalize (object);
}

static void
fw_chart_class_init (FwChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_chart_finalize;
}

static void
fw_chart_init (FwChart *self)
{
  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, category_clear);
  self->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (self->series, series_clear);
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));

  self->texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (self->texts, text_clear);
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->swatches = g_array_new (FALSE, FALSE, sizeof (Swatch));
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->label_texts = g_array_new (FALSE, FALSE, sizeof (gint));

  self->highlight = -1;
}

/* Styles */

static void
set_hex (double      rgba[4],
         const char *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgba[0] = ((value >> 16) & 0xff) / 255.0;
  rgba[1] = ((value >> 8) & 0xff) / 255.0;
  rgba[2] = (value & 0xff) / 255.0;
  rgba[3] = 1.0;
}

static void
mix (double        out[4],
     const double  a[4],
     const double  b[4],
     double        t)
{
  for (guint i = 0; i < 3; i++)
    out[i] = a[i] * (1 - t) + b[i] * t;
  out[3] = a[3];
}

/* Okabe & Ito, "Color Universal Design" (2008): distinguishable with every
 * common colour-vision deficiency. */
static const char *okabe_ito[8] = {
  "#0072B2", /* blue */
  "#E69F00", /* orange */
  "#009E73", /* bluish green */
  "#CC79A7", /* reddish purple */
  "#56B4E9", /* sky blue */
  "#D55E00", /* vermillion */
  "#F0E442", /* yellow */
  "#000000",
};

static void
style_init_common (FwChartStyle *style)
{
  memset (style, 0, sizeof *style);
  style->font_family = "Sans";
  style->font_size = 11.0;
  style->transparent = FALSE;
}

void
fw_chart_style_init_light (FwChartStyle *style)
{
  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, "#FFFFFF");
  set_hex (style->foreground, "#2E3436");
  set_hex (style->muted, "#5E5C64");
  set_hex (style->grid, "#DEDDDA");
  set_hex (style->highlight, "#000000");
  for (guint i = 0; i < 8; i++)
    set_hex (style->palette[i], okabe_ito[i]);
}

void
fw_chart_style_init_dark (FwChartStyle *style)
{
  double white[4] = { 1, 1, 1, 1 };

  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, "#242424");
  set_hex (style->foreground, "#FFFFFF");
  set_hex (style->muted, "#C0BFBC");
  set_hex (style->grid, "#3D3D3D");
  set_hex (style->highlight, "#FFFFFF");
  for (guint i = 0; i < 8; i++)
    set_hex (style->palette[i], okabe_ito[i]);
  /* The dark hues fall under 3:1 against #242424; lift them toward white
   * without changing their order or hue, blue only a little so that it
   * stays apart from sky blue. */
  mix (style->palette[0], style->palette[0], white, 0.12);
  mix (style->palette[2], style->palette[2], white, 0.20);
  mix (style->palette[5], style->palette[5], white, 0.15);
  set_hex (style->palette[7], "#FFFFFF");
}

void
fw_chart_style_init_high_contrast (FwChartStyle *style,
                                   gboolean      dark)
{
  double black[4] = { 0, 0, 0, 1 };
  double white[4] = { 1, 1, 1, 1 };

  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, dark ? "#000000" : "#FFFFFF");
  set_hex (style->foreground, dark ? "#FFFFFF" : "#000000");
  set_hex (style->muted, dark ? "#FFFFFF" : "#000000");
  set_hex (style->grid, dark ? "#6E6E6E" : "#949494");
  set_hex (style->highlight, dark ? "#FFFFFF" : "#000000");
  for (guint i = 0; i < 7; i++)
    {
      set_hex (style->palette[i], okabe_ito[i]);
      if (dark)
        mix (style->palette[i], style->palette[i], white, 0.30);
      else
        mix (style->palette[i], style->palette[i], black, 0.30);
    }
  set_hex (style->palette[7], dark ? "#FFFFFF" : "#000000");
}

/* The neutral colour sits between background and muted text, so that a
 * remainder ("Other countries") recedes in light and dark alike. */
static void
series_rgba (const FwChartStyle *style,
             guint               color,
             double              rgba[4])
{
  if (color >= G_N_ELEMENTS (style->palette))
    mix (rgba, style->background, style->muted, 0.55);
  else
    memcpy (rgba, style->palette[color], 4 * sizeof (double));
  rgba[3] = 1.0;
}

static double
luminance (const double rgba[4])
{
  double l = 0;
  static const double weights[3] = { 0.2126, 0.7152, 0.0722 };

  for (guint i = 0; i < 3; i++)
    {
      double c = rgba[i];

      c = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
      l += weights[i] * c;
    }

  return l;
}

/* Data */

FwChart *
fw_chart_new (FwChartKind kind)
{
  FwChart *self;

  g_return_val_if_fail (kind <= FW_CHART_TIMELINE, NULL);

  self = g_object_new (FW_TYPE_CHART, NULL);
  self->kind = kind;

  return self;
}

FwChartKind
fw_chart_get_kind (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), FW_CHART_BARS);

  return self->kind;
}

static void
replace_string (FwChart     *self,
                char       **field,
                const char  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  fw_chart_invalidate (self);
}

void
fw_chart_set_title (FwChart    *self,
                    const char *title)
{
  g_return_if_fail (FW_IS_CHART (self));

  replace_string (self, &self->title, title);
}

const char *
fw_chart_get_title (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  return self->title;
}

void
fw_chart_set_subtitle (FwChart    *self,
                       const char *subtitle)
{
  g_return_if_fail (FW_IS_CHART (self));

  replace_string (self, &self->subtitle, subtitle);
}

const char *
fw_chart_get_subtitle (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  return self->subtitle;
}

void
fw_chart_set_value_label (FwChart    *self,
                          const char *label)
{
  g_return_if_fail (FW_IS_CHART (self));

  replace_string (self, &self->value_label, label);
}

const char *
fw_chart_get_value_label (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  return self->value_label;
}

void
fw_chart_set_value_format_func (FwChart           *self,
                                FwChartFormatFunc  func,
                                gpointer           user_data,
                                GDestroyNotify     destroy)
{
  g_return_if_fail (FW_IS_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  self->format_func = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
}

static char *
format_number (double value)
{
  if (value == floor (value))
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.1f", value);
}

char *
fw_chart_format_value (FwChart *self,
                       double   value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  if (self->format_func != NULL)
    return self->format_func (value, self->format_data);

  number = format_number (value);
  if (self->value_label == NULL || self->value_label[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, e.g. "47 firms" */
  return g_strdup_printf (C_("chart value", "%s %s"), number, self->value_label);
}

void
fw_chart_set_empty_text (FwChart    *self,
                         const char *text)
{
  g_return_if_fail (FW_IS_CHART (self));

  replace_string (self, &self->empty_text, text);
}

const char *
fw_chart_get_empty_text (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  return self->empty_text;
}

void
fw_chart_set_watermark (FwChart    *self,
                        const char *text)
{
  g_return_if_fail (FW_IS_CHART (self));

  replace_string (self, &self->watermark, text);
}

const char *
fw_chart_get_watermark (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  return self->watermark;
}

guint
fw_chart_add_category (FwChart    *self,
                       const char *label,
                       const char *full_label,
                       FwFacet     facet,
                       guint       value)
{
  Category category = { 0 };

  g_return_val_if_fail (FW_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (facet <= FW_CHART_NO_TARGET, 0);

  category.label = g_strdup (label);
  category.full_label = g_strdup (full_label);
  category.facet = facet;
  category.value = value;
  category.firm = -1;
  category.color = -1;
  category.values = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_append_val (self->categories, category);
  fw_chart_invalidate (self);

  return self->categories->len - 1;
}

guint
fw_chart_get_n_categories (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->categories->len;
}

static Category *
get_category (FwChart *self,
              guint    category)
{
  return &g_array_index (self->categories, Category, category);
}

const char *
fw_chart_get_category_label (FwChart *self,
                             guint    category)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  return get_category (self, category)->label;
}

const char *
fw_chart_get_category_full_label (FwChart *self,
                                  guint    category)
{
  Category *c;

  g_return_val_if_fail (FW_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  c = get_category (self, category);

  return c->full_label != NULL ? c->full_label : c->label;
}

void
fw_chart_set_category_firm (FwChart *self,
                            guint    category,
                            gint     firm)
{
  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  get_category (self, category)->firm = firm;
  fw_chart_invalidate (self);
}

void
fw_chart_set_category_color (FwChart *self,
                             guint    category,
                             guint    color)
{
  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  get_category (self, category)->color = MIN (color, FW_CHART_COLOR_NEUTRAL);
  fw_chart_invalidate (self);
}

gint
fw_chart_get_category_firm (FwChart *self,
                            guint    category)
{
  g_return_val_if_fail (FW_IS_CHART (self), -1);
  g_return_val_if_fail (category < self->categories->len, -1);

  return get_category (self, category)->firm;
}

guint
fw_chart_add_series (FwChart    *self,
                     const char *name,
                     guint       color)
{
  Series series = { 0 };

  g_return_val_if_fail (FW_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  series.name = g_strdup (name);
  series.color = MIN (color, FW_CHART_COLOR_NEUTRAL);
  series.facet = FW_CHART_NO_TARGET;
  g_array_append_val (self->series, series);
  fw_chart_invalidate (self);

  return self->series->len - 1;
}

void
fw_chart_set_series_target (FwChart *self,
                            guint    series,
                            FwFacet  facet,
                            guint    value)
{
  Series *s;

  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (facet <= FW_CHART_NO_TARGET);

  s = &g_array_index (self->series, Series, series);
  s->facet = facet;
  s->value = value;
  fw_chart_invalidate (self);
}

guint
fw_chart_get_n_series (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->series->len;
}

const char *
fw_chart_get_series_name (FwChart *self,
                          guint    series)
{
  g_return_val_if_fail (FW_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return g_array_index (self->series, Series, series).name;
}

void
fw_chart_set_value (FwChart *self,
                    guint    category,
                    guint    series,
                    double   value)
{
  Category *c;

  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);
  g_return_if_fail (series < self->series->len);

  c = get_category (self, category);
  if (c->values->len <= series)
    g_array_set_size (c->values, series + 1);
  g_array_index (c->values, double, series) = value;
  fw_chart_invalidate (self);
}

static double
value_at (FwChart *self,
          guint    category,
          guint    series)
{
  Category *c = get_category (self, category);
  double value;

  if (series >= c->values->len)
    return 0;

  value = g_array_index (c->values, double, series);

  return isfinite (value) && value > 0 ? value : 0;
}

double
fw_chart_get_value (FwChart *self,
                    guint    category,
                    guint    series)
{
  Category *c;

  g_return_val_if_fail (FW_IS_CHART (self), 0);
  g_return_val_if_fail (category < self->categories->len, 0);

  c = get_category (self, category);
  if (series >= c->values->len)
    return 0;

  return g_array_index (c->values, double, series);
}

static double
category_total (FwChart *self,
                guint    category)
{
  double total = 0;

  for (guint s = 0; s < self->series->len; s++)
    total += value_at (self, category, s);

  return total;
}

void
fw_chart_set_x_range (FwChart *self,
                      double   min,
                      double   max)
{
  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (min <= max);

  self->x_min = min;
  self->x_max = max;
  self->has_x_range = TRUE;
  fw_chart_invalidate (self);
}

void
fw_chart_add_point (FwChart *self,
                    guint    category,
                    double   x,
                    guint    series)
{
  Point point = { category, series, x };

  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (isfinite (x));

  g_array_append_val (self->points, point);
  fw_chart_invalidate (self);
}

guint
fw_chart_get_n_points (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->points->len;
}

gboolean
fw_chart_is_empty (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), TRUE);

  if (self->kind == FW_CHART_TIMELINE)
    return self->points->len == 0;

  for (guint c = 0; c < self->categories->len; c++)
    if (category_total (self, c) > 0)
      return FALSE;

  return TRUE;
}

/* Layout helpers */

typedef struct
{
  FwChart              *self;
  PangoFontDescription *fonts[N_FONTS];
  double                em;       /* the body font's size in units */
  double                pad;
  double                width, height;
} Ctx;

static PangoContext *
get_pango_context (FwChart *self)
{
  if (self->pango == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Unhinted metrics: the same layout for the screen, PNG, SVG and PDF,
       * so that marks hit-tested on screen are where the file has them. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      self->pango = pango_font_map_create_context (map);
      pango_cairo_context_set_resolution (self->pango, 96.0);
      pango_cairo_context_set_font_options (self->pango, options);
      pango_context_set_round_glyph_positions (self->pango, FALSE);
      pango_context_set_language (self->pango, pango_language_get_default ());
      cairo_font_options_destroy (options);
    }

  return self->pango;
}

static PangoLayout *
new_layout (Ctx        *ctx,
            Font        font,
            const char *text,
            double      max_width,
            int         max_lines)
{
  PangoLayout *layout = pango_layout_new (get_pango_context (ctx->self));

  pango_layout_set_font_description (layout, ctx->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  if (max_lines <= 1)
    pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
text_width (Ctx        *ctx,
            Font        font,
            const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (ctx, font, text, -1, 1);
  double width;

  layout_size (layout, &width, NULL);

  return width;
}

static double
line_height (Ctx  *ctx,
             Font  font)
{
  g_autoptr(PangoLayout) layout = new_layout (ctx, font, "0", -1, 1);
  double height;

  layout_size (layout, NULL, &height);

  return height;
}

/* Takes @layout; returns the text's index. */
static guint
push_text (Ctx         *ctx,
           PangoLayout *layout,
           double       x,
           double       y,
           Ink          ink)
{
  Text text = { layout, x, y, 0, 0, ink, 0 };

  layout_size (layout, &text.width, &text.height);
  g_array_append_val (ctx->self->texts, text);

  return ctx->self->texts->len - 1;
}

static Text *
get_text (FwChart *self,
          guint    index)
{
  return &g_array_index (self->texts, Text, index);
}

static void
push_line (Ctx      *ctx,
           double    x0,
           double    y0,
           double    x1,
           double    y1,
           LineKind  kind)
{
  Line line = { x0, y0, x1, y1, kind };

  g_array_append_val (ctx->self->lines, line);
}

static void
set_label_text (Ctx   *ctx,
                guint  category,
                gint   text)
{
  g_array_index (ctx->self->label_texts, gint, category) = text;
}

static gboolean
overlaps (double a0,
          double a1,
          double b0,
          double b1)
{
  return a0 < b1 && b0 < a1;
}

/* Header: title, subtitle, legend.  Returns its height; with @commit
 * FALSE only measures. */
static double
layout_header (Ctx      *ctx,
               double    y,
               int       title_lines,
               int       subtitle_lines,
               gboolean  commit)
{
  FwChart *self = ctx->self;
  double x = ctx->pad;
  double width = MAX (ctx->width - 2 * ctx->pad, 1);
  double top = y;

  if (self->title != NULL && self->title[0] != '\0')
    {
      PangoLayout *layout = new_layout (ctx, FONT_TITLE, self->title, width, title_lines);
      double h;

      layout_size (layout, NULL, &h);
      if (commit)
        push_text (ctx, layout, x, y, INK_FOREGROUND);
      else
        g_object_unref (layout);
      y += h + 0.15 * ctx->em;
    }

  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    {
      PangoLayout *layout = new_layout (ctx, FONT_BODY, self->subtitle, width, subtitle_lines);
      double h;

      layout_size (layout, NULL, &h);
      if (commit)
        push_text (ctx, layout, x, y, INK_MUTED);
      else
        g_object_unref (layout);
      y += h;
    }

  if (self->series->len > 1)
    {
      double swatch = round (0.75 * ctx->em);
      double gap = 0.4 * ctx->em;
      double spacing = 1.1 * ctx->em;
      double lh = MAX (line_height (ctx, FONT_SMALL), swatch);
      double cx = x;

      y += 0.6 * ctx->em;
      for (guint s = 0; s < self->series->len; s++)
        {
          const Series *series = &g_array_index (self->series, Series, s);
          PangoLayout *layout = new_layout (ctx, FONT_SMALL, series->name,
                                            width - swatch - gap, 1);
          double tw, th;

          layout_size (layout, &tw, &th);
          if (cx > x && cx + swatch + gap + tw > x + width)
            {
              cx = x;
              y += lh + 0.25 * ctx->em;
            }
          if (commit)
            {
              Swatch sw = {
                round (cx), round (y + (lh - swatch) / 2), swatch, series->color,
                self->kind == FW_CHART_TIMELINE,
              };

              g_array_append_val (self->swatches, sw);
              push_text (ctx, layout, cx + swatch + gap, y + (lh - th) / 2, INK_FOREGROUND);
            }
          else
            g_object_unref (layout);
          cx += swatch + gap + tw + spacing;
        }
      y += lh;
    }

  return y - top;
}

/* Value axis: the smallest 1-2-5 step at least @min_step, whole numbers
 * only since the values are counts. */
static double
nice_step (double min_step)
{
  double magnitude, fraction;

  if (min_step <= 1)
    return 1;

  magnitude = pow (10, floor (log10 (min_step)));
  fraction = min_step / magnitude;
  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static double
next_step (double step)
{
  return nice_step (step * 1.01);
}

static double
axis_max (double max,
          double step)
{
  return MAX (ceil (max / step - 1e-9) * step, step);
}

static guint
category_label_step (double row,
                     double label_height)
{
  if (row >= label_height || row <= 0)
    return 1;

  return (guint) ceil (label_height / row);
}

static void
push_rect_mark (Ctx    *ctx,
                guint   category,
                guint   series,
                double  value,
                double  x,
                double  y,
                double  width,
                double  height)
{
  FwChart *self = ctx->self;
  const Category *c = get_category (self, category);
  const Series *s = &g_array_index (self->series, Series, series);
  Mark mark = { { 0 } };

  mark.mark.index = self->marks->len;
  mark.mark.category = category;
  mark.mark.series = series;
  if (s->facet != FW_CHART_NO_TARGET)
    {
      mark.mark.facet = s->facet;
      mark.mark.value = s->value;
    }
  else
    {
      mark.mark.facet = c->facet;
      mark.mark.value = c->value;
    }
  mark.mark.firm = c->firm;
  mark.mark.x = x;
  mark.mark.y = y;
  mark.mark.width = width;
  mark.mark.height = height;
  mark.hit_x = x;
  mark.hit_y = y;
  mark.hit_width = width;
  mark.hit_height = height;
  mark.datum = value;
  mark.color = c->color >= 0 ? (guint) c->color : s->color;
  g_array_append_val (self->marks, mark);
}

static Mark *
get_mark (FwChart *self,
          guint    index)
{
  return &g_array_index (self->marks, Mark, index);
}

/* A value written inside its segment, when it fits with room to spare. */
static void
push_segment_label (Ctx    *ctx,
                    guint   mark_index,
                    double  value)
{
  Mark *mark = get_mark (ctx->self, mark_index);
  g_autofree char *number = format_number (value);
  PangoLayout *layout = new_layout (ctx, FONT_TINY, number, -1, 1);
  double tw, th;
  guint index;

  layout_size (layout, &tw, &th);
  if (tw + 6 > mark->mark.width || th + 2 > mark->mark.height)
    {
      g_object_unref (layout);
      return;
    }

  index = push_text (ctx, layout,
                     mark->mark.x + (mark->mark.width - tw) / 2,
                     mark->mark.y + (mark->mark.height - th) / 2,
                     INK_ON_MARK);
  get_text (ctx->self, index)->mark = mark_index;
}

/* The width of the category labels' column: their natural width, at most
 * @fraction of the chart. */
static double
label_column_width (Ctx    *ctx,
                    Font    font,
                    double  fraction)
{
  FwChart *self = ctx->self;
  double widest = 0;

  for (guint c = 0; c < self->categories->len; c++)
    widest = MAX (widest, text_width (ctx, font, get_category (self, c)->label));

  return ceil (MIN (widest, fraction * ctx->width));
}

static void
push_category_label (Ctx    *ctx,
                     Font    font,
                     guint   category,
                     double  right,
                     double  width,
                     double  center_y)
{
  PangoLayout *layout = new_layout (ctx, font, get_category (ctx->self, category)->label, width, 1);
  double tw, th;

  layout_size (layout, &tw, &th);
  set_label_text (ctx, category, push_text (ctx, layout, right - tw, center_y - th / 2, INK_FOREGROUND));
}

/* Rows for @n categories between @top and @bottom less @axis_h, at most
 * @max_row high.  Rows thinner than a body line get the small font, and
 * the last label may spill below its row: the axis moves down by @spill. */
static double
layout_rows (Ctx    *ctx,
             guint   n,
             double  top,
             double  bottom,
             double  axis_h,
             double  max_row,
             Font   *font,
             double *spill)
{
  double row = MAX (MIN ((bottom - top - axis_h) / n, max_row), 1);
  double label_h;

  *font = row >= line_height (ctx, FONT_BODY) ? FONT_BODY : FONT_SMALL;
  label_h = line_height (ctx, *font);
  *spill = MAX (0, (label_h - row) / 2);
  if (*spill > 0)
    row = MAX ((bottom - top - axis_h - *spill) / n, 1);

  return row;
}

static void
layout_bars (Ctx    *ctx,
             double  top,
             double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  guint n_series = self->series->len;
  double em = ctx->em;
  double value_gap = 0.4 * em;
  double tick_h = line_height (ctx, FONT_SMALL);
  double axis_h = 0.35 * em + tick_h;
  double max = 0, value_w = 0;
  double label_w, x0, x1, row, bar, step, amax, scale, rows_bottom, spill;
  guint label_step;
  Font label_font;

  row = layout_rows (ctx, n, top, bottom, axis_h, 3.0 * em, &label_font, &spill);
  label_w = label_column_width (ctx, label_font, 0.35);
  bar = MAX (round (MIN (row * 0.7, 1.6 * em)), 1);
  label_step = category_label_step (row, line_height (ctx, label_font));
  rows_bottom = top + n * row;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *number = format_number (category_total (self, c));

      max = MAX (max, category_total (self, c));
      value_w = MAX (value_w, text_width (ctx, FONT_SMALL, number));
    }

  x0 = ctx->pad + label_w + 0.6 * em;
  x1 = ctx->width - ctx->pad - value_w - value_gap;
  if (x1 - x0 < 2 * em)
    {
      /* Very narrow: give the bars a minimum by narrowing the labels. */
      label_w = MAX (label_w - (2 * em - (x1 - x0)), em);
      x0 = ctx->pad + label_w + 0.6 * em;
      x1 = MAX (x1, x0 + 2 * em);
    }

  /* Ticks about every five ems but at most ten of them, further apart if
   * their labels would touch. */
  step = nice_step (max / CLAMP (floor ((x1 - x0) / (5 * em)), 1, MAX_TICKS));
  for (;;)
    {
      double prev_right = -G_MAXDOUBLE;
      gboolean fits = TRUE;

      amax = axis_max (max, step);
      for (double v = 0; v <= amax + step / 2 && fits; v += step)
        {
          g_autofree char *number = format_number (v);
          double tw = text_width (ctx, FONT_SMALL, number);
          double tx = x0 + v / amax * (x1 - x0) - tw / 2;

          if (tx < prev_right + 0.5 * em)
            fits = FALSE;
          prev_right = tx + tw;
        }
      if (fits)
        break;
      step = next_step (step);
    }
  scale = (x1 - x0) / amax;

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = format_number (v);
      PangoLayout *layout = new_layout (ctx, FONT_SMALL, number, -1, 1);
      double x = round (x0 + v * scale);
      double tw;

      layout_size (layout, &tw, NULL);
      if (v > 0)
        push_line (ctx, x, top, x, rows_bottom, LINE_GRID);
      push_text (ctx, layout,
                 CLAMP (x - tw / 2, ctx->pad, ctx->width - ctx->pad - tw),
                 rows_bottom + spill + 0.35 * em, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = top + (c + 0.5) * row;
      double y = round (center - bar / 2);
      double total = category_total (self, c);
      double sum = 0;
      gint first = -1, last = -1;

      for (guint s = 0; s < n_series; s++)
        {
          double v = value_at (self, c, s);
          double left, right;

          if (v <= 0)
            continue;

          left = round (x0 + sum * scale);
          sum += v;
          right = round (x0 + sum * scale);
          /* A hair of background between stacked segments. */
          if (last >= 0 && right - left > 2)
            left += 1;
          push_rect_mark (ctx, c, s, v, left, y, MAX (right - left, 1), bar);
          if (first < 0)
            first = self->marks->len - 1;
          last = self->marks->len - 1;
          if (n_series > 1)
            push_segment_label (ctx, last, v);
        }

      /* Each segment answers for its row band; the first and last also for
       * the label and the value beside them. */
      for (gint m = first; m >= 0 && m <= last; m++)
        {
          Mark *mark = get_mark (self, m);
          double left = m == first ? ctx->pad : mark->mark.x;
          double right = m == last ? ctx->width - ctx->pad : mark->mark.x + mark->mark.width;

          mark->hit_x = left;
          mark->hit_y = top + c * row;
          mark->hit_width = right - left;
          mark->hit_height = row;
        }

      if (c % label_step == 0)
        {
          g_autofree char *number = format_number (total);
          PangoLayout *layout = new_layout (ctx, FONT_SMALL, number, -1, 1);
          double vx = x0 + total * scale + value_gap;
          double th;
          gboolean clear = TRUE;

          push_category_label (ctx, label_font, c, ctx->pad + label_w, label_w, center);
          layout_size (layout, NULL, &th);

          /* Rows thinner than the text: the value must clear the longer
           * bars of the rows it reaches into. */
          for (guint r = 0; r < n && clear; r++)
            if (r != c && overlaps (top + r * row, top + (r + 1) * row, center - th / 2, center + th / 2))
              clear = x0 + category_total (self, r) * scale + 1 <= vx;

          if (clear)
            push_text (ctx, layout, vx, center - th / 2, INK_FOREGROUND);
          else
            g_object_unref (layout);
        }
    }

  push_line (ctx, x0, top, x0, rows_bottom, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = top;
  self->plot_width = x1 - x0;
  self->plot_height = rows_bottom - top;
}

static gboolean
parse_integer (const char *text,
               gint64     *value)
{
  char *end = NULL;

  *value = g_ascii_strtoll (text, &end, 10);

  return end != text && *end == '\0';
}

static void
layout_columns (Ctx    *ctx,
                double  top,
                double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  guint n_series = self->series->len;
  double em = ctx->em;
  double small_h = line_height (ctx, FONT_SMALL);
  /* Below the "0" of the value axis, which is centred on the baseline. */
  double x_label_gap = MAX (0.35 * em, small_h / 2 + 0.15 * em);
  double x_axis_h = x_label_gap + small_h;
  double total_h = small_h + 0.2 * em;
  double y0 = top + total_h;
  double y1 = bottom - x_axis_h;
  double max = 0, gutter = 0, totals_w = 0;
  double x0, x1, band, bar, step, amax, scale;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint thin = 1;
  static const guint thin_steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *number = format_number (category_total (self, c));

      max = MAX (max, category_total (self, c));
      totals_w = MAX (totals_w, text_width (ctx, FONT_SMALL, number));
    }

  /* Columns stretched much taller than wide stop reading as a trend. */
  y1 = MIN (y1, y0 + MAX (0.6 * ctx->width, 15 * em));
  y1 = MAX (y1, y0 + 1);
  step = nice_step (max / CLAMP (floor ((y1 - y0) / (2.5 * em)), 1, MAX_TICKS));
  while ((y1 - y0) * step / axis_max (max, step) < small_h * 1.2 && step < max)
    step = next_step (step);
  amax = axis_max (max, step);
  scale = (y1 - y0) / amax;

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = format_number (v);

      gutter = MAX (gutter, text_width (ctx, FONT_SMALL, number));
    }
  x0 = ctx->pad + ceil (gutter) + 0.5 * em;
  x1 = MAX (ctx->width - ctx->pad, x0 + 1);
  band = (x1 - x0) / n;
  bar = MAX (round (MIN (band * 0.72, 4 * em)), 1);

  for (double v = 0; v <= amax + step / 2; v += step)
    {
      g_autofree char *number = format_number (v);
      PangoLayout *layout = new_layout (ctx, FONT_SMALL, number, -1, 1);
      double y = round (y1 - v * scale);
      double tw, th;

      layout_size (layout, &tw, &th);
      if (v > 0)
        push_line (ctx, x0, y, x1, y, LINE_GRID);
      push_text (ctx, layout, x0 - 0.5 * em - tw, y - th / 2, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = x0 + (c + 0.5) * band;
      double x = round (center - bar / 2);
      double total = category_total (self, c);
      double sum = 0;
      gint first = -1, last = -1;

      for (guint s = 0; s < n_series; s++)
        {
          double v = value_at (self, c, s);
          double low, high;

          if (v <= 0)
            continue;

          low = round (y1 - sum * scale);
          sum += v;
          high = round (y1 - sum * scale);
          if (last >= 0 && low - high > 2)
            low -= 1;
          push_rect_mark (ctx, c, s, v, x, high, bar, MAX (low - high, 1));
          if (first < 0)
            first = self->marks->len - 1;
          last = self->marks->len - 1;
        }

      for (gint m = first; m >= 0 && m <= last; m++)
        {
          Mark *mark = get_mark (self, m);
          double high = m == last ? top : mark->mark.y;
          double low = m == first ? y1 + x_axis_h : mark->mark.y + mark->mark.height;

          mark->hit_x = x0 + c * band;
          mark->hit_y = high;
          mark->hit_width = band;
          mark->hit_height = low - high;
        }

      /* Totals above the columns, when every one fits its band. */
      if (totals_w + 2 <= band)
        {
          g_autofree char *number = format_number (total);
          PangoLayout *layout = new_layout (ctx, FONT_SMALL, number, -1, 1);
          double tw, th;

          layout_size (layout, &tw, &th);
          push_text (ctx, layout, center - tw / 2, y1 - total * scale - 0.15 * em - th, INK_FOREGROUND);
        }
    }

  /* Category labels: the ones that are not numbers (e.g. "(unknown)")
   * always, then numbers on a round step that keeps them apart. */
  {
    guint n_numbers = 0;
    double widest = 0;

    for (guint c = 0; c < n; c++)
      {
        gint64 number;

        widest = MAX (widest, text_width (ctx, FONT_SMALL, get_category (self, c)->label));
        if (parse_integer (get_category (self, c)->label, &number))
          n_numbers++;
      }
    widest = MIN (widest, MAX (band - 0.3 * em, 3.5 * em));
    for (guint i = 0; i < G_N_ELEMENTS (thin_steps); i++)
      {
        thin = thin_steps[i];
        if (thin * band >= widest + 0.6 * em)
          break;
      }

    for (guint pass = 0; pass < 2; pass++)
      for (guint c = 0; c < n; c++)
        {
          const char *label = get_category (self, c)->label;
          gboolean numeric;
          gint64 number;
          PangoLayout *layout;
          double tw, th, left, ends[2];
          gboolean clear = TRUE;

          numeric = n_numbers > 0 && parse_integer (label, &number);
          if (pass == 0 ? numeric : !numeric)
            continue;
          /* Round numbers (2005, 2010) when labels must be thinned. */
          if (numeric && number % thin != 0)
            continue;
          if (!numeric && n_numbers == 0 && c % thin != 0)
            continue;

          layout = new_layout (ctx, FONT_SMALL, label,
                               numeric || n_numbers == 0 ? widest : MAX (widest, 7 * em), 1);
          layout_size (layout, &tw, &th);
          left = CLAMP (x0 + (c + 0.5) * band - tw / 2, ctx->pad, ctx->width - ctx->pad - tw);
          for (guint p = 0; p < placed->len && clear; p++)
            {
              const double *other = &g_array_index (placed, double, p * 2);

              clear = !overlaps (left - 0.3 * em, left + tw + 0.3 * em, other[0], other[1]);
            }
          if (!clear)
            {
              g_object_unref (layout);
              continue;
            }
          ends[0] = left;
          ends[1] = left + tw;
          g_array_append_vals (placed, ends, 1);
          set_label_text (ctx, c, push_text (ctx, layout, left, y1 + x_label_gap, INK_MUTED));
        }
  }

  push_line (ctx, x0, y1, x1, y1, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = y0;
  self->plot_width = x1 - x0;
  self->plot_height = y1 - y0;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a;
  const Point *pb = b;

  if (pa->category != pb->category)
    return pa->category < pb->category ? -1 : 1;
  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  if (pa->series != pb->series)
    return pa->series < pb->series ? -1 : 1;
  return 0;
}

static void
layout_timeline (Ctx    *ctx,
                 double  top,
                 double  bottom)
{
  FwChart *self = ctx->self;
  guint n = self->categories->len;
  double em = ctx->em;
  double small_h = line_height (ctx, FONT_SMALL);
  double axis_h = 0.35 * em + small_h;
  double year_w = text_width (ctx, FONT_SMALL, "0000");
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
  double label_w, x0, x1, row, radius, unit, step, first_tick, spill;
  g_autoptr(GArray) points = g_array_copy (self->points);
  guint label_step;
  Font label_font;

  row = layout_rows (ctx, n, top, bottom, axis_h, 2.6 * em, &label_font, &spill);
  label_w = label_column_width (ctx, label_font, 0.3);
  radius = CLAMP ((row - 3) / 4.4, 2, 5);
  label_step = category_label_step (row, line_height (ctx, label_font));

  g_array_sort (points, compare_points);

  if (self->has_x_range)
    {
      min = self->x_min;
      max = self->x_max;
    }
  for (guint i = 0; i < points->len; i++)
    {
      min = MIN (min, g_array_index (points, Point, i).x);
      max = MAX (max, g_array_index (points, Point, i).x);
    }

  x0 = ctx->pad + label_w + 0.8 * em;
  x1 = ctx->width - ctx->pad - year_w / 2;
  x1 = MAX (x1, x0 + 2 * em);
  /* Half a unit of room at either end so that the outer dots sit inside. */
  unit = (x1 - x0) / (max - min + 1);

#define X_OF(v) (x0 + ((v) - min + 0.5) * unit)


  step = 1;
  while (step * unit < year_w + 0.8 * em && step < (max - min + 1) * 1000)
    step = next_step (step);
  first_tick = ceil (min / step) * step;
  for (double v = first_tick; v <= max + 1e-9; v += step)
    {
      g_autofree char *number = format_number (v);
      PangoLayout *layout = new_layout (ctx, FONT_SMALL, number, -1, 1);
      double x = round (X_OF (v));
      double tw;

      layout_size (layout, &tw, NULL);
      push_line (ctx, x, top, x, top + n * row, LINE_GRID);
      push_text (ctx, layout,
                 CLAMP (x - tw / 2, ctx->pad, ctx->width - ctx->pad - tw),
                 top + n * row + spill + 0.35 * em, INK_MUTED);
    }

  for (guint c = 0; c < n; c++)
    {
      double center = top + (c + 0.5) * row;

      if (c % label_step == 0)
        push_category_label (ctx, label_font, c, ctx->pad + label_w, label_w, center);
    }

  for (guint i = 0; i < points->len;)
    {
      const Point *p = &g_array_index (points, Point, i);
      double center = top + (p->category + 0.5) * row;
      guint j = i;

      /* Points sharing a row and an x are stacked across the row. */
      while (j < points->len &&
             g_array_index (points, Point, j).category == p->category &&
             g_array_index (points, Point, j).x == p->x)
        j++;

      for (guint k = i; k < j; k++)
        {
          const Point *q = &g_array_index (points, Point, k);
          const Series *s = &g_array_index (self->series, Series, q->series);
          const Category *cat = get_category (self, q->category);
          double cx = X_OF (q->x);
          double cy = center + (k - i - (j - i - 1) / 2.0) * (2 * radius + 1.5);
          Mark mark = { { 0 } };

          mark.mark.index = self->marks->len;
          mark.mark.category = q->category;
          mark.mark.series = q->series;
          mark.mark.facet = s->facet != FW_CHART_NO_TARGET ? s->facet : cat->facet;
          mark.mark.value = s->facet != FW_CHART_NO_TARGET ? s->value : cat->value;
          mark.mark.firm = cat->firm;
          mark.mark.x = cx - radius;
          mark.mark.y = cy - radius;
          mark.mark.width = 2 * radius;
          mark.mark.height = 2 * radius;
          mark.hit_x = cx;
          mark.hit_y = cy;
          mark.datum = q->x;
          mark.color = s->color;
          mark.dot = TRUE;
          g_array_append_val (self->marks, mark);
        }

      i = j;
    }

  /* A row's span, first dot to last, read as "active from … to …". */
  for (guint i = 0; i < self->marks->len;)
    {
      const Mark *first = get_mark (self, i);
      guint j = i;

      while (j + 1 < self->marks->len && get_mark (self, j + 1)->mark.category == first->mark.category)
        j++;
      if (j > i)
        {
          double y = top + (first->mark.category + 0.5) * row;

          push_line (ctx, X_OF (first->datum), y, X_OF (get_mark (self, j)->datum), y, LINE_RANGE);
        }
      i = j + 1;
    }

#undef X_OF

  push_line (ctx, x0, top + n * row, x1, top + n * row, LINE_AXIS);

  self->plot_x = x0;
  self->plot_y = top;
  self->plot_width = x1 - x0;
  self->plot_height = n * row;
}

static void
clear_layout (FwChart *self)
{
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->swatches, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->label_texts, 0);
  self->plot_x = self->plot_y = self->plot_width = self->plot_height = 0;
}

static void
compute_layout (FwChart            *self,
                double              width,
                double              height,
                const FwChartStyle *style)
{
  static const double scales[N_FONTS] = { 1.3, 1.0, 0.85, 0.8 };
  Ctx ctx = { self };
  /* Thumbnails get slightly smaller text, as in responsive charts. */
  double scale = CLAMP (MIN (width / 640, height / 420), 0.8, 1.0);
  double top, bottom, header, budget;
  int title_lines = 2, subtitle_lines = 4;

  clear_layout (self);
  g_array_set_size (self->label_texts, self->categories->len);
  for (guint c = 0; c < self->categories->len; c++)
    set_label_text (&ctx, c, -1);

  for (guint i = 0; i < N_FONTS; i++)
    {
      ctx.fonts[i] = pango_font_description_from_string (style->font_family != NULL ? style->font_family : "Sans");
      pango_font_description_set_size (ctx.fonts[i], (int) round (style->font_size * scale * scales[i] * PANGO_SCALE));
    }
  pango_font_description_set_weight (ctx.fonts[FONT_TITLE], PANGO_WEIGHT_BOLD);

  ctx.width = width;
  ctx.height = height;
  ctx.em = style->font_size * scale * 96.0 / 72.0;
  ctx.pad = CLAMP (round (ctx.em * 0.9), 6, 24);

  top = ctx.pad;
  bottom = height - ctx.pad;

  self->em = ctx.em;
  self->pad = ctx.pad;
  self->has_footer = self->watermark != NULL && self->watermark[0] != '\0';
  if (self->has_footer)
    {
      PangoLayout *layout = new_layout (&ctx, FONT_TINY, self->watermark, width - 2 * ctx.pad, 1);
      double tw, th;

      layout_size (layout, &tw, &th);
      push_text (&ctx, layout, width - ctx.pad - tw, height - ctx.pad - th, INK_MUTED);
      bottom -= th + 0.4 * ctx.em;
    }

  /* The header may take at most about 40 % of the height: the subtitle
   * gives up lines first, then the title. */
  budget = 0.4 * (bottom - top);
  header = layout_header (&ctx, top, title_lines, subtitle_lines, FALSE);
  while (header > budget && (subtitle_lines > 1 || title_lines > 1))
    {
      if (subtitle_lines > 1)
        subtitle_lines--;
      else
        title_lines--;
      header = layout_header (&ctx, top, title_lines, subtitle_lines, FALSE);
    }
  top += layout_header (&ctx, top, title_lines, subtitle_lines, TRUE);
  top += 0.9 * ctx.em;

  self->empty = fw_chart_is_empty (self);
  if (self->empty)
    {
      const char *text = self->empty_text != NULL ? self->empty_text : _("No data");
      PangoLayout *layout = new_layout (&ctx, FONT_BODY, text, width - 2 * ctx.pad, 3);
      double th;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      layout_size (layout, NULL, &th);
      push_text (&ctx, layout, ctx.pad, top + MAX (0, (bottom - top - th) / 2), INK_MUTED);
      self->plot_x = ctx.pad;
      self->plot_y = top;
      self->plot_width = width - 2 * ctx.pad;
      self->plot_height = MAX (bottom - top, 0);
    }
  else
    {
      bottom = MAX (bottom, top + 1);
      switch (self->kind)
        {
        case FW_CHART_BARS:
          layout_bars (&ctx, top, bottom);
          break;
        case FW_CHART_COLUMNS:
          layout_columns (&ctx, top, bottom);
          break;
        case FW_CHART_TIMELINE:
          layout_timeline (&ctx, top, bottom);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (ctx.fonts[i]);
}

double
fw_chart_get_natural_height (FwChart            *self,
                             double              width,
                             const FwChartStyle *style)
{
  double bottom = 0, natural;
  guint first = 0, last;

  g_return_val_if_fail (FW_IS_CHART (self), 0);

  /* Laid out very tall, every row gets its largest height; the content
   * then ends where it wants to, and the footer goes right below. */
  fw_chart_layout (self, width, 100000, style);
  last = self->texts->len;
  if (self->has_footer)
    first++;
  if (self->empty)
    last--;   /* the empty text, centred in all that height */
  for (guint i = first; i < last; i++)
    bottom = MAX (bottom, get_text (self, i)->y + get_text (self, i)->height);
  for (guint i = 0; i < self->marks->len; i++)
    bottom = MAX (bottom, get_mark (self, i)->mark.y + get_mark (self, i)->mark.height);

  if (self->empty)
    bottom += 4 * self->em + get_text (self, last)->height;
  natural = bottom + self->pad;
  if (self->has_footer)
    natural += 0.4 * self->em + get_text (self, 0)->height;
  fw_chart_invalidate (self);

  return ceil (natural);
}

void
fw_chart_layout (FwChart            *self,
                 double              width,
                 double              height,
                 const FwChartStyle *style)
{
  FwChartStyle fallback;

  g_return_if_fail (FW_IS_CHART (self));

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  width = MAX (width, 1);
  height = MAX (height, 1);

  if (self->valid &&
      self->width == width &&
      self->height == height &&
      self->font_size == style->font_size &&
      g_strcmp0 (self->font_family, style->font_family) == 0)
    return;

  compute_layout (self, width, height, style);

  self->valid = TRUE;
  self->width = width;
  self->height = height;
  self->font_size = style->font_size;
  g_free (self->font_family);
  self->font_family = g_strdup (style->font_family);

  if (self->highlight >= (gint) self->marks->len)
    self->highlight = -1;
}

/* Drawing: a read of the layout. */

static void
set_source (cairo_t      *cr,
            const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* Thin lines on pixel centres, so that a 1-unit line is one crisp pixel
 * at scale 1. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
draw_lines (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style,
            LineKind            kind)
{
  gboolean dark = luminance (style->background) < 0.2;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      if (line->kind != kind)
        continue;

      if (kind == LINE_RANGE)
        {
          double rgba[4];

          mix (rgba, style->background, style->muted, dark ? 0.45 : 0.35);
          set_source (cr, rgba);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, line->x0, line->y0);
          cairo_line_to (cr, line->x1, line->y1);
        }
      else
        {
          double rgba[4];

          if (kind == LINE_AXIS)
            mix (rgba, style->background, style->foreground, 0.6);
          else
            memcpy (rgba, style->grid, sizeof rgba);
          set_source (cr, rgba);
          cairo_set_line_width (cr, 1);
          if (line->x0 == line->x1)
            {
              cairo_move_to (cr, crisp (line->x0), line->y0);
              cairo_line_to (cr, crisp (line->x1), line->y1);
            }
          else
            {
              cairo_move_to (cr, line->x0, crisp (line->y0));
              cairo_line_to (cr, line->x1, crisp (line->y1));
            }
        }
      cairo_stroke (cr);
    }
}

static void
mark_fill (const FwChartStyle *style,
           const Mark         *mark,
           gboolean            highlighted,
           double              rgba[4])
{
  double white[4] = { 1, 1, 1, 1 };

  series_rgba (style, mark->color, rgba);
  if (highlighted)
    mix (rgba, rgba, white, 0.3);
}

static void
draw_marks (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = get_mark (self, i);
      const FwChartMark *m = &mark->mark;
      gboolean highlighted = (gint) i == self->highlight;
      double rgba[4];

      mark_fill (style, mark, highlighted, rgba);
      set_source (cr, rgba);
      if (mark->dot)
        {
          double r = m->width / 2;

          cairo_arc (cr, m->x + r, m->y + r, r, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          /* A ring of background keeps touching dots apart. */
          set_source (cr, highlighted ? style->highlight : style->background);
          cairo_set_line_width (cr, highlighted ? 2 : 1);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, m->x, m->y, m->width, m->height);
          cairo_fill (cr);
          if (highlighted)
            {
              set_source (cr, style->highlight);
              cairo_set_line_width (cr, 2);
              cairo_rectangle (cr, m->x + 1, m->y + 1, MAX (m->width - 2, 0), MAX (m->height - 2, 0));
              cairo_stroke (cr);
            }
        }
    }
}

static void
draw_texts (FwChart            *self,
            cairo_t            *cr,
            const FwChartStyle *style)
{
  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *text = get_text (self, i);

      switch (text->ink)
        {
        case INK_FOREGROUND:
          set_source (cr, style->foreground);
          break;
        case INK_MUTED:
          set_source (cr, style->muted);
          break;
        case INK_ON_MARK:
          {
            const Mark *mark = get_mark (self, text->mark);
            double fill[4];
            double l;

            mark_fill (style, mark, (gint) text->mark == self->highlight, fill);
            l = luminance (fill);
            /* Whichever of black and white contrasts more (WCAG ratio). */
            if ((l + 0.05) / 0.05 > 1.05 / (l + 0.05))
              cairo_set_source_rgba (cr, 0, 0, 0, 0.87);
            else
              cairo_set_source_rgba (cr, 1, 1, 1, 1);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_move_to (cr, text->x, text->y);
      pango_cairo_show_layout (cr, text->layout);
    }
}

void
fw_chart_draw (FwChart            *self,
               cairo_t            *cr,
               double              width,
               double              height,
               const FwChartStyle *style)
{
  FwChartStyle fallback;

  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      fw_chart_style_init_light (&fallback);
      style = &fallback;
    }

  fw_chart_layout (self, width, height, style);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (!style->transparent)
    {
      set_source (cr, style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  draw_lines (self, cr, style, LINE_GRID);
  draw_lines (self, cr, style, LINE_RANGE);
  draw_marks (self, cr, style);
  draw_lines (self, cr, style, LINE_AXIS);

  for (guint i = 0; i < self->swatches->len; i++)
    {
      const Swatch *swatch = &g_array_index (self->swatches, Swatch, i);
      double rgba[4];

      series_rgba (style, swatch->color, rgba);
      set_source (cr, rgba);
      if (swatch->round)
        cairo_arc (cr, swatch->x + swatch->size / 2, swatch->y + swatch->size / 2,
                   swatch->size / 2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, swatch->x, swatch->y, swatch->size, swatch->size);
      cairo_fill (cr);
    }

  draw_texts (self, cr, style);

  cairo_restore (cr);
}

/* Marks */

guint
fw_chart_get_n_marks (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->marks->len;
}

gboolean
fw_chart_get_mark (FwChart     *self,
                   guint        index,
                   FwChartMark *mark)
{
  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  if (index >= self->marks->len)
    {
      if (mark != NULL)
        {
          memset (mark, 0, sizeof *mark);
          mark->index = -1;
          mark->firm = -1;
        }
      return FALSE;
    }

  if (mark != NULL)
    *mark = get_mark (self, index)->mark;

  return TRUE;
}

void
fw_chart_get_plot_area (FwChart *self,
                        double  *x,
                        double  *y,
                        double  *width,
                        double  *height)
{
  g_return_if_fail (FW_IS_CHART (self));

  if (x != NULL)
    *x = self->plot_x;
  if (y != NULL)
    *y = self->plot_y;
  if (width != NULL)
    *width = self->plot_width;
  if (height != NULL)
    *height = self->plot_height;
}

gboolean
fw_chart_get_label_extents (FwChart *self,
                            guint    category,
                            double  *x,
                            double  *y,
                            double  *width,
                            double  *height)
{
  const Text *text;
  gint index;

  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  if (!self->valid || category >= self->label_texts->len)
    return FALSE;

  index = g_array_index (self->label_texts, gint, category);
  if (index < 0)
    return FALSE;

  text = get_text (self, index);
  if (x != NULL)
    *x = text->x;
  if (y != NULL)
    *y = text->y;
  if (width != NULL)
    *width = text->width;
  if (height != NULL)
    *height = text->height;

  return TRUE;
}

gboolean
fw_chart_hit_test (FwChart     *self,
                   double       x,
                   double       y,
                   FwChartMark *mark)
{
  gint best = -1;
  double best_distance = HIT_RADIUS * HIT_RADIUS;

  g_return_val_if_fail (FW_IS_CHART (self), FALSE);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = get_mark (self, i);

      if (m->dot)
        {
          double dx = x - m->hit_x;
          double dy = y - m->hit_y;
          double distance = dx * dx + dy * dy;

          if (distance <= best_distance)
            {
              best = i;
              best_distance = distance;
            }
        }
      else if (x >= m->hit_x && x < m->hit_x + m->hit_width &&
               y >= m->hit_y && y < m->hit_y + m->hit_height)
        {
          best = i;
          break;
        }
    }

  return fw_chart_get_mark (self, best < 0 ? G_MAXUINT : (guint) best, mark);
}

char *
fw_chart_describe_mark (FwChart *self,
                        guint    index)
{
  const Mark *mark;
  const Category *category;
  const Series *series;
  g_autofree char *value = NULL;

  g_return_val_if_fail (FW_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  mark = get_mark (self, index);
  category = get_category (self, mark->mark.category);
  series = &g_array_index (self->series, Series, mark->mark.series);

  if (self->kind == FW_CHART_TIMELINE)
    {
      g_autofree char *x = format_number (mark->datum);

      /* Translators: a timeline dot, e.g. "Cellebrite: Russia in 2013" */
      return g_strdup_printf (_("%s: %s in %s"), category->label, series->name, x);
    }

  value = fw_chart_format_value (self, mark->datum);
  if (self->series->len > 1)
    /* Translators: a stacked segment, e.g. "2015, outside home continent: 22 firms" */
    return g_strdup_printf (_("%s, %s: %s"),
                            fw_chart_get_category_full_label (self, mark->mark.category),
                            series->name, value);

  /* Translators: a bar, e.g. "France: 52 firms" */
  return g_strdup_printf (_("%s: %s"),
                          fw_chart_get_category_full_label (self, mark->mark.category),
                          value);
}

char *
fw_chart_describe (FwChart *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *kind;
  guint n;

  g_return_val_if_fail (FW_IS_CHART (self), NULL);

  switch (self->kind)
    {
    case FW_CHART_BARS:
      kind = _("Bar chart");
      break;
    case FW_CHART_COLUMNS:
      kind = _("Column chart");
      break;
    case FW_CHART_TIMELINE:
      kind = _("Timeline");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  g_string_append (out, kind);
  if (self->title != NULL && self->title[0] != '\0')
    g_string_append_printf (out, ": %s", self->title);
  g_string_append (out, ".");
  if (self->subtitle != NULL && self->subtitle[0] != '\0')
    {
      g_string_append_printf (out, " %s", self->subtitle);
      if (!g_str_has_suffix (self->subtitle, "."))
        g_string_append (out, ".");
    }

  if (fw_chart_is_empty (self))
    {
      if (self->empty_text != NULL)
        g_string_append_printf (out, " %s.", self->empty_text);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  n = self->categories->len;
  if (self->kind == FW_CHART_TIMELINE)
    {
      double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      for (guint i = 0; i < self->points->len; i++)
        {
          min = MIN (min, g_array_index (self->points, Point, i).x);
          max = MAX (max, g_array_index (self->points, Point, i).x);
        }
      first = format_number (min);
      last = format_number (max);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, ", %u dot", ", %u dots", self->points->len),
                              self->points->len);
      /* Translators: the span of a timeline, e.g. "from 2009 to 2021" */
      g_string_append_printf (out, _(" from %s to %s."), first, last);
    }
  else
    {
      guint highest = 0;
      g_autofree char *value = NULL;

      /* A remainder ("Other countries") is no answer to "which is highest". */
      for (guint c = 0; c < n; c++)
        if (get_category (self, c)->facet != FW_CHART_NO_TARGET &&
            (get_category (self, highest)->facet == FW_CHART_NO_TARGET ||
             category_total (self, c) > category_total (self, highest)))
          highest = c;
      value = format_number (category_total (self, highest));

      g_string_append_c (out, ' ');
      if (self->kind == FW_CHART_BARS)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u bar", "%u bars", n), n);
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n), n);
      /* Translators: e.g. "; highest Milipol France with 47." */
      g_string_append_printf (out, _("; highest %s with %s."),
                              get_category (self, highest)->label, value);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
fw_chart_set_highlight (FwChart *self,
                        gint     index)
{
  g_return_if_fail (FW_IS_CHART (self));

  if (index < 0 || index >= (gint) self->marks->len)
    index = -1;

  self->highlight = index;
}

gint
fw_chart_get_highlight (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), -1);

  return self->highlight;
}

static void
text_box_clear (gpointer data)
{
  FwChartTextBox *box = data;

  g_free (box->text);
}

GArray *
fw_chart_get_text_boxes (FwChart *self)
{
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (FwChartTextBox));

  g_return_val_if_fail (FW_IS_CHART (self), boxes);

  g_array_set_clear_func (boxes, text_box_clear);
  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *text = get_text (self, i);
      FwChartTextBox box = {
        text->x, text->y, text->width, text->height,
        text->ink == INK_ON_MARK,
        g_strdup (pango_layout_get_text (text->layout)),
      };

      g_array_append_val (boxes, box);
    }

  return boxes;
}
