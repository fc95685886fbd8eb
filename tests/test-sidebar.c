/* test-sidebar.c: the filter sidebar on the demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fw-io.h"
#include "fw-sidebar.h"
#include "fw-test-widget.h"

typedef struct
{
  FwDataset  *dataset;
  FwExplorer *explorer;
  GtkWidget  *window;
  FwSidebar  *sidebar;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Runs the main loop for a while: long enough for a layout and a frame,
 * and for a search entry's delay. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

static void
fixture_set_up_with (Fixture   *fixture,
                     FwDataset *dataset,
                     int        width)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->dataset = dataset;
  fixture->explorer = fw_explorer_new (dataset);
  fixture->sidebar = FW_SIDEBAR (fw_sidebar_new ());

  /* As the window has it: in a scroller with the .fw-sidebar class. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "fw-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->sidebar));

  fixture->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (fixture->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_object_set (fixture->sidebar, "explorer", fixture->explorer, NULL);
  settle (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->sidebar)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  FwDataset *dataset = fw_io_load_demo (&error);

  g_assert_no_error (error);
  fixture_set_up_with (fixture, dataset, 300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_finalize_object (fixture->explorer);
  g_assert_finalize_object (fixture->dataset);
}

/* What the facet should count for @value under @filter, computed by a
 * query of our own rather than taken from the sidebar's. */
static guint
expected_count (FwDataset      *dataset,
                const FwFilter *filter,
                FwFacet         facet,
                guint           value)
{
  g_autoptr(FwQuery) query = fw_query_new (dataset);
  const guint32 *counts;
  guint n_values;

  fw_query_run (query, filter);
  counts = fw_query_get_facet_counts (query, facet, &n_values);
  g_assert_cmpuint (value, <, n_values);

  return counts[value];
}

static guint
shown_count (FwSidebar *sidebar,
             FwFacet    facet,
             guint      value)
{
  const char *text = fw_facet_box_get_count_text (fw_sidebar_get_facet_box (sidebar, facet), value);

  g_assert_nonnull (text);
  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static FwCountryId
country (Fixture    *fixture,
         const char *code)
{
  FwCountryId id = fw_countries_lookup_code (fw_dataset_get_countries (fixture->dataset), code);

  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);
  return id;
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  user_data)
{
  FwFacetBox *hq = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_HQ_COUNTRY);
  FwFacetBox *continents = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_HQ_CONTINENT);
  FwCountryId france = country (fixture, "FR");
  const FwFilter *filter = fw_explorer_get_filter (fixture->explorer);
  guint expected = expected_count (fixture->dataset, filter, FW_FACET_HQ_COUNTRY, france);
  g_autofree char *accessible = NULL;

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HQ_COUNTRY, france), ==, expected);
  g_assert_true (fw_facet_box_is_value_shown (hq, france));

  accessible = g_strdup_printf ("France, %u firms", expected);
  gtk_test_accessible_assert_property (fw_facet_box_get_check (hq, france),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
  gtk_test_accessible_assert_role (template_child (hq, FW_TYPE_FACET_BOX, "title_label"),
                                   GTK_ACCESSIBLE_ROLE_HEADING);

  /* Every row shows its count, and only the values some firm has are
   * shown (the first eight of them in a long facet). */
  for (FwFacet f = FW_FACET_CONFIDENCE; f <= FW_FACET_ADVERSARY; f++)
    {
      FwFacetBox *box = fw_sidebar_get_facet_box (fixture->sidebar, f);
      guint n_values = fw_facet_get_n_values (f, fixture->dataset);
      guint n_shown = 0, n_nonzero = 0;

      for (guint v = 0; v < n_values; v++)
        {
          guint count = expected_count (fixture->dataset, filter, f, v);

          g_assert_cmpuint (shown_count (fixture->sidebar, f, v), ==, count);
          if (count == 0)
            g_assert_false (fw_facet_box_is_value_shown (box, v));
          n_shown += fw_facet_box_is_value_shown (box, v);
          n_nonzero += count > 0;
        }

      if (n_values > FW_FACET_BOX_N_SHORT)
        g_assert_cmpuint (n_shown, ==, MIN (n_nonzero, FW_FACET_BOX_N_SHORT));
      else
        g_assert_cmpuint (n_shown, ==, n_nonzero);
    }

  /* No firm is in Antarctica. */
  g_assert_false (fw_facet_box_is_value_shown (continents, FW_CONTINENT_ANTARCTICA));
}

