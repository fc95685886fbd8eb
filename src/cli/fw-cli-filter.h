/* fw-cli-filter.h: the filter options shared by the subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"
#include "fw-filter.h"

G_BEGIN_DECLS

typedef struct
{
  char *confidence;
  char *years;
  char *hq;
  char *exclude_hq;
  char *hq_continent;
  char *host;
  char *exclude_host;
  char *host_continent;
  char *fair;
  char *adversary_host;
  char *search;
} FwCliFilterOptions;

GOptionGroup *fw_cli_filter_option_group (FwCliFilterOptions *options);
void          fw_cli_filter_options_clear (FwCliFilterOptions *options);

/* The dataset at @path, or the demonstration data when @path is NULL. */
FwDataset    *fw_cli_load_dataset         (const char         *path,
                                           GError            **error);

/* Applies the options to a new filter; fails with a message naming the
 * option and the value it did not understand. */
FwFilter     *fw_cli_filter_build         (FwCliFilterOptions *options,
                                           FwDataset          *dataset,
                                           GError            **error);

G_END_DECLS
