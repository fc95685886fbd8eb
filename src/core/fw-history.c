/* fw-history.c: undo and redo stacks, reverting one edit, provenance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-edit-private.h"
#include "fw-history.h"
#include "fw-problem.h"

struct _FwHistory
{
  FwDataset *dataset;
  FwRowKeys *keys;
  GPtrArray *applied;     /* FwEdit, oldest first */
  guint      n_earlier;   /* applied[0..n_earlier) come from the file */
  GPtrArray *undone;      /* the redo stack, next redo last */
  GPtrArray *aside;
  GPtrArray *in_file;     /* the applied edits as last saved or read */
  GPtrArray *foreign;     /* JsonNode: entries this version does not read */
  guint64    next_id;
};

FwHistory *
fw_history_new (FwDataset *dataset)
{
  FwHistory *self = g_new0 (FwHistory, 1);

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  self->dataset = g_object_ref (dataset);
  self->keys = fw_row_keys_new (dataset);
  self->applied = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  self->aside = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  self->in_file = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  self->foreign = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->next_id = 1;

  return self;
}

void
fw_history_free (FwHistory *self)
{
  g_clear_pointer (&self->keys, fw_row_keys_free);
  g_ptr_array_unref (self->applied);
  g_ptr_array_unref (self->undone);
  g_ptr_array_unref (self->aside);
  g_ptr_array_unref (self->in_file);
  g_ptr_array_unref (self->foreign);
  g_object_unref (self->dataset);
  g_free (self);
}

static void
copy_into (GPtrArray *to,
           GPtrArray *from)
{
  g_ptr_array_set_size (to, 0);
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, fw_edit_ref (g_ptr_array_index (from, i)));
}

static gboolean
earlier_aligned (FwHistory *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint e = self->applied->len; e-- > 0;)
    {
      FwEdit *edit = g_ptr_array_index (self->applied, e);

      for (guint i = edit->ops->len; i-- > 0;)
        {
          FwOp *op = g_ptr_array_index (edit->ops, i);
          char *cell;
          gint row;

          if (op->kind != FW_OP_SET || op->key == 0 ||
              (row = fw_row_keys_find (self->keys, op->table, op->key)) < 0)
            continue;
          cell = g_strdup_printf ("%d/%" G_GUINT64_FORMAT "/%d/%s", op->table, op->key, op->field,
                                  op->column != NULL ? op->column : "");
          if (!g_hash_table_add (seen, cell))
            continue;
          if (!fw_op_set_matches (op, self->dataset, (guint) row, FALSE))
            return FALSE;
        }
    }

  return TRUE;
}

/* Earlier sessions' edits are not replayed: the file holds their result.
 * Walking them backwards over the rows gives each step the key of the
 * record it changed, so that a field's history finds them. */
static void
key_earlier (FwHistory *self)
{
  GArray *keys[FW_N_TABLES];
  guint64 fresh = G_MAXUINT64 / 2;

  for (FwTable t = 0; t < FW_N_TABLES; t++)
    {
      keys[t] = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_array_append_vals (keys[t], self->keys->keys[t]->data, self->keys->keys[t]->len);
    }

  for (guint e = self->applied->len; e-- > 0;)
    {
      FwEdit *edit = g_ptr_array_index (self->applied, e);

      for (guint i = edit->ops->len; i-- > 0;)
        {
          FwOp *op = g_ptr_array_index (edit->ops, i);
          GArray *k = keys[op->table];

          if (op->kind == FW_OP_REMOVE && op->row <= k->len)
            {
              op->key = fresh++;
              g_array_insert_val (k, op->row, op->key);
            }
          else if (op->row < k->len)
            {
              op->key = g_array_index (k, guint64, op->row);
              if (op->kind == FW_OP_INSERT)
                g_array_remove_index (k, op->row);
            }
        }
    }

  for (FwTable t = 0; t < FW_N_TABLES; t++)
    g_array_unref (keys[t]);

  /* A CSV file reread may hold its records in another order than when the
   * edits were made (firms without exhibitions go last): when the last
   * value each edit set is not where its key says, the keys are wrong, and
   * the edits are kept for people but attributed to no record. */
  if (!earlier_aligned (self))
    for (guint e = 0; e < self->applied->len; e++)
      {
        FwEdit *edit = g_ptr_array_index (self->applied, e);

        for (guint i = 0; i < edit->ops->len; i++)
          ((FwOp *) g_ptr_array_index (edit->ops, i))->key = 0;
      }
}

