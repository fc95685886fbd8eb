/* test-views.c: the report's views as charts, on the bundled demonstration
 * data; every expected number is read from the findings engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-chart-private.h"
#include "fw-io.h"
#include "fw-views.h"

#define WIDTH  900
#define HEIGHT 560

static FwDataset *demo;

typedef struct
{
  FwExplorer *explorer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->explorer = fw_explorer_new (demo);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->explorer);
}

static FwChart *
build (Fixture *fixture,
       FwView   view)
{
  FwChart *chart = fw_view_build (view, fixture->explorer);

  g_assert_nonnull (chart);
  fw_chart_layout (chart, WIDTH, HEIGHT, NULL);

  return chart;
}

/* The mark of @category (single series), or FALSE when it has none. */
static gboolean
mark_of (FwChart     *chart,
         guint        category,
         FwChartMark *mark)
{
  for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
    {
      fw_chart_get_mark (chart, i, mark);
      if (mark->category == category)
        return TRUE;
    }

  return FALSE;
}

static void
assert_category (FwChart    *chart,
                 guint       category,
                 FwFacet     facet,
                 guint       value,
                 guint       firms)
{
  g_autofree char *label = fw_facet_value_label (facet, value, demo);
  FwChartMark mark;

  g_assert_cmpstr (fw_chart_get_category_label (chart, category), ==, label);
  g_assert_cmpfloat (fw_chart_get_value (chart, category, 0), ==, firms);
  if (firms > 0)
    {
      g_assert_true (mark_of (chart, category, &mark));
      g_assert_cmpint (mark.facet, ==, facet);
      g_assert_cmpuint (mark.value, ==, value);
    }
  else
    g_assert_false (mark_of (chart, category, &mark));
}

static void
check_ranking (FwChart *chart,
               GArray  *entries,
               FwFacet  facet,
               guint    top)
{
  g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, MIN (entries->len, top));
  for (guint i = 0; i < MIN (entries->len, top); i++)
    {
      const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);

      assert_category (chart, i, facet, entry->key, entry->firms);
    }
}

