/* test-chart.c: layout, hit testing and drawing of FwChart, on charts built
 * by hand, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fw-chart-private.h"
#include "fw-figure.h"

#define WIDTH  800
#define HEIGHT 500

static const char *long_label =
  "International Exhibition of Security and Defence Technologies for Law Enforcement Agencies";

static FwChart *
make_bars (void)
{
  static const struct { const char *label; double value; } rows[] = {
    { "Milipol France", 47 },
    { "Security & Policing", 38 },
    { "GPEC", 25 },
    { NULL, 12 },
    { "ISS World Europe", 9 },
    { "Enforce Tac", 1 },
  };
  FwChart *chart = fw_chart_new (FW_CHART_BARS);
  guint series;

  fw_chart_set_title (chart, "Fairs by high/medium-confidence firms");
  fw_chart_set_subtitle (chart, "Distinct firms that exhibited at each fair in any year");
  fw_chart_set_value_label (chart, "firms");
  fw_chart_set_watermark (chart, "Fictional firms: demonstration data");
  series = fw_chart_add_series (chart, "Firms", 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *label = rows[i].label != NULL ? rows[i].label : long_label;
      guint c = fw_chart_add_category (chart, label, NULL, FW_FACET_FAIR, 100 + i);

      fw_chart_set_value (chart, c, series, rows[i].value);
    }

  return chart;
}

static FwChart *
make_stacked_bars (void)
{
  FwChart *chart = fw_chart_new (FW_CHART_BARS);
  const char *names[] = { "France", "United Kingdom", "Germany", "Singapore" };

  fw_chart_set_title (chart, "Host countries by confidence");
  fw_chart_set_value_label (chart, "firms");
  fw_chart_add_series (chart, "high", 0);
  fw_chart_add_series (chart, "medium", 1);
  fw_chart_add_series (chart, "low", 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint c = fw_chart_add_category (chart, names[i], NULL, FW_FACET_HOST_COUNTRY, 10 + i);

      fw_chart_set_value (chart, c, 0, 30 - 5 * i);
      fw_chart_set_value (chart, c, 1, 12 - i);
      fw_chart_set_value (chart, c, 2, 20 + 3 * i);
    }

  return chart;
}

static FwChart *
make_columns (void)
{
  FwChart *chart = fw_chart_new (FW_CHART_COLUMNS);
  guint outside, continent, country;

  fw_chart_set_title (chart, "Where firms exhibited, by year");
  fw_chart_set_subtitle (chart, "71 of 81 firms (87.7 %) exhibited outside their home country");
  fw_chart_set_value_label (chart, "firms");
  fw_chart_set_watermark (chart, "Fictional firms: demonstration data");
  outside = fw_chart_add_series (chart, "outside home continent", 5);
  continent = fw_chart_add_series (chart, "home continent", 4);
  country = fw_chart_add_series (chart, "home country only", 0);
  for (guint year = 2002; year <= 2021; year++)
    {
      g_autofree char *label = g_strdup_printf ("%u", year);
      guint c = fw_chart_add_category (chart, label, NULL, FW_FACET_YEAR, year);

      fw_chart_set_value (chart, c, outside, 2 + (year - 2002) * 1.7);
      fw_chart_set_value (chart, c, continent, 3 + (year * 7) % 11);
      fw_chart_set_value (chart, c, country, (year * 3) % 5);
    }
  fw_chart_set_value (chart, fw_chart_add_category (chart, "(unknown)", NULL, FW_FACET_YEAR, 0), outside, 3);

  return chart;
}

static FwChart *
make_timeline (void)
{
  static const struct { guint firm; double year; guint series; } points[] = {
    { 0, 2013, 0 }, { 0, 2013, 1 }, { 0, 2015, 0 }, { 0, 2016, 1 }, { 0, 2019, 1 },
    { 1, 2011, 0 }, { 1, 2012, 1 },
    { 2, 2014, 0 }, { 2, 2014, 1 }, { 2, 2018, 0 },
    { 3, 2009, 0 },
    { 4, 2017, 1 }, { 4, 2020, 0 }, { 4, 2021, 1 },
  };
  const char *firms[] = { "Cellebright Forensics", "Bosphorus Telecom Tools",
                          "Micro Systemation of Sweden AB and Associated Firms Worldwide",
                          "Fog Systems", "Idle Industries" };
  FwChart *chart = fw_chart_new (FW_CHART_TIMELINE);
  guint russia, china;

  fw_chart_set_title (chart, "Firms at fairs in adversary countries");
  fw_chart_set_watermark (chart, "Fictional firms: demonstration data");
  russia = fw_chart_add_series (chart, "Russia", 5);
  china = fw_chart_add_series (chart, "China", 0);
  fw_chart_set_series_target (chart, russia, FW_FACET_HOST_COUNTRY, 7);
  fw_chart_set_series_target (chart, china, FW_FACET_HOST_COUNTRY, 8);
  for (guint i = 0; i < G_N_ELEMENTS (firms); i++)
    {
      guint c = fw_chart_add_category (chart, firms[i], NULL, FW_FACET_HQ_COUNTRY, 1);

      fw_chart_set_category_firm (chart, c, 40 + i);
    }
  fw_chart_set_x_range (chart, 2002, 2021);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    fw_chart_add_point (chart, points[i].firm, points[i].year, points[i].series);

  return chart;
}

/* Pixels */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (data + y * stride + x * 4);
}

