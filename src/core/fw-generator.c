/* fw-generator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-generator.h"

#define YEAR_FIRST 2002
#define YEAR_LAST  2021
#define N_YEARS    (YEAR_LAST - YEAR_FIRST + 1)

#define MAX_FIRMS       10000000u
#define MAX_EXHIBITIONS 100000000u

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

/* Within a host country the first fair listed is its main one. */
static const FairSpec fairs[] = {
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

#define N_FAIRS   G_N_ELEMENTS (fairs)
#define MAX_HOSTS 32

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

typedef struct
{
  const char *code;
  const char *forms[3];
} LegalForms;

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

static void
tables_init (Tables      *tables,
             FwCountries *countries)
{
  for (guint i = 0; i < N_FAIRS; i++)
    {
      tables->fair_country[i] = fw_countries_lookup_code (countries, fairs[i].host);
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

static void
tables_clear (Tables *tables)
{
  g_clear_pointer (&tables->stems, g_free);
}

static gboolean
fair_runs (guint  fair,
           guint  year)
{
  if (year < fairs[fair].since || year < YEAR_FIRST || year > YEAR_LAST)
    return FALSE;
  if (fairs[fair].cadence == ODD_YEARS)
    return year % 2 == 1;
  if (fairs[fair].cadence == EVEN_YEARS)
    return year % 2 == 0;
  return TRUE;
}

static const LegalForms *
find_legal_forms (FwCountries *countries,
                  FwCountryId  hq)
{
  const char *code = fw_countries_get_code (countries, hq);

  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    if (g_strcmp0 (legal_forms[i].code, code) == 0)
      return &legal_forms[i];

  return NULL;
}

static const char *
pick_legal_form (const LegalForms *forms,
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

/* The name of combination @combo (a stem and a trade word), numbered when
 * the combinations run out. */
static char *
make_firm_name (const Tables *tables,
                guint         combo,
                guint         round,
                const char   *legal)
{
  const Stem *stem = &tables->stems[combo / G_N_ELEMENTS (trade_words)];
  const char *word = trade_words[combo % G_N_ELEMENTS (trade_words)];
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

static guint
n_name_combos (const Tables *tables)
{
  return tables->n_stems * G_N_ELEMENTS (trade_words);
}

static void
add_fairs (FwDataset    *dataset,
           const Tables *tables,
           gboolean      with_ids)
{
  fw_dataset_reserve (dataset, FW_TABLE_FAIRS, N_FAIRS);

  for (guint i = 0; i < N_FAIRS; i++)
    {
      FwFairValues values = {
        .id = with_ids ? fairs[i].id : NULL,
        .name = fairs[i].name,
        .host = tables->fair_country[i],
        .city = fairs[i].city,
      };

      fw_dataset_append_fair (dataset, &values);
    }
}

static gint
find_fair (const char *id)
{
  for (guint i = 0; i < N_FAIRS; i++)
    if (strcmp (fairs[i].id, id) == 0)
      return i;

  g_assert_not_reached ();
  return -1;
}

static void
shuffle_uints (guint *items,
               guint  n,
               GRand *rand)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint tmp = items[i - 1];

      items[i - 1] = items[j];
      items[j] = tmp;
    }
}

/* The demonstration dataset.
 *
 * Every firm gets a role that decides where it may exhibit, and the roles
 * are counted so that the findings come out as the report states them:
 *
 *   ROLE_OUTSIDE     base firm with a fair on another continent (55)
 *   ROLE_MARKETER    the same, also at fairs in Russia or China (5)
 *   ROLE_CONTINENT   base firm abroad, but only on its own continent (10)
 *   ROLE_RUSSIAN     base firm headquartered in Russia, at home and in
 *                    Prague: it markets in Russia but does not count (1)
 *   ROLE_HOME        base firm at home fairs only (8)
 *   ROLE_FIVE_EYES   base firm only at Five Eyes fairs, one abroad (2)
 *   ROLE_LOW         low confidence, mostly at the many smaller fairs of
 *                    the Emirates and the United States (140)
 *   ROLE_LOW_VISITOR low confidence, once or twice in Russia or China (3)
 *
 * 60 + 11 = 71 base firms exhibit outside their home country (87.7 % of
 * 81) and 60 outside their home continent; the Five Eyes pair counts in
 * neither.  Which hosts, then which fairs, the firms visit is drawn from
 * per-host quotas of distinct firms, which set the rankings of finding 3;
 * the years are drawn last and topped up so that, every year, more base
 * firms exhibit off their continent than stay on it. */

#define N_DEMO_FIRMS     224
#define MAX_VISITS       25
#define MAX_BASE_HOSTS   6
#define MAX_LOW_HOSTS    4
/* Chinese fairs drawn at random stop here, so that the first marketer is
 * the only firm at one more than once in 2017-2021, as in the report. */
#define LAST_CHINA_YEAR  2016

typedef enum
{
  ROLE_OUTSIDE,
  ROLE_MARKETER,
  ROLE_CONTINENT,
  ROLE_RUSSIAN,
  ROLE_HOME,
  ROLE_FIVE_EYES,
  ROLE_LOW,
  ROLE_LOW_VISITOR,
} Role;

typedef struct
{
  Role        role;
  const char *hq;     /* alpha-2 codes, space-separated, one per firm */
} RoleGroup;

static const RoleGroup role_groups[] = {
  /* Special firms first: their visits to Russia and China are fixed
   * below, by their index in this list. */
  { ROLE_MARKETER, "IL TR SE DE KR" },
  { ROLE_RUSSIAN, "RU" },
  { ROLE_LOW_VISITOR, "IT DE IN" },

  { ROLE_OUTSIDE,
    "US US US US US US US US GB GB GB GB GB GB DE DE DE DE DE DE DE "
    "IL IL IL IL IL IL FR FR FR IT IT IT IT CH CH CH NL NL DK DK ES BE AT "
    "FI NO CA CA AU IE PL CY IN SG ZA" },
  { ROLE_CONTINENT, "IT DE DE FR CH NL BE AT ES SE" },
  { ROLE_HOME, "FR FR GB GB DE IL US CZ" },
  { ROLE_FIVE_EYES, "GB US" },
  { ROLE_LOW,
    "US US US US US US US US US US US US US US US US US US US US US "
    "GB GB GB GB GB GB GB GB GB GB GB GB GB GB GB GB "
    "DE DE DE DE DE DE DE DE DE DE DE "
    "IL IL IL IL IL IL IL IL IL IL IL IL "
    "FR FR FR FR FR FR FR FR IT IT IT IT IT IT CH CH CH CH NL NL NL NL "
    "SE SE SE SE DK DK DK CZ CZ CZ CZ CZ ES ES ES BE BE AT AT FI FI NO NO "
    "CA CA CA AU AU AU IE IE PL PL CY CY TR TR IN IN SG SG AE AE AE AE "
    "ZA BG BG HR HR RU CN CN KR JP JP BR BR" },
};

typedef struct
{
  guint       firm;   /* index in the order of role_groups */
  const char *fair;
  guint16     year;
} FixedVisit;

/* The five marketers: the first exhibits in both Russia and China from
 * 2013 on and is the only firm at a Chinese fair more than once in the
 * last five years; the next two also visit both; the Russian firm is at
 * home in 2009, 2010 and 2015-2019. */
static const FixedVisit fixed_visits[] = {
  { 0, "fair-interpolitex", 2013 },
  { 0, "fair-interpolitex", 2015 },
  { 0, "fair-interpolitex", 2018 },
  { 0, "fair-cipate", 2013 },
  { 0, "fair-cipate", 2016 },
  { 0, "fair-cipate", 2018 },
  { 0, "fair-cpse", 2019 },
  { 0, "fair-cipate", 2020 },
  { 1, "fair-interpolitex", 2011 },
  { 1, "fair-cipate", 2012 },
  { 1, "fair-interpolitex", 2014 },
  { 1, "fair-cipate", 2015 },
  { 2, "fair-isse-moscow", 2008 },
  { 2, "fair-cpse", 2009 },
  { 2, "fair-interpolitex", 2012 },
  { 2, "fair-cipate", 2017 },
  { 3, "fair-interpolitex", 2006 },
  { 3, "fair-interpolitex", 2007 },
  { 4, "fair-cipate", 2010 },
  { 4, "fair-cpse", 2015 },
  { 5, "fair-interpolitex", 2009 },
  { 5, "fair-interpolitex", 2010 },
  { 5, "fair-interpolitex", 2015 },
  { 5, "fair-interpolitex", 2016 },
  { 5, "fair-isse-moscow", 2016 },
  { 5, "fair-interpolitex", 2017 },
  { 5, "fair-interpolitex", 2018 },
  { 5, "fair-isse-moscow", 2018 },
  { 5, "fair-interpolitex", 2019 },
  { 5, "fair-iss-world-europe", 2011 },
  { 5, "fair-iss-world-europe", 2013 },
  { 6, "fair-interpolitex", 2012 },
  { 7, "fair-cipate", 2010 },
  { 8, "fair-cpse", 2015 },
  { 8, "fair-interpolitex", 2014 },
};

/* Medium-confidence firms among the base firms; the other base firms are
 * high-confidence.  Two of the special firms are medium. */
#define N_MEDIUM         22
static const guint medium_specials[] = { 1, 3 };

typedef struct
{
  const char *host;
  guint       base;   /* distinct base firms */
  guint       low;    /* distinct low-confidence firms */
} HostQuota;

/* Finding 3: France and the UK lead, then Germany, Israel, Singapore and
 * Qatar; the Emirates and the United States lead once low-confidence
 * firms are counted too.  Processed in this order. */
static const HostQuota host_quotas[] = {
  { "FR", 52, 16 },
  { "GB", 44, 14 },
  { "DE", 27, 12 },
  { "IL", 26, 8 },
  { "SG", 25, 6 },
  { "QA", 24, 5 },
  { "AE", 17, 92 },
  { "US", 15, 86 },
  { "CZ", 12, 14 },
  { "MY", 7, 12 },
  { "PL", 4, 3 },
  { "TR", 4, 3 },
  { "JO", 4, 3 },
  { "BR", 4, 3 },
  { "BH", 3, 2 },
  { "IN", 3, 3 },
  { "ZA", 3, 2 },
  { "ID", 3, 2 },
  { "TH", 3, 3 },
  { "PK", 2, 2 },
  { "CO", 2, 2 },
};

/* Where a firm that must go abroad goes first, in turn. */
static const char * const far_hosts_for_europe[] = { "SG", "QA", "IL", "AE", "US", "MY" };
static const char * const far_hosts_for_others[] = { "FR", "DE", "GB" };
static const char * const near_hosts_in_europe[] = { "FR", "GB", "DE", "CZ", "PL" };

typedef struct
{
  guint8  fair;
  guint16 year;
} Visit;

typedef struct
{
  Role          role;
  FwCountryId   hq;
  FwConfidence  confidence;
  guint32       hosts;    /* bit i: host i of the Demo */
  guint16       first_year;
  guint16       last_year;
  guint         n_visits;
  Visit         visits[MAX_VISITS];
} DemoFirm;

typedef struct
{
  Tables       tables;
  FwCountries *countries;
  GRand       *rand;
  FwCountryId  hosts[MAX_HOSTS];
  guint        n_hosts;
  guint8       fair_host[N_FAIRS];
  DemoFirm     firms[N_DEMO_FIRMS];
  guint        n_firms;
} Demo;

static guint
count_bits (guint32 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

static inline gboolean
role_is_base (Role role)
{
  return role != ROLE_LOW && role != ROLE_LOW_VISITOR;
}

static guint
demo_host_index (Demo       *demo,
                 const char *code)
{
  FwCountryId id = fw_countries_lookup_code (demo->countries, code);

  for (guint i = 0; i < demo->n_hosts; i++)
    if (demo->hosts[i] == id)
      return i;

  g_assert_not_reached ();
  return 0;
}

static FwContinent
continent_of (Demo        *demo,
              FwCountryId  id)
{
  return fw_countries_get_continent (demo->countries, id);
}

static gboolean
demo_has_visit (const DemoFirm *firm,
                guint           fair,
                guint           year)
{
  for (guint i = 0; i < firm->n_visits; i++)
    if (firm->visits[i].fair == fair && firm->visits[i].year == year)
      return TRUE;
  return FALSE;
}

static gboolean
demo_add_visit (DemoFirm *firm,
                guint     fair,
                guint     year)
{
  if (firm->n_visits == MAX_VISITS || demo_has_visit (firm, fair, year))
    return FALSE;

  firm->visits[firm->n_visits++] = (Visit) { fair, year };
  return TRUE;
}

static void
demo_add_host (Demo       *demo,
               DemoFirm   *firm,
               const char *code)
{
  firm->hosts |= 1u << demo_host_index (demo, code);
}

/* Whether the quotas may send @firm to host @h. */
static gboolean
demo_may_visit (Demo     *demo,
                DemoFirm *firm,
                guint     h)
{
  FwCountryId host = demo->hosts[h];
  guint max_hosts = role_is_base (firm->role) ? MAX_BASE_HOSTS : MAX_LOW_HOSTS;

  if (firm->hosts & (1u << h))
    return FALSE;
  if (count_bits (firm->hosts) >= max_hosts)
    return FALSE;
  if (fw_countries_is_adversary (demo->countries, host))
    return FALSE;

  switch (firm->role)
    {
    case ROLE_OUTSIDE:
    case ROLE_MARKETER:
    case ROLE_LOW:
    case ROLE_LOW_VISITOR:
      return TRUE;

    case ROLE_CONTINENT:
      return continent_of (demo, host) == continent_of (demo, firm->hq);

    case ROLE_RUSSIAN:
    case ROLE_HOME:
    case ROLE_FIVE_EYES:
    default:
      return FALSE;
    }
}

static void
demo_add_firms (Demo *demo)
{
  guint far_europe = 0, far_others = 0, near = 0, low = 0;

  for (guint g = 0; g < G_N_ELEMENTS (role_groups); g++)
    {
      g_auto(GStrv) codes = g_strsplit (role_groups[g].hq, " ", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          DemoFirm *firm;

          if (codes[i][0] == '\0')
            continue;

          g_assert (demo->n_firms < N_DEMO_FIRMS);
          firm = &demo->firms[demo->n_firms++];
          firm->role = role_groups[g].role;
          firm->hq = fw_countries_lookup_code (demo->countries, codes[i]);
          g_assert (firm->hq != FW_COUNTRY_UNKNOWN);
          firm->confidence = role_is_base (firm->role) ? FW_CONFIDENCE_HIGH : FW_CONFIDENCE_LOW;

          /* The host each role needs; quotas add the rest. */
          switch (firm->role)
            {
            case ROLE_OUTSIDE:
            case ROLE_MARKETER:
              {
                gboolean five_eyes = fw_countries_is_five_eyes (demo->countries, firm->hq);

                /* A Five Eyes firm's first trip abroad leaves the Five
                 * Eyes, or it would be one of the excluded pair. */
                if (continent_of (demo, firm->hq) == FW_CONTINENT_EUROPE)
                  {
                    const char *code;

                    do
                      code = far_hosts_for_europe[far_europe++ % G_N_ELEMENTS (far_hosts_for_europe)];
                    while (five_eyes && fw_countries_is_five_eyes (demo->countries, fw_countries_lookup_code (demo->countries, code)));
                    demo_add_host (demo, firm, code);
                  }
                else
                  {
                    const char *code;

                    do
                      code = far_hosts_for_others[far_others++ % G_N_ELEMENTS (far_hosts_for_others)];
                    while (five_eyes && fw_countries_is_five_eyes (demo->countries, fw_countries_lookup_code (demo->countries, code)));
                    demo_add_host (demo, firm, code);
                  }
              }
              break;

            case ROLE_CONTINENT:
              {
                const char *code;

                do
                  code = near_hosts_in_europe[near++ % G_N_ELEMENTS (near_hosts_in_europe)];
                while (strcmp (code, codes[i]) == 0);
                demo_add_host (demo, firm, code);
              }
              break;

            case ROLE_RUSSIAN:
              break;

            case ROLE_HOME:
              demo_add_host (demo, firm, codes[i]);
              break;

            case ROLE_FIVE_EYES:
              demo_add_host (demo, firm, "GB");
              demo_add_host (demo, firm, "US");
              break;

            case ROLE_LOW:
            case ROLE_LOW_VISITOR:
              if (strcmp (codes[i], "US") == 0 || strcmp (codes[i], "AE") == 0 ||
                  strcmp (codes[i], "RU") == 0 || strcmp (codes[i], "CN") == 0)
                demo_add_host (demo, firm, codes[i]);
              else
                demo_add_host (demo, firm, low++ % 2 == 0 ? "AE" : "US");
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }

  g_assert (demo->n_firms == N_DEMO_FIRMS);
}

static void
demo_assign_confidence (Demo *demo)
{
  guint candidates[N_DEMO_FIRMS];
  guint n = 0, medium = 0;

  for (guint i = 0; i < G_N_ELEMENTS (medium_specials); i++)
    {
      demo->firms[medium_specials[i]].confidence = FW_CONFIDENCE_MEDIUM;
      medium++;
    }

  for (guint i = 0; i < demo->n_firms; i++)
    {
      Role role = demo->firms[i].role;

      if (role_is_base (role) && role != ROLE_MARKETER && role != ROLE_RUSSIAN)
        candidates[n++] = i;
    }

  shuffle_uints (candidates, n, demo->rand);
  for (guint i = 0; medium < N_MEDIUM; i++, medium++)
    demo->firms[candidates[i]].confidence = FW_CONFIDENCE_MEDIUM;
}

static guint
demo_count_host (Demo     *demo,
                 guint     h,
                 gboolean  base)
{
  guint count = 0;

  for (guint i = 0; i < demo->n_firms; i++)
    if (role_is_base (demo->firms[i].role) == base && (demo->firms[i].hosts & (1u << h)))
      count++;

  return count;
}

static void
demo_fill_quotas (Demo *demo)
{
  for (guint q = 0; q < G_N_ELEMENTS (host_quotas); q++)
    {
      guint h = demo_host_index (demo, host_quotas[q].host);

      for (guint pass = 0; pass < 2; pass++)
        {
          gboolean base = pass == 0;
          guint quota = base ? host_quotas[q].base : host_quotas[q].low;
          guint count = demo_count_host (demo, h, base);
          guint candidates[N_DEMO_FIRMS];
          guint n = 0;

          for (guint i = 0; i < demo->n_firms; i++)
            if (role_is_base (demo->firms[i].role) == base &&
                demo_may_visit (demo, &demo->firms[i], h))
              candidates[n++] = i;

          shuffle_uints (candidates, n, demo->rand);
          for (guint i = 0; i < n && count < quota; i++, count++)
            demo->firms[candidates[i]].hosts |= 1u << h;

          if (count < quota)
            g_warning ("Demo quota for %s not met", host_quotas[q].host);
        }
    }
}

/* Distinct years of @fair for @firm, within its active years when the
 * fair ran in any of them. */
static void
demo_visit_fair (Demo     *demo,
                 DemoFirm *firm,
                 guint     fair,
                 guint     n_years)
{
  guint years[N_YEARS];
  guint n = 0;
  gboolean china = demo->tables.fair_country[fair] == fw_countries_lookup_code (demo->countries, "CN");

  for (guint pass = 0; pass < 2 && n == 0; pass++)
    {
      for (guint y = YEAR_FIRST; y <= YEAR_LAST; y++)
        {
          if (!fair_runs (fair, y) || (china && y > LAST_CHINA_YEAR))
            continue;
          if (pass == 0 && (y < firm->first_year || y > firm->last_year))
            continue;
          years[n++] = y;
        }
    }

  shuffle_uints (years, n, demo->rand);
  for (guint i = 0; i < MIN (n, n_years); i++)
    demo_add_visit (firm, fair, years[i]);
}

static void
demo_add_visits (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_visits); i++)
    {
      DemoFirm *firm = &demo->firms[fixed_visits[i].firm];

      demo_add_visit (firm, find_fair (fixed_visits[i].fair), fixed_visits[i].year);
    }

  for (guint i = 0; i < demo->n_firms; i++)
    {
      DemoFirm *firm = &demo->firms[i];
      gboolean base = role_is_base (firm->role);
      guint chosen[N_FAIRS];
      guint n_chosen = 0;
      guint span;

      if (base)
        {
          firm->first_year = YEAR_FIRST + g_rand_int_range (demo->rand, 0, 14);
          span = g_rand_int_range (demo->rand, 5, 20);
        }
      else
        {
          firm->first_year = YEAR_FIRST + g_rand_int_range (demo->rand, 0, 18);
          span = g_rand_int_range (demo->rand, 2, 12);
        }
      firm->last_year = MIN (YEAR_LAST, firm->first_year + span);

      /* The host's main fair most of the time, its others now and then. */
      for (guint h = 0; h < demo->n_hosts; h++)
        {
          guint first = n_chosen;

          if (!(firm->hosts & (1u << h)))
            continue;

          for (guint f = 0; f < N_FAIRS; f++)
            {
              double p;

              if (demo->fair_host[f] != h)
                continue;
              if (first == n_chosen)
                p = base ? 0.9 : 0.65;
              else
                p = base ? 0.35 : 0.4;
              if (g_rand_double (demo->rand) < p)
                chosen[n_chosen++] = f;
            }

          if (first == n_chosen)
            for (guint f = 0; f < N_FAIRS; f++)
              if (demo->fair_host[f] == h)
                {
                  chosen[n_chosen++] = f;
                  break;
                }
        }

      for (guint c = 0; c < n_chosen; c++)
        demo_visit_fair (demo, firm, chosen[c], 1);
      for (guint c = 0; c < n_chosen; c++)
        demo_visit_fair (demo, firm, chosen[c], g_rand_int_range (demo->rand, 0, base ? 5 : 4));
    }
}

typedef enum
{
  YEAR_NONE,
  YEAR_HOME_COUNTRY,
  YEAR_HOME_CONTINENT,
  YEAR_OUTSIDE,
} YearClass;

/* The class finding 2 gives @firm in @year. */
static YearClass
demo_year_class (Demo     *demo,
                 DemoFirm *firm,
                 guint     year)
{
  YearClass klass = YEAR_NONE;

  for (guint i = 0; i < firm->n_visits; i++)
    {
      FwCountryId host = demo->tables.fair_country[firm->visits[i].fair];
      YearClass c;

      if (firm->visits[i].year != year)
        continue;

      if (continent_of (demo, host) != continent_of (demo, firm->hq))
        c = YEAR_OUTSIDE;
      else if (host != firm->hq)
        c = YEAR_HOME_CONTINENT;
      else
        c = YEAR_HOME_COUNTRY;
      klass = MAX (klass, c);
    }

  return klass;
}

static gboolean
demo_may_add_far (Demo     *demo,
                  DemoFirm *firm,
                  guint     fair,
                  guint     year)
{
  FwCountryId host = demo->tables.fair_country[fair];

  return (firm->hosts & (1u << demo->fair_host[fair])) &&
         continent_of (demo, host) != continent_of (demo, firm->hq) &&
         !fw_countries_is_adversary (demo->countries, host) &&
         fair_runs (fair, year) &&
         !demo_has_visit (firm, fair, year);
}

/* Finding 2 by year: the firms abroad off their continent outnumber the
 * others, every year.  Short of that, an off-continent firm also visits
 * one of its far hosts that year: preferably one that stayed on its
 * continent that year, which moves it from one side to the other. */
static void
demo_balance_years (Demo *demo)
{
  for (guint year = YEAR_FIRST; year <= YEAR_LAST; year++)
    {
      for (;;)
        {
          guint outside = 0, other = 0;
          guint stayed[N_DEMO_FIRMS], absent[N_DEMO_FIRMS];
          guint n_stayed = 0, n_absent = 0;
          guint fairs_ok[N_FAIRS];
          guint n_ok = 0;
          DemoFirm *firm;

          for (guint i = 0; i < demo->n_firms; i++)
            {
              DemoFirm *f = &demo->firms[i];
              YearClass c;
              gboolean can = FALSE;

              if (!role_is_base (f->role))
                continue;

              c = demo_year_class (demo, f, year);
              if (c == YEAR_OUTSIDE)
                outside++;
              else if (c != YEAR_NONE)
                other++;

              if ((f->role != ROLE_OUTSIDE && f->role != ROLE_MARKETER) ||
                  c == YEAR_OUTSIDE || f->n_visits == MAX_VISITS)
                continue;

              for (guint fair = 0; fair < N_FAIRS && !can; fair++)
                can = demo_may_add_far (demo, f, fair, year);

              if (can && c != YEAR_NONE)
                stayed[n_stayed++] = i;
              else if (can)
                absent[n_absent++] = i;
            }

          if (outside > other)
            break;

          if (n_stayed > 0)
            firm = &demo->firms[stayed[g_rand_int_range (demo->rand, 0, n_stayed)]];
          else if (n_absent > 0)
            firm = &demo->firms[absent[g_rand_int_range (demo->rand, 0, n_absent)]];
          else
            {
              g_warning ("Cannot balance the demonstration data in %u", year);
              break;
            }

          for (guint fair = 0; fair < N_FAIRS; fair++)
            if (demo_may_add_far (demo, firm, fair, year))
              fairs_ok[n_ok++] = fair;

          demo_add_visit (firm, fairs_ok[g_rand_int_range (demo->rand, 0, n_ok)], year);
        }
    }
}

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  const Visit *va = a;
  const Visit *vb = b;

  if (va->year != vb->year)
    return va->year < vb->year ? -1 : 1;
  return (int) va->fair - (int) vb->fair;
}

FwDataset *
fw_generator_demo (void)
{
  g_autoptr(FwDataset) dataset = fw_dataset_new (NULL);
  g_autofree Demo *demo = g_new0 (Demo, 1);
  g_autoptr(GHashTable) used_combos = g_hash_table_new (NULL, NULL);
  guint order[N_DEMO_FIRMS];
  guint n_exhibitions = 0;

  demo->countries = fw_dataset_get_countries (dataset);
  demo->rand = g_rand_new_with_seed (20211108);
  tables_init (&demo->tables, demo->countries);

  for (guint f = 0; f < N_FAIRS; f++)
    {
      FwCountryId host = demo->tables.fair_country[f];
      guint h;

      for (h = 0; h < demo->n_hosts; h++)
        if (demo->hosts[h] == host)
          break;
      if (h == demo->n_hosts)
        {
          g_assert (demo->n_hosts < MAX_HOSTS);
          demo->hosts[demo->n_hosts++] = host;
        }
      demo->fair_host[f] = h;
    }

  demo_add_firms (demo);
  demo_assign_confidence (demo);
  demo_fill_quotas (demo);
  demo_add_visits (demo);
  demo_balance_years (demo);

  fw_dataset_set_title (dataset, "Demonstration dataset (fictional firms)");
  fw_dataset_set_fictional (dataset, TRUE);
  fw_dataset_set_description (dataset,
                              "Every firm in this dataset is fictional: its name, headquarters, "
                              "confidence level and exhibitions were invented for demonstration "
                              "and calibrated so that the findings reproduce the published figures "
                              "of the Atlantic Council report \"Surveillance Technology at the Fair\" "
                              "(2021). The fairs and countries are real, but no record describes a "
                              "real company or a real firm's attendance at a fair.");
  fw_dataset_set_citation (dataset, CITATION);

  add_fairs (dataset, &demo->tables, TRUE);
  fw_dataset_reserve (dataset, FW_TABLE_FIRMS, N_DEMO_FIRMS);

  for (guint i = 0; i < N_DEMO_FIRMS; i++)
    {
      order[i] = i;
      n_exhibitions += demo->firms[i].n_visits;
    }
  shuffle_uints (order, N_DEMO_FIRMS, demo->rand);
  fw_dataset_reserve (dataset, FW_TABLE_EXHIBITIONS, n_exhibitions);

  for (guint row = 0; row < N_DEMO_FIRMS; row++)
    {
      DemoFirm *firm = &demo->firms[order[row]];
      g_autofree char *id = g_strdup_printf ("D%03u", row + 1);
      g_autofree char *name = NULL;
      const char *legal;
      guint combo;

      do
        combo = g_rand_int_range (demo->rand, 0, n_name_combos (&demo->tables));
      while (g_hash_table_contains (used_combos, GUINT_TO_POINTER (combo / G_N_ELEMENTS (trade_words) + 1)));
      /* One stem per firm, so that no two names look alike. */
      g_hash_table_add (used_combos, GUINT_TO_POINTER (combo / G_N_ELEMENTS (trade_words) + 1));

      legal = pick_legal_form (find_legal_forms (demo->countries, firm->hq), demo->rand);
      name = make_firm_name (&demo->tables, combo, 0, legal);

      fw_dataset_append_firm (dataset, &(FwFirmValues) {
                                .id = id,
                                .name = name,
                                .hq = firm->hq,
                                .confidence = firm->confidence,
                                .notes = "Fictional firm (demonstration data).",
                              });

      qsort (firm->visits, firm->n_visits, sizeof (Visit), compare_visits);
      for (guint v = 0; v < firm->n_visits; v++)
        fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) {
                                        .firm = row,
                                        .fair = firm->visits[v].fair,
                                        .year = firm->visits[v].year,
                                      });
    }

  tables_clear (&demo->tables);
  g_rand_free (demo->rand);

  return g_steal_pointer (&dataset);
}

/* Random data. */

typedef struct
{
  const char *code;
  guint8      weight;
} HqWeight;

/* Mostly Western, as in the report. */
static const HqWeight random_hq_weights[] = {
  { "US", 16 }, { "GB", 11 }, { "DE", 10 }, { "IL", 9 }, { "FR", 7 },
  { "IT", 6 }, { "CH", 4 }, { "NL", 3 }, { "SE", 3 }, { "DK", 2 },
  { "CZ", 2 }, { "ES", 2 }, { "BE", 2 }, { "AT", 2 }, { "FI", 1 },
  { "NO", 1 }, { "CA", 2 }, { "AU", 2 }, { "IE", 1 }, { "PL", 1 },
  { "CY", 1 }, { "TR", 1 }, { "IN", 2 }, { "SG", 1 }, { "AE", 2 },
  { "ZA", 1 }, { "BG", 1 }, { "HR", 1 }, { "RU", 1 }, { "CN", 1 },
  { "KR", 1 }, { "JP", 1 }, { "BR", 1 }, { "PT", 1 }, { "RO", 1 },
  { "GR", 1 }, { "EE", 1 }, { "LT", 1 }, { "MX", 1 },
};

#define MAX_HOME_FAIRS  4
#define MAX_PREFERRED   16
#define MAX_FIRM_WEIGHT 100

/* Sets of fairs and of years (from YEAR_FIRST) are kept as bits. */
G_STATIC_ASSERT (N_FAIRS < 64);
G_STATIC_ASSERT (N_YEARS < 32);

static inline guint64
splitmix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* How busy firm @i is, 1..MAX_FIRM_WEIGHT, skewed towards small firms. */
static inline guint64
firm_weight (guint64 seed,
             guint   i)
{
  guint64 u = splitmix64 (seed ^ ((guint64) i << 1)) % 1000;

  return 1 + u * u * u / 10000000;
}

static guint
pick_weighted_fair (GRand *rand,
                    guint  total_weight)
{
  guint roll = g_rand_int_range (rand, 0, total_weight);

  for (guint f = 0; f < N_FAIRS; f++)
    {
      if (roll < fairs[f].weight)
        return f;
      roll -= fairs[f].weight;
    }

  return 0;
}

static guint
gcd (guint a,
     guint b)
{
  while (b != 0)
    {
      guint t = a % b;

      a = b;
      b = t;
    }

  return a;
}

static inline guint
count_bits64 (guint64 bits)
{
  bits -= (bits >> 1) & G_GUINT64_CONSTANT (0x5555555555555555);
  bits = (bits & G_GUINT64_CONSTANT (0x3333333333333333)) +
         ((bits >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  bits = (bits + (bits >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);

  return (guint) ((bits * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

/* The position of the @k-th set bit of @bits, from 0. */
static inline guint
nth_bit (guint64 bits,
         guint   k)
{
  for (; k > 0; k--)
    bits &= bits - 1;
  g_assert (bits != 0);

  /* Counting the bits below the lowest one. */
  return count_bits64 ((bits - 1) & ~bits);
}

static guint
pick_bit (guint64  bits,
          GRand   *rand)
{
  return nth_bit (bits, g_rand_int_range (rand, 0, count_bits64 (bits)));
}

static guint32
fair_years (guint fair)
{
  guint32 years = 0;

  for (guint y = 0; y < N_YEARS; y++)
    if (fair_runs (fair, YEAR_FIRST + y))
      years |= 1u << y;

  return years;
}

/* One random firm: the fairs it favours, the years it is active, and what
 * it has already, so that it never shows twice at a fair in a year. */
typedef struct
{
  const guint32 *runs;                 /* per fair, the years it ran */
  guint          capacity;             /* (fair, year) slots in all */
  guint          preferred[MAX_PREFERRED];
  guint          n_preferred;
  guint32        years;                /* when the firm is active */
  guint32        taken[N_FAIRS];       /* per fair, the years shown */
  guint          n_taken;
  guint64        unknown_taken;        /* fairs shown at in an unknown year */
} Circuit;

/* The slots of the favoured fairs in the active years. */
static guint
circuit_room (const Circuit *circuit)
{
  guint64 seen = 0;
  guint room = 0;

  for (guint p = 0; p < circuit->n_preferred; p++)
    {
      guint fair = circuit->preferred[p];

      if ((seen & (G_GUINT64_CONSTANT (1) << fair)) == 0)
        room += count_bits64 (circuit->runs[fair] & circuit->years);
      seen |= G_GUINT64_CONSTANT (1) << fair;
    }

  return room;
}

static guint
circuit_draw_fair (const Circuit *circuit,
                   GRand         *rand)
{
  if (g_rand_int_range (rand, 0, 100) < 85)
    return circuit->preferred[g_rand_int_range (rand, 0, circuit->n_preferred)];

  return g_rand_int_range (rand, 0, N_FAIRS);
}

static void
circuit_take_year (Circuit *circuit,
                   GRand   *rand,
                   guint   *fair_out,
                   guint   *year_out)
{
  guint fair = 0;
  guint64 vacant = 0;   /* years still open at the fair drawn */
  guint year;

  g_assert (circuit->n_taken < circuit->capacity);

  /* Outside the active years only once draws inside keep failing. */
  for (guint tries = 0; tries < 16 && vacant == 0; tries++)
    {
      fair = circuit_draw_fair (circuit, rand);
      vacant = circuit->runs[fair] & ~circuit->taken[fair];
      if ((vacant & circuit->years) != 0)
        vacant &= circuit->years;
      else if (tries < 8)
        vacant = 0;
    }

  if (vacant != 0)
    year = pick_bit (vacant, rand);
  else
    {
      /* Nearly full: any vacant slot, each as likely. */
      guint k = g_rand_int_range (rand, 0, circuit->capacity - circuit->n_taken);

      for (fair = 0; fair < N_FAIRS; fair++)
        {
          vacant = circuit->runs[fair] & ~circuit->taken[fair];
          if (k < count_bits64 (vacant))
            break;
          k -= count_bits64 (vacant);
        }
      g_assert (fair < N_FAIRS);
      year = nth_bit (vacant, k);
    }

  circuit->taken[fair] |= 1u << year;
  circuit->n_taken++;
  *fair_out = fair;
  *year_out = YEAR_FIRST + year;
}

/* Two exhibitions of unknown year at the same fair would read as one
 * listed twice, so each goes to a different fair; FALSE once all have one. */
static gboolean
circuit_take_unknown (Circuit *circuit,
                      GRand   *rand,
                      guint   *fair_out)
{
  guint64 left = ~circuit->unknown_taken & ((G_GUINT64_CONSTANT (1) << N_FAIRS) - 1);
  guint fair = 0;
  gboolean found = FALSE;

  if (left == 0)
    return FALSE;

  for (guint tries = 0; tries < 8 && !found; tries++)
    {
      fair = circuit_draw_fair (circuit, rand);
      found = (left & (G_GUINT64_CONSTANT (1) << fair)) != 0;
    }
  if (!found)
    fair = pick_bit (left, rand);

  circuit->unknown_taken |= G_GUINT64_CONSTANT (1) << fair;
  *fair_out = fair;

  return TRUE;
}

FwDataset *
fw_generator_random (guint     n_firms,
                     guint     n_exhibitions,
                     guint64   seed,
                     GError  **error)
{
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(GRand) rand = NULL;
  FwCountries *countries;
  Tables tables;
  FwCountryId hq_ids[G_N_ELEMENTS (random_hq_weights)];
  const LegalForms *hq_legal_forms[G_N_ELEMENTS (random_hq_weights)];
  guint32 runs[N_FAIRS];
  Circuit circuit = { .runs = runs };
  guint hq_total = 0, fair_total = 0;
  guint combos, stride, offset;
  guint64 weight_total = 0, weight_sum = 0, share = 0, given = 0;
  guint64 capped_weight = MAX_FIRM_WEIGHT + 1;
  guint32 seed_words[2] = { (guint32) seed, (guint32) (seed >> 32) };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_firms > MAX_FIRMS || n_exhibitions > MAX_EXHIBITIONS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot generate %u firms and %u exhibitions: at most %u firms and %u exhibitions"),
                   n_firms, n_exhibitions, MAX_FIRMS, MAX_EXHIBITIONS);
      return NULL;
    }

  if (n_firms == 0 && n_exhibitions > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot generate %u exhibitions without firms: ask for at least one firm"),
                   n_exhibitions);
      return NULL;
    }

  /* Random exhibitions also keep to the years each fair ran, and a firm
   * shows at a fair once a year at most, which bounds what one firm can have. */
  for (guint f = 0; f < N_FAIRS; f++)
    {
      runs[f] = fair_years (f);
      circuit.capacity += count_bits64 (runs[f]);
    }

  if ((guint64) n_firms * circuit.capacity < n_exhibitions)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot generate %u exhibitions for %u firms: a firm exhibits at a fair "
                     "at most once a year, and from %u to %u the %u fairs were held %u times "
                     "in all, so %u firms can have at most %llu exhibitions; "
                     "ask for more firms or fewer exhibitions"),
                   n_exhibitions, n_firms, YEAR_FIRST, YEAR_LAST, (guint) N_FAIRS,
                   circuit.capacity, n_firms, (unsigned long long) n_firms * circuit.capacity);
      return NULL;
    }

  dataset = fw_dataset_new (NULL);
  countries = fw_dataset_get_countries (dataset);
  rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));
  tables_init (&tables, countries);

  fw_dataset_set_title (dataset, "Generated dataset (fictional firms)");
  fw_dataset_set_fictional (dataset, TRUE);
  {
    g_autofree char *description =
      g_strdup_printf ("Fictional firms generated for tests and benchmarks (%u firms, "
                       "%u exhibitions, seed %" G_GUINT64_FORMAT "). The fairs and "
                       "countries are real; no record describes a real company.",
                       n_firms, n_exhibitions, seed);
    fw_dataset_set_description (dataset, description);
  }
  fw_dataset_set_citation (dataset, CITATION);

  add_fairs (dataset, &tables, FALSE);
  fw_dataset_reserve (dataset, FW_TABLE_FIRMS, n_firms);
  fw_dataset_reserve (dataset, FW_TABLE_EXHIBITIONS, n_exhibitions);

  for (guint i = 0; i < G_N_ELEMENTS (random_hq_weights); i++)
    {
      hq_ids[i] = fw_countries_lookup_code (countries, random_hq_weights[i].code);
      g_assert (hq_ids[i] != FW_COUNTRY_UNKNOWN);
      hq_legal_forms[i] = find_legal_forms (countries, hq_ids[i]);
      hq_total += random_hq_weights[i].weight;
    }
  for (guint f = 0; f < N_FAIRS; f++)
    fair_total += fairs[f].weight;

  /* Names walk the combinations in a seed-dependent order: a stride
   * coprime with their number visits each once per round. */
  combos = n_name_combos (&tables);
  offset = g_rand_int_range (rand, 0, combos);
  stride = g_rand_int_range (rand, combos / 3, combos / 2) | 1;
  while (gcd (combos, stride) != 1)
    stride += 2;

  /* Exhibitions per firm: one each when there are enough, the rest shared
   * out in proportion to each firm's weight, without storing them.  Firms
   * whose share would not fit get the capacity instead, the heaviest
   * first, and the others share what is left; the rounding then cannot
   * take one past the capacity either. */
  if (n_exhibitions >= n_firms)
    {
      guint64 n_by_weight[MAX_FIRM_WEIGHT + 1] = { 0 };

      share = n_exhibitions - n_firms;
      for (guint i = 0; i < n_firms; i++)
        n_by_weight[firm_weight (seed, i)]++;
      for (guint w = 1; w <= MAX_FIRM_WEIGHT; w++)
        weight_total += w * n_by_weight[w];

      for (guint w = MAX_FIRM_WEIGHT; w > 0 && share * w > (circuit.capacity - 1) * weight_total; w--)
        {
          share -= (circuit.capacity - 1) * n_by_weight[w];
          weight_total -= w * n_by_weight[w];
          capped_weight = w;
        }
    }

  for (guint i = 0; i < n_firms; i++)
    {
      g_autofree char *name = NULL;
      FwCountryId hq = hq_ids[0];
      const LegalForms *hq_forms = hq_legal_forms[0];
      FwConfidence confidence;
      guint first_year, last_year, span, count;
      guint roll;

      roll = g_rand_int_range (rand, 0, hq_total);
      for (guint h = 0; h < G_N_ELEMENTS (random_hq_weights); h++)
        {
          if (roll < random_hq_weights[h].weight)
            {
              hq = hq_ids[h];
              hq_forms = hq_legal_forms[h];
              break;
            }
          roll -= random_hq_weights[h].weight;
        }

      roll = g_rand_int_range (rand, 0, 100);
      if (roll < 1)
        confidence = FW_CONFIDENCE_UNKNOWN;
      else if (roll < 27)
        confidence = FW_CONFIDENCE_HIGH;
      else if (roll < 37)
        confidence = FW_CONFIDENCE_MEDIUM;
      else
        confidence = FW_CONFIDENCE_LOW;

      {
        guint combo = (guint) (((guint64) i * stride + offset) % combos);

        name = make_firm_name (&tables, combo, i / combos,
                               pick_legal_form (hq_forms, rand));
      }

      /* No ids: generated names are unique, and a flat CSV of a million
       * rows is a spreadsheet a person would keep without them. */
      fw_dataset_append_firm (dataset, &(FwFirmValues) {
                                .name = name,
                                .hq = hq,
                                .confidence = confidence,
                                .notes = "Fictional firm.",
                              });

      if (n_exhibitions < n_firms)
        count = (guint) (((guint64) (i + 1) * n_exhibitions) / n_firms -
                         ((guint64) i * n_exhibitions) / n_firms);
      else if (firm_weight (seed, i) >= capped_weight)
        count = circuit.capacity;
      else
        {
          guint64 before = share * weight_sum / weight_total;

          weight_sum += firm_weight (seed, i);
          count = 1 + (guint) (share * weight_sum / weight_total - before);
        }
      given += count;

      if (count == 0)
        continue;

      memset (circuit.taken, 0, sizeof circuit.taken);
      circuit.n_taken = 0;
      circuit.unknown_taken = 0;
      circuit.n_preferred = 0;

      /* Home fairs, then a few others, as this firm's circuit. */
      for (guint f = 0; f < N_FAIRS && circuit.n_preferred < MAX_HOME_FAIRS; f++)
        if (tables.fair_country[f] == hq)
          circuit.preferred[circuit.n_preferred++] = f;
      for (guint k = g_rand_int_range (rand, 1, 5); k > 0; k--)
        circuit.preferred[circuit.n_preferred++] = pick_weighted_fair (rand, fair_total);

      first_year = YEAR_FIRST + g_rand_int_range (rand, 0, N_YEARS - 2);
      span = g_rand_int_range (rand, 2, 20);
      last_year = MIN (YEAR_LAST, first_year + span);

      /* A busy firm goes to more fairs over more years: widen the circuit
       * until its exhibitions fit with room to spare, rather than crowd
       * into its last free slots and then spill anywhere. */
      for (gboolean by_year = TRUE;; by_year = !by_year)
        {
          gboolean more_years = last_year - first_year + 1 < N_YEARS;
          gboolean more_fairs = circuit.n_preferred < MAX_PREFERRED;

          circuit.years = ((1u << (last_year - first_year + 1)) - 1) << (first_year - YEAR_FIRST);
          if (circuit_room (&circuit) >= count + count / 2 || (!more_years && !more_fairs))
            break;

          if (more_years && (by_year || !more_fairs))
            {
              if (last_year < YEAR_LAST)
                last_year++;
              else
                first_year--;
            }
          else
            circuit.preferred[circuit.n_preferred++] = pick_weighted_fair (rand, fair_total);
        }

      for (guint e = 0; e < count; e++)
        {
          guint fair, year;

          if (g_rand_int_range (rand, 0, 100) == 0 &&
              circuit_take_unknown (&circuit, rand, &fair))
            year = FW_YEAR_UNKNOWN;
          else
            circuit_take_year (&circuit, rand, &fair, &year);

          fw_dataset_append_exhibition (dataset, &(FwExhibitionValues) {
                                          .firm = i,
                                          .fair = fair,
                                          .year = year,
                                        });
        }
    }

  g_assert (given == n_exhibitions);
  tables_clear (&tables);

  return g_steal_pointer (&dataset);
}
