/* fw-edit-rows.c: raw field values, inserting and removing rows, and the
 * keys that follow records as rows move, for edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fw-dataset-private.h"
#include "fw-edit-private.h"

static GArray *
field_column (FwDataset *self,
              FwField    field)
{
  switch (field)
    {
    case FW_FIELD_FIRM_ID: return self->firm_id;
    case FW_FIELD_FIRM_NAME: return self->firm_name;
    case FW_FIELD_FIRM_HQ: return self->firm_hq;
    case FW_FIELD_FIRM_CONFIDENCE: return self->firm_confidence;
    case FW_FIELD_FIRM_WEBSITE: return self->firm_website;
    case FW_FIELD_FIRM_NOTES: return self->firm_notes;
    case FW_FIELD_FIRM_SOURCE: return self->firm_source;
    case FW_FIELD_FAIR_ID: return self->fair_id;
    case FW_FIELD_FAIR_NAME: return self->fair_name;
    case FW_FIELD_FAIR_HOST: return self->fair_host;
    case FW_FIELD_FAIR_CITY: return self->fair_city;
    case FW_FIELD_EXHIBITION_FIRM: return self->exhibition_firm;
    case FW_FIELD_EXHIBITION_FAIR: return self->exhibition_fair;
    case FW_FIELD_EXHIBITION_YEAR: return self->exhibition_year;
    case FW_FIELD_EXHIBITION_SOURCE: return self->exhibition_source;
    case FW_FIELD_EXHIBITION_NOTE: return self->exhibition_note;
    case FW_FIELD_EXTRA:
    case FW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
table_fields (FwTable  table,
              FwField *first,
              FwField *last)
{
  static const FwField firsts[] = { FW_FIELD_FIRM_ID, FW_FIELD_FAIR_ID, FW_FIELD_EXHIBITION_FIRM };
  static const FwField lasts[] = { FW_FIELD_FIRM_SOURCE, FW_FIELD_FAIR_CITY, FW_FIELD_EXHIBITION_NOTE };

  *first = firsts[table];
  *last = lasts[table];
}

FwField
fw_field_from_string (FwTable     table,
                      const char *name)
{
  FwField first, last;

  table_fields (table, &first, &last);
  for (FwField f = first; f <= last; f++)
    if (g_strcmp0 (fw_field_to_string (f), name) == 0)
      return f;

  return FW_FIELD_EXTRA;
}

char *
fw_dataset_get_raw (FwDataset *self,
                    FwTable    table,
                    guint      row,
                    FwField    field,
                    guint      column)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);
  g_return_val_if_fail (row < self->n_rows[table], NULL);

  switch (field)
    {
    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FAIR_HOST:
      {
        guint16 id = g_array_index (field_column (self, field), guint16, row);
        return g_strdup (id == FW_COUNTRY_UNKNOWN ? "" : fw_countries_get_code (self->countries, id));
      }
    case FW_FIELD_FIRM_CONFIDENCE:
      {
        FwConfidence confidence = g_array_index (self->firm_confidence, guint8, row);
        return g_strdup (confidence == FW_CONFIDENCE_UNKNOWN ? "" : fw_confidence_to_string (confidence));
      }
    case FW_FIELD_EXHIBITION_YEAR:
      {
        guint16 year = g_array_index (self->exhibition_year, guint16, row);
        return year == FW_YEAR_UNKNOWN ? g_strdup ("") : g_strdup_printf ("%u", year);
      }
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
      return g_strdup_printf ("%u", g_array_index (field_column (self, field), guint32, row));
    case FW_FIELD_EXTRA:
      return g_strdup (fw_dataset_get_extra (self, table, column, row));
    case FW_N_FIELDS:
      g_return_val_if_reached (NULL);
    default:
      return g_strdup (STR (field_column (self, field), row));
    }
}

void
fw_dataset_set_raw (FwDataset  *self,
                    FwTable     table,
                    guint       row,
                    FwField     field,
                    guint       column,
                    const char *value)
{
  g_assert (row < self->n_rows[table]);

  if (value == NULL)
    value = "";

  switch (field)
    {
    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FAIR_HOST:
      g_array_index (field_column (self, field), guint16, row) =
        value[0] == '\0' ? FW_COUNTRY_UNKNOWN : fw_countries_lookup (self->countries, value);
      break;
    case FW_FIELD_FIRM_CONFIDENCE:
      {
        FwConfidence confidence = FW_CONFIDENCE_UNKNOWN;

        fw_confidence_from_string (value, &confidence);
        g_array_index (self->firm_confidence, guint8, row) = confidence;
      }
      break;
    case FW_FIELD_EXHIBITION_YEAR:
      {
        guint16 year = FW_YEAR_UNKNOWN;

        fw_year_parse (value, &year);
        g_array_index (self->exhibition_year, guint16, row) = year;
      }
      break;
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
      g_array_index (field_column (self, field), guint32, row) = (guint32) strtoul (value, NULL, 10);
      break;
    case FW_FIELD_EXTRA:
      fw_dataset_set_extra (self, table, column, row, value);
      break;
    case FW_N_FIELDS:
      g_assert_not_reached ();
    default:
      g_array_index (field_column (self, field), guint32, row) = intern (self, value);
      break;
    }

  self->generation++;
}

JsonObject *
fw_dataset_snapshot_row (FwDataset *self,
                         FwTable    table,
                         guint      row)
{
  JsonObject *values = json_object_new ();
  JsonObject *extra = json_object_new ();
  FwField first, last;

  table_fields (table, &first, &last);
  for (FwField f = first; f <= last; f++)
    {
      g_autofree char *value = fw_dataset_get_raw (self, table, row, f, 0);

      json_object_set_string_member (values, fw_field_to_string (f), value);
    }

  for (guint c = 0; c < self->extra[table]->len; c++)
    {
      const char *value = fw_dataset_get_extra (self, table, c, row);

      if (value[0] != '\0')
        json_object_set_string_member (extra, fw_dataset_get_extra_name (self, table, c), value);
    }
  json_object_set_object_member (values, "extra", extra);

  return values;
}

static void
shift_references (FwDataset *self,
                  GArray    *references,
                  guint      row,
                  gint       delta)
{
  guint32 *refs = (guint32 *) (gpointer) references->data;
  guint n = self->n_rows[FW_TABLE_EXHIBITIONS];

  for (guint i = 0; i < n; i++)
    {
      if (delta > 0 && refs[i] >= row)
        refs[i]++;
      else if (delta < 0 && refs[i] > row)
        refs[i]--;
      else if (delta < 0)
        g_assert (refs[i] != row);
    }
}

static guint
table_columns (FwDataset *self,
               FwTable    table,
               GArray   **columns)
{
  FwField first, last;
  guint n = 0;

  table_fields (table, &first, &last);
  for (FwField f = first; f <= last; f++)
    columns[n++] = field_column (self, f);
  for (guint c = 0; c < self->extra[table]->len; c++)
    columns[n++] = ((ExtraColumn *) g_ptr_array_index (self->extra[table], c))->values;

  return n;
}

void
fw_dataset_insert_row (FwDataset  *self,
                       FwTable     table,
                       guint       row,
                       JsonObject *values)
{
  g_autofree GArray **columns = NULL;
  JsonObject *extra = NULL;
  FwField first, last;
  guint n;
  guint64 zero = 0;

  g_assert (row <= self->n_rows[table]);

  /* A column the record had and the dataset lost comes back. */
  if (json_object_has_member (values, "extra"))
    extra = json_object_get_object_member (values, "extra");
  if (extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (extra);

      for (GList *l = names; l != NULL; l = l->next)
        fw_dataset_add_extra_column (self, table, l->data);
    }

  if (table == FW_TABLE_FIRMS)
    shift_references (self, self->exhibition_firm, row, +1);
  else if (table == FW_TABLE_FAIRS)
    shift_references (self, self->exhibition_fair, row, +1);

  columns = g_new0 (GArray *, FW_N_FIELDS + self->extra[table]->len);
  n = table_columns (self, table, columns);
  for (guint i = 0; i < n; i++)
    g_array_insert_vals (columns[i], row, &zero, 1);
  self->n_rows[table]++;

  table_fields (table, &first, &last);
  for (FwField f = first; f <= last; f++)
    {
      const char *value = json_object_get_string_member_with_default (values, fw_field_to_string (f), "");

      fw_dataset_set_raw (self, table, row, f, 0, value);
    }
  for (guint c = 0; extra != NULL && c < self->extra[table]->len; c++)
    {
      const char *name = fw_dataset_get_extra_name (self, table, c);

      fw_dataset_set_extra (self, table, c, row,
                            json_object_get_string_member_with_default (extra, name, ""));
    }

  self->generation++;
}

