/* fw-table-view.h: one table (firms, fairs or exhibitions) as sortable columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"
#include "fw-record-list.h"

G_BEGIN_DECLS

#define FW_TYPE_TABLE_VIEW (fw_table_view_get_type ())

G_DECLARE_FINAL_TYPE (FwTableView, fw_table_view, FW, TABLE_VIEW, GtkWidget)

GtkWidget           *fw_table_view_new             (FwTable      table);
FwTable              fw_table_view_get_table       (FwTableView *self);
FwExplorer          *fw_table_view_get_explorer    (FwTableView *self);
void                 fw_table_view_set_explorer    (FwTableView *self,
                                                    FwExplorer  *explorer);

FwRecordList        *fw_table_view_get_list        (FwTableView *self);
GtkColumnView       *fw_table_view_get_column_view (FwTableView *self);
/* The column showing @field (@extra for FW_FIELD_EXTRA), or NULL. */
GtkColumnViewColumn *fw_table_view_get_column      (FwTableView *self,
                                                    FwField      field,
                                                    guint        extra);
/* Sets the search entry's text and applies it at once. */
void                 fw_table_view_set_search      (FwTableView *self,
                                                    const char  *text);
/* "1,234 of 50,000 firms" */
const char          *fw_table_view_get_count_text  (FwTableView *self);
/* What activating a row does (double click, Enter): a firm, or an
 * exhibition's firm, opens through "win.show-firm"; a fair toggles it
 * in the filter. */
void                 fw_table_view_activate_row    (FwTableView *self,
                                                    guint        position);

/* Cells of the table's own fields (and an exhibition's firm and fair)
 * open for editing on a click; see FwEditCell. */
void                 fw_table_view_set_editable    (FwTableView *self,
                                                    gboolean     editable);
/* Puts @tool at the end of the row above the table, after the count. */
void                 fw_table_view_add_tool        (FwTableView *self,
                                                    GtkWidget   *tool);
/* Selects and shows @row, a row of the dataset; FALSE when the filter
 * hides it. */
gboolean             fw_table_view_select_row      (FwTableView *self,
                                                    guint        row);
/* The dataset row selected, or -1. */
gint                 fw_table_view_get_selected_row (FwTableView *self);

G_END_DECLS
