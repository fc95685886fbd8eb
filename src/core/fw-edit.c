/* fw-edit.c: edit commands: building, applying, undoing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-edit-private.h"
#include "fw-problem.h"

G_DEFINE_BOXED_TYPE (FwEdit, fw_edit, fw_edit_ref, fw_edit_unref)

FwOp *
fw_op_new (FwOpKind kind,
           FwTable  table,
           guint    row)
{
  FwOp *op = g_new0 (FwOp, 1);

  op->kind = kind;
  op->table = table;
  op->row = row;
  op->field = FW_FIELD_EXTRA;

  return op;
}

void
fw_op_free (FwOp *op)
{
  g_free (op->column);
  g_free (op->old_value);
  g_free (op->new_value);
  g_free (op->record);
  g_clear_pointer (&op->values, json_object_unref);
  g_free (op);
}

FwOp *
fw_op_copy (const FwOp *op)
{
  FwOp *copy = fw_op_new (op->kind, op->table, op->row);

  copy->field = op->field;
  copy->column = g_strdup (op->column);
  copy->old_value = g_strdup (op->old_value);
  copy->new_value = g_strdup (op->new_value);
  copy->record = g_strdup (op->record);
  copy->key = op->key;
  copy->old_ref = op->old_ref;
  copy->new_ref = op->new_ref;
  copy->firm_ref = op->firm_ref;
  copy->fair_ref = op->fair_ref;
  if (op->values != NULL)
    copy->values = json_object_ref (op->values);

  return copy;
}

FwEdit *
fw_edit_alloc (FwEditKind kind)
{
  FwEdit *edit = g_new0 (FwEdit, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_atomic_ref_count_init (&edit->ref_count);
  edit->kind = kind;
  edit->time = g_date_time_format_iso8601 (now);
  edit->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_op_free);

  return edit;
}

FwEdit *
fw_edit_ref (FwEdit *edit)
{
  g_return_val_if_fail (edit != NULL, NULL);

  g_atomic_ref_count_inc (&edit->ref_count);

  return edit;
}

void
fw_edit_unref (FwEdit *edit)
{
  g_return_if_fail (edit != NULL);

  if (!g_atomic_ref_count_dec (&edit->ref_count))
    return;

  g_free (edit->time);
  g_free (edit->reason);
  g_free (edit->source.location);
  g_free (edit->source.section);
  g_free (edit->source.accessed);
  g_free (edit->record);
  g_ptr_array_unref (edit->ops);
  g_free (edit);
}

static void
set_subject (FwEdit    *edit,
             FwDataset *dataset,
             FwTable    table,
             guint      row)
{
  edit->table = table;
  edit->row = row;
  g_free (edit->record);
  edit->record = fw_dataset_describe_row (dataset, table, row);
}

/* A field's raw value; an extra column the dataset lacks reads as empty. */
static char *
current_value (FwDataset  *dataset,
               FwTable     table,
               guint       row,
               FwField     field,
               const char *column)
{
  gint index = 0;

  if (field == FW_FIELD_EXTRA && (index = fw_dataset_find_extra (dataset, table, column)) < 0)
    return g_strdup ("");

  return fw_dataset_get_raw (dataset, table, row, field, (guint) index);
}

static FwOp *
set_op_new (FwDataset  *dataset,
            FwTable     table,
            guint       row,
            FwField     field,
            const char *column,
            const char *value)
{
  FwOp *op = fw_op_new (FW_OP_SET, table, row);

  op->field = field;
  op->column = g_strdup (column);
  op->old_value = current_value (dataset, table, row, field, column);
  op->new_value = g_strdup (value != NULL ? value : "");
  op->record = fw_dataset_describe_row (dataset, table, row);

  return op;
}

FwEdit *
fw_edit_new_set (FwDataset  *dataset,
                 FwTable     table,
                 guint       row,
                 FwField     field,
                 const char *column,
                 const char *value)
{
  FwEdit *edit;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (row < fw_dataset_get_n_rows (dataset, table), NULL);
  g_return_val_if_fail (field == FW_FIELD_EXTRA ? column != NULL : fw_field_get_table (field) == table, NULL);

  edit = fw_edit_alloc (FW_EDIT_SET);
  set_subject (edit, dataset, table, row);
  g_ptr_array_add (edit->ops, set_op_new (dataset, table, row, field, column, value));

  return edit;
}

