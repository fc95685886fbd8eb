/* fw-dataset-fields.c: fields as text, and the columns a file carried
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-dataset"

#include "config.h"

#include "fw-dataset-private.h"

static const char *
country_text (FwDataset   *self,
              FwCountryId  id)
{
  return id == FW_COUNTRY_UNKNOWN ? "" : fw_countries_get_name (self->countries, id);
}

static const char *
reference_text (FwDataset *self,
                GArray    *ids,
                GArray    *names,
                guint      row)
{
  const char *id = STR (ids, row);

  return id[0] != '\0' ? id : STR (names, row);
}

char *
fw_dataset_get_field_text (FwDataset *self,
                           FwTable    table,
                           guint      row,
                           FwField    field,
                           guint      extra)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);
  g_return_val_if_fail (row < self->n_rows[table], NULL);
  g_return_val_if_fail (field == FW_FIELD_EXTRA || fw_field_get_table (field) == table, NULL);

  switch (field)
    {
    case FW_FIELD_FIRM_ID:
      return g_strdup (STR (self->firm_id, row));
    case FW_FIELD_FIRM_NAME:
      return g_strdup (STR (self->firm_name, row));
    case FW_FIELD_FIRM_HQ:
      return g_strdup (country_text (self, g_array_index (self->firm_hq, guint16, row)));
    case FW_FIELD_FIRM_CONFIDENCE:
      {
        FwConfidence confidence = g_array_index (self->firm_confidence, guint8, row);
        return g_strdup (confidence == FW_CONFIDENCE_UNKNOWN ? "" : fw_confidence_to_string (confidence));
      }
    case FW_FIELD_FIRM_WEBSITE:
      return g_strdup (STR (self->firm_website, row));
    case FW_FIELD_FIRM_NOTES:
      return g_strdup (STR (self->firm_notes, row));
    case FW_FIELD_FIRM_SOURCE:
      return g_strdup (STR (self->firm_source, row));
    case FW_FIELD_FAIR_ID:
      return g_strdup (STR (self->fair_id, row));
    case FW_FIELD_FAIR_NAME:
      return g_strdup (STR (self->fair_name, row));
    case FW_FIELD_FAIR_HOST:
      return g_strdup (country_text (self, g_array_index (self->fair_host, guint16, row)));
    case FW_FIELD_FAIR_CITY:
      return g_strdup (STR (self->fair_city, row));
    case FW_FIELD_EXHIBITION_FIRM:
      return g_strdup (reference_text (self, self->firm_id, self->firm_name,
                                       g_array_index (self->exhibition_firm, guint32, row)));
    case FW_FIELD_EXHIBITION_FAIR:
      return g_strdup (reference_text (self, self->fair_id, self->fair_name,
                                       g_array_index (self->exhibition_fair, guint32, row)));
    case FW_FIELD_EXHIBITION_YEAR:
      {
        guint16 year = g_array_index (self->exhibition_year, guint16, row);
        return year == FW_YEAR_UNKNOWN ? g_strdup ("") : g_strdup_printf ("%u", year);
      }
    case FW_FIELD_EXHIBITION_SOURCE:
      return g_strdup (STR (self->exhibition_source, row));
    case FW_FIELD_EXHIBITION_NOTE:
      return g_strdup (STR (self->exhibition_note, row));
    case FW_FIELD_EXTRA:
      return g_strdup (fw_dataset_get_extra (self, table, extra, row));
    case FW_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
fw_dataset_get_n_extra (FwDataset *self,
                        FwTable    table)
{
  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (table < FW_N_TABLES, 0);

  return self->extra[table]->len;
}

const char *
fw_dataset_get_extra_name (FwDataset *self,
                           FwTable    table,
                           guint      column)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);
  g_return_val_if_fail (table < FW_N_TABLES, NULL);
  g_return_val_if_fail (column < self->extra[table]->len, NULL);

  return ((ExtraColumn *) g_ptr_array_index (self->extra[table], column))->name;
}

gint
fw_dataset_find_extra (FwDataset  *self,
                       FwTable     table,
                       const char *name)
{
  g_return_val_if_fail (FW_IS_DATASET (self), -1);
  g_return_val_if_fail (table < FW_N_TABLES, -1);

  for (guint i = 0; i < self->extra[table]->len; i++)
    {
      ExtraColumn *column = g_ptr_array_index (self->extra[table], i);

      if (g_strcmp0 (column->name, name) == 0)
        return (gint) i;
    }

  return -1;
}

guint
fw_dataset_add_extra_column (FwDataset  *self,
                             FwTable     table,
                             const char *name)
{
  ExtraColumn *column;
  gint existing;

  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (table < FW_N_TABLES, 0);
  g_return_val_if_fail (name != NULL, 0);

  existing = fw_dataset_find_extra (self, table, name);
  if (existing >= 0)
    return (guint) existing;

  column = g_new0 (ExtraColumn, 1);
  column->name = g_strdup (name);
  column->values = column_new (sizeof (guint32));
  g_array_set_size (column->values, self->n_rows[table]);
  g_ptr_array_add (self->extra[table], column);
  self->generation++;

  return self->extra[table]->len - 1;
}

const char *
fw_dataset_get_extra (FwDataset *self,
                      FwTable    table,
                      guint      column,
                      guint      row)
{
  ExtraColumn *extra;

  g_return_val_if_fail (FW_IS_DATASET (self), "");
  g_return_val_if_fail (table < FW_N_TABLES, "");
  g_return_val_if_fail (column < self->extra[table]->len, "");
  g_return_val_if_fail (row < self->n_rows[table], "");

  extra = g_ptr_array_index (self->extra[table], column);

  return fw_str_pool_get (self->strings, g_array_index (extra->values, guint32, row));
}

void
fw_dataset_set_extra (FwDataset  *self,
                      FwTable     table,
                      guint       column,
                      guint       row,
                      const char *value)
{
  ExtraColumn *extra;

  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (table < FW_N_TABLES);
  g_return_if_fail (column < self->extra[table]->len);
  g_return_if_fail (row < self->n_rows[table]);

  extra = g_ptr_array_index (self->extra[table], column);
  g_array_index (extra->values, guint32, row) = intern (self, value);
  self->generation++;
}

FwTable
fw_field_get_table (FwField field)
{
  if (field <= FW_FIELD_FIRM_SOURCE)
    return FW_TABLE_FIRMS;
  if (field <= FW_FIELD_FAIR_CITY)
    return FW_TABLE_FAIRS;
  return FW_TABLE_EXHIBITIONS;
}

const char *
fw_field_to_string (FwField field)
{
  static const char *names[FW_N_FIELDS] = {
    "id", "name", "hq_country", "confidence", "website", "notes", "source",
    "id", "name", "host_country", "city",
    "firm", "fair", "year", "source", "note",
    "extra",
  };

  g_return_val_if_fail (field < FW_N_FIELDS, "");

  return names[field];
}
