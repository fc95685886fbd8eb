/* fw-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-dataset"

#include "config.h"

#include "fw-csv.h"
#include "fw-dataset-private.h"

G_DEFINE_FINAL_TYPE (FwDataset, fw_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FICTIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
extra_column_free (gpointer data)
{
  ExtraColumn *column = data;

  g_free (column->name);
  g_array_unref (column->values);
  g_free (column);
}

static void
fw_dataset_finalize (GObject *object)
{
  FwDataset *self = (FwDataset *)object;
  GArray **arrays[] = {
    &self->firm_id, &self->firm_name, &self->firm_hq, &self->firm_confidence,
    &self->firm_website, &self->firm_notes, &self->firm_source,
    &self->fair_id, &self->fair_name, &self->fair_host, &self->fair_city,
    &self->exhibition_firm, &self->exhibition_fair, &self->exhibition_year,
    &self->exhibition_source, &self->exhibition_note,
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_clear_pointer (arrays[i], g_array_unref);
  for (guint i = 0; i < FW_N_TABLES; i++)
    g_clear_pointer (&self->extra[i], g_ptr_array_unref);

  g_clear_object (&self->countries);
  g_clear_pointer (&self->strings, fw_str_pool_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->csv_layout, fw_csv_layout_free);
  g_clear_pointer (&self->history, json_node_unref);

  G_OBJECT_CLASS (fw_dataset_parent_class)->finalize (object);
}

static void
fw_dataset_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FwDataset *self = FW_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FICTIONAL:
      g_value_set_boolean (value, self->fictional);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_dataset_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FwDataset *self = FW_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fw_dataset_set_title (self, g_value_get_string (value));
      break;

    case PROP_FICTIONAL:
      fw_dataset_set_fictional (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_dataset_class_init (FwDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_dataset_finalize;
  object_class->get_property = fw_dataset_get_property;
  object_class->set_property = fw_dataset_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FICTIONAL] =
    g_param_spec_boolean ("fictional", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fw_dataset_init (FwDataset *self)
{
  self->strings = fw_str_pool_new ();

  self->firm_id = column_new (sizeof (guint32));
  self->firm_name = column_new (sizeof (guint32));
  self->firm_hq = column_new (sizeof (guint16));
  self->firm_confidence = column_new (sizeof (guint8));
  self->firm_website = column_new (sizeof (guint32));
  self->firm_notes = column_new (sizeof (guint32));
  self->firm_source = column_new (sizeof (guint32));

  self->fair_id = column_new (sizeof (guint32));
  self->fair_name = column_new (sizeof (guint32));
  self->fair_host = column_new (sizeof (guint16));
  self->fair_city = column_new (sizeof (guint32));

  self->exhibition_firm = column_new (sizeof (guint32));
  self->exhibition_fair = column_new (sizeof (guint32));
  self->exhibition_year = column_new (sizeof (guint16));
  self->exhibition_source = column_new (sizeof (guint32));
  self->exhibition_note = column_new (sizeof (guint32));

  for (guint i = 0; i < FW_N_TABLES; i++)
    self->extra[i] = g_ptr_array_new_with_free_func (extra_column_free);
}

FwDataset *
fw_dataset_new (FwCountries *countries)
{
  FwDataset *self = g_object_new (FW_TYPE_DATASET, NULL);

  g_return_val_if_fail (countries == NULL || FW_IS_COUNTRIES (countries), NULL);

  self->countries = countries != NULL ? g_object_ref (countries) : fw_countries_new_default ();

  return self;
}

FwCountries *
fw_dataset_get_countries (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->countries;
}

FwStrPool *
fw_dataset_get_strings (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->strings;
}

guint64
fw_dataset_get_generation (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), 0);

  return self->generation;
}

void
fw_dataset_get_columns (FwDataset *self,
                        FwColumns *columns)
{
  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (columns != NULL);

  columns->n_firms = self->n_rows[FW_TABLE_FIRMS];
  columns->n_fairs = self->n_rows[FW_TABLE_FAIRS];
  columns->n_exhibitions = self->n_rows[FW_TABLE_EXHIBITIONS];
  columns->firm_name = (const guint32 *) (gpointer) self->firm_name->data;
  columns->firm_hq = (const guint16 *) (gpointer) self->firm_hq->data;
  columns->firm_confidence = (const guint8 *) self->firm_confidence->data;
  columns->fair_name = (const guint32 *) (gpointer) self->fair_name->data;
  columns->fair_host = (const guint16 *) (gpointer) self->fair_host->data;
  columns->exhibition_firm = (const guint32 *) (gpointer) self->exhibition_firm->data;
  columns->exhibition_fair = (const guint32 *) (gpointer) self->exhibition_fair->data;
  columns->exhibition_year = (const guint16 *) (gpointer) self->exhibition_year->data;
}

gsize
fw_dataset_get_memory_size (FwDataset *self)
{
  gsize size = fw_str_pool_get_memory (self->strings);

  size += self->n_rows[FW_TABLE_FIRMS] * (4 * 5 + 2 + 1);
  size += self->n_rows[FW_TABLE_FAIRS] * (4 * 3 + 2);
  size += self->n_rows[FW_TABLE_EXHIBITIONS] * (4 * 4 + 2);
  for (guint t = 0; t < FW_N_TABLES; t++)
    size += self->extra[t]->len * self->n_rows[t] * 4;

  return size;
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

const char *
fw_dataset_get_title (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->title;
}

void
fw_dataset_set_title (FwDataset  *self,
                      const char *title)
{
  g_return_if_fail (FW_IS_DATASET (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  set_string (&self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
fw_dataset_get_description (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->description;
}

void
fw_dataset_set_description (FwDataset  *self,
                            const char *description)
{
  g_return_if_fail (FW_IS_DATASET (self));

  set_string (&self->description, description);
}

gboolean
fw_dataset_get_fictional (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), FALSE);

  return self->fictional;
}

void
fw_dataset_set_fictional (FwDataset *self,
                          gboolean   fictional)
{
  g_return_if_fail (FW_IS_DATASET (self));

  fictional = !!fictional;
  if (self->fictional == fictional)
    return;

  self->fictional = fictional;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FICTIONAL]);
}

const char *
fw_dataset_get_citation (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->citation;
}

void
fw_dataset_set_citation (FwDataset  *self,
                         const char *citation)
{
  g_return_if_fail (FW_IS_DATASET (self));

  set_string (&self->citation, citation);
}

FwCsvLayout *
fw_dataset_get_csv_layout (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->csv_layout;
}

void
fw_dataset_set_csv_layout (FwDataset   *self,
                           FwCsvLayout *layout)
{
  g_return_if_fail (FW_IS_DATASET (self));

  if (self->csv_layout == layout)
    return;

  g_clear_pointer (&self->csv_layout, fw_csv_layout_free);
  self->csv_layout = layout;
}

JsonNode *
fw_dataset_get_history (FwDataset *self)
{
  g_return_val_if_fail (FW_IS_DATASET (self), NULL);

  return self->history;
}

void
fw_dataset_set_history (FwDataset *self,
                        JsonNode  *history)
{
  g_return_if_fail (FW_IS_DATASET (self));

  if (history != NULL)
    json_node_ref (history);
  g_clear_pointer (&self->history, json_node_unref);
  self->history = history;
}

guint
fw_dataset_get_n_rows (FwDataset *self,
                       FwTable    table)
{
  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (table < FW_N_TABLES, 0);

  return self->n_rows[table];
}

static void
grow_extras (FwDataset *self,
             FwTable    table)
{
  GPtrArray *extras = self->extra[table];

  for (guint i = 0; i < extras->len; i++)
    {
      ExtraColumn *column = g_ptr_array_index (extras, i);

      g_array_set_size (column->values, self->n_rows[table]);
    }
}

void
fw_dataset_reserve (FwDataset *self,
                    FwTable    table,
                    guint      n_rows)
{
  GArray *firm_columns[] = {
    self->firm_id, self->firm_name, self->firm_hq, self->firm_confidence,
    self->firm_website, self->firm_notes, self->firm_source,
  };
  GArray *fair_columns[] = {
    self->fair_id, self->fair_name, self->fair_host, self->fair_city,
  };
  GArray *exhibition_columns[] = {
    self->exhibition_firm, self->exhibition_fair, self->exhibition_year,
    self->exhibition_source, self->exhibition_note,
  };
  GArray **columns;
  guint n_columns;

  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (table < FW_N_TABLES);

  if (table == FW_TABLE_FIRMS)
    columns = firm_columns, n_columns = G_N_ELEMENTS (firm_columns);
  else if (table == FW_TABLE_FAIRS)
    columns = fair_columns, n_columns = G_N_ELEMENTS (fair_columns);
  else
    columns = exhibition_columns, n_columns = G_N_ELEMENTS (exhibition_columns);

  /* GArray has no reserve call: growing and shrinking back keeps the
   * allocation. */
  for (guint i = 0; i < n_columns; i++)
    {
      guint len = columns[i]->len;

      if (n_rows > len)
        {
          g_array_set_size (columns[i], n_rows);
          g_array_set_size (columns[i], len);
        }
    }
}