static gboolean
color_near (guint32       pixel,
            const double  rgba[4],
            int           tolerance)
{
  for (guint i = 0; i < 3; i++)
    {
      int have = (pixel >> (16 - 8 * i)) & 0xff;
      int want = (int) (rgba[i] * 255 + 0.5);

      if (ABS (have - want) > tolerance)
        return FALSE;
    }

  return TRUE;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const double     rgba[4])
{
  return color_near (pixel_at (surface, (int) x, (int) y), rgba, 2);
}

static guint
count_pixels (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              x1,
              int              y1,
              const double     rgba[4],
              int              tolerance)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      n += color_near (pixel_at (surface, x, y), rgba, tolerance);

  return n;
}

static cairo_surface_t *
render (FwChart            *chart,
        int                 width,
        int                 height,
        const FwChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  fw_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
save_files (FwChart    *chart,
            const char *name)
{
  g_autofree char *png_name = g_strdup_printf ("chart-%s.png", name);
  g_autofree char *svg_name = g_strdup_printf ("chart-%s.svg", name);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, png_name, NULL);
  g_autofree char *svg = g_test_build_filename (G_TEST_BUILT, svg_name, NULL);
  cairo_surface_t *surface = render (chart, WIDTH, HEIGHT, NULL);
  cairo_t *cr;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  fw_chart_draw (chart, cr, WIDTH, HEIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A point inside the mark clear of any value written in it. */
static void
mark_fill_point (const FwChartMark *mark,
                 double            *x,
                 double            *y)
{
  *x = mark->x + MIN (3, mark->width / 2);
  *y = mark->y + mark->height - MIN (3, mark->height / 2);
}

static void
assert_title_drawn (cairo_surface_t    *surface,
                    FwChart            *chart,
                    const FwChartStyle *style)
{
  g_autoptr(GArray) boxes = fw_chart_get_text_boxes (chart);
  const FwChartTextBox *title = NULL;

  for (guint i = 0; i < boxes->len && title == NULL; i++)
    if (g_strcmp0 (g_array_index (boxes, FwChartTextBox, i).text, fw_chart_get_title (chart)) == 0)
      title = &g_array_index (boxes, FwChartTextBox, i);
  g_assert_nonnull (title);
  g_assert_cmpuint (count_pixels (surface, title->x, title->y, title->x + title->width,
                                  title->y + title->height, style->foreground, 24), >, 50);
}

/* Tests */

static void
test_new_destroy (void)
{
  FwChart *chart = make_bars ();

  g_assert_cmpint (fw_chart_get_kind (chart), ==, FW_CHART_BARS);
  g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, 6);
  g_assert_cmpuint (fw_chart_get_n_series (chart), ==, 1);
  g_assert_cmpfloat (fw_chart_get_value (chart, 0, 0), ==, 47);
  g_assert_cmpfloat (fw_chart_get_value (chart, 0, 5), ==, 0);
  g_assert_cmpstr (fw_chart_get_category_label (chart, 3), ==, long_label);
  g_assert_cmpstr (fw_chart_get_category_full_label (chart, 3), ==, long_label);
  g_assert_cmpint (fw_chart_get_category_firm (chart, 0), ==, -1);
  g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 0);
  g_assert_false (fw_chart_is_empty (chart));

  g_assert_finalize_object (chart);
}