static void
test_unknown_bucket (Fixture       *fixture,
                     gconstpointer  user_data)
{
  FwFacetBox *hq = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_HQ_COUNTRY);
  GtkWidget *row;

  /* The demonstration data knows every headquarters: the bucket is empty
   * and hidden, until selected, when it stays to be unselected. */
  g_assert_cmpuint (expected_count (fixture->dataset, fw_explorer_get_filter (fixture->explorer),
                                    FW_FACET_HQ_COUNTRY, FW_COUNTRY_UNKNOWN), ==, 0);
  g_assert_false (fw_facet_box_is_value_shown (hq, FW_COUNTRY_UNKNOWN));

  fw_explorer_toggle_value (fixture->explorer, FW_FACET_HQ_COUNTRY, FW_COUNTRY_UNKNOWN);
  g_assert_true (fw_facet_box_is_value_shown (hq, FW_COUNTRY_UNKNOWN));
  g_assert_true (gtk_check_button_get_active (fw_facet_box_get_check (hq, FW_COUNTRY_UNKNOWN)));
  row = gtk_widget_get_parent (GTK_WIDGET (fw_facet_box_get_check (hq, FW_COUNTRY_UNKNOWN)));
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
  gtk_test_accessible_assert_property (fw_facet_box_get_check (hq, FW_COUNTRY_UNKNOWN),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "(unknown), 0 firms");

  gtk_check_button_set_active (fw_facet_box_get_check (hq, FW_COUNTRY_UNKNOWN), FALSE);
  g_assert_false (fw_filter_facet_is_active (fw_explorer_get_filter (fixture->explorer), FW_FACET_HQ_COUNTRY));
  g_assert_false (fw_facet_box_is_value_shown (hq, FW_COUNTRY_UNKNOWN));
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));
}

static void
test_toggle (Fixture       *fixture,
             gconstpointer  user_data)
{
  FwFacetBox *confidence = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_CONFIDENCE);
  FwFacetBox *hosts = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_HOST_COUNTRY);
  FwCountryId france = country (fixture, "FR");
  GtkCheckButton *high = fw_facet_box_get_check (confidence, FW_CONFIDENCE_HIGH);
  GtkCheckButton *france_check = fw_facet_box_get_check (hosts, france);
  g_autoptr(FwFilter) expected_filter = fw_filter_copy (fw_explorer_get_filter (fixture->explorer));
  guint confidence_before[FW_N_CONFIDENCE];
  guint all_firms, high_firms;
  GtkLabel *selected_label = template_child (confidence, FW_TYPE_FACET_BOX, "selected_label");
  GtkWidget *match = template_child (confidence, FW_TYPE_FACET_BOX, "match_dropdown");

  for (guint v = 0; v < FW_N_CONFIDENCE; v++)
    confidence_before[v] = shown_count (fixture->sidebar, FW_FACET_CONFIDENCE, v);
  all_firms = expected_count (fixture->dataset, expected_filter, FW_FACET_HOST_COUNTRY, france);
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HOST_COUNTRY, france), ==, all_firms);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (selected_label)));
  g_assert_false (gtk_widget_get_sensitive (match));

  /* The same path as a click. */
  gtk_check_button_set_active (high, TRUE);

  fw_filter_add_value (expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  g_assert_true (fw_filter_equal (fw_explorer_get_filter (fixture->explorer), expected_filter));

  high_firms = expected_count (fixture->dataset, expected_filter, FW_FACET_HOST_COUNTRY, france);
  g_assert_cmpuint (high_firms, <, all_firms);
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HOST_COUNTRY, france), ==, high_firms);

  /* The facet's own counts are under the other facets only. */
  for (guint v = 0; v < FW_N_CONFIDENCE; v++)
    g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_CONFIDENCE, v), ==, confidence_before[v]);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (selected_label)));
  g_assert_cmpstr (gtk_label_get_label (selected_label), ==, "1 selected");
  g_assert_true (gtk_widget_get_sensitive (match));

  /* Rows are updated in place, not made anew. */
  g_assert_true (fw_facet_box_get_check (hosts, france) == france_check);
  g_assert_true (fw_facet_box_get_check (confidence, FW_CONFIDENCE_HIGH) == high);

  /* A change from elsewhere (Back) reaches the check without looping. */
  fw_explorer_go_back (fixture->explorer);
  g_assert_false (gtk_check_button_get_active (high));
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (fixture->explorer)));
  g_assert_true (fw_explorer_can_go_forward (fixture->explorer));
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HOST_COUNTRY, france), ==, all_firms);
  g_assert_false (gtk_widget_get_sensitive (match));
}

