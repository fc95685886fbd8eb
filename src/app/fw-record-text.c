/* fw-record-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-record-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-record-list-private.h"

char *
fw_record_list_fold_for_search (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/* A string field's value for a row of the field's table, without copying. */
const char *
fw_record_list_field_string (FwDataset *dataset,
                             FwTable    table,
                             guint      row,
                             FwField    field,
                             guint      extra)
{
  FwFirmValues firm;
  FwFairValues fair;
  FwExhibitionValues exhibition;
  const char *text = NULL;

  switch (field)
    {
    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FIRM_NAME:
    case FW_FIELD_FIRM_WEBSITE:
    case FW_FIELD_FIRM_NOTES:
    case FW_FIELD_FIRM_SOURCE:
      fw_dataset_get_firm (dataset, row, &firm);
      text = field == FW_FIELD_FIRM_ID ? firm.id
           : field == FW_FIELD_FIRM_NAME ? firm.name
           : field == FW_FIELD_FIRM_WEBSITE ? firm.website
           : field == FW_FIELD_FIRM_NOTES ? firm.notes
           : firm.source;
      break;

    case FW_FIELD_FAIR_ID:
    case FW_FIELD_FAIR_NAME:
    case FW_FIELD_FAIR_CITY:
      fw_dataset_get_fair (dataset, row, &fair);
      text = field == FW_FIELD_FAIR_ID ? fair.id
           : field == FW_FIELD_FAIR_NAME ? fair.name
           : fair.city;
      break;

    case FW_FIELD_EXHIBITION_SOURCE:
    case FW_FIELD_EXHIBITION_NOTE:
      fw_dataset_get_exhibition (dataset, row, &exhibition);
      text = field == FW_FIELD_EXHIBITION_SOURCE ? exhibition.source : exhibition.note;
      break;

    case FW_FIELD_EXTRA:
      if (extra < fw_dataset_get_n_extra (dataset, table))
        text = fw_dataset_get_extra (dataset, table, extra, row);
      break;

    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FIRM_CONFIDENCE:
    case FW_FIELD_FAIR_HOST:
    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
    case FW_FIELD_EXHIBITION_YEAR:
    case FW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static guint8
match_text (FwRecordSearch     *search,
            const char *text)
{
  g_autofree char *folded = fw_record_list_fold_for_search (text);

  return strstr (folded, search->needle) != NULL ? 1 : 2;
}

void
fw_record_search_init (FwRecordSearch       *search,
                       FwRecordList *self)
{
  FwCountries *countries;
  const FwField *fields;
  guint n_fields;
  guint n_extra;

  memset (search, 0, sizeof *search);
  search->self = self;
  search->dataset = fw_record_list_get_dataset (self);
  search->pool = fw_dataset_get_strings (search->dataset);
  search->needle = self->folded_search;
  fw_dataset_get_columns (search->dataset, &search->c);

  countries = fw_dataset_get_countries (search->dataset);
  search->text_state = g_new0 (guint8, MAX (fw_str_pool_get_size (search->pool), 1));
  search->country_state = g_new0 (guint8, MAX (fw_countries_get_n_ids (countries), 1));

  fields = fw_record_list_get_fields (self->table, &n_fields);
  n_extra = fw_dataset_get_n_extra (search->dataset, self->table);

  search->fields = g_new0 (FwRecordSearchField, n_fields + n_extra);

  for (guint i = 0; i < n_fields + n_extra; i++)
    {
      FwField field = i < n_fields ? fields[i] : FW_FIELD_EXTRA;
      FwRecordSearchField *f = &search->fields[search->n_fields];

      if (fw_record_list_field_kind (field) == KIND_COUNT)
        continue;

      f->field = field;
      f->table = fw_record_list_field_table (self, field);
      if (fw_record_list_field_kind (field) == KIND_TEXT)
        f->ids = fw_record_list_get_string_ids (self, field, i < n_fields ? 0 : i - n_fields);
      search->n_fields++;
    }
}

void
fw_record_search_clear (FwRecordSearch *search)
{
  g_free (search->text_state);
  g_free (search->country_state);
  g_free (search->fields);
}

gboolean
fw_record_search_row (FwRecordSearch *search,
                      guint   row)
{
  FwCountries *countries = fw_dataset_get_countries (search->dataset);
  const FwColumns *c = &search->c;

  for (guint i = 0; i < search->n_fields; i++)
    {
      const FwRecordSearchField *f = &search->fields[i];
      guint r = fw_record_list_resolve_row (search->self, c, f->table, row);
      guint8 *state;

      switch (fw_record_list_field_kind (f->field))
        {
        case KIND_TEXT:
          {
            guint32 id = f->ids[r];

            if (id == FW_STR_NONE)
              continue;
            state = &search->text_state[id];
            if (*state == 0)
              *state = match_text (search, fw_str_pool_get (search->pool, id));
          }
          break;

        case KIND_COUNTRY:
          {
            FwCountryId id = f->table == FW_TABLE_FIRMS ? c->firm_hq[r] : c->fair_host[r];

            if (id == FW_COUNTRY_UNKNOWN)
              continue;
            state = &search->country_state[id];
            if (*state == 0)
              *state = match_text (search, fw_countries_get_name (countries, id));
          }
          break;

        case KIND_CONFIDENCE:
          {
            FwConfidence confidence = c->firm_confidence[r];

            if (confidence == FW_CONFIDENCE_UNKNOWN || confidence >= FW_N_CONFIDENCE)
              continue;
            state = &search->confidence_state[confidence];
            if (*state == 0)
              *state = match_text (search, fw_confidence_to_label (confidence));
          }
          break;

        case KIND_YEAR:
          {
            guint16 year = c->exhibition_year[r];
            char text[8];

            if (year == FW_YEAR_UNKNOWN || year > FW_YEAR_MAX)
              continue;
            state = &search->year_state[year];
            if (*state == 0)
              {
                g_snprintf (text, sizeof text, "%u", year);
                *state = match_text (search, text);
              }
          }
          break;

        case KIND_COUNT:
        default:
          continue;
        }

      if (*state == 1)
        return TRUE;
    }

  return FALSE;
}

char *
fw_record_list_get_text (FwRecordList *self,
                         guint         row,
                         FwField       field,
                         guint         extra,
                         gboolean     *unknown)
{
  FwDataset *dataset;
  FwCountries *countries;
  FwTable table;
  FwColumns c;
  guint r;

  g_return_val_if_fail (FW_IS_RECORD_LIST (self), NULL);

  if (unknown != NULL)
    *unknown = FALSE;

  field = fw_record_list_canonical_field (field);
  dataset = fw_record_list_get_dataset (self);
  if (dataset == NULL || !fw_record_list_field_applies (self, field) ||
      row >= fw_dataset_get_n_rows (dataset, self->table))
    return g_strdup ("");

  fw_dataset_get_columns (dataset, &c);
  countries = fw_dataset_get_countries (dataset);
  table = fw_record_list_field_table (self, field);
  r = fw_record_list_resolve_row (self, &c, table, row);

  if (fw_record_list_is_count_field (field))
    {
      const guint32 *counts = field == FW_FIELD_KEPT_FIRMS ? self->kept_firms : self->kept_exhibitions;

      if (counts == NULL || row >= self->n_counts)
        return g_strdup ("");

      return g_strdup_printf ("%'u", counts[row]);
    }

  switch (fw_record_list_field_kind (field))
    {
    case KIND_COUNTRY:
      {
        FwCountryId id = table == FW_TABLE_FIRMS ? c.firm_hq[r] : c.fair_host[r];

        if (id == FW_COUNTRY_UNKNOWN)
          break;
        return g_strdup (fw_countries_get_name (countries, id));
      }

    case KIND_CONFIDENCE:
      if (c.firm_confidence[r] == FW_CONFIDENCE_UNKNOWN)
        break;
      return g_strdup (fw_confidence_to_label (c.firm_confidence[r]));

    case KIND_YEAR:
      if (c.exhibition_year[r] == FW_YEAR_UNKNOWN)
        break;
      return g_strdup_printf ("%u", c.exhibition_year[r]);

    case KIND_TEXT:
      {
        const char *text = fw_record_list_field_string (dataset, table, r, field, extra);

        if (text[0] != '\0')
          return g_strdup (text);

        /* Names are never left out on purpose: an empty one is unknown. */
        if (field == FW_FIELD_FAIR_NAME)
          {
            if (unknown != NULL)
              *unknown = TRUE;
            return fw_facet_value_label (FW_FACET_FAIR, r, dataset);
          }
        if (field == FW_FIELD_FIRM_NAME)
          break;
        return g_strdup ("");
      }

    case KIND_COUNT:
    default:
      g_assert_not_reached ();
    }

  if (unknown != NULL)
    *unknown = TRUE;

  return g_strdup (_("(unknown)"));
}