static void
test_bars_hit_test (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  FwChartMark mark;
  double px, py, pw, ph;

  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);
  g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 6);
  fw_chart_get_plot_area (chart, &px, &py, &pw, &ph);

  for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
    {
      FwChartMark hit;

      g_assert_true (fw_chart_get_mark (chart, i, &mark));
      g_assert_cmpint (mark.index, ==, i);
      /* Reading order: top to bottom. */
      g_assert_cmpuint (mark.category, ==, i);
      g_assert_cmpint (mark.facet, ==, FW_FACET_FAIR);
      g_assert_cmpuint (mark.value, ==, 100 + i);
      g_assert_cmpint (mark.firm, ==, -1);
      g_assert_cmpfloat (mark.x, >=, px);
      g_assert_cmpfloat (mark.x + mark.width, <=, px + pw + 1);

      g_assert_true (fw_chart_hit_test (chart, mark.x + mark.width / 2, mark.y + mark.height / 2, &hit));
      g_assert_cmpint (hit.index, ==, i);
    }

  /* Lengths in proportion to the values, within the axis. */
  {
    FwChartMark first, second;

    fw_chart_get_mark (chart, 0, &first);
    fw_chart_get_mark (chart, 1, &second);
    g_assert_cmpfloat (first.x + first.width, <=, px + pw);
    g_assert_cmpfloat (fabs (first.width / second.width - 47.0 / 38.0), <, 0.02);
  }

  /* Corners, the title and below the axis are nobody's. */
  g_assert_false (fw_chart_hit_test (chart, 1, 1, &mark));
  g_assert_cmpint (mark.index, ==, -1);
  g_assert_false (fw_chart_hit_test (chart, WIDTH / 2, 20, NULL));
  g_assert_false (fw_chart_hit_test (chart, WIDTH / 2, py + ph + 30, NULL));
  g_assert_false (fw_chart_hit_test (chart, WIDTH - 2, HEIGHT - 2, NULL));
  g_assert_false (fw_chart_get_mark (chart, 99, NULL));
}

static void
test_bars_ellipsis (void)
{
  static const int sizes[][2] = { { 320, 240 }, { 800, 500 }, { 1920, 1200 } };
  g_autoptr(FwChart) chart = make_bars ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double px, x, y, w, h;

      fw_chart_layout (chart, sizes[i][0], sizes[i][1], NULL);
      fw_chart_get_plot_area (chart, &px, NULL, NULL, NULL);

      g_assert_true (fw_chart_get_label_extents (chart, 3, &x, &y, &w, &h));
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x + w, <=, px);
      g_assert_cmpfloat (w, <=, 0.35 * sizes[i][0] + 1);

      /* Every shown label stays in the column left of the bars. */
      for (guint c = 0; c < fw_chart_get_n_categories (chart); c++)
        if (fw_chart_get_label_extents (chart, c, &x, NULL, &w, NULL))
          {
            g_assert_cmpfloat (x, >=, 0);
            g_assert_cmpfloat (x + w, <=, px);
          }
    }
}

