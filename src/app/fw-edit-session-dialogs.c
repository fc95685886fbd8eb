/* fw-edit-session-dialogs.c: saving, and the questions the session asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-edit-session-private.h"
#include "fw-recovery.h"
#include "fw-window.h"

void
fw_edit_session_toast (FwEditSession *self,
                       const char    *text)
{
  if (self->window != NULL)
    fw_window_add_toast (FW_WINDOW (self->window), text);
}

AdwMessageDialog *
fw_edit_session_ask (FwEditSession *self,
                     const char    *heading,
                     const char    *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), heading, body));

  g_set_weak_pointer (&self->question, dialog);

  return dialog;
}

static void
on_changed_response (AdwMessageDialog *dialog,
                     const char       *response,
                     FwEditSession    *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    {
      if (!fw_document_save (self->document, FW_SAVE_OVERWRITE_CHANGED, NULL, &error))
        fw_edit_session_toast (self, error->message);
    }
  else if (g_str_equal (response, "save-as"))
    fw_edit_session_save_as (self, FALSE);
  else if (g_str_equal (response, "reload") && self->window != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (fw_document_get_path (self->document));

      /* The person chose to drop the edits: nothing is left to recover. */
      fw_recovery_discard (fw_document_get_recovery_path (self->document));
      fw_window_open_file (FW_WINDOW (self->window), file);
    }
}

