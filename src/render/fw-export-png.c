/* fw-export-png.c: PNG files written here, with the resolution and the
 * figure's metadata; cairo 1.16 writes neither, and libpng's default
 * filtering is most of the time of a 300 dpi export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-export-private.h"

/* zlib's level: 3 keeps most of level 6's compression on charts' flat
 * colours at a fraction of the time. */
#define ZLIB_LEVEL 3

/* PNG chunks: big-endian length, type, data, CRC-32 of type and data. */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialised, 1);
    }

  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint32 crc = 0xffffffffu;

  append_be32 (out, len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, len);
  crc = crc32_update (crc, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  append_be32 (out, crc ^ 0xffffffffu);
}

/* tEXt is Latin-1: only for ASCII values. */
static void
append_text_chunk (GByteArray *out,
                   const char *keyword,
                   const char *text)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_byte_array_append (data, (const guint8 *) keyword, strlen (keyword) + 1);
  g_byte_array_append (data, (const guint8 *) text, strlen (text));
  append_chunk (out, "tEXt", data->data, data->len);
}

/* iTXt, uncompressed, no language: UTF-8 text. */
static void
append_itext_chunk (GByteArray *out,
                    const char *keyword,
                    const char *text)
{
  static const guint8 flags[] = { 0, 0, 0, 0 };   /* no compression, method, "" language, "" keyword */
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_byte_array_append (data, (const guint8 *) keyword, strlen (keyword) + 1);
  g_byte_array_append (data, flags, sizeof flags);
  g_byte_array_append (data, (const guint8 *) text, strlen (text));
  append_chunk (out, "iTXt", data->data, data->len);
}

/* Scanlines filtered with "Up" (each byte minus the one above), which
 * turns a chart's flat areas into runs of zeros. */
static gboolean
write_image_data (GOutputStream    *stream,
                  cairo_surface_t  *surface,
                  gboolean          opaque,
                  GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  gsize bpp = opaque ? 3 : 4;
  gsize row_len = (gsize) width * bpp;
  g_autofree guint8 *previous = g_malloc0 (row_len);
  g_autofree guint8 *raw = g_malloc (row_len);
  g_autofree guint8 *row = g_malloc (row_len + 1);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);
      guint8 *out = raw;

      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          /* cairo's pixels are premultiplied; PNG's are not. */
          if (!opaque && a != 0 && a != 0xff)
            {
              r = (r * 0xff + a / 2) / a;
              g = (g * 0xff + a / 2) / a;
              b = (b * 0xff + a / 2) / a;
            }
          *out++ = r;
          *out++ = g;
          *out++ = b;
          if (!opaque)
            *out++ = a;
        }

      row[0] = 2;
      for (gsize i = 0; i < row_len; i++)
        row[i + 1] = raw[i] - previous[i];
      memcpy (previous, raw, row_len);

      if (!g_output_stream_write_all (stream, row, row_len + 1, NULL, NULL, error))
        return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}

static gboolean
is_opaque (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((src[x] >> 24) != 0xff)
          return FALSE;
    }

  return TRUE;
}

GBytes *
_fw_export_png_encode (cairo_surface_t  *surface,
                       double            dpi,
                       FwExport         *export,
                       GError          **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (1024 * 1024);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, ZLIB_LEVEL);
  g_autoptr(GOutputStream) deflate = NULL;
  g_autofree char *software = g_strdup_printf ("Fairwatch %s", PACKAGE_VERSION);
  guint32 width = cairo_image_surface_get_width (surface);
  guint32 height = cairo_image_surface_get_height (surface);
  guint32 ppm = (guint32) round (dpi / 0.0254);
  guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };
  gboolean opaque;
  guint8 ihdr[13] = {
    width >> 24, width >> 16, width >> 8, width,
    height >> 24, height >> 16, height >> 8, height,
    8, 0, 0, 0, 0,        /* 8 bits, colour type below, deflate, adaptive filters, no interlace */
  };

  cairo_surface_flush (surface);
  opaque = is_opaque (surface);
  ihdr[9] = opaque ? 2 : 6;   /* RGB, or RGBA */

  deflate = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  if (!write_image_data (deflate, surface, opaque, error))
    return NULL;

  g_byte_array_append (out, (const guint8 *) PNG_SIGNATURE, PNG_SIGNATURE_LEN);
  append_chunk (out, "IHDR", ihdr, sizeof ihdr);
  append_chunk (out, "pHYs", phys, sizeof phys);
  append_text_chunk (out, "Software", software);
  append_itext_chunk (out, "Title", fw_export_get_title (export));
  append_itext_chunk (out, "Description", fw_export_get_caption (export));
  append_itext_chunk (out, "Comment", fw_export_get_source (export));
  if (fw_export_get_notice (export) != NULL)
    append_itext_chunk (out, "Disclaimer", fw_export_get_notice (export));
  append_text_chunk (out, FW_EXPORT_METADATA_KEY, fw_export_get_metadata (export));
  append_chunk (out, "IDAT", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

char *
_fw_export_png_read_metadata (const guint8  *data,
                              gsize          size,
                              GError       **error)
{
  gsize pos = PNG_SIGNATURE_LEN;
  gsize key_len = strlen (FW_EXPORT_METADATA_KEY);

  while (pos + 12 <= size)
    {
      guint32 len = read_be32 (data + pos);
      const guint8 *body = data + pos + 8;

      if ((gsize) len > size - pos - 12)
        {
          g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
                       _("The PNG file is cut short at byte %lu"), (gulong) pos);
          return NULL;
        }
      if (memcmp (data + pos + 4, "tEXt", 4) == 0 && len > key_len &&
          memcmp (body, FW_EXPORT_METADATA_KEY, key_len + 1) == 0)
        return g_strndup ((const char *) body + key_len + 1, len - key_len - 1);
      if (memcmp (data + pos + 4, "IEND", 4) == 0)
        break;
      pos += (gsize) len + 12;
    }

  _fw_export_no_metadata (error);
  return NULL;
}

