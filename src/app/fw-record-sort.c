/* fw-record-sort.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-record-list"

#include "config.h"

#include <string.h>

#include "fw-record-list-private.h"

static gpointer
field_cache_key (FwField field,
                 guint   extra)
{
  return GUINT_TO_POINTER (((guint) field << 24) | (extra & 0xffffff));
}

/* Drops what was derived from an older version of the dataset. */
void
fw_record_list_ensure_current (FwRecordList *self)
{
  FwDataset *dataset = fw_record_list_get_dataset (self);
  guint64 generation = dataset != NULL ? fw_dataset_get_generation (dataset) : G_MAXUINT64;

  if (generation == self->generation)
    return;

  g_hash_table_remove_all (self->keys);
  g_hash_table_remove_all (self->string_ids);
  self->generation = generation;
}

/* Each row's string id in the pool: the strings are interned, so equal
 * text has equal ids and work per distinct string can be shared. */
const guint32 *
fw_record_list_get_string_ids (FwRecordList *self,
                               FwField       field,
                               guint         extra)
{
  FwDataset *dataset = fw_record_list_get_dataset (self);
  FwTable table = fw_record_list_field_table (self, field);
  gpointer cache_key = field_cache_key (field, extra);
  guint32 *ids;
  FwColumns c;
  FwStrPool *pool;

  fw_record_list_ensure_current (self);
  ids = g_hash_table_lookup (self->string_ids, cache_key);
  if (ids != NULL)
    return ids;

  fw_dataset_get_columns (dataset, &c);
  pool = fw_dataset_get_strings (dataset);

  if (field == FW_FIELD_FIRM_NAME)
    ids = g_memdup2 (c.firm_name, sizeof (guint32) * MAX (c.n_firms, 1));
  else if (field == FW_FIELD_FAIR_NAME)
    ids = g_memdup2 (c.fair_name, sizeof (guint32) * MAX (c.n_fairs, 1));
  else
    {
      guint n = fw_dataset_get_n_rows (dataset, table);

      ids = g_new0 (guint32, MAX (n, 1));
      for (guint row = 0; row < n; row++)
        {
          const char *text = fw_record_list_field_string (dataset, table, row, field, extra);

          if (text[0] != '\0' && !fw_str_pool_lookup (pool, text, &ids[row]))
            g_assert_not_reached ();
        }
    }

  g_hash_table_insert (self->string_ids, cache_key, ids);

  return ids;
}

/* Collation keys are made once per distinct string, not per row. */
static guint32 *
make_text_keys (FwRecordList *self,
                FwField       field,
                guint         extra)
{
  FwDataset *dataset = fw_record_list_get_dataset (self);
  FwStrPool *pool = fw_dataset_get_strings (dataset);
  guint n = fw_dataset_get_n_rows (dataset, fw_record_list_field_table (self, field));
  const guint32 *ids = fw_record_list_get_string_ids (self, field, extra);
  guint pool_size = fw_str_pool_get_size (pool);
  g_autofree guint32 *rank = g_new (guint32, MAX (pool_size, 1));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (FwCollateItem));
  guint32 *keys = g_new (guint32, MAX (n, 1));
  guint32 next = 0;

  memset (rank, 0xff, sizeof (guint32) * MAX (pool_size, 1));

  for (guint row = 0; row < n; row++)
    {
      guint32 id = ids[row];

      if (id != FW_STR_NONE && rank[id] == KEY_UNKNOWN)
        {
          FwCollateItem item = { g_utf8_collate_key (fw_str_pool_get (pool, id), -1), id };

          rank[id] = 0;
          g_array_append_val (items, item);
        }
    }

  g_array_sort (items, fw_collate_item_compare);
  for (guint i = 0; i < items->len; i++)
    {
      FwCollateItem *item = &g_array_index (items, FwCollateItem, i);

      /* Strings the locale collates as equal share a rank. */
      if (i > 0 && strcmp (item->key, g_array_index (items, FwCollateItem, i - 1).key) != 0)
        next++;
      rank[item->index] = next;
    }
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, FwCollateItem, i).key);

  for (guint row = 0; row < n; row++)
    keys[row] = ids[row] == FW_STR_NONE ? KEY_UNKNOWN : rank[ids[row]];

  return keys;
}

static guint32 *
make_keys (FwRecordList *self,
           FwField       field,
           guint         extra)
{
  FwDataset *dataset = fw_record_list_get_dataset (self);
  FwTable table = fw_record_list_field_table (self, field);
  guint n = fw_dataset_get_n_rows (dataset, table);
  guint32 *keys;
  FwColumns c;

  fw_dataset_get_columns (dataset, &c);

  if (field == FW_FIELD_FIRM_NAME || field == FW_FIELD_FAIR_NAME)
    {
      const guint32 *rank = fw_query_get_name_rank (fw_explorer_get_query (self->explorer), table);
      const guint32 *names = table == FW_TABLE_FIRMS ? c.firm_name : c.fair_name;

      keys = g_new (guint32, MAX (n, 1));
      for (guint row = 0; row < n; row++)
        keys[row] = names[row] == FW_STR_NONE ? KEY_UNKNOWN : rank[row];

      return keys;
    }

  switch (fw_record_list_field_kind (field))
    {
    case KIND_COUNTRY:
      {
        const guint16 *rank = fw_countries_get_name_rank (fw_dataset_get_countries (dataset));
        const guint16 *countries = table == FW_TABLE_FIRMS ? c.firm_hq : c.fair_host;

        keys = g_new (guint32, MAX (n, 1));
        for (guint row = 0; row < n; row++)
          keys[row] = countries[row] == FW_COUNTRY_UNKNOWN ? KEY_UNKNOWN : rank[countries[row]];
      }
      return keys;

    case KIND_CONFIDENCE:
      keys = g_new (guint32, MAX (n, 1));
      for (guint row = 0; row < n; row++)
        keys[row] = c.firm_confidence[row] == FW_CONFIDENCE_UNKNOWN ? KEY_UNKNOWN : c.firm_confidence[row];
      return keys;

    case KIND_YEAR:
      keys = g_new (guint32, MAX (n, 1));
      for (guint row = 0; row < n; row++)
        keys[row] = c.exhibition_year[row] == FW_YEAR_UNKNOWN ? KEY_UNKNOWN : c.exhibition_year[row];
      return keys;

    case KIND_TEXT:
      return make_text_keys (self, field, extra);

    case KIND_COUNT:
    default:
      g_assert_not_reached ();
    }
}

