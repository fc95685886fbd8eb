/* fw-countries.h: the ISO 3166-1 country table and its per-dataset settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-types.h"

G_BEGIN_DECLS

#define FW_TYPE_COUNTRIES (fw_countries_get_type ())

G_DECLARE_FINAL_TYPE (FwCountries, fw_countries, FW, COUNTRIES, GObject)

/* The table is read from data/countries.tsv (compiled into the program's
 * resources).  Continent assignments and the set of adversary countries are
 * settings: they are edited per dataset and saved in the native file.  The
 * "changed" signal is emitted whenever a setting changes. */

FwCountries  *fw_countries_new_default       (void);
FwCountries  *fw_countries_new_from_data     (GBytes       *tsv,
                                              GError      **error);
FwCountries  *fw_countries_copy              (FwCountries  *self);

guint         fw_countries_get_n_ids         (FwCountries  *self);
FwCountryId   fw_countries_lookup            (FwCountries  *self,
                                              const char   *text);
FwCountryId   fw_countries_lookup_code       (FwCountries  *self,
                                              const char   *alpha2);
FwCountryId   fw_countries_lookup_numeric    (FwCountries  *self,
                                              const char   *numeric);

const char   *fw_countries_get_code          (FwCountries  *self,
                                              FwCountryId   id);
const char   *fw_countries_get_name          (FwCountries  *self,
                                              FwCountryId   id);
const char   *fw_countries_get_numeric       (FwCountries  *self,
                                              FwCountryId   id);
FwContinent   fw_countries_get_continent     (FwCountries  *self,
                                              FwCountryId   id);
FwContinent   fw_countries_get_default_continent (FwCountries *self,
                                              FwCountryId   id);
gboolean      fw_countries_is_five_eyes      (FwCountries  *self,
                                              FwCountryId   id);
gboolean      fw_countries_is_nato           (FwCountries  *self,
                                              FwCountryId   id);
gboolean      fw_countries_is_eu             (FwCountries  *self,
                                              FwCountryId   id);
gboolean      fw_countries_is_adversary      (FwCountries  *self,
                                              FwCountryId   id);

void          fw_countries_set_continent     (FwCountries  *self,
                                              FwCountryId   id,
                                              FwContinent   continent);
void          fw_countries_set_adversary     (FwCountries  *self,
                                              FwCountryId   id,
                                              gboolean      adversary);
void          fw_countries_reset_settings    (FwCountries  *self);
gboolean      fw_countries_has_default_settings (FwCountries *self);

/* Ids of the adversary countries, sorted by id. */
GArray       *fw_countries_get_adversaries   (FwCountries  *self);
/* Ids whose continent differs from the table's default. */
GArray       *fw_countries_get_continent_overrides (FwCountries *self);

/* Each id's position in the list of countries sorted by English name. */
const guint16 *fw_countries_get_name_rank    (FwCountries  *self);

/* Cheap per-id arrays for scans: index by FwCountryId. */
const guint8 *fw_countries_get_continent_array (FwCountries *self);
const guint8 *fw_countries_get_adversary_array (FwCountries *self);
const guint8 *fw_countries_get_five_eyes_array (FwCountries *self);

G_END_DECLS
