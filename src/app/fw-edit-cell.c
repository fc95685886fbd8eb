/* fw-edit-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-edit-cell.h"
#include "fw-validate.h"

struct _FwEditCell
{
  GtkWidget  parent_instance;

  GtkStack  *stack;
  GtkLabel  *label;
  GtkEntry  *entry;

  FwDataset *dataset;    /* weak: the table's, which outlives its cells */
  FwTable    table;
  guint      row;
  FwField    field;
  guint      extra;
  gboolean   editable;
};

G_DEFINE_FINAL_TYPE (FwEditCell, fw_edit_cell, GTK_TYPE_WIDGET)

static void
fw_edit_cell_dispose (GObject *object)
{
  FwEditCell *self = (FwEditCell *)object;

  g_clear_weak_pointer (&self->dataset);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }

  G_OBJECT_CLASS (fw_edit_cell_parent_class)->dispose (object);
}

static void
fw_edit_cell_class_init (FwEditCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_edit_cell_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stop (FwEditCell *self)
{
  if (self->entry != NULL)
    gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label));
}

static void
on_activate (FwEditCell *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (gtk_widget_has_css_class (GTK_WIDGET (self->entry), "error"))
    return;

  stop (self);
  /* The edit redraws the table, this cell with it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "doc.set-field", "(uuuus)",
                              (guint) self->table, self->row, (guint) self->field, self->extra, text);
}

static void
on_changed (FwEditCell *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;

  if (self->dataset == NULL)
    return;

  if (fw_dataset_parse_field (self->dataset, self->table, (gint) self->row, self->field,
                              gtk_editable_get_text (GTK_EDITABLE (self->entry)), &raw, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), error->message);
    }
}

static gboolean
on_key (FwEditCell            *self,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  stop (self);
  return TRUE;
}

static void
on_pressed (FwEditCell      *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  if (!self->editable || gtk_stack_get_visible_child (self->stack) != GTK_WIDGET (self->label))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  fw_edit_cell_start (self);
}

/* The entry is made when a cell is first edited: a table shows two
 * hundred rows of cells, and an entry is a dozen widgets. */
static void
ensure_entry (FwEditCell *self)
{
  GtkEventController *key;
  GtkEventController *focus;

  if (self->entry != NULL)
    return;

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 4);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->entry));

  key = gtk_event_controller_key_new ();
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (stop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
}

static void
fw_edit_cell_init (FwEditCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->field = FW_N_FIELDS;

  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "fw-cell");

  /* The row keeps a label's height until the entry opens. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->label));
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
fw_edit_cell_new (gboolean numeric)
{
  FwEditCell *self = g_object_new (FW_TYPE_EDIT_CELL, NULL);

  if (numeric)
    {
      gtk_label_set_xalign (self->label, 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
    }

  return GTK_WIDGET (self);
}

GtkLabel *
fw_edit_cell_get_label (FwEditCell *self)
{
  g_return_val_if_fail (FW_IS_EDIT_CELL (self), NULL);

  return self->label;
}

GtkEntry *
fw_edit_cell_get_entry (FwEditCell *self)
{
  g_return_val_if_fail (FW_IS_EDIT_CELL (self), NULL);

  ensure_entry (self);

  return self->entry;
}

void
fw_edit_cell_set_target (FwEditCell *self,
                         FwDataset  *dataset,
                         FwTable     table,
                         guint       row,
                         FwField     field,
                         guint       extra)
{
  g_return_if_fail (FW_IS_EDIT_CELL (self));

  g_set_weak_pointer (&self->dataset, dataset);
  self->table = table;
  self->row = row;
  self->field = field;
  self->extra = extra;
  /* A recycled cell starts as a label. */
  stop (self);
}

void
fw_edit_cell_set_editable (FwEditCell *self,
                           gboolean    editable)
{
  g_return_if_fail (FW_IS_EDIT_CELL (self));

  /* Setting a tooltip asks the X server where the pointer is: not on
   * every refill of every cell. */
  if (self->editable == !!editable)
    return;
  self->editable = !!editable;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), editable ? _("Click to edit") : NULL);
}

void
fw_edit_cell_start (FwEditCell *self)
{
  g_return_if_fail (FW_IS_EDIT_CELL (self));

  if (!self->editable || self->dataset == NULL)
    return;

  ensure_entry (self);
  /* A dimmed label says "(unknown)": there is nothing to edit yet. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry),
                         gtk_widget_has_css_class (GTK_WIDGET (self->label), "dim-label")
                         ? "" : gtk_label_get_text (self->label));
  on_changed (self);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->entry));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
