/* test-curation.c: curating in the window: the Problems panel, the Changes
 * view, editing cells and the firm form, undo, saving and its questions,
 * restoring after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "fw-changes-page.h"
#include "fw-edit-cell.h"
#include "fw-edit-form.h"
#include "fw-firm-detail.h"
#include "fw-problems-page.h"
#include "fw-recovery.h"
#include "fw-tables-page.h"
#include "fw-window.h"
#include "fw-test-curation.h"
#include "fw-test-widget.h"

static char *scratch;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What changed is drawn first. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  fw_test_settle (250);
  fw_test_save_png (widget, name);
}

/* The pencil of the table shown. */
static GtkWidget *
find_edit_toggle (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "document-edit-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_edit_toggle (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static FwWindow *
open_window (const char *fixture)
{
  g_autofree char *path = copy_fixture (fixture, scratch);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = fw_document_load (path, NULL, NULL, &error);
  FwWindow *window = fw_window_new (FW_APPLICATION (g_application_get_default ()));

  g_assert_no_error (error);
  fw_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_settle (250);

  return window;
}

static void
close_discarding (FwWindow *window)
{
  FwEditSession *session = fw_window_get_session (window);

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  if (fw_edit_session_get_question (session) != NULL)
    adw_message_dialog_response (fw_edit_session_get_question (session), "discard");
  iterate ();
}

static void
test_problems_panel_agrees_with_cli (void)
{
  FwWindow *window = open_window ("validate/problems.fairwatch.json");
  FwProblemsPage *page = FW_PROBLEMS_PAGE (fw_window_get_curation_view (window, "problems"));
  const char *path = fw_document_get_path (fw_window_get_document (window));
  const char *argv[] = { g_getenv ("FAIRWATCH"), "validate", path, NULL };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) panel = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  FwTablesPage *tables;
  GtkListBoxRow *row;
  int status;

  fw_window_show_curation_view (window, "problems");
  fw_test_settle (250);
  lines = fw_problems_page_get_lines (page);
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (panel, "%s\n", (char *) g_ptr_array_index (lines, i));

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (panel->str, ==, out);
  shoot (GTK_WIDGET (window), "curation-problems.png");

  /* Clicking the HQ problem selects Borealis in the firms table. */
  row = gtk_list_box_get_row_at_index (fw_problems_page_get_list (page), 0);
  g_signal_emit_by_name (fw_problems_page_get_list (page), "row-activated", row);
  fw_test_settle (250);
  tables = FW_TABLES_PAGE (fw_window_get_view (window, "tables"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tables)));
  g_assert_cmpint (fw_table_view_get_selected_row (fw_tables_page_get_view (tables, FW_TABLE_FIRMS)), ==, 1);

  /* Fixing it takes it off the list. */
  g_assert_true (fw_edit_session_set_field (fw_window_get_session (window), FW_TABLE_FIRMS, 1,
                                            FW_FIELD_FIRM_HQ, 0, "Israel"));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = fw_problems_page_get_lines (page);
  g_assert_cmpuint (lines->len, ==, 2);

  close_discarding (window);
}

