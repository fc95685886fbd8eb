/* fw-test-curation.h: what the curation tests share: a small dataset,
 * a dump of every value, fixtures copied into a scratch folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "fw-edit.h"

/* Every value of every record, one line per record, so that two states
 * of a dataset can be compared with g_assert_cmpstr. */
static inline char *
dump_dataset (FwDataset *dataset)
{
  static const FwField firsts[] = { FW_FIELD_FIRM_ID, FW_FIELD_FAIR_ID, FW_FIELD_EXHIBITION_FIRM };
  static const FwField lasts[] = { FW_FIELD_FIRM_SOURCE, FW_FIELD_FAIR_CITY, FW_FIELD_EXHIBITION_NOTE };
  GString *out = g_string_new (NULL);

  for (FwTable t = 0; t < FW_N_TABLES; t++)
    for (guint row = 0; row < fw_dataset_get_n_rows (dataset, t); row++)
      {
        g_string_append_printf (out, "%s %u:", fw_table_to_string (t), row);
        for (FwField f = firsts[t]; f <= lasts[t]; f++)
          {
            g_autofree char *value = fw_dataset_get_raw (dataset, t, row, f, 0);
            g_string_append_printf (out, " %s=%s", fw_field_to_string (f), value);
          }
        for (guint c = 0; c < fw_dataset_get_n_extra (dataset, t); c++)
          g_string_append_printf (out, " %s=%s", fw_dataset_get_extra_name (dataset, t, c),
                                  fw_dataset_get_extra (dataset, t, c, row));
        g_string_append_c (out, '\n');
      }

  return g_string_free (out, FALSE);
}

/* Three firms, two fairs, four exhibitions, an extra column on firms. */
static inline FwDataset *
small_dataset (void)
{
  FwDataset *dataset = fw_dataset_new (NULL);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwFirmValues firms[] = {
    { "F1", "Acme", fw_countries_lookup (countries, "FR"), FW_CONFIDENCE_HIGH, NULL, NULL, NULL },
    { "F2", "Borealis", fw_countries_lookup (countries, "IL"), FW_CONFIDENCE_MEDIUM, NULL, NULL, NULL },
    { "F3", "Acme SA", FW_COUNTRY_UNKNOWN, FW_CONFIDENCE_LOW, NULL, "same as Acme?", NULL },
  };
  FwFairValues fairs[] = {
    { "A1", "Milipol", fw_countries_lookup (countries, "FR"), "Paris" },
    { "A2", "Interpolitex", fw_countries_lookup (countries, "RU"), "Moscow" },
  };
  FwExhibitionValues exhibitions[] = {
    { 0, 0, 2015, "catalogue", NULL },
    { 1, 1, 2016, NULL, NULL },
    { 2, 1, 2017, NULL, "booth 4" },
    { 0, 1, 2018, NULL, NULL },
  };
  guint ticker = fw_dataset_add_extra_column (dataset, FW_TABLE_FIRMS, "ticker");

  for (guint i = 0; i < G_N_ELEMENTS (firms); i++)
    fw_dataset_append_firm (dataset, &firms[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fairs); i++)
    fw_dataset_append_fair (dataset, &fairs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (exhibitions); i++)
    fw_dataset_append_exhibition (dataset, &exhibitions[i]);
  fw_dataset_set_extra (dataset, FW_TABLE_FIRMS, ticker, 0, "ACME");

  return dataset;
}

static inline char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Copies tests/data/@name into @dir and returns the copy's path. */
static inline char *
copy_fixture (const char *name,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *contents = read_file (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
  char *path = g_build_filename (dir, base, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static inline int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Names in @dir, sorted, for checking that no temporary file was left. */
static inline char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static inline void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

#include "fw-document.h"

/* The same @n edits of every kind, with reasons and sources, for a
 * process that is killed and for the test that checks what came back. */
static inline void
scripted_edits (FwDocument *document,
                guint       n)
{
  static const char *countries[] = { "DE", "AT", "NO", "" };
  FwDataset *dataset = fw_document_get_dataset (document);

  for (guint i = 0; i < n; i++)
    {
      guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
      guint n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);
      g_autofree char *text = g_strdup_printf ("Edit %u", i);
      g_autofree char *year = g_strdup_printf ("%u", 1995 + i);
      g_autoptr(FwEdit) edit = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 7 && n_firms > 2)
        edit = fw_edit_new_merge (dataset, 0, n_firms - 1);
      else
        switch (i % 6)
          {
          case 0:
            edit = fw_edit_new_set (dataset, FW_TABLE_FIRMS, i % n_firms, FW_FIELD_FIRM_NAME, NULL, text);
            break;
          case 1:
            edit = fw_edit_new_set (dataset, FW_TABLE_FIRMS, i % n_firms, FW_FIELD_FIRM_HQ, NULL,
                                    countries[i % G_N_ELEMENTS (countries)]);
            break;
          case 2:
            edit = fw_edit_new_set (dataset, FW_TABLE_FAIRS, i % fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS),
                                    FW_FIELD_FAIR_HOST, NULL, countries[i % G_N_ELEMENTS (countries)]);
            break;
          case 3:
            edit = fw_edit_new_set (dataset, FW_TABLE_EXHIBITIONS, i % n_exhibitions,
                                    FW_FIELD_EXHIBITION_YEAR, NULL, year);
            break;
          case 4:
            {
              g_autoptr(JsonObject) values = json_object_new ();

              json_object_set_string_member (values, "name", text);
              edit = fw_edit_new_add (dataset, FW_TABLE_FIRMS, values);
              break;
            }
          default:
            edit = n_exhibitions > 1 ? fw_edit_new_delete (dataset, FW_TABLE_EXHIBITIONS, n_exhibitions - 1)
                                     : fw_edit_new_duplicate (dataset, FW_TABLE_EXHIBITIONS, 0);
            break;
          }

      fw_edit_set_reason (edit, text);
      fw_edit_set_source (edit, "https://example.org/fair-catalogue", text, "2024-06-01");
      g_assert_true (fw_document_edit (document, edit, &error));
      g_assert_no_error (error);
    }
}
