/* fw-edit-private.h: the steps an edit is made of, and the row primitives
 * they use, shared by fw-edit*.c and fw-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-edit.h"

G_BEGIN_DECLS

typedef enum
{
  FW_OP_SET,
  FW_OP_INSERT,
  FW_OP_REMOVE,
} FwOpKind;

/* One step.  Rows are those of the dataset when the step runs: steps run
 * in order and are undone in reverse order, so each sees the rows the
 * previous ones left. */
typedef struct
{
  FwOpKind    kind;
  FwTable     table;
  guint       row;
  FwField     field;      /* set */
  char       *column;     /* set on an extra column: its name */
  char       *old_value;  /* set */
  char       *new_value;  /* set */
  JsonObject *values;     /* insert, remove: the whole record */
  char       *record;     /* the record's name then, for people */

  /* Session keys (see FwRowKeys) of the record and of the records its
   * references point to, set when the step runs; 0 when not known. */
  guint64     key;
  guint64     old_ref;    /* set of a reference: old and new record */
  guint64     new_ref;
  guint64     firm_ref;   /* insert, remove of an exhibition */
  guint64     fair_ref;
} FwOp;

/* A key per row that stays with the record while rows move, so that a
 * change can be found again after later edits inserted or removed rows.
 * Keys live for a session; files do not store them. */
typedef struct
{
  GArray  *keys[FW_N_TABLES];   /* guint64 per row */
  guint64  next;
} FwRowKeys;

FwRowKeys  *fw_row_keys_new          (FwDataset  *dataset);
void        fw_row_keys_free         (FwRowKeys  *keys);
guint64     fw_row_keys_get          (FwRowKeys  *keys,
                                      FwTable     table,
                                      guint       row);
/* The row of @key, or -1 when the record is not there. */
gint        fw_row_keys_find         (FwRowKeys  *keys,
                                      FwTable     table,
                                      guint64     key);

gboolean    fw_edit_apply_keyed      (FwEdit     *edit,
                                      FwDataset  *dataset,
                                      FwRowKeys  *keys,
                                      GError    **error);
void        fw_edit_undo_keyed       (FwEdit     *edit,
                                      FwDataset  *dataset,
                                      FwRowKeys  *keys);
/* TRUE when the field @op sets holds, at @row, the value @op set (or,
 * with @old, the value it replaced). */
gboolean    fw_op_set_matches        (FwOp       *op,
                                      FwDataset  *dataset,
                                      guint       row,
                                      gboolean    old);
gboolean    fw_op_run                (FwOp       *op,
                                      FwDataset  *dataset,
                                      FwRowKeys  *keys,
                                      gboolean    forward,
                                      GError    **error);

struct _FwEdit
{
  gatomicrefcount  ref_count;
  FwEditKind       kind;
  guint64          id;
  guint64          reverts;
  char            *time;
  char            *reason;
  FwSource         source;
  FwTable          table;    /* the record it is about, row then */
  guint            row;
  char            *record;
  GPtrArray       *ops;      /* FwOp */
};

FwEdit     *fw_edit_alloc            (FwEditKind  kind);
FwOp       *fw_op_new                (FwOpKind    kind,
                                      FwTable     table,
                                      guint       row);
void        fw_op_free               (FwOp       *op);
FwOp       *fw_op_copy               (const FwOp *op);

/* A record as a JSON object of raw values by field name, with its extra
 * columns in an "extra" member. */
JsonObject *fw_dataset_snapshot_row  (FwDataset  *dataset,
                                      FwTable     table,
                                      guint       row);
void        fw_dataset_insert_row    (FwDataset  *dataset,
                                      FwTable     table,
                                      guint       row,
                                      JsonObject *values);
void        fw_dataset_remove_row    (FwDataset  *dataset,
                                      FwTable     table,
                                      guint       row);
void        fw_dataset_set_raw       (FwDataset  *dataset,
                                      FwTable     table,
                                      guint       row,
                                      FwField     field,
                                      guint       column,
                                      const char *value);
/* The name a person knows the record by: a firm's or fair's name (or id),
 * an exhibition as "firm, fair, year". */
char       *fw_dataset_describe_row  (FwDataset  *dataset,
                                      FwTable     table,
                                      guint       row);
FwField     fw_field_from_string     (FwTable     table,
                                      const char *name);
gboolean    fw_table_from_string     (const char *name,
                                      FwTable    *table);


G_END_DECLS
