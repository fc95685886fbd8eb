/* test-edit.c: edit commands, undo and redo, reverting one change, provenance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-history.h"
#include "fw-problem.h"
#include "fw-test-curation.h"

static FwEdit *
set_edit (FwDataset  *dataset,
          FwTable     table,
          guint       row,
          FwField     field,
          const char *value)
{
  return fw_edit_new_set (dataset, table, row, field, NULL, value);
}

static char *
raw (FwDataset *dataset,
     FwTable    table,
     guint      row,
     FwField    field)
{
  return fw_dataset_get_raw (dataset, table, row, field, 0);
}

#define assert_raw(dataset, table, row, field, expected) \
  G_STMT_START { \
    g_autofree char *_value = raw (dataset, table, row, field); \
    g_assert_cmpstr (_value, ==, expected); \
  } G_STMT_END

static void
test_edit_set_each_kind (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autofree char *before = dump_dataset (dataset);
  struct {
    FwTable     table;
    guint       row;
    FwField     field;
    const char *column;
    const char *value;
  } cases[] = {
    { FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, NULL, "DE" },
    { FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_CONFIDENCE, NULL, "low" },
    { FW_TABLE_FIRMS, 2, FW_FIELD_FIRM_NAME, NULL, "Acme Société" },
    { FW_TABLE_FIRMS, 2, FW_FIELD_EXTRA, "ticker", "ACS" },
    { FW_TABLE_FAIRS, 1, FW_FIELD_FAIR_HOST, NULL, "" },
    { FW_TABLE_EXHIBITIONS, 3, FW_FIELD_EXHIBITION_YEAR, NULL, "2019" },
    { FW_TABLE_EXHIBITIONS, 3, FW_FIELD_EXHIBITION_FIRM, NULL, "2" },
    { FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_SOURCE, NULL, "https://example.org/catalogue" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FwEdit) edit = fw_edit_new_set (dataset, cases[i].table, cases[i].row, cases[i].field,
                                                cases[i].column, cases[i].value);
      g_autoptr(GError) error = NULL;
      g_autofree char *unchanged = dump_dataset (dataset);
      guint64 generation = fw_dataset_get_generation (dataset);
      gint column = cases[i].column != NULL ? fw_dataset_find_extra (dataset, cases[i].table, cases[i].column) : 0;
      g_autofree char *applied = NULL;
      g_autofree char *redone = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *value = NULL;

      g_assert_true (fw_edit_apply (edit, dataset, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (fw_dataset_get_generation (dataset), >, generation);
      value = fw_dataset_get_raw (dataset, cases[i].table, cases[i].row, cases[i].field, column);
      g_assert_cmpstr (value, ==, cases[i].value);
      applied = dump_dataset (dataset);

      fw_edit_undo (edit, dataset);
      undone = dump_dataset (dataset);
      g_assert_cmpstr (undone, ==, unchanged);

      g_assert_true (fw_edit_apply (edit, dataset, NULL));
      redone = dump_dataset (dataset);
      g_assert_cmpstr (redone, ==, applied);
    }

  {
    g_autofree char *after = dump_dataset (dataset);
    g_assert_cmpstr (after, !=, before);
  }
}

static void
test_edit_add_delete_duplicate (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autofree char *before = dump_dataset (dataset);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(FwEdit) add = NULL;
  g_autoptr(FwEdit) add_exhibition = NULL;
  g_autoptr(FwEdit) delete = NULL;
  g_autoptr(FwEdit) duplicate = NULL;
  g_autofree char *undone = NULL;

  json_object_set_string_member (values, "name", "Kestrel");
  json_object_set_string_member (values, "hq_country", "GB");
  add = fw_edit_new_add (dataset, FW_TABLE_FIRMS, values);
  g_assert_true (fw_edit_apply (add, dataset, NULL));
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 4);
  assert_raw (dataset, FW_TABLE_FIRMS, 3, FW_FIELD_FIRM_HQ, "GB");
  assert_raw (dataset, FW_TABLE_FIRMS, 3, FW_FIELD_FIRM_NAME, "Kestrel");

  {
    g_autoptr(JsonObject) exhibition = json_object_new ();

    json_object_set_string_member (exhibition, "firm", "3");
    json_object_set_string_member (exhibition, "fair", "1");
    json_object_set_string_member (exhibition, "year", "2020");
    add_exhibition = fw_edit_new_add (dataset, FW_TABLE_EXHIBITIONS, exhibition);
    g_assert_true (fw_edit_apply (add_exhibition, dataset, NULL));
    g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 5);
  }

  /* Deleting firm 0 takes its two exhibitions and moves every later
   * firm up a row; the references follow. */
  delete = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 0);
  g_assert_true (fw_edit_apply (delete, dataset, NULL));
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 3);
  assert_raw (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, "Borealis");
  assert_raw (dataset, FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_FIRM, "0");
  assert_raw (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_FIRM, "2");
  {
    g_autofree char *firm = fw_dataset_get_field_text (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_FIRM, 0);
    g_assert_cmpstr (firm, ==, "Kestrel");
  }

  duplicate = fw_edit_new_duplicate (dataset, FW_TABLE_FIRMS, 0);
  g_assert_true (fw_edit_apply (duplicate, dataset, NULL));
  assert_raw (dataset, FW_TABLE_FIRMS, 3, FW_FIELD_FIRM_NAME, "Borealis");
  assert_raw (dataset, FW_TABLE_FIRMS, 3, FW_FIELD_FIRM_ID, "");
  assert_raw (dataset, FW_TABLE_FIRMS, 3, FW_FIELD_FIRM_HQ, "IL");

  fw_edit_undo (duplicate, dataset);
  fw_edit_undo (delete, dataset);
  fw_edit_undo (add_exhibition, dataset);
  fw_edit_undo (add, dataset);
  undone = dump_dataset (dataset);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_edit_merge (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autofree char *before = dump_dataset (dataset);
  g_autoptr(FwEdit) merge = fw_edit_new_merge (dataset, 0, 2);
  g_autofree char *description = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *merged = NULL;

  g_assert_true (fw_edit_apply (merge, dataset, NULL));
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 4);
  /* Acme SA's exhibition at Interpolitex 2017 is Acme's now. */
  assert_raw (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_FIRM, "0");
  assert_raw (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_NOTE, "booth 4");
  description = fw_edit_describe (merge, NULL);
  g_assert_cmpstr (description, ==, "Merged “Acme SA” into “Acme”");
  merged = dump_dataset (dataset);

  fw_edit_undo (merge, dataset);
  undone = dump_dataset (dataset);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (fw_edit_apply (merge, dataset, NULL));
  redone = dump_dataset (dataset);
  g_assert_cmpstr (redone, ==, merged);
}

