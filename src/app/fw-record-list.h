/* fw-record-list.h: the rows of one table that the filter keeps, sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"
#include "fw-record.h"

G_BEGIN_DECLS

#define FW_TYPE_RECORD_LIST (fw_record_list_get_type ())

G_DECLARE_FINAL_TYPE (FwRecordList, fw_record_list, FW, RECORD_LIST, GObject)

/* A GListModel of FwRecord over an index array: items are made on demand,
 * and sorting orders the indices by integer keys computed once per field,
 * so that a million rows sort without a million objects.
 *
 * Every change (filter, search, sort) is "changing", while the old
 * positions are still valid, then "changed".  In between, the positions
 * both orders share change in place: each record a widget holds takes its
 * position's new row and emits its own "changed"; only the positions
 * added or removed at the end are an items-changed.  GTK 4.8 would
 * otherwise destroy and rebuild every row widget on each click (a
 * single items-changed (0, old, new) is worse: it asks for every new
 * item to find the rows it shows). */

/* The fields a table shows, in order, before the dataset's extra columns;
 * the search looks in these (but not in counts) and in the extras. */
const FwField *fw_record_list_get_fields      (FwTable        table,
                                               guint         *n_fields);

FwRecordList *fw_record_list_new              (FwTable        table);
FwTable       fw_record_list_get_table        (FwRecordList  *self);

FwExplorer   *fw_record_list_get_explorer     (FwRecordList  *self);
void          fw_record_list_set_explorer     (FwRecordList  *self,
                                               FwExplorer    *explorer);

/* Case-insensitive substring of any shown text field. */
const char   *fw_record_list_get_search       (FwRecordList  *self);
void          fw_record_list_set_search       (FwRecordList  *self,
                                               const char    *search);

/* The sorter of the GtkColumnView showing the list: its sort columns
 * (found with fw_field_sorter_probe) order the list, and its "changed"
 * re-sorts it. */
GtkSorter    *fw_record_list_get_sorter       (FwRecordList  *self);
void          fw_record_list_set_sorter       (FwRecordList  *self,
                                               GtkSorter     *sorter);
/* The primary sort field, FALSE when the list is in dataset order. */
gboolean      fw_record_list_get_sort_field   (FwRecordList  *self,
                                               FwField       *field,
                                               guint         *extra,
                                               GtkSortType   *order);

/* Rows in the table, whatever the filter. */
guint         fw_record_list_get_n_total      (FwRecordList  *self);
guint         fw_record_list_get_row          (FwRecordList  *self,
                                               guint          position);
/* The position of @row, or GTK_INVALID_LIST_POSITION. */
guint         fw_record_list_find_row         (FwRecordList  *self,
                                               guint          row);

/* The text a cell shows for @row (a row of the list's table); @unknown
 * is set for a value the data does not know, shown as "(unknown)". */
char         *fw_record_list_get_text         (FwRecordList  *self,
                                               guint          row,
                                               FwField        field,
                                               guint          extra,
                                               gboolean      *unknown);
GtkOrdering   fw_record_list_compare_rows     (FwRecordList  *self,
                                               FwField        field,
                                               guint          extra,
                                               guint          row_a,
                                               guint          row_b);

/* For FwRecord: a record someone held is gone. */
void          fw_record_list_forget       (FwRecordList *self,
                                           FwRecord     *record);

/* While deferred, explorer changes are applied when the list is next read
 * or undeferred, instead of at once. */
void          fw_record_list_set_deferred (FwRecordList *self,
                                           gboolean      deferred);

G_END_DECLS
