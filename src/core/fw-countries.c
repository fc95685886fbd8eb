/* fw-countries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-countries"

#include "config.h"

#include <string.h>

#include "fw-countries.h"
#include "fw-problem.h"
#include "fw-resources.h"

#define COUNTRIES_RESOURCE "/org/fairwatch/Fairwatch/data/countries.tsv"

typedef struct
{
  char        code[3];
  char        alpha3[4];
  char        numeric[4];
  char       *name;
  FwContinent default_continent;
  guint       five_eyes : 1;
  guint       nato : 1;
  guint       eu : 1;
} Country;

struct _FwCountries
{
  GObject     parent_instance;

  /* Shared, immutable after loading: copies reference the same table. */
  GArray     *countries;     /* Country, index 0 is "unknown" */
  GHashTable *keys;          /* normalised text -> GUINT_TO_POINTER (id) */
  GBytes     *name_rank;     /* guint16 per id, made on first use */

  /* Per-dataset settings. */
  guint8     *continent;
  guint8     *adversary;
  guint8     *five_eyes;
};

G_DEFINE_FINAL_TYPE (FwCountries, fw_countries, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fw_countries_finalize (GObject *object)
{
  FwCountries *self = (FwCountries *)object;

  g_clear_pointer (&self->countries, g_array_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->name_rank, g_bytes_unref);
  g_clear_pointer (&self->continent, g_free);
  g_clear_pointer (&self->adversary, g_free);
  g_clear_pointer (&self->five_eyes, g_free);

  G_OBJECT_CLASS (fw_countries_parent_class)->finalize (object);
}

static void
fw_countries_class_init (FwCountriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_countries_finalize;

  /**
   * FwCountries::changed:
   *
   * A continent assignment or the set of adversary countries changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fw_countries_init (FwCountries *self)
{
}

static void
clear_country (gpointer data)
{
  Country *country = data;

  g_free (country->name);
}

/* Case, surrounding space and inner runs of space do not distinguish two
 * spellings of a country. */
static char *
normalise_key (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  folded = g_utf8_casefold (normal, -1);
  out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
add_key (FwCountries *self,
         const char  *text,
         guint        id)
{
  char *key = normalise_key (text);

  if (key == NULL || key[0] == '\0')
    {
      g_free (key);
      return;
    }

  /* Codes, names and aliases are unique in the data file (its generator
   * checks it); keep the first meaning should an edited file disagree. */
  if (g_hash_table_contains (self->keys, key))
    {
      g_free (key);
      return;
    }

  g_hash_table_insert (self->keys, key, GUINT_TO_POINTER (id));
}

static void
allocate_settings (FwCountries *self)
{
  guint n = self->countries->len;

  self->continent = g_new0 (guint8, n);
  self->adversary = g_new0 (guint8, n);
  self->five_eyes = g_new0 (guint8, n);

  for (guint i = 0; i < n; i++)
    {
      const Country *country = &g_array_index (self->countries, Country, i);

      self->continent[i] = country->default_continent;
      self->five_eyes[i] = country->five_eyes;
    }
}

FwCountries *
fw_countries_new_from_data (GBytes  *tsv,
                            GError **error)
{
  g_autoptr(FwCountries) self = g_object_new (FW_TYPE_COUNTRIES, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;
  Country unknown = { { 0 } };

  data = g_bytes_get_data (tsv, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  self->countries = g_array_new (FALSE, TRUE, sizeof (Country));
  g_array_set_clear_func (self->countries, clear_country);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  unknown.name = g_strdup ("(unknown)");
  g_array_append_val (self->countries, unknown);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      Country country = { { 0 } };
      guint id;

      if (lines[i][0] == '\0')
        continue;

      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) != 9 ||
          strlen (cols[0]) != 2 || strlen (cols[1]) != 3 || strlen (cols[2]) != 3 ||
          !fw_continent_from_string (cols[4], &country.default_continent))
        {
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                       "countries.tsv:%u: expected 9 tab-separated columns "
                       "(alpha2, alpha3, numeric, name, continent, five_eyes, nato, eu, aliases)",
                       i + 1);
          return NULL;
        }

      if (self->countries->len >= G_MAXUINT16)
        {
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_TOO_LARGE,
                       "countries.tsv: too many countries");
          return NULL;
        }

      memcpy (country.code, cols[0], 2);
      memcpy (country.alpha3, cols[1], 3);
      memcpy (country.numeric, cols[2], 3);
      country.name = g_strdup (cols[3]);
      country.five_eyes = cols[5][0] == '1';
      country.nato = cols[6][0] == '1';
      country.eu = cols[7][0] == '1';

      id = self->countries->len;
      g_array_append_val (self->countries, country);

      add_key (self, cols[0], id);
      add_key (self, cols[1], id);
      add_key (self, cols[3], id);

      if (cols[8][0] != '\0')
        {
          g_auto(GStrv) aliases = g_strsplit (cols[8], "|", -1);

          for (guint j = 0; aliases[j] != NULL; j++)
            add_key (self, aliases[j], id);
        }
    }

  allocate_settings (self);
  fw_countries_reset_settings (self);

  return g_steal_pointer (&self);
}