static void
test_empty (void)
{
  FwChartKind kinds[] = { FW_CHART_BARS, FW_CHART_COLUMNS, FW_CHART_TIMELINE };
  FwChartStyle style;

  fw_chart_style_init_light (&style);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(FwChart) chart = fw_chart_new (kinds[k]);
      cairo_surface_t *surface;
      guint series, c;
      double px, py, pw, ph;
      g_autofree char *description = NULL;

      fw_chart_set_title (chart, "Nothing to see");
      fw_chart_set_empty_text (chart, "No firms match the current filter");
      series = fw_chart_add_series (chart, "Firms", 0);
      c = fw_chart_add_category (chart, "France", NULL, FW_FACET_HOST_COUNTRY, 1);
      fw_chart_set_value (chart, c, series, 0);
      g_assert_true (fw_chart_is_empty (chart));

      surface = render (chart, WIDTH, HEIGHT, &style);
      g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 0);
      g_assert_false (fw_chart_hit_test (chart, WIDTH / 2, HEIGHT / 2, NULL));
      g_assert_false (fw_chart_get_label_extents (chart, 0, NULL, NULL, NULL, NULL));

      /* No mark colour anywhere; the empty text in the middle. */
      g_assert_cmpuint (count_pixels (surface, 0, 0, WIDTH, HEIGHT, style.palette[0], 8), ==, 0);
      fw_chart_get_plot_area (chart, &px, &py, &pw, &ph);
      g_assert_cmpuint (count_pixels (surface, px, py + ph / 2 - 15, px + pw, py + ph / 2 + 15,
                                      style.muted, 40), >, 20);
      description = fw_chart_describe (chart);
      g_assert_true (strstr (description, "No firms match the current filter") != NULL);

      cairo_surface_destroy (surface);
    }
}

static void
check_render (FwChart    *chart,
              const char *name)
{
  FwChartStyle style;
  cairo_surface_t *surface;
  FwChartMark mark;

  fw_chart_style_init_light (&style);
  surface = render (chart, WIDTH, HEIGHT, &style);

  g_assert_cmpuint (fw_chart_get_n_marks (chart), >, 0);
  for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
    {
      const double *fill;
      double x, y;

      g_assert_true (fw_chart_get_mark (chart, i, &mark));
      fill = style.palette[0];
      if (fw_chart_get_n_series (chart) > 1)
        {
          /* Colours as the tests' builders chose them. */
          static const guint columns[] = { 5, 4, 0 };
          static const guint bars[] = { 0, 1, 2 };
          static const guint timeline[] = { 5, 0 };

          switch (fw_chart_get_kind (chart))
            {
            case FW_CHART_BARS:
              fill = style.palette[bars[mark.series]];
              break;
            case FW_CHART_COLUMNS:
              fill = style.palette[columns[mark.series]];
              break;
            case FW_CHART_TIMELINE:
              fill = style.palette[timeline[mark.series]];
              break;
            default:
              g_assert_not_reached ();
            }
        }

      if (fw_chart_get_kind (chart) == FW_CHART_TIMELINE)
        {
          x = mark.x + mark.width / 2;
          y = mark.y + mark.height / 2;
        }
      else
        mark_fill_point (&mark, &x, &y);
      g_assert_true (pixel_is (surface, x, y, fill));

      if (fw_chart_get_n_series (chart) > 1)
        g_assert_cmpuint (count_pixels (surface, 0, 0, WIDTH, HEIGHT, fill, 0), >, 0);
    }

  /* Background in the margins. */
  g_assert_true (pixel_is (surface, 2, HEIGHT / 2, style.background));
  g_assert_true (pixel_is (surface, WIDTH - 2, 2, style.background));

  assert_title_drawn (surface, chart, &style);

  /* A legend swatch per series when there are several: a solid square of
   * the series' colour above the plot. */
  if (fw_chart_get_n_series (chart) > 1)
    {
      double py;

      fw_chart_get_plot_area (chart, NULL, &py, NULL, NULL);
      for (guint s = 0; s < fw_chart_get_n_series (chart); s++)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < fw_chart_get_n_marks (chart) && !found; i++)
            {
              fw_chart_get_mark (chart, i, &mark);
              if (mark.series == s)
                {
                  double x, y;

                  mark_fill_point (&mark, &x, &y);
                  if (fw_chart_get_kind (chart) == FW_CHART_TIMELINE)
                    {
                      x = mark.x + mark.width / 2;
                      y = mark.y + mark.height / 2;
                    }
                  {
                    guint32 pixel = pixel_at (surface, x, y);
                    double rgba[4] = { ((pixel >> 16) & 0xff) / 255.0,
                                       ((pixel >> 8) & 0xff) / 255.0,
                                       (pixel & 0xff) / 255.0, 1 };

                    found = count_pixels (surface, 0, 0, WIDTH, py, rgba, 0) >= 25;
                  }
                }
            }
          g_assert_true (found);
        }
    }

  cairo_surface_destroy (surface);
  save_files (chart, name);
}

