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

static guint
count_widgets (GtkWidget  *widget,
               GHashTable *by_type)
{
  guint n = 1;

  if (by_type != NULL)
    {
      const char *name = G_OBJECT_TYPE_NAME (widget);

      g_hash_table_insert (by_type, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_type, name)) + 1));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, by_type);

  return n;
}

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  mark ("first frame");
  if (g_getenv ("FW_BENCH_VERBOSE") != NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
      g_autoptr(GHashTable) by_type = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer name, n;

      g_printerr ("widgets in the window: %u\n", count_widgets (GTK_WIDGET (window), by_type));
      g_hash_table_iter_init (&iter, by_type);
      while (g_hash_table_iter_next (&iter, &name, &n))
        if (GPOINTER_TO_UINT (n) >= 20)
          g_printerr ("  %5u %s\n", GPOINTER_TO_UINT (n), (const char *) name);
    }
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
