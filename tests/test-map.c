/* test-map.c: projections, classes, and the maps drawn and hit-tested on
 * a hand-made fixture and on the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>

#include "fw-io.h"
#include "fw-map.h"
#include "fw-views.h"

#define WIDTH  1280
#define HEIGHT 800

static FwDataset *demo;

static void
test_projection (void)
{
  double x, y, lon, lat;

  for (guint p = 0; p < FW_N_PROJECTIONS; p++)
    {
      FwProjection projection;

      g_assert_true (fw_projection_from_id (fw_projection_get_id (p), &projection));
      g_assert_cmpint (projection, ==, p);
      fw_projection_project (p, 0, 0, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
      g_assert_cmpfloat_with_epsilon (y, 0, 1e-12);

      /* Inverse of the forward projection all over the globe. */
      for (int plon = -180; plon <= 180; plon += 15)
        for (int plat = -90; plat <= 90; plat += 10)
          {
            fw_projection_project (p, plon, plat, &x, &y);
            g_assert_true (fw_projection_invert (p, x, y, &lon, &lat));
            g_assert_cmpfloat_with_epsilon (lat, plat, 1e-6);
            if (abs (plat) < 90)
              g_assert_cmpfloat_with_epsilon (lon, plon, 1e-6);
          }
      /* Outside the outline is nowhere. */
      fw_projection_project (p, 180, 60, &x, &y);
      g_assert_false (fw_projection_invert (p, x + 0.1, y, &lon, &lat));
    }

  /* Equal Earth: the extent Šavrič, Patterson and Jenny (2018) give for
   * the unit sphere. */
  fw_projection_project (FW_PROJECTION_EQUAL_EARTH, 180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 2.706629, 1e-6);
  fw_projection_project (FW_PROJECTION_EQUAL_EARTH, 0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.317363, 1e-6);

  /* Natural Earth I: 0.8707 π wide at the equator, 1.4224 at the pole. */
  fw_projection_project (FW_PROJECTION_NATURAL_EARTH, 180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.8707 * G_PI, 1e-9);
  fw_projection_project (FW_PROJECTION_NATURAL_EARTH, 0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.422399, 1e-5);

  fw_projection_project (FW_PROJECTION_EQUIRECTANGULAR, 90, 45, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, G_PI / 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, G_PI / 4, 1e-12);

  /* Equal area: a small cell's projected area over its area on the
   * sphere is the same at every latitude and longitude. */
  {
    double ratio0 = 0;

    for (int plat = -80; plat <= 80; plat += 20)
      for (int plon = -160; plon <= 160; plon += 80)
        {
          double d = 0.01, x0, y0, x1, y1, x2, y2, area, sphere, ratio;

          fw_projection_project (FW_PROJECTION_EQUAL_EARTH, plon, plat, &x0, &y0);
          fw_projection_project (FW_PROJECTION_EQUAL_EARTH, plon + d, plat, &x1, &y1);
          fw_projection_project (FW_PROJECTION_EQUAL_EARTH, plon, plat + d, &x2, &y2);
          area = fabs ((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0));
          sphere = (d * G_PI / 180) * (d * G_PI / 180) * cos ((plat + d / 2) * G_PI / 180);
          ratio = area / sphere;
          if (ratio0 == 0)
            ratio0 = ratio;
          g_assert_cmpfloat_with_epsilon (ratio / ratio0, 1, 1e-3);
        }
  }
}

static char *
breaks_to_string (const guint *values,
                  guint        n_values,
                  FwClassify   method,
                  guint        n_classes)
{
  guint breaks[FW_MAP_MAX_CLASSES];
  guint n = fw_map_classify (values, n_values, method, n_classes, breaks);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? " " : "", breaks[i]);

  return g_string_free (out, FALSE);
}

#define assert_breaks(values, method, n, expected) \
  G_STMT_START { \
    g_autofree char *__s = breaks_to_string ((values), G_N_ELEMENTS (values), (method), (n)); \
    g_assert_cmpstr (__s, ==, (expected)); \
  } G_STMT_END

