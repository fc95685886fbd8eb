/* fw-dataset.h: the three tables (firms, fairs, exhibitions), stored by column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fw-countries.h"
#include "fw-str-pool.h"
#include "fw-types.h"

G_BEGIN_DECLS

#define FW_TYPE_DATASET (fw_dataset_get_type ())

G_DECLARE_FINAL_TYPE (FwDataset, fw_dataset, FW, DATASET, GObject)

/* Every field of every table, so that readers, writers, tables and edits can
 * name a column without a switch per table.  FW_FIELD_EXTRA stands for a
 * column the dataset does not interpret but keeps (see the _extra_ calls). */
typedef enum
{
  FW_FIELD_FIRM_ID,
  FW_FIELD_FIRM_NAME,
  FW_FIELD_FIRM_HQ,
  FW_FIELD_FIRM_CONFIDENCE,
  FW_FIELD_FIRM_WEBSITE,
  FW_FIELD_FIRM_NOTES,
  FW_FIELD_FIRM_SOURCE,
  FW_FIELD_FAIR_ID,
  FW_FIELD_FAIR_NAME,
  FW_FIELD_FAIR_HOST,
  FW_FIELD_FAIR_CITY,
  FW_FIELD_EXHIBITION_FIRM,
  FW_FIELD_EXHIBITION_FAIR,
  FW_FIELD_EXHIBITION_YEAR,
  FW_FIELD_EXHIBITION_SOURCE,
  FW_FIELD_EXHIBITION_NOTE,
  FW_FIELD_EXTRA,
  FW_N_FIELDS
} FwField;

typedef struct
{
  const char   *id;
  const char   *name;
  FwCountryId   hq;
  FwConfidence  confidence;
  const char   *website;
  const char   *notes;
  const char   *source;
} FwFirmValues;

typedef struct
{
  const char   *id;
  const char   *name;
  FwCountryId   host;
  const char   *city;
} FwFairValues;

typedef struct
{
  guint         firm;     /* row in the firms table */
  guint         fair;     /* row in the fairs table */
  guint16       year;     /* FW_YEAR_UNKNOWN when not known */
  const char   *source;
  const char   *note;
} FwExhibitionValues;

/* Raw columns for scans.  Valid until the dataset is next modified. */
typedef struct
{
  guint           n_firms;
  guint           n_fairs;
  guint           n_exhibitions;
  const guint32  *firm_name;        /* string ids */
  const guint16  *firm_hq;          /* FwCountryId */
  const guint8   *firm_confidence;  /* FwConfidence */
  const guint32  *fair_name;
  const guint16  *fair_host;
  const guint32  *exhibition_firm;
  const guint32  *exhibition_fair;
  const guint16  *exhibition_year;
} FwColumns;

/* How the data was laid out in the file it came from, so that saving back
 * reproduces it; owned by the CSV code (fw-csv.h). */
typedef struct _FwCsvLayout FwCsvLayout;

FwDataset    *fw_dataset_new                (FwCountries        *countries);

FwCountries  *fw_dataset_get_countries      (FwDataset          *self);
FwStrPool    *fw_dataset_get_strings        (FwDataset          *self);
guint64       fw_dataset_get_generation     (FwDataset          *self);
void          fw_dataset_get_columns        (FwDataset          *self,
                                             FwColumns          *columns);
gsize         fw_dataset_get_memory_size    (FwDataset          *self);

/* Metadata, kept in the native file. */
const char   *fw_dataset_get_title          (FwDataset          *self);
void          fw_dataset_set_title          (FwDataset          *self,
                                             const char         *title);
const char   *fw_dataset_get_description    (FwDataset          *self);
void          fw_dataset_set_description    (FwDataset          *self,
                                             const char         *description);
gboolean      fw_dataset_get_fictional      (FwDataset          *self);
void          fw_dataset_set_fictional      (FwDataset          *self,
                                             gboolean            fictional);
const char   *fw_dataset_get_citation       (FwDataset          *self);
void          fw_dataset_set_citation       (FwDataset          *self,
                                             const char         *citation);

FwCsvLayout  *fw_dataset_get_csv_layout     (FwDataset          *self);
void          fw_dataset_set_csv_layout     (FwDataset          *self,
                                             FwCsvLayout        *layout);

/* The edit history a curation session records; kept verbatim. */
JsonNode     *fw_dataset_get_history        (FwDataset          *self);
void          fw_dataset_set_history        (FwDataset          *self,
                                             JsonNode           *history);

guint         fw_dataset_get_n_rows         (FwDataset          *self,
                                             FwTable             table);
void          fw_dataset_reserve            (FwDataset          *self,
                                             FwTable             table,
                                             guint               n_rows);

guint         fw_dataset_append_firm        (FwDataset          *self,
                                             const FwFirmValues *values);
guint         fw_dataset_append_fair        (FwDataset          *self,
                                             const FwFairValues *values);
guint         fw_dataset_append_exhibition  (FwDataset          *self,
                                             const FwExhibitionValues *values);

void          fw_dataset_get_firm           (FwDataset          *self,
                                             guint               row,
                                             FwFirmValues       *values);
void          fw_dataset_get_fair           (FwDataset          *self,
                                             guint               row,
                                             FwFairValues       *values);
void          fw_dataset_get_exhibition     (FwDataset          *self,
                                             guint               row,
                                             FwExhibitionValues *values);

const char   *fw_dataset_get_firm_name      (FwDataset          *self,
                                             guint               row);
FwCountryId   fw_dataset_get_firm_hq        (FwDataset          *self,
                                             guint               row);
FwConfidence  fw_dataset_get_firm_confidence (FwDataset         *self,
                                             guint               row);
const char   *fw_dataset_get_fair_name      (FwDataset          *self,
                                             guint               row);
FwCountryId   fw_dataset_get_fair_host      (FwDataset          *self,
                                             guint               row);

/* Row of the firm or fair with this id, or -1. */
gint          fw_dataset_find_firm_by_id    (FwDataset          *self,
                                             const char         *id);
gint          fw_dataset_find_fair_by_id    (FwDataset          *self,
                                             const char         *id);

/* Field access as text, as a CSV cell or a table cell shows it; countries
 * are written as their English names, confidence as high/medium/low or "",
 * references as the referenced record's id (or name when it has no id). */
char         *fw_dataset_get_field_text     (FwDataset          *self,
                                             FwTable             table,
                                             guint               row,
                                             FwField             field,
                                             guint               extra);

/* Columns that a file carried and the dataset does not interpret. */
guint         fw_dataset_get_n_extra        (FwDataset          *self,
                                             FwTable             table);
const char   *fw_dataset_get_extra_name     (FwDataset          *self,
                                             FwTable             table,
                                             guint               column);
gint          fw_dataset_find_extra         (FwDataset          *self,
                                             FwTable             table,
                                             const char         *name);
guint         fw_dataset_add_extra_column   (FwDataset          *self,
                                             FwTable             table,
                                             const char         *name);
const char   *fw_dataset_get_extra          (FwDataset          *self,
                                             FwTable             table,
                                             guint               column,
                                             guint               row);
void          fw_dataset_set_extra          (FwDataset          *self,
                                             FwTable             table,
                                             guint               column,
                                             guint               row,
                                             const char         *value);

FwTable       fw_field_get_table            (FwField             field);
const char   *fw_field_to_string            (FwField             field);

G_END_DECLS
