/* fw-recovery.h: recovery files for unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FW_RECOVERY_FORMAT_NAME "fairwatch-recovery"

/* $XDG_STATE_HOME/fairwatch/recovery (~/.local/state/fairwatch/recovery):
 * state that belongs to this machine and is not a document. */
char       *fw_recovery_get_directory (void);
/* The recovery file for a dataset known by @source (an absolute path, or
 * a resource:// URI for the built-in data). */
char       *fw_recovery_path_for      (const char  *source);
/* Recovery files present, oldest first. */
GPtrArray  *fw_recovery_list          (void);

gboolean    fw_recovery_write         (const char  *path,
                                       JsonNode    *content,
                                       GError     **error);
JsonNode   *fw_recovery_read          (const char  *path,
                                       GError     **error);
void        fw_recovery_discard       (const char  *path);

G_END_DECLS