static void
test_render_bars (void)
{
  g_autoptr(FwChart) chart = make_bars ();

  check_render (chart, "bars");
}

static void
test_render_stacked_bars (void)
{
  g_autoptr(FwChart) chart = make_stacked_bars ();

  check_render (chart, "stacked-bars");
  g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 12);
}

static void
test_render_columns (void)
{
  g_autoptr(FwChart) chart = make_columns ();
  FwChartMark mark;

  check_render (chart, "columns");

  /* Reading order: left to right, each column from the baseline up. */
  g_assert_true (fw_chart_get_mark (chart, 0, &mark));
  g_assert_cmpuint (mark.category, ==, 0);
  g_assert_cmpuint (mark.series, ==, 0);
  g_assert_cmpint (mark.facet, ==, FW_FACET_YEAR);
  g_assert_cmpuint (mark.value, ==, 2002);
  for (guint i = 1; i < fw_chart_get_n_marks (chart); i++)
    {
      FwChartMark next;

      fw_chart_get_mark (chart, i, &next);
      g_assert_true (next.category > mark.category ||
                     (next.category == mark.category && next.series > mark.series));
      if (next.category == mark.category)
        g_assert_cmpfloat (next.y + next.height, <=, mark.y);
      mark = next;
    }

  /* The "(unknown)" column keeps its label whatever the thinning. */
  g_assert_true (fw_chart_get_label_extents (chart, 20, NULL, NULL, NULL, NULL));
}

static void
test_render_timeline (void)
{
  g_autoptr(FwChart) chart = make_timeline ();
  FwChartMark a, b;
  g_autofree char *text = NULL;

  check_render (chart, "timeline");
  g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 14);

  /* Two series in the same year: both dots visible, side by side across
   * the row, and each is found by the hit test. */
  g_assert_true (fw_chart_get_mark (chart, 0, &a));
  g_assert_true (fw_chart_get_mark (chart, 1, &b));
  g_assert_cmpuint (a.category, ==, 0);
  g_assert_cmpuint (b.category, ==, 0);
  g_assert_cmpfloat (fabs (a.x - b.x), <, 1);
  g_assert_cmpfloat (fabs (a.y - b.y), >=, a.height);
  g_assert_cmpfloat (a.width, >=, 4);
  g_assert_true (fw_chart_hit_test (chart, a.x + a.width / 2, a.y + a.height / 2, &a));
  g_assert_cmpint (a.index, ==, 0);
  g_assert_true (fw_chart_hit_test (chart, b.x + b.width / 2, b.y + b.height / 2, &b));
  g_assert_cmpint (b.index, ==, 1);
  g_assert_cmpint (a.facet, ==, FW_FACET_HOST_COUNTRY);
  g_assert_cmpuint (a.value, ==, 7);
  g_assert_cmpuint (b.value, ==, 8);
  g_assert_cmpint (a.firm, ==, 40);

  /* Within the hit radius, and not beyond it. */
  g_assert_true (fw_chart_hit_test (chart, a.x + a.width / 2 + 7, a.y + a.height / 2, NULL));
  g_assert_false (fw_chart_hit_test (chart, a.x + a.width / 2, a.y - 20, NULL));

  text = fw_chart_describe_mark (chart, 0);
  g_assert_cmpstr (text, ==, "Cellebright Forensics: Russia in 2013");
}

