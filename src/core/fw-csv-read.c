/* fw-csv-read.c: the flat layout, and the row values both layouts read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-csv-read-private.h"

/* Row values */

/* FALSE, with an error, when the firm name is empty. */
gboolean
fw_csv_reader_firm_name (Reader *r)
{
  gsize len;

  reader_text (r, FW_FIELD_FIRM_NAME, &len);
  if (len > 0)
    return TRUE;

  reader_error (r, FW_FORMAT_ERROR_INVALID,
                reader_line (r, FW_FIELD_FIRM_NAME), reader_column (r, FW_FIELD_FIRM_NAME),
                _("the firm name is empty (column “%s”); fill it in or delete the row"),
                reader_field_header (r, FW_FIELD_FIRM_NAME));
  return FALSE;
}

gboolean
fw_csv_reader_country (Reader      *r,
                       FwField      field,
                       FwCountryId *out_id)
{
  CountryColumn *tracker = field == FW_FIELD_FIRM_HQ ? &r->hq : &r->host;
  gsize len;
  const char *text = reader_text (r, field, &len);
  guint value;

  *out_id = FW_COUNTRY_UNKNOWN;
  if (len == 0)
    return TRUE;

  if (tracker->last != NULL && tracker->last_len == len && memcmp (tracker->last, text, len) == 0)
    value = tracker->last_value;
  else
    {
      value = fw_csv_builder_lookup_country (r->builder, text, len, &tracker->last);
      tracker->last_len = len;
      tracker->last_value = value;
    }

  if ((value & COUNTRY_ID_MASK) == FW_COUNTRY_UNKNOWN)
    {
      reader_error (r, FW_FORMAT_ERROR_COUNTRY, reader_line (r, field), reader_column (r, field),
                    _("“%s” is not a country this program knows (column “%s”); "
                      "use an English name or an ISO 3166 code"),
                    text, reader_field_header (r, field));
      return FALSE;
    }

  tracker->any = TRUE;
  if ((value & COUNTRY_IS_CODE) == 0)
    tracker->all_codes = FALSE;

  *out_id = value & COUNTRY_ID_MASK;
  return TRUE;
}

gboolean
fw_csv_reader_confidence (Reader       *r,
                          FwConfidence *out_confidence)
{
  gsize len;
  const char *text = reader_text (r, FW_FIELD_FIRM_CONFIDENCE, &len);
  ConfidenceEntry parsed;
  ConfidenceEntry *entry = NULL;

  *out_confidence = FW_CONFIDENCE_UNKNOWN;
  if (len == 0)
    return TRUE;

  for (guint i = 0; i < CONFIDENCE_CACHE; i++)
    {
      entry = &r->confidence[i];
      if (entry->len == len && memcmp (entry->text, text, len) == 0)
        break;
      entry = NULL;
    }

  if (entry == NULL)
    {
      memset (&parsed, 0, sizeof parsed);
      parsed.len = len;
      parsed.valid = fw_confidence_from_string (text, &parsed.value);
      if (len >= sizeof parsed.text)
        entry = &parsed;
      else
        {
          memcpy (parsed.text, text, len);
          entry = &r->confidence[r->confidence_next++ % CONFIDENCE_CACHE];
          *entry = parsed;
        }
    }

  if (!entry->valid)
    {
      reader_error (r, FW_FORMAT_ERROR_CONFIDENCE,
                    reader_line (r, FW_FIELD_FIRM_CONFIDENCE), reader_column (r, FW_FIELD_FIRM_CONFIDENCE),
                    _("confidence “%s” is not high, medium or low (column “%s”); "
                      "correct the cell or leave it empty if the confidence is unknown"),
                    text, reader_field_header (r, FW_FIELD_FIRM_CONFIDENCE));
      return FALSE;
    }

  *out_confidence = entry->value;
  return TRUE;
}

