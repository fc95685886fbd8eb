/* fw-csv-write.c: writing the flat layout and the three tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-csv"

#include "config.h"

#include <string.h>

#include "fw-csv-private.h"
#include "fw-io.h"

#define WRITE_BUFFER    (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buf;
  char           delimiter;
  const char    *newline;
  gboolean       escape_formulas;
} Writer;

static void
writer_init (Writer        *w,
             GOutputStream *stream,
             GCancellable  *cancellable,
             char           delimiter,
             gboolean       bom,
             gboolean       crlf)
{
  w->stream = stream;
  w->cancellable = cancellable;
  w->buf = g_string_sized_new (WRITE_BUFFER + 4096);
  w->delimiter = delimiter;
  w->newline = crlf ? "\r\n" : "\n";
  if (bom)
    g_string_append (w->buf, "\xef\xbb\xbf");
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->buf, TRUE);
}

static gboolean
writer_flush (Writer  *w,
              GError **error)
{
  gboolean ok = g_output_stream_write_all (w->stream, w->buf->str, w->buf->len,
                                           NULL, w->cancellable, error);

  g_string_truncate (w->buf, 0);

  return ok;
}

/* Quotes only what needs it, so that a file that did not quote comes
 * back byte for byte; libcsv's writers quote every field. */
static void
writer_cell (Writer     *w,
             const char *text,
             gboolean    first)
{
  gsize len;
  gboolean quote = FALSE;

  if (!first)
    g_string_append_c (w->buf, w->delimiter);

  if (text == NULL || text[0] == '\0')
    return;

  len = strlen (text);

  /* OWASP's CSV injection advice: a leading quote makes spreadsheets
   * read the cell as text, and the quotes keep it one cell. */
  if (w->escape_formulas && strchr ("=+-@\t\r", text[0]) != NULL)
    {
      g_string_append (w->buf, "\"'");
      for (gsize i = 0; i < len; i++)
        {
          if (text[i] == '"')
            g_string_append_c (w->buf, '"');
          g_string_append_c (w->buf, text[i]);
        }
      g_string_append_c (w->buf, '"');
      return;
    }

  if (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t')
    quote = TRUE;
  for (gsize i = 0; i < len && !quote; i++)
    {
      char c = text[i];

      quote = c == w->delimiter || c == '"' || c == '\r' || c == '\n';
    }

  if (!quote)
    {
      g_string_append_len (w->buf, text, len);
      return;
    }

  g_string_append_c (w->buf, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (w->buf, '"');
      g_string_append_c (w->buf, text[i]);
    }
  g_string_append_c (w->buf, '"');
}

static gboolean
writer_end_row (Writer  *w,
                GError **error)
{
  g_string_append (w->buf, w->newline);

  if (w->buf->len >= WRITE_BUFFER)
    return writer_flush (w, error);

  return TRUE;
}

static gboolean
writer_header (Writer  *w,
               GArray  *columns,
               GError **error)
{
  for (guint i = 0; i < columns->len; i++)
    writer_cell (w, g_array_index (columns, LayoutColumn, i).header, i == 0);

  return writer_end_row (w, error);
}

static void
compute_has_data (FwDataset *dataset,
                  gboolean   has_data[FW_N_FIELDS])
{
  guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  guint n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  guint n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);

  memset (has_data, 0, sizeof (gboolean) * FW_N_FIELDS);

  for (guint i = 0; i < n_firms; i++)
    {
      FwFirmValues firm;

      fw_dataset_get_firm (dataset, i, &firm);
      has_data[FW_FIELD_FIRM_ID] |= firm.id != NULL;
      has_data[FW_FIELD_FIRM_NAME] |= firm.name != NULL;
      has_data[FW_FIELD_FIRM_HQ] |= firm.hq != FW_COUNTRY_UNKNOWN;
      has_data[FW_FIELD_FIRM_CONFIDENCE] |= firm.confidence != FW_CONFIDENCE_UNKNOWN;
      has_data[FW_FIELD_FIRM_WEBSITE] |= firm.website != NULL;
      has_data[FW_FIELD_FIRM_NOTES] |= firm.notes != NULL;
      has_data[FW_FIELD_FIRM_SOURCE] |= firm.source != NULL;
    }

  for (guint i = 0; i < n_fairs; i++)
    {
      FwFairValues fair;

      fw_dataset_get_fair (dataset, i, &fair);
      has_data[FW_FIELD_FAIR_ID] |= fair.id != NULL;
      has_data[FW_FIELD_FAIR_NAME] |= fair.name != NULL;
      has_data[FW_FIELD_FAIR_HOST] |= fair.host != FW_COUNTRY_UNKNOWN;
      has_data[FW_FIELD_FAIR_CITY] |= fair.city != NULL;
    }

  for (guint i = 0; i < n_exhibitions; i++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, i, &exhibition);
      has_data[FW_FIELD_EXHIBITION_YEAR] |= exhibition.year != FW_YEAR_UNKNOWN;
      has_data[FW_FIELD_EXHIBITION_SOURCE] |= exhibition.source != NULL;
      has_data[FW_FIELD_EXHIBITION_NOTE] |= exhibition.note != NULL;
    }

  has_data[FW_FIELD_EXHIBITION_FIRM] = n_exhibitions > 0;
  has_data[FW_FIELD_EXHIBITION_FAIR] = n_exhibitions > 0;
}

