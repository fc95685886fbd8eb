/* bench-core.c: load, filter and findings timings on a large dataset
 *
 * Prints numbers; never fails on them.  Usage:
 *   bench-core FILE.csv FILE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-median.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "fw-findings.h"
#include "fw-io.h"

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss;
}

static double
time_load (const char *path,
           guint       runs,
           FwDataset **out)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      FwDataset *dataset = fw_io_load (path, NULL, NULL, &error);

      times[i] = (g_get_monotonic_time () - start) / 1e6;
      if (dataset == NULL)
        g_error ("%s: %s", path, error->message);

      if (i + 1 == runs && out != NULL)
        *out = dataset;
      else
        g_object_unref (dataset);
    }

  return bench_median (times, runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwDataset) dataset = NULL;
  g_autoptr(FwQuery) query = NULL;
  FwFilter *filters[6];
  const guint runs = 60;
  g_autofree double *times = g_new (double, runs);
  g_autofree double *query_times = g_new (double, runs);
  double csv_s, json_s, filter_ms, query_ms, filter_max_ms = 0;
  long rss_csv;

  if (argc != 3)
    {
      g_printerr ("usage: %s FILE.csv FILE.json\n", argv[0]);
      return 2;
    }

  /* Peak memory is read right after the CSV loads, before the JSON runs. */
  csv_s = time_load (argv[1], 5, &dataset);
  rss_csv = peak_rss_kib ();
  g_clear_object (&dataset);

  json_s = time_load (argv[2], 3, &dataset);

  g_print ("dataset: %u firms, %u fairs, %u exhibitions; about %.0f MB in memory\n",
           fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS),
           fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS),
           fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS),
           fw_dataset_get_memory_size (dataset) / 1e6);

  /* Filters a person clicks through: each run recomputes every facet's
   * counts and all four findings. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    filters[i] = fw_filter_new ();
  fw_filter_add_value (filters[1], FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_add_value (filters[1], FW_FACET_CONFIDENCE, FW_CONFIDENCE_MEDIUM);
  fw_filter_add_value (filters[2], FW_FACET_HOST_CONTINENT, FW_CONTINENT_ASIA);
  fw_filter_set_years (filters[3], 2010, 2019);
  fw_filter_add_value (filters[4], FW_FACET_FAIR, 0);
  fw_filter_add_value (filters[4], FW_FACET_CONFIDENCE, FW_CONFIDENCE_HIGH);
  fw_filter_set_search (filters[5], "sys");

  query = fw_query_new (dataset);
  fw_query_run (query, filters[0]);   /* first run builds the per-dataset index */

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      FwFindings *findings;

      fw_query_run (query, filters[i % G_N_ELEMENTS (filters)]);
      query_times[i] = (g_get_monotonic_time () - start) / 1e3;
      findings = fw_findings_compute (query);
      times[i] = (g_get_monotonic_time () - start) / 1e3;
      filter_max_ms = MAX (filter_max_ms, times[i]);
      fw_findings_free (findings);
    }
  filter_ms = bench_median (times, runs);
  query_ms = bench_median (query_times, runs);

  g_print ("load flat CSV:    median %.3f s  (target <= 1.0 s)\n", csv_s);
  g_print ("load native JSON: median %.3f s  (target <= 2.0 s)\n", json_s);
  g_print ("filter change + every facet count + four findings: median %.2f ms, max %.2f ms over %u runs  (target <= 20 ms)\n",
           filter_ms, filter_max_ms, runs);
  g_print ("  of which filter and facet counts: median %.2f ms; findings: %.2f ms\n",
           query_ms, filter_ms - query_ms);
  g_print ("peak resident memory: %.0f MB after CSV load, %.0f MB overall  (target <= 300 MB)\n",
           rss_csv / 1024.0, peak_rss_kib () / 1024.0);
  g_print ("RESULT csv_s=%.4f json_s=%.4f filter_ms=%.3f rss_mb=%.0f\n",
           csv_s, json_s, filter_ms, peak_rss_kib () / 1024.0);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    fw_filter_free (filters[i]);

  return 0;
}
