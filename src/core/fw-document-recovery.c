/* fw-document-recovery.c: the recovery file of a document's unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-document-private.h"
#include "fw-recovery.h"

static const char *
format_name (FwFormat format)
{
  return format == FW_FORMAT_CSV_FLAT ? "csv" : format == FW_FORMAT_CSV_TABLES ? "csv-tables" : "native";
}

gboolean
fw_document_write_recovery (FwDocument  *self,
                            GError     **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *written = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  self->edits_since_recovery = 0;
  if (self->recovery_path == NULL)
    return TRUE;

  if (!fw_history_is_modified (self->history) && !fw_history_can_redo (self->history))
    {
      fw_document_discard_recovery (self);
      return TRUE;
    }

  now = g_date_time_new_now_utc ();
  written = g_date_time_format_iso8601 (now);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FW_RECOVERY_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, self->path);
  json_builder_set_member_name (builder, "source_format");
  json_builder_add_string_value (builder, format_name (self->format));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, fw_document_get_title (self));
  json_builder_set_member_name (builder, "written");
  json_builder_add_string_value (builder, written);
  json_builder_set_member_name (builder, "n_edits");
  json_builder_add_int_value (builder, fw_history_get_n_unsaved (self->history));
  json_builder_set_member_name (builder, "edits");
  json_builder_add_value (builder, fw_history_unsaved_to_json (self->history));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (!fw_recovery_write (self->recovery_path, root, error))
    return FALSE;
  self->wrote_recovery = TRUE;

  return TRUE;
}

gboolean
fw_document_peek_recovery (const char  *recovery_path,
                           char       **path,
                           char       **title,
                           guint       *n_edits)
{
  g_autoptr(JsonNode) root = fw_recovery_read (recovery_path, NULL);
  JsonObject *object;
  const char *source;

  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  source = json_object_get_string_member_with_default (object, "source", NULL);
  if (source == NULL)
    return FALSE;

  if (path != NULL)
    *path = g_str_has_prefix (source, RESOURCE_PREFIX) ? NULL : g_strdup (source);
  if (title != NULL)
    *title = g_strdup (json_object_get_string_member_with_default (object, "title", source));
  if (n_edits != NULL)
    *n_edits = (guint) json_object_get_int_member_with_default (object, "n_edits", 0);

  return TRUE;
}

FwDocument *
fw_document_restore (const char  *recovery_path,
                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FwDocument) self = NULL;
  JsonObject *object;
  const char *source;

  g_return_val_if_fail (recovery_path != NULL, NULL);

  root = fw_recovery_read (recovery_path, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  source = json_object_get_string_member_with_default (object, "source", NULL);
  if (source == NULL || !json_object_has_member (object, "edits"))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("%s does not say which file its edits belong to"), recovery_path);
      return NULL;
    }

  self = fw_document_load (source, NULL, NULL, error);
  if (self == NULL)
    return NULL;

  if (!fw_history_restore_unsaved (self->history, json_object_get_member (object, "edits"), error))
    return NULL;

  /* The file restored from is this document's now. */
  g_free (self->recovery_path);
  self->recovery_path = g_strdup (recovery_path);
  self->wrote_recovery = TRUE;
  fw_explorer_refresh (self->explorer);
  fw_document_update_state (self);

  return g_steal_pointer (&self);
}
