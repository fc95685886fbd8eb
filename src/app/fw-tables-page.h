/* fw-tables-page.h: the firms, fairs and exhibitions tables under the filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-explorer.h"
#include "fw-table-view.h"

G_BEGIN_DECLS

#define FW_TYPE_TABLES_PAGE (fw_tables_page_get_type ())

G_DECLARE_FINAL_TYPE (FwTablesPage, fw_tables_page, FW, TABLES_PAGE, AdwBin)

FwTablesPage *fw_tables_page_new          (void);
FwExplorer   *fw_tables_page_get_explorer (FwTablesPage *self);
void          fw_tables_page_set_explorer (FwTablesPage *self,
                                           FwExplorer   *explorer);
FwTableView  *fw_tables_page_get_view     (FwTablesPage *self,
                                           FwTable       table);
void          fw_tables_page_show_table   (FwTablesPage *self,
                                           FwTable       table);

/* Another page beside the three tables (the Problems panel, the Changes
 * view), with its own tab. */
void          fw_tables_page_add_panel    (FwTablesPage *self,
                                           GtkWidget    *panel,
                                           const char   *name,
                                           const char   *title);
GtkWidget    *fw_tables_page_get_panel    (FwTablesPage *self,
                                           const char   *name);
void          fw_tables_page_show_panel   (FwTablesPage *self,
                                           const char   *name);

G_END_DECLS