gboolean
fw_csv_reader_year (Reader  *r,
                    guint16 *out_year)
{
  gsize len;
  const char *text = reader_text (r, FW_FIELD_EXHIBITION_YEAR, &len);

  *out_year = FW_YEAR_UNKNOWN;
  if (len == 0)
    return TRUE;

  if (!fw_year_parse (text, out_year))
    {
      reader_error (r, FW_FORMAT_ERROR_YEAR,
                    reader_line (r, FW_FIELD_EXHIBITION_YEAR), reader_column (r, FW_FIELD_EXHIBITION_YEAR),
                    _("year “%s” is not a whole number from %d to %d (column “%s”). "
                      "Correct the cell or leave it empty if the year is unknown."),
                    text, FW_YEAR_MIN, FW_YEAR_MAX, reader_field_header (r, FW_FIELD_EXHIBITION_YEAR));
      return FALSE;
    }

  return TRUE;
}

guint32
fw_csv_reader_intern (Reader  *r,
                      FwField  field)
{
  gsize len;
  const char *text = reader_text (r, field, &len);

  return fw_csv_builder_intern (r->builder, text, len);
}

void
fw_csv_reader_push_extras (Reader *r)
{
  GArray *values = r->builder->extra_values[r->table];

  for (guint i = 0; i < r->n_extra; i++)
    {
      const Field *field = &r->fields[r->extra_columns[i]];
      guint32 value = fw_csv_builder_intern (r->builder, r->buf + field->offset, field->len);

      g_array_append_val (values, value);
    }
}

/* Keeping a record's first value, or filling it in when it was empty */

static const char *
record_name (Reader   *r,
             gboolean  fair,
             guint     row)
{
  Builder *b = r->builder;

  return builder_string (b, fair ? g_array_index (b->fairs, FairRecord, row).name
                                 : g_array_index (b->firms, FirmRecord, row).name);
}

/* @what is untranslated: it is only translated for a warning. */
static void
merge_string (Reader     *r,
              gboolean    fair,
              const char *what,
              FwField     field,
              guint32    *kept,
              guint      *kept_line,
              guint       row)
{
  gsize len;
  const char *text = reader_text (r, field, &len);
  const char *old;

  if (len == 0)
    return;

  if (*kept == FW_STR_NONE)
    {
      *kept = fw_str_pool_intern_len (r->builder->strings, text, len);
      *kept_line = reader_line (r, field);
      return;
    }

  old = builder_string (r->builder, *kept);
  if (strcmp (old, text) == 0)
    return;

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, field), reader_column (r, field),
              fair ? FW_TABLE_FAIRS : FW_TABLE_FIRMS, (gint) row,
              fair ? _("fair “%s” has %s “%s” on line %u but “%s” on line %u; the first is kept")
                   : _("firm “%s” has %s “%s” on line %u but “%s” on line %u; the first is kept"),
              record_name (r, fair, row), _(what), old, *kept_line, text, reader_line (r, field));
}

static void
merge_country (Reader      *r,
               gboolean     fair,
               FwField      field,
               FwCountryId  value,
               FwCountryId *kept,
               guint       *kept_line,
               guint        row)
{
  FwCountries *countries = r->builder->countries;

  if (value == FW_COUNTRY_UNKNOWN || value == *kept)
    return;

  if (*kept == FW_COUNTRY_UNKNOWN)
    {
      *kept = value;
      *kept_line = reader_line (r, field);
      return;
    }

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, field), reader_column (r, field),
              fair ? FW_TABLE_FAIRS : FW_TABLE_FIRMS, (gint) row,
              fair ? _("fair “%s” has host country %s on line %u but %s on line %u; the first is kept")
                   : _("firm “%s” has HQ %s on line %u but %s on line %u; the first is kept"),
              record_name (r, fair, row), fw_countries_get_name (countries, *kept), *kept_line,
              fw_countries_get_name (countries, value), reader_line (r, field));
}

