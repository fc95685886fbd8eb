/* fw-changes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-changes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-changes-page.h"

/* The fields a person filters by, in the order of the tables. */
static const FwField filter_fields[] = {
  FW_FIELD_FIRM_NAME, FW_FIELD_FIRM_HQ, FW_FIELD_FIRM_CONFIDENCE, FW_FIELD_FIRM_WEBSITE,
  FW_FIELD_FIRM_NOTES, FW_FIELD_FIRM_SOURCE, FW_FIELD_FAIR_HOST, FW_FIELD_FAIR_CITY,
  FW_FIELD_EXHIBITION_FIRM, FW_FIELD_EXHIBITION_FAIR, FW_FIELD_EXHIBITION_YEAR, FW_FIELD_EXHIBITION_NOTE,
};

struct _FwChangesPage
{
  AdwBin          parent_instance;

  FwDocument     *document;
  char           *text;
  FwField         field;
  GArray         *shown;       /* guint64 edit ids, newest first */

  GtkSearchEntry *search;
  GtkDropDown    *field_choice;
  GtkLabel       *summary;
  GtkListBox     *list;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (FwChangesPage, fw_changes_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (FwChangesPage *self);

static void
fw_changes_page_dispose (GObject *object)
{
  FwChangesPage *self = (FwChangesPage *)object;

  fw_document_replace (&self->document, NULL, self, G_CALLBACK (rebuild));
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shown, g_array_unref);

  G_OBJECT_CLASS (fw_changes_page_parent_class)->dispose (object);
}

static void
fw_changes_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FwChangesPage *self = FW_CHANGES_PAGE (object);

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
fw_changes_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FwChangesPage *self = FW_CHANGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      fw_changes_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_changes_page_class_init (FwChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_changes_page_dispose;
  object_class->get_property = fw_changes_page_get_property;
  object_class->set_property = fw_changes_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FW_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static const char *
state_label (FwHistory   *history,
             FwEdit      *edit,
             FwEditState  state)
{
  switch (state)
    {
    case FW_EDIT_STATE_EARLIER:
      return _("Earlier session");
    case FW_EDIT_STATE_UNDONE:
      return _("Undone; Ctrl+Shift+Z redoes it");
    case FW_EDIT_STATE_SET_ASIDE:
      return _("Undone, then replaced by a new edit");
    case FW_EDIT_STATE_APPLIED:
    default:
      return fw_history_is_unsaved (history, edit) ? _("Not saved yet") : _("Saved");
    }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
matches (FwChangesPage *self,
         FwEdit        *edit)
{
  g_autofree char *description = NULL;
  const FwSource *source = fw_edit_get_source (edit);

  if (self->field != FW_N_FIELDS)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < fw_edit_get_n_changes (edit) && !found; i++)
        {
          FwFieldChange change;
          FwTable table;
          guint row;

          found = fw_edit_get_change (edit, i, &table, &row, &change) && change.field == self->field;
        }
      if (!found)
        return FALSE;
    }

  if (self->text == NULL || self->text[0] == '\0')
    return TRUE;

  description = fw_edit_describe (edit, fw_dataset_get_countries (fw_document_get_dataset (self->document)));

  return contains (description, self->text) || contains (fw_edit_get_record (edit), self->text) ||
         contains (fw_edit_get_reason (edit), self->text) || contains (source->location, self->text) ||
         contains (source->section, self->text);
}

static GtkWidget *
change_row (FwChangesPage *self,
            FwEdit        *edit,
            FwEditState    state)
{
  FwHistory *history = fw_document_get_history (self->document);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (state_label (history, edit, state));
  g_autofree char *description = fw_edit_describe (edit, fw_dataset_get_countries (fw_document_get_dataset (self->document)));
  g_autofree char *title = g_markup_escape_text (description, -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const FwSource *source = fw_edit_get_source (edit);

  /* Translators: a change's number in the list of changes */
  g_string_append_printf (subtitle, _("Change %u"), (guint) fw_edit_get_id (edit));
  if (fw_edit_get_time (edit) != NULL)
    {
      g_autofree char *time = fw_edit_format_time (fw_edit_get_time (edit));
      g_string_append_printf (subtitle, " · %s", time);
    }
  if (fw_edit_get_reason (edit) != NULL)
    g_string_append_printf (subtitle, " · %s", fw_edit_get_reason (edit));
  if (source->location != NULL)
    g_string_append_printf (subtitle, " · %s", source->location);
  if (source->section != NULL)
    g_string_append_printf (subtitle, ", %s", source->section);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  if (state == FW_EDIT_STATE_APPLIED || state == FW_EDIT_STATE_EARLIER)
    {
      GtkWidget *revert = gtk_button_new_with_label (_("Revert"));

      gtk_widget_set_valign (revert, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (revert, _("Put back what this change replaced, keeping later changes"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (revert), "doc.revert");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (revert),
                                              g_variant_new_uint64 (fw_edit_get_id (edit)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revert);
    }

  return row;
}

static void
rebuild (FwChangesPage *self)
{
  FwHistory *history;
  GtkWidget *child;
  guint n_edits, n_unsaved;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->shown, 0);

  if (self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  history = fw_document_get_history (self->document);
  n_edits = fw_history_get_n_edits (history);
  /* Applied edits newest first, then the undone ones. */
  for (guint i = n_edits; i-- > 0;)
    {
      FwEditState state;
      FwEdit *edit = fw_history_get_edit (history, i, &state);

      if (state != FW_EDIT_STATE_EARLIER && state != FW_EDIT_STATE_APPLIED)
        continue;
      if (matches (self, edit))
        {
          guint64 id = fw_edit_get_id (edit);

          gtk_list_box_append (self->list, change_row (self, edit, state));
          g_array_append_val (self->shown, id);
        }
    }
  for (guint i = 0; i < n_edits; i++)
    {
      FwEditState state;
      FwEdit *edit = fw_history_get_edit (history, i, &state);

      if ((state == FW_EDIT_STATE_UNDONE || state == FW_EDIT_STATE_SET_ASIDE) && matches (self, edit))
        {
          guint64 id = fw_edit_get_id (edit);

          gtk_list_box_append (self->list, change_row (self, edit, state));
          g_array_append_val (self->shown, id);
        }
    }

  n_unsaved = fw_history_get_n_unsaved (history);
  {
    g_autofree char *unsaved = g_strdup_printf (ngettext ("%u edit differs from the file as last saved",
                                                          "%u edits differ from the file as last saved",
                                                          n_unsaved), n_unsaved);
    gtk_label_set_label (self->summary, unsaved);
  }
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

static void
on_search_changed (FwChangesPage *self)
{
  fw_changes_page_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                              gtk_drop_down_get_selected (self->field_choice) == 0
                              ? FW_N_FIELDS
                              : filter_fields[gtk_drop_down_get_selected (self->field_choice) - 1]);
}

static void
fw_changes_page_init (FwChangesPage *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->field = FW_N_FIELDS;
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint64));

  gtk_string_list_append (choices, _("All fields"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_fields); i++)
    {
      FwTable table = fw_field_get_table (filter_fields[i]);
      const char *table_name = table == FW_TABLE_FIRMS ? C_("table", "Firms")
                             : table == FW_TABLE_FAIRS ? C_("table", "Fairs") : C_("table", "Exhibitions");
      /* Translators: a field in the changes filter, e.g. "Firms: HQ country" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), table_name, fw_field_get_label (filter_fields[i]));

      gtk_string_list_append (choices, label);
    }

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search record, reason or source"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  self->field_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->field_choice), _("Only changes of this field"));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->field_choice, "notify::selected", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->field_choice));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Edits made in the tables or in a firm’s record are listed here, with "
                                     "their reason and source."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");

  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary), 6);
  gtk_box_append (GTK_BOX (outer), bar);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), outer);
  rebuild (self);
}

FwChangesPage *
fw_changes_page_new (void)
{
  return g_object_new (FW_TYPE_CHANGES_PAGE, NULL);
}

void
fw_changes_page_set_document (FwChangesPage *self,
                              FwDocument    *document)
{
  g_return_if_fail (FW_IS_CHANGES_PAGE (self));
  g_return_if_fail (document == NULL || FW_IS_DOCUMENT (document));

  if (!fw_document_replace (&self->document, document, self, G_CALLBACK (rebuild)))
    return;
  /* Saving changes what differs from the file. */
  if (document != NULL)
    g_signal_connect_object (document, "notify::modified", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
fw_changes_page_set_filter (FwChangesPage *self,
                            const char    *text,
                            FwField        field)
{
  g_return_if_fail (FW_IS_CHANGES_PAGE (self));

  g_free (self->text);
  self->text = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  self->field = field;
  rebuild (self);
}

guint
fw_changes_page_get_n_shown (FwChangesPage *self)
{
  g_return_val_if_fail (FW_IS_CHANGES_PAGE (self), 0);

  return self->shown->len;
}

guint64
fw_changes_page_get_shown_id (FwChangesPage *self,
                              guint          index)
{
  g_return_val_if_fail (FW_IS_CHANGES_PAGE (self), 0);
  g_return_val_if_fail (index < self->shown->len, 0);

  return g_array_index (self->shown, guint64, index);
}