/* Appends the edits of the JSON array @node to @into.  With @foreign,
 * entries that are not edits go there instead of failing. */
static gboolean
parse_edits (JsonNode   *node,
             GPtrArray  *into,
             GPtrArray  *foreign,
             GError    **error)
{
  JsonArray *array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      FwEdit *edit = fw_edit_new_from_json (element, foreign != NULL ? NULL : error);

      if (edit != NULL)
        g_ptr_array_add (into, edit);
      else if (foreign != NULL)
        g_ptr_array_add (foreign, json_node_copy (element));
      else
        return FALSE;
    }

  return TRUE;
}

gboolean
fw_history_load (FwHistory  *self,
                 JsonNode   *node,
                 GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE, _("The edit history is not a list of edits"));
      return FALSE;
    }

  /* What another program or version wrote is kept, never dropped. */
  if (!parse_edits (node, self->applied, self->foreign, error))
    return FALSE;
  for (guint i = 0; i < self->applied->len; i++)
    self->next_id = MAX (self->next_id, ((FwEdit *) g_ptr_array_index (self->applied, i))->id + 1);
  for (guint i = 0; i < self->applied->len; i++)
    {
      FwEdit *edit = g_ptr_array_index (self->applied, i);

      if (edit->id == 0)
        edit->id = self->next_id++;
    }

  self->n_earlier = self->applied->len;
  copy_into (self->in_file, self->applied);
  key_earlier (self);

  return TRUE;
}

static JsonNode *
edits_to_json (GPtrArray *edits,
               guint      first)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = first; i < edits->len; i++)
    json_array_add_element (array, fw_edit_to_json (g_ptr_array_index (edits, i)));
  json_node_take_array (node, array);

  return node;
}

JsonNode *
fw_history_to_json (FwHistory *self)
{
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (self != NULL, NULL);

  node = edits_to_json (self->applied, 0);
  array = json_node_get_array (node);
  /* Entries this version could not read come first, as they were. */
  if (self->foreign->len > 0)
    {
      JsonArray *all = json_array_new ();

      for (guint i = 0; i < self->foreign->len; i++)
        json_array_add_element (all, json_node_copy (g_ptr_array_index (self->foreign, i)));
      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (array, i)));
      json_node_take_array (node, all);
    }

  return node;
}

static void
set_aside_redo (FwHistory *self)
{
  while (self->undone->len > 0)
    g_ptr_array_add (self->aside, g_ptr_array_steal_index (self->undone, self->undone->len - 1));
}

gboolean
fw_history_push (FwHistory  *self,
                 FwEdit     *edit,
                 GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!fw_edit_apply_keyed (edit, self->dataset, self->keys, error))
    return FALSE;

  if (edit->id == 0)
    edit->id = self->next_id++;
  self->next_id = MAX (self->next_id, edit->id + 1);
  set_aside_redo (self);
  g_ptr_array_add (self->applied, fw_edit_ref (edit));

  return TRUE;
}

gboolean
fw_history_can_undo (FwHistory *self)
{
  return self->applied->len > self->n_earlier;
}

gboolean
fw_history_can_redo (FwHistory *self)
{
  return self->undone->len > 0;
}

FwEdit *
fw_history_undo (FwHistory *self)
{
  FwEdit *edit;

  if (!fw_history_can_undo (self))
    return NULL;

  edit = g_ptr_array_steal_index (self->applied, self->applied->len - 1);
  fw_edit_undo_keyed (edit, self->dataset, self->keys);
  g_ptr_array_add (self->undone, edit);

  return edit;
}

FwEdit *
fw_history_redo (FwHistory *self)
{
  FwEdit *edit;

  if (!fw_history_can_redo (self))
    return NULL;

  edit = g_ptr_array_index (self->undone, self->undone->len - 1);
  if (!fw_edit_apply_keyed (edit, self->dataset, self->keys, NULL))
    return NULL;
  g_ptr_array_add (self->applied, g_ptr_array_steal_index (self->undone, self->undone->len - 1));

  return edit;
}

