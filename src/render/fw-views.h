/* fw-views.h: the report's findings as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-chart.h"
#include "fw-explorer.h"
#include "fw-figure.h"
#include "fw-map.h"

G_BEGIN_DECLS

/* The most firms the Finding 4 timeline draws; the rest are counted. */
#define FW_VIEW_MAX_TIMELINE_ROWS 40

/* Each view reads the explorer's findings (never re-filters) and builds a
 * chart whose marks filter on what they show. */
typedef enum
{
  FW_VIEW_CONFIDENCE,      /* Finding 1: firms by confidence level */
  FW_VIEW_HQ_COUNTRIES,    /* Finding 1: firms by HQ country, top 15 and the rest */
  FW_VIEW_BY_YEAR,         /* Finding 2: where base firms exhibited, per year */
  FW_VIEW_FAIRS,           /* Finding 3: fairs by distinct base firms */
  FW_VIEW_HOSTS,           /* Finding 3: host countries by distinct base firms */
  FW_VIEW_HOSTS_ALL,       /* Finding 3: host countries by firms of any confidence */
  FW_VIEW_ADVERSARY,       /* Finding 4: base firms at fairs in adversary countries */
  FW_VIEW_MAP_HQ,          /* Finding 2: map of firms per HQ country */
  FW_VIEW_MAP_HOSTS,       /* Finding 3: map of firms per host country */
  FW_VIEW_MAP_FLOWS,       /* Findings 2 and 3: map of flows from HQ to host country */
  FW_N_VIEWS
} FwView;

/* Which firms a view counts, for captions ("n = 81 firms"). */
typedef enum
{
  FW_VIEW_COUNTS_FIRMS,        /* every firm the filter keeps */
  FW_VIEW_COUNTS_BASE_FIRMS,   /* only the high/medium-confidence ones */
} FwViewPopulation;

/* Views before this one are charts (fw_view_build()), the rest maps. */
#define FW_N_CHART_VIEWS FW_VIEW_MAP_HQ
#define FW_VIEW_IS_MAP(view) ((view) >= FW_VIEW_MAP_HQ && (view) < FW_N_VIEWS)

/* Stable names for files, settings and the command line. */
const char *fw_view_get_id    (FwView       view);
gboolean    fw_view_from_id   (const char  *id,
                               FwView      *view);
const char *fw_view_get_title (FwView       view);
FwViewPopulation fw_view_get_population (FwView view);
/* How many firms the view counts under the explorer's filter. */
guint       fw_view_count_firms (FwView     view,
                               FwExplorer  *explorer);
/* Chart views only. */
FwChart    *fw_view_build     (FwView       view,
                               FwExplorer  *explorer);
/* Any view as a figure with its default options, for export and print. */
FwFigure   *fw_view_build_figure (FwView     view,
                               FwExplorer  *explorer);

G_END_DECLS
