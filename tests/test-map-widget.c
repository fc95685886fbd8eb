/* test-map-widget.c: the maps page in the window on the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "fw-chart-widget.h"
#include "fw-finding-page.h"
#include "fw-application.h"
#include "fw-map-page.h"
#include "fw-window.h"
#include "fw-test-widget.h"

/* Lays the window out and waits until it has drawn. */
static void
settle (GtkWidget *window)
{
  fw_test_settle (300);
  g_assert_true (gtk_widget_get_mapped (window));
}

static FwWindow *
make_window (FwMapPage **page)
{
  GApplication *app = g_application_get_default ();
  FwWindow *window = fw_window_new (FW_APPLICATION (app));

  fw_window_open_demo (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  *page = FW_MAP_PAGE (fw_window_get_view (window, "maps"));
  g_assert_true (FW_IS_MAP_PAGE (*page));
  fw_window_show_view (window, "maps");
  settle (GTK_WIDGET (window));

  return window;
}

/* The mark for @country, found the way the pointer finds it: by hit
 * testing the point where the map draws the country's anchor. */
static gint
mark_under_country (FwMapWidget *widget,
                    FwCountryId  country)
{
  FwMap *map = fw_map_widget_get_map (widget);
  FwMapMark mark, hit;

  for (guint i = 0; fw_map_get_mark (map, i, &mark); i++)
    if (mark.hq == country || mark.host == country)
      {
        g_assert_true (fw_map_hit_test (map, mark.x, mark.y, &hit));
        g_assert_cmpint (hit.index, ==, mark.index);
        return mark.index;
      }

  return -1;
}

static guint
hq_chart_total (FwWindow *window)
{
  GtkWidget *firms = fw_window_get_view (window, "firms");
  FwChartWidget *hq = g_ptr_array_index (fw_finding_page_get_charts (FW_FINDING_PAGE (firms)), 1);
  FwChart *chart;
  double total = 0;

  fw_window_show_view (window, "firms");
  settle (GTK_WIDGET (window));
  chart = fw_chart_widget_get_chart (hq);
  for (guint c = 0; c < fw_chart_get_n_categories (chart); c++)
    total += fw_chart_get_value (chart, c, 0);
  fw_window_show_view (window, "maps");
  settle (GTK_WIDGET (window));

  return (guint) total;
}

static void
test_screenshots (void)
{
  static const char *kinds[] = { "hq", "hosts", "flows" };
  FwMapPage *page;
  FwWindow *window = make_window (&page);
  FwMap *map = fw_map_widget_get_map (fw_map_page_get_map_widget (page));

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint k = 0; k < FW_N_MAP_KINDS; k++)
        {
          g_autofree char *name = g_strdup_printf ("window-maps-%s%s.png", kinds[k], dark ? "-dark" : "");

          fw_map_page_set_kind (page, k);
          settle (GTK_WIDGET (window));
          g_assert_cmpint (fw_map_get_kind (map), ==, k);
          g_assert_cmpuint (fw_map_get_n_marks (map), >, 0);
          fw_test_save_png (GTK_WIDGET (window), name);
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Clicking France on the HQ map filters on it; the charts and the other
 * maps follow; the host map filters on hosts, a flow on both. */
static void
test_click_filters (void)
{
  FwMapPage *page;
  FwWindow *window = make_window (&page);
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwCountries *countries = fw_dataset_get_countries (fw_explorer_get_dataset (explorer));
  FwCountryId fr = fw_countries_lookup_code (countries, "FR");
  FwCountryId ae = fw_countries_lookup_code (countries, "AE");
  FwMapWidget *widget = fw_map_page_get_map_widget (page);
  FwMap *map = fw_map_widget_get_map (widget);
  FwMapMark mark;
  guint france_firms;
  gint index;

  g_assert_cmpuint (hq_chart_total (window), ==, 224);

  index = mark_under_country (widget, fr);
  g_assert_cmpint (index, >=, 0);
  fw_map_get_mark (map, index, &mark);
  france_firms = mark.firms;
  fw_map_widget_activate_mark (widget, index);
  settle (GTK_WIDGET (window));
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_HQ_COUNTRY, fr));
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 1);
  g_assert_cmpuint (hq_chart_total (window), ==, france_firms);

  /* The host map follows the filter: only French firms' hosts. */
  fw_map_page_set_kind (page, FW_MAP_HOSTS);
  settle (GTK_WIDGET (window));
  index = mark_under_country (widget, ae);
  g_assert_cmpint (index, >=, 0);
  fw_map_widget_activate_mark (widget, index);
  settle (GTK_WIDGET (window));
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_HOST_COUNTRY, ae));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filter", NULL);
  settle (GTK_WIDGET (window));

  /* A flow adds its HQ and host in one step. */
  fw_map_page_set_kind (page, FW_MAP_FLOWS);
  settle (GTK_WIDGET (window));
  g_assert_true (fw_map_get_mark (map, fw_map_get_n_marks (map) - 1, &mark));
  g_assert_true (fw_map_hit_test (map, mark.x, mark.y, NULL));
  fw_map_widget_activate_mark (widget, mark.index);
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_HQ_COUNTRY, mark.hq));
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_HOST_COUNTRY, mark.host));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (explorer)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A filter that leaves only smaller flows than the minimum lowers the
 * minimum instead of leaving the map empty. */
