/* test-document.c: saving edits and their history, and saves that fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "fw-document.h"
#include "fw-recovery.h"
#include "fw-test-curation.h"

/* A stream that takes @limit bytes and then fails as a full disk does. */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GFilterOutputStream)

struct _TestFailingStream
{
  GFilterOutputStream parent_instance;
  gsize               limit;
  gsize               written;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
test_failing_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gsize room = self->limit - self->written;

  if (room == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  count = MIN (count, room);
  if (!g_output_stream_write_all (base, buffer, count, NULL, cancellable, error))
    return -1;
  self->written += count;

  return (gssize) count;
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_failing_stream_write;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

static GOutputStream *
failing_filter (GOutputStream *base,
                gpointer       user_data)
{
  TestFailingStream *stream = g_object_new (TEST_TYPE_FAILING_STREAM, "base-stream", base,
                                            "close-base-stream", FALSE, NULL);

  stream->limit = GPOINTER_TO_SIZE (user_data);

  return G_OUTPUT_STREAM (stream);
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("fairwatch-document-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static FwDocument *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  FwDocument *document = fw_document_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
edit (FwDocument *document,
      FwTable     table,
      guint       row,
      FwField     field,
      const char *column,
      const char *value,
      const char *reason)
{
  g_autoptr(FwEdit) e = fw_edit_new_set (fw_document_get_dataset (document), table, row, field, column, value);
  g_autoptr(GError) error = NULL;

  fw_edit_set_reason (e, reason);
  fw_edit_set_source (e, "https://example.org/report.pdf", "Annex B", "2024-05-02");
  g_assert_true (fw_document_edit (document, e, &error));
  g_assert_no_error (error);
}

static void
test_document_native_round_trip (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", fixture->dir);
  g_autofree char *original = read_file (path);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(FwDocument) reloaded = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hq = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  guint notified = 0;

  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_false (fw_document_get_modified (document));
  edit (document, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, NULL, "AT", "Vienna office per the register");
  g_assert_true (fw_document_get_modified (document));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (fw_document_get_can_undo (document));

  g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (fw_document_get_modified (document));
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, original);
  saved = read_file (path);
  g_assert_nonnull (strstr (saved, "Vienna office per the register"));
  g_assert_nonnull (strstr (saved, "\"accessed\": \"2024-05-02\""));

  reloaded = load (path);
  expected = dump_dataset (fw_document_get_dataset (document));
  got = dump_dataset (fw_document_get_dataset (reloaded));
  g_assert_cmpstr (got, ==, expected);
  hq = fw_dataset_get_raw (fw_document_get_dataset (reloaded), FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, 0);
  g_assert_cmpstr (hq, ==, "AT");
  changes = fw_history_get_field_changes (fw_document_get_history (reloaded), FW_TABLE_FIRMS, 1,
                                          FW_FIELD_FIRM_HQ, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_array_index (changes, FwFieldChange, 0).reason, ==, "Vienna office per the register");
  g_assert_cmpstr (g_array_index (changes, FwFieldChange, 0).source->section, ==, "Annex B");
  g_assert_cmpstr (g_array_index (changes, FwFieldChange, 0).new_value, ==, "AT");
  g_assert_false (fw_document_get_modified (reloaded));
  g_assert_false (fw_document_get_can_undo (reloaded));
}

static void
test_document_csv_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("csv/flat-extras.csv", fixture->dir);
  g_autofree char *original = read_file (path);
  g_autofree char *sidecar = fw_document_get_sidecar_path (path, FW_FORMAT_CSV_FLAT);
  g_autofree char *saved = NULL;
  g_autofree char *history = NULL;
  g_autofree char *reverted = NULL;
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(FwDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  FwDataset *dataset = fw_document_get_dataset (document);
  gint booth = fw_dataset_find_extra (dataset, FW_TABLE_EXHIBITIONS, "Booth");
  g_autoptr(GArray) changes = NULL;

  g_assert_cmpint (booth, >=, 0);
  g_assert_cmpint (fw_document_get_format (document), ==, FW_FORMAT_CSV_FLAT);
  edit (document, FW_TABLE_FIRMS, 2, FW_FIELD_FIRM_HQ, NULL, "NO", "Moved to Oslo");
  edit (document, FW_TABLE_EXHIBITIONS, 1, FW_FIELD_EXTRA, "Booth", "B7", "Floor plan");

  g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  saved = read_file (path);
  g_assert_cmpstr (saved, ==,
                   "firm,Booth,hq_country,confidence,fair,host_country,year,Region,Contact\n"
                   "Acme Intercept,A12,Italy,high,Milipol France,France,2015,Europe,sales@acme.example\n"
                   "Borealis Signals,B7,Israel,high,Interpolitex,Russia,2016,Europe,\n"
                   "Cobalt Forensics,C3,Norway,low,ISS World Europe,Czechia,2019,,\n");
  history = read_file (sidecar);
  g_assert_nonnull (strstr (history, "\"format\" : \"fairwatch-history\""));
  g_assert_nonnull (strstr (history, "Moved to Oslo"));

  reloaded = load (path);
  changes = fw_history_get_field_changes (fw_document_get_history (reloaded), FW_TABLE_FIRMS, 2,
                                          FW_FIELD_FIRM_HQ, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_array_index (changes, FwFieldChange, 0).old_value, ==, "SE");

  /* Reverting both changes gives the original bytes back. */
  for (guint i = 0; i < 2; i++)
    {
      FwEdit *e = fw_history_get_edit (fw_document_get_history (reloaded), i, NULL);

      g_assert_nonnull (fw_document_revert (reloaded, fw_edit_get_id (e), "Checked again", &error));
      g_assert_no_error (error);
    }
  g_assert_true (fw_document_save (reloaded, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  reverted = read_file (path);
  g_assert_cmpstr (reverted, ==, original);
}

/* Flat CSV puts firms without exhibitions last when it is written, so a
 * reread file can hold its firms in another order than when the edits
 * were made: the history is kept but pins no change on the wrong firm. */
static void
test_document_csv_reordered_history (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("csv/flat-extras.csv", fixture->dir);
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(FwDocument) reloaded = NULL;
  g_autoptr(FwEdit) delete = NULL;
  g_autoptr(GError) error = NULL;
  FwDataset *dataset;

  /* Acme loses its only exhibition; Borealis (row 1) moves to Norway. */
  delete = fw_edit_new_delete (fw_document_get_dataset (document), FW_TABLE_EXHIBITIONS, 0);
  g_assert_true (fw_document_edit (document, delete, NULL));
  edit (document, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_HQ, NULL, "NO", "moved");
  g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  reloaded = load (path);
  dataset = fw_document_get_dataset (reloaded);
  g_assert_cmpstr (fw_dataset_get_firm_name (dataset, 1), ==, "Cobalt Forensics");
  g_assert_cmpuint (fw_history_get_n_edits (fw_document_get_history (reloaded)), ==, 2);
  for (guint row = 0; row < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS); row++)
    {
      g_autoptr(GArray) changes = fw_history_get_field_changes (fw_document_get_history (reloaded),
                                                                FW_TABLE_FIRMS, row, FW_FIELD_FIRM_HQ, NULL);

      g_assert_cmpuint (changes->len, ==, 0);
    }
}

/* A folder of tables saves each file the same way: temporary file,
 * fsync, rename, backup; the history goes beside them. */
static void
test_document_tables_save (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "firms.csv", "fairs.csv", "exhibitions.csv" };
  g_autofree char *folder = g_build_filename (fixture->dir, "tables", NULL);
  g_autofree char *sidecar = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hq = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename ("csv", "tables", "good", names[i], NULL);

      g_free (copy_fixture (name, folder));
    }
  document = load (folder);
  g_assert_cmpint (fw_document_get_format (document), ==, FW_FORMAT_CSV_TABLES);
  edit (document, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, NULL, "PT", "Lisbon office");
  g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "exhibitions.csv exhibitions.csv~ fairs.csv fairs.csv~ fairwatch-history.json "
                                "firms.csv firms.csv~");
  sidecar = fw_document_get_sidecar_path (folder, FW_FORMAT_CSV_TABLES);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  reloaded = load (folder);
  hq = fw_dataset_get_raw (fw_document_get_dataset (reloaded), FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_HQ, 0);
  g_assert_cmpstr (hq, ==, "PT");
}

static void
assert_save_failed_cleanly (FwDocument *document,
                            const char *path,
                            const char *original,
                            const char *listing)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *after = read_file (path);
  g_autofree char *after_listing = list_dir (dir);

