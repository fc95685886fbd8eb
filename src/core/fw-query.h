/* fw-query.h: evaluating a filter over a dataset, with facet counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"
#include "fw-filter.h"

G_BEGIN_DECLS

#define FW_TYPE_QUERY (fw_query_get_type ())

G_DECLARE_FINAL_TYPE (FwQuery, fw_query, FW, QUERY, GObject)

/* A query owns the buffers of one evaluation, so that re-running it after
 * a click allocates nothing.  Results are valid until the next run. */

FwQuery        *fw_query_new                  (FwDataset      *dataset);
FwDataset      *fw_query_get_dataset          (FwQuery        *self);
void            fw_query_run                  (FwQuery        *self,
                                               const FwFilter *filter);
/* Re-runs the last filter if the dataset changed since. */
void            fw_query_ensure_current       (FwQuery        *self);
const FwFilter *fw_query_get_filter           (FwQuery        *self);

/* 1 for each firm (exhibition) the filter keeps. */
const guint8   *fw_query_get_firm_mask        (FwQuery        *self);
const guint8   *fw_query_get_exhibition_mask  (FwQuery        *self);
guint           fw_query_get_n_kept           (FwQuery        *self,
                                               FwTable         table);

/* Exhibition rows ordered by firm (stable), and the start of each firm's
 * run in that order: firm f's exhibitions are order[start[f]..start[f+1]). */
const guint32  *fw_query_get_exhibitions_by_firm (FwQuery      *self,
                                               const guint32 **firm_start);

/* The same order with the columns a pass over every exhibition reads,
 * copied into it, so that such a pass reads memory in sequence: position
 * i is exhibition row[i], at fair[i] in year[i], kept[i] by the last run. */
typedef struct
{
  guint          n;
  const guint32 *start;     /* n_firms + 1 */
  const guint32 *row;
  const guint32 *fair;
  const guint16 *year;
  const guint8  *kept;
} FwFirmExhibitions;

void            fw_query_get_firm_exhibitions (FwQuery           *self,
                                               FwFirmExhibitions *out);

/* For the firms or fairs table, each row's position when the rows are
 * sorted by name for the reader's locale; computed once per dataset. */
const guint32  *fw_query_get_name_rank        (FwQuery        *self,
                                               FwTable         table);

/* For each value of @facet, the number of distinct firms that would be
 * kept if that value were the facet's only selection, i.e. evaluated under
 * all the other facets' filters. */
const guint32  *fw_query_get_facet_counts     (FwQuery        *self,
                                               FwFacet         facet,
                                               guint          *n_values);

G_END_DECLS
