/* test-tables.c: the firms, fairs and exhibitions tables, and the firm detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fw-firm-detail.h"
#include "fw-generator.h"
#include "fw-io.h"
#include "fw-record-list.h"
#include "fw-table-view.h"
#include "fw-tables-page.h"
#include "fw-test-widget.h"

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Waits for the next frame of @widget's window, which lays out and draws. */
static void
wait_frame (GtkWidget *widget)
{
  gboolean ticked = FALSE;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  gtk_widget_add_tick_callback (widget, on_tick, &ticked, NULL);
  while (!ticked && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

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

static FwExplorer *
demo_explorer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_demo (&error);

  g_assert_no_error (error);

  return fw_explorer_new (dataset);
}

/* A view in a window, so that it has a display and "win" actions. */
typedef struct
{
  GtkWidget    *window;
  FwTableView  *view;
  FwExplorer   *explorer;
  GArray       *shown_firms;   /* rows passed to win.show-firm */
} Fixture;

static void
show_firm_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;
  guint row = g_variant_get_uint32 (parameter);

  g_array_append_val (fixture->shown_firms, row);
}

static void
fixture_init (Fixture *fixture,
              FwTable  table)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-firm", G_VARIANT_TYPE_UINT32);

  g_signal_connect (action, "activate", G_CALLBACK (show_firm_activated), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));

  fixture->shown_firms = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->explorer = demo_explorer ();
  fixture->view = FW_TABLE_VIEW (fw_table_view_new (table));
  fw_table_view_set_explorer (fixture->view, fixture->explorer);

  fixture->window = gtk_window_new ();
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_clear (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_finalize_object (fixture->explorer);
  g_array_unref (fixture->shown_firms);
}

static FwDataset *
dataset_of (Fixture *fixture)
{
  return fw_explorer_get_dataset (fixture->explorer);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static GListModel *
model_of (Fixture *fixture)
{
  return G_LIST_MODEL (fw_table_view_get_list (fixture->view));
}

static guint
row_at (Fixture *fixture,
        guint    position)
{
  return fw_record_list_get_row (fw_table_view_get_list (fixture->view), position);
}

static void
sort_by (Fixture     *fixture,
         FwField      field,
         GtkSortType  order)
{
  GtkColumnViewColumn *column = fw_table_view_get_column (fixture->view, field, 0);

  g_assert_nonnull (column);
  gtk_column_view_sort_by_column (fw_table_view_get_column_view (fixture->view), column, order);
}

static void
test_firms_filter (void)
{
  Fixture fixture;
  FwQuery *query;
  GListModel *model;
  guint n_high;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  query = fw_explorer_get_query (fixture.explorer);
  model = model_of (&fixture);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 224);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fw_query_get_n_kept (query, FW_TABLE_FIRMS));
  g_assert_cmpstr (fw_table_view_get_count_text (fixture.view), ==, "224 of 224 firms");

  /* Items are made on demand, one per position while someone holds it;
   * a held record follows its position when the filter changes, and says
   * so, which is how the shown rows refill without being made again. */
  {
    g_autoptr(FwRecord) a = g_list_model_get_item (model, 0);
    g_autoptr(FwRecord) b = g_list_model_get_item (model, 0);
    g_autoptr(FwRecord) last = g_list_model_get_item (model, 223);
    guint changes = 0;
    guint first_high;
    FwColumns columns;
    const FwColumns *c = &columns;

    g_assert_true (FW_IS_RECORD (a));
    g_assert_true (a == b);
    g_assert_null (g_list_model_get_item (model, 224));

    fw_dataset_get_columns (fw_explorer_get_dataset (fixture.explorer), &columns);
    g_signal_connect_swapped (a, "changed", G_CALLBACK (count_signal), &changes);
    fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
    g_assert_cmpuint (changes, ==, 1);
    g_assert_cmpuint (c->firm_confidence[fw_record_get_row (a)], ==, FW_CONFIDENCE_HIGH);
    first_high = fw_record_get_row (a);
    g_assert_cmpuint (fw_record_list_get_row (FW_RECORD_LIST (model), 0), ==, first_high);

    /* Position 223 is gone: a record shown there again is a new one. */
    fw_explorer_clear_filter (fixture.explorer);
    g_assert_cmpuint (changes, ==, 2);
    {
      g_autoptr(FwRecord) again = g_list_model_get_item (model, 223);

      g_assert_true (again != last);
      g_assert_cmpuint (fw_record_get_row (again), ==, fw_record_list_get_row (FW_RECORD_LIST (model), 223));
    }
    g_signal_handlers_disconnect_by_func (a, count_signal, &changes);
  }

  fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  n_high = fw_query_get_n_kept (query, FW_TABLE_FIRMS);
  g_assert_cmpuint (n_high, ==, 59);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_high);
  for (guint i = 0; i < n_high; i++)
    g_assert_cmpint (fw_dataset_get_firm_confidence (dataset_of (&fixture), row_at (&fixture, i)), ==,
                     FW_CONFIDENCE_HIGH);
  g_assert_cmpstr (fw_table_view_get_count_text (fixture.view), ==, "59 of 224 firms");

  /* The exhibitions count is of kept exhibitions. */
  fw_explorer_clear_filter (fixture.explorer);
  fw_explorer_set_years (fixture.explorer, 2015, 2015);
  {
    const guint8 *mask = fw_query_get_exhibition_mask (query);
    FwColumns c;

    fw_dataset_get_columns (dataset_of (&fixture), &c);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        guint firm = row_at (&fixture, i);
        guint expected = 0;
        g_autofree char *text = NULL;
        g_autofree char *expected_text = NULL;

        for (guint e = 0; e < c.n_exhibitions; e++)
          expected += c.exhibition_firm[e] == firm && mask[e];
        expected_text = g_strdup_printf ("%u", expected);
        text = fw_record_list_get_text (fw_table_view_get_list (fixture.view), firm,
                                        FW_FIELD_KEPT_EXHIBITIONS, 0, NULL);
        g_assert_cmpstr (text, ==, expected_text);
        g_assert_cmpuint (expected, >, 0);
      }
  }

  fixture_clear (&fixture);
}