static void
test_describe (void)
{
  g_autoptr(FwChart) bars = make_bars ();
  g_autoptr(FwChart) columns = make_columns ();
  g_autofree char *text = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *segment = NULL;

  fw_chart_layout (bars, WIDTH, HEIGHT, NULL);
  text = fw_chart_describe (bars);
  g_assert_cmpstr (text, ==,
                   "Bar chart: Fairs by high/medium-confidence firms. Distinct firms that exhibited "
                   "at each fair in any year. 6 bars; highest Milipol France with 47.");
  mark = fw_chart_describe_mark (bars, 0);
  g_assert_cmpstr (mark, ==, "Milipol France: 47 firms");

  fw_chart_layout (columns, WIDTH, HEIGHT, NULL);
  segment = fw_chart_describe_mark (columns, 0);
  g_assert_cmpstr (segment, ==, "2002, outside home continent: 2 firms");
}

static char *
format_firms (double   value,
              gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return g_strdup_printf (value == 1 ? "%.0f firm" : "%.0f firms", value);
}

static void
test_format_func (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  g_autofree char *one = NULL;
  guint calls = 0;

  fw_chart_set_value_format_func (chart, format_firms, &calls, NULL);
  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);
  one = fw_chart_describe_mark (chart, 5);
  g_assert_cmpstr (one, ==, "Enforce Tac: 1 firm");
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_highlight (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  FwChartStyle style;
  cairo_surface_t *surface;
  FwChartMark mark;
  double x, y;

  fw_chart_style_init_light (&style);
  fw_chart_layout (chart, WIDTH, HEIGHT, &style);
  g_assert_cmpint (fw_chart_get_highlight (chart), ==, -1);
  fw_chart_set_highlight (chart, 2);
  g_assert_cmpint (fw_chart_get_highlight (chart), ==, 2);
  fw_chart_set_highlight (chart, 99);
  g_assert_cmpint (fw_chart_get_highlight (chart), ==, -1);
  fw_chart_set_highlight (chart, 2);

  surface = render (chart, WIDTH, HEIGHT, &style);
  fw_chart_get_mark (chart, 2, &mark);
  x = mark.x + mark.width / 2;
  y = mark.y + mark.height / 2;
  /* Outline on the edge, a lighter fill inside; its neighbour unchanged. */
  g_assert_true (pixel_is (surface, x, mark.y + 1, style.highlight));
  g_assert_false (pixel_is (surface, x, y, style.palette[0]));
  g_assert_false (pixel_is (surface, x, y, style.background));
  fw_chart_get_mark (chart, 1, &mark);
  g_assert_true (pixel_is (surface, mark.x + 3, mark.y + mark.height / 2, style.palette[0]));

  cairo_surface_destroy (surface);
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  /* Logical rectangles of neighbouring lines may touch. */
  return ax < bx + bw - 0.5 && bx < ax + aw - 0.5 &&
         ay < by + bh - 0.5 && by < ay + ah - 0.5;
}

/* Nothing overlaps and nothing leaves the canvas. */
static void
assert_tidy (FwChart *chart,
             double   width,
             double   height)
{
  g_autoptr(GArray) boxes = NULL;

  fw_chart_layout (chart, width, height, NULL);
  boxes = fw_chart_get_text_boxes (chart);

  for (guint i = 0; i < boxes->len; i++)
    {
      const FwChartTextBox *a = &g_array_index (boxes, FwChartTextBox, i);

      if (a->x < -0.5 || a->y < -0.5 || a->x + a->width > width + 0.5 || a->y + a->height > height + 0.5)
        g_error ("%gx%g: “%s” at %g,%g %gx%g leaves the canvas",
                 width, height, a->text, a->x, a->y, a->width, a->height);

      for (guint j = i + 1; j < boxes->len; j++)
        {
          const FwChartTextBox *b = &g_array_index (boxes, FwChartTextBox, j);

          if (boxes_overlap (a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height))
            g_error ("%gx%g: “%s” (%g,%g %gx%g) overlaps “%s” (%g,%g %gx%g)",
                     width, height, a->text, a->x, a->y, a->width, a->height,
                     b->text, b->x, b->y, b->width, b->height);
        }

      for (guint m = 0; m < fw_chart_get_n_marks (chart) && !a->on_mark; m++)
        {
          FwChartMark mark;

          fw_chart_get_mark (chart, m, &mark);
          if (boxes_overlap (a->x, a->y, a->width, a->height, mark.x, mark.y, mark.width, mark.height))
            g_error ("%gx%g: “%s” overlaps mark %u", width, height, a->text, m);
        }
    }

  for (guint m = 0; m < fw_chart_get_n_marks (chart); m++)
    {
      FwChartMark mark;

      fw_chart_get_mark (chart, m, &mark);
      g_assert_cmpfloat (mark.x, >=, 0);
      g_assert_cmpfloat (mark.y, >=, 0);
      g_assert_cmpfloat (mark.x + mark.width, <=, width);
      g_assert_cmpfloat (mark.y + mark.height, <=, height);
    }
}