guint
fw_dataset_append_firm (FwDataset          *self,
                        const FwFirmValues *values)
{
  guint32 id, name, website, notes, source;
  guint16 hq;
  guint8 confidence;

  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (values != NULL, 0);
  g_return_val_if_fail (values->confidence < FW_N_CONFIDENCE, 0);

  id = intern (self, values->id);
  name = intern (self, values->name);
  hq = values->hq;
  confidence = values->confidence;
  website = intern (self, values->website);
  notes = intern (self, values->notes);
  source = intern (self, values->source);

  g_array_append_val (self->firm_id, id);
  g_array_append_val (self->firm_name, name);
  g_array_append_val (self->firm_hq, hq);
  g_array_append_val (self->firm_confidence, confidence);
  g_array_append_val (self->firm_website, website);
  g_array_append_val (self->firm_notes, notes);
  g_array_append_val (self->firm_source, source);

  self->n_rows[FW_TABLE_FIRMS]++;
  grow_extras (self, FW_TABLE_FIRMS);
  self->generation++;

  return self->n_rows[FW_TABLE_FIRMS] - 1;
}

guint
fw_dataset_append_fair (FwDataset          *self,
                        const FwFairValues *values)
{
  guint32 id, name, city;
  guint16 host;

  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (values != NULL, 0);

  id = intern (self, values->id);
  name = intern (self, values->name);
  host = values->host;
  city = intern (self, values->city);

  g_array_append_val (self->fair_id, id);
  g_array_append_val (self->fair_name, name);
  g_array_append_val (self->fair_host, host);
  g_array_append_val (self->fair_city, city);

  self->n_rows[FW_TABLE_FAIRS]++;
  grow_extras (self, FW_TABLE_FAIRS);
  self->generation++;

  return self->n_rows[FW_TABLE_FAIRS] - 1;
}

