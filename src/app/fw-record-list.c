/* fw-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-record-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-record-list.h"

/* Sort columns beyond these are too far down to change any order a person
 * would look at. */
#define MAX_SORT_LEVELS 4

/* Unknown and empty values sort after every known one. */
#define KEY_UNKNOWN G_MAXUINT32

typedef enum
{
  KIND_TEXT,
  KIND_COUNTRY,
  KIND_CONFIDENCE,
  KIND_YEAR,
  KIND_COUNT,
} FieldKind;

typedef struct
{
  FwField     field;
  guint       extra;
  GtkSortType order;
} SortLevel;

struct _FwRecordList
{
  GObject     parent_instance;

  gboolean    deferred;
  gboolean    stale;                   /* rows not recomputed yet */
  gboolean    changed_while_deferred;  /* nobody told of a change yet */
  FwTable     table;
  FwExplorer *explorer;
  GtkSorter  *sorter;
  char       *search;
  char       *folded_search;      /* NULL without a search */

  guint32    *order;              /* table rows, in list order */
  guint       n_items;

  SortLevel   levels[MAX_SORT_LEVELS];
  guint       n_levels;

  /* Derived from the dataset, dropped when its generation changes; both
   * map a field (see field_cache_key) to an array over its table's rows. */
  guint64     generation;
  GHashTable *keys;
  GHashTable *string_ids;

  /* Derived from the filter, per row of the list's table. */
  guint32    *kept_exhibitions;
  guint32    *kept_firms;
  guint       n_counts;
};

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

