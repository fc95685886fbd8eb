/* fw-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-query"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw-query.h"

/* Bits of the per-firm and per-exhibition "fails" masks: one per facet,
 * plus the name search, which filters but is not counted. */
#define SEARCH_BIT (1u << FW_N_FACETS)
#define FIRM_BITS  ((1u << FW_FACET_CONFIDENCE) | (1u << FW_FACET_HQ_CONTINENT) | \
                    (1u << FW_FACET_HQ_COUNTRY) | SEARCH_BIT)

struct _FwQuery
{
  GObject    parent_instance;

  FwDataset *dataset;
  FwFilter  *filter;

  /* Derived from the dataset, rebuilt when its generation changes. */
  guint64    generation;
  guint32   *by_firm;          /* exhibition rows, grouped by firm */
  guint32   *firm_start;       /* n_firms + 1 */
  guint32   *fair_by_firm;     /* exhibition columns in by_firm order */
  guint16   *year_by_firm;
  char     **folded_names;     /* normalised, casefolded firm names */
  guint      n_folded_names;
  guint32   *name_rank[FW_N_TABLES];  /* lazily, for firms and fairs */

  /* Results of the last run. */
  guint8    *firm_mask;
  guint8    *exhibition_mask;
  guint8    *kept_by_firm;     /* exhibition_mask in by_firm order */
  guint      n_kept[FW_N_TABLES];
  guint32   *counts[FW_N_FACETS];
  guint      n_values[FW_N_FACETS];
  guint32   *stamps[FW_N_FACETS];
};

G_DEFINE_FINAL_TYPE (FwQuery, fw_query, G_TYPE_OBJECT)

static char *
fold_for_search (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static void
clear_derived (FwQuery *self)
{
  if (self->folded_names != NULL)
    {
      for (guint i = 0; i < self->n_folded_names; i++)
        g_free (self->folded_names[i]);
      g_clear_pointer (&self->folded_names, g_free);
      self->n_folded_names = 0;
    }
  g_clear_pointer (&self->by_firm, g_free);
  g_clear_pointer (&self->firm_start, g_free);
  g_clear_pointer (&self->fair_by_firm, g_free);
  g_clear_pointer (&self->year_by_firm, g_free);
  g_clear_pointer (&self->kept_by_firm, g_free);
  for (guint t = 0; t < FW_N_TABLES; t++)
    g_clear_pointer (&self->name_rank[t], g_free);
  g_clear_pointer (&self->firm_mask, g_free);
  g_clear_pointer (&self->exhibition_mask, g_free);
  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      g_clear_pointer (&self->counts[f], g_free);
      g_clear_pointer (&self->stamps[f], g_free);
    }
}

static void
fw_query_finalize (GObject *object)
{
  FwQuery *self = (FwQuery *)object;

  clear_derived (self);
  g_clear_pointer (&self->filter, fw_filter_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (fw_query_parent_class)->finalize (object);
}

static void
fw_query_class_init (FwQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_query_finalize;
}

static void
fw_query_init (FwQuery *self)
{
  self->filter = fw_filter_new ();
}

FwQuery *
fw_query_new (FwDataset *dataset)
{
  FwQuery *self;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  self = g_object_new (FW_TYPE_QUERY, NULL);
  self->dataset = g_object_ref (dataset);
  self->generation = G_MAXUINT64;

  return self;
}

FwDataset *
fw_query_get_dataset (FwQuery *self)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);

  return self->dataset;
}

const FwFilter *
fw_query_get_filter (FwQuery *self)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);

  return self->filter;
}

