/* fw-firm-detail.h: one firm, its record and every exhibition it made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-chart.h"
#include "fw-explorer.h"

G_BEGIN_DECLS

#define FW_TYPE_FIRM_DETAIL (fw_firm_detail_get_type ())

G_DECLARE_FINAL_TYPE (FwFirmDetail, fw_firm_detail, FW, FIRM_DETAIL, AdwWindow)

GtkWindow *fw_firm_detail_new                (GtkWindow    *parent,
                                              FwExplorer   *explorer,
                                              guint         firm);
guint      fw_firm_detail_get_firm           (FwFirmDetail *self);
/* All of the firm's exhibitions, and those the filter keeps. */
guint      fw_firm_detail_get_n_exhibitions  (FwFirmDetail *self);
guint      fw_firm_detail_get_n_kept         (FwFirmDetail *self);
FwChart   *fw_firm_detail_get_chart          (FwFirmDetail *self);
/* Shows another firm, e.g. after an edit moved this one to another row. */
void       fw_firm_detail_set_firm           (FwFirmDetail *self,
                                              guint         firm);
/* Puts @widget in place of the read-only record (the edit form). */
void       fw_firm_detail_add_section        (FwFirmDetail *self,
                                              GtkWidget    *widget);
/* What the "Filter to this firm" button does. */
void       fw_firm_detail_filter_to_firm     (FwFirmDetail *self);

G_END_DECLS