/* A header the reader would take for another column, or a repeat. */
static gboolean
header_taken (GArray            *columns,
              const ColumnSpecs *specs,
              const char        *header)
{
  g_autofree char *key = fw_csv_normalise_header (header);

  if (fw_csv_find_spec (specs, header) != NULL)
    return TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *other = fw_csv_normalise_header (g_array_index (columns, LayoutColumn, i).header);

      if (g_str_equal (key, other))
        return TRUE;
    }

  return FALSE;
}

/* The columns to write: the layout's (those that still exist), then any
 * column that has data and no place yet, so that nothing is lost. */
static GArray *
build_columns (FwDataset         *dataset,
               GArray            *layout_columns,
               const ColumnSpecs *specs,
               const FwTable     *extra_tables,
               guint              n_extra_tables,
               const gboolean    *always,
               const gboolean    *has_data)
{
  GArray *columns = fw_csv_column_array_new ();
  gboolean present[FW_N_FIELDS] = { FALSE };
  gboolean *extra_present[FW_N_TABLES];

  for (guint t = 0; t < FW_N_TABLES; t++)
    extra_present[t] = g_new0 (gboolean, fw_dataset_get_n_extra (dataset, t) + 1);

  for (guint i = 0; layout_columns != NULL && i < layout_columns->len; i++)
    {
      const LayoutColumn *column = &g_array_index (layout_columns, LayoutColumn, i);

      if (column->field == FW_FIELD_EXTRA)
        {
          guint n_extra = fw_dataset_get_n_extra (dataset, column->table);
          gint extra = -1;

          if (column->extra < n_extra &&
              g_strcmp0 (fw_dataset_get_extra_name (dataset, column->table, column->extra), column->header) == 0)
            extra = (gint) column->extra;
          else
            extra = fw_dataset_find_extra (dataset, column->table, column->header);

          if (extra < 0 || extra_present[column->table][extra])
            continue;

          extra_present[column->table][extra] = TRUE;
          fw_csv_column_array_add (columns, column->header, FW_FIELD_EXTRA, column->table, (guint) extra, FALSE);
        }
      else if (!present[column->field])
        {
          present[column->field] = TRUE;
          fw_csv_column_array_add (columns, column->header, column->field, column->table, 0, column->codes);
        }
    }

  for (guint i = 0; i < specs->n_specs; i++)
    {
      const ColumnSpec *spec = &specs->specs[i];
      FwField field = spec->field;

      if (!present[field] && (always[field] || has_data[field]))
        {
          present[field] = TRUE;
          fw_csv_column_array_add (columns, spec->names[0], field, fw_field_get_table (field), 0, FALSE);
        }
    }

  for (guint i = 0; i < n_extra_tables; i++)
    {
      FwTable table = extra_tables[i];

      for (guint e = 0; e < fw_dataset_get_n_extra (dataset, table); e++)
        {
          const char *name = fw_dataset_get_extra_name (dataset, table, e);
          g_autofree char *header = g_strdup (name);

          if (extra_present[table][e])
            continue;

          for (guint attempt = 2; header[0] == '\0' || header_taken (columns, specs, header); attempt++)
            {
              g_free (header);
              header = g_strdup_printf ("%s (%s %u)", name, fw_table_to_string (table), attempt);
            }

          fw_csv_column_array_add (columns, header, FW_FIELD_EXTRA, table, e, FALSE);
        }
    }

  for (guint t = 0; t < FW_N_TABLES; t++)
    g_free (extra_present[t]);

  return columns;
}