static void
ask_changed_on_disk (FwEditSession *self,
                     const char    *message)
{
  AdwMessageDialog *dialog = fw_edit_session_ask (self, _("The File Changed on Disk"), NULL);

  adw_message_dialog_format_body (dialog,
                                  _("%s. Reload it and lose your edits, overwrite it with your version, "
                                    "or save your version as a new file."),
                                  message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_failed_response (AdwMessageDialog *dialog,
                    const char       *response,
                    FwEditSession    *self)
{
  if (g_str_equal (response, "save-as"))
    fw_edit_session_save_as (self, FALSE);
}

static void
report_save_error (FwEditSession *self,
                   GError        *error)
{
  AdwMessageDialog *dialog;

  if (g_error_matches (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      ask_changed_on_disk (self, error->message);
      return;
    }
  if (g_error_matches (error, FW_DOCUMENT_ERROR, FW_DOCUMENT_ERROR_NO_FILE))
    {
      fw_edit_session_save_as (self, FALSE);
      return;
    }

  dialog = fw_edit_session_ask (self, _("Could Not Save"), NULL);
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nThe file on disk is as it was. Your edits are still here, and in "
                                    "the recovery file; save them somewhere else?"),
                                  error->message);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save-as", _("Save _As…"), NULL);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_failed_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
fw_edit_session_save (FwEditSession *self)
{
  g_autoptr(GError) error = NULL;

  if (!fw_document_save (self->document, FW_SAVE_NONE, NULL, &error))
    {
      report_save_error (self, error);
      return FALSE;
    }
  fw_edit_session_toast (self, _("Saved"));

  return TRUE;
}

typedef struct
{
  FwEditSession *self;
  gboolean       then_close;
} SaveAs;

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     SaveAs          *data)
{
  FwEditSession *self = data->self;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      /* A name without a known ending is saved as a Fairwatch dataset. */
      if (path != NULL && fw_format_for_path (path, TRUE) == FW_FORMAT_UNKNOWN)
        {
          char *named = g_strconcat (path, ".fairwatch.json", NULL);

          g_free (path);
          path = named;
        }

      if (path == NULL)
        fw_edit_session_toast (self, _("Only local files can be saved"));
      else if (!fw_document_save_as (self->document, path, FW_FORMAT_UNKNOWN, NULL, &error))
        report_save_error (self, error);
      else if (data->then_close && self->window != NULL)
        gtk_window_close (GTK_WINDOW (self->window));
      else
        fw_edit_session_toast (self, _("Saved"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_free (data);
}

void
fw_edit_session_save_as (FwEditSession *self,
                         gboolean       then_close)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  const char *path = self->document != NULL ? fw_document_get_path (self->document) : NULL;
  SaveAs *data;

  if (self->window == NULL)
    return;

  /* GtkFileDialog is newer than GTK 4.8. */
  dialog = gtk_file_chooser_native_new (_("Save Dataset As"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Fairwatch datasets, with their edit history"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (csv, _("CSV files, with the history beside them"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  if (path != NULL && g_path_is_absolute (path))
    {
      g_autofree char *name = g_path_get_basename (path);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("dataset.fairwatch.json"));

  data = g_new0 (SaveAs, 1);
  data->self = g_object_ref (self);
  data->then_close = then_close;
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* After the question has gone: closing the window from inside the
 * question's response would pull its parent from under it. */
static gboolean
close_window (gpointer data)
{
  FwEditSession *self = data;

  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));

  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FwEditSession    *self)
{
  if (self->window == NULL || self->document == NULL)
    return;

  if (g_str_equal (response, "discard"))
    {
      fw_recovery_discard (fw_document_get_recovery_path (self->document));
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      const char *path = fw_document_get_path (self->document);

      if (path == NULL || !g_path_is_absolute (path))
        fw_edit_session_save_as (self, TRUE);
      else if (fw_edit_session_save (self))
        g_idle_add_full (G_PRIORITY_DEFAULT, close_window, g_object_ref (self), g_object_unref);
    }
}

gboolean
fw_edit_session_on_close_request (FwEditSession *self,
                                  GtkWindow     *window)
{
  AdwMessageDialog *dialog;
  guint n;

  if (self->close_confirmed || self->document == NULL || !fw_document_get_modified (self->document))
    return FALSE;

  n = fw_history_get_n_unsaved (fw_document_get_history (self->document));
  dialog = fw_edit_session_ask (self, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (dialog,
                                  ngettext ("“%s” has %u unsaved edit. If you close without saving, it is lost.",
                                            "“%s” has %u unsaved edits. If you close without saving, they are lost.",
                                            n),
                                  fw_document_get_title (self->document), n);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

typedef struct
{
  FwEditSession *self;
  char          *path;
} Recovery;

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Recovery         *data)
{
  FwEditSession *self = data->self;

  if (g_str_equal (response, "discard"))
    fw_recovery_discard (data->path);
  else if (g_str_equal (response, "restore") && self->window != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FwDocument) document = fw_document_restore (data->path, &error);

      if (document == NULL)
        fw_edit_session_toast (self, error->message);
      else
        fw_window_set_document (FW_WINDOW (self->window), document);
    }
}

static void
recovery_free (gpointer  data,
               GClosure *closure)
{
  Recovery *recovery = data;

  g_object_unref (recovery->self);
  g_free (recovery->path);
  g_free (recovery);
}

gboolean
fw_edit_session_offer_recovery_file (FwEditSession *self,
                                     const char    *path)
{
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  Recovery *data;
  guint n_edits = 0;

  g_return_val_if_fail (FW_IS_EDIT_SESSION (self), FALSE);

  if (path == NULL || self->window == NULL || self->question != NULL ||
      !fw_document_peek_recovery (path, NULL, &title, &n_edits))
    return FALSE;

  dialog = fw_edit_session_ask (self, _("Restore Unsaved Edits?"), NULL);
  adw_message_dialog_format_body (dialog,
                                  ngettext ("Fairwatch stopped with %u unsaved edit to “%s”. Restore it?",
                                            "Fairwatch stopped with %u unsaved edits to “%s”. Restore them?",
                                            n_edits),
                                  n_edits, title);
  /* Edits to the file on screen cannot wait: the next edit would write
   * over them. */
  if (self->document != NULL && g_strcmp0 (path, fw_document_get_recovery_path (self->document)) == 0)
    {
      adw_message_dialog_add_responses (dialog, "discard", _("_Discard"), "restore", _("_Restore"), NULL);
      adw_message_dialog_set_close_response (dialog, "restore");
    }
  else
    {
      adw_message_dialog_add_responses (dialog, "later", _("_Not Now"), "discard", _("_Discard"),
                                        "restore", _("_Restore"), NULL);
      adw_message_dialog_set_close_response (dialog, "later");
    }
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");

  data = g_new0 (Recovery, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recovery_response), data, recovery_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

gboolean
fw_edit_session_offer_recovery (FwEditSession *self)
{
  g_autoptr(GPtrArray) found = fw_recovery_list ();

  g_return_val_if_fail (FW_IS_EDIT_SESSION (self), FALSE);

  /* The newest; one question at a time. */
  return found->len > 0 && fw_edit_session_offer_recovery_file (self, g_ptr_array_index (found, found->len - 1));
}
