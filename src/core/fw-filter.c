/* fw-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-filter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-filter.h"
#include "fw-problem.h"

struct _FwFilter
{
  GArray  *values[FW_N_FACETS];   /* sorted guint, NULL when empty */
  FwMatch  match[FW_N_FACETS];
  guint16  first_year;
  guint16  last_year;
  char    *search;
};

G_DEFINE_BOXED_TYPE (FwFilter, fw_filter, fw_filter_copy, fw_filter_free)

static const char *facet_names[FW_N_FACETS] = {
  "confidence", "hq_continent", "hq_country", "fair",
  "host_continent", "host_country", "adversary_host", "year",
};

FwFilter *
fw_filter_new (void)
{
  return g_new0 (FwFilter, 1);
}

FwFilter *
fw_filter_copy (const FwFilter *self)
{
  FwFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  for (guint i = 0; i < FW_N_FACETS; i++)
    if (self->values[i] != NULL)
      copy->values[i] = g_array_copy (self->values[i]);
  copy->search = g_strdup (self->search);

  return copy;
}

void
fw_filter_free (FwFilter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < FW_N_FACETS; i++)
    g_clear_pointer (&self->values[i], g_array_unref);
  g_free (self->search);
  g_free (self);
}

static gboolean
arrays_equal (const GArray *a,
              const GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  return len_a == 0 || memcmp (a->data, b->data, len_a * sizeof (guint)) == 0;
}

gboolean
fw_filter_equal (const FwFilter *a,
                 const FwFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < FW_N_FACETS; i++)
    {
      if (!arrays_equal (a->values[i], b->values[i]))
        return FALSE;
      if (fw_filter_facet_is_active (a, i) && a->match[i] != b->match[i])
        return FALSE;
    }

  return a->first_year == b->first_year &&
         a->last_year == b->last_year &&
         g_strcmp0 (fw_filter_get_search (a), fw_filter_get_search (b)) == 0;
}

gboolean
fw_filter_is_empty (const FwFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < FW_N_FACETS; i++)
    if (fw_filter_facet_is_active (self, i))
      return FALSE;

  return fw_filter_get_search (self) == NULL;
}

void
fw_filter_clear (FwFilter *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < FW_N_FACETS; i++)
    {
      g_clear_pointer (&self->values[i], g_array_unref);
      self->match[i] = FW_MATCH_ANY_OF;
    }
  self->first_year = self->last_year = 0;
  g_clear_pointer (&self->search, g_free);
}

static gboolean
find_value (const GArray *values,
            guint         value,
            guint        *position)
{
  guint lo = 0, hi = values != NULL ? values->len : 0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint v = g_array_index (values, guint, mid);

      if (v == value)
        {
          *position = mid;
          return TRUE;
        }
      if (v < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

void
fw_filter_add_value (FwFilter *self,
                     FwFacet   facet,
                     guint     value)
{
  guint position;

  g_return_if_fail (self != NULL);
  g_return_if_fail (facet < FW_N_FACETS);

  if (find_value (self->values[facet], value, &position))
    return;

  if (self->values[facet] == NULL)
    self->values[facet] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_insert_val (self->values[facet], position, value);
}

void
fw_filter_remove_value (FwFilter *self,
                        FwFacet   facet,
                        guint     value)
{
  guint position;

  g_return_if_fail (self != NULL);
  g_return_if_fail (facet < FW_N_FACETS);

  if (!find_value (self->values[facet], value, &position))
    return;

  g_array_remove_index (self->values[facet], position);
  if (self->values[facet]->len == 0)
    g_clear_pointer (&self->values[facet], g_array_unref);
}

gboolean
fw_filter_has_value (const FwFilter *self,
                     FwFacet         facet,
                     guint           value)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facet < FW_N_FACETS, FALSE);

  return find_value (self->values[facet], value, &position);
}

void
fw_filter_toggle_value (FwFilter *self,
                        FwFacet   facet,
                        guint     value)
{
  if (fw_filter_has_value (self, facet, value))
    fw_filter_remove_value (self, facet, value);
  else
    fw_filter_add_value (self, facet, value);
}

