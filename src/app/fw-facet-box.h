/* fw-facet-box.h: one facet of the filter sidebar, its values with counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"

G_BEGIN_DECLS

#define FW_TYPE_FACET_BOX (fw_facet_box_get_type ())

G_DECLARE_FINAL_TYPE (FwFacetBox, fw_facet_box, FW, FACET_BOX, GtkWidget)

/* Facets with more values than this get a search entry, a sort order and
 * a "Show All" button, and show only this many rows until asked. */
#define FW_FACET_BOX_N_SHORT 8

GtkWidget      *fw_facet_box_new             (FwFacet     facet,
                                              const char *title);
FwFacet         fw_facet_box_get_facet       (FwFacetBox *self);
const char     *fw_facet_box_get_title       (FwFacetBox *self);
FwExplorer     *fw_facet_box_get_explorer    (FwFacetBox *self);
void            fw_facet_box_set_explorer    (FwFacetBox *self,
                                              FwExplorer *explorer);

/* A value's row: its check button (NULL when there is no such value),
 * whether the row is on screen, and the count it shows.  For tests and
 * for moving the focus. */
GtkCheckButton *fw_facet_box_get_check       (FwFacetBox *self,
                                              guint       value);
gboolean        fw_facet_box_is_value_shown  (FwFacetBox *self,
                                              guint       value);
const char     *fw_facet_box_get_count_text  (FwFacetBox *self,
                                              guint       value);

G_END_DECLS
