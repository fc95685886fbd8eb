/* fw-csv-read-tables.c: the layout of one file per table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-csv-read-private.h"

/* Tables: ids are registered even for refused rows, so that references
 * to them do not add a second error for the same mistake. */
static gboolean
check_new_id (Reader  *r,
              FwField  field)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  const IdEntry *first;
  gpointer found;

  if (len == 0 || !g_hash_table_lookup_extended (b->ids[r->table], id, NULL, &found))
    return TRUE;

  first = &g_array_index (b->id_entries, IdEntry, GPOINTER_TO_UINT (found) - 1);
  if (r->table == FW_TABLE_FIRMS)
    reader_error (r, FW_FORMAT_ERROR_DUPLICATE_ID, reader_line (r, field), reader_column (r, field),
                  _("firm id “%s” is already used on line %u; give each firm its own id"),
                  id, first->line);
  else
    reader_error (r, FW_FORMAT_ERROR_DUPLICATE_ID, reader_line (r, field), reader_column (r, field),
                  _("fair id “%s” is already used on line %u; give each fair its own id"),
                  id, first->line);

  return FALSE;
}

/* Ids are registered even for refused rows (@row is -1), so that
 * references to them do not add a second error for the same mistake. */
static void
register_id (Reader  *r,
             FwField  field,
             gint     row)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  IdEntry entry = { row, reader_line (r, field) };

  if (len == 0)
    return;

  g_array_append_val (b->id_entries, entry);
  g_hash_table_insert (b->ids[r->table], g_strndup (id, len), GUINT_TO_POINTER (b->id_entries->len));
}

static void
firms_row (Reader *r)
{
  gboolean ok;
  FwCountryId hq;
  FwConfidence confidence;

  if (!check_new_id (r, FW_FIELD_FIRM_ID))
    return;

  ok = fw_csv_reader_firm_name (r);
  ok = fw_csv_reader_country (r, FW_FIELD_FIRM_HQ, &hq) && ok;
  ok = fw_csv_reader_confidence (r, &confidence) && ok;

  register_id (r, FW_FIELD_FIRM_ID, ok ? (gint) r->builder->firms->len : -1);
  if (!ok)
    return;

  fw_csv_reader_new_firm (r, hq, confidence);
  fw_csv_reader_push_extras (r);
}

static void
fairs_row (Reader *r)
{
  gboolean ok;
  FwCountryId host;

  if (!check_new_id (r, FW_FIELD_FAIR_ID))
    return;

  ok = fw_csv_reader_country (r, FW_FIELD_FAIR_HOST, &host);
  register_id (r, FW_FIELD_FAIR_ID, ok ? (gint) r->builder->fairs->len : -1);
  if (!ok)
    return;

  fw_csv_reader_new_fair (r, host);
  fw_csv_reader_push_extras (r);
}

/* Row of the record @field refers to; -1 when it is missing (an error is
 * added) or was refused (its error is already there). */
static gint
resolve_reference (Reader  *r,
                   FwField  field,
                   FwTable  table)
{
  Builder *b = r->builder;
  gsize len;
  const char *id = reader_text (r, field, &len);
  gboolean firm = table == FW_TABLE_FIRMS;
  gpointer found;

  if (len == 0)
    {
      reader_error (r, FW_FORMAT_ERROR_REFERENCE, reader_line (r, field), reader_column (r, field),
                    firm ? _("the exhibition names no firm (column “%s”); fill in the id of a firm in firms.csv")
                         : _("the exhibition names no fair (column “%s”); fill in the id of a fair in fairs.csv"),
                    reader_field_header (r, field));
      return -1;
    }

  if (!g_hash_table_lookup_extended (b->ids[table], id, NULL, &found))
    {
      reader_error (r, FW_FORMAT_ERROR_REFERENCE, reader_line (r, field), reader_column (r, field),
                    firm ? _("exhibition refers to firm “%s”, which firms.csv does not have; "
                             "add the firm to firms.csv or correct the id")
                         : _("exhibition refers to fair “%s”, which fairs.csv does not have; "
                             "add the fair to fairs.csv or correct the id"),
                    id);
      return -1;
    }

  return g_array_index (b->id_entries, IdEntry, GPOINTER_TO_UINT (found) - 1).row;
}

static void
exhibitions_row (Reader *r)
{
  gint firm = resolve_reference (r, FW_FIELD_EXHIBITION_FIRM, FW_TABLE_FIRMS);
  gint fair = resolve_reference (r, FW_FIELD_EXHIBITION_FAIR, FW_TABLE_FAIRS);
  guint16 year;

  if (!fw_csv_reader_year (r, &year) || firm < 0 || fair < 0)
    return;

  fw_csv_builder_add_exhibition (r->builder, (guint32) firm, (guint32) fair, year,
                                 fw_csv_reader_intern (r, FW_FIELD_EXHIBITION_SOURCE),
                                 fw_csv_reader_intern (r, FW_FIELD_EXHIBITION_NOTE),
                                 r->row_line);
  fw_csv_reader_push_extras (r);
}

FwDataset *
fw_csv_read_tables (const char    *directory,
                    FwCountries   *countries,
                    FwProblems    *problems,
                    GError       **error)
{
  static const RowFunc row_funcs[FW_N_TABLES] = { firms_row, fairs_row, exhibitions_row };
  g_autoptr(FwProblems) own_problems = NULL;
  GBytes *contents[FW_N_TABLES] = { NULL };
  FwCsvLayout *layout;
  FwDataset *dataset;
  Builder builder;
  guint n_errors;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (countries == NULL || FW_IS_COUNTRIES (countries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (directory, fw_csv_table_files[t], NULL);
      g_autoptr(GFile) gfile = g_file_new_for_path (path);

      contents[t] = g_file_load_bytes (gfile, NULL, NULL, error);
      if (contents[t] == NULL)
        {
          for (guint i = 0; i < t; i++)
            g_bytes_unref (contents[i]);
          return NULL;
        }
    }

  if (problems == NULL)
    problems = own_problems = fw_problems_new (1000);
  n_errors = fw_problems_get_n_errors (problems);

  fw_csv_builder_init (&builder, countries, problems);
  builder.exhibitions_file = fw_csv_table_files[FW_TABLE_EXHIBITIONS];
  layout = fw_csv_layout_new (TRUE);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      Reader reader;
      gboolean complete;

      fw_csv_reader_init (&reader, &builder, fw_csv_table_files[t], t,
                          &fw_csv_table_specs[t], row_funcs[t], &layout->files[t]);
      complete = fw_csv_reader_run (&reader, contents[t]);
      if (complete && t == FW_TABLE_FIRMS && reader.n_rows == 0)
        reader_error (&reader, FW_FORMAT_ERROR_EMPTY, reader.line, 0,
                      _("there are no firms below the header; add rows or choose another directory"));
      fw_csv_reader_clear (&reader);

      /* Without all firms or fairs, every reference would be an error. */
      if (!complete)
        break;
    }

  for (guint t = 0; t < FW_N_TABLES; t++)
    g_bytes_unref (contents[t]);

  dataset = fw_csv_builder_finish (&builder, n_errors, layout, error);
  fw_csv_builder_clear (&builder);

  return dataset;
}

gboolean
fw_csv_is_tables_directory (const char *directory)
{
  g_return_val_if_fail (directory != NULL, FALSE);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (directory, fw_csv_table_files[t], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }

  return TRUE;
}