void
fw_filter_clear_facet (FwFilter *self,
                       FwFacet   facet)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (facet < FW_N_FACETS);

  g_clear_pointer (&self->values[facet], g_array_unref);
  self->match[facet] = FW_MATCH_ANY_OF;
  if (facet == FW_FACET_YEAR)
    self->first_year = self->last_year = 0;
}

const GArray *
fw_filter_get_values (const FwFilter *self,
                      FwFacet         facet)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (facet < FW_N_FACETS, NULL);

  return self->values[facet];
}

void
fw_filter_set_match (FwFilter *self,
                     FwFacet   facet,
                     FwMatch   match)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (facet < FW_N_FACETS);

  self->match[facet] = match;
}

FwMatch
fw_filter_get_match (const FwFilter *self,
                     FwFacet         facet)
{
  g_return_val_if_fail (self != NULL, FW_MATCH_ANY_OF);
  g_return_val_if_fail (facet < FW_N_FACETS, FW_MATCH_ANY_OF);

  return self->match[facet];
}

gboolean
fw_filter_facet_is_active (const FwFilter *self,
                           FwFacet         facet)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facet < FW_N_FACETS, FALSE);

  if (facet == FW_FACET_YEAR)
    return self->first_year != 0 || self->last_year != 0;

  return self->values[facet] != NULL;
}

void
fw_filter_set_years (FwFilter *self,
                     guint16   first,
                     guint16   last)
{
  g_return_if_fail (self != NULL);

  if (first != 0 && last != 0 && first > last)
    {
      guint16 tmp = first;
      first = last;
      last = tmp;
    }

  self->first_year = first;
  self->last_year = last;
}

void
fw_filter_get_years (const FwFilter *self,
                     guint16        *first,
                     guint16        *last)
{
  g_return_if_fail (self != NULL);

  if (first != NULL)
    *first = self->first_year;
  if (last != NULL)
    *last = self->last_year;
}

void
fw_filter_set_search (FwFilter   *self,
                      const char *text)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && text[0] != '\0')
    self->search = g_strdup (text);
}

const char *
fw_filter_get_search (const FwFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

const char *
fw_facet_to_string (FwFacet facet)
{
  g_return_val_if_fail (facet < FW_N_FACETS, "");

  return facet_names[facet];
}

guint
fw_facet_get_n_values (FwFacet    facet,
                       FwDataset *dataset)
{
  switch (facet)
    {
    case FW_FACET_CONFIDENCE:
      return FW_N_CONFIDENCE;
    case FW_FACET_HQ_CONTINENT:
    case FW_FACET_HOST_CONTINENT:
      return FW_N_CONTINENTS;
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      return fw_countries_get_n_ids (fw_dataset_get_countries (dataset));
    case FW_FACET_FAIR:
      return fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
    case FW_FACET_ADVERSARY:
      return FW_N_ADVERSARY;
    case FW_FACET_YEAR:
      return FW_YEAR_MAX + 1;
    case FW_N_FACETS:
    default:
      g_return_val_if_reached (0);
    }
}

char *
fw_facet_value_label (FwFacet    facet,
                      guint      value,
                      FwDataset *dataset)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);

  switch (facet)
    {
    case FW_FACET_CONFIDENCE:
      return g_strdup (fw_confidence_to_label (value));
    case FW_FACET_HQ_CONTINENT:
    case FW_FACET_HOST_CONTINENT:
      if (value == FW_CONTINENT_UNKNOWN)
        return g_strdup (_("(unknown)"));
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "continent", fw_continent_to_string (value)));
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      if (value == FW_COUNTRY_UNKNOWN)
        return g_strdup (_("(unknown)"));
      return g_strdup (fw_countries_get_name (countries, value));
    case FW_FACET_FAIR:
      {
        const char *name = fw_dataset_get_fair_name (dataset, value);
        if (name[0] == '\0')
          return g_strdup_printf (_("(unnamed fair in %s)"),
                                  fw_countries_get_name (countries, fw_dataset_get_fair_host (dataset, value)));
        return g_strdup (name);
      }
    case FW_FACET_ADVERSARY:
      if (value == FW_ADVERSARY_YES)
        return g_strdup (_("Hosted in an adversary country"));
      if (value == FW_ADVERSARY_NO)
        return g_strdup (_("Hosted elsewhere"));
      return g_strdup (_("(unknown host)"));
    case FW_FACET_YEAR:
      if (value == FW_YEAR_UNKNOWN)
        return g_strdup (_("(unknown)"));
      return g_strdup_printf ("%u", value);
    case FW_N_FACETS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *adversary_names[FW_N_ADVERSARY] = { "unknown", "no", "yes" };