static void
test_none_of (Fixture       *fixture,
              gconstpointer  user_data)
{
  FwFacetBox *confidence = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_CONFIDENCE);
  GtkDropDown *match = template_child (confidence, FW_TYPE_FACET_BOX, "match_dropdown");
  GtkWidget *clear = template_child (confidence, FW_TYPE_FACET_BOX, "clear_button");
  FwCountryId france = country (fixture, "FR");
  g_autoptr(FwFilter) expected_filter = fw_filter_new ();
  guint kept;

  gtk_check_button_set_active (fw_facet_box_get_check (confidence, FW_CONFIDENCE_LOW), TRUE);
  gtk_drop_down_set_selected (match, 1);

  fw_filter_add_value (expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_filter_set_match (expected_filter, FW_FACET_CONFIDENCE, FW_MATCH_NONE_OF);
  g_assert_true (fw_filter_equal (fw_explorer_get_filter (fixture->explorer), expected_filter));
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HOST_COUNTRY, france), ==,
                    expected_count (fixture->dataset, expected_filter, FW_FACET_HOST_COUNTRY, france));

  /* None of "Low" keeps the high and medium firms. */
  kept = fw_query_get_n_kept (fw_explorer_get_query (fixture->explorer), FW_TABLE_FIRMS);
  g_assert_cmpuint (kept, ==,
                    expected_count (fixture->dataset, expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH) +
                    expected_count (fixture->dataset, expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM) +
                    expected_count (fixture->dataset, expected_filter, FW_FACET_CONFIDENCE, FW_CONFIDENCE_UNKNOWN));

  /* The explorer's Back sets the dropdown back without a step of its own. */
  fw_explorer_go_back (fixture->explorer);
  g_assert_cmpuint (gtk_drop_down_get_selected (match), ==, 0);
  fw_explorer_go_forward (fixture->explorer);
  g_assert_cmpuint (gtk_drop_down_get_selected (match), ==, 1);
  g_assert_false (fw_explorer_can_go_forward (fixture->explorer));

  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (fw_filter_facet_is_active (fw_explorer_get_filter (fixture->explorer), FW_FACET_CONFIDENCE));
  g_assert_false (gtk_check_button_get_active (fw_facet_box_get_check (confidence, FW_CONFIDENCE_LOW)));
  g_assert_cmpuint (gtk_drop_down_get_selected (match), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (match)));
  g_assert_false (gtk_widget_get_sensitive (clear));
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