static void
test_sort_by_name (void)
{
  Fixture fixture;
  GListModel *model;
  g_autoptr(GPtrArray) ascending = g_ptr_array_new ();
  FwField field;
  GtkSortType order;
  guint n;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  model = model_of (&fixture);
  n = g_list_model_get_n_items (model);

  /* Dataset order before any header is clicked. */
  g_assert_false (fw_record_list_get_sort_field (fw_table_view_get_list (fixture.view), NULL, NULL, NULL));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (row_at (&fixture, i), ==, i);

  sort_by (&fixture, FW_FIELD_FIRM_NAME, GTK_SORT_ASCENDING);
  g_assert_true (fw_record_list_get_sort_field (fw_table_view_get_list (fixture.view), &field, NULL, &order));
  g_assert_cmpint (field, ==, FW_FIELD_FIRM_NAME);
  g_assert_cmpint (order, ==, GTK_SORT_ASCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ascending, (gpointer) fw_dataset_get_firm_name (dataset_of (&fixture), row_at (&fixture, i)));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (g_ptr_array_index (ascending, i - 1), g_ptr_array_index (ascending, i)), <=, 0);

  sort_by (&fixture, FW_FIELD_FIRM_NAME, GTK_SORT_DESCENDING);
  g_assert_true (fw_record_list_get_sort_field (fw_table_view_get_list (fixture.view), &field, NULL, &order));
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (fw_dataset_get_firm_name (dataset_of (&fixture), row_at (&fixture, i)), ==,
                     g_ptr_array_index (ascending, n - 1 - i));

  /* The column's own sorter agrees with the list's order. */
  {
    GtkSorter *sorter = gtk_column_view_get_sorter (fw_table_view_get_column_view (fixture.view));

    for (guint i = 1; i < n; i++)
      {
        g_autoptr(GObject) a = g_list_model_get_item (model, i - 1);
        g_autoptr(GObject) b = g_list_model_get_item (model, i);

        g_assert_cmpint (gtk_sorter_compare (sorter, a, b), !=, GTK_ORDERING_LARGER);
      }
  }

  fixture_clear (&fixture);
}

static void
test_sort_by_country (void)
{
  Fixture fixture;
  GListModel *model;
  FwCountries *countries;
  const guint16 *rank;
  guint n;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  model = model_of (&fixture);
  n = g_list_model_get_n_items (model);
  countries = fw_dataset_get_countries (dataset_of (&fixture));
  rank = fw_countries_get_name_rank (countries);

  sort_by (&fixture, FW_FIELD_FIRM_HQ, GTK_SORT_ASCENDING);

  for (guint i = 1; i < n; i++)
    {
      guint a = row_at (&fixture, i - 1);
      guint b = row_at (&fixture, i);
      FwCountryId ha = fw_dataset_get_firm_hq (dataset_of (&fixture), a);
      FwCountryId hb = fw_dataset_get_firm_hq (dataset_of (&fixture), b);

      g_assert_true (ha != FW_COUNTRY_UNKNOWN || hb == FW_COUNTRY_UNKNOWN);
      if (ha != FW_COUNTRY_UNKNOWN && hb != FW_COUNTRY_UNKNOWN)
        g_assert_cmpuint (rank[ha], <=, rank[hb]);
      /* Ties keep the dataset's order. */
      if (ha == hb)
        g_assert_cmpuint (a, <, b);
    }

  {
    g_autofree char *first = fw_record_list_get_text (fw_table_view_get_list (fixture.view), row_at (&fixture, 0),
                                                      FW_FIELD_FIRM_HQ, 0, NULL);
    g_autofree char *last = fw_record_list_get_text (fw_table_view_get_list (fixture.view), row_at (&fixture, n - 1),
                                                     FW_FIELD_FIRM_HQ, 0, NULL);

    g_test_message ("HQ countries from %s to %s", first, last);
    g_assert_cmpint (g_utf8_collate (first, last), <, 0);
  }

  fixture_clear (&fixture);
}

/* Header clicks chain the columns clicked before behind the new one; a
 * multi-sorter chains them the same way. */
static void
test_sort_secondary (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  g_autoptr(FwRecordList) list = fw_record_list_new (FW_TABLE_FIRMS);
  g_autoptr(GtkSorter) multi = GTK_SORTER (gtk_multi_sorter_new ());
  guint n;

  gtk_multi_sorter_append (GTK_MULTI_SORTER (multi), fw_field_sorter_new (FW_FIELD_FIRM_CONFIDENCE, 0));
  gtk_multi_sorter_append (GTK_MULTI_SORTER (multi), fw_field_sorter_new (FW_FIELD_FIRM_HQ, 0));
  gtk_multi_sorter_append (GTK_MULTI_SORTER (multi), fw_field_sorter_new (FW_FIELD_FIRM_NAME, 0));
  fw_record_list_set_explorer (list, explorer);
  fw_record_list_set_sorter (list, multi);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 224);

  for (guint i = 1; i < n; i++)
    {
      guint a = fw_record_list_get_row (list, i - 1);
      guint b = fw_record_list_get_row (list, i);
      GtkOrdering by_confidence = fw_record_list_compare_rows (list, FW_FIELD_FIRM_CONFIDENCE, 0, a, b);
      GtkOrdering by_hq = fw_record_list_compare_rows (list, FW_FIELD_FIRM_HQ, 0, a, b);

      g_assert_cmpint (by_confidence, !=, GTK_ORDERING_LARGER);
      if (by_confidence == GTK_ORDERING_EQUAL)
        g_assert_cmpint (by_hq, !=, GTK_ORDERING_LARGER);
      if (by_confidence == GTK_ORDERING_EQUAL && by_hq == GTK_ORDERING_EQUAL)
        g_assert_cmpint (g_utf8_collate (fw_dataset_get_firm_name (dataset, a),
                                         fw_dataset_get_firm_name (dataset, b)), <=, 0);
    }
  g_assert_cmpint (fw_dataset_get_firm_confidence (dataset, fw_record_list_get_row (list, 0)), ==,
                   FW_CONFIDENCE_HIGH);
  g_assert_cmpint (fw_dataset_get_firm_confidence (dataset, fw_record_list_get_row (list, n - 1)), ==,
                   FW_CONFIDENCE_LOW);
}

