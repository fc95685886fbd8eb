/* fw-recovery.c: where recovery files live, and writing them safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-recovery"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fw-io.h"
#include "fw-problem.h"
#include "fw-recovery.h"

char *
fw_recovery_get_directory (void)
{
  return g_build_filename (g_get_user_state_dir (), "fairwatch", "recovery", NULL);
}

char *
fw_recovery_path_for (const char *source)
{
  g_autofree char *dir = fw_recovery_get_directory ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, source, -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  g_return_val_if_fail (source != NULL, NULL);

  return g_build_filename (dir, name, NULL);
}

static gint
compare_mtime (gconstpointer a,
               gconstpointer b)
{
  GStatBuf sa, sb;

  if (g_stat (*(const char * const *) a, &sa) != 0 || g_stat (*(const char * const *) b, &sb) != 0)
    return 0;

  return (sa.st_mtime > sb.st_mtime) - (sa.st_mtime < sb.st_mtime);
}

GPtrArray *
fw_recovery_list (void)
{
  g_autofree char *dir_path = fw_recovery_get_directory ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_mtime);

  return paths;
}

gboolean
fw_recovery_write (const char  *path,
                   JsonNode    *content,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the recovery folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return fw_io_write_atomic (path, FALSE, fw_io_write_json, content, NULL, NULL, NULL, error);
}

JsonNode *
fw_recovery_read (const char  *path,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (object = json_node_get_object (root),
                                                             "format", ""),
                 FW_RECOVERY_FORMAT_NAME) != 0)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("%s is not a Fairwatch recovery file"), path);
      return NULL;
    }

  return json_node_copy (root);
}

void
fw_recovery_discard (const char *path)
{
  if (path != NULL)
    g_unlink (path);
}
