/* fw-problems-page.h: every problem the checks find in the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-document.h"

G_BEGIN_DECLS

#define FW_TYPE_PROBLEMS_PAGE (fw_problems_page_get_type ())

G_DECLARE_FINAL_TYPE (FwProblemsPage, fw_problems_page, FW, PROBLEMS_PAGE, AdwBin)

/* Lists fw_validate_dataset()'s problems, checked again after every
 * edit; activating one selects its record ("doc.select-record"). */
FwProblemsPage *fw_problems_page_new          (void);
void            fw_problems_page_set_document (FwProblemsPage *self,
                                               FwDocument     *document);
/* The problems listed, as fw_problem_to_string() writes them. */
GPtrArray      *fw_problems_page_get_lines    (FwProblemsPage *self);
GtkListBox     *fw_problems_page_get_list     (FwProblemsPage *self);

G_END_DECLS
