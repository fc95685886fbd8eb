/* fw-edit-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit-form"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-edit-form.h"
#include "fw-validate.h"

typedef struct
{
  FwField        field;
  char          *column;
  AdwEntryRow   *entry;
  GtkMenuButton *history;
  GtkListBox    *changes;
  guint          n_changes;
} Field;

struct _FwEditForm
{
  AdwBin               parent_instance;

  FwDocument          *document;
  FwTable              table;
  guint64              key;
  gint                 row;

  AdwPreferencesGroup *group;
  GtkBox              *fields_box;
  AdwEntryRow         *merge_entry;
  GArray              *fields;      /* Field */
};

G_DEFINE_FINAL_TYPE (FwEditForm, fw_edit_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->column);
}

static void
fw_edit_form_dispose (GObject *object)
{
  FwEditForm *self = (FwEditForm *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (fw_edit_form_parent_class)->dispose (object);
}

static void
fw_edit_form_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FwEditForm *self = FW_EDIT_FORM (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_int (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_edit_form_class_init (FwEditFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_edit_form_dispose;
  object_class->get_property = fw_edit_form_get_property;

  properties[PROP_ROW] =
    g_param_spec_int ("row", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fw_edit_form_init (FwEditForm *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, field_clear);
  self->row = -1;
}

static FwDataset *
dataset_of (FwEditForm *self)
{
  return fw_document_get_dataset (self->document);
}

static guint
extra_index (FwEditForm *self,
             Field      *field)
{
  gint index = field->column != NULL ? fw_dataset_find_extra (dataset_of (self), self->table, field->column) : 0;

  return (guint) MAX (index, 0);
}

static GtkWidget *
change_row (FwEditForm          *self,
            const FwFieldChange *change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  FwCountries *countries = fw_dataset_get_countries (dataset_of (self));
  g_autofree char *old_text = fw_field_format_value (change->field, change->old_value, countries);
  g_autofree char *new_text = fw_field_format_value (change->field, change->new_value, countries);
  /* Translators: a field's value before and after one change */
  g_autofree char *values = g_strdup_printf (_("%s → %s"), old_text, new_text);
  g_autofree char *time = fw_edit_format_time (change->time);
  g_autoptr(GString) about = g_string_new (time);
  GtkWidget *label;

  if (change->reason != NULL)
    g_string_append_printf (about, " · %s", change->reason);
  if (change->source->location != NULL)
    g_string_append_printf (about, "\n%s", change->source->location);
  if (change->source->section != NULL)
    g_string_append_printf (about, ", %s", change->source->section);
  if (change->source->accessed != NULL)
    /* Translators: when a source was read */
    g_string_append_printf (about, _(", accessed %s"), change->source->accessed);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = gtk_label_new (values);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (about->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
refresh_history (FwEditForm *self,
                 Field      *field)
{
  g_autoptr(GArray) changes = fw_history_get_field_changes (fw_document_get_history (self->document),
                                                             self->table, (guint) self->row,
                                                             field->field, field->column);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (field->changes))) != NULL)
    gtk_list_box_remove (field->changes, child);

  /* Newest first. */
  for (guint i = changes->len; i-- > 0;)
    gtk_list_box_append (field->changes, change_row (self, &g_array_index (changes, FwFieldChange, i)));

  field->n_changes = changes->len;
  gtk_widget_set_visible (GTK_WIDGET (field->history), changes->len > 0);
  {
    g_autofree char *tooltip = g_strdup_printf (ngettext ("History: %u change", "History: %u changes", changes->len),
                                                changes->len);
    gtk_widget_set_tooltip_text (GTK_WIDGET (field->history), tooltip);
  }
}

static void
refresh (FwEditForm *self)
{
  FwDataset *dataset = dataset_of (self);
  gint row = fw_history_find_key (fw_document_get_history (self->document), self->table, self->key);

  if (row != self->row)
    {
      self->row = row;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box), row >= 0);
  if (row < 0)
    {
      adw_preferences_group_set_description (self->group, _("This record was deleted; undo brings it back."));
      return;
    }
  adw_preferences_group_set_description (self->group, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *text = fw_dataset_get_field_text (dataset, self->table, (guint) row, field->field,
                                                         extra_index (self, field));

      gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
      gtk_widget_remove_css_class (GTK_WIDGET (field->entry), "error");
      refresh_history (self, field);
    }
}

static Field *
field_of (FwEditForm  *self,
          AdwEntryRow *entry)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, Field, i).entry == entry)
      return &g_array_index (self->fields, Field, i);

  return NULL;
}

/* As the person types: red and a tooltip saying what to type instead. */
static void
on_entry_changed (FwEditForm  *self,
                  AdwEntryRow *entry)
{
  Field *field = field_of (self, entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;

  if (field == NULL || self->row < 0)
    return;

  if (fw_dataset_parse_field (dataset_of (self), self->table, self->row, field->field,
                              gtk_editable_get_text (GTK_EDITABLE (entry)), &raw, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
}

static void
on_entry_apply (FwEditForm  *self,
                AdwEntryRow *entry)
{
  Field *field = field_of (self, entry);

  if (field == NULL || self->row < 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "doc.set-field", "(uuuus)",
                              (guint) self->table, (guint) self->row, (guint) field->field,
                              extra_index (self, field), gtk_editable_get_text (GTK_EDITABLE (entry)));
  /* A value the session refused stays red; an accepted one is reread. */
  refresh (self);
}

static void
on_merge_apply (FwEditForm  *self,
                AdwEntryRow *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  guint64 drop;

  if (self->row < 0)
    return;

  if (!fw_dataset_parse_field (dataset_of (self), FW_TABLE_EXHIBITIONS, -1, FW_FIELD_EXHIBITION_FIRM,
                               gtk_editable_get_text (GTK_EDITABLE (entry)), &raw, &error) ||
      (drop = g_ascii_strtoull (raw, NULL, 10)) == (guint64) self->row)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry),
                                   error != NULL ? error->message : _("A firm cannot be merged into itself"));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "doc.merge-firms", "(uu)", (guint) self->row, (guint) drop);
}