static void
test_min_flow (void)
{
  FwMapPage *page;
  FwWindow *window = make_window (&page);
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwCountries *countries = fw_dataset_get_countries (fw_explorer_get_dataset (explorer));
  FwMap *map = fw_map_widget_get_map (fw_map_page_get_map_widget (page));
  guint max;

  fw_map_page_set_kind (page, FW_MAP_FLOWS);
  settle (GTK_WIDGET (window));
  max = fw_map_get_max_flow (map);
  g_assert_cmpuint (max, >, 2);
  fw_map_set_min_flow (map, max);
  g_assert_cmpuint (fw_map_get_n_marks (map), >=, 1);

  fw_explorer_toggle_value (explorer, FW_FACET_HQ_COUNTRY, fw_countries_lookup_code (countries, "ZA"));
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (fw_map_get_max_flow (map), <, max);
  g_assert_cmpuint (fw_map_get_min_flow (map), <=, fw_map_get_max_flow (map));
  g_assert_cmpuint (fw_map_get_n_marks (map), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The key controller as the keyboard reaches it once Tab has focused
 * the map. */
static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* Tab reaches the map; the arrows move between countries with data,
 * Enter filters on the one the keyboard is on, Escape removes it. */
static void
test_keyboard (void)
{
  FwMapPage *page;
  FwWindow *window = make_window (&page);
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwMapWidget *widget = fw_map_page_get_map_widget (page);
  FwMap *map = fw_map_widget_get_map (widget);
  g_autofree char *description = NULL;
  FwMapMark first, second;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (widget)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  settle (GTK_WIDGET (window));

  /* The first arrow lands on the country with the most firms. */
  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_Right));
  g_assert_true (fw_map_get_mark (map, fw_map_get_highlight (map), &first));
  for (guint i = 0; i < fw_map_get_n_marks (map); i++)
    {
      FwMapMark other;

      fw_map_get_mark (map, i, &other);
      g_assert_cmpuint (other.firms, <=, first.firms);
    }
  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_Right));
  g_assert_true (fw_map_get_mark (map, fw_map_get_highlight (map), &second));
  g_assert_cmpint (second.index, !=, first.index);
  g_assert_cmpfloat (second.x, >, first.x);

  description = fw_map_describe_mark (map, second.index);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (widget)), ==, description);

  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_Return));
  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_HQ_COUNTRY, second.hq));
  /* The map now shows that one country, and the keyboard is still on it. */
  g_assert_cmpuint (fw_map_get_n_marks (map), ==, 1);
  g_assert_true (fw_map_get_mark (map, fw_map_get_highlight (map), &first));
  g_assert_cmpuint (first.hq, ==, second.hq);
  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_Escape));
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (explorer)));

  /* + zooms in, 0 shows the whole world again. */
  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_plus));
  g_assert_cmpfloat (fw_map_get_zoom (map), >, 1);
  g_assert_true (press (GTK_WIDGET (widget), GDK_KEY_0));
  g_assert_cmpfloat (fw_map_get_zoom (map), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In French the maps and their controls speak French; a screenshot for a
 * person to check that nothing is cut off. */
/* The map's options are remembered: a new maps page starts as the last
 * one was left (the test's settings backend keeps them in memory). */
static void
test_options_remembered (void)
{
  GtkWidget *first = g_object_ref_sink (fw_map_page_new ());
  GtkWidget *second;
  FwMap *map = fw_map_widget_get_map (fw_map_page_get_map_widget (FW_MAP_PAGE (first)));
  GtkDropDown *projection = NULL;
  GtkCheckButton *graticule = NULL;
  GtkWidget *child;
  GPtrArray *todo = g_ptr_array_new ();

  g_ptr_array_add (todo, first);
  while (todo->len > 0 && (projection == NULL || graticule == NULL))
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, 0);

      if (GTK_IS_DROP_DOWN (widget) && g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == FW_N_PROJECTIONS)
        projection = GTK_DROP_DOWN (widget);
      if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL &&
          strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), "raticule") != NULL)
        graticule = GTK_CHECK_BUTTON (widget);
      for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (todo, child);
      if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
        g_ptr_array_add (todo, gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
    }
  g_ptr_array_unref (todo);
  g_assert_nonnull (projection);
  g_assert_nonnull (graticule);

  gtk_drop_down_set_selected (projection, FW_PROJECTION_EQUIRECTANGULAR);
  gtk_check_button_set_active (graticule, FALSE);
  g_assert_cmpint (fw_map_get_projection (map), ==, FW_PROJECTION_EQUIRECTANGULAR);
  g_object_unref (first);

  second = g_object_ref_sink (fw_map_page_new ());
  map = fw_map_widget_get_map (fw_map_page_get_map_widget (FW_MAP_PAGE (second)));
  g_assert_cmpint (fw_map_get_projection (map), ==, FW_PROJECTION_EQUIRECTANGULAR);
  g_assert_false (fw_map_get_graticule (map));

  /* Back to the defaults for the tests after this one. */
  {
    g_autoptr(GSettings) settings = fw_application_dup_settings ();

    g_assert_nonnull (settings);
    g_settings_reset (settings, "map-projection");
    g_settings_reset (settings, "map-graticule");
  }
  g_object_unref (second);
}

