/* fw-dataset-private.h: the dataset's columns, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GArray *values;   /* guint32 string ids, one per row */
} ExtraColumn;

struct _FwDataset
{
  GObject      parent_instance;

  FwCountries *countries;
  FwStrPool   *strings;
  guint64      generation;

  char        *title;
  char        *description;
  char        *citation;
  gboolean     fictional;
  FwCsvLayout *csv_layout;
  JsonNode    *history;

  /* firms */
  GArray      *firm_id;
  GArray      *firm_name;
  GArray      *firm_hq;
  GArray      *firm_confidence;
  GArray      *firm_website;
  GArray      *firm_notes;
  GArray      *firm_source;

  /* fairs */
  GArray      *fair_id;
  GArray      *fair_name;
  GArray      *fair_host;
  GArray      *fair_city;

  /* exhibitions */
  GArray      *exhibition_firm;
  GArray      *exhibition_fair;
  GArray      *exhibition_year;
  GArray      *exhibition_source;
  GArray      *exhibition_note;

  GPtrArray   *extra[FW_N_TABLES];   /* ExtraColumn */
  guint        n_rows[FW_N_TABLES];
};

static inline GArray *
column_new (guint element_size)
{
  return g_array_new (FALSE, TRUE, element_size);
}

static inline guint32
intern (FwDataset  *self,
        const char *str)
{
  return fw_str_pool_intern (self->strings, str);
}

/* The string in column @array at @row; "" when empty. */
#define STR(array, row) fw_str_pool_get (self->strings, g_array_index (array, guint32, row))

G_END_DECLS
