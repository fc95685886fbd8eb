/* fw-validate.c: checking a whole dataset, and a value as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fw-edit-private.h"
#include "fw-validate.h"

typedef struct
{
  guint64 key;
  guint   row;
} Triple;

static int
compare_triples (gconstpointer a,
                 gconstpointer b)
{
  const Triple *ta = a, *tb = b;

  if (ta->key != tb->key)
    return ta->key < tb->key ? -1 : 1;

  return (ta->row > tb->row) - (ta->row < tb->row);
}

static void
check_duplicates (FwDataset       *dataset,
                  const FwColumns *columns,
                  const char      *file,
                  FwProblems      *problems)
{
  g_autofree Triple *triples = g_new (Triple, MAX (columns->n_exhibitions, 1));

  for (guint i = 0; i < columns->n_exhibitions; i++)
    {
      triples[i].key = ((guint64) columns->exhibition_firm[i] << 40) |
                       ((guint64) (columns->exhibition_fair[i] & 0xffffff) << 16) |
                       columns->exhibition_year[i];
      triples[i].row = i;
    }
  qsort (triples, columns->n_exhibitions, sizeof (Triple), compare_triples);

  for (guint i = 1; i < columns->n_exhibitions; i++)
    if (triples[i].key == triples[i - 1].key)
      {
        g_autofree char *what = fw_dataset_describe_row (dataset, FW_TABLE_EXHIBITIONS, triples[i].row);

        fw_problems_report (problems, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_DUPLICATE_RECORD,
                            file, 0, 0, FW_TABLE_EXHIBITIONS, (gint) triples[i].row,
                            _("exhibition %u (%s) repeats exhibition %u: the same firm at the same "
                              "fair in the same year; delete one of them"),
                            triples[i].row + 1, what, triples[i - 1].row + 1);
      }
}

static gboolean
is_blank (FwDataset  *dataset,
          FwTable     table,
          guint       row)
{
  g_autofree char *id = fw_dataset_get_raw (dataset, table, row, table == FW_TABLE_FIRMS ? FW_FIELD_FIRM_ID : FW_FIELD_FAIR_ID, 0);
  g_autofree char *name = fw_dataset_get_raw (dataset, table, row, table == FW_TABLE_FIRMS ? FW_FIELD_FIRM_NAME : FW_FIELD_FAIR_NAME, 0);

  if (table == FW_TABLE_FAIRS)
    {
      g_autofree char *city = fw_dataset_get_raw (dataset, table, row, FW_FIELD_FAIR_CITY, 0);

      /* A fair may be known only by its country ("fairs in Russia"). */
      return id[0] == '\0' && name[0] == '\0' && city[0] == '\0' &&
             fw_dataset_get_fair_host (dataset, row) == FW_COUNTRY_UNKNOWN;
    }

  return id[0] == '\0' && name[0] == '\0';
}