static void
test_edit_cells_undo_and_changes (void)
{
  FwWindow *window = open_window ("json/good.fairwatch.json");
  FwDocument *document = fw_window_get_document (window);
  FwDataset *dataset = fw_document_get_dataset (document);
  FwTablesPage *tables = FW_TABLES_PAGE (fw_window_get_view (window, "tables"));
  FwChangesPage *changes = FW_CHANGES_PAGE (fw_window_get_curation_view (window, "changes"));
  GtkWidget *toggle;
  FwEditCell *cell;
  GtkEntry *entry;
  g_autofree char *before = dump_dataset (dataset);
  g_autofree char *name = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;

  fw_edit_session_set_citation (fw_window_get_session (window), "Register extract",
                                "https://register.example/123", "Entry 4", "2024-06-01");
  fw_window_show_view (window, "tables");
  fw_tables_page_show_table (tables, FW_TABLE_FIRMS);
  fw_test_settle (250);

  /* Cells open only in edit mode. */
  toggle = find_edit_toggle (GTK_WIDGET (tables));
  g_assert_nonnull (toggle);
  cell = FW_EDIT_CELL (find_widget (GTK_WIDGET (tables), FW_TYPE_EDIT_CELL));
  g_assert_nonnull (cell);
  fw_edit_cell_start (cell);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fw_edit_cell_get_entry (cell))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (fw_edit_cell_get_entry (cell))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  fw_edit_cell_start (cell);
  entry = fw_edit_cell_get_entry (cell);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));

  /* The first cell is a firm's name: an empty name is refused as typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (before, ==, (after = dump_dataset (dataset)));
  g_clear_pointer (&after, g_free);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Renamed Firm Ltd");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  shoot (GTK_WIDGET (window), "curation-edit-cell.png");
  g_signal_emit_by_name (entry, "activate");
  fw_test_settle (250);
  g_assert_true (fw_document_get_modified (document));
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_str_has_prefix (title, "• "));

  /* The change is listed with its reason, and filtering finds it.  (The
   * file's own history entry is not one this version reads: kept, not
   * listed.) */
  g_assert_cmpuint (fw_changes_page_get_n_shown (changes), ==, 1);
  fw_changes_page_set_filter (changes, "register", FW_N_FIELDS);
  g_assert_cmpuint (fw_changes_page_get_n_shown (changes), ==, 1);
  fw_changes_page_set_filter (changes, NULL, FW_FIELD_FIRM_HQ);
  g_assert_cmpuint (fw_changes_page_get_n_shown (changes), ==, 0);
  fw_changes_page_set_filter (changes, NULL, FW_FIELD_FIRM_NAME);
  g_assert_cmpuint (fw_changes_page_get_n_shown (changes), ==, 1);
  fw_changes_page_set_filter (changes, NULL, FW_N_FIELDS);
  fw_window_show_curation_view (window, "changes");
  fw_test_settle (250);
  shoot (GTK_WIDGET (window), "curation-changes.png");

  /* The window's shortcuts name the actions below. */
  {
    static const char *expected[][2] = {
      { "<Control>z", "doc.undo" }, { "<Shift><Control>z", "doc.redo" }, { "<Control>s", "doc.save" },
      { "<Shift><Control>s", "doc.save-as" },
    };
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    guint found = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
              if (GTK_IS_NAMED_ACTION (action) && g_str_equal (trigger, expected[k][0]) &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), expected[k][1]))
                found++;
          }
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
  }

  /* Ctrl+Z's action takes it back, Ctrl+Shift+Z's brings it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL));
  after = dump_dataset (dataset);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.redo", NULL));
  name = fw_dataset_get_raw (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, 0);
  g_assert_cmpstr (name, !=, "");

  /* Adding a firm selects its empty row; the Problems panel asks for a name. */
  {
    guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
    FwProblemsPage *problems = FW_PROBLEMS_PAGE (fw_window_get_curation_view (window, "problems"));
    g_autoptr(GPtrArray) lines = NULL;
    gboolean asked = FALSE;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.add-record", "(ui)", FW_TABLE_FIRMS, -1));
    fw_test_settle (100);
    g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, n_firms + 1);
    g_assert_cmpint (fw_table_view_get_selected_row (fw_tables_page_get_view (tables, FW_TABLE_FIRMS)), ==,
                     (gint) n_firms);
    lines = fw_problems_page_get_lines (problems);
    for (guint i = 0; i < lines->len; i++)
      asked |= strstr (g_ptr_array_index (lines, i), "has no name") != NULL;
    g_assert_true (asked);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL));
    g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, n_firms);
  }

  /* Revert from the Changes view. */
  {
    guint64 id = fw_changes_page_get_shown_id (changes, 0);
    g_autofree char *reverted = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (changes), "doc.revert", "t", id));
    reverted = dump_dataset (dataset);
    g_assert_cmpstr (reverted, ==, before);
  }

  close_discarding (window);
}