guint
fw_dataset_append_exhibition (FwDataset                *self,
                              const FwExhibitionValues *values)
{
  guint32 firm, fair, source, note;
  guint16 year;

  g_return_val_if_fail (FW_IS_DATASET (self), 0);
  g_return_val_if_fail (values != NULL, 0);
  g_return_val_if_fail (values->firm < self->n_rows[FW_TABLE_FIRMS], 0);
  g_return_val_if_fail (values->fair < self->n_rows[FW_TABLE_FAIRS], 0);
  g_return_val_if_fail (values->year == FW_YEAR_UNKNOWN ||
                        (values->year >= FW_YEAR_MIN && values->year <= FW_YEAR_MAX), 0);

  firm = values->firm;
  fair = values->fair;
  year = values->year;
  source = intern (self, values->source);
  note = intern (self, values->note);

  g_array_append_val (self->exhibition_firm, firm);
  g_array_append_val (self->exhibition_fair, fair);
  g_array_append_val (self->exhibition_year, year);
  g_array_append_val (self->exhibition_source, source);
  g_array_append_val (self->exhibition_note, note);

  /* Extra columns of a million-row table are grown once at the end by
   * fw_dataset_reserve() callers; growing per row is still amortised. */
  self->n_rows[FW_TABLE_EXHIBITIONS]++;
  grow_extras (self, FW_TABLE_EXHIBITIONS);
  self->generation++;

  return self->n_rows[FW_TABLE_EXHIBITIONS] - 1;
}

#define NULLABLE(s) ((s)[0] != '\0' ? (s) : NULL)

