/* fw-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fw-csv.h"
#include "fw-io.h"
#include "fw-native.h"
#include "fw-resources.h"

static gboolean
has_suffix_nocase (const char *str,
                   const char *suffix)
{
  gsize len = strlen (str);
  gsize suffix_len = strlen (suffix);

  return len >= suffix_len && g_ascii_strcasecmp (str + len - suffix_len, suffix) == 0;
}

static gboolean
is_table_file_name (const char *basename)
{
  return g_ascii_strcasecmp (basename, "firms.csv") == 0 ||
         g_ascii_strcasecmp (basename, "fairs.csv") == 0 ||
         g_ascii_strcasecmp (basename, "exhibitions.csv") == 0;
}

FwFormat
fw_format_for_path (const char *path,
                    gboolean    for_writing)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, FW_FORMAT_UNKNOWN);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) ||
      (for_writing && g_str_has_suffix (path, G_DIR_SEPARATOR_S)))
    return FW_FORMAT_CSV_TABLES;

  if (has_suffix_nocase (path, ".json"))
    return FW_FORMAT_NATIVE;

  if (has_suffix_nocase (path, ".csv") || has_suffix_nocase (path, ".tsv") ||
      has_suffix_nocase (path, ".txt"))
    {
      g_autofree char *dirname = g_path_get_dirname (path);

      basename = g_path_get_basename (path);
      if (!for_writing && is_table_file_name (basename) && fw_csv_is_tables_directory (dirname))
        return FW_FORMAT_CSV_TABLES;

      return FW_FORMAT_CSV_FLAT;
    }

  return FW_FORMAT_UNKNOWN;
}

/* For a file whose name says nothing: JSON starts with an object. */
static FwFormat
sniff_format (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i < size && data[i] == '{' ? FW_FORMAT_NATIVE : FW_FORMAT_CSV_FLAT;
}

FwDataset *
fw_io_load_bytes (GBytes      *data,
                  const char  *filename,
                  FwFormat     format,
                  FwProblems  *problems,
                  GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (format == FW_FORMAT_UNKNOWN)
    format = sniff_format (data);

  switch (format)
    {
    case FW_FORMAT_NATIVE:
      return fw_native_read (data, filename, problems, error);

    case FW_FORMAT_CSV_FLAT:
      {
        g_autoptr(FwCountries) countries = fw_countries_new_default ();

        return fw_csv_read_flat (data, filename, countries, problems, error);
      }

    case FW_FORMAT_CSV_TABLES:
    case FW_FORMAT_UNKNOWN:
    default:
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_UNSUPPORTED,
                   _("%s: the per-table CSV layout is read from a folder, not from one file"),
                   filename);
      return NULL;
    }
}

FwDataset *
fw_io_load (const char    *path,
            FwProblems    *problems,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display = NULL;
  FwFormat format;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  display = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  format = fw_format_for_path (path, FALSE);

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY || format == FW_FORMAT_CSV_TABLES)
    {
      g_autoptr(FwCountries) countries = fw_countries_new_default ();
      g_autofree char *directory = NULL;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        directory = g_strdup (path);
      else
        directory = g_path_get_dirname (path);

      if (!fw_csv_is_tables_directory (directory))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("%s is a folder without firms.csv, fairs.csv and exhibitions.csv; "
                         "open a CSV or Fairwatch file instead"),
                       display);
          return NULL;
        }

      {
        FwDataset *dataset = fw_csv_read_tables (directory, countries, problems, error);
        g_autofree char *name = g_path_get_basename (directory);

        if (dataset != NULL && fw_dataset_get_title (dataset) == NULL)
          fw_dataset_set_title (dataset, name);

        return dataset;
      }
    }

  if ((guint64) g_file_info_get_size (info) > FW_IO_MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (FW_IO_MAX_FILE_BYTES);

      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_TOO_LARGE,
                   _("%s is %s, more than the %s this program reads; split it into smaller files"),
                   display, size, limit);
      return NULL;
    }

  if (g_file_info_get_size (info) == 0)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_EMPTY,
                   _("%s is empty; there is nothing to open"), display);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);

  {
    g_autofree char *basename = g_path_get_basename (path);
    FwDataset *dataset = fw_io_load_bytes (bytes, basename, format, problems, error);

    /* A CSV file carries no title: its name is what a person knows it by. */
    if (dataset != NULL && fw_dataset_get_title (dataset) == NULL)
      fw_dataset_set_title (dataset, basename);

    return dataset;
  }
}

FwDataset *
fw_io_load_resource (const char  *resource_path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;

  fw_resources_ensure ();
  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  basename = g_path_get_basename (resource_path);

  return fw_io_load_bytes (bytes, basename, FW_FORMAT_NATIVE, NULL, error);
}

