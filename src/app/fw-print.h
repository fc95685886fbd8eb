/* fw-print.h: a framed figure through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-export.h"

G_BEGIN_DECLS

/* One page: the figure fitted to the page's width inside its margins,
 * with its caption and source beneath, never taller than the page.  The
 * caller runs it (print dialog, or export to a PDF file for tests). */
GtkPrintOperation *fw_print_operation_new (FwExport *export);

G_END_DECLS
