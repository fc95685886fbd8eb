/* fw-table-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-app-resources.h"
#include "fw-edit.h"
#include "fw-edit-cell.h"
#include "fw-table-view.h"

struct _FwTableView
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkBox             *toolbar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;

  FwTable             table;
  FwExplorer         *explorer;
  FwRecordList       *list;
  GPtrArray          *extra_columns;   /* GtkColumnViewColumn */
  guint               selected_row;    /* kept across changes; G_MAXUINT for none */
  gboolean            editable;
};

G_DEFINE_FINAL_TYPE (FwTableView, fw_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  FwField      field;
  guint        extra;
  gboolean     numeric;
  FwField      edit_field;   /* FW_N_FIELDS: not editable here */
  FwTableView *view;
} Cell;

static const char *
column_title (FwTable table,
              FwField field)
{
  if (field == FW_FIELD_KEPT_EXHIBITIONS)
    return C_("column", "Exhibitions");
  if (field == FW_FIELD_KEPT_FIRMS)
    return C_("column", "Firms");

  if (field == FW_FIELD_FIRM_NAME && table != FW_TABLE_FIRMS)
    return C_("column", "Firm");
  if (field == FW_FIELD_FAIR_NAME && table != FW_TABLE_FAIRS)
    return C_("column", "Fair");

  return fw_field_get_label (field);
}

/* Fixed widths keep a column from growing to its longest visible cell
 * while scrolling; people resize from there. */
static int
column_width (FwTable table,
              FwField field)
{
  if (field == FW_FIELD_KEPT_EXHIBITIONS)
    return 110;
  if (field == FW_FIELD_KEPT_FIRMS)
    return 80;

  switch (field)
    {
    case FW_FIELD_FIRM_NAME:
    case FW_FIELD_FAIR_NAME:
      return table == FW_TABLE_EXHIBITIONS ? 240 : 280;
    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FAIR_HOST:
      return 150;
    case FW_FIELD_FIRM_CONFIDENCE:
      return 110;
    case FW_FIELD_EXHIBITION_YEAR:
      return 70;
    case FW_FIELD_FAIR_CITY:
      return 140;
    case FW_FIELD_FIRM_WEBSITE:
    case FW_FIELD_FIRM_SOURCE:
    case FW_FIELD_EXHIBITION_SOURCE:
      return 200;
    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FIRM_NOTES:
    case FW_FIELD_FAIR_ID:
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
    case FW_FIELD_EXHIBITION_NOTE:
    case FW_FIELD_EXTRA:
    case FW_N_FIELDS:
    default:
      return 220;
    }
}

/* What editing a column changes: an exhibition's firm and fair columns
 * show names but change the reference; a fair's host is changed on the
 * fair, not row by row on its exhibitions. */
static FwField
edit_field_for (FwTable table,
                FwField field)
{
  if (field == FW_FIELD_KEPT_EXHIBITIONS || field == FW_FIELD_KEPT_FIRMS)
    return FW_N_FIELDS;
  if (field == FW_FIELD_EXTRA)
    return FW_FIELD_EXTRA;
  if (table == FW_TABLE_EXHIBITIONS && field == FW_FIELD_FIRM_NAME)
    return FW_FIELD_EXHIBITION_FIRM;
  if (table == FW_TABLE_EXHIBITIONS && field == FW_FIELD_FAIR_NAME)
    return FW_FIELD_EXHIBITION_FAIR;

  return fw_field_get_table (field) == table ? field : FW_N_FIELDS;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Cell                     *cell)
{
  GtkWidget *label;

  if (cell->edit_field != FW_N_FIELDS)
    {
      gtk_list_item_set_child (item, fw_edit_cell_new (cell->numeric));
      return;
    }

  label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), cell->numeric ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "fw-cell");
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
}

static void
fill_cell (GtkListItem *item,
           FwRecord    *record)
{
  Cell *cell = g_object_get_data (G_OBJECT (item), "fw-cell");
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean unknown;

  if (FW_IS_EDIT_CELL (label))
    {
      FwEditCell *edit_cell = FW_EDIT_CELL (label);

      fw_edit_cell_set_target (edit_cell, fw_explorer_get_dataset (cell->view->explorer), cell->view->table,
                               fw_record_get_row (record), cell->edit_field, cell->extra);
      fw_edit_cell_set_editable (edit_cell, cell->view->editable);
      label = GTK_WIDGET (fw_edit_cell_get_label (edit_cell));
    }

  text = fw_record_list_get_text (fw_record_get_list (record), fw_record_get_row (record),
                                  cell->field, cell->extra, &unknown);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (unknown)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* The record follows its position when the list changes in place. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Cell                     *cell)
{
  FwRecord *record = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "fw-cell", cell);
  fill_cell (item, record);
  g_signal_connect_object (record, "changed", G_CALLBACK (fill_cell), item, G_CONNECT_SWAPPED);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Cell                     *cell)
{
  FwRecord *record = gtk_list_item_get_item (item);

  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, fill_cell, item);
}

