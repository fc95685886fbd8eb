/* fw-types.h: small value types shared by the whole data engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every enumeration keeps 0 for "unknown" so that a zeroed column means
 * "not known yet" and unknown values are counted like any other bucket. */

typedef enum
{
  FW_CONFIDENCE_UNKNOWN = 0,
  FW_CONFIDENCE_HIGH,
  FW_CONFIDENCE_MEDIUM,
  FW_CONFIDENCE_LOW,
  FW_N_CONFIDENCE
} FwConfidence;

typedef enum
{
  FW_CONTINENT_UNKNOWN = 0,
  FW_CONTINENT_AFRICA,
  FW_CONTINENT_ANTARCTICA,
  FW_CONTINENT_ASIA,
  FW_CONTINENT_EUROPE,
  FW_CONTINENT_NORTH_AMERICA,
  FW_CONTINENT_OCEANIA,
  FW_CONTINENT_SOUTH_AMERICA,
  FW_N_CONTINENTS
} FwContinent;

typedef enum
{
  FW_TABLE_FIRMS,
  FW_TABLE_FAIRS,
  FW_TABLE_EXHIBITIONS,
  FW_N_TABLES
} FwTable;

/* A year of 0 is unknown. */
#define FW_YEAR_UNKNOWN 0
#define FW_YEAR_MIN     1990
#define FW_YEAR_MAX     2100

/* Country ids index FwCountries; 0 is unknown. */
typedef guint16 FwCountryId;
#define FW_COUNTRY_UNKNOWN ((FwCountryId) 0)

/* A g_utf8_collate_key() and what it was made for (a row, a string id),
 * sorted by key, then by index so that equal keys keep a fixed order. */
typedef struct
{
  char    *key;
  guint32  index;
} FwCollateItem;

const char   *fw_confidence_to_string   (FwConfidence  confidence);
const char   *fw_confidence_to_label    (FwConfidence  confidence);
gboolean      fw_confidence_from_string (const char   *text,
                                         FwConfidence *out_confidence);
gboolean      fw_confidence_is_base     (FwConfidence  confidence);

const char   *fw_continent_to_string    (FwContinent   continent);
gboolean      fw_continent_from_string  (const char   *text,
                                         FwContinent  *out_continent);

const char   *fw_table_to_string        (FwTable       table);

gboolean      fw_year_parse             (const char   *text,
                                         guint16      *out_year);

int           fw_collate_item_compare   (gconstpointer a,
                                         gconstpointer b);

G_END_DECLS