static void
test_firm_form_and_history (void)
{
  FwWindow *window = open_window ("json/good.fairwatch.json");
  FwDocument *document = fw_window_get_document (window);
  FwDataset *dataset = fw_document_get_dataset (document);
  GtkWidget *detail;
  FwEditForm *form;
  AdwEntryRow *hq;
  g_autofree char *value = NULL;
  guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);

  fw_edit_session_set_citation (fw_window_get_session (window), "New office", "Annual report 2023",
                                "p. 4", "2024-02-02");
  fw_window_show_firm (window, 1);
  fw_test_settle (250);
  detail = GTK_WIDGET (gtk_window_list_toplevels ()->data);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = l->next)
    if (FW_IS_FIRM_DETAIL (l->data))
      detail = l->data;
  g_assert_true (FW_IS_FIRM_DETAIL (detail));
  form = FW_EDIT_FORM (find_widget (detail, FW_TYPE_EDIT_FORM));
  g_assert_nonnull (form);

  hq = fw_edit_form_get_entry (form, FW_FIELD_FIRM_HQ, NULL);
  gtk_editable_set_text (GTK_EDITABLE (hq), "Atlantis");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hq), "error"));
  gtk_editable_set_text (GTK_EDITABLE (hq), "Austria");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hq), "error"));
  g_signal_emit_by_name (hq, "apply");
  fw_test_settle (250);
  value = fw_dataset_get_raw (dataset, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, 0);
  g_assert_cmpstr (value, ==, "AT");
  g_assert_cmpuint (fw_edit_form_get_n_changes (form, FW_FIELD_FIRM_HQ, NULL), ==, 1);
  shoot (detail, "curation-firm-form.png");

  /* Deleting firm 0 moves this one to row 0; the form and detail follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.delete-record", "(uu)", 0, 0));
  fw_test_settle (250);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, n_firms - 1);
  g_assert_cmpint (fw_edit_form_get_row (form), ==, 0);
  g_assert_cmpuint (fw_firm_detail_get_firm (FW_FIRM_DETAIL (detail)), ==, 0);
  g_assert_cmpuint (fw_edit_form_get_n_changes (form, FW_FIELD_FIRM_HQ, NULL), ==, 1);

  gtk_window_destroy (GTK_WINDOW (detail));
  close_discarding (window);
}

static void
test_close_asks_and_save_fails (void)
{
  FwWindow *window = open_window ("json/good.fairwatch.json");
  FwEditSession *session = fw_window_get_session (window);
  FwDocument *document = fw_window_get_document (window);
  g_autofree char *original = read_file (fw_document_get_path (document));
  g_autofree char *now = NULL;
  AdwMessageDialog *question;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (fw_edit_session_set_field (session, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_CONFIDENCE, 0, "low"));

  /* Closing with an unsaved edit asks, and Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  question = fw_edit_session_get_question (session);
  g_assert_nonnull (question);
  g_assert_nonnull (window);
  shoot (GTK_WIDGET (question), "curation-close-question.png");
  adw_message_dialog_response (question, "cancel");
  iterate ();
  g_assert_nonnull (window);

  /* A save the disk refuses says so and offers Save As; the file stays. */
  g_file_set_contents (fw_document_get_path (document), original, -1, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL));
  iterate ();
  question = fw_edit_session_get_question (session);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, _("The File Changed on Disk"));
  adw_message_dialog_response (question, "cancel");
  iterate ();
  now = read_file (fw_document_get_path (document));
  g_assert_cmpstr (now, ==, original);
  g_assert_true (fw_document_get_modified (document));

  /* Overwrite when the person says so; then closing asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL));
  iterate ();
  adw_message_dialog_response (fw_edit_session_get_question (session), "overwrite");
  iterate ();
  g_assert_false (fw_document_get_modified (document));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_null (window);
}

static void
test_restore_offer (void)
{
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", scratch);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) crashed = fw_document_load (path, NULL, NULL, &error);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  FwWindow *window;
  FwEditSession *session;
  AdwMessageDialog *question;

  /* A session that stopped with three edits in its recovery file. */
  g_assert_no_error (error);
  scripted_edits (crashed, 3);
  g_assert_true (fw_document_write_recovery (crashed, &error));
  g_assert_no_error (error);
  expected = dump_dataset (fw_document_get_dataset (crashed));

  window = fw_window_new (FW_APPLICATION (g_application_get_default ()));
  fw_window_open_demo (window);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_settle (250);
  session = fw_window_get_session (window);
  question = fw_edit_session_get_question (session);
  if (question == NULL)
    {
      g_assert_true (fw_edit_session_offer_recovery (session));
      question = fw_edit_session_get_question (session);
    }
  g_assert_nonnull (question);
  shoot (GTK_WIDGET (question), "curation-restore-question.png");
  adw_message_dialog_response (question, "restore");
  fw_test_settle (250);

  got = dump_dataset (fw_document_get_dataset (fw_window_get_document (window)));
  g_assert_cmpstr (got, ==, expected);
  g_assert_true (fw_document_get_modified (fw_window_get_document (window)));
  g_assert_cmpuint (fw_history_get_n_unsaved (fw_document_get_history (fw_window_get_document (window))), ==, 3);

  close_discarding (window);
  g_assert_false (g_file_test (fw_document_get_recovery_path (crashed), G_FILE_TEST_EXISTS));
}

/* Opening another file keeps the unsaved edits; opening this one again
 * offers them back, without "Not Now" (the next edit would overwrite). */