/* Each view against the findings of whatever filter is current. */
static void
check_views (Fixture *fixture)
{
  FwFindings *findings = fw_explorer_get_findings (fixture->explorer);
  const char *watermark = "Fictional firms: demonstration data";

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_CONFIDENCE);
    static const FwConfidence order[] = {
      FW_CONFIDENCE_HIGH, FW_CONFIDENCE_MEDIUM, FW_CONFIDENCE_LOW, FW_CONFIDENCE_UNKNOWN,
    };

    g_assert_cmpint (fw_chart_get_kind (chart), ==, FW_CHART_BARS);
    g_assert_cmpstr (fw_chart_get_watermark (chart), ==, watermark);
    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, 4);
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      assert_category (chart, i, FW_FACET_CONFIDENCE, order[i], findings->confidence[order[i]]);
    g_assert_cmpstr (fw_chart_get_category_label (chart, 3), ==, "(unknown)");
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_HQ_COUNTRIES);
    GArray *entries = findings->hq_countries;
    guint n = MIN (entries->len, 15);
    guint others = 0, other_firms = 0;

    for (guint i = 0; i < n; i++)
      {
        const FwRankEntry *entry = &g_array_index (entries, FwRankEntry, i);

        assert_category (chart, i, FW_FACET_HQ_COUNTRY, entry->key, entry->firms);
      }
    for (guint i = n; i < entries->len; i++)
      {
        g_assert_cmpuint (g_array_index (entries, FwRankEntry, i).key, !=, FW_COUNTRY_UNKNOWN);
        others++;
        other_firms += g_array_index (entries, FwRankEntry, i).firms;
      }
    if (others > 0)
      {
        g_autofree char *label = g_strdup_printf ("Other countries (%u)", others);
        FwChartMark mark;

        g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, n + 1);
        g_assert_cmpstr (fw_chart_get_category_label (chart, n), ==, label);
        g_assert_cmpfloat (fw_chart_get_value (chart, n, 0), ==, other_firms);
        g_assert_true (mark_of (chart, n, &mark));
        g_assert_cmpint (mark.facet, ==, FW_CHART_NO_TARGET);
      }
    else
      g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, n);
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_BY_YEAR);
    gboolean any_unknown = FALSE;

    g_assert_cmpint (fw_chart_get_kind (chart), ==, FW_CHART_COLUMNS);
    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, findings->by_year->len);
    for (guint i = 0; i < findings->by_year->len; i++)
      any_unknown |= g_array_index (findings->by_year, FwYearClasses, i).unknown > 0;
    g_assert_cmpuint (fw_chart_get_n_series (chart), ==, any_unknown ? 4 : 3);
    g_assert_cmpstr (fw_chart_get_series_name (chart, 0), ==, "outside home continent");
    g_assert_cmpstr (fw_chart_get_series_name (chart, 1), ==, "home continent");
    g_assert_cmpstr (fw_chart_get_series_name (chart, 2), ==, "home country only");

    for (guint i = 0; i < findings->by_year->len; i++)
      {
        const FwYearClasses *classes = &g_array_index (findings->by_year, FwYearClasses, i);
        g_autofree char *label = fw_facet_value_label (FW_FACET_YEAR, classes->year, demo);

        g_assert_cmpstr (fw_chart_get_category_label (chart, i), ==, label);
        g_assert_cmpfloat (fw_chart_get_value (chart, i, 0), ==, classes->outside_continent);
        g_assert_cmpfloat (fw_chart_get_value (chart, i, 1), ==, classes->home_continent);
        g_assert_cmpfloat (fw_chart_get_value (chart, i, 2), ==, classes->home_country);
      }
    for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
      {
        FwChartMark mark;

        fw_chart_get_mark (chart, i, &mark);
        g_assert_cmpint (mark.facet, ==, FW_FACET_YEAR);
        g_assert_cmpuint (mark.value, ==, g_array_index (findings->by_year, FwYearClasses, mark.category).year);
      }

    if (findings->base_firms > 0)
      {
        g_autofree char *country = g_strdup_printf ("%u of %u firms", findings->outside_home_country,
                                                    findings->base_firms);
        g_autofree char *continent = g_strdup_printf ("; %u (", findings->outside_home_continent);
        const char *subtitle = fw_chart_get_subtitle (chart);

        g_assert_nonnull (strstr (subtitle, country));
        g_assert_nonnull (strstr (subtitle, continent));
      }
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_FAIRS);

    check_ranking (chart, findings->fairs, FW_FACET_FAIR, 20);
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_HOSTS);

    check_ranking (chart, findings->host_countries, FW_FACET_HOST_COUNTRY, 20);
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_HOSTS_ALL);

    check_ranking (chart, findings->host_countries_all, FW_FACET_HOST_COUNTRY, 20);
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_ADVERSARY);
    FwCountries *countries = fw_dataset_get_countries (demo);
    guint n_points = 0;

    g_assert_cmpint (fw_chart_get_kind (chart), ==, FW_CHART_TIMELINE);
    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, findings->adversary_firms->len);
    for (guint i = 0; i < findings->adversary_firms->len; i++)
      {
        const FwAdversaryFirm *firm = g_ptr_array_index (findings->adversary_firms, i);

        g_assert_cmpstr (fw_chart_get_category_label (chart, i), ==,
                         fw_dataset_get_firm_name (demo, firm->firm));
        g_assert_cmpint (fw_chart_get_category_firm (chart, i), ==, firm->firm);
        n_points += firm->visits->len;
      }
    g_assert_cmpuint (fw_chart_get_n_points (chart), ==, n_points);
    g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, n_points);

    for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
      {
        const FwAdversaryFirm *firm;
        FwChartMark mark;
        g_autofree char *text = NULL;
        const char *host;
        gboolean found = FALSE;

        fw_chart_get_mark (chart, i, &mark);
        firm = g_ptr_array_index (findings->adversary_firms, mark.category);
        g_assert_cmpint (mark.facet, ==, FW_FACET_HOST_COUNTRY);
        g_assert_true (fw_countries_is_adversary (countries, mark.value));
        g_assert_cmpint (mark.firm, ==, firm->firm);
        host = fw_countries_get_name (countries, mark.value);
        g_assert_cmpstr (fw_chart_get_series_name (chart, mark.series), ==, host);

        /* The dot is one of the firm's visits. */
        text = fw_chart_describe_mark (chart, i);
        for (guint j = 0; j < firm->visits->len && !found; j++)
          {
            const FwAdversaryVisit *visit = &g_array_index (firm->visits, FwAdversaryVisit, j);
            g_autofree char *expected = g_strdup_printf ("%s: %s in %u",
                                                         fw_dataset_get_firm_name (demo, firm->firm),
                                                         fw_countries_get_name (countries, visit->host),
                                                         visit->year);

            found = visit->host == mark.value && g_str_equal (text, expected);
          }
        g_assert_true (found);
      }
  }
}