static gint
applied_index (FwHistory *self,
               guint64    id)
{
  for (guint i = 0; i < self->applied->len; i++)
    if (((FwEdit *) g_ptr_array_index (self->applied, i))->id == id)
      return (gint) i;

  return -1;
}

static gboolean
is_reference (FwField field)
{
  return field == FW_FIELD_EXHIBITION_FIRM || field == FW_FIELD_EXHIBITION_FAIR;
}

typedef struct
{
  GHashTable *created;   /* keys */
  GHashTable *merged;
  GHashTable *needed;    /* records the revert writes to or points at */
  GPtrArray  *cells;     /* the FwOp of each set */
} Footprint;

static void
footprint_init (Footprint *fp,
                FwEdit    *edit)
{
  fp->created = g_hash_table_new (g_int64_hash, g_int64_equal);
  fp->merged = g_hash_table_new (g_int64_hash, g_int64_equal);
  fp->needed = g_hash_table_new (g_int64_hash, g_int64_equal);
  fp->cells = g_ptr_array_new ();

  for (guint i = 0; i < edit->ops->len; i++)
    {
      FwOp *op = g_ptr_array_index (edit->ops, i);

      if (op->kind == FW_OP_INSERT)
        g_hash_table_add (fp->created, &op->key);
      else if (op->kind == FW_OP_SET)
        {
          g_ptr_array_add (fp->cells, op);
          g_hash_table_add (fp->needed, &op->key);
          if (is_reference (op->field))
            g_hash_table_add (fp->needed, &op->old_ref);
          if (edit->kind == FW_EDIT_MERGE)
            g_hash_table_add (fp->merged, &op->new_ref);
        }
    }
  /* Records the edit removed come back with it; what they point at must
   * still be there, unless it comes back too. */
  for (guint i = 0; i < edit->ops->len; i++)
    {
      FwOp *op = g_ptr_array_index (edit->ops, i);

      if (op->kind == FW_OP_REMOVE && op->table == FW_TABLE_EXHIBITIONS)
        {
          g_hash_table_add (fp->needed, &op->firm_ref);
          g_hash_table_add (fp->needed, &op->fair_ref);
        }
    }
  for (guint i = 0; i < edit->ops->len; i++)
    {
      FwOp *op = g_ptr_array_index (edit->ops, i);

      if (op->kind == FW_OP_REMOVE)
        g_hash_table_remove (fp->needed, &op->key);
    }
}

static void
footprint_clear (Footprint *fp)
{
  g_hash_table_unref (fp->created);
  g_hash_table_unref (fp->merged);
  g_hash_table_unref (fp->needed);
  g_ptr_array_unref (fp->cells);
}

static gboolean
same_cell (FwOp *a,
           FwOp *b)
{
  return a->table == b->table && a->key == b->key && a->field == b->field &&
         g_strcmp0 (a->column, b->column) == 0;
}

static gboolean
depends (Footprint *fp,
         FwOp      *op)
{
  switch (op->kind)
    {
    case FW_OP_SET:
      if (g_hash_table_contains (fp->created, &op->key) || g_hash_table_contains (fp->merged, &op->key))
        return TRUE;
      if (is_reference (op->field) && g_hash_table_contains (fp->created, &op->new_ref))
        return TRUE;
      for (guint i = 0; i < fp->cells->len; i++)
        if (same_cell (g_ptr_array_index (fp->cells, i), op))
          return TRUE;
      return FALSE;

    case FW_OP_INSERT:
      return op->table == FW_TABLE_EXHIBITIONS &&
             (g_hash_table_contains (fp->created, &op->firm_ref) ||
              g_hash_table_contains (fp->created, &op->fair_ref));

    case FW_OP_REMOVE:
    default:
      return g_hash_table_contains (fp->created, &op->key) ||
             g_hash_table_contains (fp->merged, &op->key) ||
             g_hash_table_contains (fp->needed, &op->key);
    }
}