void
fw_validate_dataset (FwDataset  *dataset,
                     const char *file,
                     FwProblems *problems)
{
  FwCountries *countries;
  g_autofree guint *firm_exhibitions = NULL;
  g_autofree guint *fair_exhibitions = NULL;
  g_autofree guint8 *blank_firm = NULL;
  g_autofree guint8 *blank_fair = NULL;
  FwColumns columns;
  guint n_countries;

  g_return_if_fail (FW_IS_DATASET (dataset));
  g_return_if_fail (problems != NULL);

  fw_dataset_get_columns (dataset, &columns);
  countries = fw_dataset_get_countries (dataset);
  n_countries = fw_countries_get_n_ids (countries);
  firm_exhibitions = g_new0 (guint, columns.n_firms + 1);
  fair_exhibitions = g_new0 (guint, columns.n_fairs + 1);
  blank_firm = g_new0 (guint8, columns.n_firms + 1);
  blank_fair = g_new0 (guint8, columns.n_fairs + 1);

  for (guint i = 0; i < columns.n_exhibitions; i++)
    {
      firm_exhibitions[columns.exhibition_firm[i]]++;
      fair_exhibitions[columns.exhibition_fair[i]]++;
    }

  for (guint f = 0; f < columns.n_firms; f++)
    {
      g_autofree char *name = fw_dataset_describe_row (dataset, FW_TABLE_FIRMS, f);

      blank_firm[f] = is_blank (dataset, FW_TABLE_FIRMS, f);
      if (columns.firm_hq[f] >= n_countries)
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_COUNTRY, file, 0, 0,
                            FW_TABLE_FIRMS, (gint) f,
                            _("firm %u (“%s”): its HQ country is not one Fairwatch knows; choose a country"),
                            f + 1, name);
      else if (columns.firm_hq[f] == FW_COUNTRY_UNKNOWN && firm_exhibitions[f] > 0 && !blank_firm[f])
        fw_problems_report (problems, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INCOMPLETE, file, 0, 0,
                            FW_TABLE_FIRMS, (gint) f,
                            _("firm %u (“%s”) has exhibitions but no HQ country; the findings count it "
                              "as unknown until one is set"),
                            f + 1, name);
      if (columns.firm_confidence[f] >= FW_N_CONFIDENCE)
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_CONFIDENCE, file, 0, 0,
                            FW_TABLE_FIRMS, (gint) f,
                            _("firm %u (“%s”): its confidence is not high, medium or low; choose one"),
                            f + 1, name);
      if (fw_dataset_get_firm_name (dataset, f)[0] == '\0')
        fw_problems_report (problems, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INCOMPLETE, file, 0, 0,
                            FW_TABLE_FIRMS, (gint) f,
                            _("firm %u has no name; give it the name the report uses"), f + 1);
    }

  for (guint a = 0; a < columns.n_fairs; a++)
    {
      g_autofree char *name = fw_dataset_describe_row (dataset, FW_TABLE_FAIRS, a);

      blank_fair[a] = is_blank (dataset, FW_TABLE_FAIRS, a);
      if (columns.fair_host[a] >= n_countries)
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_COUNTRY, file, 0, 0,
                            FW_TABLE_FAIRS, (gint) a,
                            _("fair %u (“%s”): its host country is not one Fairwatch knows; choose a country"),
                            a + 1, name);
      else if (columns.fair_host[a] == FW_COUNTRY_UNKNOWN && fair_exhibitions[a] > 0 && !blank_fair[a])
        fw_problems_report (problems, FW_SEVERITY_WARNING, FW_FORMAT_ERROR_INCOMPLETE, file, 0, 0,
                            FW_TABLE_FAIRS, (gint) a,
                            _("fair %u (“%s”) has exhibitions but no host country; set it on the fair"),
                            a + 1, name);
    }

  for (guint i = 0; i < columns.n_exhibitions; i++)
    {
      guint16 year = columns.exhibition_year[i];

      if (year != FW_YEAR_UNKNOWN && (year < FW_YEAR_MIN || year > FW_YEAR_MAX))
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_YEAR, file, 0, 0,
                            FW_TABLE_EXHIBITIONS, (gint) i,
                            _("exhibition %u: %u is not a year from %u to %u; correct it or leave it empty"),
                            i + 1, year, FW_YEAR_MIN, FW_YEAR_MAX);
      if (blank_firm[columns.exhibition_firm[i]])
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_REFERENCE, file, 0, 0,
                            FW_TABLE_EXHIBITIONS, (gint) i,
                            _("exhibition %u has no firm: its firm has neither a name nor an id; "
                              "choose the firm or delete the exhibition"), i + 1);
      if (blank_fair[columns.exhibition_fair[i]])
        fw_problems_report (problems, FW_SEVERITY_ERROR, FW_FORMAT_ERROR_REFERENCE, file, 0, 0,
                            FW_TABLE_EXHIBITIONS, (gint) i,
                            _("exhibition %u has no fair: its fair has no name, id, city or host "
                              "country; choose the fair or delete the exhibition"), i + 1);
    }

  check_duplicates (dataset, &columns, file, problems);
}

void
fw_validate_merge (FwProblems *problems,
                   FwProblems *checks)
{
  guint n_read = fw_problems_get_n_kept (problems);

  for (guint i = 0; i < fw_problems_get_n_kept (checks); i++)
    {
      const FwProblem *check = fw_problems_get (checks, i);
      gboolean known = FALSE;

      for (guint j = 0; j < n_read && !known; j++)
        {
          const FwProblem *read = fw_problems_get (problems, j);

          known = read->row >= 0 && read->row == check->row && read->table == check->table;
        }
      if (!known)
        fw_problems_add (problems, fw_problem_copy (check));
    }
}

