/* fw-edit-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-edit-session-private.h"
#include "fw-validate.h"
#include "fw-window.h"


G_DEFINE_FINAL_TYPE (FwEditSession, fw_edit_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fw_edit_session_dispose (GObject *object)
{
  FwEditSession *self = (FwEditSession *)object;

  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->question);
  g_clear_object (&self->document);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (fw_edit_session_parent_class)->dispose (object);
}

static void
fw_edit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FwEditSession *self = FW_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_edit_session_class_init (FwEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_edit_session_dispose;
  object_class->get_property = fw_edit_session_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FW_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GAction *
lookup (FwEditSession *self,
        const char    *name)
{
  return g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);
}

static void
update_actions (FwEditSession *self)
{
  gboolean loaded = self->document != NULL;
  const char *always[] = {
    "save-as", "set-field", "add-record", "delete-record", "duplicate-record", "merge-firms",
    "revert", "select-record",
  };

  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup (self, "undo")),
                               loaded && fw_document_get_can_undo (self->document));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup (self, "redo")),
                               loaded && fw_document_get_can_redo (self->document));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup (self, "save")),
                               loaded && fw_document_get_modified (self->document));
  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (lookup (self, always[i])), loaded);

  /* The header shows the view switcher, not the title: the save button
   * says that there is something to save. */
  if (self->save_button == NULL)
    return;
  if (loaded && fw_document_get_modified (self->document))
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");
}

static void
update_title (FwEditSession *self)
{
  if (self->window != NULL && self->document != NULL)
    fw_window_update_title (FW_WINDOW (self->window));
}

static void
on_document_notify (FwEditSession *self)
{
  update_actions (self);
  update_title (self);
}

/* Once a document is on screen: edits a crash left for this file, or
 * (the first time) for any. */
static gboolean
offer_recovery (gpointer data)
{
  FwEditSession *self = data;
  const char *own = NULL;

  if (self->document != NULL && !fw_document_get_modified (self->document))
    own = fw_document_get_recovery_path (self->document);

  if (own == NULL || !fw_edit_session_offer_recovery_file (self, own))
    if (!self->offered)
      fw_edit_session_offer_recovery (self);
  self->offered = TRUE;

  return G_SOURCE_REMOVE;
}

/* Opening another file keeps the unsaved edits of this one in its
 * recovery file, which opening it again offers back. */
static void
keep_unsaved (FwEditSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL || !fw_document_get_modified (self->document))
    return;

  if (!fw_document_write_recovery (self->document, &error))
    text = g_strdup_printf (_("The unsaved edits to “%s” could not be kept: %s"),
                            fw_document_get_title (self->document), error->message);
  else
    text = g_strdup_printf (_("The unsaved edits to “%s” are kept; opening it again offers them back"),
                            fw_document_get_title (self->document));
  fw_edit_session_toast (self, text);
}

void
fw_edit_session_set_document (FwEditSession *self,
                              FwDocument    *document)
{
  g_return_if_fail (FW_IS_EDIT_SESSION (self));
  g_return_if_fail (document == NULL || FW_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  keep_unsaved (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_notify), self);
      g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (on_document_notify), self);
      g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (on_document_notify), self);
      g_signal_connect_swapped (document, "notify::title", G_CALLBACK (on_document_notify), self);
    }
  self->close_confirmed = FALSE;
  on_document_notify (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (document != NULL)
    g_idle_add_full (G_PRIORITY_LOW, offer_recovery, g_object_ref (self), g_object_unref);
}

FwDocument *
fw_edit_session_get_document (FwEditSession *self)
{
  g_return_val_if_fail (FW_IS_EDIT_SESSION (self), NULL);

  return self->document;
}

AdwMessageDialog *
fw_edit_session_get_question (FwEditSession *self)
{
  g_return_val_if_fail (FW_IS_EDIT_SESSION (self), NULL);

  return self->question;
}

