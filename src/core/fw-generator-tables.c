/* fw-generator-tables.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-generator"

#include "config.h"

#include <string.h>

#include "fw-generator-private.h"

const FairSpec fw_generator_fairs[] = {
  { "fair-milipol-france", "Milipol France", "FR", "Paris", 2003, ODD_YEARS, 10 },
  { "fair-eurosatory", "Eurosatory", "FR", "Paris", 2002, EVEN_YEARS, 7 },
  { "fair-security-and-policing", "Security & Policing", "GB", "Farnborough", 2002, EVERY_YEAR, 8 },
  { "fair-dsei", "DSEI", "GB", "London", 2003, ODD_YEARS, 7 },
  { "fair-counter-terror-expo", "Counter Terror Expo", "GB", "London", 2004, EVERY_YEAR, 4 },
  { "fair-gpec", "GPEC", "DE", "Frankfurt am Main", 2002, EVEN_YEARS, 5 },
  { "fair-enforce-tac", "Enforce Tac", "DE", "Nuremberg", 2012, EVERY_YEAR, 3 },
  { "fair-milipol-asia-pacific", "Milipol Asia-Pacific", "SG", "Singapore", 2013, ODD_YEARS, 4 },
  { "fair-global-security-asia", "Global Security Asia", "SG", "Singapore", 2004, EVERY_YEAR, 3 },
  { "fair-milipol-qatar", "Milipol Qatar", "QA", "Doha", 2002, EVEN_YEARS, 4 },
  { "fair-dimdex", "DIMDEX", "QA", "Doha", 2008, EVEN_YEARS, 2 },
  { "fair-hls-and-cyber", "HLS & Cyber", "IL", "Tel Aviv", 2014, EVEN_YEARS, 3 },
  { "fair-isdef", "ISDEF", "IL", "Tel Aviv", 2005, ODD_YEARS, 3 },
  { "fair-iss-world-middle-east", "ISS World Middle East", "AE", "Dubai", 2005, EVERY_YEAR, 6 },
  { "fair-idex", "IDEX", "AE", "Abu Dhabi", 2003, ODD_YEARS, 6 },
  { "fair-isnr-abu-dhabi", "ISNR Abu Dhabi", "AE", "Abu Dhabi", 2008, EVEN_YEARS, 3 },
  { "fair-intersec", "Intersec", "AE", "Dubai", 2002, EVERY_YEAR, 3 },
  { "fair-gisec", "GISEC", "AE", "Dubai", 2013, EVERY_YEAR, 2 },
  { "fair-iss-world-americas", "ISS World Americas", "US", "Washington", 2004, EVERY_YEAR, 6 },
  { "fair-afcea-technet-cyber", "AFCEA TechNet Cyber", "US", "Baltimore", 2013, EVERY_YEAR, 2 },
  { "fair-sof-week", "SOF Week", "US", "Tampa", 2002, EVERY_YEAR, 3 },
  { "fair-techno-security", "Techno Security & Digital Forensics Conference", "US", "Myrtle Beach", 2002, EVERY_YEAR, 2 },
  { "fair-border-security-expo", "Border Security Expo", "US", "San Antonio", 2006, EVERY_YEAR, 2 },
  { "fair-iss-world-europe", "ISS World Europe", "CZ", "Prague", 2006, EVERY_YEAR, 7 },
  { "fair-idet", "IDET", "CZ", "Brno", 2003, ODD_YEARS, 2 },
  { "fair-iss-world-asia", "ISS World Asia", "MY", "Kuala Lumpur", 2007, EVERY_YEAR, 4 },
  { "fair-dsa", "DSA", "MY", "Kuala Lumpur", 2002, EVEN_YEARS, 2 },
  { "fair-interpolitex", "Interpolitex", "RU", "Moscow", 2002, EVERY_YEAR, 1 },
  { "fair-isse-moscow", "Integrated Safety and Security Exhibition", "RU", "Moscow", 2002, EVERY_YEAR, 1 },
  { "fair-cipate", "CIPATE", "CN", "Beijing", 2002, EVERY_YEAR, 1 },
  { "fair-cpse", "China International Exhibition on Public Safety and Security", "CN", "Shenzhen", 2003, ODD_YEARS, 1 },
  { "fair-idef", "IDEF", "TR", "Istanbul", 2003, ODD_YEARS, 2 },
  { "fair-sofex", "SOFEX", "JO", "Amman", 2002, EVEN_YEARS, 2 },
  { "fair-bidec", "BIDEC", "BH", "Manama", 2017, ODD_YEARS, 1 },
  { "fair-defexpo", "Defexpo", "IN", "New Delhi", 2002, EVEN_YEARS, 2 },
  { "fair-ideas", "IDEAS", "PK", "Karachi", 2002, EVEN_YEARS, 1 },
  { "fair-laad", "LAAD Defence & Security", "BR", "Rio de Janeiro", 2003, ODD_YEARS, 2 },
  { "fair-aad", "Africa Aerospace and Defence", "ZA", "Pretoria", 2004, EVEN_YEARS, 1 },
  { "fair-indo-defence", "Indo Defence", "ID", "Jakarta", 2004, EVEN_YEARS, 1 },
  { "fair-defense-and-security", "Defense & Security", "TH", "Bangkok", 2007, ODD_YEARS, 1 },
  { "fair-mspo", "MSPO", "PL", "Kielce", 2002, EVERY_YEAR, 2 },
  { "fair-expodefensa", "Expodefensa", "CO", "Bogotá", 2015, ODD_YEARS, 1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fw_generator_fairs) == N_FAIRS);

/* Firm names: a stem of two invented syllables, a trade word and a legal
 * form of the headquarters country.  First syllables end in a consonant
 * and none is a prefix of another; second syllables start with a vowel;
 * so a stem splits one way only and distinct picks give distinct names. */
