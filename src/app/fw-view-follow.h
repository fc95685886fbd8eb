/* fw-view-follow.h: views that follow an explorer while they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"

G_BEGIN_DECLS

typedef void (*FwViewRebuildFunc) (gpointer view);

/* Puts @explorer in @slot (see fw_explorer_replace()) and rebuilds @view
 * with @rebuild on every change while it is mapped.  A change while it is
 * not waits until it is mapped, so that a click costs only what is shown.
 * Returns FALSE when @slot already held @explorer. */
gboolean fw_view_follow_explorer (GtkWidget          *view,
                                  FwExplorer        **slot,
                                  FwExplorer         *explorer,
                                  FwViewRebuildFunc   rebuild);
/* Rebuilds now if a change is waiting, for code that reads the view. */
void     fw_view_follow_ensure   (GtkWidget          *view);

G_END_DECLS