FwEdit *
fw_edit_new_add (FwDataset  *dataset,
                 FwTable     table,
                 JsonObject *values)
{
  FwEdit *edit;
  FwOp *op;
  guint row;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);
  g_return_val_if_fail (table != FW_TABLE_EXHIBITIONS || values != NULL, NULL);

  row = fw_dataset_get_n_rows (dataset, table);
  edit = fw_edit_alloc (FW_EDIT_ADD);
  edit->table = table;
  edit->row = row;
  op = fw_op_new (FW_OP_INSERT, table, row);
  op->values = values != NULL ? json_object_ref (values) : json_object_new ();
  g_ptr_array_add (edit->ops, op);

  return edit;
}

static void
add_remove (FwEdit    *edit,
            FwDataset *dataset,
            FwTable    table,
            guint      row)
{
  FwOp *op = fw_op_new (FW_OP_REMOVE, table, row);

  op->values = fw_dataset_snapshot_row (dataset, table, row);
  op->record = fw_dataset_describe_row (dataset, table, row);
  g_ptr_array_add (edit->ops, op);
}

/* Rows of the exhibitions referring to firm or fair @row, last first so
 * that removing them in this order keeps the others' rows. */
static GArray *
referring_exhibitions (FwDataset *dataset,
                       FwTable    table,
                       guint      row)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  FwColumns columns;
  const guint32 *refs;

  fw_dataset_get_columns (dataset, &columns);
  refs = table == FW_TABLE_FIRMS ? columns.exhibition_firm : columns.exhibition_fair;
  for (guint i = columns.n_exhibitions; i-- > 0;)
    if (refs[i] == row)
      g_array_append_val (rows, i);

  return rows;
}

FwEdit *
fw_edit_new_delete (FwDataset *dataset,
                    FwTable    table,
                    guint      row)
{
  FwEdit *edit;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (row < fw_dataset_get_n_rows (dataset, table), NULL);

  edit = fw_edit_alloc (FW_EDIT_DELETE);
  set_subject (edit, dataset, table, row);

  if (table != FW_TABLE_EXHIBITIONS)
    {
      g_autoptr(GArray) rows = referring_exhibitions (dataset, table, row);

      for (guint i = 0; i < rows->len; i++)
        add_remove (edit, dataset, FW_TABLE_EXHIBITIONS, g_array_index (rows, guint, i));
    }
  add_remove (edit, dataset, table, row);

  return edit;
}

FwEdit *
fw_edit_new_duplicate (FwDataset *dataset,
                       FwTable    table,
                       guint      row)
{
  FwEdit *edit;
  FwOp *op;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (row < fw_dataset_get_n_rows (dataset, table), NULL);

  edit = fw_edit_alloc (FW_EDIT_DUPLICATE);
  set_subject (edit, dataset, table, row);
  op = fw_op_new (FW_OP_INSERT, table, fw_dataset_get_n_rows (dataset, table));
  op->values = fw_dataset_snapshot_row (dataset, table, row);
  op->record = g_strdup (edit->record);
  /* Ids are unique: the copy has none until someone gives it one. */
  if (table != FW_TABLE_EXHIBITIONS)
    json_object_set_string_member (op->values, "id", "");
  g_ptr_array_add (edit->ops, op);

  return edit;
}

FwEdit *
fw_edit_new_merge (FwDataset *dataset,
                   guint      keep,
                   guint      drop)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *keep_row = NULL;
  FwEdit *edit;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (keep < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), NULL);
  g_return_val_if_fail (drop < fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS), NULL);
  g_return_val_if_fail (keep != drop, NULL);

  edit = fw_edit_alloc (FW_EDIT_MERGE);
  set_subject (edit, dataset, FW_TABLE_FIRMS, keep);

  keep_row = g_strdup_printf ("%u", keep);
  rows = referring_exhibitions (dataset, FW_TABLE_FIRMS, drop);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (edit->ops, set_op_new (dataset, FW_TABLE_EXHIBITIONS, g_array_index (rows, guint, i),
                                            FW_FIELD_EXHIBITION_FIRM, NULL, keep_row));
  add_remove (edit, dataset, FW_TABLE_FIRMS, drop);

  return edit;
}