static void
merge_confidence (Reader       *r,
                  FwConfidence  value,
                  guint         row)
{
  guint8 *kept = &g_array_index (r->builder->firm_confidence, guint8, row);
  guint *kept_line;

  if (value == FW_CONFIDENCE_UNKNOWN || value == *kept)
    return;

  kept_line = &g_array_index (r->builder->firms, FirmRecord, row).line[FIRM_CONFIDENCE];
  if (*kept == FW_CONFIDENCE_UNKNOWN)
    {
      *kept = value;
      *kept_line = reader_line (r, FW_FIELD_FIRM_CONFIDENCE);
      return;
    }

  reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID,
              reader_line (r, FW_FIELD_FIRM_CONFIDENCE), reader_column (r, FW_FIELD_FIRM_CONFIDENCE),
              FW_TABLE_FIRMS, (gint) row,
              _("firm “%s” has confidence %s on line %u but %s on line %u; the first is kept"),
              record_name (r, FALSE, row), fw_confidence_to_string (*kept), *kept_line,
              fw_confidence_to_string (value), reader_line (r, FW_FIELD_FIRM_CONFIDENCE));
}

guint
fw_csv_reader_new_firm (Reader       *r,
                        FwCountryId   hq,
                        FwConfidence  confidence)
{
  FirmRecord firm = { 0 };
  guint8 level = confidence;
  guint line = r->row_line;

  firm.id = fw_csv_reader_intern (r, FW_FIELD_FIRM_ID);
  firm.name = fw_csv_reader_intern (r, FW_FIELD_FIRM_NAME);
  firm.website = fw_csv_reader_intern (r, FW_FIELD_FIRM_WEBSITE);
  firm.notes = fw_csv_reader_intern (r, FW_FIELD_FIRM_NOTES);
  firm.source = fw_csv_reader_intern (r, FW_FIELD_FIRM_SOURCE);
  firm.line[FIRM_NAME] = reader_line (r, FW_FIELD_FIRM_NAME);
  firm.line[FIRM_HQ] = r->field_column[FW_FIELD_FIRM_HQ] >= 0 ? reader_line (r, FW_FIELD_FIRM_HQ) : line;
  firm.line[FIRM_CONFIDENCE] = reader_line (r, FW_FIELD_FIRM_CONFIDENCE);
  firm.line[FIRM_WEBSITE] = reader_line (r, FW_FIELD_FIRM_WEBSITE);
  firm.line[FIRM_NOTES] = reader_line (r, FW_FIELD_FIRM_NOTES);
  firm.line[FIRM_SOURCE] = reader_line (r, FW_FIELD_FIRM_SOURCE);
  g_array_append_val (r->builder->firms, firm);
  g_array_append_val (r->builder->firm_hq, hq);
  g_array_append_val (r->builder->firm_confidence, level);

  return r->builder->firms->len - 1;
}