static void
test_search (void)
{
  Fixture fixture;
  GListModel *model;
  FwRecordList *list;
  FwCountryId switzerland;
  guint n_swiss = 0;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  model = model_of (&fixture);
  list = fw_table_view_get_list (fixture.view);

  fw_table_view_set_search (fixture.view, "SIGNALS");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 224);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *name = g_utf8_casefold (fw_dataset_get_firm_name (dataset_of (&fixture), row_at (&fixture, i)), -1);

      g_assert_nonnull (strstr (name, "signals"));
    }

  /* Countries are searched by the name the table shows. */
  switzerland = fw_countries_lookup_code (fw_dataset_get_countries (dataset_of (&fixture)), "CH");
  for (guint f = 0; f < 224; f++)
    n_swiss += fw_dataset_get_firm_hq (dataset_of (&fixture), f) == switzerland;
  g_assert_cmpuint (n_swiss, >, 0);
  fw_table_view_set_search (fixture.view, "switzerland");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_swiss);

  /* The search narrows what the filter keeps. */
  fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, n_swiss);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      guint firm = row_at (&fixture, i);

      g_assert_cmpint (fw_dataset_get_firm_hq (dataset_of (&fixture), firm), ==, switzerland);
      g_assert_cmpint (fw_dataset_get_firm_confidence (dataset_of (&fixture), firm), ==, FW_CONFIDENCE_HIGH);
    }

  fw_table_view_set_search (fixture.view, "no firm is called this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (fw_table_view_get_count_text (fixture.view), ==, "0 of 224 firms");

  fw_table_view_set_search (fixture.view, "  ");
  g_assert_null (fw_record_list_get_search (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 59);

  fixture_clear (&fixture);
}

static void
test_exhibitions_follow_filter (void)
{
  Fixture fixture;
  GListModel *model;
  FwQuery *query;
  guint n;

  fixture_init (&fixture, FW_TABLE_EXHIBITIONS);
  model = model_of (&fixture);
  query = fw_explorer_get_query (fixture.explorer);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    fw_dataset_get_n_rows (dataset_of (&fixture), FW_TABLE_EXHIBITIONS));

  fw_explorer_set_years (fixture.explorer, 2015, 2016);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, fw_query_get_n_kept (query, FW_TABLE_EXHIBITIONS));
  g_assert_cmpuint (n, >, 0);

  sort_by (&fixture, FW_FIELD_EXHIBITION_YEAR, GTK_SORT_DESCENDING);
  for (guint i = 0; i < n; i++)
    {
      FwExhibitionValues values;

      fw_dataset_get_exhibition (dataset_of (&fixture), row_at (&fixture, i), &values);
      g_assert_cmpuint (values.year, >=, 2015);
      g_assert_cmpuint (values.year, <=, 2016);
      if (i > 0)
        {
          FwExhibitionValues previous;

          fw_dataset_get_exhibition (dataset_of (&fixture), row_at (&fixture, i - 1), &previous);
          g_assert_cmpuint (previous.year, >=, values.year);
        }
    }

  /* An exhibition's firm column is the firm's name, sorted as names. */
  sort_by (&fixture, FW_FIELD_FIRM_NAME, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      FwExhibitionValues a, b;

      fw_dataset_get_exhibition (dataset_of (&fixture), row_at (&fixture, i - 1), &a);
      fw_dataset_get_exhibition (dataset_of (&fixture), row_at (&fixture, i), &b);
      g_assert_cmpint (g_utf8_collate (fw_dataset_get_firm_name (dataset_of (&fixture), a.firm),
                                       fw_dataset_get_firm_name (dataset_of (&fixture), b.firm)), <=, 0);
    }

  /* Activating an exhibition shows its firm. */
  {
    FwExhibitionValues values;

    fw_dataset_get_exhibition (dataset_of (&fixture), row_at (&fixture, 3), &values);
    fw_table_view_activate_row (fixture.view, 3);
    g_assert_cmpuint (fixture.shown_firms->len, ==, 1);
    g_assert_cmpuint (g_array_index (fixture.shown_firms, guint, 0), ==, values.firm);
  }

  fixture_clear (&fixture);
}