void
fw_dataset_remove_row (FwDataset *self,
                       FwTable    table,
                       guint      row)
{
  g_autofree GArray **columns = NULL;
  guint n;

  g_assert (row < self->n_rows[table]);

  columns = g_new0 (GArray *, FW_N_FIELDS + self->extra[table]->len);
  n = table_columns (self, table, columns);
  for (guint i = 0; i < n; i++)
    g_array_remove_index (columns[i], row);
  self->n_rows[table]--;

  if (table == FW_TABLE_FIRMS)
    shift_references (self, self->exhibition_firm, row, -1);
  else if (table == FW_TABLE_FAIRS)
    shift_references (self, self->exhibition_fair, row, -1);

  self->generation++;
}

char *
fw_dataset_describe_row (FwDataset *self,
                         FwTable    table,
                         guint      row)
{
  if (row >= self->n_rows[table])
    return g_strdup ("");

  switch (table)
    {
    case FW_TABLE_FIRMS:
      {
        const char *name = STR (self->firm_name, row);
        const char *id = STR (self->firm_id, row);

        if (name[0] == '\0' && id[0] == '\0')
          /* Translators: a firm that has neither a name nor an id yet */
          return g_strdup_printf (_("firm %u"), row + 1);
        return g_strdup (name[0] != '\0' ? name : id);
      }
    case FW_TABLE_FAIRS:
      {
        const char *name = STR (self->fair_name, row);
        const char *id = STR (self->fair_id, row);

        if (name[0] == '\0' && id[0] == '\0')
          /* Translators: a fair that has neither a name nor an id */
          return g_strdup_printf (_("fair %u"), row + 1);
        return g_strdup (name[0] != '\0' ? name : id);
      }
    case FW_TABLE_EXHIBITIONS:
    case FW_N_TABLES:
    default:
      {
        guint firm = g_array_index (self->exhibition_firm, guint32, row);
        guint fair = g_array_index (self->exhibition_fair, guint32, row);
        guint16 year = g_array_index (self->exhibition_year, guint16, row);
        g_autofree char *firm_name = fw_dataset_describe_row (self, FW_TABLE_FIRMS, firm);
        g_autofree char *fair_name = fw_dataset_describe_row (self, FW_TABLE_FAIRS, fair);

        if (year == FW_YEAR_UNKNOWN)
          /* Translators: an exhibition: firm at fair, year not known */
          return g_strdup_printf (_("%s at %s"), firm_name, fair_name);
        /* Translators: an exhibition: firm at fair in year */
        return g_strdup_printf (_("%s at %s, %u"), firm_name, fair_name, year);
      }
    }
}

