/* fw-chart.c: the chart object and its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-figure.h"

static void fw_chart_figure_init (FwFigureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FwChart, fw_chart, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FW_TYPE_FIGURE, fw_chart_figure_init))

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

void
_fw_chart_invalidate (FwChart *self)
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
fw_chart_figure_draw (FwFigure           *figure,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const FwChartStyle *style)
{
  fw_chart_draw (FW_CHART (figure), cr, width, height, style);
}

static double
fw_chart_figure_get_natural_height (FwFigure           *figure,
                                    double              width,
                                    const FwChartStyle *style)
{
  return fw_chart_get_natural_height (FW_CHART (figure), width, style);
}

static const char *
fw_chart_figure_get_title (FwFigure *figure)
{
  return fw_chart_get_title (FW_CHART (figure));
}

static char *
fw_chart_figure_describe (FwFigure *figure)
{
  return fw_chart_describe (FW_CHART (figure));
}

static void
fw_chart_figure_set_watermark (FwFigure   *figure,
                               const char *text)
{
  fw_chart_set_watermark (FW_CHART (figure), text);
}

static void
fw_chart_figure_init (FwFigureInterface *iface)
{
  iface->draw = fw_chart_figure_draw;
  iface->get_natural_height = fw_chart_figure_get_natural_height;
  iface->get_title = fw_chart_figure_get_title;
  iface->describe = fw_chart_figure_describe;
  iface->set_watermark = fw_chart_figure_set_watermark;
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
  _fw_chart_invalidate (self);
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

char *
_fw_chart_format_number (double value)
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

  number = _fw_chart_format_number (value);
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
  _fw_chart_invalidate (self);

  return self->categories->len - 1;
}

guint
fw_chart_get_n_categories (FwChart *self)
{
  g_return_val_if_fail (FW_IS_CHART (self), 0);

  return self->categories->len;
}

Category *
_fw_chart_get_category (FwChart *self,
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

  return _fw_chart_get_category (self, category)->label;
}

const char *
fw_chart_get_category_full_label (FwChart *self,
                                  guint    category)
{
  Category *c;

  g_return_val_if_fail (FW_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  c = _fw_chart_get_category (self, category);

  return c->full_label != NULL ? c->full_label : c->label;
}

void
fw_chart_set_category_firm (FwChart *self,
                            guint    category,
                            gint     firm)
{
  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  _fw_chart_get_category (self, category)->firm = firm;
  _fw_chart_invalidate (self);
}

void
fw_chart_set_category_color (FwChart *self,
                             guint    category,
                             guint    color)
{
  g_return_if_fail (FW_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  _fw_chart_get_category (self, category)->color = MIN (color, FW_CHART_COLOR_NEUTRAL);
  _fw_chart_invalidate (self);
}

gint
fw_chart_get_category_firm (FwChart *self,
                            guint    category)
{
  g_return_val_if_fail (FW_IS_CHART (self), -1);
  g_return_val_if_fail (category < self->categories->len, -1);

  return _fw_chart_get_category (self, category)->firm;
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
  _fw_chart_invalidate (self);

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
  _fw_chart_invalidate (self);
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

  c = _fw_chart_get_category (self, category);
  if (c->values->len <= series)
    g_array_set_size (c->values, series + 1);
  g_array_index (c->values, double, series) = value;
  _fw_chart_invalidate (self);
}

double
_fw_chart_value_at (FwChart *self,
                    guint    category,
                    guint    series)
{
  Category *c = _fw_chart_get_category (self, category);
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

  c = _fw_chart_get_category (self, category);
  if (series >= c->values->len)
    return 0;

  return g_array_index (c->values, double, series);
}

double
_fw_chart_category_total (FwChart *self,
                          guint    category)
{
  double total = 0;

  for (guint s = 0; s < self->series->len; s++)
    total += _fw_chart_value_at (self, category, s);

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
  _fw_chart_invalidate (self);
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
  _fw_chart_invalidate (self);
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
    if (_fw_chart_category_total (self, c) > 0)
      return FALSE;

  return TRUE;
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

  mark = _fw_chart_get_mark (self, index);
  category = _fw_chart_get_category (self, mark->mark.category);
  series = &g_array_index (self->series, Series, mark->mark.series);

  if (self->kind == FW_CHART_TIMELINE)
    {
      g_autofree char *x = _fw_chart_format_number (mark->datum);

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
      first = _fw_chart_format_number (min);
      last = _fw_chart_format_number (max);
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
        if (_fw_chart_get_category (self, c)->facet != FW_CHART_NO_TARGET &&
            (_fw_chart_get_category (self, highest)->facet == FW_CHART_NO_TARGET ||
             _fw_chart_category_total (self, c) > _fw_chart_category_total (self, highest)))
          highest = c;
      value = _fw_chart_format_number (_fw_chart_category_total (self, highest));

      g_string_append_c (out, ' ');
      if (self->kind == FW_CHART_BARS)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u bar", "%u bars", n), n);
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n), n);
      /* Translators: e.g. "; highest Milipol France with 47." */
      g_string_append_printf (out, _("; highest %s with %s."),
                              _fw_chart_get_category (self, highest)->label, value);
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
      const Text *text = _fw_chart_get_text (self, i);
      FwChartTextBox box = {
        text->x, text->y, text->width, text->height,
        text->ink == INK_ON_MARK,
        g_strdup (pango_layout_get_text (text->layout)),
      };

      g_array_append_val (boxes, box);
    }

  return boxes;
}
