/* fw-generator-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-generator"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fw-generator-private.h"

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

static gint
find_fair (const char *id)
{
  for (guint i = 0; i < N_FAIRS; i++)
    if (strcmp (fw_generator_fairs[i].id, id) == 0)
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
  if (fw_generator_count_bits (firm->hosts) >= max_hosts)
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
          if (!fw_generator_fair_runs (fair, y) || (china && y > LAST_CHINA_YEAR))
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
         fw_generator_fair_runs (fair, year) &&
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
  fw_generator_tables_init (&demo->tables, demo->countries);

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

  fw_generator_add_fairs (dataset, &demo->tables, TRUE);
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
        combo = g_rand_int_range (demo->rand, 0, fw_generator_n_name_combos (&demo->tables));
      while (g_hash_table_contains (used_combos, GUINT_TO_POINTER (combo / N_TRADE_WORDS + 1)));
      /* One stem per firm, so that no two names look alike. */
      g_hash_table_add (used_combos, GUINT_TO_POINTER (combo / N_TRADE_WORDS + 1));

      legal = fw_generator_pick_legal_form (fw_generator_find_legal_forms (demo->countries, firm->hq),
                                            demo->rand);
      name = fw_generator_make_firm_name (&demo->tables, combo, 0, legal);

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

  fw_generator_tables_clear (&demo->tables);
  g_rand_free (demo->rand);

  return g_steal_pointer (&dataset);
}
