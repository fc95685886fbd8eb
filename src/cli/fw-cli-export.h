/* fw-cli-export.h: `fairwatch export`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* argv[0] is "export"; returns the exit status. */
int fw_cli_export (int    argc,
                   char **argv);

G_END_DECLS
