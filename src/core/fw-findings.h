/* fw-findings.h: the report's four findings, under the current filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fw-query.h"

G_BEGIN_DECLS

/* The definitions are those of FACTS.md ("Definitions the application
 * uses"); DESIGN.md says how unknown values are treated. */

typedef struct
{
  guint   key;      /* country id, continent, or fair row */
  guint   firms;    /* distinct firms */
} FwRankEntry;

typedef struct
{
  guint16 year;     /* FW_YEAR_UNKNOWN collects exhibitions of unknown year */
  guint   home_country;
  guint   home_continent;
  guint   outside_continent;
  guint   unknown;  /* HQ or every host that year unknown */
} FwYearClasses;

typedef struct
{
  guint16     year;
  FwCountryId host;
} FwAdversaryVisit;

typedef struct
{
  guint   firm;     /* row in the firms table */
  GArray *hosts;    /* FwCountryId, sorted by code */
  GArray *years;    /* guint16, sorted; unknown years are left out */
  GArray *visits;   /* FwAdversaryVisit, sorted by year then host code, unique,
                     * known years only */
  gboolean unknown_years;
} FwAdversaryFirm;

typedef struct
{
  /* The data the filter keeps. */
  guint      n_firms;
  guint      n_exhibitions;
  guint      n_hq_countries;     /* distinct known HQ countries */
  guint      confidence[FW_N_CONFIDENCE];
  GArray    *hq_countries;       /* FwRankEntry by firms desc, then name */
  GArray    *hq_continents;      /* FwRankEntry */

  /* Finding 2: base firms (high or medium confidence). */
  guint      base_firms;
  guint      five_eyes_only;
  guint      outside_home_country;
  guint      outside_home_continent;
  guint      base_unknown_hq;    /* base firms whose HQ is unknown */
  guint      unknown_host_exhibitions;
  GArray    *by_year;            /* FwYearClasses by year; unknown year last */

  /* Finding 3. */
  GArray    *fairs;              /* FwRankEntry: fair row, distinct base firms */
  GArray    *host_countries;     /* FwRankEntry: distinct base firms */
  GArray    *host_countries_all; /* FwRankEntry: distinct firms of any confidence */

  /* Finding 4. */
  GPtrArray *adversary_firms;    /* FwAdversaryFirm, by name */
  guint      adversary_unknown_hq; /* base firms at adversary fairs, HQ unknown */
} FwFindings;

FwFindings *fw_findings_compute (FwQuery    *query);
void        fw_findings_free    (FwFindings *findings);

/* The structure `fairwatch summary --json` prints. */
JsonNode   *fw_findings_to_json (FwFindings *findings,
                                 FwDataset  *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwFindings, fw_findings_free)

G_END_DECLS
