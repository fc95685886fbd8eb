/* fw-problem.h: located problems found while reading or validating data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-types.h"

G_BEGIN_DECLS

#define FW_FORMAT_ERROR (fw_format_error_quark ())

typedef enum
{
  FW_FORMAT_ERROR_EMPTY,
  FW_FORMAT_ERROR_TOO_LARGE,
  FW_FORMAT_ERROR_BINARY,
  FW_FORMAT_ERROR_ENCODING,
  FW_FORMAT_ERROR_QUOTES,
  FW_FORMAT_ERROR_COLUMNS,
  FW_FORMAT_ERROR_MISSING_COLUMN,
  FW_FORMAT_ERROR_CONFIDENCE,
  FW_FORMAT_ERROR_YEAR,
  FW_FORMAT_ERROR_COUNTRY,
  FW_FORMAT_ERROR_DUPLICATE_ID,
  FW_FORMAT_ERROR_REFERENCE,
  FW_FORMAT_ERROR_JSON,
  FW_FORMAT_ERROR_SHAPE,
  FW_FORMAT_ERROR_UNSUPPORTED,
  FW_FORMAT_ERROR_INVALID,
  FW_FORMAT_ERROR_DUPLICATE_RECORD,
  FW_FORMAT_ERROR_INCOMPLETE,
} FwFormatError;

typedef enum
{
  FW_SEVERITY_ERROR,
  FW_SEVERITY_WARNING,
} FwSeverity;

/* One problem, located in a file (line and column are 1-based, 0 when not
 * known) and, when it concerns a record, in a table. */
typedef struct
{
  FwSeverity     severity;
  FwFormatError  code;
  char          *file;
  guint          line;
  guint          column;
  FwTable        table;
  gint           row;        /* -1 when not about a record */
  char          *message;    /* what is wrong and what to do */
} FwProblem;

#define FW_TYPE_PROBLEM (fw_problem_get_type ())

GQuark      fw_format_error_quark (void);
GType       fw_problem_get_type   (void) G_GNUC_CONST;

FwProblem  *fw_problem_new        (FwSeverity     severity,
                                   FwFormatError  code,
                                   const char    *file,
                                   guint          line,
                                   guint          column,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (6, 7);
FwProblem  *fw_problem_copy       (const FwProblem *problem);
void        fw_problem_free       (FwProblem      *problem);
char       *fw_problem_to_string  (const FwProblem *problem);
GError     *fw_problem_to_error   (const FwProblem *problem);

/* A list of problems with a cap, so that a file with a million bad rows
 * does not produce a million messages.  Past the cap problems are only
 * counted, except the first error, which is always kept so that
 * fw_problems_to_error() can say where it is. */
typedef struct _FwProblems FwProblems;

FwProblems *fw_problems_new          (guint           max_kept);
void        fw_problems_free         (FwProblems     *problems);
void        fw_problems_add          (FwProblems     *problems,
                                      FwProblem      *problem);
/* Adds a problem about @row of @table (-1: about no record) and formats
 * its message only when it is kept: past the cap it is only counted, so
 * that problems nobody will see cost next to nothing. */
void        fw_problems_report       (FwProblems     *problems,
                                      FwSeverity      severity,
                                      FwFormatError   code,
                                      const char     *file,
                                      guint           line,
                                      guint           column,
                                      FwTable         table,
                                      gint            row,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (9, 10);
void        fw_problems_report_valist (FwProblems     *problems,
                                       FwSeverity      severity,
                                       FwFormatError   code,
                                       const char     *file,
                                       guint           line,
                                       guint           column,
                                       FwTable         table,
                                       gint            row,
                                       const char     *format,
                                       va_list         args) G_GNUC_PRINTF (9, 0);
/* TRUE when the list holds as many problems as it keeps: a warning added
 * now would only be counted, and so would an error unless it is the
 * first.  A caller that would spend time on a message or a location
 * checks this first and, for a warning or a later error, calls
 * fw_problems_count() instead; fw_problems_report() does so itself. */
gboolean    fw_problems_is_full      (FwProblems     *problems);
/* Counts a problem of @severity without keeping it.  Do not count the
 * first error: add it, or fw_problems_to_error() cannot say where it is. */
void        fw_problems_count        (FwProblems     *problems,
                                      FwSeverity      severity);
guint       fw_problems_get_n_errors (FwProblems     *problems);
guint       fw_problems_get_n_warnings (FwProblems   *problems);
guint       fw_problems_get_n_kept   (FwProblems     *problems);
const FwProblem *fw_problems_get     (FwProblems     *problems,
                                      guint           index);
/* NULL when there is no error; otherwise the first error, with a hint at
 * how many more there are. */
GError     *fw_problems_to_error     (FwProblems     *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwProblem, fw_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwProblems, fw_problems_free)

G_END_DECLS
