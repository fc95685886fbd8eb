/* bench-ui.c: from a facet click to every visible view redrawn
 *
 * Run under Xvfb.  Prints numbers; never fails on them.  Usage:
 *   bench-ui FILE [VIEW…]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-median.h"

#include <adwaita.h>
#include <stdlib.h>

#include "fw-io.h"
#include "fw-window.h"

static const char *path;
static char **only_views;
static gint64 clicked_at;
static gboolean waiting;
static GArray *latencies;
static GArray *handler_times;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (waiting)
    {
      double ms = (g_get_monotonic_time () - clicked_at) / 1000.0;

      g_array_append_val (latencies, ms);
      waiting = FALSE;
    }
}

static void
wait_for_frame (void)
{
  while (waiting)
    g_main_context_iteration (NULL, TRUE);
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 500 * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  const char *views[] = { "firms", "regions", "fairs", "adversaries", "maps", "tables" };
  g_autoptr(GError) error = NULL;
  FwWindow *window;
  FwExplorer *explorer;
  GdkFrameClock *clock;
  gint64 start;

  g_signal_stop_emission_by_name (app, "activate");

  window = fw_window_new (FW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  fw_window_open_file (window, g_file_new_for_commandline_arg (path));
  while (fw_window_get_explorer (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_print ("opened %s in the window: %.2f s\n", path, (g_get_monotonic_time () - start) / 1e6);

  explorer = fw_window_get_explorer (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      if (only_views != NULL && !g_strv_contains ((const char * const *)only_views, views[v]))
        continue;

      fw_window_show_view (window, views[v]);
      settle ();
      g_array_set_size (latencies, 0);
      g_array_set_size (handler_times, 0);

      /* The clicks a person makes: a confidence level, a host continent,
       * a year range, then clearing. */
      for (guint i = 0; i < 12; i++)
        {
          clicked_at = g_get_monotonic_time ();
          waiting = TRUE;
          switch (i % 4)
            {
            case 0:
              fw_explorer_toggle_value (explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
              break;
            case 1:
              fw_explorer_toggle_value (explorer, FW_FACET_HOST_CONTINENT, FW_CONTINENT_ASIA);
              break;
            case 2:
              fw_explorer_set_years (explorer, 2010, 2015);
              break;
            default:
              fw_explorer_clear_filter (explorer);
              break;
            }
          {
            double ms = (g_get_monotonic_time () - clicked_at) / 1000.0;

            g_array_append_val (handler_times, ms);
          }
          gtk_widget_queue_draw (GTK_WIDGET (window));
          wait_for_frame ();
        }

      g_array_sort (latencies, bench_compare_doubles);
      g_array_sort (handler_times, bench_compare_doubles);
      g_print ("view %-12s facet click to redrawn frame: median %.1f ms, max %.1f ms over %u clicks  (target <= 50 ms); "
               "of which the model and widget updates: median %.1f ms\n",
               views[v],
               g_array_index (latencies, double, latencies->len / 2),
               g_array_index (latencies, double, latencies->len - 1),
               latencies->len,
               g_array_index (handler_times, double, handler_times->len / 2));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [VIEW…]\n", argv[0]);
      return 2;
    }

  path = argv[1];
  if (argc > 2)
    only_views = &argv[2];
  latencies = g_array_new (FALSE, FALSE, sizeof (double));
  handler_times = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_init ();
  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
