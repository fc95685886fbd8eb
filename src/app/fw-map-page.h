/* fw-map-page.h: the three maps with their controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-map-widget.h"

G_BEGIN_DECLS

#define FW_TYPE_MAP_PAGE (fw_map_page_get_type ())

G_DECLARE_FINAL_TYPE (FwMapPage, fw_map_page, FW, MAP_PAGE, AdwBin)

GtkWidget   *fw_map_page_new            (void);
FwMapWidget *fw_map_page_get_map_widget (FwMapPage *self);
void         fw_map_page_set_kind       (FwMapPage *self,
                                         FwMapKind  kind);

G_END_DECLS