static guint
flat_firm (Reader       *r,
           FwCountryId   hq,
           FwConfidence  confidence)
{
  Builder *b = r->builder;
  gsize id_len, name_len;
  const char *id = reader_text (r, FW_FIELD_FIRM_ID, &id_len);
  const char *name = reader_text (r, FW_FIELD_FIRM_NAME, &name_len);
  gboolean by_id = id_len > 0;
  const char *key = by_id ? id : name;
  gsize key_len = by_id ? id_len : name_len;
  FirmRecord *firm;
  gboolean created = FALSE;
  guint row;

  /* Rows of one firm usually follow each other: most rows are resolved
   * without hashing. */
  if (r->last_firm != G_MAXUINT && r->last_firm_by_id == by_id &&
      r->last_firm_key_len == key_len && memcmp (r->last_firm_key, key, key_len) == 0)
    {
      row = r->last_firm;
      r->prefetch_index = NULL;
    }
  else
    {
      KeyIndex *index = by_id ? &b->firm_by_id : &b->firm_by_name;
      gint key_column = r->field_column[by_id ? FW_FIELD_FIRM_ID : FW_FIELD_FIRM_NAME];
      gboolean have_hash = r->prefetched && r->prefetch_column == key_column;
      guint32 hash = have_hash ? r->prefetch_hash : hash_bytes (key, key_len);
      const IndexSlot *slot = fw_csv_key_index_lookup (index, key, key_len, hash);

      r->prefetch_index = index;
      r->prefetch_column = key_column;

      if (slot != NULL)
        {
          row = slot->value;
          r->last_firm_key = slot->key;
          /* A copy at hand spares the next row a trip to the pool. */
          if (key_len <= sizeof r->last_firm_copy)
            r->last_firm_key = memcpy (r->last_firm_copy, key, key_len);
        }
      else
        {
          row = fw_csv_reader_new_firm (r, hq, confidence);
          firm = &g_array_index (b->firms, FirmRecord, row);
          r->last_firm_key = builder_string (b, by_id ? firm->id : firm->name);
          fw_csv_key_index_insert (index, r->last_firm_key, key_len, hash, row);

          /* Rows of this firm that leave the id empty find it by name. */
          if (by_id)
            {
              guint32 name_hash = hash_bytes (name, name_len);

              if (fw_csv_key_index_lookup (&b->firm_by_name, name, name_len, name_hash) == NULL)
                fw_csv_key_index_insert (&b->firm_by_name, builder_string (b, firm->name), name_len, name_hash, row);
            }
          created = TRUE;
        }

      r->last_firm = row;
      r->last_firm_by_id = by_id;
      r->last_firm_key_len = key_len;
    }

  if (created)
    return row;

  /* Taking the address does not read the record: it is only read when a
   * value differs from the kept one. */
  firm = &g_array_index (b->firms, FirmRecord, row);

  if (by_id)
    merge_string (r, FALSE, N_("name"), FW_FIELD_FIRM_NAME, &firm->name, &firm->line[FIRM_NAME], row);
  merge_country (r, FALSE, FW_FIELD_FIRM_HQ, hq,
                 &g_array_index (b->firm_hq, FwCountryId, row), &firm->line[FIRM_HQ], row);
  merge_confidence (r, confidence, row);
  merge_string (r, FALSE, N_("website"), FW_FIELD_FIRM_WEBSITE, &firm->website, &firm->line[FIRM_WEBSITE], row);
  merge_string (r, FALSE, N_("notes"), FW_FIELD_FIRM_NOTES, &firm->notes, &firm->line[FIRM_NOTES], row);
  merge_string (r, FALSE, N_("source"), FW_FIELD_FIRM_SOURCE, &firm->source, &firm->line[FIRM_SOURCE], row);

  return row;
}

guint
fw_csv_reader_new_fair (Reader      *r,
                        FwCountryId  host)
{
  FairRecord fair = { 0 };

  fair.id = fw_csv_reader_intern (r, FW_FIELD_FAIR_ID);
  fair.name = fw_csv_reader_intern (r, FW_FIELD_FAIR_NAME);
  fair.host = host;
  fair.city = fw_csv_reader_intern (r, FW_FIELD_FAIR_CITY);
  fair.line[FAIR_NAME] = reader_line (r, FW_FIELD_FAIR_NAME);
  fair.line[FAIR_HOST] = reader_line (r, FW_FIELD_FAIR_HOST);
  fair.line[FAIR_CITY] = reader_line (r, FW_FIELD_FAIR_CITY);
  g_array_append_val (r->builder->fairs, fair);

  return r->builder->fairs->len - 1;
}