static void
test_fairs_counts (void)
{
  Fixture fixture;
  GListModel *model;
  FwRecordList *list;
  FwColumns c;
  const guint8 *mask;
  guint total = 0;

  fixture_init (&fixture, FW_TABLE_FAIRS);
  model = model_of (&fixture);
  list = fw_table_view_get_list (fixture.view);

  fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_explorer_set_years (fixture.explorer, 2014, 2018);
  fw_dataset_get_columns (dataset_of (&fixture), &c);
  mask = fw_query_get_exhibition_mask (fw_explorer_get_query (fixture.explorer));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    fw_query_get_n_kept (fw_explorer_get_query (fixture.explorer), FW_TABLE_FAIRS));

  sort_by (&fixture, FW_FIELD_KEPT_FIRMS, GTK_SORT_DESCENDING);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      guint fair = row_at (&fixture, i);
      g_autoptr(GHashTable) firms = g_hash_table_new (NULL, NULL);
      g_autofree char *exhibitions_text = NULL;
      g_autofree char *firms_text = NULL;
      g_autofree char *expected_exhibitions = NULL;
      g_autofree char *expected_firms = NULL;
      guint n_exhibitions = 0;

      for (guint e = 0; e < c.n_exhibitions; e++)
        if (c.exhibition_fair[e] == fair && mask[e])
          {
            n_exhibitions++;
            g_hash_table_add (firms, GUINT_TO_POINTER (c.exhibition_firm[e]));
          }

      expected_exhibitions = g_strdup_printf ("%u", n_exhibitions);
      expected_firms = g_strdup_printf ("%u", g_hash_table_size (firms));
      exhibitions_text = fw_record_list_get_text (list, fair, FW_FIELD_KEPT_EXHIBITIONS, 0, NULL);
      firms_text = fw_record_list_get_text (list, fair, FW_FIELD_KEPT_FIRMS, 0, NULL);
      g_assert_cmpstr (exhibitions_text, ==, expected_exhibitions);
      g_assert_cmpstr (firms_text, ==, expected_firms);
      g_assert_cmpuint (n_exhibitions, >, 0);
      total += n_exhibitions;

      if (i > 0)
        g_assert_cmpint (fw_record_list_compare_rows (list, FW_FIELD_KEPT_FIRMS, 0, row_at (&fixture, i - 1), fair),
                         !=, GTK_ORDERING_SMALLER);
    }
  g_assert_cmpuint (total, ==, fw_query_get_n_kept (fw_explorer_get_query (fixture.explorer), FW_TABLE_EXHIBITIONS));

  /* With nothing filtered, every fair is listed. */
  fw_explorer_clear_filter (fixture.explorer);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, c.n_fairs);

  /* Activating a fair filters on it. */
  fw_table_view_activate_row (fixture.view, 0);
  g_assert_true (fw_filter_facet_is_active (fw_explorer_get_filter (fixture.explorer), FW_FACET_FAIR));
  g_assert_cmpuint (fixture.shown_firms->len, ==, 0);

  fixture_clear (&fixture);
}

static void
collect_cell_texts (GtkWidget  *widget,
                    GHashTable *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "fw-cell"))
    g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

/* What a person sees: after a click the shown cells name only firms the
 * filter keeps, though the row widgets are refilled rather than made anew. */
static void
test_shown_cells_follow (void)
{
  Fixture fixture;
  FwDataset *dataset;
  FwColumns c;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) excluded = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_excluded_before = 0;
  GHashTableIter iter;
  gpointer text;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  dataset = dataset_of (&fixture);
  fw_dataset_get_columns (dataset, &c);
  for (guint f = 0; f < c.n_firms; f++)
    if (c.firm_confidence[f] != FW_CONFIDENCE_HIGH)
      g_hash_table_add (excluded, (gpointer) fw_dataset_get_firm_name (dataset, f));

  collect_cell_texts (GTK_WIDGET (fixture.view), texts);
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    n_excluded_before += g_hash_table_contains (excluded, text);
  g_assert_cmpuint (n_excluded_before, >, 5);

  fw_explorer_toggle_value (fixture.explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  iterate ();
  g_hash_table_remove_all (texts);
  collect_cell_texts (GTK_WIDGET (fixture.view), texts);
  g_assert_true (g_hash_table_contains (texts, fw_dataset_get_firm_name (dataset, row_at (&fixture, 0))));
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    g_assert_false (g_hash_table_contains (excluded, text));

  /* A new order refills them too. */
  sort_by (&fixture, FW_FIELD_FIRM_NAME, GTK_SORT_DESCENDING);
  iterate ();
  g_hash_table_remove_all (texts);
  collect_cell_texts (GTK_WIDGET (fixture.view), texts);
  g_assert_true (g_hash_table_contains (texts, fw_dataset_get_firm_name (dataset, row_at (&fixture, 0))));

  fixture_clear (&fixture);
}

static void
test_selection_kept (void)
{
  Fixture fixture;
  GtkSelectionModel *selection;
  guint selected;
  guint position;

  fixture_init (&fixture, FW_TABLE_FIRMS);
  selection = gtk_column_view_get_model (fw_table_view_get_column_view (fixture.view));

  /* Nothing is selected until a person selects. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    GTK_INVALID_LIST_POSITION);

  gtk_selection_model_select_item (selection, 10, TRUE);
  /* A record is a position; the selection keeps the firm. */
  selected = fw_record_get_row (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)));

  sort_by (&fixture, FW_FIELD_FIRM_NAME, GTK_SORT_DESCENDING);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (position, !=, 10);
  g_assert_cmpuint (row_at (&fixture, position), ==, selected);

  /* Activating a firm asks the window to show it. */
  fw_table_view_activate_row (fixture.view, position);
  g_assert_cmpuint (fixture.shown_firms->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture.shown_firms, guint, 0), ==, selected);

  fixture_clear (&fixture);
}