gboolean
fw_history_can_revert (FwHistory  *self,
                       guint64     id,
                       GError    **error)
{
  Footprint fp;
  FwEdit *edit;
  gint index;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  index = applied_index (self, id);
  if (index < 0)
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID,
                   _("Change %u is not applied: redo it, or make it again"), (guint) id);
      return FALSE;
    }

  edit = g_ptr_array_index (self->applied, index);
  if ((guint) index < self->n_earlier)
    for (guint i = 0; i < edit->ops->len; i++)
      {
        FwOp *op = g_ptr_array_index (edit->ops, i);

        if (op->kind != FW_OP_SET || is_reference (op->field) || op->key == 0)
          {
            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID,
                         _("Change %u was made in an earlier session and added, "
                           "removed or moved records; correct the records by hand instead"), (guint) id);
            return FALSE;
          }
      }

  footprint_init (&fp, edit);
  for (guint e = index + 1; ok && e < self->applied->len; e++)
    {
      FwEdit *later = g_ptr_array_index (self->applied, e);

      for (guint i = 0; ok && i < later->ops->len; i++)
        if (depends (&fp, g_ptr_array_index (later->ops, i)))
          {
            g_autofree char *what = fw_edit_describe (later, fw_dataset_get_countries (self->dataset));

            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID,
                         _("Change %u cannot be reverted alone: the later change %u (%s) builds on it. "
                           "Revert that one first, or undo back to here"), (guint) id, (guint) later->id, what);
            ok = FALSE;
          }
    }
  footprint_clear (&fp);

  return ok;
}

static char *
row_text (FwRowKeys *keys,
          FwTable    table,
          guint64    key)
{
  gint row = fw_row_keys_find (keys, table, key);

  return row >= 0 ? g_strdup_printf ("%d", row) : NULL;
}

/* The step that undoes @op where its record is now, or NULL when a record
 * it needs is gone. */
static FwOp *
inverse_op (FwHistory *self,
            FwOp      *op)
{
  FwDataset *dataset = self->dataset;
  FwOp *inverse;
  gint row;

  switch (op->kind)
    {
    case FW_OP_SET:
      {
        g_autofree char *value = NULL;
        gint column = 0;

        row = fw_row_keys_find (self->keys, op->table, op->key);
        if (row < 0)
          return NULL;
        if (is_reference (op->field))
          {
            value = row_text (self->keys, op->field == FW_FIELD_EXHIBITION_FIRM ? FW_TABLE_FIRMS : FW_TABLE_FAIRS,
                              op->old_ref);
            if (value == NULL)
              return NULL;
          }
        inverse = fw_op_new (FW_OP_SET, op->table, row);
        inverse->field = op->field;
        inverse->column = g_strdup (op->column);
        if (op->column != NULL)
          column = fw_dataset_find_extra (dataset, op->table, op->column);
        inverse->old_value = column >= 0 ? fw_dataset_get_raw (dataset, op->table, row, op->field, column)
                                         : g_strdup ("");
        inverse->new_value = value != NULL ? g_steal_pointer (&value) : g_strdup (op->old_value);
        inverse->record = fw_dataset_describe_row (dataset, op->table, row);
        return inverse;
      }

    case FW_OP_INSERT:
      row = fw_row_keys_find (self->keys, op->table, op->key);
      if (row < 0)
        return NULL;
      inverse = fw_op_new (FW_OP_REMOVE, op->table, row);
      inverse->values = fw_dataset_snapshot_row (dataset, op->table, row);
      inverse->record = fw_dataset_describe_row (dataset, op->table, row);
      return inverse;

    case FW_OP_REMOVE:
    default:
      inverse = fw_op_new (FW_OP_INSERT, op->table,
                           MIN (op->row, fw_dataset_get_n_rows (dataset, op->table)));
      inverse->values = json_object_new ();
      {
        g_autoptr(GList) members = json_object_get_members (op->values);

        for (GList *l = members; l != NULL; l = l->next)
          json_object_set_member (inverse->values, l->data,
                                  json_node_copy (json_object_get_member (op->values, l->data)));
      }
      if (op->table == FW_TABLE_EXHIBITIONS)
        {
          g_autofree char *firm = row_text (self->keys, FW_TABLE_FIRMS, op->firm_ref);
          g_autofree char *fair = row_text (self->keys, FW_TABLE_FAIRS, op->fair_ref);

          if (firm == NULL || fair == NULL)
            {
              fw_op_free (inverse);
              return NULL;
            }
          json_object_set_string_member (inverse->values, "firm", firm);
          json_object_set_string_member (inverse->values, "fair", fair);
        }
      inverse->key = op->key;
      inverse->record = g_strdup (op->record);
      return inverse;
    }
}