static void
test_sizes (void)
{
  static const int sizes[][2] = {
    { 320, 240 }, { 400, 300 }, { 640, 400 }, { 800, 500 }, { 1024, 300 },
    { 360, 900 }, { 1280, 800 }, { 1920, 1200 },
  };
  FwChart *charts[] = { make_bars (), make_stacked_bars (), make_columns (), make_timeline () };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        assert_tidy (charts[c], sizes[i][0], sizes[i][1]);
      g_object_unref (charts[c]);
    }
}

static void
test_natural_height (void)
{
  FwChart *charts[] = { make_bars (), make_columns (), make_timeline () };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      double natural = fw_chart_get_natural_height (charts[c], WIDTH, NULL);
      double px, py, pw, ph;

      g_assert_cmpfloat (natural, >, 150);
      g_assert_cmpfloat (natural, <, 2000);
      assert_tidy (charts[c], WIDTH, natural);
      fw_chart_get_plot_area (charts[c], &px, &py, &pw, &ph);
      g_assert_cmpfloat (py + ph, <, natural);
      g_object_unref (charts[c]);
    }

  {
    g_autoptr(FwChart) empty = fw_chart_new (FW_CHART_BARS);
    double natural;

    fw_chart_set_title (empty, "Nothing");
    fw_chart_set_empty_text (empty, "No firms match the current filter");
    fw_chart_set_watermark (empty, "Fictional firms: demonstration data");
    natural = fw_chart_get_natural_height (empty, WIDTH, NULL);
    g_assert_cmpfloat (natural, >, 100);
    g_assert_cmpfloat (natural, <, 400);
    assert_tidy (empty, WIDTH, natural);
  }
}

/* The interface export and print go through draws exactly what the
 * screen draws, and names the chart. */
static void
test_figure_interface (void)
{
  g_autoptr(FwChart) chart = make_stacked_bars ();
  FwFigure *figure = FW_FIGURE (chart);
  cairo_surface_t *direct = render (chart, WIDTH, HEIGHT, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *description = fw_figure_describe (figure);
  int stride = cairo_image_surface_get_stride (direct);

  fw_figure_draw (figure, cr, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpmem (cairo_image_surface_get_data (direct), stride * HEIGHT,
                   cairo_image_surface_get_data (surface), stride * HEIGHT);
  g_assert_cmpstr (fw_figure_get_title (figure), ==, "Host countries by confidence");
  g_assert_nonnull (strstr (description, "France"));
  g_assert_cmpfloat (fw_figure_get_natural_height (figure, WIDTH, NULL), ==,
                     fw_chart_get_natural_height (chart, WIDTH, NULL));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (direct);
}

static void
test_category_color (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  FwChartStyle style;
  cairo_surface_t *surface;
  FwChartMark mark;
  double x, y;

  fw_chart_style_init_light (&style);
  fw_chart_set_category_color (chart, 5, FW_CHART_COLOR_NEUTRAL);
  fw_chart_set_category_color (chart, 4, 1);
  surface = render (chart, WIDTH, HEIGHT, &style);

  fw_chart_get_mark (chart, 4, &mark);
  mark_fill_point (&mark, &x, &y);
  g_assert_true (pixel_is (surface, x, y, style.palette[1]));
  fw_chart_get_mark (chart, 5, &mark);
  mark_fill_point (&mark, &x, &y);
  g_assert_false (pixel_is (surface, x, y, style.palette[0]));
  g_assert_false (pixel_is (surface, x, y, style.background));
  g_assert_false (pixel_is (surface, x, y, style.muted));

  cairo_surface_destroy (surface);
}

static void
test_layout_cache (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  FwChartMark before, after;

  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);
  fw_chart_get_mark (chart, 1, &before);
  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);
  fw_chart_get_mark (chart, 1, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  /* New data: new geometry at the same size. */
  fw_chart_set_value (chart, 1, 0, 5);
  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);
  fw_chart_get_mark (chart, 1, &after);
  g_assert_cmpfloat (after.width, <, before.width);

  /* A new size: new geometry. */
  fw_chart_layout (chart, WIDTH / 2, HEIGHT, NULL);
  fw_chart_get_mark (chart, 1, &before);
  g_assert_cmpfloat (before.width, <, after.width);
}