static char *
fold_for_search (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/* An exhibition's firm and fair read as their names. */
static FwField
canonical_field (FwField field)
{
  if (field == FW_FIELD_EXHIBITION_FIRM)
    return FW_FIELD_FIRM_NAME;
  if (field == FW_FIELD_EXHIBITION_FAIR)
    return FW_FIELD_FAIR_NAME;

  return field;
}

static gboolean
is_count_field (FwField field)
{
  return field == FW_FIELD_KEPT_EXHIBITIONS || field == FW_FIELD_KEPT_FIRMS;
}

static FieldKind
field_kind (FwField field)
{
  if (is_count_field (field))
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
static FwTable
field_table (FwRecordList *self,
             FwField       field)
{
  if (is_count_field (field) || field == FW_FIELD_EXTRA)
    return self->table;

  return fw_field_get_table (field);
}

static gboolean
field_applies (FwRecordList *self,
               FwField       field)
{
  if (field == FW_FIELD_KEPT_FIRMS)
    return self->table == FW_TABLE_FAIRS;
  if (field == FW_FIELD_KEPT_EXHIBITIONS)
    return self->table != FW_TABLE_EXHIBITIONS;
  if ((guint) field >= FW_N_FIELDS)
    return FALSE;

  return field_table (self, field) == self->table || self->table == FW_TABLE_EXHIBITIONS;
}

/* The row of @table that holds the value for the list's @row. */
static inline guint
resolve_row (FwRecordList    *self,
             const FwColumns *c,
             FwTable          table,
             guint            row)
{
  if (table == self->table)
    return row;
  if (table == FW_TABLE_FIRMS)
    return c->exhibition_firm[row];

  return c->exhibition_fair[row];
}

static gpointer
field_cache_key (FwField field,
                 guint   extra)
{
  return GUINT_TO_POINTER (((guint) field << 24) | (extra & 0xffffff));
}

static FwDataset *
get_dataset (FwRecordList *self)
{
  return self->explorer != NULL ? fw_explorer_get_dataset (self->explorer) : NULL;
}

static void
clear_counts (FwRecordList *self)
{
  g_clear_pointer (&self->kept_exhibitions, g_free);
  g_clear_pointer (&self->kept_firms, g_free);
  self->n_counts = 0;
}

/* Drops what was derived from an older version of the dataset. */
static void
ensure_current (FwRecordList *self)
{
  FwDataset *dataset = get_dataset (self);
  guint64 generation = dataset != NULL ? fw_dataset_get_generation (dataset) : G_MAXUINT64;

  if (generation == self->generation)
    return;

  g_hash_table_remove_all (self->keys);
  g_hash_table_remove_all (self->string_ids);
  self->generation = generation;
}

/* A string field's value for a row of the field's table, without copying. */
static const char *
field_string (FwDataset *dataset,
              FwTable    table,
              guint      row,
              FwField    field,
              guint      extra)
{
  FwFirmValues firm;
  FwFairValues fair;
  FwExhibitionValues exhibition;
  const char *text = NULL;

  switch (field)
    {
    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FIRM_NAME:
    case FW_FIELD_FIRM_WEBSITE:
    case FW_FIELD_FIRM_NOTES:
    case FW_FIELD_FIRM_SOURCE:
      fw_dataset_get_firm (dataset, row, &firm);
      text = field == FW_FIELD_FIRM_ID ? firm.id
           : field == FW_FIELD_FIRM_NAME ? firm.name
           : field == FW_FIELD_FIRM_WEBSITE ? firm.website
           : field == FW_FIELD_FIRM_NOTES ? firm.notes
           : firm.source;
      break;

    case FW_FIELD_FAIR_ID:
    case FW_FIELD_FAIR_NAME:
    case FW_FIELD_FAIR_CITY:
      fw_dataset_get_fair (dataset, row, &fair);
      text = field == FW_FIELD_FAIR_ID ? fair.id
           : field == FW_FIELD_FAIR_NAME ? fair.name
           : fair.city;
      break;

    case FW_FIELD_EXHIBITION_SOURCE:
    case FW_FIELD_EXHIBITION_NOTE:
      fw_dataset_get_exhibition (dataset, row, &exhibition);
      text = field == FW_FIELD_EXHIBITION_SOURCE ? exhibition.source : exhibition.note;
      break;

    case FW_FIELD_EXTRA:
      if (extra < fw_dataset_get_n_extra (dataset, table))
        text = fw_dataset_get_extra (dataset, table, extra, row);
      break;

    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FIRM_CONFIDENCE:
    case FW_FIELD_FAIR_HOST:
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
    case FW_FIELD_EXHIBITION_YEAR:
    case FW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

/* Each row's string id in the pool: the strings are interned, so equal
 * text has equal ids and work per distinct string can be shared. */
static const guint32 *
get_string_ids (FwRecordList *self,
                FwField       field,
                guint         extra)
{
  FwDataset *dataset = get_dataset (self);
  FwTable table = field_table (self, field);
  gpointer cache_key = field_cache_key (field, extra);
  guint32 *ids;
  FwColumns c;
  FwStrPool *pool;

  ensure_current (self);
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
          const char *text = field_string (dataset, table, row, field, extra);

          if (text[0] != '\0' && !fw_str_pool_lookup (pool, text, &ids[row]))
            g_assert_not_reached ();
        }
    }

  g_hash_table_insert (self->string_ids, cache_key, ids);

  return ids;
}

typedef struct
{
  char    *key;
  guint32  id;
} CollateItem;

static int
compare_collate_items (gconstpointer a,
                       gconstpointer b)
{
  const CollateItem *ia = a;
  const CollateItem *ib = b;
  int cmp = strcmp (ia->key, ib->key);

  return cmp != 0 ? cmp : (ia->id > ib->id) - (ia->id < ib->id);
}

/* Collation keys are made once per distinct string, not per row. */
static guint32 *
make_text_keys (FwRecordList *self,
                FwField       field,
                guint         extra)
{
  FwDataset *dataset = get_dataset (self);
  FwStrPool *pool = fw_dataset_get_strings (dataset);
  guint n = fw_dataset_get_n_rows (dataset, field_table (self, field));
  const guint32 *ids = get_string_ids (self, field, extra);
  guint pool_size = fw_str_pool_get_size (pool);
  g_autofree guint32 *rank = g_new (guint32, MAX (pool_size, 1));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (CollateItem));
  guint32 *keys = g_new (guint32, MAX (n, 1));
  guint32 next = 0;

  memset (rank, 0xff, sizeof (guint32) * MAX (pool_size, 1));

  for (guint row = 0; row < n; row++)
    {
      guint32 id = ids[row];

      if (id != FW_STR_NONE && rank[id] == KEY_UNKNOWN)
        {
          CollateItem item = { g_utf8_collate_key (fw_str_pool_get (pool, id), -1), id };

          rank[id] = 0;
          g_array_append_val (items, item);
        }
    }

  g_array_sort (items, compare_collate_items);
  for (guint i = 0; i < items->len; i++)
    {
      CollateItem *item = &g_array_index (items, CollateItem, i);

      /* Strings the locale collates as equal share a rank. */
      if (i > 0 && strcmp (item->key, g_array_index (items, CollateItem, i - 1).key) != 0)
        next++;
      rank[item->id] = next;
    }
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, CollateItem, i).key);

  for (guint row = 0; row < n; row++)
    keys[row] = ids[row] == FW_STR_NONE ? KEY_UNKNOWN : rank[ids[row]];

  return keys;
}

