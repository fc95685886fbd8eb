/* fw-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-types.h"

static const char *confidence_names[FW_N_CONFIDENCE] = {
  "unknown", "high", "medium", "low",
};

/* Also the labels fw_facet_value_label() translates in context "continent". */
static const char *continent_names[FW_N_CONTINENTS] = {
  "unknown", NC_("continent", "Africa"), NC_("continent", "Antarctica"),
  NC_("continent", "Asia"), NC_("continent", "Europe"),
  NC_("continent", "North America"), NC_("continent", "Oceania"),
  NC_("continent", "South America"),
};

static const char *table_names[FW_N_TABLES] = {
  "firms", "fairs", "exhibitions",
};

const char *
fw_confidence_to_string (FwConfidence confidence)
{
  g_return_val_if_fail (confidence < FW_N_CONFIDENCE, "unknown");

  return confidence_names[confidence];
}

const char *
fw_confidence_to_label (FwConfidence confidence)
{
  switch (confidence)
    {
    case FW_CONFIDENCE_HIGH:
      return C_("confidence", "High");
    case FW_CONFIDENCE_MEDIUM:
      return C_("confidence", "Medium");
    case FW_CONFIDENCE_LOW:
      return C_("confidence", "Low");
    case FW_CONFIDENCE_UNKNOWN:
    case FW_N_CONFIDENCE:
    default:
      return _("(unknown)");
    }
}

/* Accepts the spellings researchers use in spreadsheets; an empty cell
 * is an unknown confidence, anything unrecognised is refused. */
gboolean
fw_confidence_from_string (const char   *text,
                           FwConfidence *out_confidence)
{
  static const struct { const char *word; FwConfidence value; } words[] = {
    { "high", FW_CONFIDENCE_HIGH },
    { "h", FW_CONFIDENCE_HIGH },
    { "3", FW_CONFIDENCE_HIGH },
    { "medium", FW_CONFIDENCE_MEDIUM },
    { "med", FW_CONFIDENCE_MEDIUM },
    { "m", FW_CONFIDENCE_MEDIUM },
    { "moderate", FW_CONFIDENCE_MEDIUM },
    { "2", FW_CONFIDENCE_MEDIUM },
    { "low", FW_CONFIDENCE_LOW },
    { "l", FW_CONFIDENCE_LOW },
    { "1", FW_CONFIDENCE_LOW },
    { "unknown", FW_CONFIDENCE_UNKNOWN },
    { "(unknown)", FW_CONFIDENCE_UNKNOWN },
    { "n/a", FW_CONFIDENCE_UNKNOWN },
    { "na", FW_CONFIDENCE_UNKNOWN },
    { "?", FW_CONFIDENCE_UNKNOWN },
  };
  g_autofree char *stripped = NULL;

  if (text == NULL)
    {
      *out_confidence = FW_CONFIDENCE_UNKNOWN;
      return TRUE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      *out_confidence = FW_CONFIDENCE_UNKNOWN;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (g_ascii_strcasecmp (stripped, words[i].word) == 0)
        {
          *out_confidence = words[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
fw_confidence_is_base (FwConfidence confidence)
{
  return confidence == FW_CONFIDENCE_HIGH || confidence == FW_CONFIDENCE_MEDIUM;
}

const char *
fw_continent_to_string (FwContinent continent)
{
  g_return_val_if_fail (continent < FW_N_CONTINENTS, "unknown");

  return continent_names[continent];
}

gboolean
fw_continent_from_string (const char  *text,
                          FwContinent *out_continent)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  for (guint i = 1; i < FW_N_CONTINENTS; i++)
    {
      if (g_ascii_strcasecmp (stripped, continent_names[i]) == 0)
        {
          *out_continent = i;
          return TRUE;
        }
    }

  /* Short forms used on the command line. */
  if (g_ascii_strcasecmp (stripped, "NA") == 0)
    *out_continent = FW_CONTINENT_NORTH_AMERICA;
  else if (g_ascii_strcasecmp (stripped, "SA") == 0)
    *out_continent = FW_CONTINENT_SOUTH_AMERICA;
  else if (g_ascii_strcasecmp (stripped, "north-america") == 0)
    *out_continent = FW_CONTINENT_NORTH_AMERICA;
  else if (g_ascii_strcasecmp (stripped, "south-america") == 0)
    *out_continent = FW_CONTINENT_SOUTH_AMERICA;
  else
    return FALSE;

  return TRUE;
}

const char *
fw_table_to_string (FwTable table)
{
  g_return_val_if_fail (table < FW_N_TABLES, "");

  return table_names[table];
}

/* Whole numbers from FW_YEAR_MIN to FW_YEAR_MAX; "" is unknown. */
gboolean
fw_year_parse (const char *text,
               guint16    *out_year)
{
  const char *p = text;
  const char *end;
  guint value = 0;

  if (text == NULL)
    {
      *out_year = FW_YEAR_UNKNOWN;
      return TRUE;
    }

  while (g_ascii_isspace (*p))
    p++;
  end = p + strlen (p);
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  if (p == end)
    {
      *out_year = FW_YEAR_UNKNOWN;
      return TRUE;
    }

  /* Spreadsheets like to write years as 2015.0 */
  if (end - p > 2 && end[-2] == '.' && end[-1] == '0')
    end -= 2;

  if (end - p > 4)
    return FALSE;

  for (const char *q = p; q < end; q++)
    {
      if (!g_ascii_isdigit (*q))
        return FALSE;
      value = value * 10 + (guint) (*q - '0');
    }

  if (value < FW_YEAR_MIN || value > FW_YEAR_MAX)
    return FALSE;

  *out_year = (guint16) value;
  return TRUE;
}

int
fw_collate_item_compare (gconstpointer a,
                         gconstpointer b)
{
  const FwCollateItem *ia = a;
  const FwCollateItem *ib = b;
  int cmp = strcmp (ia->key, ib->key);

  return cmp != 0 ? cmp : (ia->index > ib->index) - (ia->index < ib->index);
}
