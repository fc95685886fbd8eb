/* fw-generator.h: fictional datasets, for the demonstration and for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-dataset.h"

G_BEGIN_DECLS

/* The bundled demonstration dataset: 224 fictional firms at real fairs,
 * calibrated so that the findings engine reproduces every headline figure
 * of the report.  Deterministic: the same bytes on every run. */
FwDataset *fw_generator_demo   (void);

/* Fictional data of any size, deterministic for a given seed. */
FwDataset *fw_generator_random (guint     n_firms,
                                guint     n_exhibitions,
                                guint64   seed,
                                GError  **error);

G_END_DECLS
