/* fw-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-record"

#include "config.h"

#include "fw-record.h"
#include "fw-record-list.h"

struct _FwRecord
{
  GObject        parent_instance;

  FwRecordList  *list;
  FwTable        table;
  guint          position;
  guint          row;

  /* Probes only (see fw_field_sorter_probe). */
  gboolean       is_probe;
  FwFieldSorter *last_called;
  FwFieldSorter *const *found;
  guint          n_found;
};

G_DEFINE_FINAL_TYPE (FwRecord, fw_record, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fw_record_dispose (GObject *object)
{
  FwRecord *self = (FwRecord *)object;

  if (self->list != NULL)
    fw_record_list_forget (self->list, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (fw_record_parent_class)->dispose (object);
}

static void
fw_record_class_init (FwRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_record_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fw_record_init (FwRecord *self)
{
}

FwRecord *
fw_record_new (FwRecordList *list,
               FwTable       table,
               guint         position,
               guint         row)
{
  FwRecord *self;

  g_return_val_if_fail (FW_IS_RECORD_LIST (list), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);

  self = g_object_new (FW_TYPE_RECORD, NULL);
  self->list = g_object_ref (list);
  self->table = table;
  self->position = position;
  self->row = row;

  return self;
}

FwRecordList *
fw_record_get_list (FwRecord *self)
{
  g_return_val_if_fail (FW_IS_RECORD (self), NULL);

  return self->list;
}

FwTable
fw_record_get_table (FwRecord *self)
{
  g_return_val_if_fail (FW_IS_RECORD (self), FW_TABLE_FIRMS);

  return self->table;
}

guint
fw_record_get_position (FwRecord *self)
{
  g_return_val_if_fail (FW_IS_RECORD (self), 0);

  return self->position;
}

guint
fw_record_get_row (FwRecord *self)
{
  g_return_val_if_fail (FW_IS_RECORD (self), 0);

  return self->row;
}

void
fw_record_set_row (FwRecord *self,
                   guint     row)
{
  g_return_if_fail (FW_IS_RECORD (self));

  self->row = row;
}

void
fw_record_detach (FwRecord *self)
{
  g_return_if_fail (FW_IS_RECORD (self));

  self->position = G_MAXUINT;
}

void
fw_record_emit_changed (FwRecord *self)
{
  g_return_if_fail (FW_IS_RECORD (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

struct _FwFieldSorter
{
  GtkSorter parent_instance;

  FwField   field;
  guint     extra;
};

G_DEFINE_FINAL_TYPE (FwFieldSorter, fw_field_sorter, GTK_TYPE_SORTER)

static GtkOrdering
fw_field_sorter_compare (GtkSorter *sorter,
                         gpointer   item1,
                         gpointer   item2)
{
  FwFieldSorter *self = FW_FIELD_SORTER (sorter);
  FwRecord *a = item1;
  FwRecord *b = item2;

  g_return_val_if_fail (FW_IS_RECORD (a) && FW_IS_RECORD (b), GTK_ORDERING_EQUAL);

  if (a->is_probe || b->is_probe)
    {
      FwRecord *probe = a->is_probe ? a : b;

      for (guint i = 0; i < probe->n_found; i++)
        if (probe->found[i] == self)
          return GTK_ORDERING_EQUAL;

      probe->last_called = self;
      return GTK_ORDERING_LARGER;
    }

  if (a->list != b->list || a->table != b->table)
    return GTK_ORDERING_EQUAL;

  return fw_record_list_compare_rows (a->list, self->field, self->extra, a->row, b->row);
}

static GtkSorterOrder
fw_field_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
fw_field_sorter_class_init (FwFieldSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = fw_field_sorter_compare;
  sorter_class->get_order = fw_field_sorter_get_order;
}

static void
fw_field_sorter_init (FwFieldSorter *self)
{
}

GtkSorter *
fw_field_sorter_new (FwField field,
                     guint   extra)
{
  FwFieldSorter *self;

  g_return_val_if_fail (field != FW_N_FIELDS, NULL);

  self = g_object_new (FW_TYPE_FIELD_SORTER, NULL);
  self->field = field;
  self->extra = field == FW_FIELD_EXTRA ? extra : 0;

  return GTK_SORTER (self);
}

FwField
fw_field_sorter_get_field (FwFieldSorter *self)
{
  g_return_val_if_fail (FW_IS_FIELD_SORTER (self), FW_FIELD_EXTRA);

  return self->field;
}

guint
fw_field_sorter_get_extra (FwFieldSorter *self)
{
  g_return_val_if_fail (FW_IS_FIELD_SORTER (self), 0);

  return self->extra;
}

guint
fw_field_sorter_probe (GtkSorter      *view_sorter,
                       FwFieldSorter **sorters,
                       GtkSortType    *orders,
                       guint           max)
{
  g_autoptr(FwRecord) probe_a = NULL;
  g_autoptr(FwRecord) probe_b = NULL;
  guint n = 0;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), 0);
  g_return_val_if_fail (max == 0 || sorters != NULL, 0);

  probe_a = g_object_new (FW_TYPE_RECORD, NULL);
  probe_b = g_object_new (FW_TYPE_RECORD, NULL);
  probe_a->is_probe = TRUE;
  probe_b->is_probe = TRUE;
  probe_a->found = (FwFieldSorter *const *) sorters;
  probe_b->found = (FwFieldSorter *const *) sorters;

  while (n < max)
    {
      GtkOrdering result;

      probe_a->last_called = probe_b->last_called = NULL;
      probe_a->n_found = probe_b->n_found = n;

      result = gtk_sorter_compare (view_sorter, probe_a, probe_b);
      if (result == GTK_ORDERING_EQUAL || probe_a->last_called == NULL)
        break;

      sorters[n] = probe_a->last_called;
      if (orders != NULL)
        orders[n] = result == GTK_ORDERING_SMALLER ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
      n++;
    }

  return n;
}
