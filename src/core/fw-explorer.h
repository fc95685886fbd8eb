/* fw-explorer.h: a dataset being explored: the filter, its history, results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-findings.h"

G_BEGIN_DECLS

#define FW_TYPE_EXPLORER (fw_explorer_get_type ())

G_DECLARE_FINAL_TYPE (FwExplorer, fw_explorer, FW, EXPLORER, GObject)

/* The one place every view reads from: setting a filter re-runs the query
 * once, and every view redraws from the same results on "changed".  Each
 * filter change is a step in a back/forward history, like a browser's. */

FwExplorer     *fw_explorer_new              (FwDataset      *dataset);
FwDataset      *fw_explorer_get_dataset      (FwExplorer     *self);
FwQuery        *fw_explorer_get_query        (FwExplorer     *self);
FwFindings     *fw_explorer_get_findings     (FwExplorer     *self);
const FwFilter *fw_explorer_get_filter       (FwExplorer     *self);

void            fw_explorer_set_filter       (FwExplorer     *self,
                                              const FwFilter *filter);
void            fw_explorer_toggle_value     (FwExplorer     *self,
                                              FwFacet         facet,
                                              guint           value);
void            fw_explorer_set_match        (FwExplorer     *self,
                                              FwFacet         facet,
                                              FwMatch         match);
void            fw_explorer_clear_facet      (FwExplorer     *self,
                                              FwFacet         facet);
void            fw_explorer_set_years        (FwExplorer     *self,
                                              guint16         first,
                                              guint16         last);
void            fw_explorer_set_search       (FwExplorer     *self,
                                              const char     *text);
void            fw_explorer_clear_filter     (FwExplorer     *self);

/* The dataset changed (an edit): re-runs the query with the same filter
 * and emits "changed". */
void            fw_explorer_refresh          (FwExplorer     *self);

gboolean        fw_explorer_can_go_back      (FwExplorer     *self);
gboolean        fw_explorer_can_go_forward   (FwExplorer     *self);
void            fw_explorer_go_back          (FwExplorer     *self);
void            fw_explorer_go_forward       (FwExplorer     *self);

/* For views that follow an explorer: replaces *@slot with @explorer and
 * moves @on_changed (connected swapped to @instance) from the old one to
 * the new.  FALSE when @explorer was already there. */
gboolean        fw_explorer_replace          (FwExplorer    **slot,
                                              FwExplorer     *explorer,
                                              gpointer        instance,
                                              GCallback       on_changed);

/* The filter in one line of plain language, e.g. "High or Medium
 * confidence · hosted in France · 2010–2019"; "All records" when empty. */
char           *fw_filter_describe           (const FwFilter *filter,
                                              FwDataset      *dataset);

G_END_DECLS