static void
test_probe (void)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkColumnViewColumn *columns[3];
  const FwField fields[3] = { FW_FIELD_FIRM_NAME, FW_FIELD_FIRM_HQ, FW_FIELD_EXTRA };
  FwFieldSorter *found[4];
  GtkSortType orders[4];
  GtkSorter *sorter;
  guint n;

  g_object_ref_sink (view);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GtkSorter) field_sorter = fw_field_sorter_new (fields[i], 2);

      columns[i] = gtk_column_view_column_new ("", NULL);
      gtk_column_view_column_set_sorter (columns[i], field_sorter);
      gtk_column_view_append_column (view, columns[i]);
    }
  sorter = gtk_column_view_get_sorter (view);

  g_assert_cmpuint (fw_field_sorter_probe (sorter, found, orders, 4), ==, 0);

  gtk_column_view_sort_by_column (view, columns[1], GTK_SORT_DESCENDING);
  n = fw_field_sorter_probe (sorter, found, orders, 4);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (GTK_SORTER (found[0]) == gtk_column_view_column_get_sorter (columns[1]));
  g_assert_cmpint (fw_field_sorter_get_field (found[0]), ==, FW_FIELD_FIRM_HQ);
  g_assert_cmpint (orders[0], ==, GTK_SORT_DESCENDING);

  gtk_column_view_sort_by_column (view, columns[2], GTK_SORT_ASCENDING);
  n = fw_field_sorter_probe (sorter, found, orders, 4);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (fw_field_sorter_get_field (found[0]), ==, FW_FIELD_EXTRA);
  g_assert_cmpuint (fw_field_sorter_get_extra (found[0]), ==, 2);
  g_assert_cmpint (orders[0], ==, GTK_SORT_ASCENDING);

  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpuint (fw_field_sorter_probe (sorter, found, orders, 4), ==, 0);

  /* Sorters after the first are found by probing again with those found
   * answering "equal"; a multi-sorter chains them as header clicks do. */
  {
    g_autoptr(GtkSorter) multi = GTK_SORTER (gtk_multi_sorter_new ());

    gtk_multi_sorter_append (GTK_MULTI_SORTER (multi), g_object_ref (gtk_column_view_column_get_sorter (columns[1])));
    gtk_multi_sorter_append (GTK_MULTI_SORTER (multi), g_object_ref (gtk_column_view_column_get_sorter (columns[0])));
    n = fw_field_sorter_probe (multi, found, orders, 4);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (fw_field_sorter_get_field (found[0]), ==, FW_FIELD_FIRM_HQ);
    g_assert_cmpint (fw_field_sorter_get_field (found[1]), ==, FW_FIELD_FIRM_NAME);
    g_assert_cmpint (orders[1], ==, GTK_SORT_ASCENDING);

    /* Only as many as asked for. */
    g_assert_cmpuint (fw_field_sorter_probe (multi, found, orders, 1), ==, 1);
    g_assert_cmpint (fw_field_sorter_get_field (found[0]), ==, FW_FIELD_FIRM_HQ);
  }

  for (guint i = 0; i < 3; i++)
    g_object_unref (columns[i]);
  g_assert_finalize_object (view);
}

/* Four firms, two fairs, with unknowns and an extra column. */
static FwExplorer *
small_explorer (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwCountryId fr = fw_countries_lookup_code (countries, "FR");
  FwCountryId de = fw_countries_lookup_code (countries, "DE");
  FwCountryId sg = fw_countries_lookup_code (countries, "SG");
  guint team;

  fw_dataset_append_firm (dataset, &(FwFirmValues) { .name = "Zulu Systems", .hq = de,
                                                     .confidence = FW_CONFIDENCE_LOW });
  fw_dataset_append_firm (dataset, &(FwFirmValues) { .name = "alpha Labs", .hq = FW_COUNTRY_UNKNOWN,
                                                     .confidence = FW_CONFIDENCE_UNKNOWN,
                                                     .website = "www.alpha-labs.example",
                                                     .notes = "Named in a news report.",
                                                     .source = "https://example.org/report" });
  fw_dataset_append_firm (dataset, &(FwFirmValues) { .name = "Bravo", .hq = fr,
                                                     .confidence = FW_CONFIDENCE_HIGH,
                                                     .website = "not a url" });
  fw_dataset_append_firm (dataset, &(FwFirmValues) { .name = "Échelle SA", .hq = fr,
                                                     .confidence = FW_CONFIDENCE_MEDIUM });
  fw_dataset_append_fair (dataset, &(FwFairValues) { .name = "Milipol France", .host = fr, .city = "Paris" });
  fw_dataset_append_fair (dataset, &(FwFairValues) { .name = NULL, .host = sg });

  fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) { .firm = 1, .fair = 0, .year = 2019,
                                                                  .source = "https://example.org/2019" });
  fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) { .firm = 1, .fair = 1, .year = FW_YEAR_UNKNOWN,
                                                                  .note = "Year not given" });
  fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) { .firm = 2, .fair = 0, .year = 2017 });
  fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) { .firm = 0, .fair = 1, .year = 2018 });

  team = fw_dataset_add_extra_column (dataset, FW_TABLE_FIRMS, "Team size");
  fw_dataset_set_extra (dataset, FW_TABLE_FIRMS, team, 0, "12");
  fw_dataset_set_extra (dataset, FW_TABLE_FIRMS, team, 2, "Sigma team");

  return fw_explorer_new (dataset);
}