static JsonNode *
value_to_json (FwFacet    facet,
               guint      value,
               FwDataset *dataset)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);

  if (value == 0 && facet != FW_FACET_FAIR)
    return json_node_new (JSON_NODE_NULL);

  switch (facet)
    {
    case FW_FACET_CONFIDENCE:
      return json_node_init_string (json_node_alloc (), fw_confidence_to_string (value));
    case FW_FACET_HQ_CONTINENT:
    case FW_FACET_HOST_CONTINENT:
      return json_node_init_string (json_node_alloc (), fw_continent_to_string (value));
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      return json_node_init_string (json_node_alloc (), fw_countries_get_code (countries, value));
    case FW_FACET_FAIR:
      {
        /* Fairs are named with their host, since two fairs may share a
         * name in different countries. */
        JsonObject *object = json_object_new ();
        JsonNode *node = json_node_init_object (json_node_alloc (), object);
        FwCountryId host = fw_dataset_get_fair_host (dataset, value);

        json_object_set_string_member (object, "name", fw_dataset_get_fair_name (dataset, value));
        if (host != FW_COUNTRY_UNKNOWN)
          json_object_set_string_member (object, "host", fw_countries_get_code (countries, host));
        else
          json_object_set_null_member (object, "host");
        json_object_unref (object);
        return node;
      }
    case FW_FACET_ADVERSARY:
      return json_node_init_string (json_node_alloc (), adversary_names[value]);
    case FW_FACET_YEAR:
    case FW_N_FACETS:
    default:
      return json_node_init_int (json_node_alloc (), value);
    }
}

JsonNode *
fw_filter_to_json (const FwFilter *self,
                   FwDataset      *dataset)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  object = json_object_new ();
  node = json_node_init_object (json_node_alloc (), object);

  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      const GArray *values = self->values[f];
      JsonObject *facet;
      JsonArray *array;

      if (f == FW_FACET_YEAR || values == NULL)
        continue;

      facet = json_object_new ();
      array = json_array_new ();
      for (guint i = 0; i < values->len; i++)
        json_array_add_element (array, value_to_json (f, g_array_index (values, guint, i), dataset));
      json_object_set_string_member (facet, "match",
                                     self->match[f] == FW_MATCH_NONE_OF ? "none-of" : "any-of");
      json_object_set_array_member (facet, "values", array);
      json_object_set_object_member (object, facet_names[f], facet);
    }

  if (self->first_year != 0 || self->last_year != 0)
    {
      JsonArray *years = json_array_new ();

      json_array_add_element (years, self->first_year != 0
                              ? json_node_init_int (json_node_alloc (), self->first_year)
                              : json_node_new (JSON_NODE_NULL));
      json_array_add_element (years, self->last_year != 0
                              ? json_node_init_int (json_node_alloc (), self->last_year)
                              : json_node_new (JSON_NODE_NULL));
      json_object_set_array_member (object, "years", years);
    }

  if (self->search != NULL)
    json_object_set_string_member (object, "search", self->search);

  json_object_unref (object);

  return node;
}

