/* fw-overview.h: the report's headline figures beside this data's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-explorer.h"

G_BEGIN_DECLS

#define FW_TYPE_OVERVIEW (fw_overview_get_type ())

G_DECLARE_FINAL_TYPE (FwOverview, fw_overview, FW, OVERVIEW, AdwBin)

FwOverview *fw_overview_new (void);

/* The number of rows whose figure matches the report's. */
guint       fw_overview_get_n_matching (FwOverview *self);
guint       fw_overview_get_n_rows     (FwOverview *self);

G_END_DECLS
