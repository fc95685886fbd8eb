/* fw-changes-page.h: every edit since the file was opened, filterable, with revert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-document.h"

G_BEGIN_DECLS

#define FW_TYPE_CHANGES_PAGE (fw_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (FwChangesPage, fw_changes_page, FW, CHANGES_PAGE, AdwBin)

FwChangesPage *fw_changes_page_new          (void);
void           fw_changes_page_set_document (FwChangesPage *self,
                                             FwDocument    *document);
/* Shows only the edits whose record, field, reason or source contains
 * @text (case does not matter), and of @field unless it is FW_N_FIELDS. */
void           fw_changes_page_set_filter   (FwChangesPage *self,
                                             const char    *text,
                                             FwField        field);
/* The edits shown, newest first. */
guint          fw_changes_page_get_n_shown  (FwChangesPage *self);
guint64        fw_changes_page_get_shown_id (FwChangesPage *self,
                                             guint          index);

G_END_DECLS