static void
add_field (FwEditForm *self,
           FwField     field_id,
           const char *column)
{
  Field field = { 0 };
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  field.field = field_id;
  field.column = g_strdup (column);
  field.entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.entry),
                                 column != NULL ? column : fw_field_get_label (field_id));
  adw_entry_row_set_show_apply_button (field.entry, TRUE);

  field.changes = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (field.changes, GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (field.changes));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  field.history = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (field.history, "document-open-recent-symbolic");
  gtk_menu_button_set_popover (field.history, popover);
  gtk_widget_set_valign (GTK_WIDGET (field.history), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (field.history), "flat");
  adw_entry_row_add_suffix (field.entry, GTK_WIDGET (field.history));

  g_signal_connect_swapped (field.entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (field.entry, "apply", G_CALLBACK (on_entry_apply), self);
  adw_preferences_group_add (self->group, GTK_WIDGET (field.entry));
  g_array_append_val (self->fields, field);
}

static GtkWidget *
record_button (const char *icon_name,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
on_row_notify (FwEditForm *self)
{
  GtkWidget *box = adw_preferences_group_get_header_suffix (self->group);
  GtkWidget *child;

  /* The buttons name the record by its row, which edits may move. */
  for (child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (self->row >= 0)
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child),
                                              g_variant_new ("(uu)", self->table, (guint) self->row));
}

GtkWidget *
fw_edit_form_new (FwDocument *document,
                  FwTable     table,
                  guint       row)
{
  static const FwField firsts[] = { FW_FIELD_FIRM_NAME, FW_FIELD_FAIR_NAME, FW_FIELD_EXHIBITION_FIRM };
  static const FwField lasts[] = { FW_FIELD_FIRM_SOURCE, FW_FIELD_FAIR_CITY, FW_FIELD_EXHIBITION_NOTE };
  FwEditForm *self;
  FwDataset *dataset;
  GtkWidget *buttons;
  GVariant *target;

  g_return_val_if_fail (FW_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (row < fw_dataset_get_n_rows (fw_document_get_dataset (document), table), NULL);

  self = g_object_new (FW_TYPE_EDIT_FORM, NULL);
  self->document = g_object_ref (document);
  self->table = table;
  self->key = fw_history_get_key (fw_document_get_history (document), table, row);
  self->row = (gint) row;
  dataset = fw_document_get_dataset (document);

  self->fields_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Record"));
  gtk_box_append (self->fields_box, GTK_WIDGET (self->group));

  target = g_variant_new ("(uu)", table, row);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (buttons), record_button ("edit-copy-symbolic", _("Duplicate"),
                                                    "doc.duplicate-record", target));
  gtk_box_append (GTK_BOX (buttons), record_button ("user-trash-symbolic", _("Delete"),
                                                    "doc.delete-record", target));
  adw_preferences_group_set_header_suffix (self->group, buttons);

  /* The id first, where a table keeps it. */
  if (table != FW_TABLE_EXHIBITIONS)
    add_field (self, table == FW_TABLE_FIRMS ? FW_FIELD_FIRM_ID : FW_FIELD_FAIR_ID, NULL);
  for (FwField f = firsts[table]; f <= lasts[table]; f++)
    add_field (self, f, NULL);
  for (guint c = 0; c < fw_dataset_get_n_extra (dataset, table); c++)
    add_field (self, FW_FIELD_EXTRA, fw_dataset_get_extra_name (dataset, table, c));

  if (table == FW_TABLE_FIRMS)
    {
      AdwPreferencesGroup *merge = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (merge, _("Same Firm"));
      adw_preferences_group_set_description (merge, _("Type the id or name of a firm that is this one under "
                                                      "another name: its exhibitions move here and it goes."));
      self->merge_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->merge_entry), _("Merge into this firm"));
      adw_entry_row_set_show_apply_button (self->merge_entry, TRUE);
      g_signal_connect_swapped (self->merge_entry, "apply", G_CALLBACK (on_merge_apply), self);
      adw_preferences_group_add (merge, GTK_WIDGET (self->merge_entry));
      gtk_box_append (self->fields_box, GTK_WIDGET (merge));
    }

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->fields_box));
  g_signal_connect_swapped (document, "edited", G_CALLBACK (refresh), self);
  g_signal_connect (self, "notify::row", G_CALLBACK (on_row_notify), NULL);
  refresh (self);

  return GTK_WIDGET (self);
}

gint
fw_edit_form_get_row (FwEditForm *self)
{
  g_return_val_if_fail (FW_IS_EDIT_FORM (self), -1);

  return self->row;
}

static Field *
find_field (FwEditForm *self,
            FwField     field,
            const char *column)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);

      if (f->field == field && g_strcmp0 (f->column, column) == 0)
        return f;
    }

  return NULL;
}

AdwEntryRow *
fw_edit_form_get_entry (FwEditForm *self,
                        FwField     field,
                        const char *column)
{
  Field *f;

  g_return_val_if_fail (FW_IS_EDIT_FORM (self), NULL);

  f = find_field (self, field, column);

  return f != NULL ? f->entry : NULL;
}

guint
fw_edit_form_get_n_changes (FwEditForm *self,
                            FwField     field,
                            const char *column)
{
  Field *f;

  g_return_val_if_fail (FW_IS_EDIT_FORM (self), 0);

  f = find_field (self, field, column);

  return f != NULL ? f->n_changes : 0;
}