static void
ensure_derived (FwQuery *self)
{
  FwColumns c;
  FwStrPool *strings;

  if (self->generation == fw_dataset_get_generation (self->dataset))
    return;

  clear_derived (self);
  fw_dataset_get_columns (self->dataset, &c);
  strings = fw_dataset_get_strings (self->dataset);

  /* Counting sort of exhibitions by firm: the scans below visit each firm's
   * exhibitions together, which makes distinct-firm counting a stamp. */
  self->firm_start = g_new0 (guint32, c.n_firms + 1);
  for (guint e = 0; e < c.n_exhibitions; e++)
    self->firm_start[c.exhibition_firm[e] + 1]++;
  for (guint f = 0; f < c.n_firms; f++)
    self->firm_start[f + 1] += self->firm_start[f];

  {
    g_autofree guint32 *fill = g_memdup2 (self->firm_start, sizeof (guint32) * (c.n_firms + 1));

    self->by_firm = g_new (guint32, MAX (c.n_exhibitions, 1));
    for (guint e = 0; e < c.n_exhibitions; e++)
      self->by_firm[fill[c.exhibition_firm[e]]++] = e;
  }

  /* A million exhibitions visited through by_firm are a million cache
   * misses per column; copied into that order, a pass streams. */
  self->fair_by_firm = g_new (guint32, MAX (c.n_exhibitions, 1));
  self->year_by_firm = g_new (guint16, MAX (c.n_exhibitions, 1));
  for (guint i = 0; i < c.n_exhibitions; i++)
    {
      self->fair_by_firm[i] = c.exhibition_fair[self->by_firm[i]];
      self->year_by_firm[i] = c.exhibition_year[self->by_firm[i]];
    }

  self->folded_names = g_new0 (char *, MAX (c.n_firms, 1));
  for (guint f = 0; f < c.n_firms; f++)
    self->folded_names[f] = fold_for_search (fw_str_pool_get (strings, c.firm_name[f]));
  self->n_folded_names = c.n_firms;

  self->firm_mask = g_new0 (guint8, MAX (c.n_firms, 1));
  self->exhibition_mask = g_new0 (guint8, MAX (c.n_exhibitions, 1));
  self->kept_by_firm = g_new0 (guint8, MAX (c.n_exhibitions, 1));

  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      self->n_values[f] = fw_facet_get_n_values (f, self->dataset);
      self->counts[f] = g_new0 (guint32, MAX (self->n_values[f], 1));
      self->stamps[f] = g_new0 (guint32, MAX (self->n_values[f], 1));
    }

  self->generation = fw_dataset_get_generation (self->dataset);
}

/* pass[value] for one facet: 1 when the filter lets the value through. */
static guint8 *
make_pass_table (const FwFilter *filter,
                 FwFacet         facet,
                 guint           n_values)
{
  guint8 *pass = g_malloc (MAX (n_values, 1));
  const GArray *values = fw_filter_get_values (filter, facet);

  if (facet == FW_FACET_YEAR)
    {
      guint16 first, last;

      fw_filter_get_years (filter, &first, &last);
      for (guint v = 0; v < n_values; v++)
        pass[v] = (first == 0 && last == 0) ||
                  (v != FW_YEAR_UNKNOWN && (first == 0 || v >= first) && (last == 0 || v <= last));
      return pass;
    }

  if (values == NULL)
    {
      memset (pass, 1, n_values);
      return pass;
    }

  {
    gboolean none_of = fw_filter_get_match (filter, facet) == FW_MATCH_NONE_OF;

    memset (pass, none_of, n_values);
    for (guint i = 0; i < values->len; i++)
      {
        guint v = g_array_index (values, guint, i);

        if (v < n_values)
          pass[v] = !none_of;
      }
  }

  return pass;
}

static inline void
count_value (FwQuery *self,
             FwFacet  facet,
             guint    value,
             guint32  stamp)
{
  if (self->stamps[facet][value] != stamp)
    {
      self->stamps[facet][value] = stamp;
      self->counts[facet][value]++;
    }
}