static gboolean
is_referenced (FwDataset *dataset,
               FwTable    table,
               guint      row)
{
  g_autoptr(GArray) rows = NULL;

  if (table == FW_TABLE_EXHIBITIONS)
    return FALSE;
  rows = referring_exhibitions (dataset, table, row);

  return rows->len > 0;
}

static gboolean
reference_ok (FwDataset *dataset,
              FwField    field,
              const char *value)
{
  guint64 row;

  if (field != FW_FIELD_EXHIBITION_FIRM && field != FW_FIELD_EXHIBITION_FAIR)
    return TRUE;

  return g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &row, NULL) &&
         row < fw_dataset_get_n_rows (dataset, field == FW_FIELD_EXHIBITION_FIRM ? FW_TABLE_FIRMS
                                                                                   : FW_TABLE_FAIRS);
}

/* A value as fw_dataset_get_raw() would give it, whatever spelling it
 * came in ("France" -> "FR"). */
static char *
canonical (FwDataset  *dataset,
           FwField     field,
           const char *value)
{
  FwConfidence confidence;
  guint16 year;

  if (value == NULL)
    return g_strdup ("");
  if ((field == FW_FIELD_FIRM_HQ || field == FW_FIELD_FAIR_HOST) && value[0] != '\0')
    {
      FwCountryId id = fw_countries_lookup (fw_dataset_get_countries (dataset), value);

      return g_strdup (id != FW_COUNTRY_UNKNOWN ? fw_countries_get_code (fw_dataset_get_countries (dataset), id)
                                                : value);
    }
  if (field == FW_FIELD_FIRM_CONFIDENCE && fw_confidence_from_string (value, &confidence))
    return g_strdup (confidence == FW_CONFIDENCE_UNKNOWN ? "" : fw_confidence_to_string (confidence));
  if (field == FW_FIELD_EXHIBITION_YEAR && fw_year_parse (value, &year))
    return year == FW_YEAR_UNKNOWN ? g_strdup ("") : g_strdup_printf ("%u", year);

  return g_strdup (value);
}

/* Steps check that the record is as they left it (or found it): an edit
 * replayed from a recovery file onto a file someone changed since fails
 * instead of changing the wrong record. */
static gboolean
value_matches (FwDataset  *dataset,
               FwTable     table,
               guint       row,
               FwField     field,
               const char *column,
               const char *expected)
{
  g_autofree char *want = canonical (dataset, field, expected);
  g_autofree char *have = current_value (dataset, table, row, field, column);

  return g_strcmp0 (have, want) == 0;
}

gboolean
fw_op_set_matches (FwOp      *op,
                   FwDataset *dataset,
                   guint      row,
                   gboolean   old)
{
  g_assert (op->kind == FW_OP_SET);

  return row < fw_dataset_get_n_rows (dataset, op->table) &&
         value_matches (dataset, op->table, row, op->field, op->column, old ? op->old_value : op->new_value);
}

static gboolean
row_matches (FwDataset  *dataset,
             FwTable     table,
             guint       row,
             JsonObject *values)
{
  g_autoptr(GList) members = json_object_get_members (values);
  JsonObject *extra = json_object_has_member (values, "extra") ? json_object_get_object_member (values, "extra")
                                                               : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      FwField field = fw_field_from_string (table, l->data);

      if (field != FW_FIELD_EXTRA &&
          !value_matches (dataset, table, row, field, NULL, json_object_get_string_member_with_default (values, l->data, "")))
        return FALSE;
    }
  if (extra != NULL)
    {
      g_autoptr(GList) columns = json_object_get_members (extra);

      for (GList *l = columns; l != NULL; l = l->next)
        if (!value_matches (dataset, table, row, FW_FIELD_EXTRA, l->data,
                            json_object_get_string_member_with_default (extra, l->data, "")))
          return FALSE;
    }

  return TRUE;
}

static guint
ref_row (JsonObject *values,
         const char *name)
{
  guint64 row = G_MAXUINT32;

  g_ascii_string_to_unsigned (json_object_get_string_member_with_default (values, name, ""),
                              10, 0, G_MAXUINT32, &row, NULL);
  return (guint) row;
}

