/* fw-generator-random.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-generator-private.h"

#define MAX_FIRMS       10000000u
#define MAX_EXHIBITIONS 100000000u

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
      if (roll < fw_generator_fairs[f].weight)
        return f;
      roll -= fw_generator_fairs[f].weight;
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

/* The position of the @k-th set bit of @bits, from 0. */
static inline guint
nth_bit (guint64 bits,
         guint   k)
{
  for (; k > 0; k--)
    bits &= bits - 1;
  g_assert (bits != 0);

  /* Counting the bits below the lowest one. */
  return fw_generator_count_bits ((bits - 1) & ~bits);
}

static guint
pick_bit (guint64  bits,
          GRand   *rand)
{
  return nth_bit (bits, g_rand_int_range (rand, 0, fw_generator_count_bits (bits)));
}

static guint32
fair_years (guint fair)
{
  guint32 years = 0;

  for (guint y = 0; y < N_YEARS; y++)
    if (fw_generator_fair_runs (fair, YEAR_FIRST + y))
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
        room += fw_generator_count_bits (circuit->runs[fair] & circuit->years);
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
          if (k < fw_generator_count_bits (vacant))
            break;
          k -= fw_generator_count_bits (vacant);
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
      circuit.capacity += fw_generator_count_bits (runs[f]);
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
  fw_generator_tables_init (&tables, countries);

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

  fw_generator_add_fairs (dataset, &tables, FALSE);
  fw_dataset_reserve (dataset, FW_TABLE_FIRMS, n_firms);
  fw_dataset_reserve (dataset, FW_TABLE_EXHIBITIONS, n_exhibitions);

  for (guint i = 0; i < G_N_ELEMENTS (random_hq_weights); i++)
    {
      hq_ids[i] = fw_countries_lookup_code (countries, random_hq_weights[i].code);
      g_assert (hq_ids[i] != FW_COUNTRY_UNKNOWN);
      hq_legal_forms[i] = fw_generator_find_legal_forms (countries, hq_ids[i]);
      hq_total += random_hq_weights[i].weight;
    }
  for (guint f = 0; f < N_FAIRS; f++)
    fair_total += fw_generator_fairs[f].weight;

  /* Names walk the combinations in a seed-dependent order: a stride
   * coprime with their number visits each once per round. */
  combos = fw_generator_n_name_combos (&tables);
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

        name = fw_generator_make_firm_name (&tables, combo, i / combos,
                                            fw_generator_pick_legal_form (hq_forms, rand));
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
  fw_generator_tables_clear (&tables);

  return g_steal_pointer (&dataset);
}