static void
test_classify (void)
{
  static const guint fibonacci[] = { 55, 1, 2, 1, 3, 8, 5, 13, 21, 34 };
  static const guint clusters[] = { 1, 2, 3, 10, 11, 12, 50, 51 };
  static const guint same[] = { 4, 4, 4 };

  assert_breaks (fibonacci, FW_CLASSIFY_QUANTILE, 5, "1 3 8 21 55");
  assert_breaks (fibonacci, FW_CLASSIFY_EQUAL_INTERVAL, 5, "11 22 33 44 55");
  assert_breaks (clusters, FW_CLASSIFY_NATURAL_BREAKS, 3, "3 12 51");
  assert_breaks (clusters, FW_CLASSIFY_EQUAL_INTERVAL, 3, "17 34 51");
  assert_breaks (same, FW_CLASSIFY_QUANTILE, 5, "4");
  assert_breaks (same, FW_CLASSIFY_NATURAL_BREAKS, 3, "4");
  /* Never more classes than distinct values. */
  assert_breaks (clusters, FW_CLASSIFY_NATURAL_BREAKS, 7, "1 2 3 10 11 12 51");
}

/* A fixture: many French firms, fewer German ones, one in Bahrain, and
 * fairs in France, Singapore and Qatar. */
typedef struct
{
  FwCountries *countries;
  FwDataset   *dataset;
  FwExplorer  *explorer;
} Fixture;

static FwCountryId
code (Fixture    *fixture,
      const char *alpha2)
{
  return fw_countries_lookup_code (fixture->countries, alpha2);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const struct { const char *hq; guint n; } firms[] = {
    { "FR", 20 }, { "DE", 6 }, { "IL", 3 }, { "BH", 1 }, { "US", 10 },
  };
  static const struct { const char *name, *host; } fairs[] = {
    { "Milipol Paris", "FR" }, { "Milipol Asia-Pacific", "SG" }, { "Milipol Qatar", "QA" },
  };
  guint firm = 0;

  fixture->countries = fw_countries_new_default ();
  fixture->dataset = fw_dataset_new (fixture->countries);
  fw_dataset_set_fictional (fixture->dataset, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (fairs); i++)
    {
      FwFairValues values = { NULL, fairs[i].name, code (fixture, fairs[i].host), NULL };
      fw_dataset_append_fair (fixture->dataset, &values);
    }
  for (guint i = 0; i < G_N_ELEMENTS (firms); i++)
    for (guint j = 0; j < firms[i].n; j++, firm++)
      {
        g_autofree char *name = g_strdup_printf ("%s firm %u", firms[i].hq, j);
        FwFirmValues values = { NULL, name, code (fixture, firms[i].hq), FW_CONFIDENCE_HIGH, NULL, NULL, NULL };
        FwExhibitionValues paris = { firm, 0, 2016, NULL, NULL };
        FwExhibitionValues singapore = { firm, 1, 2018, NULL, NULL };
        FwExhibitionValues doha = { firm, 2, 2018, NULL, NULL };

        fw_dataset_append_firm (fixture->dataset, &values);
        /* Everyone at Paris; one in three at Singapore; Israelis in Qatar. */
        fw_dataset_append_exhibition (fixture->dataset, &paris);
        if (firm % 3 == 0)
          fw_dataset_append_exhibition (fixture->dataset, &singapore);
        if (g_str_equal (firms[i].hq, "IL"))
          fw_dataset_append_exhibition (fixture->dataset, &doha);
      }

  fixture->explorer = fw_explorer_new (fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->explorer));
  g_assert_finalize_object (g_steal_pointer (&fixture->dataset));
  g_assert_finalize_object (g_steal_pointer (&fixture->countries));
}

static FwMap *
new_map (Fixture   *fixture,
         FwMapKind  kind)
{
  FwMap *map = fw_map_new (kind);

  fw_map_update (map, fixture->explorer);
  fw_map_layout (map, WIDTH, HEIGHT, NULL);

  return map;
}

static cairo_surface_t *
render (FwMap              *map,
        const char         *name,
        const FwChartStyle *style)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  fw_map_draw (map, cr, WIDTH, HEIGHT, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       guint            rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);

  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const double     rgba[4])
{
  guint rgb[3];

  pixel (surface, x, y, rgb);
  for (guint i = 0; i < 3; i++)
    if (abs ((int) rgb[i] - (int) round (rgba[i] * 255)) > 2)
      g_error ("pixel at %g, %g is #%02X%02X%02X, not #%02X%02X%02X", x, y, rgb[0], rgb[1], rgb[2],
               (guint) round (rgba[0] * 255), (guint) round (rgba[1] * 255), (guint) round (rgba[2] * 255));
}