static void
note_keys (FwOp      *op,
           FwRowKeys *keys,
           gboolean   forward)
{
  if (op->kind == FW_OP_SET)
    {
      op->key = fw_row_keys_get (keys, op->table, op->row);
      if (forward && (op->field == FW_FIELD_EXHIBITION_FIRM || op->field == FW_FIELD_EXHIBITION_FAIR))
        {
          FwTable target = op->field == FW_FIELD_EXHIBITION_FIRM ? FW_TABLE_FIRMS : FW_TABLE_FAIRS;

          op->old_ref = fw_row_keys_get (keys, target, (guint) g_ascii_strtoull (op->old_value, NULL, 10));
          op->new_ref = fw_row_keys_get (keys, target, (guint) g_ascii_strtoull (op->new_value, NULL, 10));
        }
    }
  else if (op->table == FW_TABLE_EXHIBITIONS)
    {
      op->firm_ref = fw_row_keys_get (keys, FW_TABLE_FIRMS, ref_row (op->values, "firm"));
      op->fair_ref = fw_row_keys_get (keys, FW_TABLE_FAIRS, ref_row (op->values, "fair"));
    }
}

static void
keys_insert (FwRowKeys *keys,
             FwOp      *op)
{
  if (op->key == 0)
    op->key = ++keys->next;
  g_array_insert_val (keys->keys[op->table], op->row, op->key);
}

static void
keys_remove (FwRowKeys *keys,
             FwOp      *op)
{
  op->key = fw_row_keys_get (keys, op->table, op->row);
  g_array_remove_index (keys->keys[op->table], op->row);
}

gboolean
fw_op_run (FwOp       *op,
           FwDataset  *dataset,
           FwRowKeys  *keys,
           gboolean    forward,
           GError    **error)
{
  guint n_rows = fw_dataset_get_n_rows (dataset, op->table);
  FwOpKind kind = op->kind;

  if (!forward)
    kind = kind == FW_OP_INSERT ? FW_OP_REMOVE : kind == FW_OP_REMOVE ? FW_OP_INSERT : kind;

  switch (kind)
    {
    case FW_OP_SET:
      {
        const char *value = forward ? op->new_value : op->old_value;
        guint column = 0;

        if (op->row >= n_rows || !reference_ok (dataset, op->field, value) ||
            !value_matches (dataset, op->table, op->row, op->field, op->column,
                            forward ? op->old_value : op->new_value))
          break;
        if (keys != NULL)
          note_keys (op, keys, forward);
        if (op->field == FW_FIELD_EXTRA)
          column = fw_dataset_add_extra_column (dataset, op->table, op->column);
        fw_dataset_set_raw (dataset, op->table, op->row, op->field, column, value);
        return TRUE;
      }

    case FW_OP_INSERT:
      if (op->row > n_rows ||
          (op->table == FW_TABLE_EXHIBITIONS &&
           (ref_row (op->values, "firm") >= fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS) ||
            ref_row (op->values, "fair") >= fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS))))
        break;
      fw_dataset_insert_row (dataset, op->table, op->row, op->values);
      if (keys != NULL)
        {
          keys_insert (keys, op);
          note_keys (op, keys, forward);
        }
      return TRUE;

    case FW_OP_REMOVE:
      if (op->row >= n_rows || is_referenced (dataset, op->table, op->row) ||
          !row_matches (dataset, op->table, op->row, op->values))
        break;
      if (keys != NULL)
        {
          note_keys (op, keys, forward);
          keys_remove (keys, op);
        }
      fw_dataset_remove_row (dataset, op->table, op->row);
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE,
               _("The edit refers to row %u of the %s table, which does not match the data: "
                 "the file was probably changed by another program"),
               op->row + 1, fw_table_to_string (op->table));
  return FALSE;
}

gboolean
fw_edit_apply_keyed (FwEdit     *edit,
                     FwDataset  *dataset,
                     FwRowKeys  *keys,
                     GError    **error)
{
  for (guint i = 0; i < edit->ops->len; i++)
    if (!fw_op_run (g_ptr_array_index (edit->ops, i), dataset, keys, TRUE, error))
      {
        /* All or nothing: take back the steps already made. */
        while (i-- > 0)
          fw_op_run (g_ptr_array_index (edit->ops, i), dataset, keys, FALSE, NULL);
        return FALSE;
      }

  return TRUE;
}