typedef struct
{
  FwDataset                *dataset;
  FwCountries              *countries;
  const FwFirmValues       *firm;         /* NULL when the row has none */
  guint                     firm_row;
  const FwFairValues       *fair;
  guint                     fair_row;
  const FwExhibitionValues *exhibition;
  guint                     exhibition_row;
  char                    **firm_ids;     /* tables: ids as written */
  char                    **fair_ids;
  char                      year[8];
} RowContext;

static const char *
country_text (RowContext  *ctx,
              FwCountryId  id,
              gboolean     codes)
{
  if (id == FW_COUNTRY_UNKNOWN)
    return NULL;

  return codes ? fw_countries_get_code (ctx->countries, id)
               : fw_countries_get_name (ctx->countries, id);
}

static const char *
cell_text (RowContext         *ctx,
           const LayoutColumn *column)
{
  const FwFirmValues *firm = ctx->firm;
  const FwFairValues *fair = ctx->fair;
  const FwExhibitionValues *exhibition = ctx->exhibition;

  switch (column->field)
    {
    case FW_FIELD_FIRM_ID:
      if (firm == NULL)
        return NULL;
      return ctx->firm_ids != NULL ? ctx->firm_ids[ctx->firm_row] : firm->id;
    case FW_FIELD_FIRM_NAME:
      return firm != NULL ? firm->name : NULL;
    case FW_FIELD_FIRM_HQ:
      return firm != NULL ? country_text (ctx, firm->hq, column->codes) : NULL;
    case FW_FIELD_FIRM_CONFIDENCE:
      if (firm == NULL || firm->confidence == FW_CONFIDENCE_UNKNOWN)
        return NULL;
      return fw_confidence_to_string (firm->confidence);
    case FW_FIELD_FIRM_WEBSITE:
      return firm != NULL ? firm->website : NULL;
    case FW_FIELD_FIRM_NOTES:
      return firm != NULL ? firm->notes : NULL;
    case FW_FIELD_FIRM_SOURCE:
      return firm != NULL ? firm->source : NULL;
    case FW_FIELD_FAIR_ID:
      if (fair == NULL)
        return NULL;
      return ctx->fair_ids != NULL ? ctx->fair_ids[ctx->fair_row] : fair->id;
    case FW_FIELD_FAIR_NAME:
      return fair != NULL ? fair->name : NULL;
    case FW_FIELD_FAIR_HOST:
      return fair != NULL ? country_text (ctx, fair->host, column->codes) : NULL;
    case FW_FIELD_FAIR_CITY:
      return fair != NULL ? fair->city : NULL;
    case FW_FIELD_EXHIBITION_FIRM:
      if (exhibition == NULL)
        return NULL;
      if (ctx->firm_ids != NULL)
        return ctx->firm_ids[exhibition->firm];
      return firm == NULL ? NULL : firm->id != NULL ? firm->id : firm->name;
    case FW_FIELD_EXHIBITION_FAIR:
      if (exhibition == NULL)
        return NULL;
      if (ctx->fair_ids != NULL)
        return ctx->fair_ids[exhibition->fair];
      return fair == NULL ? NULL : fair->id != NULL ? fair->id : fair->name;
    case FW_FIELD_EXHIBITION_YEAR:
      if (exhibition == NULL || exhibition->year == FW_YEAR_UNKNOWN)
        return NULL;
      g_snprintf (ctx->year, sizeof ctx->year, "%u", exhibition->year);
      return ctx->year;
    case FW_FIELD_EXHIBITION_SOURCE:
      return exhibition != NULL ? exhibition->source : NULL;
    case FW_FIELD_EXHIBITION_NOTE:
      return exhibition != NULL ? exhibition->note : NULL;
    case FW_FIELD_EXTRA:
      switch (column->table)
        {
        case FW_TABLE_FIRMS:
          return firm != NULL ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_FIRMS, column->extra, ctx->firm_row) : NULL;
        case FW_TABLE_FAIRS:
          return fair != NULL ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_FAIRS, column->extra, ctx->fair_row) : NULL;
        case FW_TABLE_EXHIBITIONS:
        case FW_N_TABLES:
        default:
          return exhibition != NULL
                 ? fw_dataset_get_extra (ctx->dataset, FW_TABLE_EXHIBITIONS, column->extra, ctx->exhibition_row)
                 : NULL;
        }
    case FW_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static gboolean