static void
test_french (void)
{
  g_autofree char *catalogues = g_build_filename (g_getenv ("FW_BUILD_ROOT"), "po", NULL);
  FwMapPage *page;
  FwWindow *window;
  FwMap *map;

  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, catalogues);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  window = make_window (&page);
  map = fw_map_widget_get_map (fw_map_page_get_map_widget (page));
  g_assert_cmpstr (fw_map_get_title (map), ==, "Où les entreprises ont leur siège");
  fw_test_save_png (GTK_WIDGET (window), "window-maps-hq-fr.png");
  fw_map_page_set_kind (page, FW_MAP_FLOWS);
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (fw_map_get_title (map), ==, "Du pays du siège au pays hôte");
  fw_test_save_png (GTK_WIDGET (window), "window-maps-flows-fr.png");
  gtk_window_destroy (GTK_WINDOW (window));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
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
  int status = 0;

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-widget/screenshots", test_screenshots);
  g_test_add_func ("/map-widget/click-filters", test_click_filters);
  g_test_add_func ("/map-widget/min-flow", test_min_flow);
  g_test_add_func ("/map-widget/keyboard", test_keyboard);
  g_test_add_func ("/map-widget/options-remembered", test_options_remembered);
  g_test_add_func ("/map-widget/french", test_french);

  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &status);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return status;
}
