/* bench-first-frame.c: the application as a user starts it, quitting at its
 * first frame, so that a script can time process start to first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "fw-application.h"

static gint64 started;

static void
mark (const char *what)
{
  if (g_getenv ("FW_BENCH_VERBOSE") != NULL)
    g_printerr ("%6.1f ms  %s\n", (g_get_monotonic_time () - started) / 1000.0, what);
}

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  mark ("first frame");
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_application_quit (app);
}

static void
on_map (GtkWidget    *window,
        GApplication *app)
{
  mark ("window mapped");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  mark ("window constructed");
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;

  started = g_get_monotonic_time ();
  gtk_init ();
  mark ("gtk_init");
  app = fw_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