static void
test_edit_mismatch_is_refused (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwDataset) other = fw_dataset_new (NULL);
  g_autoptr(FwEdit) delete = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_dataset (other);
  g_autofree char *after = NULL;

  /* A recovered edit applied to data it was not made on fails whole. */
  g_assert_false (fw_edit_apply (delete, other, &error));
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE);
  after = dump_dataset (other);
  g_assert_cmpstr (after, ==, before);
}

static void
test_history_undo_redo_unlimited (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwHistory) history = fw_history_new (dataset);
  g_autofree char *before = dump_dataset (dataset);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *back = NULL;
  FwEditState state;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);
      g_autoptr(FwEdit) edit = set_edit (dataset, FW_TABLE_FIRMS, i % 3, FW_FIELD_FIRM_NAME, name);

      g_assert_true (fw_history_push (history, edit, NULL));
    }
  after = dump_dataset (dataset);
  g_assert_true (fw_history_is_modified (history));

  while (fw_history_can_undo (history))
    g_assert_nonnull (fw_history_undo (history));
  back = dump_dataset (dataset);
  g_assert_cmpstr (back, ==, before);
  g_assert_false (fw_history_is_modified (history));

  while (fw_history_can_redo (history))
    g_assert_nonnull (fw_history_redo (history));
  again = dump_dataset (dataset);
  g_assert_cmpstr (again, ==, after);

  /* A new edit after undoing does not lose the undone ones: they are set
   * aside and still listed. */
  fw_history_undo (history);
  fw_history_undo (history);
  {
    g_autoptr(FwEdit) edit = set_edit (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "ES");

    g_assert_true (fw_history_push (history, edit, NULL));
  }
  g_assert_false (fw_history_can_redo (history));
  g_assert_cmpuint (fw_history_get_n_edits (history), ==, 151);
  fw_history_get_edit (history, 150, &state);
  g_assert_cmpint (state, ==, FW_EDIT_STATE_SET_ASIDE);
  fw_history_get_edit (history, 148, &state);
  g_assert_cmpint (state, ==, FW_EDIT_STATE_APPLIED);
}