static void
test_switching_files_keeps_edits (void)
{
  FwWindow *window = open_window ("json/good.fairwatch.json");
  FwEditSession *session = fw_window_get_session (window);
  g_autofree char *path = g_strdup (fw_document_get_path (fw_window_get_document (window)));
  g_autofree char *recovery = g_strdup (fw_document_get_recovery_path (fw_window_get_document (window)));
  g_autofree char *other_path = copy_fixture ("validate/problems.fairwatch.json", scratch);
  g_autoptr(FwDocument) other = fw_document_load (other_path, NULL, NULL, NULL);
  g_autoptr(FwDocument) again = NULL;
  g_autofree char *hq = NULL;
  AdwMessageDialog *question;

  /* Any question about other recovery files first. */
  if (fw_edit_session_get_question (session) != NULL)
    adw_message_dialog_response (fw_edit_session_get_question (session), "later");
  iterate ();

  g_assert_true (fw_edit_session_set_field (session, FW_TABLE_FIRMS, 2, FW_FIELD_FIRM_HQ, 0, "Norway"));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  fw_window_set_document (window, other);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  fw_test_settle (250);

  again = fw_document_load (path, NULL, NULL, NULL);
  fw_window_set_document (window, again);
  fw_test_settle (250);
  question = fw_edit_session_get_question (session);
  g_assert_nonnull (question);
  g_assert_false (adw_message_dialog_has_response (question, "later"));
  adw_message_dialog_response (question, "restore");
  fw_test_settle (250);
  hq = fw_dataset_get_raw (fw_document_get_dataset (fw_window_get_document (window)), FW_TABLE_FIRMS, 2,
                           FW_FIELD_FIRM_HQ, 0);
  g_assert_cmpstr (hq, ==, "NO");
  g_assert_true (fw_document_get_modified (fw_window_get_document (window)));

  close_discarding (window);
}

/* Light and dark, for a person to look at (and, run with LANGUAGE=fr, in
 * French). */
static void
test_screenshots (void)
{
  FwWindow *window = open_window ("validate/problems.fairwatch.json");
  FwEditSession *session = fw_window_get_session (window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *views[] = { "problems", "changes", "firms" };
  GtkWidget *detail = NULL;

  fw_edit_session_set_citation (session, "Company register", "https://register.example/borealis", "Entry 12",
                                "2024-06-01");
  g_assert_true (fw_edit_session_set_field (session, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, 0, "Israel"));
  g_assert_true (fw_edit_session_set_field (session, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_CONFIDENCE, 0, "medium"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.delete-record", "(uu)", 2, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL));
  fw_window_show_firm (window, 1);
  fw_test_settle (250);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = l->next)
    if (FW_IS_FIRM_DETAIL (l->data))
      detail = l->data;
  g_assert_nonnull (detail);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("curation-view-%s-%s.png", views[i], dark ? "dark" : "light");

          if (g_str_equal (views[i], "firms"))
            {
              fw_window_show_view (window, "tables");
              fw_tables_page_show_table (FW_TABLES_PAGE (fw_window_get_view (window, "tables")), FW_TABLE_FIRMS);
            }
          else
            fw_window_show_curation_view (window, views[i]);
          shoot (GTK_WIDGET (window), name);
        }
      shoot (detail, dark ? "curation-firm-form-dark.png" : "curation-firm-form-light.png");
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (detail));
  close_discarding (window);
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
  g_autofree char *state = g_dir_make_tmp ("fairwatch-state-XXXXXX", NULL);
  int status = 0;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  /* The catalogue of the build tree, for screenshots in another language. */
  setlocale (LC_ALL, "");
  {
    g_autofree char *catalogues = g_build_filename (g_getenv ("FW_BUILD_ROOT"), "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, catalogues);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
  }
  scratch = g_dir_make_tmp ("fairwatch-curation-XXXXXX", NULL);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curation/problems-panel-agrees-with-cli", test_problems_panel_agrees_with_cli);
  g_test_add_func ("/curation/edit-cells-undo-and-changes", test_edit_cells_undo_and_changes);
  g_test_add_func ("/curation/firm-form-and-history", test_firm_form_and_history);
  g_test_add_func ("/curation/close-asks-and-save-fails", test_close_asks_and_save_fails);
  g_test_add_func ("/curation/restore-offer", test_restore_offer);
  g_test_add_func ("/curation/switching-files-keeps-edits", test_switching_files_keeps_edits);
  g_test_add_func ("/curation/screenshots", test_screenshots);

  app = fw_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &status);
  g_application_run (G_APPLICATION (app), 0, NULL);

  remove_tree (scratch);
  remove_tree (state);
  g_free (scratch);

  return status;
}