/* The labels of the rows shown, in the order shown. */
static GPtrArray *
shown_labels (FwFacetBox *box)
{
  GtkWidget *list = template_child (box, FW_TYPE_FACET_BOX, "list_box");
  GPtrArray *labels = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row))
      g_ptr_array_add (labels, (gpointer) gtk_check_button_get_label (GTK_CHECK_BUTTON (gtk_widget_get_first_child (row))));

  return labels;
}

static void
test_fair_search (Fixture       *fixture,
                  gconstpointer  user_data)
{
  FwFacetBox *fairs = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_FAIR);
  GtkEditable *search = template_child (fairs, FW_TYPE_FACET_BOX, "search_entry");
  GtkToggleButton *sort = template_child (fairs, FW_TYPE_FACET_BOX, "sort_button");
  GtkButton *more = template_child (fairs, FW_TYPE_FACET_BOX, "more_button");
  const FwFilter *filter = fw_explorer_get_filter (fixture->explorer);
  guint n_fairs = fw_dataset_get_n_rows (fixture->dataset, FW_TABLE_FAIRS);
  guint n_nonzero = 0, n_matching = 0;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *show_all = NULL;

  g_assert_cmpuint (n_fairs, >, FW_FACET_BOX_N_SHORT);
  g_assert_true (gtk_widget_get_visible (template_child (fairs, FW_TYPE_FACET_BOX, "tools_box")));
  g_assert_false (gtk_widget_get_visible (template_child (fw_sidebar_get_facet_box (fixture->sidebar,
                                                                                    FW_FACET_CONFIDENCE),
                                                          FW_TYPE_FACET_BOX, "tools_box")));

  /* By count, most first. */
  labels = shown_labels (fairs);
  g_assert_cmpuint (labels->len, ==, FW_FACET_BOX_N_SHORT);
  for (guint v = 0; v < n_fairs; v++)
    n_nonzero += expected_count (fixture->dataset, filter, FW_FACET_FAIR, v) > 0;
  show_all = g_strdup_printf ("Show All (%u)", n_nonzero);
  g_assert_cmpstr (gtk_button_get_label (more), ==, show_all);
  {
    guint previous = G_MAXUINT;
    GtkWidget *list = template_child (fairs, FW_TYPE_FACET_BOX, "list_box");

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        guint count;

        if (!gtk_widget_get_visible (row))
          continue;
        count = (guint) g_ascii_strtoull (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (row))), NULL, 10);
        g_assert_cmpuint (count, <=, previous);
        previous = count;
      }
  }

  /* "Show All", then by name. */
  g_signal_emit_by_name (more, "clicked");
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = shown_labels (fairs);
  g_assert_cmpuint (labels->len, ==, n_nonzero);
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show Fewer");

  /* A long fair name is shortened, not widening the sidebar. */
  settle (200);
  for (guint v = 0; v < n_fairs; v++)
    {
      GtkCheckButton *check = fw_facet_box_get_check (fairs, v);
      GtkWidget *label = gtk_widget_get_last_child (GTK_WIDGET (check));

      if (g_strcmp0 (gtk_check_button_get_label (check),
                     "China International Exhibition on Public Safety and Security") != 0)
        continue;
      g_assert_true (fw_facet_box_is_value_shown (fairs, v));
      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->sidebar)), <=, 300 - 2 * 12);

  gtk_toggle_button_set_active (sort, TRUE);
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = shown_labels (fairs);
  for (guint i = 1; i < labels->len; i++)
    g_assert_cmpint (g_utf8_collate (labels->pdata[i - 1], labels->pdata[i]), <=, 0);

  /* The search entry filters the rows by label, whatever the case. */
  gtk_editable_set_text (search, "MILIPOL");
  settle (400);
  for (guint v = 0; v < n_fairs; v++)
    {
      g_autofree char *label = fw_facet_value_label (FW_FACET_FAIR, v, fixture->dataset);
      g_autofree char *folded = fold (label);
      gboolean match = strstr (folded, "milipol") != NULL &&
                       expected_count (fixture->dataset, filter, FW_FACET_FAIR, v) > 0;

      g_assert_cmpint (fw_facet_box_is_value_shown (fairs, v), ==, match);
      n_matching += match;
    }
  g_assert_cmpuint (n_matching, >=, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));

  gtk_editable_set_text (search, "no such fair");
  settle (400);
  g_assert_true (gtk_widget_get_visible (template_child (fairs, FW_TYPE_FACET_BOX, "empty_label")));

  /* Searching the rows is not a filter of the data. */
  g_assert_true (fw_filter_is_empty (fw_explorer_get_filter (fixture->explorer)));

  gtk_editable_set_text (search, "");
  settle (400);
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = shown_labels (fairs);
  g_assert_cmpuint (labels->len, ==, n_nonzero);
}