FwDataset *
fw_io_load_demo (GError **error)
{
  return fw_io_load_resource (FW_DEMO_RESOURCE, error);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *name)
{
  g_autofree char *display = g_filename_display_name (name);

  /* The formats are translations of literals checked at the call sites. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format,
               display, g_strerror (saved_errno));
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0), 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      /* Translators: the first %s is a file, the second why it failed */
      return set_errno_error (error, saved_errno, _("Could not flush %s to disk: %s"), path);
    }

  return g_close (fd, error);
}

static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_errno_error (error, errno, _("Could not replace the backup %s: %s"), backup);

  if (link (path, backup) != 0)
    {
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (backup);

      /* File systems without hard links get a copy. */
      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
fw_io_write_atomic (const char        *path,
                    gboolean           backup,
                    FwIoWriteFunc      write,
                    gpointer           user_data,
                    FwIoStreamFilter   filter,
                    gpointer           filter_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  GStatBuf original;
  gboolean exists;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  exists = g_stat (path, &original) == 0;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    /* Translators: the first %s is a folder, the second why it failed */
    return set_errno_error (error, errno, _("Cannot write in the folder %s: %s"), dir);
  close (fd);
  if (exists)
    g_chmod (tmp, original.st_mode & 07777);

  tmp_file = g_file_new_for_path (tmp);
  file_stream = g_file_append_to (tmp_file, G_FILE_CREATE_NONE, cancellable, error);
  if (file_stream == NULL)
    goto failed;

  stream = filter != NULL ? filter (G_OUTPUT_STREAM (file_stream), filter_data)
                          : g_object_ref (G_OUTPUT_STREAM (file_stream));

  if (!write (stream, user_data, cancellable, error))
    {
      g_output_stream_close (stream, NULL, NULL);
      g_output_stream_close (G_OUTPUT_STREAM (file_stream), NULL, NULL);
      goto failed;
    }
  if (!g_output_stream_close (stream, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (file_stream), cancellable, error) ||
      !sync_path (tmp, FALSE, error))
    goto failed;

  if (exists && backup && !keep_backup (path, error))
    goto failed;

  if (g_rename (tmp, path) != 0)
    {
      set_errno_error (error, errno, _("Could not put the new version in place of %s: %s"), path);
      goto failed;
    }

  /* The rename itself reaches the disk with the folder. */
  return sync_path (dir, TRUE, error);

failed:
  g_unlink (tmp);
  return FALSE;
}

gboolean
fw_io_write_json (GOutputStream  *stream,
                  gpointer        user_data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, user_data);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_stream (generator, stream, cancellable, error) &&
         g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, error);
}

typedef struct
{
  FwDataset       *dataset;
  FwFormat         format;
  FwCsvWriteFlags  csv_flags;
} SaveData;

static gboolean
write_dataset (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  SaveData *data = user_data;

  if (data->format == FW_FORMAT_NATIVE)
    return fw_native_write (data->dataset, stream, cancellable, error);

  return fw_csv_write_flat_with_flags (data->dataset, stream, data->csv_flags, cancellable, error);
}

gboolean
fw_io_save_through (FwDataset         *dataset,
                    const char        *path,
                    FwFormat           format,
                    FwIoSaveFlags      flags,
                    FwIoStreamFilter   filter,
                    gpointer           filter_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  SaveData data = { dataset, format, FW_CSV_WRITE_DEFAULT };

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (flags & FW_IO_SAVE_EXPORT)
    data.csv_flags = FW_CSV_WRITE_ESCAPE_FORMULAS;

  if (format == FW_FORMAT_UNKNOWN)
    data.format = format = fw_format_for_path (path, TRUE);

  if (format == FW_FORMAT_UNKNOWN)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_UNSUPPORTED,
                   _("Cannot tell which format to write to %s: "
                     "name it .json, .csv, or end it with / for one CSV file per table"),
                   path);
      return FALSE;
    }

  if (format == FW_FORMAT_CSV_TABLES)
    return fw_csv_write_tables_with_flags (dataset, path, data.csv_flags, cancellable, error);

  /* An export replaces a copy: no backup of it. */
  return fw_io_write_atomic (path, !(flags & FW_IO_SAVE_EXPORT), write_dataset, &data, filter, filter_data,
                             cancellable, error);
}

gboolean
fw_io_save_full (FwDataset      *dataset,
                 const char     *path,
                 FwFormat        format,
                 FwIoSaveFlags   flags,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return fw_io_save_through (dataset, path, format, flags, NULL, NULL, cancellable, error);
}

gboolean
fw_io_save (FwDataset     *dataset,
            const char    *path,
            FwFormat       format,
            GCancellable  *cancellable,
            GError       **error)
{
  return fw_io_save_full (dataset, path, format, FW_IO_SAVE_DEFAULT, cancellable, error);
}