FwCountries *
fw_countries_new_default (void)
{
  static GBytes *tsv;
  g_autoptr(GError) error = NULL;
  FwCountries *self;

  /* The table ships inside the program: failing to read it is a build
   * error, not something a user can act on. */
  if (g_once_init_enter (&tsv))
    {
      GBytes *bytes;

      fw_resources_ensure ();
      bytes = g_resources_lookup_data (COUNTRIES_RESOURCE, 0, &error);

      if (bytes == NULL)
        g_error ("Cannot read %s: %s", COUNTRIES_RESOURCE, error->message);
      g_once_init_leave (&tsv, bytes);
    }

  self = fw_countries_new_from_data (tsv, &error);
  if (self == NULL)
    g_error ("%s", error->message);

  return self;
}

FwCountries *
fw_countries_copy (FwCountries *self)
{
  FwCountries *copy;
  guint n;

  g_return_val_if_fail (FW_IS_COUNTRIES (self), NULL);

  n = self->countries->len;
  copy = g_object_new (FW_TYPE_COUNTRIES, NULL);
  copy->countries = g_array_ref (self->countries);
  copy->keys = g_hash_table_ref (self->keys);
  copy->continent = g_memdup2 (self->continent, n);
  copy->adversary = g_memdup2 (self->adversary, n);
  copy->five_eyes = g_memdup2 (self->five_eyes, n);

  return copy;
}

guint
fw_countries_get_n_ids (FwCountries *self)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), 0);

  return self->countries->len;
}

FwCountryId
fw_countries_lookup (FwCountries *self,
                     const char  *text)
{
  g_autofree char *key = NULL;
  gpointer id;

  g_return_val_if_fail (FW_IS_COUNTRIES (self), FW_COUNTRY_UNKNOWN);

  key = normalise_key (text);
  if (key == NULL || key[0] == '\0')
    return FW_COUNTRY_UNKNOWN;

  if (g_hash_table_lookup_extended (self->keys, key, NULL, &id))
    return GPOINTER_TO_UINT (id);

  return FW_COUNTRY_UNKNOWN;
}

FwCountryId
fw_countries_lookup_code (FwCountries *self,
                          const char  *alpha2)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FW_COUNTRY_UNKNOWN);

  if (alpha2 == NULL || strlen (alpha2) != 2)
    return FW_COUNTRY_UNKNOWN;

  for (guint i = 1; i < self->countries->len; i++)
    {
      const Country *country = &g_array_index (self->countries, Country, i);

      if (g_ascii_strcasecmp (country->code, alpha2) == 0)
        return i;
    }

  return FW_COUNTRY_UNKNOWN;
}

FwCountryId
fw_countries_lookup_numeric (FwCountries *self,
                             const char  *numeric)
{
  char padded[4];
  gsize len;

  g_return_val_if_fail (FW_IS_COUNTRIES (self), FW_COUNTRY_UNKNOWN);

  if (numeric == NULL || (len = strlen (numeric)) == 0 || len > 3)
    return FW_COUNTRY_UNKNOWN;

  memset (padded, '0', 3);
  memcpy (padded + 3 - len, numeric, len);
  padded[3] = '\0';

  for (guint i = 1; i < self->countries->len; i++)
    {
      const Country *country = &g_array_index (self->countries, Country, i);

      if (memcmp (country->numeric, padded, 3) == 0)
        return i;
    }

  return FW_COUNTRY_UNKNOWN;
}

static inline const Country *
get_country (FwCountries *self,
             FwCountryId  id)
{
  if (id >= self->countries->len)
    id = FW_COUNTRY_UNKNOWN;

  return &g_array_index (self->countries, Country, id);
}

const char *
fw_countries_get_code (FwCountries *self,
                       FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), "");

  return get_country (self, id)->code;
}

const char *
fw_countries_get_name (FwCountries *self,
                       FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), "");

  return get_country (self, id)->name;
}

const char *
fw_countries_get_numeric (FwCountries *self,
                          FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), "");

  return get_country (self, id)->numeric;
}

FwContinent
fw_countries_get_continent (FwCountries *self,
                            FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FW_CONTINENT_UNKNOWN);

  if (id >= self->countries->len)
    return FW_CONTINENT_UNKNOWN;

  return self->continent[id];
}

FwContinent
fw_countries_get_default_continent (FwCountries *self,
                                    FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FW_CONTINENT_UNKNOWN);

  return get_country (self, id)->default_continent;
}