write_row (Writer      *w,
           RowContext  *ctx,
           GArray      *columns,
           GError     **error)
{
  for (guint i = 0; i < columns->len; i++)
    writer_cell (w, cell_text (ctx, &g_array_index (columns, LayoutColumn, i)), i == 0);

  return writer_end_row (w, error);
}

gboolean
fw_csv_write_flat (FwDataset      *dataset,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  return fw_csv_write_flat_with_flags (dataset, stream, FW_CSV_WRITE_DEFAULT, cancellable, error);
}

gboolean
fw_csv_write_flat_with_flags (FwDataset        *dataset,
                              GOutputStream    *stream,
                              FwCsvWriteFlags   flags,
                              GCancellable     *cancellable,
                              GError          **error)
{
  static const FwTable extra_tables[] = { FW_TABLE_EXHIBITIONS, FW_TABLE_FIRMS, FW_TABLE_FAIRS };
  gboolean always_default[FW_N_FIELDS] = { FALSE };
  gboolean always_layout[FW_N_FIELDS] = { FALSE };
  gboolean has_data[FW_N_FIELDS];
  g_autoptr(GArray) columns = NULL;
  g_autofree gboolean *has_exhibition = NULL;
  FwCsvLayout *layout;
  const LayoutFile *file = NULL;
  RowContext ctx = { 0 };
  gboolean ok = TRUE;
  guint n_firms, n_exhibitions;
  guint last_firm = G_MAXUINT, last_fair = G_MAXUINT;
  FwFirmValues firm;
  FwFairValues fair;
  Writer w;

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  always_default[FW_FIELD_FIRM_NAME] = TRUE;
  always_default[FW_FIELD_FIRM_HQ] = TRUE;
  always_default[FW_FIELD_FIRM_CONFIDENCE] = TRUE;
  always_default[FW_FIELD_FAIR_NAME] = TRUE;
  always_default[FW_FIELD_FAIR_HOST] = TRUE;
  always_default[FW_FIELD_EXHIBITION_YEAR] = TRUE;
  always_layout[FW_FIELD_FIRM_NAME] = TRUE;

  layout = fw_dataset_get_csv_layout (dataset);
  if (layout != NULL && !layout->tables)
    file = &layout->files[0];

  compute_has_data (dataset, has_data);
  columns = build_columns (dataset, file != NULL ? file->columns : NULL,
                           &fw_csv_flat_specs,
                           extra_tables, G_N_ELEMENTS (extra_tables),
                           file != NULL ? always_layout : always_default, has_data);

  writer_init (&w, stream, cancellable,
               file != NULL ? file->delimiter : ',',
               file != NULL && file->bom,
               file != NULL && file->crlf);

  w.escape_formulas = (flags & FW_CSV_WRITE_ESCAPE_FORMULAS) != 0;

  ctx.dataset = dataset;
  ctx.countries = fw_dataset_get_countries (dataset);
  n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);
  has_exhibition = g_new0 (gboolean, n_firms + 1);

  ok = writer_header (&w, columns, error);

  for (guint i = 0; ok && i < n_exhibitions; i++)
    {
      FwExhibitionValues exhibition;

      fw_dataset_get_exhibition (dataset, i, &exhibition);
      if (exhibition.firm != last_firm)
        fw_dataset_get_firm (dataset, last_firm = exhibition.firm, &firm);
      if (exhibition.fair != last_fair)
        fw_dataset_get_fair (dataset, last_fair = exhibition.fair, &fair);
      has_exhibition[exhibition.firm] = TRUE;

      ctx.firm = &firm;
      ctx.firm_row = exhibition.firm;
      ctx.fair = &fair;
      ctx.fair_row = exhibition.fair;
      ctx.exhibition = &exhibition;
      ctx.exhibition_row = i;
      ok = write_row (&w, &ctx, columns, error);
    }

  ctx.fair = NULL;
  ctx.exhibition = NULL;
  for (guint i = 0; ok && i < n_firms; i++)
    {
      if (has_exhibition[i])
        continue;

      fw_dataset_get_firm (dataset, i, &firm);
      ctx.firm = &firm;
      ctx.firm_row = i;
      ok = write_row (&w, &ctx, columns, error);
    }

  if (ok)
    ok = writer_flush (&w, error);

  writer_clear (&w);

  return ok;
}

