/* bench-export.c: a 180 x 120 mm figure at 300 dpi, from view to file
 * bytes, for every view in PNG, SVG and PDF on the demonstration data.
 *
 * Prints medians; never fails on them.  Targets (issue 6): PNG at most
 * 300 ms, SVG and PDF at most 150 ms.  With a dataset file, also the
 * dataset's fingerprint, which the first export of a dataset computes.
 * Usage: bench-export [RUNS [FILE]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw-export.h"
#include "fw-io.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  static const double targets[FW_N_EXPORT_FORMATS] = { 300, 150, 150 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDataset) dataset = fw_io_load_demo (&error);
  g_autoptr(FwExplorer) explorer = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 15;
  double worst[FW_N_EXPORT_FORMATS] = { 0 };

  if (dataset == NULL || runs == 0)
    {
      fprintf (stderr, "bench-export: %s\n", error != NULL ? error->message : "RUNS must be positive");
      return 1;
    }
  explorer = fw_explorer_new (dataset);

  printf ("180 x 120 mm at 300 dpi (PNG 2126 x 1417 px), demonstration data, median of %u runs, "
          "from building the view to the file's bytes:\n", runs);
  printf ("  (in brackets: building the figure, before drawing)\n");
  printf ("  %-14s %18s %18s %18s\n", "view", "PNG ms", "SVG ms", "PDF ms");
  for (FwView view = 0; view < FW_N_VIEWS; view++)
    {
      printf ("  %-14s", fw_view_get_id (view));
      for (FwExportFormat format = 0; format < FW_N_EXPORT_FORMATS; format++)
        {
          g_autofree double *times = g_new (double, runs);
          g_autofree double *build_times = g_new (double, runs);
          FwExportOptions options;

          fw_export_options_init (&options);
          options.format = format;
          for (guint i = 0; i < runs; i++)
            {
              gint64 start = g_get_monotonic_time ();
              g_autoptr(FwExport) export = fw_export_new (explorer, view);
              gint64 built = g_get_monotonic_time ();
              g_autoptr(GBytes) bytes = fw_export_render (export, &options, &error);

              times[i] = (g_get_monotonic_time () - start) / 1000.0;
              build_times[i] = (built - start) / 1000.0;
              if (bytes == NULL)
                {
                  fprintf (stderr, "bench-export: %s\n", error->message);
                  return 1;
                }
            }
          qsort (times, runs, sizeof (double), compare_doubles);
          qsort (build_times, runs, sizeof (double), compare_doubles);
          printf (" %10.1f (%5.1f)", times[runs / 2], build_times[runs / 2]);
          worst[format] = MAX (worst[format], times[runs / 2]);
        }
      printf ("\n");
    }

  printf ("slowest view: PNG %.1f ms (target <= %.0f), SVG %.1f ms (target <= %.0f), PDF %.1f ms (target <= %.0f)\n",
          worst[FW_EXPORT_PNG], targets[FW_EXPORT_PNG], worst[FW_EXPORT_SVG], targets[FW_EXPORT_SVG],
          worst[FW_EXPORT_PDF], targets[FW_EXPORT_PDF]);
  printf ("RESULT export_png_ms=%.1f export_svg_ms=%.1f export_pdf_ms=%.1f\n",
          worst[FW_EXPORT_PNG], worst[FW_EXPORT_SVG], worst[FW_EXPORT_PDF]);

  if (argc > 2)
    {
      g_autoptr(FwDataset) large = fw_io_load (argv[2], NULL, NULL, &error);
      g_autofree double *times = g_new (double, runs);

      if (large == NULL)
        {
          fprintf (stderr, "bench-export: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autofree char *fingerprint = NULL;

          /* The cache is dropped, so that each run computes it. */
          g_object_set_data (G_OBJECT (large), "fw-export-records-digest", NULL);
          fingerprint = fw_export_fingerprint (large);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (times, runs, sizeof (double), compare_doubles);
      printf ("fingerprint of %s (%u firms, %u exhibitions): median %.1f ms\n", argv[2],
              fw_dataset_get_n_rows (large, FW_TABLE_FIRMS), fw_dataset_get_n_rows (large, FW_TABLE_EXHIBITIONS),
              times[runs / 2]);
    }

  return 0;
}