static void
test_history_revert_independent (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwHistory) history = fw_history_new (dataset);
  g_autoptr(FwEdit) hq = set_edit (dataset, FW_TABLE_FIRMS, 2, FW_FIELD_FIRM_HQ, "FR");
  g_autoptr(FwEdit) delete_first = NULL;
  g_autoptr(FwEdit) name = NULL;
  g_autoptr(FwEdit) delete_borealis = NULL;
  g_autoptr(GError) error = NULL;
  FwEdit *revert;

  g_assert_true (fw_history_push (history, hq, NULL));
  delete_borealis = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 1);
  g_assert_true (fw_history_push (history, delete_borealis, NULL));
  /* Acme SA is row 1 now. */
  name = set_edit (dataset, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_NAME, "Acme Société");
  g_assert_true (fw_history_push (history, name, NULL));
  delete_first = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 0);
  g_assert_true (fw_history_push (history, delete_first, NULL));
  /* ... and row 0 after Acme was deleted too. */
  assert_raw (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, "Acme Société");

  /* Reverting the HQ change finds the firm where it is now and leaves the
   * later name change alone. */
  g_assert_true (fw_history_can_revert (history, fw_edit_get_id (hq), NULL));
  revert = fw_history_revert (history, fw_edit_get_id (hq), &error);
  g_assert_no_error (error);
  g_assert_nonnull (revert);
  assert_raw (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "");
  assert_raw (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, "Acme Société");
  g_assert_cmpint (fw_edit_get_kind (revert), ==, FW_EDIT_REVERT);
  g_assert_cmpuint (fw_edit_get_reverts (revert), ==, fw_edit_get_id (hq));

  /* Reverting the deletion of Borealis brings it and its exhibition back,
   * though the other deletion moved the rows since. */
  revert = fw_history_revert (history, fw_edit_get_id (delete_borealis), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 2);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), ==, 2);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *firm = fw_dataset_get_field_text (dataset, FW_TABLE_EXHIBITIONS, i,
                                                           FW_FIELD_EXHIBITION_FIRM, 0);
        g_autofree char *year = raw (dataset, FW_TABLE_EXHIBITIONS, i, FW_FIELD_EXHIBITION_YEAR);

        if (g_str_equal (firm, "F2"))
          {
            g_assert_cmpstr (year, ==, "2016");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* A revert is an edit like any other: undoing it deletes Borealis again. */
  fw_history_undo (history);
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 1);
}

static void
test_history_revert_dependent (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwHistory) history = fw_history_new (dataset);
  g_autoptr(FwEdit) first = set_edit (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "DE");
  g_autoptr(FwEdit) second = NULL;
  g_autoptr(FwEdit) add = NULL;
  g_autoptr(FwEdit) name = NULL;
  g_autoptr(FwEdit) merge = NULL;
  g_autoptr(FwEdit) on_kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (fw_history_push (history, first, NULL));
  second = set_edit (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, "AT");
  g_assert_true (fw_history_push (history, second, NULL));

  /* The same field of the same record changed again later. */
  before = dump_dataset (dataset);
  g_assert_null (fw_history_revert (history, fw_edit_get_id (first), &error));
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "builds on it"));
  after = dump_dataset (dataset);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* A record added, then changed. */
  add = fw_edit_new_add (dataset, FW_TABLE_FAIRS, NULL);
  g_assert_true (fw_history_push (history, add, NULL));
  name = set_edit (dataset, FW_TABLE_FAIRS, 2, FW_FIELD_FAIR_NAME, "Eurosatory");
  g_assert_true (fw_history_push (history, name, NULL));
  g_assert_false (fw_history_can_revert (history, fw_edit_get_id (add), &error));
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  /* A merge, then the kept firm edited. */
  merge = fw_edit_new_merge (dataset, 0, 2);
  g_assert_true (fw_history_push (history, merge, NULL));
  on_kept = set_edit (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_FIRM, "1");
  g_assert_true (fw_history_push (history, on_kept, NULL));
  g_assert_false (fw_history_can_revert (history, fw_edit_get_id (merge), &error));
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  /* Undoing the later edit frees the earlier one. */
  fw_history_undo (history);
  g_assert_true (fw_history_can_revert (history, fw_edit_get_id (merge), &error));
  g_assert_no_error (error);
  g_assert_nonnull (fw_history_revert (history, fw_edit_get_id (merge), &error));
  g_assert_cmpuint (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), ==, 3);
  assert_raw (dataset, FW_TABLE_EXHIBITIONS, 2, FW_FIELD_EXHIBITION_FIRM, "2");
}

