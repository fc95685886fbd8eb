/* fw-map-classify.c: classes for the choropleth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "fw-map-private.h"

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Fisher–Jenks on sorted values: the partition into @k classes with the
 * least sum of squared deviations, by dynamic programming. */
static guint
natural_breaks (const guint *v,
                guint        n,
                guint        k,
                guint       *breaks)
{
  g_autofree double *cost = g_new (double, (gsize) (n + 1) * (k + 1));
  g_autofree guint *cut = g_new0 (guint, (gsize) (n + 1) * (k + 1));
  g_autofree double *sum = g_new0 (double, n + 1);
  g_autofree double *sum2 = g_new0 (double, n + 1);
  guint end = n, out = k;

  for (guint i = 0; i < n; i++)
    {
      sum[i + 1] = sum[i] + v[i];
      sum2[i + 1] = sum2[i] + (double) v[i] * v[i];
    }
  for (guint i = 0; i <= n; i++)
    for (guint j = 0; j <= k; j++)
      cost[i * (k + 1) + j] = G_MAXDOUBLE;
  cost[0] = 0;

  for (guint j = 1; j <= k; j++)
    for (guint i = j; i <= n; i++)
      for (guint s = j - 1; s < i; s++)
        {
          double prev = cost[s * (k + 1) + j - 1];
          double m = i - s, d, c;

          if (prev == G_MAXDOUBLE)
            continue;
          d = sum[i] - sum[s];
          c = prev + (sum2[i] - sum2[s]) - d * d / m;
          if (c < cost[i * (k + 1) + j])
            {
              cost[i * (k + 1) + j] = c;
              cut[i * (k + 1) + j] = s;
            }
        }

  /* Upper bounds, walking back from the last class. */
  while (out > 0)
    {
      breaks[out - 1] = v[end - 1];
      end = cut[end * (k + 1) + out];
      out--;
    }

  return k;
}

guint
fw_map_classify (const guint *values,
                 guint        n_values,
                 FwClassify   method,
                 guint        n_classes,
                 guint       *breaks)
{
  g_autofree guint *v = NULL;
  guint raw[FW_MAP_MAX_CLASSES];
  guint n_raw = 0, n_distinct = 0, n = 0;

  g_return_val_if_fail (n_classes >= 1 && n_classes <= FW_MAP_MAX_CLASSES, 0);

  if (n_values == 0)
    return 0;

  v = g_memdup2 (values, n_values * sizeof (guint));
  qsort (v, n_values, sizeof (guint), compare_values);
  for (guint i = 0; i < n_values; i++)
    n_distinct += i == 0 || v[i] != v[i - 1];
  n_classes = MIN (n_classes, n_distinct);

  switch (method)
    {
    case FW_CLASSIFY_QUANTILE:
      for (guint i = 1; i <= n_classes; i++)
        raw[n_raw++] = v[MAX ((guint) ceil ((double) i * n_values / n_classes), 1) - 1];
      break;
    case FW_CLASSIFY_EQUAL_INTERVAL:
      for (guint i = 1; i <= n_classes; i++)
        raw[n_raw++] = (guint) floor (v[0] - 1 + (double) (v[n_values - 1] - v[0] + 1) * i / n_classes);
      break;
    case FW_CLASSIFY_NATURAL_BREAKS:
    case FW_N_CLASSIFY:
    default:
      n_raw = natural_breaks (v, n_values, n_classes, raw);
      break;
    }

  /* Integer counts: bounds that repeat or fall below the smallest value
   * would make empty classes. */
  for (guint i = 0; i < n_raw; i++)
    if (raw[i] >= v[0] && (n == 0 || raw[i] > breaks[n - 1]))
      breaks[n++] = raw[i];
  if (n == 0 || breaks[n - 1] != v[n_values - 1])
    {
      if (n == n_classes)
        n--;
      breaks[n++] = v[n_values - 1];
    }

  return n;
}
