/* fw-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-app-resources.h"
#include "fw-application.h"
#include "fw-window.h"

struct _FwApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (FwApplication, fw_application, ADW_TYPE_APPLICATION)

static FwWindow *
get_active_window (FwApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return FW_IS_WINDOW (window) ? FW_WINDOW (window) : NULL;
}

static void
fw_application_activate (GApplication *app)
{
  FwApplication *self = FW_APPLICATION (app);
  FwWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = fw_window_new (self);
      fw_window_open_demo (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
fw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FwApplication *self = FW_APPLICATION (app);

  /* One window per file, like a document editor. */
  for (int i = 0; i < n_files; i++)
    {
      FwWindow *window = fw_window_new (self);

      fw_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FwApplication *self = user_data;
  static const char *developers[] = { "The Fairwatch developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Fairwatch"),
                        "developer-name", _("The Fairwatch developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore and curate the dataset of firms that market "
                                      "interception and intrusion tools at international arms fairs, "
                                      "and reproduce the findings of the Atlantic Council report "
                                      "“Surveillance Technology at the Fair” (2021)."),
                        "website", "https://www.atlanticcouncil.org/in-depth-research-reports/issue-brief/surveillance-technology-at-the-fair/",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 The Fairwatch developers",
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Map data"),
                                      _("Natural Earth 1:50m country shapes, public domain, through world-atlas 2.0.2"),
                                      GTK_LICENSE_CUSTOM,
                                      "Copyright 2013-2019 Michael Bostock (ISC licence)");
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
fw_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.forward", { "<Alt>Right", NULL } },
    { "win.clear-filter", { "<Control><Shift>BackSpace", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.export-figure", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (fw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
fw_application_class_init (FwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = fw_application_activate;
  app_class->open = fw_application_open;
  app_class->startup = fw_application_startup;
}

static void
fw_application_init (FwApplication *self)
{
  /* Resources in a static library are linked, and so registered by their
   * constructor, only when something references them. */
  (void) fw_app_get_resource ();
}

GSettings *
fw_application_dup_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

FwApplication *
fw_application_new (void)
{
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/fairwatch/Fairwatch",
                       NULL);
}

int
fw_application_run_main (int    argc,
                         char **argv)
{
  g_autoptr(FwApplication) app = NULL;

  if (!gtk_init_check ())
    {
      g_printerr ("%s\n", _("fairwatch: cannot open a display. The command line works without one: "
                            "see fairwatch --help"));
      return 2;
    }

  app = fw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
