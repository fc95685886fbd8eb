/* test-i18n.c: the French translation loads and the window speaks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "fw-types.h"
#include "fw-window.h"

static void
test_i18n_catalogue (void)
{
  /* Strings from each layer: core, render, app. */
  g_assert_cmpstr (_("Overview"), ==, "Aperçu");
  g_assert_cmpstr (fw_confidence_to_label (FW_CONFIDENCE_HIGH), ==, "Élevée");
  g_assert_cmpstr (_("All records"), !=, "All records");
}

static void
test_i18n_window (void)
{
  FwWindow *window = fw_window_new (FW_APPLICATION (g_application_get_default ()));
  GtkWidget *page;
  AdwViewStackPage *stack_page;
  GtkWidget *stack;

  fw_window_open_demo (window);
  page = fw_window_get_view (window, "overview");
  g_assert_nonnull (page);

  stack = gtk_widget_get_parent (page);
  while (stack != NULL && !ADW_IS_VIEW_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  g_assert_nonnull (stack);

  stack_page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), page);
  g_assert_cmpstr (adw_view_stack_page_get_title (stack_page), ==, "Aperçu");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_activate (GApplication *app,
             int          *status)
{
  g_signal_stop_emission_by_name (app, "activate");
  *status = g_test_run ();
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;
  g_autofree char *catalogues = NULL;
  int status = 0;

  /* The catalogue of the build tree, not of the installed program. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  catalogues = g_build_filename (g_getenv ("FW_BUILD_ROOT"), "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, catalogues);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/catalogue", test_i18n_catalogue);
  g_test_add_func ("/i18n/window", test_i18n_window);

  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &status);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return status;
}