  g_assert_cmpstr (after, ==, original);
  g_assert_cmpstr (after_listing, ==, listing);
  g_assert_true (fw_document_get_modified (document));
  g_assert_false (fw_document_get_busy (document));
}

/* As root, permissions do not stop writes: the folder is made immutable
 * (FS_IMMUTABLE_FL, which stops root too) where the file system allows. */
static gboolean
make_read_only (const char *dir,
                gboolean    read_only)
{
  int fd, flags;
  gboolean ok;

  if (geteuid () != 0)
    return g_chmod (dir, read_only ? 0555 : 0755) == 0;

  fd = open (dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = read_only ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);

  return ok;
}

static void
test_document_save_read_only_folder (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path = copy_fixture ("json/good.fairwatch.json", folder);
  original = read_file (path);
  document = load (path);
  edit (document, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, NULL, "Acme", NULL);
  listing = list_dir (folder);

  if (make_read_only (folder, TRUE))
    {
      gboolean ok = fw_document_save (document, FW_SAVE_NONE, NULL, &error);

      make_read_only (folder, FALSE);
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "Cannot write in the folder"));
      assert_save_failed_cleanly (document, path, original, listing);
      g_clear_error (&error);
    }
  else
    g_test_message ("This file system cannot make a folder read-only for root; "
                    "only the save into a path whose folder is a file is checked");

  /* A "folder" that is a regular file cannot take a file, whoever asks. */
  {
    g_autofree char *under_file = g_build_filename (path, "copy.fairwatch.json", NULL);

    g_assert_false (fw_document_save_as (document, under_file, FW_FORMAT_NATIVE, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
    assert_save_failed_cleanly (document, path, original, listing);
    g_assert_cmpstr (fw_document_get_path (document), ==, path);
  }
}

static void
test_document_save_fails_midway (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *fixtures[] = { "json/good.fairwatch.json", "csv/flat-extras.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = copy_fixture (fixtures[i], fixture->dir);
      g_autofree char *original = read_file (path);
      g_autofree char *listing = list_dir (fixture->dir);
      g_autoptr(FwDocument) document = load (path);
      g_autoptr(GError) error = NULL;

      edit (document, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, NULL, "Acme Renamed", "test");
      /* 100 bytes reach the temporary file, then the disk is full. */
      fw_document_set_stream_filter (document, failing_filter, GSIZE_TO_POINTER (100));
      g_assert_false (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_save_failed_cleanly (document, path, original, listing);

      /* With room again the same document saves. */
      g_clear_error (&error);
      fw_document_set_stream_filter (document, NULL, NULL);
      g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (fw_document_get_modified (document));
    }
}

static void
test_document_changed_on_disk (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("csv/flat-extras.csv", fixture->dir);
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;

  edit (document, FW_TABLE_FIRMS, 0, FW_FIELD_FIRM_NAME, NULL, "Acme", NULL);
  g_assert_false (fw_document_changed_on_disk (document));

  g_file_set_contents (path, "firm,fair\nSomeone else's,Fair\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (fw_document_changed_on_disk (document));
  g_assert_false (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_error (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  theirs = read_file (path);
  g_assert_cmpstr (theirs, ==, "firm,fair\nSomeone else's,Fair\n");
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_error (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "removed"));
  g_clear_error (&error);

  /* Overwrite, when the person chose to. */
  g_assert_true (fw_document_save (document, FW_SAVE_OVERWRITE_CHANGED, NULL, &error));
  g_assert_no_error (error);
  ours = read_file (path);
  g_assert_true (g_str_has_prefix (ours, "firm,Booth,"));
  g_assert_false (fw_document_changed_on_disk (document));
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_document_recovery_in_process (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", fixture->dir);
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(FwDocument) restored = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *title = NULL;
  const char *recovery = fw_document_get_recovery_path (document);
  guint n_edits = 0;

  fw_document_set_recovery_delay (document, 50);
  for (guint i = 0; i < 19; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);
      edit (document, FW_TABLE_FIRMS, i % 4, FW_FIELD_FIRM_NAME, NULL, name, "renamed");
    }
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  /* The 20th edit writes at once. */
  edit (document, FW_TABLE_FAIRS, 0, FW_FIELD_FAIR_HOST, NULL, "BE", "moved");
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_true (fw_document_peek_recovery (recovery, NULL, &title, &n_edits));
  g_assert_cmpuint (n_edits, ==, 20);

  /* Fewer edits wait for a pause. */
  edit (document, FW_TABLE_EXHIBITIONS, 0, FW_FIELD_EXHIBITION_YEAR, NULL, "2011", "typo");
  fw_document_undo (document);
  g_timeout_add (300, quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_true (fw_document_peek_recovery (recovery, NULL, NULL, &n_edits));
  g_assert_cmpuint (n_edits, ==, 20);

  restored = fw_document_restore (recovery, &error);
  g_assert_no_error (error);
  expected = dump_dataset (fw_document_get_dataset (document));
  got = dump_dataset (fw_document_get_dataset (restored));
  g_assert_cmpstr (got, ==, expected);
  g_assert_true (fw_document_get_modified (restored));
  g_assert_true (fw_document_get_can_redo (restored));
  g_assert_true (fw_document_redo (restored));
  g_clear_pointer (&got, g_free);
  got = fw_dataset_get_raw (fw_document_get_dataset (restored), FW_TABLE_EXHIBITIONS, 0,
                            FW_FIELD_EXHIBITION_YEAR, 0);
  g_assert_cmpstr (got, ==, "2011");

  /* Saving leaves nothing to recover. */
  g_assert_true (fw_document_save (document, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
}

/* Edits replayed onto a file someone changed since refuse to land on the
 * wrong record; the recovery file stays for another try. */
static void
test_document_recovery_refuses_changed_file (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", fixture->dir);
  g_autoptr(FwDocument) document = load (path);
  g_autoptr(FwDocument) restored = NULL;
  g_autoptr(FwDocument) theirs = NULL;
  g_autoptr(GError) error = NULL;

  edit (document, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_NAME, NULL, "Ours", "renamed");
  g_assert_true (fw_document_write_recovery (document, &error));
  g_assert_no_error (error);

  /* Another program renames the same firm and saves. */
  theirs = load (path);
  edit (theirs, FW_TABLE_FIRMS, 1, FW_FIELD_FIRM_NAME, NULL, "Theirs", "their change");
  g_assert_true (fw_document_save (theirs, FW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  restored = fw_document_restore (fw_document_get_recovery_path (document), &error);
  g_assert_null (restored);
  g_assert_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE);
  g_assert_true (g_file_test (fw_document_get_recovery_path (document), G_FILE_TEST_EXISTS));
  fw_recovery_discard (fw_document_get_recovery_path (document));
}

static void
test_document_explorer_follows_edits (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = copy_fixture ("json/good.fairwatch.json", fixture->dir);
  g_autoptr(FwDocument) document = load (path);
  FwExplorer *explorer = fw_document_get_explorer (document);
  FwDataset *dataset = fw_document_get_dataset (document);
  guint changed = 0;
  guint firms;
  g_autoptr(FwEdit) delete = NULL;

  g_signal_connect_swapped (explorer, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  firms = fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS);
  delete = fw_edit_new_delete (dataset, FW_TABLE_FIRMS, 0);
  g_assert_true (fw_document_edit (document, delete, NULL));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS), ==, firms - 1);
  fw_document_undo (document);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (fw_query_get_n_kept (fw_explorer_get_query (explorer), FW_TABLE_FIRMS), ==, firms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("fairwatch-state-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/native-round-trip", test_document_native_round_trip);
  ADD ("/document/csv-round-trip", test_document_csv_round_trip);
  ADD ("/document/csv-reordered-history", test_document_csv_reordered_history);
  ADD ("/document/tables-save", test_document_tables_save);
  ADD ("/document/save/read-only-folder", test_document_save_read_only_folder);
  ADD ("/document/save/fails-midway", test_document_save_fails_midway);
  ADD ("/document/save/changed-on-disk", test_document_changed_on_disk);
  ADD ("/document/recovery-in-process", test_document_recovery_in_process);
  ADD ("/document/recovery-refuses-changed-file", test_document_recovery_refuses_changed_file);
  ADD ("/document/explorer-follows-edits", test_document_explorer_follows_edits);
#undef ADD

  status = g_test_run ();
  remove_tree (state);

  return status;
}