static void
test_history_provenance_json (void)
{
  g_autoptr(FwDataset) dataset = small_dataset ();
  g_autoptr(FwHistory) history = fw_history_new (dataset);
  g_autoptr(FwHistory) reloaded = NULL;
  g_autoptr(FwEdit) edit = set_edit (dataset, FW_TABLE_FIRMS, 2, FW_FIELD_FIRM_HQ, "FR");
  g_autoptr(FwEdit) delete = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 1);
  g_autoptr(FwEdit) confidence = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const FwFieldChange *change;

  fw_edit_set_reason (edit, "The 2023 catalogue gives a Paris address");
  fw_edit_set_source (edit, "https://example.org/catalogue-2023.pdf", "Exhibitor list, p. 12", "2024-03-01");
  g_assert_true (fw_history_push (history, edit, NULL));
  g_assert_true (fw_history_push (history, delete, NULL));
  /* Acme SA is row 1 now. */
  confidence = set_edit (dataset, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_CONFIDENCE, "high");
  fw_edit_set_reason (confidence, "Confirmed by new reporting");
  g_assert_true (fw_history_push (history, confidence, NULL));

  json = fw_history_to_json (history);
  text = json_to_string (json, TRUE);
  g_assert_nonnull (strstr (text, "\"reason\" : \"The 2023 catalogue gives a Paris address\""));

  /* What a later session reads back finds each change on its record. */
  reloaded = fw_history_new (dataset);
  g_assert_true (fw_history_load (reloaded, json, &error));
  g_assert_no_error (error);
  g_assert_false (fw_history_can_undo (reloaded));
  g_assert_false (fw_history_is_modified (reloaded));

  changes = fw_history_get_field_changes (reloaded, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, FwFieldChange, 0);
  g_assert_cmpstr (change->old_value, ==, "");
  g_assert_cmpstr (change->new_value, ==, "FR");
  g_assert_cmpstr (change->reason, ==, "The 2023 catalogue gives a Paris address");
  g_assert_cmpstr (change->source->location, ==, "https://example.org/catalogue-2023.pdf");
  g_assert_cmpstr (change->source->section, ==, "Exhibitor list, p. 12");
  g_assert_cmpstr (change->source->accessed, ==, "2024-03-01");
  g_assert_nonnull (change->time);
  g_clear_pointer (&changes, g_array_unref);

  changes = fw_history_get_field_changes (reloaded, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_CONFIDENCE, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_array_index (changes, FwFieldChange, 0).old_value, ==, "low");
  g_clear_pointer (&changes, g_array_unref);

  /* Acme, row 0, was not changed. */
  changes = fw_history_get_field_changes (reloaded, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, NULL);
  g_assert_cmpuint (changes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/set/each-kind", test_edit_set_each_kind);
  g_test_add_func ("/edit/add-delete-duplicate", test_edit_add_delete_duplicate);
  g_test_add_func ("/edit/merge", test_edit_merge);
  g_test_add_func ("/edit/mismatch-is-refused", test_edit_mismatch_is_refused);
  g_test_add_func ("/history/undo-redo-unlimited", test_history_undo_redo_unlimited);
  g_test_add_func ("/history/revert/independent", test_history_revert_independent);
  g_test_add_func ("/history/revert/dependent", test_history_revert_dependent);
  g_test_add_func ("/history/provenance-json", test_history_provenance_json);

  return g_test_run ();
}