static GtkColumnViewColumn *
add_column (FwTableView *self,
            const char  *title,
            FwField      field,
            guint        extra,
            int          width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = fw_field_sorter_new (field, extra);
  GtkColumnViewColumn *column;
  Cell *cell = g_new0 (Cell, 1);

  cell->field = field;
  cell->extra = extra;
  cell->view = self;
  cell->edit_field = edit_field_for (self->table, field);
  cell->numeric = field == FW_FIELD_KEPT_EXHIBITIONS || field == FW_FIELD_KEPT_FIRMS ||
                  field == FW_FIELD_EXHIBITION_YEAR;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), cell);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), cell, (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), cell);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

static void
add_fixed_columns (FwTableView *self)
{
  const FwField *fields;
  guint n_fields;

  fields = fw_record_list_get_fields (self->table, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkColumnViewColumn *column = add_column (self, column_title (self->table, fields[i]), fields[i], 0,
                                                column_width (self->table, fields[i]));

      /* The last column takes what room is left. */
      if (i == n_fields - 1)
        gtk_column_view_column_set_expand (column, TRUE);
    }
}

static void
update_extra_columns (FwTableView *self)
{
  FwDataset *dataset = self->explorer != NULL ? fw_explorer_get_dataset (self->explorer) : NULL;
  guint n_extra = dataset != NULL ? fw_dataset_get_n_extra (dataset, self->table) : 0;

  for (guint i = 0; i < self->extra_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->extra_columns, i));
  g_ptr_array_set_size (self->extra_columns, 0);

  for (guint i = 0; i < n_extra; i++)
    {
      const char *name = fw_dataset_get_extra_name (dataset, self->table, i);

      g_ptr_array_add (self->extra_columns, add_column (self, name, FW_FIELD_EXTRA, i, 160));
    }
}

static char *
count_text (FwTable table,
            guint   shown,
            guint   total)
{
  g_autofree char *shown_text = g_strdup_printf ("%'u", shown);
  g_autofree char *total_text = g_strdup_printf ("%'u", total);

  switch (table)
    {
    case FW_TABLE_FIRMS:
      /* Translators: rows shown out of all, e.g. "1,234 of 50,000 firms" */
      return g_strdup_printf (ngettext ("%s of %s firm", "%s of %s firms", total), shown_text, total_text);
    case FW_TABLE_FAIRS:
      /* Translators: rows shown out of all, e.g. "12 of 45 fairs" */
      return g_strdup_printf (ngettext ("%s of %s fair", "%s of %s fairs", total), shown_text, total_text);
    case FW_TABLE_EXHIBITIONS:
    case FW_N_TABLES:
    default:
      /* Translators: rows shown out of all, e.g. "1,234 of 50,000 exhibitions" */
      return g_strdup_printf (ngettext ("%s of %s exhibition", "%s of %s exhibitions", total),
                              shown_text, total_text);
    }
}