/* Every edit takes the reason and source the person gave last. */
static void
cite (FwEditSession *self,
      FwEdit        *edit)
{
  if (self->reason == NULL)
    return;

  fw_edit_set_reason (edit, gtk_editable_get_text (GTK_EDITABLE (self->reason)));
  fw_edit_set_source (edit,
                      gtk_editable_get_text (GTK_EDITABLE (self->location)),
                      gtk_editable_get_text (GTK_EDITABLE (self->section)),
                      gtk_editable_get_text (GTK_EDITABLE (self->accessed)));
}

static gboolean
push (FwEditSession *self,
      FwEdit        *edit)
{
  g_autoptr(GError) error = NULL;

  cite (self, edit);
  if (!fw_document_edit (self->document, edit, &error))
    {
      fw_edit_session_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
fw_edit_session_set_field (FwEditSession *self,
                           FwTable        table,
                           guint          row,
                           FwField        field,
                           guint          extra,
                           const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwEdit) edit = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *current = NULL;
  const char *column = NULL;
  FwDataset *dataset;

  g_return_val_if_fail (FW_IS_EDIT_SESSION (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  dataset = fw_document_get_dataset (self->document);
  if (table >= FW_N_TABLES || row >= fw_dataset_get_n_rows (dataset, table) || field >= FW_N_FIELDS ||
      (field == FW_FIELD_EXTRA && extra >= fw_dataset_get_n_extra (dataset, table)))
    return FALSE;

  if (!fw_dataset_parse_field (dataset, table, (gint) row, field, text, &raw, &error))
    {
      fw_edit_session_toast (self, error->message);
      return FALSE;
    }

  current = fw_dataset_get_raw (dataset, table, row, field, extra);
  if (g_strcmp0 (current, raw) == 0)
    return TRUE;

  if (field == FW_FIELD_EXTRA)
    column = fw_dataset_get_extra_name (dataset, table, extra);
  edit = fw_edit_new_set (dataset, table, row, field, column, raw);

  return push (self, edit);
}

void
fw_edit_session_set_citation (FwEditSession *self,
                              const char    *reason,
                              const char    *location,
                              const char    *section,
                              const char    *accessed)
{
  g_return_if_fail (FW_IS_EDIT_SESSION (self));

  if (self->reason == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->reason), reason != NULL ? reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location), location != NULL ? location : "");
  gtk_editable_set_text (GTK_EDITABLE (self->section), section != NULL ? section : "");
  gtk_editable_set_text (GTK_EDITABLE (self->accessed), accessed != NULL ? accessed : "");
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FwEditSession *self = data;

  if (self->document != NULL)
    fw_document_undo (self->document);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FwEditSession *self = data;

  if (self->document != NULL)
    fw_document_redo (self->document);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  FwEditSession *self = data;

  if (self->document != NULL)
    fw_edit_session_save (self);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  fw_edit_session_save_as (data, FALSE);
}

static void
set_field_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  guint table, row, field, extra;
  const char *text;

  g_variant_get (parameter, "(uuuu&s)", &table, &row, &field, &extra, &text);
  fw_edit_session_set_field (data, table, row, field, extra, text);
}

static gboolean
valid_row (FwEditSession *self,
           guint          table,
           guint          row)
{
  return self->document != NULL && table < FW_N_TABLES &&
         row < fw_dataset_get_n_rows (fw_document_get_dataset (self->document), table);
}