static guint
flat_fair (Reader      *r,
           FwCountryId  host)
{
  static const char hex[] = "0123456789abcdef";
  Builder *b = r->builder;
  gsize id_len, name_len, key_len, name_key_len, needed;
  const char *id = reader_text (r, FW_FIELD_FAIR_ID, &id_len);
  const char *name = reader_text (r, FW_FIELD_FAIR_NAME, &name_len);
  gboolean by_id = id_len > 0;
  FairRecord *fair;
  char *name_key;
  gpointer stored, found;
  guint32 hash;
  char *key;
  guint row;

  /* Without an id, a fair is its name in its host country; the first
   * byte keeps the two kinds of key apart. */
  name_key_len = 1 + name_len + 1 + 4;
  needed = (by_id ? 1 + id_len + 1 : 0) + name_key_len + 1;
  if (needed > r->key_size)
    {
      r->key_size = MAX (needed, 2 * r->key_size);
      r->key = g_realloc (r->key, r->key_size);
    }
  key = r->key;
  if (by_id)
    {
      key[0] = '\x1e';
      memcpy (key + 1, id, id_len);
      key_len = 1 + id_len;
      key[key_len] = '\0';
      /* The name key follows, for rows of this fair without the id. */
      name_key = key + key_len + 1;
    }
  else
    {
      key_len = name_key_len;
      name_key = key;
    }

  name_key[0] = '\x1f';
  memcpy (name_key + 1, name, name_len);
  name_key[1 + name_len] = '\x1f';
  for (guint i = 0; i < 4; i++)
    name_key[2 + name_len + i] = hex[(host >> (12 - 4 * i)) & 0xf];
  name_key[name_key_len] = '\0';

  hash = hash_bytes (key, key_len);
  if (!key_cache_lookup (b->fair_fast, key, key_len, hash, &row, NULL))
    {
      if (g_hash_table_lookup_extended (b->fair_by_key, key, &stored, &found))
        row = GPOINTER_TO_UINT (found);
      else
        {
          row = fw_csv_reader_new_fair (r, host);
          stored = g_strndup (key, key_len);
          g_hash_table_insert (b->fair_by_key, stored, GUINT_TO_POINTER (row));
          key_cache_insert (b->fair_fast, stored, key_len, hash, row);
          if (by_id && !g_hash_table_contains (b->fair_by_key, name_key))
            g_hash_table_insert (b->fair_by_key, g_strdup (name_key), GUINT_TO_POINTER (row));
          return row;
        }
      key_cache_insert (b->fair_fast, stored, key_len, hash, row);
    }

  fair = &g_array_index (b->fairs, FairRecord, row);

  if (by_id)
    {
      merge_string (r, TRUE, N_("name"), FW_FIELD_FAIR_NAME, &fair->name, &fair->line[FAIR_NAME], row);
      merge_country (r, TRUE, FW_FIELD_FAIR_HOST, host, &fair->host, &fair->line[FAIR_HOST], row);
    }
  merge_string (r, TRUE, N_("city"), FW_FIELD_FAIR_CITY, &fair->city, &fair->line[FAIR_CITY], row);

  return row;
}

/* The column of the first value a firm-only row holds for an exhibition,
 * 0 when it holds none; @dropped, when not NULL, gets all their headers. */
static guint
find_dropped (Reader  *r,
              GString *dropped)
{
  static const FwField fields[] = {
    FW_FIELD_FAIR_CITY, FW_FIELD_EXHIBITION_SOURCE, FW_FIELD_EXHIBITION_NOTE,
  };
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len;

      reader_text (r, fields[i], &len);
      if (len > 0)
        {
          if (dropped == NULL)
            return reader_column (r, fields[i]);
          g_string_append_printf (dropped, "%s“%s”", dropped->len > 0 ? ", " : "",
                                  reader_field_header (r, fields[i]));
          if (first == 0)
            first = reader_column (r, fields[i]);
        }
    }

  for (guint i = 0; i < r->n_extra; i++)
    {
      guint column = r->extra_columns[i];

      if (r->fields[column].len > 0)
        {
          if (dropped == NULL)
            return column + 1;
          g_string_append_printf (dropped, "%s“%s”", dropped->len > 0 ? ", " : "", r->headers[column]);
          if (first == 0)
            first = column + 1;
        }
    }

  return first;
}

