/* fw-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-record-list"

#include "config.h"

#include "fw-record-list-private.h"

static void fw_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FwRecordList, fw_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, fw_record_list_model_init))

enum {
  PROP_0,
  PROP_TABLE,
  PROP_EXPLORER,
  PROP_SEARCH,
  PROP_SORTER,
  N_PROPS
};

enum {
  CHANGING,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const FwField firm_fields[] = {
  FW_FIELD_FIRM_NAME,
  FW_FIELD_FIRM_HQ,
  FW_FIELD_FIRM_CONFIDENCE,
  FW_FIELD_KEPT_EXHIBITIONS,
  FW_FIELD_FIRM_WEBSITE,
  FW_FIELD_FIRM_NOTES,
};

static const FwField fair_fields[] = {
  FW_FIELD_FAIR_NAME,
  FW_FIELD_FAIR_HOST,
  FW_FIELD_FAIR_CITY,
  FW_FIELD_KEPT_FIRMS,
  FW_FIELD_KEPT_EXHIBITIONS,
};

/* An exhibition shows its firm's and fair's names and the fair's host:
 * fields of the other tables, reached through the exhibition's row. */
static const FwField exhibition_fields[] = {
  FW_FIELD_FIRM_NAME,
  FW_FIELD_FAIR_NAME,
  FW_FIELD_FAIR_HOST,
  FW_FIELD_EXHIBITION_YEAR,
  FW_FIELD_EXHIBITION_SOURCE,
  FW_FIELD_EXHIBITION_NOTE,
};