static void
test_ids (void)
{
  for (guint i = 0; i < FW_N_VIEWS; i++)
    {
      FwView view;

      g_assert_true (fw_view_from_id (fw_view_get_id (i), &view));
      g_assert_cmpint (view, ==, i);
      g_assert_nonnull (fw_view_get_title (i));
    }
  g_assert_cmpstr (fw_view_get_id (FW_VIEW_HOSTS_ALL), ==, "hosts-all");
  g_assert_cmpstr (fw_view_get_title (FW_VIEW_FAIRS), ==, "Fairs by high/medium-confidence firms");
  g_assert_false (fw_view_from_id ("pie", NULL));
}

static void
test_unfiltered (Fixture       *fixture,
                 gconstpointer  user_data)
{
  FwFindings *findings = fw_explorer_get_findings (fixture->explorer);

  check_views (fixture);

  /* The report's figures, which the demonstration data reproduces. */
  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_BY_YEAR);
    const char *subtitle = fw_chart_get_subtitle (chart);

    g_assert_cmpuint (findings->outside_home_country, ==, 71);
    g_assert_cmpuint (findings->outside_home_continent, ==, 60);
    g_assert_nonnull (strstr (subtitle, "71 of 81 firms (87.7 %)"));
    g_assert_nonnull (strstr (subtitle, "60 (74.1 %)"));
    g_assert_nonnull (strstr (subtitle, "2 Five-Eyes-only firms excluded"));
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_ADVERSARY);

    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, 5);
  }

  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_FAIRS);
    const FwRankEntry *top = &g_array_index (findings->fairs, FwRankEntry, 0);
    g_autofree char *name = fw_facet_value_label (FW_FACET_FAIR, top->key, demo);
    g_autofree char *description = fw_chart_describe (chart);
    g_autofree char *highest = g_strdup_printf ("; highest %s with %u.", name, top->firms);
    g_autofree char *mark = fw_chart_describe_mark (chart, 0);
    g_autofree char *mark_prefix = g_strdup_printf ("%s (", name);
    g_autofree char *mark_suffix = g_strdup_printf ("): %u firms", top->firms);

    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, 20);
    g_assert_true (g_str_has_prefix (description, "Bar chart: Fairs by high/medium-confidence firms."));
    g_assert_nonnull (strstr (description, "20 bars"));
    g_assert_nonnull (strstr (description, highest));
    g_assert_true (g_str_has_prefix (mark, mark_prefix));
    g_assert_true (g_str_has_suffix (mark, mark_suffix));
  }
}