/* Sort keys over the rows of the field's table. */
static const guint32 *
get_keys (FwRecordList *self,
          FwField       field,
          guint         extra)
{
  gpointer cache_key = field_cache_key (field, extra);
  guint32 *keys;

  if (field == FW_FIELD_KEPT_EXHIBITIONS)
    return self->kept_exhibitions;
  if (field == FW_FIELD_KEPT_FIRMS)
    return self->kept_firms;

  fw_record_list_ensure_current (self);
  keys = g_hash_table_lookup (self->keys, cache_key);
  if (keys == NULL)
    {
      keys = make_keys (self, field, extra);
      g_hash_table_insert (self->keys, cache_key, keys);
    }

  return keys;
}

/* Stable LSD radix sort of (key << 32 | row) on the key's two 16-bit
 * digits: ties keep their order, so sorting by the last sort column
 * first and the primary one last gives GtkColumnView's multi-column
 * order, and a million rows sort in a few milliseconds. */
static void
radix_sort_by_key (guint64 *data,
                   guint64 *tmp,
                   gsize    n)
{
  g_autofree guint32 *counts = g_new0 (guint32, 2 * 65536);
  guint64 *src = data;
  guint64 *dst = tmp;

  for (gsize i = 0; i < n; i++)
    {
      counts[(data[i] >> 32) & 0xffff]++;
      counts[65536 + ((data[i] >> 48) & 0xffff)]++;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      guint32 *count = counts + pass * 65536;
      guint shift = 32 + 16 * pass;
      guint32 sum = 0;

      if (n == 0 || count[(src[0] >> shift) & 0xffff] == n)
        continue;

      for (guint d = 0; d < 65536; d++)
        {
          guint32 c = count[d];

          count[d] = sum;
          sum += c;
        }

      for (gsize i = 0; i < n; i++)
        dst[count[(src[i] >> shift) & 0xffff]++] = src[i];

      {
        guint64 *swap = src;

        src = dst;
        dst = swap;
      }
    }

  if (src != data)
    memcpy (data, src, sizeof (guint64) * n);
}

void
fw_record_list_sort_rows (FwRecordList *self)
{
  g_autofree guint64 *packed = NULL;
  g_autofree guint64 *tmp = NULL;
  FwColumns c;

  if (self->n_levels == 0 || self->n_items < 2)
    return;

  fw_dataset_get_columns (fw_record_list_get_dataset (self), &c);
  packed = g_new (guint64, self->n_items);
  tmp = g_new (guint64, self->n_items);

  for (guint level = self->n_levels; level-- > 0;)
    {
      SortLevel *l = &self->levels[level];
      const guint32 *keys = get_keys (self, l->field, l->extra);
      FwTable table = fw_record_list_field_table (self, l->field);
      gboolean descending = l->order == GTK_SORT_DESCENDING;

      for (guint i = 0; i < self->n_items; i++)
        {
          guint row = self->order[i];
          guint32 key = keys[fw_record_list_resolve_row (self, &c, table, row)];

          if (descending)
            key = G_MAXUINT32 - key;
          packed[i] = ((guint64) key << 32) | row;
        }

      radix_sort_by_key (packed, tmp, self->n_items);

      for (guint i = 0; i < self->n_items; i++)
        self->order[i] = (guint32) packed[i];
    }
}

GtkOrdering
fw_record_list_compare_rows (FwRecordList *self,
                             FwField       field,
                             guint         extra,
                             guint         row_a,
                             guint         row_b)
{
  const guint32 *keys;
  FwDataset *dataset;
  FwTable table;
  FwColumns c;
  guint n;
  guint32 a, b;

  g_return_val_if_fail (FW_IS_RECORD_LIST (self), GTK_ORDERING_EQUAL);

  field = fw_record_list_canonical_field (field);
  dataset = fw_record_list_get_dataset (self);
  if (dataset == NULL || !fw_record_list_field_applies (self, field))
    return GTK_ORDERING_EQUAL;

  n = fw_dataset_get_n_rows (dataset, self->table);
  if (row_a >= n || row_b >= n)
    return GTK_ORDERING_EQUAL;

  keys = get_keys (self, field, extra);
  if (keys == NULL)
    return GTK_ORDERING_EQUAL;

  fw_dataset_get_columns (dataset, &c);
  table = fw_record_list_field_table (self, field);
  a = keys[fw_record_list_resolve_row (self, &c, table, row_a)];
  b = keys[fw_record_list_resolve_row (self, &c, table, row_b)];

  return gtk_ordering_from_cmpfunc ((a > b) - (a < b));
}