const FwField *
fw_record_list_get_fields (FwTable  table,
                           guint   *n_fields)
{
  g_return_val_if_fail (table < FW_N_TABLES, NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  switch (table)
    {
    case FW_TABLE_FIRMS:
      *n_fields = G_N_ELEMENTS (firm_fields);
      return firm_fields;
    case FW_TABLE_FAIRS:
      *n_fields = G_N_ELEMENTS (fair_fields);
      return fair_fields;
    case FW_TABLE_EXHIBITIONS:
    case FW_N_TABLES:
    default:
      *n_fields = G_N_ELEMENTS (exhibition_fields);
      return exhibition_fields;
    }
}

/* An exhibition's firm and fair read as their names. */
FwField
fw_record_list_canonical_field (FwField field)
{
  if (field == FW_FIELD_EXHIBITION_FIRM)
    return FW_FIELD_FIRM_NAME;
  if (field == FW_FIELD_EXHIBITION_FAIR)
    return FW_FIELD_FAIR_NAME;

  return field;
}

gboolean
fw_record_list_is_count_field (FwField field)
{
  return field == FW_FIELD_KEPT_EXHIBITIONS || field == FW_FIELD_KEPT_FIRMS;
}

FieldKind
fw_record_list_field_kind (FwField field)
{
  if (fw_record_list_is_count_field (field))
    return KIND_COUNT;

  switch (field)
    {
    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FAIR_HOST:
      return KIND_COUNTRY;
    case FW_FIELD_FIRM_CONFIDENCE:
      return KIND_CONFIDENCE;
    case FW_FIELD_EXHIBITION_YEAR:
      return KIND_YEAR;
    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FIRM_NAME:
    case FW_FIELD_FIRM_WEBSITE:
    case FW_FIELD_FIRM_NOTES:
    case FW_FIELD_FIRM_SOURCE:
    case FW_FIELD_FAIR_ID:
    case FW_FIELD_FAIR_NAME:
    case FW_FIELD_FAIR_CITY:
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
    case FW_FIELD_EXHIBITION_SOURCE:
    case FW_FIELD_EXHIBITION_NOTE:
    case FW_FIELD_EXTRA:
    case FW_N_FIELDS:
    default:
      return KIND_TEXT;
    }
}

/* The table whose rows hold the field's values. */
FwTable
fw_record_list_field_table (FwRecordList *self,
                            FwField       field)
{
  if (fw_record_list_is_count_field (field) || field == FW_FIELD_EXTRA)
    return self->table;

  return fw_field_get_table (field);
}

gboolean
fw_record_list_field_applies (FwRecordList *self,
                              FwField       field)
{
  if (field == FW_FIELD_KEPT_FIRMS)
    return self->table == FW_TABLE_FAIRS;
  if (field == FW_FIELD_KEPT_EXHIBITIONS)
    return self->table != FW_TABLE_EXHIBITIONS;
  if ((guint) field >= FW_N_FIELDS)
    return FALSE;

  return fw_record_list_field_table (self, field) == self->table || self->table == FW_TABLE_EXHIBITIONS;
}

static void
clear_counts (FwRecordList *self)
{
  g_clear_pointer (&self->kept_exhibitions, g_free);
  g_clear_pointer (&self->kept_firms, g_free);
  self->n_counts = 0;
}

/* Counts under the filter: a firm's kept exhibitions; a fair's kept
 * exhibitions and distinct kept firms, visiting exhibitions grouped by
 * firm so that a firm is counted once per fair with a stamp. */
static void
update_counts (FwRecordList *self)
{
  FwQuery *query = fw_explorer_get_query (self->explorer);
  const guint8 *mask = fw_query_get_exhibition_mask (query);
  FwColumns c;

  clear_counts (self);
  if (self->table == FW_TABLE_EXHIBITIONS)
    return;

  fw_dataset_get_columns (fw_record_list_get_dataset (self), &c);

  if (self->table == FW_TABLE_FIRMS)
    {
      self->n_counts = c.n_firms;
      self->kept_exhibitions = g_new0 (guint32, MAX (c.n_firms, 1));
      for (guint e = 0; e < c.n_exhibitions; e++)
        self->kept_exhibitions[c.exhibition_firm[e]] += mask[e];
      return;
    }

  {
    const guint32 *start;
    const guint32 *by_firm = fw_query_get_exhibitions_by_firm (query, &start);
    g_autofree guint32 *stamp = g_new0 (guint32, MAX (c.n_fairs, 1));

    self->n_counts = c.n_fairs;
    self->kept_exhibitions = g_new0 (guint32, MAX (c.n_fairs, 1));
    self->kept_firms = g_new0 (guint32, MAX (c.n_fairs, 1));

    for (guint f = 0; f < c.n_firms; f++)
      for (guint i = start[f]; i < start[f + 1]; i++)
        {
          guint e = by_firm[i];
          guint fair = c.exhibition_fair[e];

          if (!mask[e])
            continue;

          self->kept_exhibitions[fair]++;
          if (stamp[fair] != f + 1)
            {
              stamp[fair] = f + 1;
              self->kept_firms[fair]++;
            }
        }
  }
}

static void
collect_rows (FwRecordList *self)
{
  FwQuery *query = fw_explorer_get_query (self->explorer);
  FwDataset *dataset = fw_record_list_get_dataset (self);
  guint n = fw_dataset_get_n_rows (dataset, self->table);
  const guint8 *mask = NULL;
  gboolean keep_all = FALSE;
  FwRecordSearch search;

  if (self->table == FW_TABLE_FIRMS)
    mask = fw_query_get_firm_mask (query);
  else if (self->table == FW_TABLE_EXHIBITIONS)
    mask = fw_query_get_exhibition_mask (query);
  else
    keep_all = fw_filter_is_empty (fw_explorer_get_filter (self->explorer));

  if (self->folded_search != NULL)
    fw_record_search_init (&search, self);

  self->order = g_renew (guint32, self->order, MAX (n, 1));
  self->n_items = 0;

  for (guint row = 0; row < n; row++)
    {
      /* A fair is kept with a kept exhibition, or when nothing is filtered
       * (so that fairs nobody exhibited at are listed too). */
      gboolean kept = mask != NULL ? mask[row] != 0 : keep_all || self->kept_exhibitions[row] > 0;

      if (kept && (self->folded_search == NULL || fw_record_search_row (&search, row)))
        self->order[self->n_items++] = row;
    }

  if (self->folded_search != NULL)
    fw_record_search_clear (&search);
}

static void
recompute (FwRecordList *self)
{
  self->stale = FALSE;

  if (self->explorer == NULL)
    {
      clear_counts (self);
      self->n_items = 0;
    }
  else
    {
      fw_query_ensure_current (fw_explorer_get_query (self->explorer));
      fw_record_list_ensure_current (self);
      update_counts (self);
      collect_rows (self);
      fw_record_list_sort_rows (self);
    }
}

/* The records widgets hold for positions that stay take their new rows;
 * those past the new end are about to be removed, keep theirs and are
 * forgotten, so that a position shown again gets a new record (and GTK
 * a new binding). */
static void
refill_in_place (FwRecordList *self,
                 guint         old_n)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FwRecord *record = value;
      guint position = fw_record_get_position (record);

      if (position < MIN (old_n, self->n_items))
        {
          fw_record_set_row (record, self->order[position]);
          g_ptr_array_add (changed, g_object_ref (record));
        }
      else
        {
          fw_record_detach (record);
          g_hash_table_iter_remove (&iter);
        }
    }

  /* Handlers may drop the last reference, which edits the table. */
  for (guint i = 0; i < changed->len; i++)
    fw_record_emit_changed (g_ptr_array_index (changed, i));
}

