/* fw-csv-records.c: the records collected from one or three CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-csv-read-private.h"

void
fw_csv_exhibitions_reserve (Exhibitions *ex,
                            guint        size)
{
  if (size <= ex->size)
    return;

  ex->size = size;
  ex->firm = g_renew (guint32, ex->firm, size);
  ex->fair = g_renew (guint32, ex->fair, size);
  ex->year = g_renew (guint16, ex->year, size);
  ex->source = g_renew (guint32, ex->source, size);
  ex->note = g_renew (guint32, ex->note, size);
  ex->line = g_renew (guint, ex->line, size);
}

static void
exhibitions_clear (Exhibitions *ex)
{
  g_clear_pointer (&ex->firm, g_free);
  g_clear_pointer (&ex->fair, g_free);
  g_clear_pointer (&ex->year, g_free);
  g_clear_pointer (&ex->source, g_free);
  g_clear_pointer (&ex->note, g_free);
  g_clear_pointer (&ex->line, g_free);
  ex->len = ex->size = 0;
}

static void
key_index_init (KeyIndex *index)
{
  index->mask = 1023;
  index->n = 0;
  index->slots = g_new0 (IndexSlot, index->mask + 1);
}

static void
key_index_clear (KeyIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
}

const IndexSlot *
fw_csv_key_index_lookup (KeyIndex   *index,
                         const char *key,
                         gsize       len,
                         guint32     hash)
{
  for (guint i = hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
    {
      const IndexSlot *slot = &index->slots[i];

      if (slot->hash == hash && slot->len == len &&
          memcmp (slot->head, key, MIN (len, INDEX_HEAD)) == 0 &&
          (len <= INDEX_HEAD || memcmp (slot->key + INDEX_HEAD, key + INDEX_HEAD, len - INDEX_HEAD) == 0))
        return slot;
    }

  return NULL;
}

/* @key must not be there yet. */
void
fw_csv_key_index_insert (KeyIndex   *index,
                         const char *key,
                         gsize       len,
                         guint32     hash,
                         guint       value)
{
  guint i;

  if (2 * (index->n + 1) > index->mask + 1)
    {
      IndexSlot *old = index->slots;
      guint old_size = index->mask + 1;

      index->mask = 2 * old_size - 1;
      index->slots = g_new0 (IndexSlot, index->mask + 1);
      for (guint j = 0; j < old_size; j++)
        {
          if (old[j].key == NULL)
            continue;
          for (i = old[j].hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
            ;
          index->slots[i] = old[j];
        }
      g_free (old);
    }

  for (i = hash & index->mask; index->slots[i].key != NULL; i = (i + 1) & index->mask)
    ;
  index->slots[i].key = key;
  index->slots[i].hash = hash;
  index->slots[i].value = value;
  index->slots[i].len = (guint32) len;
  memcpy (index->slots[i].head, key, MIN (len, INDEX_HEAD));
  index->n++;
}

void
fw_csv_builder_init (Builder     *b,
                     FwCountries *countries,
                     FwProblems  *problems)
{
  memset (b, 0, sizeof *b);

  b->dataset = fw_dataset_new (countries);
  b->countries = fw_dataset_get_countries (b->dataset);
  b->strings = fw_dataset_get_strings (b->dataset);
  b->problems = problems;

  b->firms = g_array_new (FALSE, TRUE, sizeof (FirmRecord));
  b->firm_hq = g_array_new (FALSE, TRUE, sizeof (FwCountryId));
  b->firm_confidence = g_array_new (FALSE, TRUE, sizeof (guint8));
  b->fairs = g_array_new (FALSE, TRUE, sizeof (FairRecord));
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      b->extra_names[t] = g_ptr_array_new_with_free_func (g_free);
      b->extra_values[t] = g_array_new (FALSE, FALSE, sizeof (guint32));
      b->ids[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  key_index_init (&b->firm_by_name);
  key_index_init (&b->firm_by_id);
  b->fair_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->fair_fast = g_new0 (KeyCache, 1);
  b->id_entries = g_array_new (FALSE, FALSE, sizeof (IdEntry));
  b->country_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->country_fast = g_new0 (KeyCache, 1);
  b->intern_fast = g_new0 (KeyCache, 1);
}

void
fw_csv_builder_clear (Builder *b)
{
  g_clear_object (&b->dataset);
  g_clear_pointer (&b->firms, g_array_unref);
  g_clear_pointer (&b->firm_hq, g_array_unref);
  g_clear_pointer (&b->firm_confidence, g_array_unref);
  g_clear_pointer (&b->fairs, g_array_unref);
  exhibitions_clear (&b->ex);
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_clear_pointer (&b->extra_names[t], g_ptr_array_unref);
      g_clear_pointer (&b->extra_values[t], g_array_unref);
      g_clear_pointer (&b->ids[t], g_hash_table_unref);
    }
  key_index_clear (&b->firm_by_name);
  key_index_clear (&b->firm_by_id);
  g_clear_pointer (&b->fair_by_key, g_hash_table_unref);
  g_clear_pointer (&b->fair_fast, g_free);
  g_clear_pointer (&b->id_entries, g_array_unref);
  g_clear_pointer (&b->country_cache, g_hash_table_unref);
  g_clear_pointer (&b->country_fast, g_free);
  g_clear_pointer (&b->intern_fast, g_free);
}

/* Returns the country id, with COUNTRY_IS_CODE when @text is its
 * alpha-2 code; @out_key is a copy of @text that lives as long as @b. */
guint
fw_csv_builder_lookup_country (Builder     *b,
                               const char  *text,
                               gsize        len,
                               const char **out_key)
{
  guint32 hash = hash_bytes (text, len);
  gpointer key, found;
  FwCountryId id;
  guint value;

  if (key_cache_lookup (b->country_fast, text, len, hash, &value, out_key))
    return value;

  if (g_hash_table_lookup_extended (b->country_cache, text, &key, &found))
    {
      value = GPOINTER_TO_UINT (found);
      key_cache_insert (b->country_fast, key, len, hash, value);
      *out_key = key;
      return value;
    }

  id = fw_countries_lookup (b->countries, text);
  value = id;
  if (id != FW_COUNTRY_UNKNOWN && len == 2 &&
      g_ascii_strcasecmp (text, fw_countries_get_code (b->countries, id)) == 0)
    value |= COUNTRY_IS_CODE;

  key = g_strndup (text, len);
  g_hash_table_insert (b->country_cache, key, GUINT_TO_POINTER (value));
  key_cache_insert (b->country_fast, key, len, hash, value);
  *out_key = key;

  return value;
}

guint32
fw_csv_builder_intern (Builder    *b,
                       const char *text,
                       gsize       len)
{
  guint32 hash;
  guint id;

  if (len == 0)
    return FW_STR_NONE;

  hash = hash_bytes (text, len);
  if (!key_cache_lookup (b->intern_fast, text, len, hash, &id, NULL))
    {
      id = fw_str_pool_intern_len (b->strings, text, len);
      key_cache_insert (b->intern_fast, fw_str_pool_get (b->strings, id), len, hash, id);
    }

  return id;
}

void
fw_csv_builder_add_exhibition (Builder     *b,
                               guint32      firm,
                               guint32      fair,
                               guint16      year,
                               guint32      source,
                               guint32      note,
                               guint        line)
{
  Exhibitions *ex = &b->ex;

  if (ex->len == ex->size)
    fw_csv_exhibitions_reserve (ex, MAX (1024, ex->size * 2));

  ex->firm[ex->len] = firm;
  ex->fair[ex->len] = fair;
  ex->year[ex->len] = year;
  ex->source[ex->len] = source;
  ex->note[ex->len] = note;
  ex->line[ex->len] = line;
  ex->len++;
}

static FwDataset *
builder_commit (Builder *b)
{
  FwDataset *dataset = g_steal_pointer (&b->dataset);
  guint n_rows[FW_N_TABLES] = { b->firms->len, b->fairs->len, b->ex.len };

#define STR(id) ((id) != FW_STR_NONE ? builder_string (b, (id)) : NULL)

  for (guint t = 0; t < FW_N_TABLES; t++)
    fw_dataset_reserve (dataset, t, n_rows[t]);

  for (guint i = 0; i < b->firms->len; i++)
    {
      const FirmRecord *firm = &g_array_index (b->firms, FirmRecord, i);
      FwFirmValues values = {
        STR (firm->id), STR (firm->name),
        g_array_index (b->firm_hq, FwCountryId, i),
        g_array_index (b->firm_confidence, guint8, i),
        STR (firm->website), STR (firm->notes), STR (firm->source),
      };

      fw_dataset_append_firm (dataset, &values);
    }

  for (guint i = 0; i < b->fairs->len; i++)
    {
      const FairRecord *fair = &g_array_index (b->fairs, FairRecord, i);
      FwFairValues values = { STR (fair->id), STR (fair->name), fair->host, STR (fair->city) };

      fw_dataset_append_fair (dataset, &values);
    }

  for (guint i = 0; i < b->ex.len; i++)
    {
      FwExhibitionValues values = {
        b->ex.firm[i], b->ex.fair[i], b->ex.year[i],
        STR (b->ex.source[i]), STR (b->ex.note[i]),
      };

      fw_dataset_append_exhibition (dataset, &values);
    }

  /* Extra columns are added once the rows exist, so that appending rows
   * does not grow them one row at a time. */
  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      guint n_extra = b->extra_names[t]->len;
      const guint32 *values = (const guint32 *) (gpointer) b->extra_values[t]->data;

      for (guint c = 0; c < n_extra; c++)
        fw_dataset_add_extra_column (dataset, t, g_ptr_array_index (b->extra_names[t], c));

      for (guint row = 0; n_extra > 0 && row < n_rows[t]; row++)
        {
          for (guint c = 0; c < n_extra; c++)
            {
              guint32 value = values[row * n_extra + c];

              if (value != FW_STR_NONE)
                fw_dataset_set_extra (dataset, t, c, row, builder_string (b, value));
            }
        }
    }

#undef STR

  return dataset;
}