static void
test_styles (void)
{
  FwChartStyle styles[4];
  g_autoptr(FwChart) chart = make_columns ();

  fw_chart_style_init_light (&styles[0]);
  fw_chart_style_init_dark (&styles[1]);
  fw_chart_style_init_high_contrast (&styles[2], FALSE);
  fw_chart_style_init_high_contrast (&styles[3], TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      cairo_surface_t *surface;

      g_assert_cmpstr (styles[i].font_family, ==, "Sans");
      g_assert_cmpfloat (styles[i].font_size, ==, 11);
      surface = render (chart, WIDTH, HEIGHT, &styles[i]);
      g_assert_true (pixel_is (surface, 2, 2, styles[i].background));
      assert_title_drawn (surface, chart, &styles[i]);
      cairo_surface_destroy (surface);
    }

  /* Okabe-Ito, as published, in the light style. */
  g_assert_cmpfloat (fabs (styles[0].palette[0][2] - 0xB2 / 255.0), <, 1e-9);
  g_assert_cmpfloat (fabs (styles[0].palette[1][0] - 0xE6 / 255.0), <, 1e-9);

  /* Transparent: nothing drawn where there is nothing. */
  {
    cairo_surface_t *surface;

    styles[0].transparent = TRUE;
    surface = render (chart, WIDTH, HEIGHT, &styles[0]);
    g_assert_cmphex (pixel_at (surface, 2, 2), ==, 0);
    cairo_surface_destroy (surface);
  }
}

static void
test_pdf (void)
{
  g_autoptr(FwChart) chart = make_bars ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "chart-bars.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GStatBuf st;

  fw_chart_draw (chart, cr, WIDTH, HEIGHT, NULL);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_true (fw_chart_get_n_marks (chart) == 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/new-destroy", test_new_destroy);
  g_test_add_func ("/chart/bars/hit-test", test_bars_hit_test);
  g_test_add_func ("/chart/bars/ellipsis", test_bars_ellipsis);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/render/bars", test_render_bars);
  g_test_add_func ("/chart/render/stacked-bars", test_render_stacked_bars);
  g_test_add_func ("/chart/render/columns", test_render_columns);
  g_test_add_func ("/chart/render/timeline", test_render_timeline);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/format-func", test_format_func);
  g_test_add_func ("/chart/highlight", test_highlight);
  g_test_add_func ("/chart/sizes", test_sizes);
  g_test_add_func ("/chart/natural-height", test_natural_height);
  g_test_add_func ("/chart/figure-interface", test_figure_interface);
  g_test_add_func ("/chart/category-color", test_category_color);
  g_test_add_func ("/chart/layout-cache", test_layout_cache);
  g_test_add_func ("/chart/styles", test_styles);
  g_test_add_func ("/chart/pdf", test_pdf);

  return g_test_run ();
}