static void
test_filtered (Fixture       *fixture,
               gconstpointer  user_data)
{
  FwFindings *findings;
  g_autoptr(FwChart) before = build (fixture, FW_VIEW_HOSTS);
  g_autoptr(FwChart) confidence = NULL;
  g_autoptr(FwChart) after = NULL;

  fw_explorer_toggle_value (fixture->explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  findings = fw_explorer_get_findings (fixture->explorer);
  check_views (fixture);

  confidence = build (fixture, FW_VIEW_CONFIDENCE);
  g_assert_cmpfloat (fw_chart_get_value (confidence, 0, 0), ==, findings->n_firms);
  g_assert_cmpfloat (fw_chart_get_value (confidence, 1, 0), ==, 0);
  g_assert_cmpfloat (fw_chart_get_value (confidence, 2, 0), ==, 0);
  g_assert_cmpuint (fw_chart_get_n_marks (confidence), ==, 1);

  /* Fewer firms, so the top host counts no more than before, and the
   * medium-confidence firms that were counted are gone. */
  after = build (fixture, FW_VIEW_HOSTS);
  g_assert_cmpfloat (fw_chart_get_value (after, 0, 0), <=, fw_chart_get_value (before, 0, 0));
  {
    double sum_before = 0, sum_after = 0;

    for (guint i = 0; i < fw_chart_get_n_categories (before); i++)
      sum_before += fw_chart_get_value (before, i, 0);
    for (guint i = 0; i < fw_chart_get_n_categories (after); i++)
      sum_after += fw_chart_get_value (after, i, 0);
    g_assert_cmpfloat (sum_after, <, sum_before);
  }

  /* A year range. */
  fw_explorer_clear_filter (fixture->explorer);
  fw_explorer_set_years (fixture->explorer, 2010, 2014);
  check_views (fixture);
  {
    g_autoptr(FwChart) chart = build (fixture, FW_VIEW_BY_YEAR);

    g_assert_cmpuint (fw_chart_get_n_categories (chart), ==, 5);
    g_assert_cmpstr (fw_chart_get_category_label (chart, 0), ==, "2010");
  }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  fw_explorer_set_search (fixture->explorer, "no firm is called this");

  for (guint v = 0; v < FW_N_CHART_VIEWS; v++)
    {
      g_autoptr(FwChart) chart = build (fixture, v);
      g_autofree char *description = fw_chart_describe (chart);

      g_assert_true (fw_chart_is_empty (chart));
      g_assert_cmpuint (fw_chart_get_n_marks (chart), ==, 0);
      g_assert_nonnull (fw_chart_get_empty_text (chart));
      g_assert_nonnull (strstr (description, fw_chart_get_empty_text (chart)));
    }
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw - 0.5 && bx < ax + aw - 0.5 &&
         ay < by + bh - 0.5 && by < ay + ah - 0.5;
}

static void
assert_tidy (FwChart    *chart,
             const char *id,
             double      width,
             double      height)
{
  g_autoptr(GArray) boxes = NULL;

  fw_chart_layout (chart, width, height, NULL);
  boxes = fw_chart_get_text_boxes (chart);

  for (guint i = 0; i < boxes->len; i++)
    {
      const FwChartTextBox *a = &g_array_index (boxes, FwChartTextBox, i);

      if (a->x < -0.5 || a->y < -0.5 || a->x + a->width > width + 0.5 || a->y + a->height > height + 0.5)
        g_error ("%s %gx%g: “%s” leaves the canvas", id, width, height, a->text);

      for (guint j = i + 1; j < boxes->len; j++)
        {
          const FwChartTextBox *b = &g_array_index (boxes, FwChartTextBox, j);

          if (boxes_overlap (a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height))
            g_error ("%s %gx%g: “%s” overlaps “%s”", id, width, height, a->text, b->text);
        }

      for (guint m = 0; m < fw_chart_get_n_marks (chart) && !a->on_mark; m++)
        {
          FwChartMark mark;

          fw_chart_get_mark (chart, m, &mark);
          if (boxes_overlap (a->x, a->y, a->width, a->height, mark.x, mark.y, mark.width, mark.height))
            g_error ("%s %gx%g: “%s” overlaps mark %u", id, width, height, a->text, m);
        }
    }
}

static void
write_png (FwChart            *chart,
           const char         *name,
           const FwChartStyle *style)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  fw_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const int sizes[][2] = {
    { 320, 240 }, { 480, 360 }, { 640, 480 }, { 900, 560 }, { 1280, 720 }, { 1920, 1200 },
  };
  FwChartStyle light, dark;

  fw_chart_style_init_light (&light);
  fw_chart_style_init_dark (&dark);

  for (guint v = 0; v < FW_N_CHART_VIEWS; v++)
    {
      g_autoptr(FwChart) chart = fw_view_build (v, fixture->explorer);
      const char *id = fw_view_get_id (v);
      g_autofree char *light_name = g_strdup_printf ("view-%s.png", id);
      g_autofree char *dark_name = g_strdup_printf ("view-%s-dark.png", id);

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        assert_tidy (chart, id, sizes[i][0], sizes[i][1]);

      write_png (chart, light_name, &light);
      write_png (chart, dark_name, &dark);
      g_assert_cmpuint (fw_chart_get_n_marks (chart), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  demo = fw_io_load_demo (&error);
  g_assert_no_error (error);

  g_test_add_func ("/views/ids", test_ids);
  g_test_add ("/views/unfiltered", Fixture, NULL, fixture_set_up, test_unfiltered, fixture_tear_down);
  g_test_add ("/views/filtered", Fixture, NULL, fixture_set_up, test_filtered, fixture_tear_down);
  g_test_add ("/views/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/views/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&demo);

  return status;
}