static void
test_unknown_last (void)
{
  g_autoptr(FwExplorer) explorer = small_explorer ();
  FwTableView *view = g_object_ref_sink (FW_TABLE_VIEW (fw_table_view_new (FW_TABLE_FIRMS)));
  FwTableView *exhibitions = g_object_ref_sink (FW_TABLE_VIEW (fw_table_view_new (FW_TABLE_EXHIBITIONS)));
  FwRecordList *list = fw_table_view_get_list (view);
  GtkColumnView *column_view = fw_table_view_get_column_view (view);
  GtkColumnViewColumn *extra;
  g_autofree char *hq = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *fair = NULL;
  g_autofree char *year = NULL;
  gboolean unknown;

  fw_table_view_set_explorer (view, explorer);
  fw_table_view_set_explorer (exhibitions, explorer);

  hq = fw_record_list_get_text (list, 1, FW_FIELD_FIRM_HQ, 0, &unknown);
  g_assert_true (unknown);
  g_assert_cmpstr (hq, ==, _("(unknown)"));
  confidence = fw_record_list_get_text (list, 1, FW_FIELD_FIRM_CONFIDENCE, 0, &unknown);
  g_assert_true (unknown);
  g_free (hq);
  hq = fw_record_list_get_text (list, 2, FW_FIELD_FIRM_HQ, 0, &unknown);
  g_assert_false (unknown);
  g_assert_cmpstr (hq, ==, "France");

  /* Unknown values last ascending, first descending. */
  gtk_column_view_sort_by_column (column_view, fw_table_view_get_column (view, FW_FIELD_FIRM_HQ, 0), GTK_SORT_ASCENDING);
  g_assert_cmpuint (fw_record_list_get_row (list, 3), ==, 1);
  g_assert_cmpuint (fw_record_list_get_row (list, 0), ==, 2);  /* France, then Germany */
  g_assert_cmpuint (fw_record_list_get_row (list, 1), ==, 3);
  g_assert_cmpuint (fw_record_list_get_row (list, 2), ==, 0);
  gtk_column_view_sort_by_column (column_view, fw_table_view_get_column (view, FW_FIELD_FIRM_HQ, 0), GTK_SORT_DESCENDING);
  g_assert_cmpuint (fw_record_list_get_row (list, 0), ==, 1);

  gtk_column_view_sort_by_column (column_view, fw_table_view_get_column (view, FW_FIELD_FIRM_CONFIDENCE, 0),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpuint (fw_record_list_get_row (list, 0), ==, 2);  /* High */
  g_assert_cmpuint (fw_record_list_get_row (list, 3), ==, 1);  /* unknown */

  /* Names in the locale's collation, not byte order. */
  gtk_column_view_sort_by_column (column_view, fw_table_view_get_column (view, FW_FIELD_FIRM_NAME, 0), GTK_SORT_ASCENDING);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (g_utf8_collate (fw_dataset_get_firm_name (fw_explorer_get_dataset (explorer), fw_record_list_get_row (list, i - 1)),
                                     fw_dataset_get_firm_name (fw_explorer_get_dataset (explorer), fw_record_list_get_row (list, i))), <, 0);

  /* Extra columns are shown, sorted and searched; empty values go last. */
  extra = fw_table_view_get_column (view, FW_FIELD_EXTRA, 0);
  g_assert_nonnull (extra);
  g_assert_cmpstr (gtk_column_view_column_get_title (extra), ==, "Team size");
  gtk_column_view_sort_by_column (column_view, extra, GTK_SORT_ASCENDING);
  g_assert_cmpuint (fw_record_list_get_row (list, 0), ==, 0);  /* "12" */
  g_assert_cmpuint (fw_record_list_get_row (list, 1), ==, 2);  /* "Sigma team" */
  fw_table_view_set_search (view, "sigma");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (fw_record_list_get_row (list, 0), ==, 2);
  fw_table_view_set_search (view, "news report");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  fw_table_view_set_search (view, NULL);

  /* An unnamed fair and an unknown year read as unknown. */
  fair = fw_record_list_get_text (fw_table_view_get_list (exhibitions), 1, FW_FIELD_FAIR_NAME, 0, &unknown);
  g_assert_true (unknown);
  g_assert_nonnull (strstr (fair, "Singapore"));
  year = fw_record_list_get_text (fw_table_view_get_list (exhibitions), 1, FW_FIELD_EXHIBITION_YEAR, 0, &unknown);
  g_assert_true (unknown);
  gtk_column_view_sort_by_column (fw_table_view_get_column_view (exhibitions),
                                  fw_table_view_get_column (exhibitions, FW_FIELD_EXHIBITION_YEAR, 0),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpuint (fw_record_list_get_row (fw_table_view_get_list (exhibitions), 0), ==, 2);
  g_assert_cmpuint (fw_record_list_get_row (fw_table_view_get_list (exhibitions), 3), ==, 1);
  fw_table_view_set_search (exhibitions, "singapore");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fw_table_view_get_list (exhibitions))), ==, 2);
  fw_table_view_set_search (exhibitions, "2019");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fw_table_view_get_list (exhibitions))), ==, 1);

  g_assert_finalize_object (view);
  g_assert_finalize_object (exhibitions);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_firm_detail_record (void)
{
  g_autoptr(FwExplorer) explorer = small_explorer ();
  GtkWindow *window;
  GtkWidget *link;

  /* A website without a scheme is still a link. */
  window = fw_firm_detail_new (NULL, explorer, 1);
  gtk_window_present (window);
  iterate ();
  link = find_widget (GTK_WIDGET (window), GTK_TYPE_LINK_BUTTON);
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, "https://www.alpha-labs.example");
  g_assert_cmpuint (fw_firm_detail_get_n_exhibitions (FW_FIRM_DETAIL (window)), ==, 2);
  /* The exhibition of unknown year is listed but has no dot. */
  g_assert_cmpuint (fw_chart_get_n_points (fw_firm_detail_get_chart (FW_FIRM_DETAIL (window))), ==, 1);
  gtk_window_destroy (window);

  /* Text that is not an address stays text. */
  window = fw_firm_detail_new (NULL, explorer, 2);
  gtk_window_present (window);
  iterate ();
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_LINK_BUTTON));
  gtk_window_destroy (window);

  /* A firm without exhibitions. */
  window = fw_firm_detail_new (NULL, explorer, 3);
  gtk_window_present (window);
  iterate ();
  g_assert_cmpuint (fw_firm_detail_get_n_exhibitions (FW_FIRM_DETAIL (window)), ==, 0);
  g_assert_true (fw_chart_is_empty (fw_firm_detail_get_chart (FW_FIRM_DETAIL (window))));
  gtk_window_destroy (window);
  iterate ();
}

