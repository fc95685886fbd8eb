/* fw-export-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include "fw-csv.h"
#include "fw-export-records.h"

static void
copy_extras (FwDataset     *from,
             FwDataset     *to,
             FwTable        table,
             const guint32 *rows,
             guint          n_rows)
{
  guint n_extra = fw_dataset_get_n_extra (from, table);

  for (guint c = 0; c < n_extra; c++)
    {
      guint column = fw_dataset_add_extra_column (to, table, fw_dataset_get_extra_name (from, table, c));

      for (guint i = 0; i < n_rows; i++)
        {
          const char *value = fw_dataset_get_extra (from, table, c, rows[i]);

          if (value != NULL && value[0] != '\0')
            fw_dataset_set_extra (to, table, column, i, value);
        }
    }
}

FwDataset *
fw_export_records_copy (FwQuery *query)
{
  FwDataset *from;
  FwDataset *to;
  const guint8 *firm_mask, *exhibition_mask;
  g_autofree guint32 *firm_map = NULL;
  g_autofree guint32 *fair_map = NULL;
  g_autoptr(GArray) firms = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) fairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) exhibitions = g_array_new (FALSE, FALSE, sizeof (guint32));
  FwColumns c;

  g_return_val_if_fail (FW_IS_QUERY (query), NULL);

  fw_query_ensure_current (query);
  from = fw_query_get_dataset (query);
  fw_dataset_get_columns (from, &c);
  firm_mask = fw_query_get_firm_mask (query);
  exhibition_mask = fw_query_get_exhibition_mask (query);

  firm_map = g_new (guint32, MAX (c.n_firms, 1));
  fair_map = g_new (guint32, MAX (c.n_fairs, 1));
  for (guint f = 0; f < c.n_fairs; f++)
    fair_map[f] = G_MAXUINT32;
  for (guint f = 0; f < c.n_firms; f++)
    if (firm_mask[f])
      {
        firm_map[f] = firms->len;
        g_array_append_val (firms, f);
      }
  for (guint e = 0; e < c.n_exhibitions; e++)
    if (exhibition_mask[e] && firm_mask[c.exhibition_firm[e]])
      {
        g_array_append_val (exhibitions, e);
        fair_map[c.exhibition_fair[e]] = 0;
      }
  for (guint f = 0; f < c.n_fairs; f++)
    if (fair_map[f] != G_MAXUINT32)
      {
        fair_map[f] = fairs->len;
        g_array_append_val (fairs, f);
      }

  to = fw_dataset_new (fw_dataset_get_countries (from));
  fw_dataset_set_title (to, fw_dataset_get_title (from));
  fw_dataset_set_description (to, fw_dataset_get_description (from));
  fw_dataset_set_fictional (to, fw_dataset_get_fictional (from));
  fw_dataset_set_citation (to, fw_dataset_get_citation (from));
  if (fw_dataset_get_csv_layout (from) != NULL)
    fw_dataset_set_csv_layout (to, fw_csv_layout_copy (fw_dataset_get_csv_layout (from)));

  fw_dataset_reserve (to, FW_TABLE_FIRMS, firms->len);
  fw_dataset_reserve (to, FW_TABLE_FAIRS, fairs->len);
  fw_dataset_reserve (to, FW_TABLE_EXHIBITIONS, exhibitions->len);
  for (guint i = 0; i < firms->len; i++)
    {
      FwFirmValues values;

      fw_dataset_get_firm (from, g_array_index (firms, guint32, i), &values);
      fw_dataset_append_firm (to, &values);
    }
  for (guint i = 0; i < fairs->len; i++)
    {
      FwFairValues values;

      fw_dataset_get_fair (from, g_array_index (fairs, guint32, i), &values);
      fw_dataset_append_fair (to, &values);
    }
  for (guint i = 0; i < exhibitions->len; i++)
    {
      FwExhibitionValues values;

      fw_dataset_get_exhibition (from, g_array_index (exhibitions, guint32, i), &values);
      values.firm = firm_map[values.firm];
      values.fair = fair_map[values.fair];
      fw_dataset_append_exhibition (to, &values);
    }

  copy_extras (from, to, FW_TABLE_FIRMS, (const guint32 *) firms->data, firms->len);
  copy_extras (from, to, FW_TABLE_FAIRS, (const guint32 *) fairs->data, fairs->len);
  copy_extras (from, to, FW_TABLE_EXHIBITIONS, (const guint32 *) exhibitions->data, exhibitions->len);

  return to;
}

gboolean
fw_export_records (FwQuery       *query,
                   const char    *path,
                   FwFormat       format,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(FwDataset) kept = NULL;

  g_return_val_if_fail (FW_IS_QUERY (query), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  kept = fw_export_records_copy (query);

  return fw_io_save_full (kept, path, format, FW_IO_SAVE_EXPORT, cancellable, error);
}
