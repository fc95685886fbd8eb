/* fw-test-dataset.h: small datasets written out in a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"

G_BEGIN_DECLS

/* Countries are ISO alpha-2 codes, NULL for unknown; firms and fairs are
 * rows in the order given, and an exhibition names them by row. */
typedef struct
{
  const char *name;
  const char *host;
} FwTestFair;

typedef struct
{
  const char   *name;
  const char   *hq;
  FwConfidence  confidence;
} FwTestFirm;

typedef struct
{
  guint   firm;
  guint   fair;
  guint16 year;     /* 0 for unknown */
} FwTestExhibition;

/* Fails the test on a code the country table does not know. */
FwCountryId  fw_test_country     (FwCountries            *countries,
                                  const char             *alpha2);
/* Firms get the ids "F0", "F1"… */
FwDataset   *fw_test_dataset_new (FwCountries            *countries,
                                  const FwTestFair       *fairs,
                                  guint                   n_fairs,
                                  const FwTestFirm       *firms,
                                  guint                   n_firms,
                                  const FwTestExhibition *exhibitions,
                                  guint                   n_exhibitions);

G_END_DECLS