static guint32 *
make_keys (FwRecordList *self,
           FwField       field,
           guint         extra)
{
  FwDataset *dataset = get_dataset (self);
  FwTable table = field_table (self, field);
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

  switch (field_kind (field))
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

  ensure_current (self);
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

static void
sort_rows (FwRecordList *self)
{
  g_autofree guint64 *packed = NULL;
  g_autofree guint64 *tmp = NULL;
  FwColumns c;

  if (self->n_levels == 0 || self->n_items < 2)
    return;

  fw_dataset_get_columns (get_dataset (self), &c);
  packed = g_new (guint64, self->n_items);
  tmp = g_new (guint64, self->n_items);

  for (guint level = self->n_levels; level-- > 0;)
    {
      SortLevel *l = &self->levels[level];
      const guint32 *keys = get_keys (self, l->field, l->extra);
      FwTable table = field_table (self, l->field);
      gboolean descending = l->order == GTK_SORT_DESCENDING;

      for (guint i = 0; i < self->n_items; i++)
        {
          guint row = self->order[i];
          guint32 key = keys[resolve_row (self, &c, table, row)];

          if (descending)
            key = G_MAXUINT32 - key;
          packed[i] = ((guint64) key << 32) | row;
        }

      radix_sort_by_key (packed, tmp, self->n_items);

      for (guint i = 0; i < self->n_items; i++)
        self->order[i] = (guint32) packed[i];
    }
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

  fw_dataset_get_columns (get_dataset (self), &c);

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

typedef struct
{
  FwField        field;
  FwTable        table;
  const guint32 *ids;                 /* for text */
} SearchField;

/* A search remembers its answer per distinct value (string id, country,
 * year), so a million rows cost a million lookups and few foldings. */
typedef struct
{
  FwRecordList  *self;
  FwDataset     *dataset;
  FwStrPool     *pool;
  FwColumns      c;
  const char    *needle;
  guint8        *text_state;          /* per string id: 0 unseen, 1 match, 2 not */
  guint8        *country_state;
  guint8         confidence_state[FW_N_CONFIDENCE];
  guint8         year_state[FW_YEAR_MAX + 1];
  SearchField   *fields;
  guint          n_fields;
} Search;

static guint8
match_text (Search     *search,
            const char *text)
{
  g_autofree char *folded = fold_for_search (text);

  return strstr (folded, search->needle) != NULL ? 1 : 2;
}

static void
search_init (Search       *search,
             FwRecordList *self)
{
  FwCountries *countries;
  const FwField *fields;
  guint n_fields;
  guint n_extra;

  memset (search, 0, sizeof *search);
  search->self = self;
  search->dataset = get_dataset (self);
  search->pool = fw_dataset_get_strings (search->dataset);
  search->needle = self->folded_search;
  fw_dataset_get_columns (search->dataset, &search->c);

  countries = fw_dataset_get_countries (search->dataset);
  search->text_state = g_new0 (guint8, MAX (fw_str_pool_get_size (search->pool), 1));
  search->country_state = g_new0 (guint8, MAX (fw_countries_get_n_ids (countries), 1));

  fields = fw_record_list_get_fields (self->table, &n_fields);
  n_extra = fw_dataset_get_n_extra (search->dataset, self->table);

  search->fields = g_new0 (SearchField, n_fields + n_extra);

  for (guint i = 0; i < n_fields + n_extra; i++)
    {
      FwField field = i < n_fields ? fields[i] : FW_FIELD_EXTRA;
      SearchField *f = &search->fields[search->n_fields];

      if (field_kind (field) == KIND_COUNT)
        continue;

      f->field = field;
      f->table = field_table (self, field);
      if (field_kind (field) == KIND_TEXT)
        f->ids = get_string_ids (self, field, i < n_fields ? 0 : i - n_fields);
      search->n_fields++;
    }
}

static void
search_clear (Search *search)
{
  g_free (search->text_state);
  g_free (search->country_state);
  g_free (search->fields);
}

static gboolean
search_row (Search *search,
            guint   row)
{
  FwCountries *countries = fw_dataset_get_countries (search->dataset);
  const FwColumns *c = &search->c;

  for (guint i = 0; i < search->n_fields; i++)
    {
      const SearchField *f = &search->fields[i];
      guint r = resolve_row (search->self, c, f->table, row);
      guint8 *state;

      switch (field_kind (f->field))
        {
        case KIND_TEXT:
          {
            guint32 id = f->ids[r];

            if (id == FW_STR_NONE)
              continue;
            state = &search->text_state[id];
            if (*state == 0)
              *state = match_text (search, fw_str_pool_get (search->pool, id));
          }
          break;

        case KIND_COUNTRY:
          {
            FwCountryId id = f->table == FW_TABLE_FIRMS ? c->firm_hq[r] : c->fair_host[r];

            if (id == FW_COUNTRY_UNKNOWN)
              continue;
            state = &search->country_state[id];
            if (*state == 0)
              *state = match_text (search, fw_countries_get_name (countries, id));
          }
          break;

        case KIND_CONFIDENCE:
          {
            FwConfidence confidence = c->firm_confidence[r];

            if (confidence == FW_CONFIDENCE_UNKNOWN || confidence >= FW_N_CONFIDENCE)
              continue;
            state = &search->confidence_state[confidence];
            if (*state == 0)
              *state = match_text (search, fw_confidence_to_label (confidence));
          }
          break;

        case KIND_YEAR:
          {
            guint16 year = c->exhibition_year[r];
            char text[8];

            if (year == FW_YEAR_UNKNOWN || year > FW_YEAR_MAX)
              continue;
            state = &search->year_state[year];
            if (*state == 0)
              {
                g_snprintf (text, sizeof text, "%u", year);
                *state = match_text (search, text);
              }
          }
          break;

        case KIND_COUNT:
        default:
          continue;
        }

      if (*state == 1)
        return TRUE;
    }

  return FALSE;
}

static void
collect_rows (FwRecordList *self)
{
  FwQuery *query = fw_explorer_get_query (self->explorer);
  FwDataset *dataset = get_dataset (self);
  guint n = fw_dataset_get_n_rows (dataset, self->table);
  const guint8 *mask = NULL;
  gboolean keep_all = FALSE;
  Search search;

  if (self->table == FW_TABLE_FIRMS)
    mask = fw_query_get_firm_mask (query);
  else if (self->table == FW_TABLE_EXHIBITIONS)
    mask = fw_query_get_exhibition_mask (query);
  else
    keep_all = fw_filter_is_empty (fw_explorer_get_filter (self->explorer));

  if (self->folded_search != NULL)
    search_init (&search, self);

  self->order = g_renew (guint32, self->order, MAX (n, 1));
  self->n_items = 0;

  for (guint row = 0; row < n; row++)
    {
      /* A fair is kept with a kept exhibition, or when nothing is filtered
       * (so that fairs nobody exhibited at are listed too). */
      gboolean kept = mask != NULL ? mask[row] != 0 : keep_all || self->kept_exhibitions[row] > 0;

      if (kept && (self->folded_search == NULL || search_row (&search, row)))
        self->order[self->n_items++] = row;
    }

  if (self->folded_search != NULL)
    search_clear (&search);
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
      ensure_current (self);
      update_counts (self);
      collect_rows (self);
      sort_rows (self);
    }
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

  /* Removed, then added: in one signal GTK 4.8's list item manager looks
   * for the rows it shows among all the added items, making an object for
   * each of a million rows. */
  if (old_n > 0)
    {
      guint new_n = self->n_items;

      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_items = new_n;
    }
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
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
      FwField field = canonical_field (fw_field_sorter_get_field (sorters[i]));

      if (!field_applies (self, field))
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

  ensure_fresh (self);
  if (position >= self->n_items)
    return NULL;

  return fw_record_new (self, self->table, self->order[position]);
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
}

static void
fw_record_list_init (FwRecordList *self)
{
  self->generation = G_MAXUINT64;
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->string_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
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

  if (self->explorer == explorer)
    return;

  if (self->explorer != NULL)
    g_signal_handlers_disconnect_by_data (self->explorer, self);

  g_set_object (&self->explorer, explorer);

  if (explorer != NULL)
    g_signal_connect_object (explorer, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

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
    self->folded_search = fold_for_search (self->search);

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

  dataset = get_dataset (self);

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

char *
fw_record_list_get_text (FwRecordList *self,
                         guint         row,
                         FwField       field,
                         guint         extra,
                         gboolean     *unknown)
{
  FwDataset *dataset;
  FwCountries *countries;
  FwTable table;
  FwColumns c;
  guint r;

  g_return_val_if_fail (FW_IS_RECORD_LIST (self), NULL);

  if (unknown != NULL)
    *unknown = FALSE;

  field = canonical_field (field);
  dataset = get_dataset (self);
  if (dataset == NULL || !field_applies (self, field) || row >= fw_dataset_get_n_rows (dataset, self->table))
    return g_strdup ("");

  fw_dataset_get_columns (dataset, &c);
  countries = fw_dataset_get_countries (dataset);
  table = field_table (self, field);
  r = resolve_row (self, &c, table, row);

  if (is_count_field (field))
    {
      const guint32 *counts = field == FW_FIELD_KEPT_FIRMS ? self->kept_firms : self->kept_exhibitions;

      if (counts == NULL || row >= self->n_counts)
        return g_strdup ("");

      return g_strdup_printf ("%'u", counts[row]);
    }

  switch (field_kind (field))
    {
    case KIND_COUNTRY:
      {
        FwCountryId id = table == FW_TABLE_FIRMS ? c.firm_hq[r] : c.fair_host[r];

        if (id == FW_COUNTRY_UNKNOWN)
          break;
        return g_strdup (fw_countries_get_name (countries, id));
      }

    case KIND_CONFIDENCE:
      if (c.firm_confidence[r] == FW_CONFIDENCE_UNKNOWN)
        break;
      return g_strdup (fw_confidence_to_label (c.firm_confidence[r]));

    case KIND_YEAR:
      if (c.exhibition_year[r] == FW_YEAR_UNKNOWN)
        break;
      return g_strdup_printf ("%u", c.exhibition_year[r]);

    case KIND_TEXT:
      {
        const char *text = field_string (dataset, table, r, field, extra);

        if (text[0] != '\0')
          return g_strdup (text);

        /* Names are never left out on purpose: an empty one is unknown. */
        if (field == FW_FIELD_FAIR_NAME)
          {
            if (unknown != NULL)
              *unknown = TRUE;
            return fw_facet_value_label (FW_FACET_FAIR, r, dataset);
          }
        if (field == FW_FIELD_FIRM_NAME)
          break;
        return g_strdup ("");
      }

    case KIND_COUNT:
    default:
      g_assert_not_reached ();
    }

  if (unknown != NULL)
    *unknown = TRUE;

  return g_strdup (_("(unknown)"));
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

  field = canonical_field (field);
  dataset = get_dataset (self);
  if (dataset == NULL || !field_applies (self, field))
    return GTK_ORDERING_EQUAL;

  n = fw_dataset_get_n_rows (dataset, self->table);
  if (row_a >= n || row_b >= n)
    return GTK_ORDERING_EQUAL;

  keys = get_keys (self, field, extra);
  if (keys == NULL)
    return GTK_ORDERING_EQUAL;

  fw_dataset_get_columns (dataset, &c);
  table = field_table (self, field);
  a = keys[resolve_row (self, &c, table, row_a)];
  b = keys[resolve_row (self, &c, table, row_b)];

  return gtk_ordering_from_cmpfunc ((a > b) - (a < b));
}