FwEdit *
fw_history_revert (FwHistory  *self,
                   guint64     id,
                   GError    **error)
{
  g_autoptr(FwEdit) revert = NULL;
  FwEdit *edit;
  gint row;

  g_return_val_if_fail (self != NULL, NULL);

  if (!fw_history_can_revert (self, id, error))
    return NULL;

  edit = g_ptr_array_index (self->applied, applied_index (self, id));
  revert = fw_edit_alloc (FW_EDIT_REVERT);
  revert->reverts = id;
  revert->table = edit->table;
  revert->record = g_strdup (edit->record);

  /* Each step runs as it is made, so the next one sees the rows it left. */
  for (guint i = edit->ops->len; i-- > 0;)
    {
      FwOp *inverse = inverse_op (self, g_ptr_array_index (edit->ops, i));

      if (inverse == NULL || !fw_op_run (inverse, self->dataset, self->keys, TRUE, NULL))
        {
          g_clear_pointer (&inverse, fw_op_free);
          fw_edit_undo_keyed (revert, self->dataset, self->keys);
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID,
                       _("Change %u cannot be reverted: a record it refers to is gone"), (guint) id);
          return NULL;
        }
      g_ptr_array_add (revert->ops, inverse);
    }

  row = fw_history_get_edit_row (self, revert);
  revert->row = row >= 0 ? (guint) row : 0;
  revert->id = self->next_id++;
  set_aside_redo (self);
  g_ptr_array_add (self->applied, fw_edit_ref (revert));

  /* The history keeps it; the caller borrows it. */
  return revert;
}

guint
fw_history_get_n_edits (FwHistory *self)
{
  return self->applied->len + self->undone->len + self->aside->len;
}

FwEdit *
fw_history_get_edit (FwHistory   *self,
                     guint        index,
                     FwEditState *state)
{
  FwEditState ignored;

  if (state == NULL)
    state = &ignored;

  if (index < self->applied->len)
    {
      *state = index < self->n_earlier ? FW_EDIT_STATE_EARLIER : FW_EDIT_STATE_APPLIED;
      return g_ptr_array_index (self->applied, index);
    }
  index -= self->applied->len;
  if (index < self->undone->len)
    {
      *state = FW_EDIT_STATE_UNDONE;
      return g_ptr_array_index (self->undone, self->undone->len - 1 - index);
    }
  index -= self->undone->len;
  g_return_val_if_fail (index < self->aside->len, NULL);
  *state = FW_EDIT_STATE_SET_ASIDE;

  return g_ptr_array_index (self->aside, index);
}

FwEdit *
fw_history_find (FwHistory *self,
                 guint64    id)
{
  for (guint i = 0; i < fw_history_get_n_edits (self); i++)
    {
      FwEdit *edit = fw_history_get_edit (self, i, NULL);

      if (edit->id == id)
        return edit;
    }

  return NULL;
}

static guint
common_prefix (FwHistory *self)
{
  guint n = 0;

  while (n < self->applied->len && n < self->in_file->len &&
         g_ptr_array_index (self->applied, n) == g_ptr_array_index (self->in_file, n))
    n++;

  return n;
}

gboolean
fw_history_is_unsaved (FwHistory *self,
                       FwEdit    *edit)
{
  guint n = common_prefix (self);

  for (guint i = n; i < self->applied->len; i++)
    if (g_ptr_array_index (self->applied, i) == edit)
      return TRUE;

  return FALSE;
}

GArray *
fw_history_get_field_changes (FwHistory  *self,
                              FwTable     table,
                              guint       row,
                              FwField     field,
                              const char *column)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (FwFieldChange));
  guint64 key = fw_row_keys_get (self->keys, table, row);

  for (guint e = 0; key != 0 && e < self->applied->len; e++)
    {
      FwEdit *edit = g_ptr_array_index (self->applied, e);

      for (guint i = 0; i < edit->ops->len; i++)
        {
          FwOp *op = g_ptr_array_index (edit->ops, i);
          FwFieldChange change;
          FwTable t;
          guint r;

          if (op->kind != FW_OP_SET || op->table != table || op->key != key || op->field != field ||
              g_strcmp0 (op->column, column) != 0)
            continue;
          fw_edit_get_change (edit, i, &t, &r, &change);
          g_array_append_val (changes, change);
        }
    }

  return changes;
}