/* Ids as the tables write them: a record without one gets PREFIX and its
 * 1-based row number, made unique against the ids that exist. */
static char **
make_ids (FwDataset *dataset,
          FwTable    table,
          char       prefix)
{
  guint n = fw_dataset_get_n_rows (dataset, table);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = fw_dataset_get_field_text (dataset, table, i,
                                                       table == FW_TABLE_FIRMS ? FW_FIELD_FIRM_ID : FW_FIELD_FAIR_ID,
                                                       0);

      if (id[0] != '\0')
        {
          ids[i] = g_steal_pointer (&id);
          g_hash_table_add (used, ids[i]);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      char *id;

      if (ids[i] != NULL)
        continue;

      id = g_strdup_printf ("%c%04u", prefix, i + 1);
      for (guint attempt = 2; g_hash_table_contains (used, id); attempt++)
        {
          g_free (id);
          id = g_strdup_printf ("%c%04u-%u", prefix, i + 1, attempt);
        }

      ids[i] = id;
      g_hash_table_add (used, id);
    }

  return ids;
}

typedef struct
{
  FwDataset        *dataset;
  FwTable           table;
  char            **firm_ids;
  char            **fair_ids;
  FwCsvWriteFlags   flags;
  GArray           *columns;
  const LayoutFile *file;
} TableJob;

