/* fw-edit.h: one curation edit, as a command that can be applied and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fw-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  FW_EDIT_SET,
  FW_EDIT_ADD,
  FW_EDIT_DELETE,
  FW_EDIT_DUPLICATE,
  FW_EDIT_MERGE,
  FW_EDIT_REVERT,
} FwEditKind;

/* Where a correction comes from: a URL or a document, the section in it,
 * and the date it was read (ISO 8601, e.g. 2024-03-01).  All optional. */
typedef struct
{
  char *location;
  char *section;
  char *accessed;
} FwSource;

/* One field change as provenance: what a field of a record was and became,
 * when, why, on what source.  Values are as fw_dataset_get_raw() gives them. */
typedef struct
{
  guint64      edit_id;
  FwEditKind   kind;
  const char  *time;
  const char  *reason;
  const FwSource *source;
  FwField      field;
  const char  *column;     /* the extra column's name, or NULL */
  const char  *old_value;
  const char  *new_value;
} FwFieldChange;

#define FW_TYPE_EDIT (fw_edit_get_type ())

typedef struct _FwEdit FwEdit;

GType         fw_edit_get_type        (void) G_GNUC_CONST;

/* Each constructor reads what it needs from @dataset as it is now, so that
 * the edit can be undone; none changes the dataset: fw_edit_apply() does.
 * Values are raw (see fw_dataset_parse_field() for a person's input). */
FwEdit       *fw_edit_new_set         (FwDataset      *dataset,
                                       FwTable         table,
                                       guint           row,
                                       FwField         field,
                                       const char     *column,
                                       const char     *value);
FwEdit       *fw_edit_new_add         (FwDataset      *dataset,
                                       FwTable         table,
                                       JsonObject     *values);
/* Deleting a firm or a fair deletes its exhibitions too. */
FwEdit       *fw_edit_new_delete      (FwDataset      *dataset,
                                       FwTable         table,
                                       guint           row);
FwEdit       *fw_edit_new_duplicate   (FwDataset      *dataset,
                                       FwTable         table,
                                       guint           row);
/* @drop's exhibitions move to @keep, then @drop is deleted. */
FwEdit       *fw_edit_new_merge       (FwDataset      *dataset,
                                       guint           keep,
                                       guint           drop);

FwEdit       *fw_edit_ref             (FwEdit         *edit);
void          fw_edit_unref           (FwEdit         *edit);

FwEditKind    fw_edit_get_kind        (FwEdit         *edit);
guint64       fw_edit_get_id          (FwEdit         *edit);
void          fw_edit_set_id          (FwEdit         *edit,
                                       guint64         id);
/* For a revert: the id of the edit it reverts. */
guint64       fw_edit_get_reverts     (FwEdit         *edit);
const char   *fw_edit_get_time        (FwEdit         *edit);
void          fw_edit_set_time        (FwEdit         *edit,
                                       const char     *iso8601);
const char   *fw_edit_get_reason      (FwEdit         *edit);
void          fw_edit_set_reason      (FwEdit         *edit,
                                       const char     *reason);
const FwSource *fw_edit_get_source    (FwEdit         *edit);
void          fw_edit_set_source      (FwEdit         *edit,
                                       const char     *location,
                                       const char     *section,
                                       const char     *accessed);
/* The table and current row of the record the edit is about; for a
 * merge, the firm kept. */
FwTable       fw_edit_get_table       (FwEdit         *edit);
guint         fw_edit_get_row         (FwEdit         *edit);
/* The record's name as it was when the edit was made. */
const char   *fw_edit_get_record      (FwEdit         *edit);
/* The fields a set or revert changed: the field of the first change. */
FwField       fw_edit_get_field       (FwEdit         *edit);
const char   *fw_edit_get_column      (FwEdit         *edit);
/* A sentence saying what the edit did, translated; values are shown as
 * fw_field_format_value() shows them. */
char         *fw_edit_describe        (FwEdit         *edit,
                                       FwCountries    *countries);

/* The field changes the edit makes, in order. */
guint         fw_edit_get_n_changes   (FwEdit         *edit);
gboolean      fw_edit_get_change      (FwEdit         *edit,
                                       guint           index,
                                       FwTable        *table,
                                       guint          *row,
                                       FwFieldChange  *change);

gboolean      fw_edit_apply           (FwEdit         *edit,
                                       FwDataset      *dataset,
                                       GError        **error);
void          fw_edit_undo            (FwEdit         *edit,
                                       FwDataset      *dataset);

JsonNode     *fw_edit_to_json         (FwEdit         *edit);
FwEdit       *fw_edit_new_from_json   (JsonNode       *node,
                                       GError        **error);

/* Raw field values: countries as ISO codes, confidence as high, medium or
 * low, years as numbers, an exhibition's firm and fair as row numbers, ""
 * for unknown or empty.  @column is the extra column's index. */
char         *fw_dataset_get_raw      (FwDataset      *dataset,
                                       FwTable         table,
                                       guint           row,
                                       FwField         field,
                                       guint           column);

/* An edit's time as a person reads it, in local time ("2024-03-01 14:05"). */
char         *fw_edit_format_time     (const char     *iso8601);

/* A raw value as a person reads it: a country's name (with @countries),
 * a confidence level's label, "(empty)". */
char         *fw_field_format_value   (FwField         field,
                                       const char     *raw,
                                       FwCountries    *countries);

/* The field's column title, translated ("HQ country"). */
const char   *fw_field_get_label      (FwField         field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwEdit, fw_edit_unref)

G_END_DECLS