void
fw_dataset_get_firm (FwDataset    *self,
                     guint         row,
                     FwFirmValues *values)
{
  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (row < self->n_rows[FW_TABLE_FIRMS]);

  values->id = NULLABLE (STR (self->firm_id, row));
  values->name = NULLABLE (STR (self->firm_name, row));
  values->hq = g_array_index (self->firm_hq, guint16, row);
  values->confidence = g_array_index (self->firm_confidence, guint8, row);
  values->website = NULLABLE (STR (self->firm_website, row));
  values->notes = NULLABLE (STR (self->firm_notes, row));
  values->source = NULLABLE (STR (self->firm_source, row));
}

void
fw_dataset_get_fair (FwDataset    *self,
                     guint         row,
                     FwFairValues *values)
{
  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (row < self->n_rows[FW_TABLE_FAIRS]);

  values->id = NULLABLE (STR (self->fair_id, row));
  values->name = NULLABLE (STR (self->fair_name, row));
  values->host = g_array_index (self->fair_host, guint16, row);
  values->city = NULLABLE (STR (self->fair_city, row));
}

void
fw_dataset_get_exhibition (FwDataset          *self,
                           guint               row,
                           FwExhibitionValues *values)
{
  g_return_if_fail (FW_IS_DATASET (self));
  g_return_if_fail (row < self->n_rows[FW_TABLE_EXHIBITIONS]);

  values->firm = g_array_index (self->exhibition_firm, guint32, row);
  values->fair = g_array_index (self->exhibition_fair, guint32, row);
  values->year = g_array_index (self->exhibition_year, guint16, row);
  values->source = NULLABLE (STR (self->exhibition_source, row));
  values->note = NULLABLE (STR (self->exhibition_note, row));
}

const char *
fw_dataset_get_firm_name (FwDataset *self,
                          guint      row)
{
  g_return_val_if_fail (FW_IS_DATASET (self), "");
  g_return_val_if_fail (row < self->n_rows[FW_TABLE_FIRMS], "");

  return STR (self->firm_name, row);
}

FwCountryId
fw_dataset_get_firm_hq (FwDataset *self,
                        guint      row)
{
  g_return_val_if_fail (FW_IS_DATASET (self), FW_COUNTRY_UNKNOWN);
  g_return_val_if_fail (row < self->n_rows[FW_TABLE_FIRMS], FW_COUNTRY_UNKNOWN);

  return g_array_index (self->firm_hq, guint16, row);
}

FwConfidence
fw_dataset_get_firm_confidence (FwDataset *self,
                                guint      row)
{
  g_return_val_if_fail (FW_IS_DATASET (self), FW_CONFIDENCE_UNKNOWN);
  g_return_val_if_fail (row < self->n_rows[FW_TABLE_FIRMS], FW_CONFIDENCE_UNKNOWN);

  return g_array_index (self->firm_confidence, guint8, row);
}

const char *
fw_dataset_get_fair_name (FwDataset *self,
                          guint      row)
{
  g_return_val_if_fail (FW_IS_DATASET (self), "");
  g_return_val_if_fail (row < self->n_rows[FW_TABLE_FAIRS], "");

  return STR (self->fair_name, row);
}

FwCountryId
fw_dataset_get_fair_host (FwDataset *self,
                          guint      row)
{
  g_return_val_if_fail (FW_IS_DATASET (self), FW_COUNTRY_UNKNOWN);
  g_return_val_if_fail (row < self->n_rows[FW_TABLE_FAIRS], FW_COUNTRY_UNKNOWN);

  return g_array_index (self->fair_host, guint16, row);
}

static gint
find_by_id (FwDataset  *self,
            GArray     *ids,
            const char *id)
{
  guint32 sid;

  if (id == NULL || id[0] == '\0' || !fw_str_pool_lookup (self->strings, id, &sid))
    return -1;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint32, i) == sid)
      return (gint) i;

  return -1;
}

gint
fw_dataset_find_firm_by_id (FwDataset  *self,
                            const char *id)
{
  g_return_val_if_fail (FW_IS_DATASET (self), -1);

  return find_by_id (self, self->firm_id, id);
}

gint
fw_dataset_find_fair_by_id (FwDataset  *self,
                            const char *id)
{
  g_return_val_if_fail (FW_IS_DATASET (self), -1);

  return find_by_id (self, self->fair_id, id);
}
