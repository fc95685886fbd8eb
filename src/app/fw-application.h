/* fw-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FW_TYPE_APPLICATION (fw_application_get_type ())

G_DECLARE_FINAL_TYPE (FwApplication, fw_application, FW, APPLICATION, AdwApplication)

FwApplication *fw_application_new (void);
/* The application's settings, or NULL when its schema is not installed
 * (run from a build tree): then nothing is remembered. */
GSettings     *fw_application_dup_settings (void);
int            fw_application_run_main (int    argc,
                                        char **argv);

G_END_DECLS
