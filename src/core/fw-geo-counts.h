/* fw-geo-counts.h: what the maps show, counted from the query's kept records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-findings.h"

G_BEGIN_DECLS

/* How a flow from a firm's HQ country to a fair's host country reads
 * against the report's findings.  An adversary host wins over the
 * continents when the HQ is not itself an adversary (Finding 4). */
typedef enum
{
  FW_FLOW_SAME_COUNTRY,
  FW_FLOW_SAME_CONTINENT,
  FW_FLOW_OTHER_CONTINENT,
  FW_FLOW_ADVERSARY,
  FW_N_FLOW_CLASSES
} FwFlowClass;

typedef struct
{
  FwCountryId hq;
  FwCountryId host;
  guint       firms;   /* distinct kept firms with a kept exhibition there */
  FwFlowClass klass;
} FwFlow;

/* Every firm the filter keeps counts, whatever its confidence: the
 * confidence filter decides.  Arrays are indexed by FwCountryId. */
typedef struct
{
  guint    n_ids;
  guint    n_firms;            /* kept firms */
  guint    unknown_hq;         /* kept firms whose HQ is unknown */
  guint    unknown_host;       /* kept firms with a kept exhibition of unknown host */
  guint   *hq_firms;           /* kept firms per HQ country */
  guint   *host_firms;         /* distinct kept firms per host country */
  guint   *host_confidence;    /* the same per confidence: [host * FW_N_CONFIDENCE + confidence] */
  guint8  *hq_in_dataset;      /* some firm of the whole dataset has this HQ */
  guint8  *host_in_dataset;    /* some fair of the whole dataset is hosted here */
  GArray  *flows;              /* FwFlow between known countries, by firms desc, then hq, host */
} FwGeoCounts;

/* Matches any country in fw_geo_counts_top_fairs(). */
#define FW_GEO_ANY_COUNTRY ((guint) G_MAXUINT)

FwGeoCounts *fw_geo_counts_compute   (FwQuery     *query);
void         fw_geo_counts_free      (FwGeoCounts *counts);
/* The fairs with the most distinct kept firms of @hq at fairs hosted in
 * @host (either may be FW_GEO_ANY_COUNTRY): FwRankEntry, at most @max. */
GArray      *fw_geo_counts_top_fairs (FwQuery     *query,
                                      guint        hq,
                                      guint        host,
                                      guint        max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwGeoCounts, fw_geo_counts_free)

G_END_DECLS
