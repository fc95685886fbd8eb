/* test-export-util.h: reading exported PDFs as a test needs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

/* Page count and the first page's size from the PDF's objects; asserts
 * that text is text (embedded fonts) and nothing was rasterised.  The
 * search is bytewise: compressed streams hold NUL bytes. */
static inline void
test_export_pdf_info (const char *data,
                      gsize       size,
                      guint      *n_pages,
                      double     *width,
                      double     *height)
{
  const char *box;
  char *end;
  double x0, y0, x1, y1;

  g_assert_true (size > 5 && memcmp (data, "%PDF-", 5) == 0);
  *n_pages = 0;
  for (gsize i = 0; i + 12 <= size; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      (*n_pages)++;

  box = memmem (data, size, "/MediaBox", 9);
  g_assert_nonnull (box);
  box = memchr (box, '[', size - (box - data));
  g_assert_nonnull (box);
  x0 = g_ascii_strtod (box + 1, &end);
  y0 = g_ascii_strtod (end, &end);
  x1 = g_ascii_strtod (end, &end);
  y1 = g_ascii_strtod (end, &end);
  *width = x1 - x0;
  *height = y1 - y0;

  g_assert_nonnull (memmem (data, size, "/FontFile", 9));
  g_assert_null (memmem (data, size, "/Subtype /Image", 15));
}
