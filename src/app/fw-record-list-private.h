/* fw-record-list-private.h: what the list, its sort keys and its search share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-record-list.h"

G_BEGIN_DECLS

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
  GHashTable *live;               /* position -> FwRecord someone holds (unowned) */

  SortLevel   levels[MAX_SORT_LEVELS];
  guint       n_levels;

  /* Derived from the dataset, dropped when its generation changes; both
   * map a field (see field_cache_key ()) to an array over its table's rows. */
  guint64     generation;
  GHashTable *keys;
  GHashTable *string_ids;

  /* Derived from the filter, per row of the list's table. */
  guint32    *kept_exhibitions;
  guint32    *kept_firms;
  guint       n_counts;
};

typedef struct
{
  FwField        field;
  FwTable        table;
  const guint32 *ids;                 /* for text */
} FwRecordSearchField;

/* A search remembers its answer per distinct value (string id, country,
 * year), so a million rows cost a million lookups and few foldings. */
typedef struct
{
  FwRecordList        *self;
  FwDataset           *dataset;
  FwStrPool           *pool;
  FwColumns            c;
  const char          *needle;
  guint8              *text_state;    /* per string id: 0 unseen, 1 match, 2 not */
  guint8              *country_state;
  guint8               confidence_state[FW_N_CONFIDENCE];
  guint8               year_state[FW_YEAR_MAX + 1];
  FwRecordSearchField *fields;
  guint                n_fields;
} FwRecordSearch;

FwField        fw_record_list_canonical_field (FwField          field);
gboolean       fw_record_list_is_count_field  (FwField          field);
FieldKind      fw_record_list_field_kind      (FwField          field);
FwTable        fw_record_list_field_table     (FwRecordList    *self,
                                               FwField          field);
gboolean       fw_record_list_field_applies   (FwRecordList    *self,
                                               FwField          field);

void           fw_record_list_ensure_current  (FwRecordList    *self);
const guint32 *fw_record_list_get_string_ids  (FwRecordList    *self,
                                               FwField          field,
                                               guint            extra);
void           fw_record_list_sort_rows       (FwRecordList    *self);

char          *fw_record_list_fold_for_search (const char      *text);
const char    *fw_record_list_field_string    (FwDataset       *dataset,
                                               FwTable          table,
                                               guint            row,
                                               FwField          field,
                                               guint            extra);

void           fw_record_search_init          (FwRecordSearch  *search,
                                               FwRecordList    *self);
void           fw_record_search_clear         (FwRecordSearch  *search);
gboolean       fw_record_search_row           (FwRecordSearch  *search,
                                               guint            row);

static inline FwDataset *
fw_record_list_get_dataset (FwRecordList *self)
{
  return self->explorer != NULL ? fw_explorer_get_dataset (self->explorer) : NULL;
}

/* The row of @table that holds the value for the list's @row. */
static inline guint
fw_record_list_resolve_row (FwRecordList    *self,
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

G_END_DECLS