static gint
find_reference (FwDataset  *dataset,
                FwTable     table,
                const char *text)
{
  gint row = table == FW_TABLE_FIRMS ? fw_dataset_find_firm_by_id (dataset, text)
                                     : fw_dataset_find_fair_by_id (dataset, text);

  if (row >= 0)
    return row;

  for (guint i = 0; i < fw_dataset_get_n_rows (dataset, table); i++)
    {
      const char *name = table == FW_TABLE_FIRMS ? fw_dataset_get_firm_name (dataset, i)
                                                 : fw_dataset_get_fair_name (dataset, i);

      if (g_strcmp0 (name, text) == 0)
        return (gint) i;
    }

  return -1;
}

gboolean
fw_dataset_parse_field (FwDataset   *dataset,
                        FwTable      table,
                        gint         row,
                        FwField      field,
                        const char  *text,
                        char       **raw,
                        GError     **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (raw != NULL, FALSE);

  switch (field)
    {
    case FW_FIELD_FIRM_HQ:
    case FW_FIELD_FAIR_HOST:
      {
        FwCountries *countries = fw_dataset_get_countries (dataset);
        FwCountryId id;

        if (value[0] == '\0')
          break;
        id = fw_countries_lookup (countries, value);
        if (id == FW_COUNTRY_UNKNOWN)
          {
            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_COUNTRY,
                         _("“%s” is not a country Fairwatch knows; type its name or ISO code, "
                           "or leave it empty when it is not known"), value);
            return FALSE;
          }
        g_free (value);
        value = g_strdup (fw_countries_get_code (countries, id));
        break;
      }

    case FW_FIELD_FIRM_CONFIDENCE:
      {
        FwConfidence confidence;

        if (!fw_confidence_from_string (value, &confidence))
          {
            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_CONFIDENCE,
                         _("“%s” is not a confidence level; type high, medium or low, or leave it empty"),
                         value);
            return FALSE;
          }
        g_free (value);
        value = g_strdup (confidence == FW_CONFIDENCE_UNKNOWN ? "" : fw_confidence_to_string (confidence));
        break;
      }

    case FW_FIELD_EXHIBITION_YEAR:
      {
        guint16 year;

        if (!fw_year_parse (value, &year))
          {
            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_YEAR,
                         _("“%s” is not a year from %u to %u; leave it empty when it is not known"),
                         value, FW_YEAR_MIN, FW_YEAR_MAX);
            return FALSE;
          }
        g_free (value);
        value = year == FW_YEAR_UNKNOWN ? g_strdup ("") : g_strdup_printf ("%u", year);
        break;
      }

    case FW_FIELD_EXHIBITION_FIRM:
    case FW_FIELD_EXHIBITION_FAIR:
      {
        FwTable target = field == FW_FIELD_EXHIBITION_FIRM ? FW_TABLE_FIRMS : FW_TABLE_FAIRS;
        gint found = find_reference (dataset, target, value);

        if (found < 0)
          {
            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_REFERENCE,
                         target == FW_TABLE_FIRMS ? _("No firm has the id or name “%s”; add the firm first")
                                                  : _("No fair has the id or name “%s”; add the fair first"),
                         value);
            return FALSE;
          }
        g_free (value);
        value = g_strdup_printf ("%d", found);
        break;
      }

    case FW_FIELD_FIRM_NAME:
      if (value[0] == '\0')
        {
          g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_INCOMPLETE,
                       _("A firm needs a name; type the name the report uses"));
          return FALSE;
        }
      break;

    case FW_FIELD_FIRM_ID:
    case FW_FIELD_FAIR_ID:
      {
        gint other = table == FW_TABLE_FIRMS ? fw_dataset_find_firm_by_id (dataset, value)
                                             : fw_dataset_find_fair_by_id (dataset, value);

        if (other >= 0 && other != row)
          {
            g_autofree char *name = fw_dataset_describe_row (dataset, table, (guint) other);

            g_set_error (error, FW_FORMAT_ERROR, FW_FORMAT_ERROR_DUPLICATE_ID,
                         _("The id “%s” is already used by “%s”; ids must be unique"), value, name);
            return FALSE;
          }
        break;
      }

    case FW_FIELD_FIRM_WEBSITE:
    case FW_FIELD_FIRM_NOTES:
    case FW_FIELD_FIRM_SOURCE:
    case FW_FIELD_FAIR_NAME:
    case FW_FIELD_FAIR_CITY:
    case FW_FIELD_EXHIBITION_SOURCE:
    case FW_FIELD_EXHIBITION_NOTE:
    case FW_FIELD_EXTRA:
    case FW_N_FIELDS:
    default:
      break;
    }

  *raw = g_steal_pointer (&value);
  return TRUE;
}