/* The first legend swatch sits at the left edge, on the lowest row that
 * has anything but background there. */
static void
assert_legend_swatch (cairo_surface_t *surface,
                      const double     rgba[4])
{
  guint background[3], rgb[3];

  pixel (surface, 2, HEIGHT - 2, background);
  for (int y = HEIGHT - 2; y > HEIGHT / 2; y--)
    {
      pixel (surface, 20, y, rgb);
      if (rgb[0] != background[0] || rgb[1] != background[1] || rgb[2] != background[2])
        {
          assert_pixel (surface, 20, y - 4, rgba);
          return;
        }
    }
  g_error ("no legend swatch found");
}

static void
test_hq (Fixture       *fixture,
         gconstpointer  user_data)
{
  g_autoptr(FwMap) map = new_map (fixture, FW_MAP_HQ);
  cairo_surface_t *surface;
  FwChartStyle light, dark;
  double x, y;
  guint n_breaks;
  const guint *breaks = fw_map_get_breaks (map, &n_breaks);
  FwMapMark mark;

  fw_chart_style_init_light (&light);
  fw_chart_style_init_dark (&dark);

  /* Five countries with 1, 3, 6, 10 and 20 firms: five classes. */
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 5);
  g_assert_cmpuint (n_breaks, ==, 5);
  g_assert_cmpuint (breaks[n_breaks - 1], ==, 20);

  surface = render (map, "map-hq.png", &light);
  /* France has the most firms: the ramp's last colour. */
  fw_map_project_point (map, 2.5, 47.0, &x, &y);
  assert_pixel (surface, x, y, light.ramp[6]);
  /* The United States, fourth of five classes: spread over the ramp. */
  fw_map_project_point (map, -100, 40, &x, &y);
  assert_pixel (surface, x, y, light.ramp[5]);
  /* Brazil has no firms in the dataset. */
  fw_map_project_point (map, -50, -10, &x, &y);
  assert_pixel (surface, x, y, light.land);
  /* The sea. */
  fw_map_project_point (map, -40, 25, &x, &y);
  assert_pixel (surface, x, y, light.water);
  cairo_surface_destroy (surface);

  surface = render (map, "map-hq-dark.png", &dark);
  fw_map_project_point (map, 2.5, 47.0, &x, &y);
  assert_pixel (surface, x, y, dark.ramp[6]);
  cairo_surface_destroy (surface);

  /* High contrast, for a person to look at. */
  {
    FwChartStyle contrast;

    fw_chart_style_init_high_contrast (&contrast, TRUE);
    surface = render (map, "map-hq-contrast.png", &contrast);
    assert_pixel (surface, x, y, contrast.ramp[6]);
    /* The legend follows the style too: its first swatch is the ramp's
     * first colour of this style, at the left of the last line. */
    assert_legend_swatch (surface, contrast.ramp[0]);
    cairo_surface_destroy (surface);
  }

  /* The window's image of the map has the same colours, and follows a
   * change of style. */
  fw_map_set_raster_cache (map, 1);
  cairo_surface_destroy (render (map, "map-hq-raster.png", &light));
  surface = render (map, "map-hq-raster.png", &dark);
  assert_pixel (surface, x, y, dark.ramp[6]);
  fw_map_project_point (map, -50, -10, &x, &y);
  assert_pixel (surface, x, y, dark.land);
  cairo_surface_destroy (surface);
  fw_map_set_raster_cache (map, 0);

  /* Hit testing: a point in France is France, one in the sea nothing. */
  fw_map_project_point (map, 2.35, 48.85, &x, &y);
  g_assert_true (fw_map_hit_test (map, x, y, &mark));
  g_assert_cmpuint (mark.hq, ==, code (fixture, "FR"));
  g_assert_cmpint (mark.facet, ==, FW_FACET_HQ_COUNTRY);
  g_assert_cmpuint (mark.firms, ==, 20);
  fw_map_project_point (map, -30, 40, &x, &y);
  g_assert_false (fw_map_hit_test (map, x, y, NULL));
  g_assert_cmpint (fw_map_feature_at (map, x, y), ==, -1);

  /* Bahrain is under a pixel wide: a dot in its class colour shows it and
   * takes the pointer. */
  {
    FwCountryId bh = code (fixture, "BH");

    for (guint i = 0; fw_map_get_mark (map, i, &mark) && mark.hq != bh; i++)
      ;
    g_assert_cmpuint (mark.hq, ==, bh);
    surface = render (map, "map-hq.png", &light);
    assert_pixel (surface, mark.x, mark.y, light.ramp[0]);
    cairo_surface_destroy (surface);
    g_assert_true (fw_map_hit_test (map, mark.x + 4, mark.y + 1, &mark));
    g_assert_cmpuint (mark.hq, ==, bh);
  }

  /* Under a filter that keeps no German firm, Germany is zero: hatched,
   * not "no data". */
  fw_explorer_toggle_value (fixture->explorer, FW_FACET_HQ_COUNTRY, code (fixture, "FR"));
  fw_map_update (map, fixture->explorer);
  {
    double rgba[4];

    fw_map_get_country_rgba (map, code (fixture, "DE"), &light, rgba);
    g_assert_cmpmem (rgba, sizeof rgba, light.zero, sizeof rgba);
    fw_map_get_country_rgba (map, code (fixture, "BR"), &light, rgba);
    g_assert_cmpmem (rgba, sizeof rgba, light.land, sizeof rgba);
  }
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 1);

  /* The window's image, made by compositing each country's coverage,
   * is the vector drawing but for antialiasing: hatching, borders and
   * classes alike, after the filter changed under it. */
  {
    cairo_surface_t *vector = render (map, "map-hq-zero.png", &light);
    cairo_surface_t *raster;
    const guint8 *a, *b;
    int stride = cairo_image_surface_get_stride (vector);
    guint differ = 0;

    fw_map_set_raster_cache (map, 1);
    raster = render (map, "map-hq-zero-raster.png", &light);
    fw_map_set_raster_cache (map, 0);
    a = cairo_image_surface_get_data (vector);
    b = cairo_image_surface_get_data (raster);
    for (int py = 0; py < HEIGHT; py++)
      for (int px = 0; px < WIDTH; px++)
        for (int c = 0; c < 3; c++)
          if (abs ((int) a[py * stride + 4 * px + c] - (int) b[py * stride + 4 * px + c]) > 24)
            {
              differ++;
              break;
            }
    g_test_message ("raster and vector differ at %u of %u pixels", differ, WIDTH * HEIGHT);
    g_assert_cmpuint (differ, <, WIDTH * HEIGHT / 100);
    cairo_surface_destroy (raster);
    cairo_surface_destroy (vector);
  }
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(FwMap) map = new_map (fixture, FW_MAP_HQ);
  double x, y, x0, y0;
  FwMapMark mark;

  fw_map_project_point (map, 2.35, 48.85, &x0, &y0);
  fw_map_zoom_at (map, 6, x0, y0);
  g_assert_cmpfloat_with_epsilon (fw_map_get_zoom (map), 6, 1e-9);
  /* Zooming about Paris keeps Paris where it was. */
  fw_map_project_point (map, 2.35, 48.85, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, y0, 1e-6);

  fw_map_pan (map, 120, -45);
  fw_map_project_point (map, 2.35, 48.85, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0 + 120, 1e-6);
  g_assert_true (fw_map_hit_test (map, x, y, &mark));
  g_assert_cmpuint (mark.hq, ==, code (fixture, "FR"));
  /* Where Paris was is now west of it, in the Atlantic. */
  fw_map_project_point (map, -6, 46, &x, &y);
  g_assert_false (fw_map_hit_test (map, x, y, NULL));
  fw_map_project_point (map, 8.5, 50.0, &x, &y);
  g_assert_true (fw_map_hit_test (map, x, y, &mark));
  g_assert_cmpuint (mark.hq, ==, code (fixture, "DE"));

  /* Drawn zoomed, France still has its colour. */
  {
    FwChartStyle light;
    cairo_surface_t *surface;

    fw_chart_style_init_light (&light);
    surface = render (map, "map-hq-zoomed.png", &light);
    fw_map_project_point (map, 2.5, 47.0, &x, &y);
    assert_pixel (surface, x, y, light.ramp[6]);
    cairo_surface_destroy (surface);
  }

  fw_map_reset_view (map);
  g_assert_cmpfloat (fw_map_get_zoom (map), ==, 1);
  fw_map_project_point (map, 2.35, 48.85, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0, 1e-6);

  /* Never further out than the whole world. */
  fw_map_zoom_at (map, 0.1, 100, 100);
  g_assert_cmpfloat (fw_map_get_zoom (map), ==, 1);

  /* On screen, a zoom gesture shows the last image scaled, France still
   * under Paris; when it ends the map is drawn anew at the new scale. */
  {
    FwChartStyle light;
    cairo_surface_t *surface;

    fw_chart_style_init_light (&light);
    fw_map_set_raster_cache (map, 1);
    cairo_surface_destroy (render (map, "map-hq-before-gesture.png", &light));
    fw_map_set_interactive (map, TRUE);
    fw_map_project_point (map, 2.35, 48.85, &x0, &y0);
    fw_map_zoom_at (map, 3, x0, y0);
    surface = render (map, "map-hq-gesture.png", &light);
    fw_map_project_point (map, 2.5, 47.0, &x, &y);
    assert_pixel (surface, x, y, light.ramp[6]);
    cairo_surface_destroy (surface);

    fw_map_set_interactive (map, FALSE);
    surface = render (map, "map-hq-after-gesture.png", &light);
    assert_pixel (surface, x, y, light.ramp[6]);
    /* Germany, in its own class colour. */
    {
      double rgba[4];

      fw_map_get_country_rgba (map, code (fixture, "DE"), &light, rgba);
      fw_map_project_point (map, 10.0, 51.0, &x, &y);
      assert_pixel (surface, x, y, rgba);
    }
    cairo_surface_destroy (surface);
    fw_map_set_raster_cache (map, 0);
  }
}

