/* fw-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

gboolean
fw_io_save (FwDataset     *dataset,
            const char    *path,
            FwFormat       format,
            GCancellable  *cancellable,
            GError       **error)
{
  return fw_io_save_full (dataset, path, format, FW_IO_SAVE_DEFAULT, cancellable, error);
}

gboolean
fw_io_save_full (FwDataset     *dataset,
                 const char    *path,
                 FwFormat       format,
                 FwIoSaveFlags  flags,
                 GCancellable  *cancellable,
                 GError       **error)
{
  FwCsvWriteFlags csv_flags = (flags & FW_IO_SAVE_EXPORT) ? FW_CSV_WRITE_ESCAPE_FORMULAS : FW_CSV_WRITE_DEFAULT;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == FW_FORMAT_UNKNOWN)
    format = fw_format_for_path (path, TRUE);

  if (format == FW_FORMAT_UNKNOWN)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_UNSUPPORTED,
                   _("Cannot tell which format to write to %s: "
                     "name it .json, .csv, or end it with / for one CSV file per table"),
                   path);
      return FALSE;
    }

  if (format == FW_FORMAT_CSV_TABLES)
    return fw_csv_write_tables_with_flags (dataset, path, csv_flags, cancellable, error);

  /* g_file_replace() writes a temporary file and renames it over the
   * original when the stream is closed, keeping PATH~ as the backup
   * (not for an export, which replaces a copy). */
  file = g_file_new_for_commandline_arg (path);
  stream = g_file_replace (file, NULL, !(flags & FW_IO_SAVE_EXPORT), G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (format == FW_FORMAT_NATIVE)
    ok = fw_native_write (dataset, G_OUTPUT_STREAM (stream), cancellable, &local_error);
  else
    ok = fw_csv_write_flat_with_flags (dataset, G_OUTPUT_STREAM (stream), csv_flags, cancellable, &local_error);

  if (!ok)
    {
      /* Closing with a cancelled cancellable discards the temporary file,
       * so the original stays as it was. */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
