/* fw-cli.h: the command line, which needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the arguments ask for the command line rather than the window. */
gboolean fw_cli_handles (int    argc,
                         char **argv);
int      fw_cli_run     (int    argc,
                         char **argv);

G_END_DECLS