static void
test_hosts (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(FwMap) map = new_map (fixture, FW_MAP_HOSTS);
  FwCountryId sg = code (fixture, "SG");
  cairo_surface_t *surface;
  FwChartStyle light;
  FwMapMark mark;
  guint rgb[3];
  gboolean found = FALSE;

  fw_chart_style_init_light (&light);
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 3);
  for (guint i = 0; i < fw_map_get_n_marks (map); i++)
    {
      fw_map_get_mark (map, i, &mark);
      if (mark.host == sg)
        {
          found = TRUE;
          break;
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (mark.firms, ==, 14);

  /* Singapore is a few pixels wide; its circle is drawn and pointable. */
  surface = render (map, "map-hosts.png", &light);
  pixel (surface, mark.x, mark.y, rgb);
  g_assert_cmpint (rgb[2], >, rgb[0] + 80);
  g_assert_true (fw_map_hit_test (map, mark.x + 3, mark.y, &mark));
  g_assert_cmpuint (mark.host, ==, sg);
  g_assert_cmpint (mark.facet, ==, FW_FACET_HOST_COUNTRY);
  cairo_surface_destroy (surface);

  /* Switching from another map refits to this one's legend. */
  {
    g_autoptr(FwMap) other = new_map (fixture, FW_MAP_HQ);
    double x0, y0, x1, y1;

    fw_map_set_kind (other, FW_MAP_HOSTS);
    fw_map_layout (other, WIDTH, HEIGHT, NULL);
    fw_map_project_point (other, 0, -90, &x0, &y0);
    fw_map_project_point (map, 0, -90, &x1, &y1);
    g_assert_cmpfloat_with_epsilon (y0, y1, 1e-9);
  }

  fw_map_set_split_confidence (map, TRUE);
  surface = render (map, "map-hosts-split.png", &light);
  cairo_surface_destroy (surface);

  /* Clicking filters on the host country; every view follows. */
  fw_map_activate_mark (map, mark.index, fixture->explorer);
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (fixture->explorer), FW_FACET_HOST_COUNTRY, sg));
  fw_map_update (map, fixture->explorer);
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 1);
}

