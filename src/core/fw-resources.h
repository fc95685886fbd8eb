/* fw-resources.h: the data files compiled into the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Makes sure the data resources are linked in and registered: in a static
 * library, nothing else would pull in their object file. */
void fw_resources_ensure (void);

G_END_DECLS
