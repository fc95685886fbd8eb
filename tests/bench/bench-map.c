/* bench-map.c: map timings at 1280x800 (decoding the shapes, the first
 * projection, cached redraws of each map, the hover hit test) on the
 * demonstration data, and the maps' counts on a large dataset
 *
 * Prints numbers; never fails on them.  Usage:
 *   bench-map [FILE]     (FILE: a large dataset for the counts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-median.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw-geo-counts.h"
#include "fw-geo.h"
#include "fw-io.h"
#include "fw-map.h"

#define WIDTH  1280
#define HEIGHT 800

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
draw (FwMap   *map,
      cairo_t *cr)
{
  fw_map_draw (map, cr, WIDTH, HEIGHT, NULL);
  cairo_surface_flush (cairo_get_target (cr));
}

int
main (int   argc,
      char *argv[])
{
  static const char *names[FW_N_MAP_KINDS] = { "HQ choropleth", "host circles", "flow arcs" };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) demo = fw_io_load_demo (&error);
  g_autoptr(FwExplorer) explorer = NULL;
  g_autoptr(FwCountries) countries = fw_countries_new_default ();
  g_autoptr(GBytes) shapes = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const guint runs = 21;
  double times[101];

  if (demo == NULL)
    g_error ("%s", error->message);
  explorer = fw_explorer_new (demo);

  shapes = g_resources_lookup_data ("/org/fairwatch/Fairwatch/data/countries-50m.json", 0, &error);
  if (shapes == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < 11; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(FwGeo) geo = fw_geo_new_from_data (shapes, countries, &error);

      times[i] = ms_since (start);
      g_assert (geo != NULL);
    }
  printf ("decode Natural Earth 1:50m TopoJSON (once per process): median %.1f ms\n", bench_median (times, 11));
  fw_geo_get_default ();

  for (FwProjection p = 0; p < FW_N_PROJECTIONS; p++)
    {
      double layout[21], first[21];

      for (guint i = 0; i < runs; i++)
        {
          g_autoptr(FwMap) map = fw_map_new (FW_MAP_HQ);
          gint64 start;

          fw_map_set_projection (map, p);
          fw_map_update (map, explorer);
          start = g_get_monotonic_time ();
          fw_map_layout (map, WIDTH, HEIGHT, NULL);
          layout[i] = ms_since (start);
          start = g_get_monotonic_time ();
          draw (map, cr);
          first[i] = ms_since (start);
        }
      printf ("%s: first projection and layout median %.1f ms; first draw (paths at this scale) median %.1f ms; "
              "together %.1f ms (target <= 100 ms)\n",
              fw_projection_get_id (p), bench_median (layout, runs), bench_median (first, runs),
              bench_median (layout, runs) + bench_median (first, runs));
    }

  for (FwMapKind kind = 0; kind < FW_N_MAP_KINDS; kind++)
    {
      g_autoptr(FwMap) map = fw_map_new (kind);
      double hits[101];
      GRand *rand = g_rand_new_with_seed (7);

      fw_map_update (map, explorer);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_set_highlight (map, i % MAX (fw_map_get_n_marks (map), 1));
          draw (map, cr);
          times[i] = ms_since (start);
        }
      printf ("%s: full vector draw (files, print) median %.1f ms\n", names[kind], bench_median (times, runs));

      /* The window keeps an image of the map; hover adds the highlight. */
      fw_map_set_raster_cache (map, 1);
      draw (map, cr);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_set_highlight (map, i % MAX (fw_map_get_n_marks (map), 1));
          draw (map, cr);
          times[i] = ms_since (start);
        }
      printf ("%s: cached redraw with a new highlight at %dx%d median %.2f ms (target <= 16 ms)", names[kind],
              WIDTH, HEIGHT, bench_median (times, runs));

      for (guint i = 0; i < 101; i++)
        {
          double x = g_rand_double_range (rand, 0, WIDTH), y = g_rand_double_range (rand, 0, HEIGHT);
          gint64 start = g_get_monotonic_time ();

          for (guint j = 0; j < 100; j++)
            fw_map_hit_test (map, x, y, NULL);
          hits[i] = (g_get_monotonic_time () - start) / 100.0;
        }
      printf ("; hover hit test median %.1f µs", bench_median (hits, 101));

      fw_map_zoom_at (map, 4, WIDTH / 2.0, HEIGHT / 2.0);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_zoom_at (map, i % 2 ? 1 / 1.25 : 1.25, WIDTH / 2.0, HEIGHT / 2.0);
          draw (map, cr);
          times[i] = ms_since (start);
        }
      printf ("; zoom step when the steps stop (new paths and image) median %.1f ms", bench_median (times, runs));

      /* A wheel or pinch: each step shows the last image scaled. */
      fw_map_set_interactive (map, TRUE);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_zoom_at (map, i % 2 ? 1 / 1.25 : 1.25, WIDTH / 2.0, HEIGHT / 2.0);
          draw (map, cr);
          times[i] = ms_since (start);
        }
      fw_map_set_interactive (map, FALSE);
      draw (map, cr);
      printf ("; zoom step during a gesture median %.1f ms", bench_median (times, runs));

      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_update (map, explorer);
          draw (map, cr);
          times[i] = ms_since (start);
        }
      printf ("; new filter (counts and image) median %.1f ms", bench_median (times, runs));
      fw_map_set_interactive (map, TRUE);

      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          fw_map_pan (map, i % 2 ? 20 : -20, 0);
          draw (map, cr);
          times[i] = ms_since (start);
        }
      printf ("; pan step while dragging median %.2f ms\n", bench_median (times, runs));
      g_rand_free (rand);
    }

  if (argc > 1)
    {
      g_autoptr(FwDataset) large = fw_io_load (argv[1], NULL, NULL, &error);
      g_autoptr(FwQuery) query = NULL;
      g_autoptr(FwFilter) filter = fw_filter_new ();

      if (large == NULL)
        g_error ("%s: %s", argv[1], error->message);
      query = fw_query_new (large);
      fw_query_run (query, filter);
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();
          FwGeoCounts *counts = fw_geo_counts_compute (query);

          times[i] = ms_since (start);
          fw_geo_counts_free (counts);
        }
      printf ("map counts (one pass, %u firms, %u exhibitions): median %.1f ms\n",
              fw_dataset_get_n_rows (large, FW_TABLE_FIRMS), fw_dataset_get_n_rows (large, FW_TABLE_EXHIBITIONS),
              bench_median (times, runs));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return 0;
}