static void
test_years (Fixture       *fixture,
            gconstpointer  user_data)
{
  GtkSpinButton *from = template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "from_spin");
  GtkSpinButton *to = template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "to_spin");
  GtkWidget *all = template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "all_years_button");
  GtkWidget *unknown = template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "unknown_years_label");
  double min, max;
  guint16 first, last;

  /* Bounded by the years the data has; open at both ends. */
  gtk_spin_button_get_range (from, &min, &max);
  g_assert_cmpint ((int) min, ==, 2002);
  g_assert_cmpint ((int) max, ==, 2021);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (from), ==, 2002);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, 2021);
  g_assert_false (gtk_widget_get_sensitive (all));
  g_assert_false (gtk_widget_get_visible (unknown));

  gtk_spin_button_set_value (from, 2010);
  fw_filter_get_years (fw_explorer_get_filter (fixture->explorer), &first, &last);
  g_assert_cmpuint (first, ==, 2010);
  g_assert_cmpuint (last, ==, 0);
  g_assert_true (gtk_widget_get_sensitive (all));

  gtk_spin_button_set_value (to, 2015);
  fw_filter_get_years (fw_explorer_get_filter (fixture->explorer), &first, &last);
  g_assert_cmpuint (first, ==, 2010);
  g_assert_cmpuint (last, ==, 2015);

  /* "From" past "To" moves "To" along. */
  gtk_spin_button_set_value (from, 2018);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, 2018);
  fw_filter_get_years (fw_explorer_get_filter (fixture->explorer), &first, &last);
  g_assert_cmpuint (first, ==, 2018);
  g_assert_cmpuint (last, ==, 2018);

  gtk_spin_button_set_value (to, 2021);
  fw_filter_get_years (fw_explorer_get_filter (fixture->explorer), &first, &last);
  g_assert_cmpuint (first, ==, 2018);
  g_assert_cmpuint (last, ==, 0);

  g_signal_emit_by_name (all, "clicked");
  fw_filter_get_years (fw_explorer_get_filter (fixture->explorer), &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (from), ==, 2002);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, 2021);
  g_assert_false (gtk_widget_get_sensitive (all));

  /* A range set elsewhere shows in the spin buttons. */
  fw_explorer_set_years (fixture->explorer, 2012, 2014);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (from), ==, 2012);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, 2014);
}