static const char * const first_syllables[] = {
  "Brav", "Calv", "Dorn", "Elv", "Falk", "Gesk", "Halv", "Ivr", "Jorv",
  "Kest", "Lorm", "Mald", "Nerv", "Oskr", "Pald", "Quill", "Rovn", "Sarv",
  "Teld", "Ulv", "Varn", "Wesk", "Yarr", "Zorb", "Astr", "Belk", "Cinn",
  "Drell", "Embr", "Fyrn", "Grav", "Hest", "Istr", "Korv", "Lysk", "Morv",
  "Norr", "Orm", "Prax", "Rusk", "Stenn", "Tyr", "Ustr", "Vold", "Wyv",
  "Zund",
};

static const char * const second_syllables[] = {
  "ax", "ela", "enor", "ida", "ova", "ane", "eth", "ilo", "ora", "unt",
  "ari", "esk", "yx", "olm", "ura", "ivo", "aro", "yne", "oss", "evi",
  "alo", "uvi", "ecta", "inth",
};

static const char * const trade_words[] = {
  "Systems", "Labs", "Technologies", "Intelligence", "Solutions",
  "Forensics", "Defence", "Signals", "Cyber", "Networks", "Analytics",
  "Security", "Dynamics", "Telecom", "Data", "Research",
};

G_STATIC_ASSERT (G_N_ELEMENTS (trade_words) == N_TRADE_WORDS);

/* Stems that would contain, or come close to, the name of a real vendor
 * (those the report names and other well-known ones) are never used. */
static const char * const avoided_names[] = {
  "cellebrite", "msab", "systemation", "btt", "norsi", "cleartrail",
  "pro4sec", "area", "wolf", "nso", "hacking", "gamma", "finfisher",
  "verint", "nice", "septier", "utimaco", "trovicor", "amesys", "nexa",
  "cobham", "rohde", "schwarz", "elbit", "palantir", "cyberbit", "candiru",
  "intellexa", "cytrox", "quadream", "paragon", "vupen", "zerodium",
  "thales", "leonardo", "raytheon", "airbus", "safran", "idemia", "atos",
  "siemens", "ericsson", "nokia", "huawei", "hikvision", "dahua",
  "bravida", "elvax", "zorbax", "bravura", "dornier", "tyrell", "maldova",
};

static const LegalForms legal_forms[] = {
  { "US", { "Inc.", "LLC", "Corp." } },
  { "CA", { "Inc.", "Ltd" } },
  { "GB", { "Ltd" } },
  { "IE", { "Ltd" } },
  { "CY", { "Ltd" } },
  { "IL", { "Ltd" } },
  { "AU", { "Pty Ltd" } },
  { "ZA", { "(Pty) Ltd" } },
  { "IN", { "Pvt. Ltd" } },
  { "SG", { "Pte. Ltd." } },
  { "DE", { "GmbH", "AG" } },
  { "AT", { "GmbH" } },
  { "CH", { "AG", "GmbH", "SA" } },
  { "FR", { "SAS", "S.A." } },
  { "BE", { "S.A.", "NV" } },
  { "ES", { "S.L.", "S.A." } },
  { "IT", { "S.r.l." } },
  { "NL", { "B.V." } },
  { "SE", { "AB" } },
  { "DK", { "A/S", "ApS" } },
  { "NO", { "AS" } },
  { "FI", { "Oy" } },
  { "CZ", { "s.r.o.", "a.s." } },
  { "PL", { "Sp. z o.o." } },
  { "BG", { "EOOD", "OOD" } },
  { "HR", { "d.o.o." } },
  { "RU", { "OOO" } },
  { "CN", { "Co., Ltd." } },
  { "KR", { "Co., Ltd." } },
  { "JP", { "K.K." } },
  { "BR", { "Ltda." } },
  { "TR", { "A.Ş." } },
  { "AE", { "LLC", "FZ-LLC", "FZE" } },
  { "PT", { "Lda." } },
  { "RO", { "S.R.L." } },
  { "GR", { "S.A." } },
  { "EE", { "OÜ" } },
  { "LT", { "UAB" } },
  { "MX", { "S.A. de C.V." } },
};

