/* fw-cli-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cli-filter.h"
#include "fw-io.h"

FwDataset *
fw_cli_load_dataset (const char  *path,
                     GError     **error)
{
  if (path == NULL)
    return fw_io_load_demo (error);

  return fw_io_load (path, NULL, NULL, error);
}

GOptionGroup *
fw_cli_filter_option_group (FwCliFilterOptions *options)
{
  const GOptionEntry entries[] = {
    { "confidence", 0, 0, G_OPTION_ARG_STRING, &options->confidence,
      N_("Keep firms of these confidence levels (high, medium, low, unknown)"), N_("LIST") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &options->years,
      N_("Keep exhibitions in these years: 2010-2019, 2015, 2010- or -2015"), N_("RANGE") },
    { "hq", 0, 0, G_OPTION_ARG_STRING, &options->hq,
      N_("Keep firms headquartered in these countries (ISO codes or names)"), N_("LIST") },
    { "exclude-hq", 0, 0, G_OPTION_ARG_STRING, &options->exclude_hq,
      N_("Leave out firms headquartered in these countries"), N_("LIST") },
    { "hq-continent", 0, 0, G_OPTION_ARG_STRING, &options->hq_continent,
      N_("Keep firms headquartered on these continents"), N_("LIST") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &options->host,
      N_("Keep exhibitions at fairs hosted in these countries"), N_("LIST") },
    { "exclude-host", 0, 0, G_OPTION_ARG_STRING, &options->exclude_host,
      N_("Leave out exhibitions at fairs hosted in these countries"), N_("LIST") },
    { "host-continent", 0, 0, G_OPTION_ARG_STRING, &options->host_continent,
      N_("Keep exhibitions at fairs hosted on these continents"), N_("LIST") },
    { "fair", 0, 0, G_OPTION_ARG_STRING, &options->fair,
      N_("Keep exhibitions at these fairs (names, separated by commas)"), N_("LIST") },
    { "adversary-host", 0, 0, G_OPTION_ARG_STRING, &options->adversary_host,
      N_("yes: only fairs hosted in an adversary country; no: only elsewhere"), N_("yes|no") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search,
      N_("Keep firms whose name contains TEXT (any case)"), N_("TEXT") },
    { NULL }
  };
  GOptionGroup *group;

  group = g_option_group_new ("filter",
                              _("Filter options (values within an option are any-of; options combine):"),
                              _("Show the filter options"),
                              NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  return group;
}

void
fw_cli_filter_options_clear (FwCliFilterOptions *options)
{
  g_clear_pointer (&options->confidence, g_free);
  g_clear_pointer (&options->years, g_free);
  g_clear_pointer (&options->hq, g_free);
  g_clear_pointer (&options->exclude_hq, g_free);
  g_clear_pointer (&options->hq_continent, g_free);
  g_clear_pointer (&options->host, g_free);
  g_clear_pointer (&options->exclude_host, g_free);
  g_clear_pointer (&options->host_continent, g_free);
  g_clear_pointer (&options->fair, g_free);
  g_clear_pointer (&options->adversary_host, g_free);
  g_clear_pointer (&options->search, g_free);
}

static gboolean
invalid (GError    **error,
         const char *option,
         const char *value,
         const char *hint)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--%s: “%s” is not understood; %s"), option, value, hint);
  return FALSE;
}

static gboolean
add_countries (FwFilter    *filter,
               FwDataset   *dataset,
               FwFacet      facet,
               FwMatch      match,
               const char  *option,
               const char  *list,
               GError     **error)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return TRUE;

  if (fw_filter_facet_is_active (filter, facet) && fw_filter_get_match (filter, facet) != match)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s cannot be combined with the option that keeps only some of these countries"),
                   option);
      return FALSE;
    }

  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      FwCountryId id;

      if (g_ascii_strcasecmp (item, "unknown") == 0)
        id = FW_COUNTRY_UNKNOWN;
      else if ((id = fw_countries_lookup (countries, item)) == FW_COUNTRY_UNKNOWN)
        return invalid (error, option, item, _("use ISO 3166 codes such as FR or GB, or English names"));

      fw_filter_add_value (filter, facet, id);
    }
  fw_filter_set_match (filter, facet, match);

  return TRUE;
}

static gboolean
add_continents (FwFilter    *filter,
                FwFacet      facet,
                const char  *option,
                const char  *list,
                GError     **error)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return TRUE;

  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      FwContinent continent;

      if (g_ascii_strcasecmp (item, "unknown") == 0)
        continent = FW_CONTINENT_UNKNOWN;
      else if (!fw_continent_from_string (item, &continent))
        return invalid (error, option, item,
                        _("use Africa, Asia, Europe, North America, South America, Oceania or Antarctica"));

      fw_filter_add_value (filter, facet, continent);
    }

  return TRUE;
}

static gboolean
parse_years (FwFilter    *filter,
             const char  *text,
             GError     **error)
{
  g_auto(GStrv) ends = NULL;
  guint16 first = 0, last = 0;

  if (text == NULL)
    return TRUE;

  ends = g_strsplit (text, "-", 2);
  if (!fw_year_parse (ends[0], &first))
    return invalid (error, "years", text, _("write a range such as 2010-2019"));

  if (ends[1] == NULL)
    last = first;
  else if (!fw_year_parse (ends[1], &last))
    return invalid (error, "years", text, _("write a range such as 2010-2019"));

  if (first == 0 && last == 0)
    return invalid (error, "years", text, _("write a range such as 2010-2019"));

  fw_filter_set_years (filter, first, last);

  return TRUE;
}

static gboolean
add_fairs (FwFilter    *filter,
           FwDataset   *dataset,
           const char  *list,
           GError     **error)
{
  guint n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return TRUE;

  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      gboolean found = FALSE;

      /* Fairs of the same name in different host countries are all meant. */
      for (guint a = 0; a < n_fairs; a++)
        {
          if (g_utf8_collate (fw_dataset_get_fair_name (dataset, a), item) == 0 ||
              g_ascii_strcasecmp (fw_dataset_get_fair_name (dataset, a), item) == 0)
            {
              fw_filter_add_value (filter, FW_FACET_FAIR, a);
              found = TRUE;
            }
        }

      if (!found)
        return invalid (error, "fair", item,
                        _("this dataset has no fair of that name (“fairwatch summary” lists them)"));
    }

  return TRUE;
}

