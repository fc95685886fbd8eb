/* fw-test-widget.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for @ms milliseconds, then until it is idle. */
void fw_test_settle   (guint       ms);
/* Writes what @widget shows to @name in the build directory, for a person
 * to look at; waits (up to a few seconds on a loaded machine) until the
 * widget is mapped and has a size. */
void fw_test_save_png (GtkWidget  *widget,
                       const char *name);

G_END_DECLS
