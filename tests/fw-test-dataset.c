/* fw-test-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-test-dataset.h"

FwCountryId
fw_test_country (FwCountries *countries,
                 const char  *alpha2)
{
  FwCountryId id;

  if (alpha2 == NULL)
    return FW_COUNTRY_UNKNOWN;

  id = fw_countries_lookup_code (countries, alpha2);
  g_assert_cmpuint (id, !=, FW_COUNTRY_UNKNOWN);

  return id;
}

FwDataset *
fw_test_dataset_new (FwCountries            *countries,
                     const FwTestFair       *fairs,
                     guint                   n_fairs,
                     const FwTestFirm       *firms,
                     guint                   n_firms,
                     const FwTestExhibition *exhibitions,
                     guint                   n_exhibitions)
{
  FwDataset *dataset = fw_dataset_new (countries);

  for (guint i = 0; i < n_fairs; i++)
    {
      FwFairValues values = { NULL, fairs[i].name, fw_test_country (countries, fairs[i].host), NULL };

      g_assert_cmpuint (fw_dataset_append_fair (dataset, &values), ==, i);
    }

  for (guint i = 0; i < n_firms; i++)
    {
      g_autofree char *id = g_strdup_printf ("F%u", i);
      FwFirmValues values = { id, firms[i].name, fw_test_country (countries, firms[i].hq),
                              firms[i].confidence, NULL, NULL, NULL };

      g_assert_cmpuint (fw_dataset_append_firm (dataset, &values), ==, i);
    }

  for (guint i = 0; i < n_exhibitions; i++)
    {
      FwExhibitionValues values = { exhibitions[i].firm, exhibitions[i].fair, exhibitions[i].year, NULL, NULL };

      g_assert_cmpuint (fw_dataset_append_exhibition (dataset, &values), ==, i);
    }

  return dataset;
}