void
fw_generator_tables_init (Tables      *tables,
                          FwCountries *countries)
{
  for (guint i = 0; i < N_FAIRS; i++)
    {
      tables->fair_country[i] = fw_countries_lookup_code (countries, fw_generator_fairs[i].host);
      g_assert (tables->fair_country[i] != FW_COUNTRY_UNKNOWN);
    }

  tables->stems = g_new (Stem, G_N_ELEMENTS (first_syllables) * G_N_ELEMENTS (second_syllables));
  tables->n_stems = 0;

  for (guint i = 0; i < G_N_ELEMENTS (first_syllables); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (second_syllables); j++)
        {
          g_autofree char *stem = g_strconcat (first_syllables[i], second_syllables[j], NULL);
          g_autofree char *lower = g_ascii_strdown (stem, -1);
          gboolean avoided = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (avoided_names) && !avoided; k++)
            avoided = strstr (lower, avoided_names[k]) != NULL;

          if (!avoided)
            tables->stems[tables->n_stems++] = (Stem) { i, j };
        }
    }
}

void
fw_generator_tables_clear (Tables *tables)
{
  g_clear_pointer (&tables->stems, g_free);
}

gboolean
fw_generator_fair_runs (guint  fair,
                        guint  year)
{
  if (year < fw_generator_fairs[fair].since || year < YEAR_FIRST || year > YEAR_LAST)
    return FALSE;
  if (fw_generator_fairs[fair].cadence == ODD_YEARS)
    return year % 2 == 1;
  if (fw_generator_fairs[fair].cadence == EVEN_YEARS)
    return year % 2 == 0;
  return TRUE;
}

const LegalForms *
fw_generator_find_legal_forms (FwCountries *countries,
                               FwCountryId  hq)
{
  const char *code = fw_countries_get_code (countries, hq);

  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    if (g_strcmp0 (legal_forms[i].code, code) == 0)
      return &legal_forms[i];

  return NULL;
}

const char *
fw_generator_pick_legal_form (const LegalForms *forms,
                              GRand            *rand)
{
  guint roll = g_rand_int_range (rand, 0, 12);
  guint n = 0;

  /* Some firms go by their trade name alone. */
  if (roll < 3)
    return NULL;
  if (forms == NULL)
    return "Ltd";

  while (n < G_N_ELEMENTS (forms->forms) && forms->forms[n] != NULL)
    n++;

  return forms->forms[roll % n];
}

char *
fw_generator_make_firm_name (const Tables *tables,
                             guint         combo,
                             guint         round,
                             const char   *legal)
{
  const Stem *stem = &tables->stems[combo / N_TRADE_WORDS];
  const char *word = trade_words[combo % N_TRADE_WORDS];
  GString *name = g_string_new (first_syllables[stem->first]);

  g_string_append (name, second_syllables[stem->second]);
  g_string_append_c (name, ' ');
  g_string_append (name, word);
  if (round > 0)
    g_string_append_printf (name, " %u", round + 1);
  if (legal != NULL)
    {
      g_string_append_c (name, ' ');
      g_string_append (name, legal);
    }

  return g_string_free (name, FALSE);
}

guint
fw_generator_n_name_combos (const Tables *tables)
{
  return tables->n_stems * N_TRADE_WORDS;
}

void
fw_generator_add_fairs (FwDataset    *dataset,
                        const Tables *tables,
                        gboolean      with_ids)
{
  fw_dataset_reserve (dataset, FW_TABLE_FAIRS, N_FAIRS);

  for (guint i = 0; i < N_FAIRS; i++)
    {
      FwFairValues values = {
        .id = with_ids ? fw_generator_fairs[i].id : NULL,
        .name = fw_generator_fairs[i].name,
        .host = tables->fair_country[i],
        .city = fw_generator_fairs[i].city,
      };

      fw_dataset_append_fair (dataset, &values);
    }
}