static void
test_flows (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(FwMap) map = new_map (fixture, FW_MAP_FLOWS);
  const FwFilter *filter;
  cairo_surface_t *surface;
  FwChartStyle light;
  FwMapMark mark, hit;
  g_autofree char *text = NULL;

  fw_chart_style_init_light (&light);
  /* DE, IL, BH, US to France; all but Bahrain to Singapore; IL to Qatar. */
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 9);
  g_assert_cmpuint (fw_map_get_max_flow (map), ==, 10);
  surface = render (map, "map-flows.png", &light);
  cairo_surface_destroy (surface);

  /* The largest is drawn last, on top: US to France. */
  g_assert_true (fw_map_get_mark (map, fw_map_get_n_marks (map) - 1, &mark));
  g_assert_true (mark.flow);
  g_assert_cmpuint (mark.hq, ==, code (fixture, "US"));
  g_assert_cmpuint (mark.host, ==, code (fixture, "FR"));
  g_assert_true (fw_map_hit_test (map, mark.x, mark.y, &hit));
  g_assert_cmpint (hit.index, ==, mark.index);
  text = fw_map_describe_mark (map, mark.index);
  g_assert_cmpstr (text, ==, "United States → France: 10 firms\nFairs with the most of these firms:\nMilipol Paris: 10");

  /* US, DE, IL to France, FR and US to Singapore, IL to Qatar. */
  fw_map_set_min_flow (map, 3);
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 6);

  /* A flow filters on both countries in one step, and back. */
  fw_map_activate_mark (map, fw_map_get_n_marks (map) - 1, fixture->explorer);
  filter = fw_explorer_get_filter (fixture->explorer);
  g_assert_true (fw_filter_has_value (filter, FW_FACET_HQ_COUNTRY, code (fixture, "US")));
  g_assert_true (fw_filter_has_value (filter, FW_FACET_HOST_COUNTRY, code (fixture, "FR")));
  fw_explorer_go_back (fixture->explorer);
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (fixture->explorer)));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(FwMap) map = new_map (fixture, FW_MAP_HQ);
  FwMapMark from, to;
  gint i;

  /* The keyboard starts on the largest, France. */
  fw_map_get_mark (map, fw_map_get_neighbour (map, -1, 1, 0), &to);
  g_assert_cmpuint (to.hq, ==, code (fixture, "FR"));

  /* From France, east is Germany, west across the Atlantic the US. */
  for (i = 0; fw_map_get_mark (map, i, &from) && from.hq != code (fixture, "FR"); i++)
    ;
  fw_map_get_mark (map, fw_map_get_neighbour (map, i, 1, 0), &to);
  g_assert_cmpuint (to.hq, ==, code (fixture, "DE"));
  fw_map_get_mark (map, fw_map_get_neighbour (map, i, -1, 0), &to);
  g_assert_cmpuint (to.hq, ==, code (fixture, "US"));
  g_assert_cmpint (fw_map_get_neighbour (map, i, 0, -1), ==, -1);
}