static void
add_record_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  FwEditSession *self = data;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(FwEdit) edit = NULL;
  FwDataset *dataset;
  guint table;
  gint like;

  g_variant_get (parameter, "(ui)", &table, &like);
  if (self->document == NULL || table >= FW_N_TABLES)
    return;
  dataset = fw_document_get_dataset (self->document);

  if (table == FW_TABLE_EXHIBITIONS)
    {
      g_autofree char *firm = NULL;
      g_autofree char *fair = NULL;

      if (fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS) == 0 || fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS) == 0)
        {
          fw_edit_session_toast (self, _("Add a firm and a fair before adding an exhibition"));
          return;
        }
      /* A new exhibition starts at the firm and fair of the selected one. */
      if (like >= 0 && valid_row (self, table, (guint) like))
        {
          firm = fw_dataset_get_raw (dataset, table, (guint) like, FW_FIELD_EXHIBITION_FIRM, 0);
          fair = fw_dataset_get_raw (dataset, table, (guint) like, FW_FIELD_EXHIBITION_FAIR, 0);
        }
      json_object_set_string_member (values, "firm", firm != NULL ? firm : "0");
      json_object_set_string_member (values, "fair", fair != NULL ? fair : "0");
    }

  edit = fw_edit_new_add (dataset, table, values);
  if (push (self, edit))
    {
      GVariant *target = g_variant_new ("(uu)", table, fw_dataset_get_n_rows (dataset, table) - 1);

      g_action_activate (lookup (self, "select-record"), target);
    }
}

static void
delete_record_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  FwEditSession *self = data;
  g_autoptr(FwEdit) edit = NULL;
  guint table, row;

  g_variant_get (parameter, "(uu)", &table, &row);
  if (!valid_row (self, table, row))
    return;

  edit = fw_edit_new_delete (fw_document_get_dataset (self->document), table, row);
  if (push (self, edit))
    {
      g_autofree char *description = fw_edit_describe (edit, fw_dataset_get_countries (fw_document_get_dataset (self->document)));
      g_autofree char *text = g_strdup_printf (_("%s; Ctrl+Z brings it back"), description);

      fw_edit_session_toast (self, text);
    }
}

static void
duplicate_record_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       data)
{
  FwEditSession *self = data;
  g_autoptr(FwEdit) edit = NULL;
  guint table, row;

  g_variant_get (parameter, "(uu)", &table, &row);
  if (!valid_row (self, table, row))
    return;

  edit = fw_edit_new_duplicate (fw_document_get_dataset (self->document), table, row);
  push (self, edit);
}

static void
merge_firms_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  FwEditSession *self = data;
  g_autoptr(FwEdit) edit = NULL;
  guint keep, drop;

  g_variant_get (parameter, "(uu)", &keep, &drop);
  if (!valid_row (self, FW_TABLE_FIRMS, keep) || !valid_row (self, FW_TABLE_FIRMS, drop) || keep == drop)
    return;

  edit = fw_edit_new_merge (fw_document_get_dataset (self->document), keep, drop);
  if (push (self, edit))
    {
      g_autofree char *description = fw_edit_describe (edit, fw_dataset_get_countries (fw_document_get_dataset (self->document)));

      fw_edit_session_toast (self, description);
    }
}

static void
revert_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  FwEditSession *self = data;
  g_autoptr(GError) error = NULL;
  const char *reason = self->reason != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->reason)) : NULL;

  if (self->document == NULL)
    return;

  if (fw_document_revert (self->document, g_variant_get_uint64 (parameter), reason, &error) == NULL)
    {
      AdwMessageDialog *dialog = fw_edit_session_ask (self, _("Cannot Revert This Change Alone"), error->message);

      adw_message_dialog_add_responses (dialog, "close", _("_Close"), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
select_record_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  FwEditSession *self = data;
  guint table, row;

  g_variant_get (parameter, "(uu)", &table, &row);
  if (self->window != NULL && valid_row (self, table, row))
    fw_window_select_record (FW_WINDOW (self->window), table, row);
}

static const GActionEntry entries[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "set-field", set_field_activated, "(uuuus)" },
  { "add-record", add_record_activated, "(ui)" },
  { "delete-record", delete_record_activated, "(uu)" },
  { "duplicate-record", duplicate_record_activated, "(uu)" },
  { "merge-firms", merge_firms_activated, "(uu)" },
  { "revert", revert_activated, "t" },
  { "select-record", select_record_activated, "(uu)" },
};

