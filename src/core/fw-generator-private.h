/* fw-generator-private.h: what the demonstration and random generators share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-generator.h"

G_BEGIN_DECLS

#define YEAR_FIRST 2002
#define YEAR_LAST  2021
#define N_YEARS    (YEAR_LAST - YEAR_FIRST + 1)

#define CITATION \
  "Winnona DeSombre, Lars Gjesvik and Johann Ole Willers, \"Surveillance " \
  "Technology at the Fair: Proliferation of Cyber Capabilities in " \
  "International Arms Markets\", Atlantic Council, Cyber Statecraft " \
  "Initiative, 8 November 2021. https://www.atlanticcouncil.org/" \
  "in-depth-research-reports/issue-brief/surveillance-technology-at-the-fair/"

/* Fairs and host countries are real; which years a fair ran is only
 * approximated by a first year and a cadence, so that the fictional
 * exhibitions do not land in years a biennial fair skips. */
typedef enum
{
  EVERY_YEAR,
  ODD_YEARS,
  EVEN_YEARS,
} Cadence;

typedef struct
{
  const char *id;
  const char *name;
  const char *host;     /* ISO 3166-1 alpha-2 */
  const char *city;
  guint16     since;
  Cadence     cadence;
  guint8      weight;   /* how often random firms pick it */
} FairSpec;

#define N_FAIRS       42
#define MAX_HOSTS     32
#define N_TRADE_WORDS 16

/* Within a host country the first fair listed is its main one. */
extern const FairSpec fw_generator_fairs[N_FAIRS];

typedef struct
{
  const char *code;
  const char *forms[3];
} LegalForms;

typedef struct
{
  guint8  first;
  guint8  second;
} Stem;

typedef struct
{
  FwCountryId  fair_country[N_FAIRS];
  Stem        *stems;
  guint        n_stems;
} Tables;

void              fw_generator_tables_init      (Tables           *tables,
                                                 FwCountries      *countries);
void              fw_generator_tables_clear     (Tables           *tables);

gboolean          fw_generator_fair_runs        (guint             fair,
                                                 guint             year);
void              fw_generator_add_fairs        (FwDataset        *dataset,
                                                 const Tables     *tables,
                                                 gboolean          with_ids);

const LegalForms *fw_generator_find_legal_forms (FwCountries      *countries,
                                                 FwCountryId       hq);
const char       *fw_generator_pick_legal_form  (const LegalForms *forms,
                                                 GRand            *rand);

/* The name of combination @combo (a stem and a trade word), numbered when
 * the combinations run out. */
char             *fw_generator_make_firm_name   (const Tables     *tables,
                                                 guint             combo,
                                                 guint             round,
                                                 const char       *legal);
guint             fw_generator_n_name_combos    (const Tables     *tables);

static inline guint
fw_generator_count_bits (guint64 bits)
{
  bits -= (bits >> 1) & G_GUINT64_CONSTANT (0x5555555555555555);
  bits = (bits & G_GUINT64_CONSTANT (0x3333333333333333)) +
         ((bits >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  bits = (bits + (bits >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);

  return (guint) ((bits * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

G_END_DECLS
