/* bench-curation.c: what editing costs on a large dataset
 *
 * Prints numbers; never fails on them.  Usage:
 *   bench-curation FILE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "fw-document.h"
#include "fw-validate.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

/* A firm that has exhibitions, far from the end so that removing it moves
 * most rows. */
static guint
busy_firm (FwDataset *dataset,
           guint      from)
{
  FwColumns columns;

  fw_dataset_get_columns (dataset, &columns);
  for (guint i = 0; i < columns.n_exhibitions; i++)
    if (columns.exhibition_firm[i] >= from)
      return columns.exhibition_firm[i];

  return from;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  const guint runs = 15;
  double apply[15], undo[15], edit_view[15], delete[15], delete_undo[15], merge[15], validate[15];
  double revert_ms, recovery_ms, save_ms, load_ms;
  FwDataset *dataset;
  FwHistory *history;
  guint n_firms;
  gint64 start;
  GStatBuf st;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-curation FILE.json\n");
      return 2;
    }

  dir = g_dir_make_tmp ("fairwatch-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);

  start = g_get_monotonic_time ();
  document = fw_document_load (argv[1], NULL, NULL, &error);
  load_ms = ms_since (start);
  if (document == NULL)
    g_error ("%s: %s", argv[1], error->message);
  dataset = fw_document_get_dataset (document);
  history = fw_document_get_history (document);
  n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  printf ("%u firms, %u fairs, %u exhibitions; loaded with its history in %.0f ms\n",
          n_firms, fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS),
          fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS), load_ms);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(FwEdit) set = fw_edit_new_set (dataset, FW_TABLE_FIRMS, r, FW_FIELD_FIRM_HQ, NULL, "FR");
      g_autoptr(FwEdit) set_view = fw_edit_new_set (dataset, FW_TABLE_FIRMS, r, FW_FIELD_FIRM_HQ, NULL, "DE");
      g_autoptr(FwEdit) remove = NULL;
      g_autoptr(FwEdit) merged = NULL;
      g_autoptr(FwProblems) problems = fw_problems_new (1000);
      guint firm = busy_firm (dataset, 100 + r);

      /* The edit alone, and as the window makes it: with the query re-run. */
      start = g_get_monotonic_time ();
      fw_history_push (history, set, NULL);
      apply[r] = ms_since (start);
      start = g_get_monotonic_time ();
      fw_history_undo (history);
      undo[r] = ms_since (start);
      start = g_get_monotonic_time ();
      fw_document_edit (document, set_view, NULL);
      edit_view[r] = ms_since (start);
      fw_document_undo (document);

      start = g_get_monotonic_time ();
      remove = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, firm);
      fw_history_push (history, remove, NULL);
      delete[r] = ms_since (start);
      start = g_get_monotonic_time ();
      fw_history_undo (history);
      delete_undo[r] = ms_since (start);

      start = g_get_monotonic_time ();
      merged = fw_edit_new_merge (dataset, firm, busy_firm (dataset, firm + 1));
      fw_history_push (history, merged, NULL);
      merge[r] = ms_since (start);
      fw_history_undo (history);

      start = g_get_monotonic_time ();
      fw_validate_dataset (dataset, "bench", problems);
      validate[r] = ms_since (start);
    }

  printf ("set a field: %.3f ms, undo %.3f ms; with the query re-run (as in the window): %.1f ms\n",
          median (apply, runs), median (undo, runs), median (edit_view, runs));
  printf ("delete a firm and its exhibitions: %.1f ms, undo %.1f ms\n",
          median (delete, runs), median (delete_undo, runs));
  printf ("merge two firms: %.1f ms\n", median (merge, runs));
  printf ("validate the whole dataset: %.1f ms\n", median (validate, runs));

  /* 100 edits later, revert the first. */
  {
    g_autoptr(FwEdit) first = fw_edit_new_set (dataset, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, NULL, "Renamed");

    fw_history_push (history, first, NULL);
    for (guint i = 1; i <= 100; i++)
      {
        g_autoptr(FwEdit) later = i % 10 == 0
                                  ? fw_edit_new_delete (dataset, FW_TABLE_EXHIBITIONS, i)
                                  : fw_edit_new_set (dataset, FW_TABLE_FIRMS, i, FW_FIELD_FIRM_NOTES, NULL, "checked");

        fw_history_push (history, later, NULL);
      }
    start = g_get_monotonic_time ();
    if (fw_history_revert (history, fw_edit_get_id (first), &error) == NULL)
      g_error ("revert: %s", error->message);
    revert_ms = ms_since (start);
  }
  printf ("revert one change under 100 later ones (10 of them deletions): %.1f ms\n", revert_ms);

  start = g_get_monotonic_time ();
  if (!fw_document_write_recovery (document, &error))
    g_error ("recovery: %s", error->message);
  recovery_ms = ms_since (start);
  g_stat (fw_document_get_recovery_path (document), &st);
  printf ("recovery file with %u unsaved edits: %.1f ms, %.1f kB\n",
          fw_history_get_n_unsaved (history), recovery_ms, st.st_size / 1e3);

  copy = g_build_filename (dir, "copy.fairwatch.json", NULL);
  start = g_get_monotonic_time ();
  if (!fw_document_save_as (document, copy, FW_FORMAT_NATIVE, NULL, &error))
    g_error ("save: %s", error->message);
  save_ms = ms_since (start);
  g_stat (copy, &st);
  printf ("save with its history (temporary file, fsync, rename): %.0f ms, %.1f MB\n", save_ms, st.st_size / 1e6);

  printf ("RESULT set_ms=%.4f edit_view_ms=%.2f delete_ms=%.2f validate_ms=%.2f revert_ms=%.2f "
          "recovery_ms=%.2f save_ms=%.1f\n",
          median (apply, runs), median (edit_view, runs), median (delete, runs), median (validate, runs),
          revert_ms, recovery_ms, save_ms);

  g_unlink (copy);
  g_unlink (fw_document_get_recovery_path (document));
  {
    g_autofree char *recovery_dir = g_path_get_dirname (fw_document_get_recovery_path (document));
    g_autofree char *fairwatch_dir = g_path_get_dirname (recovery_dir);

    g_rmdir (recovery_dir);
    g_rmdir (fairwatch_dir);
  }
  g_rmdir (dir);

  return 0;
}
