/* fw-map-widget.h: a map view, drawn by src/render, with hover, clicks,
 * zoom, pan and the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"
#include "fw-map.h"

G_BEGIN_DECLS

#define FW_TYPE_MAP_WIDGET (fw_map_widget_get_type ())

G_DECLARE_FINAL_TYPE (FwMapWidget, fw_map_widget, FW, MAP_WIDGET, GtkWidget)

GtkWidget  *fw_map_widget_new           (FwMapKind     kind);
/* The map whose options the page sets; call fw_map_widget_refresh()
 * after changing them. */
FwMap      *fw_map_widget_get_map       (FwMapWidget  *self);
void        fw_map_widget_refresh       (FwMapWidget  *self);
void        fw_map_widget_set_kind      (FwMapWidget  *self,
                                         FwMapKind     kind);
void        fw_map_widget_set_explorer  (FwMapWidget  *self,
                                         FwExplorer   *explorer);
void        fw_map_widget_reset_view    (FwMapWidget  *self);
/* What a click or Enter on the mark does, for pointer, keyboard and tests. */
void        fw_map_widget_activate_mark (FwMapWidget  *self,
                                         guint         index);

G_END_DECLS
