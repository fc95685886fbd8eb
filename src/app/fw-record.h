/* fw-record.h: one row of a table as a list item, and sorting by a field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-dataset.h"

G_BEGIN_DECLS

/* Counts under the current filter that tables show beside the dataset's
 * own fields; they extend FwField so that one value names any column. */
#define FW_FIELD_KEPT_EXHIBITIONS ((FwField) (FW_N_FIELDS + 1))
#define FW_FIELD_KEPT_FIRMS       ((FwField) (FW_N_FIELDS + 2))

typedef struct _FwRecordList FwRecordList;

#define FW_TYPE_RECORD (fw_record_get_type ())

G_DECLARE_FINAL_TYPE (FwRecord, fw_record, FW, RECORD, GObject)

/* A record is what a list shows at one position: it holds nothing but
 * the row there, and the list it came from answers for the values.  When
 * the list changes in place (filter, search, sort), the record takes the
 * position's new row and emits "changed", so that the widgets showing it
 * refill instead of being made again. */
FwRecord      *fw_record_new              (FwRecordList  *list,
                                           FwTable        table,
                                           guint          position,
                                           guint          row);
FwRecordList  *fw_record_get_list         (FwRecord      *self);
FwTable        fw_record_get_table        (FwRecord      *self);
guint          fw_record_get_position     (FwRecord      *self);
guint          fw_record_get_row          (FwRecord      *self);
/* For FwRecordList: the position now shows @row. */
void           fw_record_set_row          (FwRecord      *self,
                                           guint          row);
void           fw_record_emit_changed     (FwRecord      *self);
/* For FwRecordList: the position is gone; the row stays for whoever
 * still holds the record. */
void           fw_record_detach           (FwRecord      *self);

#define FW_TYPE_FIELD_SORTER (fw_field_sorter_get_type ())

G_DECLARE_FINAL_TYPE (FwFieldSorter, fw_field_sorter, FW, FIELD_SORTER, GtkSorter)

/* The sorter of a table column: compares two FwRecords by @field (and
 * @extra for FW_FIELD_EXTRA). */
GtkSorter     *fw_field_sorter_new        (FwField        field,
                                           guint          extra);
FwField        fw_field_sorter_get_field  (FwFieldSorter *self);
guint          fw_field_sorter_get_extra  (FwFieldSorter *self);

/* GTK 4.8 cannot say which columns a GtkColumnView sorts by.  Its sorter
 * compares with each sort column's sorter in turn until one answers
 * non-equal, inverting descending columns; so comparing two probe records,
 * on which every FwFieldSorter records itself and answers "larger", names
 * the primary column, and a "smaller" result means it is descending.
 * Probing again with the columns found answering "equal" finds the next.
 * Fills up to @max sorters (not referenced) and orders, primary first,
 * and returns how many were found. */
guint          fw_field_sorter_probe      (GtkSorter      *view_sorter,
                                           FwFieldSorter **sorters,
                                           GtkSortType    *orders,
                                           guint           max);

G_END_DECLS