void
fw_edit_undo_keyed (FwEdit    *edit,
                    FwDataset *dataset,
                    FwRowKeys *keys)
{
  for (guint i = edit->ops->len; i-- > 0;)
    if (!fw_op_run (g_ptr_array_index (edit->ops, i), dataset, keys, FALSE, NULL))
      g_critical ("Undoing edit %" G_GUINT64_FORMAT " step %u did not match the data", edit->id, i);
}

gboolean
fw_edit_apply (FwEdit     *edit,
               FwDataset  *dataset,
               GError    **error)
{
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);

  return fw_edit_apply_keyed (edit, dataset, NULL, error);
}

void
fw_edit_undo (FwEdit    *edit,
              FwDataset *dataset)
{
  g_return_if_fail (edit != NULL);
  g_return_if_fail (FW_IS_DATASET (dataset));

  fw_edit_undo_keyed (edit, dataset, NULL);
}

FwEditKind
fw_edit_get_kind (FwEdit *edit)
{
  return edit->kind;
}

guint64
fw_edit_get_id (FwEdit *edit)
{
  return edit->id;
}

void
fw_edit_set_id (FwEdit  *edit,
                guint64  id)
{
  edit->id = id;
}

guint64
fw_edit_get_reverts (FwEdit *edit)
{
  return edit->reverts;
}

const char *
fw_edit_get_time (FwEdit *edit)
{
  return edit->time;
}

void
fw_edit_set_time (FwEdit     *edit,
                  const char *iso8601)
{
  g_free (edit->time);
  edit->time = g_strdup (iso8601);
}

const char *
fw_edit_get_reason (FwEdit *edit)
{
  return edit->reason;
}

