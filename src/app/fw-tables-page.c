/* fw-tables-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-tables-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-tables-page.h"

struct _FwTablesPage
{
  AdwBin       parent_instance;

  FwExplorer  *explorer;
  GtkStack    *stack;
  FwTableView *views[FW_N_TABLES];
};

G_DEFINE_FINAL_TYPE (FwTablesPage, fw_tables_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fw_tables_page_dispose (GObject *object)
{
  FwTablesPage *self = (FwTablesPage *)object;

  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_tables_page_parent_class)->dispose (object);
}

static void
fw_tables_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwTablesPage *self = FW_TABLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_tables_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FwTablesPage *self = FW_TABLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      fw_tables_page_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_tables_page_class_init (FwTablesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_tables_page_dispose;
  object_class->get_property = fw_tables_page_get_property;
  object_class->set_property = fw_tables_page_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_edit_toggled (FwTablesPage    *self,
                 GtkToggleButton *button)
{
  for (guint t = 0; t < FW_N_TABLES; t++)
    fw_table_view_set_editable (self->views[t], gtk_toggle_button_get_active (button));
}

static GtkWidget *
make_edit_toggle (FwTablesPage *self)
{
  GtkWidget *toggle = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (toggle), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (toggle, _("Edit cells: click a cell to change it; Enter applies, Escape cancels"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Cells"), -1);
  g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (on_edit_toggled), self);

  return toggle;
}

static void
on_record_button (FwTablesPage *self,
                  GtkButton    *button)
{
  const char *action = g_object_get_data (G_OBJECT (button), "fw-action");
  FwTable table = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fw-table"));
  gint row = fw_table_view_get_selected_row (self->views[table]);

  if (g_str_equal (action, "doc.add-record"))
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(ui)", (guint) table, row);
  else if (row >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(uu)", (guint) table, (guint) row);
}

static GtkWidget *
make_record_buttons (FwTablesPage *self,
                     FwTable       table)
{
  static const struct { const char *icon; const char *tooltip; const char *action; } buttons[] = {
    { "list-add-symbolic", N_("Add a record to this table"), "doc.add-record" },
    { "edit-copy-symbolic", N_("Duplicate the selected record"), "doc.duplicate-record" },
    { "user-trash-symbolic", N_("Delete the selected record (a firm or fair with its exhibitions)"),
      "doc.delete-record" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon);

      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      g_object_set_data (G_OBJECT (button), "fw-action", (gpointer) buttons[i].action);
      g_object_set_data (G_OBJECT (button), "fw-table", GUINT_TO_POINTER (table));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_record_button), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

/* Each table's own row holds its editing tools, so that the tabs above
 * keep the room they need in a narrow window; the three pencils are one. */
static void
add_tools (FwTablesPage *self)
{
  GtkWidget *first = NULL;

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      GtkWidget *toggle = make_edit_toggle (self);

      if (first == NULL)
        first = toggle;
      else
        g_object_bind_property (first, "active", toggle, "active", G_BINDING_BIDIRECTIONAL);
      fw_table_view_add_tool (self->views[t], toggle);
      fw_table_view_add_tool (self->views[t], make_record_buttons (self, t));
    }
}

static void
fw_tables_page_init (FwTablesPage *self)
{
  const char *names[FW_N_TABLES] = { "firms", "fairs", "exhibitions" };
  const char *titles[FW_N_TABLES] = {
    C_("table", "Firms"),
    C_("table", "Fairs"),
    C_("table", "Exhibitions"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      self->views[t] = FW_TABLE_VIEW (fw_table_view_new (t));
      gtk_stack_add_titled (self->stack, GTK_WIDGET (self->views[t]), names[t], titles[t]);
    }

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  add_tools (self);

  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}

FwTablesPage *
fw_tables_page_new (void)
{
  return g_object_new (FW_TYPE_TABLES_PAGE, NULL);
}

FwExplorer *
fw_tables_page_get_explorer (FwTablesPage *self)
{
  g_return_val_if_fail (FW_IS_TABLES_PAGE (self), NULL);

  return self->explorer;
}

void
fw_tables_page_set_explorer (FwTablesPage *self,
                             FwExplorer   *explorer)
{
  g_return_if_fail (FW_IS_TABLES_PAGE (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  if (!g_set_object (&self->explorer, explorer))
    return;

  for (guint t = 0; t < FW_N_TABLES; t++)
    fw_table_view_set_explorer (self->views[t], explorer);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

FwTableView *
fw_tables_page_get_view (FwTablesPage *self,
                         FwTable       table)
{
  g_return_val_if_fail (FW_IS_TABLES_PAGE (self), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);

  return self->views[table];
}

void
fw_tables_page_show_table (FwTablesPage *self,
                           FwTable       table)
{
  g_return_if_fail (FW_IS_TABLES_PAGE (self));
  g_return_if_fail (table < FW_N_TABLES);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->views[table]));
}

void
fw_tables_page_add_panel (FwTablesPage *self,
                          GtkWidget    *panel,
                          const char   *name,
                          const char   *title)
{
  g_return_if_fail (FW_IS_TABLES_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (panel));

  gtk_stack_add_titled (self->stack, panel, name, title);
}

GtkWidget *
fw_tables_page_get_panel (FwTablesPage *self,
                          const char   *name)
{
  g_return_val_if_fail (FW_IS_TABLES_PAGE (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

void
fw_tables_page_show_panel (FwTablesPage *self,
                           const char   *name)
{
  g_return_if_fail (FW_IS_TABLES_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, name);
}