/* A firm-only row carries nothing for an exhibition; say so when it
 * does anyway, rather than drop values silently. */
static void
flat_check_firm_only (Reader *r)
{
  g_autoptr(GString) dropped = NULL;
  guint first;

  if (fw_problems_is_full (r->builder->problems))
    {
      if (find_dropped (r, NULL) > 0)
        fw_problems_count (r->builder->problems, FW_SEVERITY_WARNING);
      return;
    }

  dropped = g_string_new (NULL);
  first = find_dropped (r, dropped);
  if (first > 0)
    reader_add (r, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INVALID, r->row_line, first,
                FW_TABLE_EXHIBITIONS, -1,
                _("this row has no fair, host country or year, so it only describes the firm; "
                  "its values in %s belong to an exhibition and are dropped. Fill in the fair to keep them"),
                dropped->str);
}

static void
flat_row (Reader *r)
{
  Builder *b = r->builder;
  gsize fair_len, fair_id_len, host_len, year_len;
  gboolean ok;
  FwCountryId hq, host;
  FwConfidence confidence;
  guint16 year;
  guint firm, fair;

  ok = fw_csv_reader_firm_name (r);
  ok = fw_csv_reader_country (r, FW_FIELD_FIRM_HQ, &hq) && ok;
  ok = fw_csv_reader_confidence (r, &confidence) && ok;
  ok = fw_csv_reader_country (r, FW_FIELD_FAIR_HOST, &host) && ok;
  ok = fw_csv_reader_year (r, &year) && ok;
  if (!ok)
    return;

  firm = flat_firm (r, hq, confidence);

  reader_text (r, FW_FIELD_FAIR_NAME, &fair_len);
  reader_text (r, FW_FIELD_FAIR_ID, &fair_id_len);
  reader_text (r, FW_FIELD_FAIR_HOST, &host_len);
  reader_text (r, FW_FIELD_EXHIBITION_YEAR, &year_len);
  if (fair_len == 0 && fair_id_len == 0 && host_len == 0 && year_len == 0)
    {
      flat_check_firm_only (r);
      return;
    }

  fair = flat_fair (r, host);
  fw_csv_builder_add_exhibition (b, firm, fair, year,
                                 fw_csv_reader_intern (r, FW_FIELD_EXHIBITION_SOURCE),
                                 fw_csv_reader_intern (r, FW_FIELD_EXHIBITION_NOTE),
                                 r->row_line);
  fw_csv_reader_push_extras (r);
}

FwDataset *
fw_csv_read_flat (GBytes       *data,
                  const char   *filename,
                  FwCountries  *countries,
                  FwProblems   *problems,
                  GError      **error)
{
  g_autoptr(FwProblems) own_problems = NULL;
  g_autofree char *file = NULL;
  FwCsvLayout *layout;
  FwDataset *dataset;
  Builder builder;
  Reader reader;
  guint n_errors;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (countries == NULL || FW_IS_COUNTRIES (countries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = fw_problems_new (1000);
  n_errors = fw_problems_get_n_errors (problems);
  file = g_path_get_basename (filename != NULL ? filename : "data.csv");

  fw_csv_builder_init (&builder, countries, problems);
  builder.exhibitions_file = file;
  layout = fw_csv_layout_new (FALSE);

  fw_csv_reader_init (&reader, &builder, file, FW_TABLE_EXHIBITIONS,
                      &fw_csv_flat_specs, flat_row, &layout->files[0]);
  if (fw_csv_reader_run (&reader, data) && reader.n_rows == 0)
    reader_error (&reader, FW_FORMAT_ERROR_EMPTY, reader.line, 0,
                  _("there are no rows below the header; add rows or choose another file"));
  fw_csv_reader_clear (&reader);

  dataset = fw_csv_builder_finish (&builder, n_errors, layout, error);
  fw_csv_builder_clear (&builder);

  return dataset;
}

