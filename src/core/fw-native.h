/* fw-native.h: the native, self-contained JSON format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-dataset.h"
#include "fw-problem.h"

G_BEGIN_DECLS

#define FW_NATIVE_FORMAT_NAME    "fairwatch-dataset"
#define FW_NATIVE_FORMAT_VERSION 1

FwDataset *fw_native_read  (GBytes        *data,
                            const char    *filename,
                            FwProblems    *problems,
                            GError       **error);

gboolean   fw_native_write (FwDataset     *dataset,
                            GOutputStream *stream,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