FwRowKeys *
fw_row_keys_new (FwDataset *dataset)
{
  FwRowKeys *keys = g_new0 (FwRowKeys, 1);

  for (FwTable t = 0; t < FW_N_TABLES; t++)
    {
      guint n = fw_dataset_get_n_rows (dataset, t);

      keys->keys[t] = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n);
      for (guint i = 0; i < n; i++)
        {
          guint64 key = ++keys->next;

          g_array_append_val (keys->keys[t], key);
        }
    }

  return keys;
}

void
fw_row_keys_free (FwRowKeys *keys)
{
  for (FwTable t = 0; t < FW_N_TABLES; t++)
    g_array_unref (keys->keys[t]);
  g_free (keys);
}

guint64
fw_row_keys_get (FwRowKeys *keys,
                 FwTable    table,
                 guint      row)
{
  if (row >= keys->keys[table]->len)
    return 0;

  return g_array_index (keys->keys[table], guint64, row);
}

gint
fw_row_keys_find (FwRowKeys *keys,
                  FwTable    table,
                  guint64    key)
{
  const guint64 *data = (const guint64 *) (gpointer) keys->keys[table]->data;

  if (key == 0)
    return -1;
  for (guint i = 0; i < keys->keys[table]->len; i++)
    if (data[i] == key)
      return (gint) i;

  return -1;
}