static void
update_count (FwTableView *self)
{
  g_autofree char *text = NULL;

  if (self->explorer == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  text = count_text (self->table,
                     g_list_model_get_n_items (G_LIST_MODEL (self->list)),
                     fw_record_list_get_n_total (self->list));
  gtk_label_set_label (self->count_label, text);
}

static gboolean
is_attached (FwTableView *self)
{
  return gtk_single_selection_get_model (self->selection) != NULL;
}

static void
remember_selection (FwTableView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  self->selected_row = G_MAXUINT;
  if (position != GTK_INVALID_LIST_POSITION && position < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    self->selected_row = fw_record_list_get_row (self->list, position);
}

static void
restore_selection (FwTableView *self)
{
  guint found;

  if (self->selected_row == G_MAXUINT || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  found = fw_record_list_find_row (self->list, self->selected_row);
  self->selected_row = G_MAXUINT;
  if (found != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, found);
}

/* Rows are made only while the table is shown: a hidden one would build
 * a screenful of row widgets again for every click elsewhere. */
static void
set_attached (FwTableView *self,
              gboolean     attached)
{
  if (attached == is_attached (self))
    return;

  if (attached)
    {
      fw_record_list_set_deferred (self->list, FALSE);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
      restore_selection (self);
    }
  else
    {
      remember_selection (self);
      gtk_single_selection_set_model (self->selection, NULL);
      fw_record_list_set_deferred (self->list, TRUE);
    }
}

/* GtkSingleSelection looks for its selected item among all the new items
 * when a list changes as a whole, making an object per row; so the
 * selection is cleared before and its row selected again after. */
static void
on_list_changing (FwTableView  *self,
                  FwRecordList *list)
{
  if (!is_attached (self))
    return;

  remember_selection (self);
  if (self->selected_row != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_list_changed (FwTableView  *self,
                 FwRecordList *list)
{
  if (is_attached (self))
    restore_selection (self);

  update_count (self);
}

/* One handler for the whole view: setting a tooltip on each cell as it
 * is bound asks the X server where the pointer is, every time. */
static gboolean
on_query_tooltip (FwTableView   *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  GtkColumnView *column_view)
{
  GtkWidget *widget;
  PangoLayout *layout;

  if (keyboard)
    return FALSE;

  widget = gtk_widget_pick (GTK_WIDGET (column_view), x, y, GTK_PICK_DEFAULT);
  while (widget != NULL && !gtk_widget_has_css_class (widget, "fw-cell"))
    widget = widget == GTK_WIDGET (column_view) ? NULL : gtk_widget_get_parent (widget);
  if (widget == NULL)
    return FALSE;

  /* Only text that does not fit needs telling again. */
  layout = gtk_label_get_layout (GTK_LABEL (widget));
  if (!pango_layout_is_ellipsized (layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (widget)));
  {
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (widget, GTK_WIDGET (column_view), &bounds))
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height
                                });
  }

  return TRUE;
}

static void
on_search_changed (FwTableView    *self,
                   GtkSearchEntry *entry)
{
  fw_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (FwTableView    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_activate (FwTableView   *self,
             guint          position,
             GtkColumnView *column_view)
{
  fw_table_view_activate_row (self, position);
}

static void
fw_table_view_constructed (GObject *object)
{
  FwTableView *self = (FwTableView *)object;
  const char *placeholder;

  G_OBJECT_CLASS (fw_table_view_parent_class)->constructed (object);

  /* "changing" and "changed" bracket the selection's own handling of a
   * change; the selection gets the list when the view is mapped. */
  self->list = fw_record_list_new (self->table);
  g_signal_connect_object (self->list, "changing", G_CALLBACK (on_list_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "changed", G_CALLBACK (on_list_changed), self, G_CONNECT_SWAPPED);

  add_fixed_columns (self);
  fw_record_list_set_sorter (self->list, gtk_column_view_get_sorter (self->column_view));
  fw_record_list_set_deferred (self->list, TRUE);

  switch (self->table)
    {
    case FW_TABLE_FIRMS:
      placeholder = _("Search firms");
      break;
    case FW_TABLE_FAIRS:
      placeholder = _("Search fairs");
      break;
    case FW_TABLE_EXHIBITIONS:
    case FW_N_TABLES:
    default:
      placeholder = _("Search exhibitions");
      break;
    }
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->column_view), TRUE);
  g_signal_connect_object (self->column_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
}

static void
fw_table_view_map (GtkWidget *widget)
{
  FwTableView *self = FW_TABLE_VIEW (widget);

  set_attached (self, TRUE);

  GTK_WIDGET_CLASS (fw_table_view_parent_class)->map (widget);
}

static void
fw_table_view_unmap (GtkWidget *widget)
{
  FwTableView *self = FW_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (fw_table_view_parent_class)->unmap (widget);

  set_attached (self, FALSE);
}

static void
fw_table_view_dispose (GObject *object)
{
  FwTableView *self = (FwTableView *)object;
  GtkWidget *child;

  /* Emptied first, so that forgetting the sorter re-sorts nothing. */
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      fw_record_list_set_explorer (self->list, NULL);
      fw_record_list_set_sorter (self->list, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_TABLE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->extra_columns, g_ptr_array_unref);
  g_clear_object (&self->list);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_table_view_parent_class)->dispose (object);
}

static void
fw_table_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwTableView *self = FW_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_int (value, self->table);
      break;

    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_table_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwTableView *self = FW_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_int (value);
      break;

    case PROP_EXPLORER:
      fw_table_view_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_table_view_class_init (FwTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fw_table_view_constructed;
  object_class->dispose = fw_table_view_dispose;
  object_class->get_property = fw_table_view_get_property;
  object_class->set_property = fw_table_view_set_property;

  widget_class->map = fw_table_view_map;
  widget_class->unmap = fw_table_view_unmap;

  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL,
                      0, FW_N_TABLES - 1, FW_TABLE_FIRMS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Resources in a static library are registered only when something
   * references them; the widget may be used without FwApplication. */
  (void) fw_app_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FwTableView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, FwTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwTableView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FwTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, FwTableView, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_css_name (widget_class, "fw-table-view");
}

static void
fw_table_view_init (FwTableView *self)
{
  self->selected_row = G_MAXUINT;
  self->extra_columns = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fw_table_view_new (FwTable table)
{
  g_return_val_if_fail (table < FW_N_TABLES, NULL);

  return g_object_new (FW_TYPE_TABLE_VIEW, "table", table, NULL);
}

FwTable
fw_table_view_get_table (FwTableView *self)
{
  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), FW_TABLE_FIRMS);

  return self->table;
}

FwExplorer *
fw_table_view_get_explorer (FwTableView *self)
{
  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), NULL);

  return self->explorer;
}