static void
test_unknown_years (void)
{
  g_autoptr(GError) error = NULL;
  FwDataset *dataset = fw_io_load_demo (&error);
  FwExhibitionValues exhibition = { .firm = 0, .fair = 0, .year = FW_YEAR_UNKNOWN };
  Fixture fixture = { NULL };
  GtkLabel *unknown;
  g_autofree char *text = NULL;
  g_autoptr(FwFilter) filter = fw_filter_new ();

  g_assert_no_error (error);
  fw_dataset_append_exhibition (dataset, &exhibition);
  exhibition.firm = 1;
  fw_dataset_append_exhibition (dataset, &exhibition);
  fixture_set_up_with (&fixture, dataset, 300);

  unknown = template_child (fixture.sidebar, FW_TYPE_SIDEBAR, "unknown_years_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (unknown)));
  g_assert_cmpuint (expected_count (dataset, filter, FW_FACET_YEAR, FW_YEAR_UNKNOWN), ==, 2);
  text = g_strdup_printf ("(unknown year): %u", expected_count (dataset, filter, FW_FACET_YEAR, FW_YEAR_UNKNOWN));
  g_assert_cmpstr (gtk_label_get_label (unknown), ==, text);

  /* Counted under the other facets: a year range leaves it as it is. */
  fw_explorer_set_years (fixture.explorer, 2010, 2012);
  g_assert_cmpstr (gtk_label_get_label (unknown), ==, text);

  fixture_tear_down (&fixture, NULL);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkEditable *entry = template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "search_entry");
  GtkWidget *focus;

  fw_sidebar_focus_search (fixture->sidebar);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  gtk_editable_set_text (entry, "net");
  settle (400);
  g_assert_cmpstr (fw_filter_get_search (fw_explorer_get_filter (fixture->explorer)), ==, "net");

  /* Back clears the entry, and no new step is made of it. */
  fw_explorer_go_back (fixture->explorer);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  settle (400);
  g_assert_null (fw_filter_get_search (fw_explorer_get_filter (fixture->explorer)));
  g_assert_true (fw_explorer_can_go_forward (fixture->explorer));

  fw_explorer_go_forward (fixture->explorer);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "net");
}

/* Tab reaches the search, the years, and every facet's controls. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  FwFacetBox *confidence = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_CONFIDENCE);
  FwFacetBox *fairs = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_FAIR);
  FwFacetBox *adversary = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_ADVERSARY);
  GtkWidget *wanted[] = {
    template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "search_entry"),
    template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "from_spin"),
    template_child (fixture->sidebar, FW_TYPE_SIDEBAR, "to_spin"),
    GTK_WIDGET (fw_facet_box_get_check (confidence, FW_CONFIDENCE_HIGH)),
    template_child (fairs, FW_TYPE_FACET_BOX, "search_entry"),
    template_child (fairs, FW_TYPE_FACET_BOX, "sort_button"),
    template_child (fairs, FW_TYPE_FACET_BOX, "more_button"),
    GTK_WIDGET (fw_facet_box_get_check (adversary, FW_ADVERSARY_YES)),
  };
  gboolean reached[G_N_ELEMENTS (wanted)] = { FALSE };

  fw_sidebar_focus_search (fixture->sidebar);
  for (guint step = 0; step < 200; step++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        if (focus == wanted[i] || gtk_widget_is_ancestor (focus, wanted[i]))
          reached[i] = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_test_message ("widget %u reached: %d", i, reached[i]);
      g_assert_true (reached[i]);
    }
}

/* Opening another dataset gives the sidebar another explorer. */
static void
test_replace_explorer (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(FwExplorer) other = fw_explorer_new (fixture->dataset);
  g_autoptr(FwExplorer) got = NULL;
  FwFacetBox *hosts = fw_sidebar_get_facet_box (fixture->sidebar, FW_FACET_HOST_COUNTRY);
  FwCountryId france = country (fixture, "FR");

  fw_explorer_toggle_value (fixture->explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_LOW);
  fw_explorer_toggle_value (other, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);

  fw_sidebar_set_explorer (fixture->sidebar, other);
  g_object_get (fixture->sidebar, "explorer", &got, NULL);
  g_assert_true (got == other);
  g_assert_true (gtk_check_button_get_active (fw_facet_box_get_check (fw_sidebar_get_facet_box (fixture->sidebar,
                                                                                                FW_FACET_CONFIDENCE),
                                                                      FW_CONFIDENCE_HIGH)));
  g_assert_cmpuint (shown_count (fixture->sidebar, FW_FACET_HOST_COUNTRY, france), ==,
                    expected_count (fixture->dataset, fw_explorer_get_filter (other), FW_FACET_HOST_COUNTRY, france));

  /* The old explorer no longer drives it. */
  fw_explorer_toggle_value (fixture->explorer, FW_FACET_HOST_COUNTRY, france);
  g_assert_false (gtk_check_button_get_active (fw_facet_box_get_check (hosts, france)));

  fw_sidebar_set_explorer (fixture->sidebar, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->sidebar)));
  g_assert_null (fw_facet_box_get_check (hosts, france));

  fw_sidebar_set_explorer (fixture->sidebar, fixture->explorer);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->sidebar)));
  g_assert_true (gtk_check_button_get_active (fw_facet_box_get_check (hosts, france)));
}