static void
update (FwRecordList *self)
{
  guint old_n = self->n_items;

  /* A list nobody shows waits: a filter click then costs only what is
   * visible.  Reading it still gives current rows (see ensure_fresh). */
  if (self->deferred)
    {
      self->stale = TRUE;
      self->changed_while_deferred = TRUE;
      return;
    }

  self->changed_while_deferred = FALSE;
  g_signal_emit (self, signals[CHANGING], 0);
  recompute (self);
  refill_in_place (self, old_n);

  if (self->n_items < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n - self->n_items, 0);
  else if (self->n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
probe_sorter (FwRecordList *self)
{
  FwFieldSorter *sorters[MAX_SORT_LEVELS];
  GtkSortType orders[MAX_SORT_LEVELS];
  guint n = 0;

  self->n_levels = 0;
  if (self->sorter != NULL)
    n = fw_field_sorter_probe (self->sorter, sorters, orders, MAX_SORT_LEVELS);

  for (guint i = 0; i < n; i++)
    {
      FwField field = fw_record_list_canonical_field (fw_field_sorter_get_field (sorters[i]));

      if (!fw_record_list_field_applies (self, field))
        continue;

      self->levels[self->n_levels].field = field;
      self->levels[self->n_levels].extra = fw_field_sorter_get_extra (sorters[i]);
      self->levels[self->n_levels].order = orders[i];
      self->n_levels++;
    }
}

static void
on_sorter_changed (FwRecordList     *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  probe_sorter (self);
  update (self);
}

static GType
fw_record_list_get_item_type (GListModel *model)
{
  return FW_TYPE_RECORD;
}

/* Only while deferred, when no widget holds the list, so that nobody
 * misses an items-changed. */
static void
ensure_fresh (FwRecordList *self)
{
  if (self->stale)
    recompute (self);
}

void
fw_record_list_set_deferred (FwRecordList *self,
                             gboolean      deferred)
{
  g_return_if_fail (FW_IS_RECORD_LIST (self));

  self->deferred = !!deferred;
  if (!self->deferred && self->changed_while_deferred)
    update (self);
}

static guint
fw_record_list_get_n_items (GListModel *model)
{
  FwRecordList *self = FW_RECORD_LIST (model);

  ensure_fresh (self);

  return self->n_items;
}

static gpointer
fw_record_list_get_item (GListModel *model,
                         guint       position)
{
  FwRecordList *self = FW_RECORD_LIST (model);
  FwRecord *record;

  ensure_fresh (self);
  if (position >= self->n_items)
    return NULL;

  record = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (record != NULL)
    return g_object_ref (record);

  record = fw_record_new (self, self->table, position, self->order[position]);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), record);

  return record;
}

void
fw_record_list_forget (FwRecordList *self,
                       FwRecord     *record)
{
  gpointer position = GUINT_TO_POINTER (fw_record_get_position (record));

  g_return_if_fail (FW_IS_RECORD_LIST (self));

  if (g_hash_table_lookup (self->live, position) == record)
    g_hash_table_remove (self->live, position);
}

static void
fw_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fw_record_list_get_item_type;
  iface->get_n_items = fw_record_list_get_n_items;
  iface->get_item = fw_record_list_get_item;
}

static void
fw_record_list_dispose (GObject *object)
{
  FwRecordList *self = (FwRecordList *)object;

  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  if (self->explorer != NULL)
    g_signal_handlers_disconnect_by_data (self->explorer, self);
  g_clear_object (&self->sorter);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_record_list_parent_class)->dispose (object);
}

static void
fw_record_list_finalize (GObject *object)
{
  FwRecordList *self = (FwRecordList *)object;

  clear_counts (self);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->string_ids, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);

  G_OBJECT_CLASS (fw_record_list_parent_class)->finalize (object);
}