static void
set_cells_editable (GtkWidget *widget,
                    gboolean   editable)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (FW_IS_EDIT_CELL (child))
        fw_edit_cell_set_editable (FW_EDIT_CELL (child), editable);
      else
        set_cells_editable (child, editable);
    }
}

void
fw_table_view_set_editable (FwTableView *self,
                            gboolean     editable)
{
  g_return_if_fail (FW_IS_TABLE_VIEW (self));

  self->editable = !!editable;
  set_cells_editable (GTK_WIDGET (self->column_view), self->editable);
}

void
fw_table_view_add_tool (FwTableView *self,
                        GtkWidget   *tool)
{
  g_return_if_fail (FW_IS_TABLE_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (tool));

  gtk_box_append (self->toolbar, tool);
}

gboolean
fw_table_view_select_row (FwTableView *self,
                          guint        row)
{
  guint position;

  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), FALSE);

  position = fw_record_list_find_row (self->list, row);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if (!is_attached (self))
    {
      self->selected_row = row;
      return TRUE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  return TRUE;
}

gint
fw_table_view_get_selected_row (FwTableView *self)
{
  guint position;

  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), -1);

  if (!is_attached (self))
    return -1;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return -1;

  return (gint) fw_record_list_get_row (self->list, position);
}

void
fw_table_view_set_explorer (FwTableView *self,
                            FwExplorer  *explorer)
{
  g_return_if_fail (FW_IS_TABLE_VIEW (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  if (self->explorer == explorer)
    return;

  g_set_object (&self->explorer, explorer);

  /* The list empties first, so that removing columns does not sort rows
   * of the old dataset by a column of the new one. */
  fw_record_list_set_explorer (self->list, NULL);
  update_extra_columns (self);
  fw_record_list_set_explorer (self->list, explorer);
  update_count (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

FwRecordList *
fw_table_view_get_list (FwTableView *self)
{
  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), NULL);

  return self->list;
}

GtkColumnView *
fw_table_view_get_column_view (FwTableView *self)
{
  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), NULL);

  return self->column_view;
}

GtkColumnViewColumn *
fw_table_view_get_column (FwTableView *self,
                          FwField      field,
                          guint        extra)
{
  GListModel *columns;

  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), NULL);

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (FW_IS_FIELD_SORTER (sorter) &&
          fw_field_sorter_get_field (FW_FIELD_SORTER (sorter)) == field &&
          fw_field_sorter_get_extra (FW_FIELD_SORTER (sorter)) == (field == FW_FIELD_EXTRA ? extra : 0))
        return column;
    }

  return NULL;
}

void
fw_table_view_set_search (FwTableView *self,
                          const char  *text)
{
  g_return_if_fail (FW_IS_TABLE_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  fw_record_list_set_search (self->list, text);
}

const char *
fw_table_view_get_count_text (FwTableView *self)
{
  g_return_val_if_fail (FW_IS_TABLE_VIEW (self), NULL);

  return gtk_label_get_label (self->count_label);
}

void
fw_table_view_activate_row (FwTableView *self,
                            guint        position)
{
  FwDataset *dataset;
  guint row;

  g_return_if_fail (FW_IS_TABLE_VIEW (self));

  if (self->explorer == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;

  dataset = fw_explorer_get_dataset (self->explorer);
  row = fw_record_list_get_row (self->list, position);

  switch (self->table)
    {
    case FW_TABLE_FIRMS:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-firm", "u", row);
      break;

    case FW_TABLE_EXHIBITIONS:
      {
        FwExhibitionValues values;

        fw_dataset_get_exhibition (dataset, row, &values);
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-firm", "u", values.firm);
      }
      break;

    case FW_TABLE_FAIRS:
      fw_explorer_toggle_value (self->explorer, FW_FACET_FAIR, row);
      break;

    case FW_N_TABLES:
    default:
      g_assert_not_reached ();
    }
}
