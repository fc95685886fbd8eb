/* fw-document.c: a dataset being curated: its file, its edits, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-document-private.h"
#include "fw-recovery.h"

#define RECOVERY_EVERY         20
#define RECOVERY_DELAY_MS      3000
#define SIDECAR_FORMAT_NAME    "fairwatch-history"


G_DEFINE_FINAL_TYPE (FwDocument, fw_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (fw-document-error-quark, fw_document_error)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_EXPLORER,
  PROP_PATH,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fw_document_dispose (GObject *object)
{
  FwDocument *self = (FwDocument *)object;

  g_clear_handle_id (&self->recovery_source, g_source_remove);

  G_OBJECT_CLASS (fw_document_parent_class)->dispose (object);
}

static void
fw_document_finalize (GObject *object)
{
  FwDocument *self = (FwDocument *)object;

  g_clear_pointer (&self->history, fw_history_free);
  g_clear_object (&self->explorer);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->recovery_path, g_free);

  G_OBJECT_CLASS (fw_document_parent_class)->finalize (object);
}

static void
fw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwDocument *self = FW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, fw_document_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
fw_document_class_init (FwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_document_dispose;
  object_class->finalize = fw_document_finalize;
  object_class->get_property = fw_document_get_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, FW_TYPE_DATASET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL, FW_TYPE_EXPLORER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] = readable_boolean ("modified");
  properties[PROP_BUSY] = readable_boolean ("busy");
  properties[PROP_CAN_UNDO] = readable_boolean ("can-undo");
  properties[PROP_CAN_REDO] = readable_boolean ("can-redo");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwDocument::edited:
   *
   * An edit was made, undone, redone or reverted, or the history was
   * restored: lists of changes and problems should read again.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_document_init (FwDocument *self)
{
  self->recovery_delay = RECOVERY_DELAY_MS;
}

static char *
etag_of (const char *path,
         FwFormat    format)
{
  static const char *tables[] = { "firms.csv", "fairs.csv", "exhibitions.csv" };
  g_autoptr(GString) etag = g_string_new (NULL);
  guint n = 1;

  if (path == NULL || g_str_has_prefix (path, RESOURCE_PREFIX))
    return NULL;
  if (format == FW_FORMAT_CSV_TABLES)
    n = G_N_ELEMENTS (tables);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file_path = format == FW_FORMAT_CSV_TABLES ? g_build_filename (path, tables[i], NULL)
                                                                  : g_strdup (path);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                     G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info == NULL)
        return NULL;
      g_string_append_printf (etag, "%s/%" G_GOFFSET_FORMAT ";", g_file_info_get_etag (info),
                              g_file_info_get_size (info));
    }

  return g_string_free (g_steal_pointer (&etag), FALSE);
}

static char *
recovery_source (const char *path)
{
  if (path == NULL)
    return NULL;
  if (g_str_has_prefix (path, RESOURCE_PREFIX))
    return g_strdup (path);

  return g_canonicalize_filename (path, NULL);
}

static void
set_path (FwDocument *self,
          const char *path,
          FwFormat    format)
{
  g_autofree char *source = recovery_source (path);

  g_free (self->path);
  self->path = source != NULL ? g_strdup (source) : NULL;
  self->format = format;
  g_free (self->etag);
  self->etag = etag_of (self->path, format);
  g_free (self->recovery_path);
  self->recovery_path = source != NULL ? fw_recovery_path_for (source) : NULL;
  self->wrote_recovery = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

FwDocument *
fw_document_new (FwDataset  *dataset,
                 const char *path,
                 FwFormat    format)
{
  FwDocument *self;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  self = g_object_new (FW_TYPE_DOCUMENT, NULL);
  self->dataset = g_object_ref (dataset);
  self->explorer = fw_explorer_new (dataset);
  self->history = fw_history_new (dataset);
  set_path (self, path, format);

  return self;
}

gboolean
fw_document_replace (FwDocument **slot,
                     FwDocument  *document,
                     gpointer     instance,
                     GCallback    on_edited)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (document == NULL || FW_IS_DOCUMENT (document), FALSE);

  if (*slot == document)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, instance);
  g_set_object (slot, document);
  if (document != NULL)
    g_signal_connect_object (document, "edited", on_edited, instance, G_CONNECT_SWAPPED);

  return TRUE;
}

char *
fw_document_get_sidecar_path (const char *path,
                              FwFormat    format)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (format == FW_FORMAT_CSV_TABLES)
    return g_build_filename (path, "fairwatch-history.json", NULL);
  if (format == FW_FORMAT_CSV_FLAT)
    return g_strconcat (path, ".fairwatch-history.json", NULL);

  return NULL;
}

static JsonNode *
read_sidecar (const char  *path,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *history;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return json_node_new (JSON_NODE_NULL);
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_JSON,
                   _("%s: %s; move it away to open the data without its edit history"),
                   path, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", ""),
                 SIDECAR_FORMAT_NAME) != 0 ||
      (history = json_object_get_member (json_node_get_object (root), "history")) == NULL)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("%s is not a Fairwatch edit history; move it away to open the data"), path);
      return NULL;
    }

  return json_node_copy (history);
}

FwDocument *
fw_document_load (const char    *path,
                  FwProblems    *problems,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(FwDocument) self = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(GError) local_error = NULL;
  FwFormat format;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_prefix (path, RESOURCE_PREFIX))
    {
      format = FW_FORMAT_NATIVE;
      dataset = fw_io_load_resource (path + strlen (RESOURCE_PREFIX), error);
    }
  else
    {
      format = g_file_test (path, G_FILE_TEST_IS_DIR) ? FW_FORMAT_CSV_TABLES : fw_format_for_path (path, FALSE);
      if (format == FW_FORMAT_UNKNOWN)
        format = FW_FORMAT_NATIVE;
      dataset = fw_io_load (path, problems, cancellable, error);
    }
  if (dataset == NULL)
    return NULL;

  if (format == FW_FORMAT_CSV_FLAT || format == FW_FORMAT_CSV_TABLES)
    {
      g_autofree char *directory = format == FW_FORMAT_CSV_TABLES && !g_file_test (path, G_FILE_TEST_IS_DIR)
                                   ? g_path_get_dirname (path) : g_strdup (path);
      g_autofree char *sidecar = fw_document_get_sidecar_path (directory, format);

      history = read_sidecar (sidecar, error);
      if (history == NULL)
        return NULL;
      self = fw_document_new (dataset, directory, format);
    }
  else
    {
      history = fw_dataset_get_history (dataset) != NULL ? json_node_ref (fw_dataset_get_history (dataset)) : NULL;
      self = fw_document_new (dataset, path, format);
    }

  if (!fw_history_load (self->history, history, &local_error))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("%s: the edit history is damaged (%s); restore it from the backup (%s~) "
                     "or remove it to open the data"),
                   path, local_error->message, path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

FwDataset *
fw_document_get_dataset (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->dataset;
}

FwExplorer *
fw_document_get_explorer (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->explorer;
}

FwHistory *
fw_document_get_history (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->history;
}

const char *
fw_document_get_path (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->path;
}

FwFormat
fw_document_get_format (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FW_FORMAT_UNKNOWN);

  return self->format;
}

const char *
fw_document_get_title (FwDocument *self)
{
  const char *title;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  title = fw_dataset_get_title (self->dataset);
  if (title != NULL)
    return title;

  return self->path != NULL ? self->path : _("Untitled dataset");
}

gboolean
fw_document_get_modified (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

gboolean
fw_document_get_busy (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

gboolean
fw_document_get_can_undo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->can_undo;
}

gboolean
fw_document_get_can_redo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->can_redo;
}

static void
update_flag (FwDocument *self,
             guint       prop,
             gboolean    value)
{
  gboolean old = prop == PROP_MODIFIED ? self->modified :
                 prop == PROP_CAN_UNDO ? self->can_undo :
                 prop == PROP_CAN_REDO ? self->can_redo : self->busy;

  if (old == !!value)
    return;

  if (prop == PROP_MODIFIED)
    self->modified = !!value;
  else if (prop == PROP_CAN_UNDO)
    self->can_undo = !!value;
  else if (prop == PROP_CAN_REDO)
    self->can_redo = !!value;
  else
    self->busy = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
fw_document_update_state (FwDocument *self)
{
  update_flag (self, PROP_MODIFIED, fw_history_is_modified (self->history));
  update_flag (self, PROP_CAN_UNDO, fw_history_can_undo (self->history));
  update_flag (self, PROP_CAN_REDO, fw_history_can_redo (self->history));
}

static gboolean
recovery_timeout (gpointer data)
{
  FwDocument *self = data;
  g_autoptr(GError) error = NULL;

  self->recovery_source = 0;
  if (!fw_document_write_recovery (self, &error))
    g_warning ("Could not write the recovery file: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
after_change (FwDocument *self)
{
  g_autoptr(GError) error = NULL;

  fw_explorer_refresh (self->explorer);
  fw_document_update_state (self);
  g_signal_emit (self, signals[EDITED], 0);

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (++self->edits_since_recovery >= RECOVERY_EVERY)
    {
      if (!fw_document_write_recovery (self, &error))
        g_warning ("Could not write the recovery file: %s", error->message);
    }
  else
    self->recovery_source = g_timeout_add (self->recovery_delay, recovery_timeout, self);
}

gboolean
fw_document_edit (FwDocument  *self,
                  FwEdit      *edit,
                  GError     **error)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!fw_history_push (self->history, edit, error))
    return FALSE;
  after_change (self);

  return TRUE;
}

gboolean
fw_document_undo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  if (fw_history_undo (self->history) == NULL)
    return FALSE;
  after_change (self);

  return TRUE;
}

gboolean
fw_document_redo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  if (fw_history_redo (self->history) == NULL)
    return FALSE;
  after_change (self);

  return TRUE;
}

FwEdit *
fw_document_revert (FwDocument  *self,
                    guint64      id,
                    const char  *reason,
                    GError     **error)
{
  FwEdit *revert;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  revert = fw_history_revert (self->history, id, error);
  if (revert == NULL)
    return NULL;
  fw_edit_set_reason (revert, reason);
  after_change (self);

  return revert;
}

gboolean
fw_document_changed_on_disk (FwDocument *self)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  if (self->path == NULL || g_str_has_prefix (self->path, RESOURCE_PREFIX))
    return FALSE;
  etag = etag_of (self->path, self->format);

  return g_strcmp0 (etag, self->etag) != 0;
}

void
fw_document_set_stream_filter (FwDocument       *self,
                               FwIoStreamFilter  filter,
                               gpointer          filter_data)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  self->filter = filter;
  self->filter_data = filter_data;
}

static gboolean
write_sidecar (FwDocument    *self,
               const char    *path,
               FwFormat       format,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *sidecar = fw_document_get_sidecar_path (path, format);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SIDECAR_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, base);
  json_builder_set_member_name (builder, "history");
  json_builder_add_value (builder, fw_history_to_json (self->history));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (!fw_io_write_atomic (sidecar, TRUE, fw_io_write_json, root, self->filter, self->filter_data,
                           cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The data were saved, but not their edit history: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Only the recovery file this document wrote: another window on the same
 * file may have edits of its own there. */