/* The sidebar as a person sees it, with a selection made, at the
 * narrowest and widest widths the window allows it, light and dark. */
static void
test_screenshots (void)
{
  static const struct {
    int              width;
    AdwColorScheme   scheme;
    const char      *name;
  } shots[] = {
    { 300, ADW_COLOR_SCHEME_FORCE_LIGHT, "sidebar.png" },
    { 300, ADW_COLOR_SCHEME_FORCE_DARK, "sidebar-dark.png" },
    { 260, ADW_COLOR_SCHEME_FORCE_LIGHT, "sidebar-260.png" },
    { 420, ADW_COLOR_SCHEME_FORCE_DARK, "sidebar-420-dark.png" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/org/fairwatch/Fairwatch/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autoptr(GError) error = NULL;
      FwDataset *dataset = fw_io_load_demo (&error);
      Fixture fixture = { NULL };
      FwFacetBox *fairs;
      int height;

      g_assert_no_error (error);
      adw_style_manager_set_color_scheme (style, shots[i].scheme);
      fixture_set_up_with (&fixture, dataset, shots[i].width);

      fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
      fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
      fw_explorer_toggle_value (fixture.explorer, FW_FACET_HOST_COUNTRY, country (&fixture, "RU"));
      fw_explorer_set_match (fixture.explorer, FW_FACET_HOST_COUNTRY, FW_MATCH_NONE_OF);
      fw_explorer_set_years (fixture.explorer, 2010, 0);
      fairs = fw_sidebar_get_facet_box (fixture.sidebar, FW_FACET_FAIR);
      g_signal_emit_by_name (template_child (fairs, FW_TYPE_FACET_BOX, "more_button"), "clicked");

      /* Tall enough for the whole sidebar to be drawn. */
      height = 0;
      gtk_widget_measure (GTK_WIDGET (fixture.sidebar), GTK_ORIENTATION_VERTICAL, shots[i].width,
                          NULL, &height, NULL, NULL);
      gtk_widget_set_size_request (gtk_window_get_child (GTK_WINDOW (fixture.window)), shots[i].width, height);
      settle (400);
      g_test_message ("sidebar %d × %d, window %d × %d", shots[i].width, height,
                      gtk_widget_get_width (fixture.window), gtk_widget_get_height (fixture.window));

      fw_test_save_png (fixture.window, shots[i].name);
      fixture_tear_down (&fixture, NULL);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend records what a screen reader would
   * be told, without a bus to talk to. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sidebar/counts", test_counts);
  ADD ("/sidebar/unknown-bucket", test_unknown_bucket);
  ADD ("/sidebar/toggle", test_toggle);
  ADD ("/sidebar/none-of", test_none_of);
  ADD ("/sidebar/fair-search", test_fair_search);
  ADD ("/sidebar/years", test_years);
  ADD ("/sidebar/search", test_search);
  ADD ("/sidebar/keyboard", test_keyboard);
  ADD ("/sidebar/replace-explorer", test_replace_explorer);
#undef ADD
  g_test_add_func ("/sidebar/unknown-years", test_unknown_years);
  g_test_add_func ("/sidebar/screenshots", test_screenshots);

  return g_test_run ();
}