guint64
fw_history_get_key (FwHistory *self,
                    FwTable    table,
                    guint      row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table < FW_N_TABLES, 0);

  return fw_row_keys_get (self->keys, table, row);
}

gint
fw_history_find_key (FwHistory *self,
                     FwTable    table,
                     guint64    key)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (table < FW_N_TABLES, -1);

  return fw_row_keys_find (self->keys, table, key);
}

gint
fw_history_get_edit_row (FwHistory *self,
                         FwEdit    *edit)
{
  for (guint i = 0; i < edit->ops->len; i++)
    {
      FwOp *op = g_ptr_array_index (edit->ops, i);
      gint row;

      if (op->table != edit->table || op->key == 0)
        continue;
      row = fw_row_keys_find (self->keys, op->table, op->key);
      if (row >= 0)
        return row;
    }
  if (edit->kind == FW_EDIT_MERGE)
    {
      FwOp *op = g_ptr_array_index (edit->ops, 0);

      if (op->kind == FW_OP_SET)
        return fw_row_keys_find (self->keys, FW_TABLE_FIRMS, op->new_ref);
    }

  return -1;
}

void
fw_history_mark_saved (FwHistory *self)
{
  copy_into (self->in_file, self->applied);
}

gboolean
fw_history_is_modified (FwHistory *self)
{
  return common_prefix (self) != self->applied->len || self->in_file->len != self->applied->len;
}

guint
fw_history_get_n_unsaved (FwHistory *self)
{
  guint n = common_prefix (self);

  return (self->applied->len - n) + (self->in_file->len - n);
}

JsonNode *
fw_history_unsaved_to_json (FwHistory *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) redo = g_ptr_array_new ();
  guint n = common_prefix (self);

  for (guint i = self->undone->len; i-- > 0;)
    g_ptr_array_add (redo, g_ptr_array_index (self->undone, i));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "undo_saved");
  json_builder_add_int_value (builder, self->in_file->len - n);
  json_builder_set_member_name (builder, "applied");
  json_builder_add_value (builder, edits_to_json (self->applied, n));
  json_builder_set_member_name (builder, "redo");
  json_builder_add_value (builder, edits_to_json (redo, 0));
  json_builder_set_member_name (builder, "set_aside");
  json_builder_add_value (builder, edits_to_json (self->aside, 0));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_edits (JsonObject  *object,
            const char  *name,
            GPtrArray   *into,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("The recovery file has no “%s” list"), name);
      return FALSE;
    }

  return parse_edits (node, into, NULL, error);
}

gboolean
fw_history_restore_unsaved (FwHistory  *self,
                            JsonNode   *node,
                            GError    **error)
{
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  g_autoptr(GPtrArray) redo = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  g_autoptr(GPtrArray) aside = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_edit_unref);
  JsonObject *object;
  gint64 undo_saved;

  g_return_val_if_fail (self != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE, _("The recovery file holds no edits"));
      return FALSE;
    }
  object = json_node_get_object (node);
  undo_saved = json_object_get_int_member_with_default (object, "undo_saved", 0);
  if (undo_saved < 0 || undo_saved > self->applied->len ||
      !read_edits (object, "applied", applied, error) ||
      !read_edits (object, "redo", redo, error) ||
      !read_edits (object, "set_aside", aside, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                     _("The recovery file does not match the file it was made for"));
      return FALSE;
    }

  /* Edits saved and then undone are undone again, as they were. */
  for (gint64 i = 0; i < undo_saved; i++)
    {
      self->n_earlier = MIN (self->n_earlier, self->applied->len - 1);
      fw_history_undo (self);
    }
  g_ptr_array_set_size (self->undone, 0);

  for (guint i = 0; i < applied->len; i++)
    if (!fw_history_push (self, g_ptr_array_index (applied, i), error))
      return FALSE;
  for (guint i = redo->len; i-- > 0;)
    g_ptr_array_add (self->undone, fw_edit_ref (g_ptr_array_index (redo, i)));
  for (guint i = 0; i < aside->len; i++)
    g_ptr_array_add (self->aside, fw_edit_ref (g_ptr_array_index (aside, i)));

  return TRUE;
}