static void
test_figures (void)
{
  g_autoptr(FwExplorer) explorer = fw_explorer_new (demo);

  for (guint v = FW_VIEW_MAP_HQ; v < FW_N_VIEWS; v++)
    {
      g_autoptr(FwFigure) figure = fw_view_build_figure (v, explorer);
      g_autofree char *description = fw_figure_describe (figure);
      g_autofree char *name = g_strdup_printf ("view-%s.png", fw_view_get_id (v));
      g_autofree char *svg = g_strdup_printf ("view-%s.svg", fw_view_get_id (v));
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, svg, NULL);
      cairo_surface_t *surface;
      cairo_t *cr;

      g_assert_true (FW_IS_MAP (figure));
      g_assert_cmpstr (fw_figure_get_title (figure), ==, fw_view_get_title (v));
      g_assert_cmpuint (fw_map_get_n_marks (FW_MAP (figure)), >, 0);
      g_assert_nonnull (strstr (description, fw_view_get_title (v)));
      cairo_surface_destroy (render (FW_MAP (figure), name, NULL));

      /* Text stays text in vector files: the title is in the SVG. */
      surface = cairo_svg_surface_create (path, 900, 600);
      cr = cairo_create (surface);
      fw_figure_draw (figure, cr, 900, 600, NULL);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      {
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_nonnull (strstr (contents, "<path"));
      }
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

  g_test_add_func ("/map/projection", test_projection);
  g_test_add_func ("/map/classify", test_classify);
  g_test_add ("/map/hq", Fixture, NULL, fixture_set_up, test_hq, fixture_tear_down);
  g_test_add ("/map/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/map/hosts", Fixture, NULL, fixture_set_up, test_hosts, fixture_tear_down);
  g_test_add ("/map/flows", Fixture, NULL, fixture_set_up, test_flows, fixture_tear_down);
  g_test_add ("/map/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add_func ("/map/figures", test_figures);

  status = g_test_run ();
  g_clear_object (&demo);

  return status;
}