static char *
nonempty_dup (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
fw_edit_set_reason (FwEdit     *edit,
                    const char *reason)
{
  g_free (edit->reason);
  edit->reason = nonempty_dup (reason);
}

const FwSource *
fw_edit_get_source (FwEdit *edit)
{
  return &edit->source;
}

void
fw_edit_set_source (FwEdit     *edit,
                    const char *location,
                    const char *section,
                    const char *accessed)
{
  g_free (edit->source.location);
  g_free (edit->source.section);
  g_free (edit->source.accessed);
  edit->source.location = nonempty_dup (location);
  edit->source.section = nonempty_dup (section);
  edit->source.accessed = nonempty_dup (accessed);
}

FwTable
fw_edit_get_table (FwEdit *edit)
{
  return edit->table;
}

guint
fw_edit_get_row (FwEdit *edit)
{
  return edit->row;
}

const char *
fw_edit_get_record (FwEdit *edit)
{
  return edit->record != NULL ? edit->record : "";
}

static FwOp *
first_set (FwEdit *edit)
{
  for (guint i = 0; i < edit->ops->len; i++)
    {
      FwOp *op = g_ptr_array_index (edit->ops, i);

      if (op->kind == FW_OP_SET)
        return op;
    }

  return NULL;
}

FwField
fw_edit_get_field (FwEdit *edit)
{
  FwOp *op = first_set (edit);

  return op != NULL ? op->field : FW_N_FIELDS;
}

const char *
fw_edit_get_column (FwEdit *edit)
{
  FwOp *op = first_set (edit);

  return op != NULL ? op->column : NULL;
}

guint
fw_edit_get_n_changes (FwEdit *edit)
{
  return edit->ops->len;
}

gboolean
fw_edit_get_change (FwEdit        *edit,
                    guint          index,
                    FwTable       *table,
                    guint         *row,
                    FwFieldChange *change)
{
  FwOp *op;

  g_return_val_if_fail (index < edit->ops->len, FALSE);

  op = g_ptr_array_index (edit->ops, index);
  *table = op->table;
  *row = op->row;
  change->edit_id = edit->id;
  change->kind = edit->kind;
  change->time = edit->time;
  change->reason = edit->reason;
  change->source = &edit->source;
  change->field = op->field;
  change->column = op->column;
  change->old_value = op->old_value;
  change->new_value = op->new_value;

  return op->kind == FW_OP_SET;
}

char *
fw_edit_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  time = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (time == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
fw_field_get_label (FwField field)
{
  switch (field)
    {
    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FAIR_ID:
      return C_("column", "ID");
    case FW_FIELD_FIRM_NAME:
    case FW_FIELD_FAIR_NAME:
      return C_("column", "Name");
    case FW_FIELD_FIRM_HQ:
      return C_("column", "HQ country");
    case FW_FIELD_FIRM_CONFIDENCE:
      return C_("column", "Confidence");
    case FW_FIELD_FIRM_WEBSITE:
      return C_("column", "Website");
    case FW_FIELD_FIRM_NOTES:
      return C_("column", "Notes");
    case FW_FIELD_FIRM_SOURCE:
    case FW_FIELD_EXHIBITION_SOURCE:
      return C_("column", "Source");
    case FW_FIELD_FAIR_HOST:
      return C_("column", "Host country");
    case FW_FIELD_FAIR_CITY:
      return C_("column", "City");
    case FW_FIELD_EXHIBITION_FIRM:
      return C_("column", "Firm");
    case FW_FIELD_EXHIBITION_FAIR:
      return C_("column", "Fair");
    case FW_FIELD_EXHIBITION_YEAR:
      return C_("column", "Year");
    case FW_FIELD_EXHIBITION_NOTE:
      return C_("column", "Note");
    case FW_FIELD_EXTRA:
    case FW_N_FIELDS:
    default:
      return "";
    }
}

char *
fw_field_format_value (FwField      field,
                       const char  *raw,
                       FwCountries *countries)
{
  FwConfidence confidence;

  if (raw == NULL || raw[0] == '\0')
    return g_strdup (C_("value", "(empty)"));
  if ((field == FW_FIELD_FIRM_HQ || field == FW_FIELD_FAIR_HOST) && countries != NULL)
    {
      FwCountryId id = fw_countries_lookup_code (countries, raw);

      if (id != FW_COUNTRY_UNKNOWN)
        return g_strdup (fw_countries_get_name (countries, id));
    }
  if (field == FW_FIELD_FIRM_CONFIDENCE && fw_confidence_from_string (raw, &confidence))
    return g_strdup (fw_confidence_to_label (confidence));

  return g_strdup (raw);
}

char *
fw_edit_describe (FwEdit      *edit,
                  FwCountries *countries)
{
  FwOp *set = first_set (edit);
  const char *record = fw_edit_get_record (edit);

  switch (edit->kind)
    {
    case FW_EDIT_SET:
      {
        const char *field = set->field == FW_FIELD_EXTRA ? set->column : fw_field_get_label (set->field);

        if (set->field == FW_FIELD_EXHIBITION_FIRM || set->field == FW_FIELD_EXHIBITION_FAIR)
          /* Translators: an edit; the first %s is a column title, the second a record */
          return g_strdup_printf (_("Changed %s of “%s”"), field, record);
        g_autofree char *old_value = fw_field_format_value (set->field, set->old_value, countries);
        g_autofree char *new_value = fw_field_format_value (set->field, set->new_value, countries);

        /* Translators: an edit: column, record, old value, new value */
        return g_strdup_printf (_("Changed %s of “%s” from “%s” to “%s”"), field, record, old_value, new_value);
      }
    case FW_EDIT_ADD:
      if (edit->table == FW_TABLE_FIRMS)
        return g_strdup (_("Added a firm"));
      if (edit->table == FW_TABLE_FAIRS)
        return g_strdup (_("Added a fair"));
      return g_strdup (_("Added an exhibition"));
    case FW_EDIT_DELETE:
      return g_strdup_printf (_("Deleted “%s”"), record);
    case FW_EDIT_DUPLICATE:
      return g_strdup_printf (_("Duplicated “%s”"), record);
    case FW_EDIT_MERGE:
      {
        FwOp *removed = g_ptr_array_index (edit->ops, edit->ops->len - 1);

        /* Translators: two firms found to be the same: the second goes into the first */
        return g_strdup_printf (_("Merged “%s” into “%s”"), removed->record, record);
      }
    case FW_EDIT_REVERT:
    default:
      return g_strdup_printf (_("Reverted change %u to “%s”"), (guint) edit->reverts, record);
    }
}
