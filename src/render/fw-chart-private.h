/* fw-chart-private.h: the chart's laid-out text, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double   x, y, width, height;   /* logical rectangle */
  gboolean on_mark;               /* written inside a mark */
  char    *text;
} FwChartTextBox;

/* Every text of the last layout, in drawing order. */
GArray *fw_chart_get_text_boxes (FwChart *self);

G_END_DECLS