typedef struct
{
  guint64 key;      /* fair << 16 | year */
  guint   exhibition;
} ExhibitionKey;

typedef struct
{
  guint repeat;
  guint first;
} Repeat;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const ExhibitionKey *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->exhibition < kb->exhibition ? -1 : ka->exhibition > kb->exhibition;
}

static int
compare_repeats (gconstpointer a,
                 gconstpointer b)
{
  const Repeat *ra = a, *rb = b;

  return ra->repeat < rb->repeat ? -1 : ra->repeat > rb->repeat;
}

/* Warns about the same firm at the same fair in the same known year.
 * Exhibitions are bucketed by firm (a counting sort), and each firm has
 * few, so this stays linear for a million rows. */
static void
check_repeats (Builder *b)
{
  guint n = b->ex.len;
  guint n_firms = b->firms->len;
  const guint32 *firm = b->ex.firm;
  const guint32 *fair = b->ex.fair;
  const guint16 *year = b->ex.year;
  g_autofree guint *start = NULL;
  g_autofree ExhibitionKey *keys = NULL;
  g_autoptr(GArray) repeats = NULL;
  guint n_known = 0;

  if (n < 2)
    return;

  start = g_new0 (guint, n_firms + 1);
  for (guint i = 0; i < n; i++)
    {
      if (year[i] != FW_YEAR_UNKNOWN)
        {
          start[firm[i] + 1]++;
          n_known++;
        }
    }
  if (n_known < 2)
    return;

  for (guint f = 0; f < n_firms; f++)
    start[f + 1] += start[f];

  /* The keys themselves are scattered, not indices, so that comparing
   * within a firm reads memory in order. */
  keys = g_new (ExhibitionKey, n_known);
  for (guint i = 0; i < n; i++)
    {
      if (year[i] != FW_YEAR_UNKNOWN)
        {
          ExhibitionKey *key = &keys[start[firm[i]]++];

          key->key = ((guint64) fair[i] << 16) | year[i];
          key->exhibition = i;
        }
    }
  /* start[f] is now where firm f + 1 starts */
  memmove (start + 1, start, sizeof (guint) * n_firms);
  start[0] = 0;

  repeats = g_array_new (FALSE, FALSE, sizeof (Repeat));

  for (guint f = 0; f < n_firms; f++)
    {
      ExhibitionKey *bucket = keys + start[f];
      guint size = start[f + 1] - start[f];

      if (size < 2)
        continue;

      if (size <= 64)
        {
          for (guint a = 1; a < size; a++)
            {
              for (guint c = 0; c < a; c++)
                {
                  if (bucket[a].key == bucket[c].key)
                    {
                      Repeat repeat = { bucket[a].exhibition, bucket[c].exhibition };

                      g_array_append_val (repeats, repeat);
                      break;
                    }
                }
            }
          continue;
        }

      qsort (bucket, size, sizeof (ExhibitionKey), compare_keys);
      for (guint a = 1, run = 0; a < size; a++)
        {
          if (bucket[a].key == bucket[run].key)
            {
              Repeat repeat = { bucket[a].exhibition, bucket[run].exhibition };

              g_array_append_val (repeats, repeat);
            }
          else
            run = a;
        }
    }

  g_array_sort (repeats, compare_repeats);

  for (guint i = 0; i < repeats->len; i++)
    {
      const Repeat *repeat = &g_array_index (repeats, Repeat, i);
      const FirmRecord *firm_record = &g_array_index (b->firms, FirmRecord, firm[repeat->repeat]);
      const FairRecord *fair_record = &g_array_index (b->fairs, FairRecord, fair[repeat->repeat]);

      fw_problems_report (b->problems, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
                          b->exhibitions_file, b->ex.line[repeat->repeat], 0,
                          FW_TABLE_EXHIBITIONS, (gint) repeat->repeat,
                          _("firm “%s” at “%s” in %u is already on line %u; "
                            "delete one of the two rows if it is a mistake"),
                          builder_string (b, firm_record->name),
                          builder_string (b, fair_record->name),
                          year[repeat->repeat],
                          b->ex.line[repeat->first]);
    }
}

FwDataset *
fw_csv_builder_finish (Builder      *b,
                       guint         n_errors_before,
                       FwCsvLayout  *layout,
                       GError      **error)
{
  FwDataset *dataset;

  check_repeats (b);

  if (fw_problems_get_n_errors (b->problems) > n_errors_before)
    {
      g_propagate_error (error, fw_problems_to_error (b->problems));
      fw_csv_layout_free (layout);
      return NULL;
    }

  dataset = builder_commit (b);
  fw_dataset_set_csv_layout (dataset, layout);

  return dataset;
}