void
fw_query_run (FwQuery        *self,
              const FwFilter *filter)
{
  guint8 *pass[FW_N_FACETS] = { NULL };
  g_autofree guint32 *fair_fails = NULL;
  g_autofree guint32 *year_fails = NULL;
  const guint8 *continent;
  const guint8 *adversary;
  const char *search;
  g_autofree char *folded_search = NULL;
  gboolean exhibition_filter = FALSE;
  FwColumns c;

  g_return_if_fail (FW_IS_QUERY (self));
  g_return_if_fail (filter != NULL);

  ensure_derived (self);

  if (filter != self->filter)
    {
      fw_filter_free (self->filter);
      self->filter = fw_filter_copy (filter);
    }

  fw_dataset_get_columns (self->dataset, &c);
  continent = fw_countries_get_continent_array (fw_dataset_get_countries (self->dataset));
  adversary = fw_countries_get_adversary_array (fw_dataset_get_countries (self->dataset));

  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      pass[f] = make_pass_table (filter, f, self->n_values[f]);
      memset (self->counts[f], 0, sizeof (guint32) * self->n_values[f]);
      memset (self->stamps[f], 0, sizeof (guint32) * self->n_values[f]);
      if (!FW_FACET_IS_FIRM_LEVEL (f) && fw_filter_facet_is_active (filter, f))
        exhibition_filter = TRUE;
    }

  search = fw_filter_get_search (filter);
  if (search != NULL)
    folded_search = fold_for_search (search);

  /* Every exhibition facet but the year depends on the fair alone, so the
   * per-fair fails mask is computed once per fair, not per exhibition. */
  fair_fails = g_new0 (guint32, MAX (c.n_fairs, 1));
  for (guint a = 0; a < c.n_fairs; a++)
    {
      FwCountryId host = c.fair_host[a];
      guint host_continent = continent[host];
      guint adv = host == FW_COUNTRY_UNKNOWN ? FW_ADVERSARY_UNKNOWN
                  : adversary[host] ? FW_ADVERSARY_YES : FW_ADVERSARY_NO;

      fair_fails[a] = (pass[FW_FACET_FAIR][a] ? 0 : 1u << FW_FACET_FAIR) |
                      (pass[FW_FACET_HOST_COUNTRY][host] ? 0 : 1u << FW_FACET_HOST_COUNTRY) |
                      (pass[FW_FACET_HOST_CONTINENT][host_continent] ? 0 : 1u << FW_FACET_HOST_CONTINENT) |
                      (pass[FW_FACET_ADVERSARY][adv] ? 0 : 1u << FW_FACET_ADVERSARY);
    }

  year_fails = g_new0 (guint32, self->n_values[FW_FACET_YEAR]);
  for (guint y = 0; y < self->n_values[FW_FACET_YEAR]; y++)
    year_fails[y] = pass[FW_FACET_YEAR][y] ? 0 : 1u << FW_FACET_YEAR;

  memset (self->firm_mask, 0, c.n_firms);
  memset (self->exhibition_mask, 0, c.n_exhibitions);
  memset (self->kept_by_firm, 0, c.n_exhibitions);
  self->n_kept[FW_TABLE_FIRMS] = 0;
  self->n_kept[FW_TABLE_EXHIBITIONS] = 0;

  for (guint f = 0; f < c.n_firms; f++)
    {
      FwCountryId hq = c.firm_hq[f];
      guint confidence = c.firm_confidence[f];
      guint hq_continent = continent[hq];
      guint32 stamp = f + 1;
      guint32 firm_fails;
      gboolean exhibitions_ok = !exhibition_filter;

      firm_fails = (pass[FW_FACET_CONFIDENCE][confidence] ? 0 : 1u << FW_FACET_CONFIDENCE) |
                   (pass[FW_FACET_HQ_COUNTRY][hq] ? 0 : 1u << FW_FACET_HQ_COUNTRY) |
                   (pass[FW_FACET_HQ_CONTINENT][hq_continent] ? 0 : 1u << FW_FACET_HQ_CONTINENT);
      if (folded_search != NULL && strstr (self->folded_names[f], folded_search) == NULL)
        firm_fails |= SEARCH_BIT;

      /* Two failing firm facets: nothing this firm does counts under "all
       * the other facets". */
      if ((firm_fails & (firm_fails - 1)) != 0)
        continue;

      for (guint i = self->firm_start[f]; i < self->firm_start[f + 1]; i++)
        {
          guint fair = self->fair_by_firm[i];
          guint year = self->year_by_firm[i];
          guint32 fails = fair_fails[fair] | year_fails[year];
          FwCountryId host;

          if (fails == 0)
            exhibitions_ok = TRUE;

          /* With a firm facet failing, the exhibition can only count
           * towards that firm facet, done below. */
          if (firm_fails != 0)
            {
              if (exhibitions_ok)
                break;
              continue;
            }

          host = c.fair_host[fair];
          if (fails == 0)
            {
              self->exhibition_mask[self->by_firm[i]] = 1;
              self->kept_by_firm[i] = 1;
              self->n_kept[FW_TABLE_EXHIBITIONS]++;
            }

          /* An exhibition counts towards every exhibition facet it passes
           * when at most that one facet fails. */
          if ((fails & (fails - 1)) != 0)
            continue;

          if ((fails & ~(1u << FW_FACET_FAIR)) == 0)
            count_value (self, FW_FACET_FAIR, fair, stamp);
          if ((fails & ~(1u << FW_FACET_HOST_COUNTRY)) == 0)
            count_value (self, FW_FACET_HOST_COUNTRY, host, stamp);
          if ((fails & ~(1u << FW_FACET_HOST_CONTINENT)) == 0)
            count_value (self, FW_FACET_HOST_CONTINENT, continent[host], stamp);
          if ((fails & ~(1u << FW_FACET_ADVERSARY)) == 0)
            count_value (self, FW_FACET_ADVERSARY,
                         host == FW_COUNTRY_UNKNOWN ? FW_ADVERSARY_UNKNOWN
                         : adversary[host] ? FW_ADVERSARY_YES : FW_ADVERSARY_NO,
                         stamp);
          if ((fails & ~(1u << FW_FACET_YEAR)) == 0)
            count_value (self, FW_FACET_YEAR, year, stamp);
        }

      if (!exhibitions_ok)
        continue;

      if ((firm_fails & ~(1u << FW_FACET_CONFIDENCE)) == 0)
        self->counts[FW_FACET_CONFIDENCE][confidence]++;
      if ((firm_fails & ~(1u << FW_FACET_HQ_COUNTRY)) == 0)
        self->counts[FW_FACET_HQ_COUNTRY][hq]++;
      if ((firm_fails & ~(1u << FW_FACET_HQ_CONTINENT)) == 0)
        self->counts[FW_FACET_HQ_CONTINENT][hq_continent]++;

      if (firm_fails == 0)
        {
          self->firm_mask[f] = 1;
          self->n_kept[FW_TABLE_FIRMS]++;
        }
    }

  for (guint f = 0; f < FW_N_FACETS; f++)
    g_free (pass[f]);
}