static gboolean
value_from_json (FwFacet     facet,
                 JsonNode   *node,
                 FwDataset  *dataset,
                 guint      *out_value,
                 GError    **error)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  const char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out_value = 0;
      if (facet != FW_FACET_FAIR)
        return TRUE;
      goto bad;
    }

  if (facet == FW_FACET_FAIR)
    {
      JsonObject *object;
      const char *name;
      FwCountryId host = FW_COUNTRY_UNKNOWN;
      guint n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      object = json_node_get_object (node);
      name = json_object_get_string_member_with_default (object, "name", "");
      if (json_object_has_member (object, "host") && !json_object_get_null_member (object, "host"))
        host = fw_countries_lookup_code (countries, json_object_get_string_member_with_default (object, "host", ""));

      for (guint i = 0; i < n_fairs; i++)
        {
          if (fw_dataset_get_fair_host (dataset, i) == host &&
              g_strcmp0 (fw_dataset_get_fair_name (dataset, i), name) == 0)
            {
              *out_value = i;
              return TRUE;
            }
        }

      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE,
                   _("The filter names the fair “%s”, which this dataset does not have"), name);
      return FALSE;
    }

  if (facet == FW_FACET_YEAR)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        goto bad;
      *out_value = (guint) json_node_get_int (node);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    goto bad;
  text = json_node_get_string (node);

  switch (facet)
    {
    case FW_FACET_CONFIDENCE:
      {
        FwConfidence confidence;
        if (!fw_confidence_from_string (text, &confidence))
          goto bad;
        *out_value = confidence;
        return TRUE;
      }
    case FW_FACET_HQ_CONTINENT:
    case FW_FACET_HOST_CONTINENT:
      {
        FwContinent continent;
        if (!fw_continent_from_string (text, &continent))
          goto bad;
        *out_value = continent;
        return TRUE;
      }
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      *out_value = fw_countries_lookup (countries, text);
      if (*out_value == FW_COUNTRY_UNKNOWN)
        goto bad;
      return TRUE;
    case FW_FACET_ADVERSARY:
      for (guint i = 0; i < FW_N_ADVERSARY; i++)
        {
          if (g_strcmp0 (text, adversary_names[i]) == 0)
            {
              *out_value = i;
              return TRUE;
            }
        }
      goto bad;
    case FW_FACET_FAIR:
    case FW_FACET_YEAR:
    case FW_N_FACETS:
    default:
      break;
    }

bad:
  g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
               _("The filter has a value for “%s” that this program does not understand%s%s"),
               facet_names[facet], text != NULL ? ": " : "", text != NULL ? text : "");
  return FALSE;
}

FwFilter *
fw_filter_from_json (JsonNode   *node,
                     FwDataset  *dataset,
                     GError    **error)
{
  g_autoptr(FwFilter) self = fw_filter_new ();
  JsonObject *object;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                   _("A filter must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);

  for (guint f = 0; f < FW_N_FACETS; f++)
    {
      JsonNode *facet_node = json_object_get_member (object, facet_names[f]);
      JsonObject *facet;
      JsonArray *values;
      const char *match;

      if (facet_node == NULL || f == FW_FACET_YEAR)
        continue;

      if (!JSON_NODE_HOLDS_OBJECT (facet_node) ||
          (facet = json_node_get_object (facet_node)) == NULL ||
          !json_object_has_member (facet, "values") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (facet, "values")))
        {
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                       _("The filter’s “%s” must be an object with a “values” array"),
                       facet_names[f]);
          return NULL;
        }

      values = json_object_get_array_member (facet, "values");
      for (guint i = 0; i < json_array_get_length (values); i++)
        {
          guint value;

          if (!value_from_json (f, json_array_get_element (values, i), dataset, &value, error))
            return NULL;
          fw_filter_add_value (self, f, value);
        }

      match = json_object_get_string_member_with_default (facet, "match", "any-of");
      fw_filter_set_match (self, f, g_strcmp0 (match, "none-of") == 0 ? FW_MATCH_NONE_OF : FW_MATCH_ANY_OF);
    }

  if (json_object_has_member (object, "years"))
    {
      JsonNode *years_node = json_object_get_member (object, "years");
      JsonArray *years;
      guint first = 0, last = 0;

      if (!JSON_NODE_HOLDS_ARRAY (years_node) ||
          json_array_get_length (years = json_node_get_array (years_node)) != 2 ||
          !value_from_json (FW_FACET_YEAR, json_array_get_element (years, 0), dataset, &first, NULL) ||
          !value_from_json (FW_FACET_YEAR, json_array_get_element (years, 1), dataset, &last, NULL) ||
          first > FW_YEAR_MAX || last > FW_YEAR_MAX)
        {
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_SHAPE,
                       _("The filter’s “years” must be [first, last]"));
          return NULL;
        }
      fw_filter_set_years (self, first, last);
    }

  fw_filter_set_search (self, json_object_get_string_member_with_default (object, "search", NULL));

  return g_steal_pointer (&self);
}
