/* test-window.c: the explorer window on the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-chart-widget.h"
#include "fw-finding-page.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "fw-overview.h"
#include "fw-window.h"
#include "fw-test-widget.h"

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Lays the window out and waits until it has drawn. */
static void
settle (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
  g_assert_true (gtk_widget_get_mapped (window));
}

static FwWindow *
make_window_sized (int width,
                   int height)
{
  FwWindow *window;
  GApplication *app = g_application_get_default ();

  window = fw_window_new (FW_APPLICATION (app));
  fw_window_open_demo (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  return window;
}

static FwWindow *
make_window (void)
{
  return make_window_sized (1280, 800);
}

static GtkWidget *
show_page (FwWindow   *window,
           const char *name)
{
  GtkWidget *page = fw_window_get_view (window, name);

  g_assert_nonnull (page);
  fw_window_show_view (window, name);
  settle (GTK_WIDGET (window));

  return page;
}

static FwFindingPage *
get_finding_page (FwWindow   *window,
                  const char *name)
{
  GtkWidget *page = show_page (window, name);

  g_assert_true (FW_IS_FINDING_PAGE (page));

  return FW_FINDING_PAGE (page);
}

static void
test_window_opens_on_demo (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  GtkWidget *overview;

  g_assert_nonnull (explorer);
  g_assert_true (fw_dataset_get_fictional (fw_explorer_get_dataset (explorer)));

  /* The overview's figures all match the report on the demonstration data. */
  overview = show_page (window, "overview");
  g_assert_true (FW_IS_OVERVIEW (overview));
  g_assert_cmpuint (fw_overview_get_n_rows (FW_OVERVIEW (overview)), >=, 10);
  g_assert_cmpuint (fw_overview_get_n_matching (FW_OVERVIEW (overview)), ==,
                    fw_overview_get_n_rows (FW_OVERVIEW (overview)));

  /* Screenshots of every view, light and dark, for a person to look at. */
  for (guint dark = 0; dark < 2; dark++)
    {
      const char *views[] = { "overview", "firms", "regions", "fairs", "adversaries", "tables" };

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("window-%s%s.png", views[i], dark ? "-dark" : "");

          if (fw_window_get_view (window, views[i]) == NULL)
            continue;
          show_page (window, views[i]);
          fw_test_save_png (GTK_WIDGET (window), name);
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1024 px with the sidebar shown, no page needs more room than it
 * gets: a page allocated less than its minimum is cut off at the right. */
static void
test_window_narrow (void)
{
  const char *views[] = { "overview", "firms", "regions", "fairs", "adversaries", "maps", "tables" };
  FwWindow *window = make_window_sized (1024, 700);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("window-1024-%s.png", views[i]);
      GtkWidget *page;
      int minimum;

      if (fw_window_get_view (window, views[i]) == NULL)
        continue;
      page = show_page (window, views[i]);
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      fw_test_save_png (GTK_WIDGET (window), name);
      g_test_message ("%s: %d px wide, needs %d", views[i], gtk_widget_get_width (page), minimum);
      g_assert_cmpint (minimum, <=, gtk_widget_get_width (page));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, part))
      return TRUE;

  return FALSE;
}

/* The banner says the demonstration data is calibrated to the report;
 * another fictional file is only said to be fictional. */
static void
test_window_fictional_banner (void)
{
  FwWindow *window = make_window ();
  FwExplorer *demo = fw_window_get_explorer (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) generated = fw_generator_random (30, 200, 11, &error);
  g_autofree char *dir = g_dir_make_tmp ("fw-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_true (shows_text (GTK_WIDGET (window), "calibrated to the figures"));

  path = g_build_filename (dir, "generated.fairwatch.json", NULL);
  g_assert_true (fw_io_save (generated, path, FW_FORMAT_NATIVE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    fw_window_open_file (window, file);
  }
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (fw_window_get_explorer (window) == demo && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));

  g_assert_true (fw_window_get_explorer (window) != demo);
  g_assert_true (fw_dataset_get_fictional (fw_explorer_get_dataset (fw_window_get_explorer (window))));
  g_assert_true (shows_text (GTK_WIDGET (window), "fictional"));
  g_assert_false (shows_text (GTK_WIDGET (window), "calibrated to the figures"));

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (path);
    g_unlink (backup);
    g_rmdir (dir);
  }
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Finding 4's list names the firms the findings name, in order, and
 * follows a filter (its rows are refilled, not made again). */
static void
assert_adversary_rows (FwWindow   *window,
                       GtkListBox *list)
{
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  GPtrArray *firms = fw_explorer_get_findings (explorer)->adversary_firms;
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, MIN (firms->len, 50));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, i));
      const FwAdversaryFirm *firm = g_ptr_array_index (firms, i);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box))), ==,
                       fw_dataset_get_firm_name (dataset, firm->firm));
    }
}

