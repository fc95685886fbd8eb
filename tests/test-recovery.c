/* test-recovery.c: a session killed with SIGKILL comes back from its
 * recovery file, every edit and the redo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fw-recovery.h"
#include "fw-test-curation.h"

#define N_EDITS 25
#define N_UNDO  2

static void
wait_for_recovery (const char *path,
                   guint       n_edits)
{
  for (guint tries = 0; tries < 200; tries++)
    {
      guint n = 0;

      if (fw_document_peek_recovery (path, NULL, NULL, &n) && n == n_edits)
        return;
      g_usleep (50 * 1000);
    }

  g_error ("The recovery file %s never held %u edits", path, n_edits);
}

static void
test_recovery_after_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fairwatch-recovery-XXXXXX", &error);
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", dir);
  g_autofree char *original = read_file (path);
  g_autofree char *line = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected_redone = NULL;
  g_autofree char *got_redone = NULL;
  g_autofree char *n_edits = g_strdup_printf ("%u", N_EDITS);
  g_autofree char *n_undo = g_strdup_printf ("%u", N_UNDO);
  g_autoptr(FwDocument) reference = NULL;
  g_autoptr(FwDocument) restored = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GIOChannel) out = NULL;
  const char *child = g_getenv ("FW_CURATION_CHILD");
  const char *argv[] = { child, path, n_edits, n_undo, NULL };
  GPid pid;
  int out_fd, status;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (child);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_io_channel_read_line (out, &line, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "edited\n");

  /* 20 edits were written at once; the rest and the undos after the
   * child's idle delay.  Then the child dies without a chance to clean up. */
  recovery = fw_recovery_path_for (path);
  wait_for_recovery (recovery, N_EDITS - N_UNDO);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  /* The file itself was not touched. */
  {
    g_autofree char *now = read_file (path);
    g_assert_cmpstr (now, ==, original);
  }

  /* The next start finds the recovery file and gets everything back. */
  found = fw_recovery_list ();
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==, recovery);
  restored = fw_document_restore (recovery, &error);
  g_assert_no_error (error);

  reference = fw_document_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  scripted_edits (reference, N_EDITS);
  for (guint i = 0; i < N_UNDO; i++)
    fw_document_undo (reference);

  expected = dump_dataset (fw_document_get_dataset (reference));
  got = dump_dataset (fw_document_get_dataset (restored));
  g_assert_cmpstr (got, ==, expected);
  g_assert_true (fw_document_get_modified (restored));

  /* Every edit with its reason and source, and the undone ones still
   * redoable. */
  {
    FwHistory *a = fw_document_get_history (reference);
    FwHistory *b = fw_document_get_history (restored);

    g_assert_cmpuint (fw_history_get_n_edits (b), ==, fw_history_get_n_edits (a));
    for (guint i = 0; i < fw_history_get_n_edits (a); i++)
      {
        FwEditState state_a, state_b;
        FwEdit *ea = fw_history_get_edit (a, i, &state_a);
        FwEdit *eb = fw_history_get_edit (b, i, &state_b);

        g_assert_cmpint (state_a, ==, state_b);
        g_assert_cmpstr (fw_edit_get_reason (eb), ==, fw_edit_get_reason (ea));
        g_assert_cmpstr (fw_edit_get_source (eb)->section, ==, fw_edit_get_source (ea)->section);
        g_assert_cmpstr (fw_edit_get_time (eb), !=, NULL);
      }
  }
  g_assert_true (fw_document_redo (restored));
  g_assert_true (fw_document_redo (reference));
  expected_redone = dump_dataset (fw_document_get_dataset (reference));
  got_redone = dump_dataset (fw_document_get_dataset (restored));
  g_assert_cmpstr (got_redone, ==, expected_redone);

  /* Saving what was restored makes the recovery file go. */
  g_assert_true (fw_document_save (restored, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("fairwatch-state-XXXXXX", NULL);
  int status;

  /* The child inherits this: both look in the same recovery folder. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/after-sigkill", test_recovery_after_sigkill);

  status = g_test_run ();
  remove_tree (state);

  return status;
}