void
fw_query_ensure_current (FwQuery *self)
{
  g_return_if_fail (FW_IS_QUERY (self));

  if (self->generation != fw_dataset_get_generation (self->dataset) || self->firm_mask == NULL)
    fw_query_run (self, self->filter);
}

const guint8 *
fw_query_get_firm_mask (FwQuery *self)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);

  return self->firm_mask;
}

const guint8 *
fw_query_get_exhibition_mask (FwQuery *self)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);

  return self->exhibition_mask;
}

guint
fw_query_get_n_kept (FwQuery *self,
                     FwTable  table)
{
  g_return_val_if_fail (FW_IS_QUERY (self), 0);
  g_return_val_if_fail (table < FW_N_TABLES, 0);

  if (table == FW_TABLE_FAIRS)
    {
      /* Fairs with at least one kept exhibition. */
      FwColumns c;
      g_autofree guint8 *seen = NULL;
      guint n = 0;

      fw_dataset_get_columns (self->dataset, &c);
      seen = g_new0 (guint8, MAX (c.n_fairs, 1));
      for (guint e = 0; e < c.n_exhibitions; e++)
        if (self->exhibition_mask[e] && !seen[c.exhibition_fair[e]])
          {
            seen[c.exhibition_fair[e]] = 1;
            n++;
          }
      return n;
    }

  return self->n_kept[table];
}

const guint32 *
fw_query_get_exhibitions_by_firm (FwQuery        *self,
                                  const guint32 **firm_start)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);

  ensure_derived (self);
  if (firm_start != NULL)
    *firm_start = self->firm_start;

  return self->by_firm;
}

void
fw_query_get_firm_exhibitions (FwQuery           *self,
                               FwFirmExhibitions *out)
{
  g_return_if_fail (FW_IS_QUERY (self));
  g_return_if_fail (out != NULL);

  fw_query_ensure_current (self);
  out->n = fw_dataset_get_n_rows (self->dataset, FW_TABLE_EXHIBITIONS);
  out->start = self->firm_start;
  out->row = self->by_firm;
  out->fair = self->fair_by_firm;
  out->year = self->year_by_firm;
  out->kept = self->kept_by_firm;
}

/* Collation keys are made once per name, so that rankings and lists sort
 * by comparing integers instead of collating strings again and again. */
const guint32 *
fw_query_get_name_rank (FwQuery *self,
                        FwTable  table)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);
  g_return_val_if_fail (table == FW_TABLE_FIRMS || table == FW_TABLE_FAIRS, NULL);

  ensure_derived (self);

  if (self->name_rank[table] == NULL)
    {
      guint n = fw_dataset_get_n_rows (self->dataset, table);
      g_autofree FwCollateItem *items = g_new (FwCollateItem, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          const char *name = table == FW_TABLE_FIRMS ? fw_dataset_get_firm_name (self->dataset, i)
                                                     : fw_dataset_get_fair_name (self->dataset, i);

          items[i].key = g_utf8_collate_key (name, -1);
          items[i].index = i;
        }

      qsort (items, n, sizeof (FwCollateItem), fw_collate_item_compare);

      self->name_rank[table] = g_new (guint32, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          self->name_rank[table][items[i].index] = i;
          g_free (items[i].key);
        }
    }

  return self->name_rank[table];
}

const guint32 *
fw_query_get_facet_counts (FwQuery *self,
                           FwFacet  facet,
                           guint   *n_values)
{
  g_return_val_if_fail (FW_IS_QUERY (self), NULL);
  g_return_val_if_fail (facet < FW_N_FACETS, NULL);

  ensure_derived (self);
  if (n_values != NULL)
    *n_values = self->n_values[facet];

  return self->counts[facet];
}