static void
test_window_adversary_list (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  GtkListBox *list = find_list_box (show_page (window, "adversaries"));

  g_assert_nonnull (list);
  g_assert_cmpuint (fw_explorer_get_findings (explorer)->adversary_firms->len, ==, 5);
  assert_adversary_rows (window, list);

  fw_explorer_toggle_value (explorer, FW_FACET_HQ_CONTINENT, FW_CONTINENT_EUROPE);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (fw_explorer_get_findings (explorer)->adversary_firms->len, <, 5);
  assert_adversary_rows (window, list);

  fw_explorer_clear_filter (explorer);
  settle (GTK_WIDGET (window));
  assert_adversary_rows (window, list);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
chart_total (FwChart *chart)
{
  double total = 0;

  for (guint c = 0; c < fw_chart_get_n_categories (chart); c++)
    for (guint s = 0; s < fw_chart_get_n_series (chart); s++)
      total += fw_chart_get_value (chart, c, s);

  return (guint) total;
}

/* Activating a bar goes through the same hit test and activation as a
 * click, adds its value to the filter, and every chart follows. */
static void
test_window_cross_filter (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwFindingPage *firms = get_finding_page (window, "firms");
  FwChartWidget *confidence = g_ptr_array_index (fw_finding_page_get_charts (firms), 0);
  FwChartWidget *hq = g_ptr_array_index (fw_finding_page_get_charts (firms), 1);
  FwChart *chart = fw_chart_widget_get_chart (confidence);
  guint hq_before = chart_total (fw_chart_widget_get_chart (hq));
  FwChartMark mark;
  gboolean found = FALSE;

  g_assert_cmpuint (hq_before, ==, 224);

  /* Find the "High" bar by the point at its centre, as the pointer would. */
  for (guint i = 0; i < fw_chart_get_n_marks (chart) && !found; i++)
    {
      FwChartMark hit;

      g_assert_true (fw_chart_get_mark (chart, i, &mark));
      g_assert_true (fw_chart_hit_test (chart, mark.x + mark.width / 2, mark.y + mark.height / 2, &hit));
      g_assert_cmpint (hit.index, ==, mark.index);
      found = mark.facet == FW_FACET_CONFIDENCE && mark.value == FW_CONFIDENCE_HIGH;
    }
  g_assert_true (found);

  fw_chart_widget_activate_mark (confidence, mark.index);
  settle (GTK_WIDGET (window));

  g_assert_true (fw_filter_has_value (fw_explorer_get_filter (explorer), FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH));
  g_assert_cmpuint (chart_total (fw_chart_widget_get_chart (hq)), ==, 59);

  /* Back undoes the filter, forward redoes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (explorer)));
  g_assert_cmpuint (chart_total (fw_chart_widget_get_chart (hq)), ==, 224);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpuint (chart_total (fw_chart_widget_get_chart (hq)), ==, 59);

  /* Activating the same bar again removes it from the filter. */
  settle (GTK_WIDGET (window));
  chart = fw_chart_widget_get_chart (confidence);
  g_assert_cmpuint (fw_chart_get_n_marks (chart), >, 0);
  for (guint i = 0; i < fw_chart_get_n_marks (chart); i++)
    {
      fw_chart_get_mark (chart, i, &mark);
      if (mark.facet == FW_FACET_CONFIDENCE && mark.value == FW_CONFIDENCE_HIGH)
        break;
    }
  fw_chart_widget_activate_mark (confidence, mark.index);
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (explorer)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A year column filters to that year; the fairs chart follows. */
static void
test_window_year_column (void)
{
  FwWindow *window = make_window ();
  FwExplorer *explorer = fw_window_get_explorer (window);
  FwFindingPage *regions = get_finding_page (window, "regions");
  FwChartWidget *by_year = g_ptr_array_index (fw_finding_page_get_charts (regions), 0);
  FwChart *chart = fw_chart_widget_get_chart (by_year);
  FwChartMark mark;
  guint16 first, last;

  g_assert_cmpuint (fw_chart_get_n_marks (chart), >, 0);
  g_assert_true (fw_chart_get_mark (chart, 0, &mark));
  g_assert_cmpint (mark.facet, ==, FW_FACET_YEAR);

  fw_chart_widget_activate_mark (by_year, 0);
  fw_filter_get_years (fw_explorer_get_filter (explorer), &first, &last);
  g_assert_cmpuint (first, ==, mark.value);
  g_assert_cmpuint (last, ==, mark.value);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The tests make their own windows: the application's own "activate",
 * which opens one, is stopped. */
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

  g_test_add_func ("/window/opens-on-demo", test_window_opens_on_demo);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/adversary-list", test_window_adversary_list);
  g_test_add_func ("/window/fictional-banner", test_window_fictional_banner);
  g_test_add_func ("/window/cross-filter", test_window_cross_filter);
  g_test_add_func ("/window/year-column", test_window_year_column);

  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &status);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return status;
}
