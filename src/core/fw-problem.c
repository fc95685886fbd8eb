/* fw-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-problem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-problem.h"

G_DEFINE_QUARK (fw-format-error-quark, fw_format_error)
G_DEFINE_BOXED_TYPE (FwProblem, fw_problem, fw_problem_copy, fw_problem_free)

struct _FwProblems
{
  GPtrArray *kept;
  guint      max_kept;
  guint      n_errors;
  guint      n_warnings;
  guint      first_error;    /* index in kept, G_MAXUINT when none */
};

static FwProblem *
problem_new_valist (FwSeverity     severity,
                    FwFormatError  code,
                    const char    *file,
                    guint          line,
                    guint          column,
                    const char    *format,
                    va_list        args) G_GNUC_PRINTF (6, 0);

static FwProblem *
problem_new_valist (FwSeverity     severity,
                    FwFormatError  code,
                    const char    *file,
                    guint          line,
                    guint          column,
                    const char    *format,
                    va_list        args)
{
  FwProblem *problem = g_new0 (FwProblem, 1);

  problem->severity = severity;
  problem->code = code;
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->table = FW_TABLE_FIRMS;
  problem->row = -1;
  problem->message = g_strdup_vprintf (format, args);

  return problem;
}

FwProblem *
fw_problem_new (FwSeverity     severity,
                FwFormatError  code,
                const char    *file,
                guint          line,
                guint          column,
                const char    *format,
                ...)
{
  FwProblem *problem;
  va_list args;

  va_start (args, format);
  problem = problem_new_valist (severity, code, file, line, column, format, args);
  va_end (args);

  return problem;
}

FwProblem *
fw_problem_copy (const FwProblem *problem)
{
  FwProblem *copy = g_memdup2 (problem, sizeof *problem);

  copy->file = g_strdup (problem->file);
  copy->message = g_strdup (problem->message);

  return copy;
}

void
fw_problem_free (FwProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

/* FILE:LINE:COLUMN: severity: message, the form compilers use, so that
 * editors and terminals can jump to the location. */
char *
fw_problem_to_string (const FwProblem *problem)
{
  GString *str = g_string_new (problem->file != NULL ? problem->file : "");

  if (problem->line > 0)
    {
      g_string_append_printf (str, ":%u", problem->line);
      if (problem->column > 0)
        g_string_append_printf (str, ":%u", problem->column);
    }

  g_string_append_printf (str, ": %s: %s",
                          problem->severity == FW_SEVERITY_ERROR ? _("error") : _("warning"),
                          problem->message);

  return g_string_free (str, FALSE);
}

GError *
fw_problem_to_error (const FwProblem *problem)
{
  g_autofree char *text = fw_problem_to_string (problem);

  return g_error_new_literal (FW_FORMAT_ERROR, problem->code, text);
}

FwProblems *
fw_problems_new (guint max_kept)
{
  FwProblems *problems = g_new0 (FwProblems, 1);

  problems->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_problem_free);
  problems->max_kept = max_kept > 0 ? max_kept : G_MAXUINT;
  problems->first_error = G_MAXUINT;

  return problems;
}

void
fw_problems_free (FwProblems *problems)
{
  if (problems == NULL)
    return;

  g_ptr_array_unref (problems->kept);
  g_free (problems);
}

/* The first error is kept even past the cap: warnings that came first
 * must not leave fw_problems_to_error() unable to say where it is. */
static gboolean
keeps (FwProblems *problems,
       FwSeverity  severity)
{
  return !fw_problems_is_full (problems) ||
         (severity == FW_SEVERITY_ERROR && problems->first_error == G_MAXUINT);
}

void
fw_problems_add (FwProblems *problems,
                 FwProblem  *problem)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (problem != NULL);

  fw_problems_count (problems, problem->severity);
  if (!keeps (problems, problem->severity))
    {
      fw_problem_free (problem);
      return;
    }

  if (problem->severity == FW_SEVERITY_ERROR && problems->first_error == G_MAXUINT)
    problems->first_error = problems->kept->len;

  g_ptr_array_add (problems->kept, problem);
}

void
fw_problems_report (FwProblems    *problems,
                    FwSeverity     severity,
                    FwFormatError  code,
                    const char    *file,
                    guint          line,
                    guint          column,
                    FwTable        table,
                    gint           row,
                    const char    *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  fw_problems_report_valist (problems, severity, code, file, line, column, table, row, format, args);
  va_end (args);
}

void
fw_problems_report_valist (FwProblems    *problems,
                           FwSeverity     severity,
                           FwFormatError  code,
                           const char    *file,
                           guint          line,
                           guint          column,
                           FwTable        table,
                           gint           row,
                           const char    *format,
                           va_list        args)
{
  FwProblem *problem;

  g_return_if_fail (problems != NULL);

  if (!keeps (problems, severity))
    {
      fw_problems_count (problems, severity);
      return;
    }

  problem = problem_new_valist (severity, code, file, line, column, format, args);
  problem->table = table;
  problem->row = row;
  fw_problems_add (problems, problem);
}

gboolean
fw_problems_is_full (FwProblems *problems)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  return problems->kept->len >= problems->max_kept;
}

void
fw_problems_count (FwProblems *problems,
                   FwSeverity  severity)
{
  g_return_if_fail (problems != NULL);

  if (severity == FW_SEVERITY_ERROR)
    problems->n_errors++;
  else
    problems->n_warnings++;
}

guint
fw_problems_get_n_errors (FwProblems *problems)
{
  return problems->n_errors;
}

guint
fw_problems_get_n_warnings (FwProblems *problems)
{
  return problems->n_warnings;
}

guint
fw_problems_get_n_kept (FwProblems *problems)
{
  return problems->kept->len;
}

const FwProblem *
fw_problems_get (FwProblems *problems,
                 guint       index)
{
  g_return_val_if_fail (index < problems->kept->len, NULL);

  return g_ptr_array_index (problems->kept, index);
}

GError *
fw_problems_to_error (FwProblems *problems)
{
  const FwProblem *first;
  g_autofree char *text = NULL;

  if (problems->n_errors == 0)
    return NULL;

  if (problems->first_error == G_MAXUINT)
    return g_error_new (FW_FORMAT_ERROR, FW_FORMAT_ERROR_INVALID,
                        ngettext ("%u error found", "%u errors found", problems->n_errors),
                        problems->n_errors);

  first = g_ptr_array_index (problems->kept, problems->first_error);
  text = fw_problem_to_string (first);

  if (problems->n_errors == 1)
    return g_error_new_literal (FW_FORMAT_ERROR, first->code, text);

  return g_error_new (FW_FORMAT_ERROR, first->code,
                      ngettext ("%s (and %u more error; run “fairwatch validate” to list them all)",
                                "%s (and %u more errors; run “fairwatch validate” to list them all)",
                                problems->n_errors - 1),
                      text, problems->n_errors - 1);
}