static gboolean
write_table_rows (GOutputStream  *out,
                  gpointer        user_data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  TableJob *job = user_data;
  const LayoutFile *file = job->file;
  RowContext ctx = { 0 };
  gboolean ok;
  guint n;
  Writer w;

  writer_init (&w, out, cancellable,
               file != NULL ? file->delimiter : ',',
               file != NULL && file->bom,
               file != NULL && file->crlf);

  w.escape_formulas = (job->flags & FW_CSV_WRITE_ESCAPE_FORMULAS) != 0;

  ctx.dataset = job->dataset;
  ctx.countries = fw_dataset_get_countries (job->dataset);
  ctx.firm_ids = job->firm_ids;
  ctx.fair_ids = job->fair_ids;
  n = fw_dataset_get_n_rows (job->dataset, job->table);

  ok = writer_header (&w, job->columns, error);
  for (guint i = 0; ok && i < n; i++)
    {
      FwFirmValues firm;
      FwFairValues fair;
      FwExhibitionValues exhibition;

      if (job->table == FW_TABLE_FIRMS)
        {
          fw_dataset_get_firm (job->dataset, i, &firm);
          ctx.firm = &firm;
          ctx.firm_row = i;
        }
      else if (job->table == FW_TABLE_FAIRS)
        {
          fw_dataset_get_fair (job->dataset, i, &fair);
          ctx.fair = &fair;
          ctx.fair_row = i;
        }
      else
        {
          fw_dataset_get_exhibition (job->dataset, i, &exhibition);
          ctx.exhibition = &exhibition;
          ctx.exhibition_row = i;
        }

      ok = write_row (&w, &ctx, job->columns, error);
    }

  if (ok)
    ok = writer_flush (&w, error);
  writer_clear (&w);

  return ok;
}

static gboolean
write_table (FwDataset       *dataset,
             FwTable          table,
             const char      *directory,
             char           **firm_ids,
             char           **fair_ids,
             const gboolean  *has_data,
             FwCsvWriteFlags  flags,
             GCancellable    *cancellable,
             GError         **error)
{
  gboolean always_default[FW_N_FIELDS];
  gboolean always_layout[FW_N_FIELDS] = { FALSE };
  g_autofree char *path = g_build_filename (directory, fw_csv_table_files[table], NULL);
  g_autoptr(GArray) columns = NULL;
  FwCsvLayout *layout = fw_dataset_get_csv_layout (dataset);
  TableJob job = { dataset, table, firm_ids, fair_ids, flags, NULL, NULL };

  for (guint i = 0; i < FW_N_FIELDS; i++)
    always_default[i] = TRUE;
  always_layout[FW_FIELD_FIRM_ID] = TRUE;
  always_layout[FW_FIELD_FIRM_NAME] = TRUE;
  always_layout[FW_FIELD_FAIR_ID] = TRUE;
  always_layout[FW_FIELD_FAIR_NAME] = TRUE;
  always_layout[FW_FIELD_EXHIBITION_FIRM] = TRUE;
  always_layout[FW_FIELD_EXHIBITION_FAIR] = TRUE;

  if (layout != NULL && layout->tables)
    job.file = &layout->files[table];

  columns = build_columns (dataset, job.file != NULL ? job.file->columns : NULL,
                           &fw_csv_table_specs[table],
                           &table, 1,
                           job.file != NULL ? always_layout : always_default, has_data);
  job.columns = columns;

  /* Each table as the other files are written (temporary file, fsync,
   * rename); an export, which escapes formulas, replaces a copy and keeps
   * no backup. */
  return fw_io_write_atomic (path, !(flags & FW_CSV_WRITE_ESCAPE_FORMULAS), write_table_rows, &job,
                             NULL, NULL, cancellable, error);
}

gboolean
fw_csv_write_tables (FwDataset     *dataset,
                     const char    *directory,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return fw_csv_write_tables_with_flags (dataset, directory, FW_CSV_WRITE_DEFAULT, cancellable, error);
}

gboolean
fw_csv_write_tables_with_flags (FwDataset        *dataset,
                                const char       *directory,
                                FwCsvWriteFlags   flags,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) firm_ids = NULL;
  g_auto(GStrv) fair_ids = NULL;
  gboolean has_data[FW_N_FIELDS];

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_file_new_for_path (directory);
  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  firm_ids = make_ids (dataset, FW_TABLE_FIRMS, 'F');
  fair_ids = make_ids (dataset, FW_TABLE_FAIRS, 'A');
  compute_has_data (dataset, has_data);

  for (guint t = 0; t < FW_N_TABLES; t++)
    {
      if (!write_table (dataset, t, directory, firm_ids, fair_ids, has_data, flags, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
