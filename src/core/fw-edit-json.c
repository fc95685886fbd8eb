/* fw-edit-json.c: edits as JSON, for the native file's history and recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-edit-private.h"
#include "fw-problem.h"

static const char *kind_names[] = { "set", "add", "delete", "duplicate", "merge", "revert" };
static const char *op_names[] = { "set", "insert", "remove" };

gboolean
fw_table_from_string (const char *name,
                      FwTable    *table)
{
  for (FwTable t = 0; t < FW_N_TABLES; t++)
    if (g_strcmp0 (name, fw_table_to_string (t)) == 0)
      {
        *table = t;
        return TRUE;
      }

  return FALSE;
}

static void
set_optional (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
op_to_json (JsonBuilder *builder,
            FwOp        *op)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, op_names[op->kind]);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, fw_table_to_string (op->table));
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, op->row);
  set_optional (builder, "record", op->record);
  if (op->kind == FW_OP_SET)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, op->field == FW_FIELD_EXTRA ? "extra" : fw_field_to_string (op->field));
      set_optional (builder, "column", op->column);
      set_optional (builder, "old", op->old_value);
      set_optional (builder, "new", op->new_value);
    }
  else
    {
      JsonNode *values = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (values, op->values);
      json_builder_set_member_name (builder, "values");
      json_builder_add_value (builder, values);
    }
  json_builder_end_object (builder);
}

JsonNode *
fw_edit_to_json (FwEdit *edit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (edit != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) edit->id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[edit->kind]);
  set_optional (builder, "time", edit->time);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, fw_table_to_string (edit->table));
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, edit->row);
  set_optional (builder, "record", edit->record);
  if (edit->reverts != 0)
    {
      json_builder_set_member_name (builder, "reverts");
      json_builder_add_int_value (builder, (gint64) edit->reverts);
    }
  set_optional (builder, "reason", edit->reason);
  if (edit->source.location != NULL || edit->source.section != NULL || edit->source.accessed != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      set_optional (builder, "location", edit->source.location);
      set_optional (builder, "section", edit->source.section);
      set_optional (builder, "accessed", edit->source.accessed);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < edit->ops->len; i++)
    op_to_json (builder, g_ptr_array_index (edit->ops, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gint
name_index (const char  *name,
            const char **names,
            guint        n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return (gint) i;

  return -1;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_row (JsonObject *object,
         guint      *row)
{
  JsonNode *node = json_object_get_member (object, "row");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT32)
    return FALSE;

  *row = (guint) json_node_get_int (node);
  return TRUE;
}

static FwOp *
op_from_json (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  FwTable table;
  guint row;
  gint kind;
  FwOp *op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  kind = name_index (get_string (object, "op"), op_names, G_N_ELEMENTS (op_names));
  if (kind < 0 || !fw_table_from_string (get_string (object, "table"), &table) || !get_row (object, &row))
    return NULL;

  op = fw_op_new (kind, table, row);
  op->record = g_strdup (get_string (object, "record"));
  if (kind == FW_OP_SET)
    {
      const char *field = get_string (object, "field");

      op->field = fw_field_from_string (table, field);
      op->column = g_strdup (get_string (object, "column"));
      op->old_value = g_strdup (get_string (object, "old"));
      op->new_value = g_strdup (get_string (object, "new"));
      if ((op->field == FW_FIELD_EXTRA && (g_strcmp0 (field, "extra") != 0 || op->column == NULL)) ||
          op->old_value == NULL || op->new_value == NULL)
        g_clear_pointer (&op, fw_op_free);
    }
  else
    {
      JsonNode *values = json_object_get_member (object, "values");

      if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
        g_clear_pointer (&op, fw_op_free);
      else
        op->values = json_object_ref (json_node_get_object (values));
    }

  return op;
}

FwEdit *
fw_edit_new_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(FwEdit) edit = NULL;
  JsonObject *object, *source;
  JsonArray *steps;
  JsonNode *member;
  gint kind;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  kind = name_index (get_string (object, "kind"), kind_names, G_N_ELEMENTS (kind_names));
  member = json_object_get_member (object, "steps");
  if (kind < 0 || member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    goto bad;

  edit = fw_edit_alloc (kind);
  fw_edit_set_time (edit, get_string (object, "time"));
  edit->id = (guint64) MAX (0, json_object_get_int_member_with_default (object, "id", 0));
  edit->reverts = (guint64) MAX (0, json_object_get_int_member_with_default (object, "reverts", 0));
  if (!fw_table_from_string (get_string (object, "table"), &edit->table) || !get_row (object, &edit->row))
    goto bad;
  edit->record = g_strdup (get_string (object, "record"));
  fw_edit_set_reason (edit, get_string (object, "reason"));
  member = json_object_get_member (object, "source");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      source = json_node_get_object (member);
      fw_edit_set_source (edit, get_string (source, "location"), get_string (source, "section"),
                          get_string (source, "accessed"));
    }

  steps = json_node_get_array (json_object_get_member (object, "steps"));
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      FwOp *op = op_from_json (json_array_get_element (steps, i));

      if (op == NULL)
        goto bad;
      g_ptr_array_add (edit->ops, op);
    }
  if (edit->ops->len == 0)
    goto bad;

  return g_steal_pointer (&edit);

bad:
  g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
               _("An entry of the edit history is not an edit this version understands"));
  return NULL;
}