static void
fw_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwRecordList *self = FW_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_int (value, self->table);
      break;

    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_SORTER:
      g_value_set_object (value, self->sorter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_record_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FwRecordList *self = FW_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_int (value);
      break;

    case PROP_EXPLORER:
      fw_record_list_set_explorer (self, g_value_get_object (value));
      break;

    case PROP_SEARCH:
      fw_record_list_set_search (self, g_value_get_string (value));
      break;

    case PROP_SORTER:
      fw_record_list_set_sorter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_record_list_class_init (FwRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_record_list_dispose;
  object_class->finalize = fw_record_list_finalize;
  object_class->get_property = fw_record_list_get_property;
  object_class->set_property = fw_record_list_set_property;

  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL,
                      0, FW_N_TABLES - 1, FW_TABLE_FIRMS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL,
                         GTK_TYPE_SORTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwRecordList::changing:
   *
   * The list is about to change as a whole; positions are still those
   * of the old order, so that a selection can remember its row and clear
   * itself (GtkSingleSelection would otherwise look for its item among
   * all the new ones).
   */
  signals[CHANGING] =
    g_signal_new ("changing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * FwRecordList::changed:
   *
   * The rows have changed (in place and at the end) after "changing".
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fw_record_list_init (FwRecordList *self)
{
  self->generation = G_MAXUINT64;
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->string_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->live = g_hash_table_new (NULL, NULL);
}

FwRecordList *
fw_record_list_new (FwTable table)
{
  g_return_val_if_fail (table < FW_N_TABLES, NULL);

  return g_object_new (FW_TYPE_RECORD_LIST, "table", table, NULL);
}

FwTable
fw_record_list_get_table (FwRecordList *self)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), FW_TABLE_FIRMS);

  return self->table;
}

FwExplorer *
fw_record_list_get_explorer (FwRecordList *self)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), NULL);

  return self->explorer;
}

void
fw_record_list_set_explorer (FwRecordList *self,
                             FwExplorer   *explorer)
{
  g_return_if_fail (FW_IS_RECORD_LIST (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  if (!fw_explorer_replace (&self->explorer, explorer, self, G_CALLBACK (update)))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

const char *
fw_record_list_get_search (FwRecordList *self)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), NULL);

  return self->search;
}

void
fw_record_list_set_search (FwRecordList *self,
                           const char   *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (FW_IS_RECORD_LIST (self));

  if (search != NULL)
    {
      stripped = g_strstrip (g_strdup (search));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (self->search, stripped) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  g_clear_pointer (&self->folded_search, g_free);
  if (self->search != NULL)
    self->folded_search = fw_record_list_fold_for_search (self->search);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

GtkSorter *
fw_record_list_get_sorter (FwRecordList *self)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), NULL);

  return self->sorter;
}

void
fw_record_list_set_sorter (FwRecordList *self,
                           GtkSorter    *sorter)
{
  g_return_if_fail (FW_IS_RECORD_LIST (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (self->sorter == sorter)
    return;

  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);

  g_set_object (&self->sorter, sorter);

  if (sorter != NULL)
    g_signal_connect_object (sorter, "changed", G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);

  probe_sorter (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTER]);
}

gboolean
fw_record_list_get_sort_field (FwRecordList *self,
                               FwField      *field,
                               guint        *extra,
                               GtkSortType  *order)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), FALSE);

  if (self->n_levels == 0)
    return FALSE;

  if (field != NULL)
    *field = self->levels[0].field;
  if (extra != NULL)
    *extra = self->levels[0].extra;
  if (order != NULL)
    *order = self->levels[0].order;

  return TRUE;
}

guint
fw_record_list_get_n_total (FwRecordList *self)
{
  FwDataset *dataset;

  g_return_val_if_fail (FW_IS_RECORD_LIST (self), 0);

  dataset = fw_record_list_get_dataset (self);

  return dataset != NULL ? fw_dataset_get_n_rows (dataset, self->table) : 0;
}

guint
fw_record_list_get_row (FwRecordList *self,
                        guint         position)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), 0);

  ensure_fresh (self);
  g_return_val_if_fail (position < self->n_items, 0);

  return self->order[position];
}

guint
fw_record_list_find_row (FwRecordList *self,
                         guint         row)
{
  g_return_val_if_fail (FW_IS_RECORD_LIST (self), GTK_INVALID_LIST_POSITION);

  ensure_fresh (self);
  for (guint i = 0; i < self->n_items; i++)
    if (self->order[i] == row)
      return i;

  return GTK_INVALID_LIST_POSITION;
}
