/* fw-validate.h: checking a whole dataset, and a value as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"
#include "fw-problem.h"

G_BEGIN_DECLS

/* Adds to @problems, about records (table and row, no line), everything
 * a curator should look at: unknown countries, years out of range, bad
 * confidence values, the same firm at the same fair in the same year
 * twice, exhibitions whose firm or fair is blank, firms with exhibitions
 * but no HQ country, fairs with exhibitions but no host country, firms
 * without a name.  @file names the dataset in the messages. */
void      fw_validate_dataset     (FwDataset   *dataset,
                                   const char  *file,
                                   FwProblems  *problems);

/* Adds to @problems (what a reader reported) the checks of @checks about
 * records it does not already mention, so that a repeated row the CSV
 * reader located by line is not listed twice. */
void      fw_validate_merge       (FwProblems  *problems,
                                   FwProblems  *checks);

/* Turns what a person typed into a raw value (see fw_dataset_get_raw()):
 * a country's name or code, a confidence level, a year, an exhibition's
 * firm or fair by id or name.  @row is the record being edited (-1 for a
 * new one), so that an id may stay its own.  FALSE with a message saying
 * what to type instead. */
gboolean  fw_dataset_parse_field  (FwDataset   *dataset,
                                   FwTable      table,
                                   gint         row,
                                   FwField      field,
                                   const char  *text,
                                   char       **raw,
                                   GError     **error);

G_END_DECLS