void
fw_document_discard_recovery (FwDocument *self)
{
  if (self->wrote_recovery)
    fw_recovery_discard (self->recovery_path);
  self->wrote_recovery = FALSE;
}

static gboolean
save_to (FwDocument    *self,
         const char    *path,
         FwFormat       format,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(JsonNode) history = fw_history_to_json (self->history);
  gboolean ok;

  update_flag (self, PROP_BUSY, TRUE);
  fw_dataset_set_history (self->dataset, history);
  ok = fw_io_save_through (self->dataset, path, format, FW_IO_SAVE_DEFAULT, self->filter, self->filter_data,
                           cancellable, error);
  if (ok && (format == FW_FORMAT_CSV_FLAT || format == FW_FORMAT_CSV_TABLES))
    ok = write_sidecar (self, path, format, cancellable, error);
  update_flag (self, PROP_BUSY, FALSE);

  if (!ok)
    return FALSE;

  fw_history_mark_saved (self->history);
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  fw_document_discard_recovery (self);
  self->edits_since_recovery = 0;
  fw_document_update_state (self);

  return TRUE;
}

gboolean
fw_document_save (FwDocument    *self,
                  FwSaveFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  if (self->path == NULL || g_str_has_prefix (self->path, RESOURCE_PREFIX))
    {
      g_set_error (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_NO_FILE,
                   _("“%s” is built into Fairwatch and cannot be overwritten; save it as a new file"),
                   fw_document_get_title (self));
      return FALSE;
    }

  if (!(flags & FW_SAVE_OVERWRITE_CHANGED) && fw_document_changed_on_disk (self))
    {
      g_autofree char *etag = etag_of (self->path, self->format);

      if (etag == NULL)
        g_set_error (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_CHANGED_ON_DISK,
                     _("%s was removed or renamed since it was opened"), self->path);
      else
        g_set_error (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_CHANGED_ON_DISK,
                     _("%s was changed by another program since it was opened"), self->path);
      return FALSE;
    }

  if (!save_to (self, self->path, self->format, cancellable, error))
    return FALSE;

  g_free (self->etag);
  self->etag = etag_of (self->path, self->format);

  return TRUE;
}

gboolean
fw_document_save_as (FwDocument    *self,
                     const char    *path,
                     FwFormat       format,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == FW_FORMAT_UNKNOWN)
    format = fw_format_for_path (path, TRUE);

  if (!save_to (self, path, format, cancellable, error))
    return FALSE;

  set_path (self, path, format);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  return TRUE;
}

void
fw_document_set_recovery_delay (FwDocument *self,
                                guint       delay_ms)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  self->recovery_delay = delay_ms;
}

const char *
fw_document_get_recovery_path (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->recovery_path;
}