static void
add_shortcuts (FwEditSession *self,
               GtkWidget     *widget)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>z", "doc.undo" },
    { "<Control><Shift>z", "doc.redo" },
    { "<Control>y", "doc.redo" },
    { "<Control>s", "doc.save" },
    { "<Control><Shift>s", "doc.save-as" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* In the bubble phase, after the focus: a text field's own Ctrl+Z
   * still undoes typing in it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (widget, controller);
}

void
fw_edit_session_attach (FwEditSession *self,
                        GtkWidget     *widget)
{
  g_return_if_fail (FW_IS_EDIT_SESSION (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_insert_action_group (widget, "doc", G_ACTION_GROUP (self->actions));
  add_shortcuts (self, widget);
}

static GtkEntry *
citation_entry (GtkWidget  *grid,
                int         top,
                const char *label,
                const char *placeholder)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (GTK_GRID (grid), caption, 0, top, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, top, 1, 1);

  return GTK_ENTRY (entry);
}

static void
on_citation_changed (FwEditSession *self)
{
  gboolean cited = gtk_entry_get_text_length (self->reason) > 0 || gtk_entry_get_text_length (self->location) > 0;

  /* Highlighted while edits carry a citation. */
  if (cited)
    gtk_widget_add_css_class (GTK_WIDGET (self->citation_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->citation_button), "accent");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->citation_button),
                               cited ? _("Reason and source of the next edits (given)")
                                     : _("Reason and source of the next edits"));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);

  return button;
}

/* Icons only: the view switcher shares the header bar and needs the room. */
void
fw_edit_session_fill_header (FwEditSession *self,
                             GtkBox        *box)
{
  GtkWidget *history = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *note = gtk_label_new (_("Every edit you make carries this reason and source, "
                                     "until you change them."));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_if_fail (FW_IS_EDIT_SESSION (self));

  gtk_widget_add_css_class (history, "linked");
  gtk_box_append (GTK_BOX (history), icon_button ("edit-undo-symbolic", "doc.undo", _("Undo (Ctrl+Z)")));
  gtk_box_append (GTK_BOX (history), icon_button ("edit-redo-symbolic", "doc.redo", _("Redo (Ctrl+Shift+Z)")));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), note, 0, 0, 2, 1);
  self->reason = citation_entry (grid, 1, _("_Reason"), _("Why the record changes"));
  self->location = citation_entry (grid, 2, _("S_ource"), _("URL or document"));
  self->section = citation_entry (grid, 3, _("Se_ction"), _("Page, table or paragraph"));
  self->accessed = citation_entry (grid, 4, _("_Accessed"), _("YYYY-MM-DD"));
  gtk_editable_set_text (GTK_EDITABLE (self->accessed), today);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);

  self->citation_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->citation_button, "mail-attachment-symbolic");
  gtk_menu_button_set_popover (self->citation_button, popover);
  g_signal_connect_swapped (self->reason, "changed", G_CALLBACK (on_citation_changed), self);
  g_signal_connect_swapped (self->location, "changed", G_CALLBACK (on_citation_changed), self);
  on_citation_changed (self);

  gtk_box_append (box, history);
  gtk_box_append (box, GTK_WIDGET (self->citation_button));
  self->save_button = icon_button ("document-save-symbolic", "doc.save",
                                   _("Save (Ctrl+S); Save As is Ctrl+Shift+S"));
  gtk_box_append (box, self->save_button);
  update_actions (self);
  gtk_box_set_spacing (box, 6);
}

static void
fw_edit_session_init (FwEditSession *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

FwEditSession *
fw_edit_session_new (AdwApplicationWindow *window)
{

  FwEditSession *self;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);

  self = g_object_new (FW_TYPE_EDIT_SESSION, NULL);
  g_set_weak_pointer (&self->window, window);
  fw_edit_session_attach (self, GTK_WIDGET (window));
  g_signal_connect_object (window, "close-request", G_CALLBACK (fw_edit_session_on_close_request), self, G_CONNECT_SWAPPED);
  update_actions (self);

  return self;
}