static void
test_new_destroy (void)
{
  FwTablesPage *page = g_object_ref_sink (fw_tables_page_new ());
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  FwRecordList *list;

  fw_tables_page_set_explorer (page, explorer);
  g_assert_true (fw_tables_page_get_explorer (page) == explorer);
  list = g_object_ref (fw_table_view_get_list (fw_tables_page_get_view (page, FW_TABLE_EXHIBITIONS)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);

  g_assert_finalize_object (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_finalize_object (list);
}

static void
test_screenshots (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  FwTablesPage *page = fw_tables_page_new ();
  FwTableView *firms;

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Fairwatch");
  fw_tables_page_set_explorer (page, explorer);
  gtk_window_present (GTK_WINDOW (window));

  firms = fw_tables_page_get_view (page, FW_TABLE_FIRMS);
  fw_explorer_toggle_value (explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_explorer_toggle_value (explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
  gtk_column_view_sort_by_column (fw_table_view_get_column_view (firms),
                                  fw_table_view_get_column (firms, FW_FIELD_KEPT_EXHIBITIONS, 0),
                                  GTK_SORT_DESCENDING);
  settle (window);
  fw_test_save_png (window, "tables-firms.png");

  fw_tables_page_show_table (page, FW_TABLE_EXHIBITIONS);
  fw_explorer_set_years (explorer, 2016, 2019);
  fw_table_view_set_search (fw_tables_page_get_view (page, FW_TABLE_EXHIBITIONS), "milipol");
  settle (window);
  fw_test_save_png (window, "tables-exhibitions.png");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_firm_detail (void)
{
  g_autoptr(FwExplorer) explorer = demo_explorer ();
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  FwQuery *query = fw_explorer_get_query (explorer);
  GtkWidget *parent = gtk_window_new ();
  const guint32 *start;
  GtkWindow *window;
  FwFirmDetail *detail;
  guint firm = 0;
  guint n_known_years = 0;
  guint n_kept = 0;

  fw_query_get_exhibitions_by_firm (query, &start);

  /* The firm with the most exhibitions, for a full timeline. */
  for (guint f = 0; f < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS); f++)
    if (start[f + 1] - start[f] > start[firm + 1] - start[firm])
      firm = f;

  fw_explorer_set_years (explorer, 2012, 2017);

  gtk_window_present (GTK_WINDOW (parent));
  window = fw_firm_detail_new (GTK_WINDOW (parent), explorer, firm);
  detail = FW_FIRM_DETAIL (window);
  gtk_window_present (window);
  settle (GTK_WIDGET (window));

  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (parent));
  g_assert_false (gtk_window_get_modal (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, fw_dataset_get_firm_name (dataset, firm));
  g_assert_cmpuint (fw_firm_detail_get_firm (detail), ==, firm);

  /* Every exhibition of the firm, not only the kept ones. */
  g_assert_cmpuint (fw_firm_detail_get_n_exhibitions (detail), ==, start[firm + 1] - start[firm]);
  for (guint e = 0; e < fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS); e++)
    {
      FwExhibitionValues values;

      fw_dataset_get_exhibition (dataset, e, &values);
      if (values.firm != firm)
        continue;
      n_known_years += values.year != FW_YEAR_UNKNOWN;
      n_kept += fw_query_get_exhibition_mask (query)[e];
    }
  g_assert_cmpuint (fw_firm_detail_get_n_kept (detail), ==, n_kept);
  g_assert_cmpuint (n_kept, >, 0);
  g_assert_cmpuint (n_kept, <, fw_firm_detail_get_n_exhibitions (detail));
  g_assert_cmpint (fw_chart_get_kind (fw_firm_detail_get_chart (detail)), ==, FW_CHART_TIMELINE);
  g_assert_cmpuint (fw_chart_get_n_points (fw_firm_detail_get_chart (detail)), ==, n_known_years);
  g_assert_cmpuint (fw_chart_get_n_categories (fw_firm_detail_get_chart (detail)), >, 1);

  fw_test_save_png (GTK_WIDGET (window), "firm-detail.png");

  /* The window follows the filter. */
  fw_explorer_set_years (explorer, 0, 0);
  g_assert_cmpuint (fw_firm_detail_get_n_kept (detail), ==, fw_firm_detail_get_n_exhibitions (detail));

  fw_firm_detail_filter_to_firm (detail);
  g_assert_cmpstr (fw_filter_get_search (fw_explorer_get_filter (explorer)), ==,
                   fw_dataset_get_firm_name (dataset, firm));
  g_assert_cmpuint (fw_query_get_n_kept (query, FW_TABLE_FIRMS), >=, 1);
  g_assert_true (fw_query_get_firm_mask (query)[firm]);

  gtk_window_destroy (window);
  gtk_window_destroy (GTK_WINDOW (parent));
  iterate ();
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
test_performance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(FwExplorer) explorer = NULL;
  FwTableView *view;
  GtkWidget *window;
  GtkColumnView *column_view;
  GListModel *model;
  GtkAdjustment *adjustment;
  struct { FwField field; GtkSortType order; } sorts[] = {
    { FW_FIELD_FIRM_NAME, GTK_SORT_ASCENDING },
    { FW_FIELD_FIRM_NAME, GTK_SORT_DESCENDING },
    { FW_FIELD_FAIR_NAME, GTK_SORT_ASCENDING },
    { FW_FIELD_FAIR_HOST, GTK_SORT_ASCENDING },
    { FW_FIELD_EXHIBITION_YEAR, GTK_SORT_DESCENDING },
    { FW_FIELD_EXHIBITION_NOTE, GTK_SORT_ASCENDING },
  };
  gint64 start;
  double slowest = 0;

  start = g_get_monotonic_time ();
  dataset = fw_generator_random (50000, 1000000, 7, &error);
  g_assert_no_error (error);
  g_test_message ("generate 50,000 firms and 1,000,000 exhibitions: %.0f ms", elapsed_ms (start));

  start = g_get_monotonic_time ();
  explorer = fw_explorer_new (dataset);
  g_test_message ("explorer (first query): %.0f ms", elapsed_ms (start));

  /* The list alone, without widgets. */
  {
    g_autoptr(FwRecordList) list = fw_record_list_new (FW_TABLE_EXHIBITIONS);
    g_autoptr(GtkSorter) sorter = fw_field_sorter_new (FW_FIELD_FIRM_NAME, 0);

    start = g_get_monotonic_time ();
    fw_record_list_set_explorer (list, explorer);
    g_test_message ("list alone: build: %.0f ms", elapsed_ms (start));
    start = g_get_monotonic_time ();
    fw_record_list_set_sorter (list, sorter);
    g_test_message ("list alone: sort by firm (cold): %.0f ms", elapsed_ms (start));
    start = g_get_monotonic_time ();
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
    g_test_message ("list alone: sort by firm (warm): %.0f ms", elapsed_ms (start));
  }

  view = FW_TABLE_VIEW (fw_table_view_new (FW_TABLE_EXHIBITIONS));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  column_view = fw_table_view_get_column_view (view);
  model = G_LIST_MODEL (fw_table_view_get_list (view));

  start = g_get_monotonic_time ();
  fw_table_view_set_explorer (view, explorer);
  g_test_message ("build the exhibitions list: %.0f ms", elapsed_ms (start));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000000);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      GtkColumnViewColumn *column = fw_table_view_get_column (view, sorts[i].field, 0);

      /* Once cold (keys made), once warm (keys cached). */
      for (guint pass = 0; pass < 2; pass++)
        {
          start = g_get_monotonic_time ();
          gtk_column_view_sort_by_column (column_view, column, sorts[i].order);
          g_test_message ("sort by %s %s (%s): %.0f ms",
                          gtk_column_view_column_get_title (column),
                          sorts[i].order == GTK_SORT_ASCENDING ? "ascending" : "descending",
                          pass == 0 ? "cold" : "warm", elapsed_ms (start));
        }
    }

  start = g_get_monotonic_time ();
  fw_explorer_toggle_value (explorer, FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  g_test_message ("filter to high confidence (query, list and sort, %u rows): %.0f ms",
                  g_list_model_get_n_items (model), elapsed_ms (start));

  start = g_get_monotonic_time ();
  fw_table_view_set_search (view, "milipol");
  g_test_message ("search “milipol” (%u rows): %.0f ms", g_list_model_get_n_items (model), elapsed_ms (start));

  start = g_get_monotonic_time ();
  fw_table_view_set_search (view, NULL);
  fw_explorer_clear_filter (explorer);
  g_test_message ("clear search and filter (%u rows): %.0f ms", g_list_model_get_n_items (model), elapsed_ms (start));

  /* Scrolling: jumps across the million rows, a frame each, against
   * frames that only redraw. */
  wait_frame (window);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 20; i++)
    {
      gtk_widget_queue_draw (window);
      wait_frame (window);
    }
  g_test_message ("redraw without scrolling: %.1f ms per frame", elapsed_ms (start) / 20);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 20; i++)
    {
      gint64 frame = g_get_monotonic_time ();
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * ((i * 7919) % 20) / 19.0);
      wait_frame (window);
      slowest = MAX (slowest, elapsed_ms (frame));
    }
  g_test_message ("scroll: 20 jumps, %.1f ms per frame on average, slowest %.1f ms",
                  elapsed_ms (start) / 20, slowest);

  slowest = 0;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 40; i++)
    {
      gint64 frame = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 60);
      wait_frame (window);
      slowest = MAX (slowest, elapsed_ms (frame));
    }
  g_test_message ("scroll: 40 steps of 60 pixels, %.1f ms per frame on average, slowest %.1f ms",
                  elapsed_ms (start) / 40, slowest);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tables/probe", test_probe);
  g_test_add_func ("/tables/new-destroy", test_new_destroy);
  g_test_add_func ("/tables/firms-filter", test_firms_filter);
  g_test_add_func ("/tables/sort-by-name", test_sort_by_name);
  g_test_add_func ("/tables/sort-by-country", test_sort_by_country);
  g_test_add_func ("/tables/sort-secondary", test_sort_secondary);
  g_test_add_func ("/tables/search", test_search);
  g_test_add_func ("/tables/exhibitions-follow-filter", test_exhibitions_follow_filter);
  g_test_add_func ("/tables/fairs-counts", test_fairs_counts);
  g_test_add_func ("/tables/selection-kept", test_selection_kept);
  g_test_add_func ("/tables/shown-cells-follow", test_shown_cells_follow);
  g_test_add_func ("/tables/unknown-last", test_unknown_last);
  g_test_add_func ("/tables/screenshots", test_screenshots);
  g_test_add_func ("/tables/firm-detail", test_firm_detail);
  g_test_add_func ("/tables/firm-detail-record", test_firm_detail_record);
  g_test_add_func ("/tables/performance", test_performance);

  return g_test_run ();
}
