/* fw-export-dialog.h: choosing format, size and background for a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-export.h"

G_BEGIN_DECLS

#define FW_TYPE_EXPORT_DIALOG (fw_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FwExportDialog, fw_export_dialog, FW, EXPORT_DIALOG, AdwWindow)

FwExportDialog *fw_export_dialog_new         (GtkWindow             *parent,
                                              FwExplorer            *explorer,
                                              FwView                 view);
/* How the dialog makes the export of a view (default fw_export_new()),
 * e.g. to apply the options a map shows on screen. */
typedef FwExport *(*FwExportBuilder) (FwView   view,
                                      gpointer user_data);

void            fw_export_dialog_set_builder (FwExportDialog        *self,
                                              FwExportBuilder        builder,
                                              gpointer               user_data);
FwView          fw_export_dialog_get_view    (FwExportDialog        *self);
void            fw_export_dialog_get_options (FwExportDialog        *self,
                                              FwExportOptions       *options);
void            fw_export_dialog_set_options (FwExportDialog        *self,
                                              const FwExportOptions *options);
/* What the Export button does once a file is chosen. */
gboolean        fw_export_dialog_save        (FwExportDialog        *self,
                                              const char            *path,
                                              GError               **error);

G_END_DECLS