FwFilter *
fw_cli_filter_build (FwCliFilterOptions  *options,
                     FwDataset           *dataset,
                     GError             **error)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();

  if (options->confidence != NULL)
    {
      g_auto(GStrv) items = g_strsplit (options->confidence, ",", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          FwConfidence confidence;
          const char *item = g_strstrip (items[i]);

          if (item[0] == '\0' || !fw_confidence_from_string (item, &confidence))
            {
              invalid (error, "confidence", item, _("use high, medium, low or unknown"));
              return NULL;
            }
          fw_filter_add_value (filter, FW_FACET_CONFIDENCE, confidence);
        }
    }

  if (!parse_years (filter, options->years, error) ||
      !add_countries (filter, dataset, FW_FACET_HQ_COUNTRY, FW_MATCH_ANY_OF, "hq", options->hq, error) ||
      !add_countries (filter, dataset, FW_FACET_HQ_COUNTRY, FW_MATCH_NONE_OF, "exclude-hq", options->exclude_hq, error) ||
      !add_continents (filter, FW_FACET_HQ_CONTINENT, "hq-continent", options->hq_continent, error) ||
      !add_countries (filter, dataset, FW_FACET_HOST_COUNTRY, FW_MATCH_ANY_OF, "host", options->host, error) ||
      !add_countries (filter, dataset, FW_FACET_HOST_COUNTRY, FW_MATCH_NONE_OF, "exclude-host", options->exclude_host, error) ||
      !add_continents (filter, FW_FACET_HOST_CONTINENT, "host-continent", options->host_continent, error) ||
      !add_fairs (filter, dataset, options->fair, error))
    return NULL;

  if (options->adversary_host != NULL)
    {
      if (g_ascii_strcasecmp (options->adversary_host, "yes") == 0)
        fw_filter_add_value (filter, FW_FACET_ADVERSARY, FW_ADVERSARY_YES);
      else if (g_ascii_strcasecmp (options->adversary_host, "no") == 0)
        fw_filter_add_value (filter, FW_FACET_ADVERSARY, FW_ADVERSARY_NO);
      else
        {
          invalid (error, "adversary-host", options->adversary_host, _("use yes or no"));
          return NULL;
        }
    }

  fw_filter_set_search (filter, options->search);

  return g_steal_pointer (&filter);
}