gboolean
fw_countries_is_five_eyes (FwCountries *self,
                           FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FALSE);

  return get_country (self, id)->five_eyes;
}

gboolean
fw_countries_is_nato (FwCountries *self,
                      FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FALSE);

  return get_country (self, id)->nato;
}

gboolean
fw_countries_is_eu (FwCountries *self,
                    FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FALSE);

  return get_country (self, id)->eu;
}

gboolean
fw_countries_is_adversary (FwCountries *self,
                           FwCountryId  id)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), FALSE);

  if (id >= self->countries->len)
    return FALSE;

  return self->adversary[id];
}

void
fw_countries_set_continent (FwCountries *self,
                            FwCountryId  id,
                            FwContinent  continent)
{
  g_return_if_fail (FW_IS_COUNTRIES (self));
  g_return_if_fail (id > 0 && id < self->countries->len);
  g_return_if_fail (continent < FW_N_CONTINENTS);

  if (self->continent[id] == continent)
    return;

  self->continent[id] = continent;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
fw_countries_set_adversary (FwCountries *self,
                            FwCountryId  id,
                            gboolean     adversary)
{
  g_return_if_fail (FW_IS_COUNTRIES (self));
  g_return_if_fail (id > 0 && id < self->countries->len);

  adversary = !!adversary;
  if (self->adversary[id] == adversary)
    return;

  self->adversary[id] = adversary;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The report names Russia and China as the "US and NATO adversaries" of
 * its Finding 4. */
static const char *default_adversaries[] = { "RU", "CN" };

void
fw_countries_reset_settings (FwCountries *self)
{
  guint n;

  g_return_if_fail (FW_IS_COUNTRIES (self));

  n = self->countries->len;
  memset (self->adversary, 0, n);
  for (guint i = 0; i < n; i++)
    self->continent[i] = g_array_index (self->countries, Country, i).default_continent;

  for (guint i = 0; i < G_N_ELEMENTS (default_adversaries); i++)
    {
      FwCountryId id = fw_countries_lookup_code (self, default_adversaries[i]);

      if (id != FW_COUNTRY_UNKNOWN)
        self->adversary[id] = TRUE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
fw_countries_has_default_settings (FwCountries *self)
{
  g_autoptr(GArray) overrides = fw_countries_get_continent_overrides (self);
  g_autoptr(GArray) adversaries = fw_countries_get_adversaries (self);

  if (overrides->len > 0 || adversaries->len != G_N_ELEMENTS (default_adversaries))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (default_adversaries); i++)
    if (!self->adversary[fw_countries_lookup_code (self, default_adversaries[i])])
      return FALSE;

  return TRUE;
}

GArray *
fw_countries_get_adversaries (FwCountries *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (FwCountryId));

  for (guint i = 1; i < self->countries->len; i++)
    {
      if (self->adversary[i])
        {
          FwCountryId id = i;
          g_array_append_val (ids, id);
        }
    }

  return ids;
}

GArray *
fw_countries_get_continent_overrides (FwCountries *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (FwCountryId));

  for (guint i = 1; i < self->countries->len; i++)
    {
      if (self->continent[i] != g_array_index (self->countries, Country, i).default_continent)
        {
          FwCountryId id = i;
          g_array_append_val (ids, id);
        }
    }

  return ids;
}

const guint8 *
fw_countries_get_continent_array (FwCountries *self)
{
  return self->continent;
}

const guint8 *
fw_countries_get_adversary_array (FwCountries *self)
{
  return self->adversary;
}

const guint8 *
fw_countries_get_five_eyes_array (FwCountries *self)
{
  return self->five_eyes;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  char **keys = user_data;
  int cmp = strcmp (keys[*(const guint16 *) a], keys[*(const guint16 *) b]);

  return cmp != 0 ? cmp : (int) *(const guint16 *) a - (int) *(const guint16 *) b;
}

const guint16 *
fw_countries_get_name_rank (FwCountries *self)
{
  g_return_val_if_fail (FW_IS_COUNTRIES (self), NULL);

  if (self->name_rank == NULL)
    {
      guint n = self->countries->len;
      g_autofree guint16 *order = g_new (guint16, n);
      guint16 *rank = g_new (guint16, n);
      char **keys = g_new0 (char *, n + 1);

      for (guint i = 0; i < n; i++)
        {
          order[i] = i;
          keys[i] = g_utf8_collate_key (g_array_index (self->countries, Country, i).name, -1);
        }
      g_qsort_with_data (order, n, sizeof (guint16), compare_names, keys);
      for (guint i = 0; i < n; i++)
        rank[order[i]] = i;

      g_strfreev (keys);
      self->name_rank = g_bytes_new_take (rank, n * sizeof (guint16));
    }

  return g_bytes_get_data (self->name_rank, NULL);
}
