/* fw-export-metadata.c: what a figure file says about itself, written
 * into PNG, SVG and PDF and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-export-private.h"


char *
_fw_export_json_ascii (const char *json)
{
  GString *out = g_string_sized_new (strlen (json) + 16);

  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          c -= 0x10000;
          g_string_append_printf (out, "\\u%04x\\u%04x", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
        }
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  guint64  generation;
  char    *digest;
} CachedFingerprint;

static void
cached_fingerprint_free (CachedFingerprint *cached)
{
  g_free (cached->digest);
  g_free (cached);
}

/* FNV-1a, 64 bits: a row's identity; the digest is SHA-256 over them. */
#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)

static guint64
hash_bytes (guint64     h,
            const void *data,
            gsize       len)
{
  const guint8 *p = data;

  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * FNV_PRIME;

  return h;
}

/* A field and its end, so that "ab","c" and "a","bc" differ. */
static guint64
hash_field (guint64     h,
            const char *text)
{
  if (text != NULL)
    h = hash_bytes (h, text, strlen (text));

  return hash_bytes (h, "\x1f", 1);
}

static guint64
hash_country (guint64      h,
              FwCountries *countries,
              FwCountryId  id)
{
  return hash_field (h, id != FW_COUNTRY_UNKNOWN ? fw_countries_get_code (countries, id) : NULL);
}

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static void
update_sorted (GChecksum *checksum,
               guint64   *hashes,
               guint      n)
{
  qsort (hashes, n, sizeof (guint64), compare_hashes);
  g_checksum_update (checksum, (const guchar *) hashes, (gssize) (n * sizeof (guint64)));
  g_checksum_update (checksum, (const guchar *) "\x1d", 1);
}

/* The digest of the records; cached per generation of the dataset. */
static const char *
records_digest (FwDataset *dataset)
{
  CachedFingerprint *cached;
  g_autoptr(GChecksum) checksum = NULL;
  FwCountries *countries = fw_dataset_get_countries (dataset);
  guint n_firms = fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS);
  guint n_fairs = fw_dataset_get_n_rows (dataset, FW_TABLE_FAIRS);
  guint n_exhibitions = fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS);
  g_autofree guint64 *firms = NULL;
  g_autofree guint64 *fairs = NULL;
  g_autofree guint64 *sorted = NULL;
  g_autofree guint64 *exhibitions = NULL;

  cached = g_object_get_data (G_OBJECT (dataset), "fw-export-records-digest");
  if (cached != NULL && cached->generation == fw_dataset_get_generation (dataset))
    return cached->digest;

  /* Every field the findings can read, row by row, and each table's rows
   * as a sorted set: independent of the file format, its column and row
   * order (a flat CSV lists fairs as they first occur) and extra columns.
   * An exhibition names its firm and fair by their content, not their
   * row. */
  firms = g_new (guint64, MAX (n_firms, 1));
  for (guint i = 0; i < n_firms; i++)
    {
      FwFirmValues v;
      guint64 h = FNV_OFFSET;

      fw_dataset_get_firm (dataset, i, &v);
      h = hash_field (h, v.id);
      h = hash_field (h, v.name);
      h = hash_country (h, countries, v.hq);
      h = hash_field (h, fw_confidence_to_string (v.confidence));
      h = hash_field (h, v.website);
      h = hash_field (h, v.notes);
      firms[i] = hash_field (h, v.source);
    }

  fairs = g_new (guint64, MAX (n_fairs, 1));
  for (guint i = 0; i < n_fairs; i++)
    {
      FwFairValues v;
      guint64 h = FNV_OFFSET;

      fw_dataset_get_fair (dataset, i, &v);
      h = hash_field (h, v.id);
      h = hash_field (h, v.name);
      h = hash_country (h, countries, v.host);
      fairs[i] = hash_field (h, v.city);
    }

  exhibitions = g_new (guint64, MAX (n_exhibitions, 1));
  for (guint i = 0; i < n_exhibitions; i++)
    {
      FwExhibitionValues v;
      guint64 h = FNV_OFFSET;

      fw_dataset_get_exhibition (dataset, i, &v);
      h = hash_bytes (h, &firms[v.firm], sizeof (guint64));
      h = hash_bytes (h, &fairs[v.fair], sizeof (guint64));
      h = hash_bytes (h, &v.year, sizeof v.year);
      h = hash_field (h, v.source);
      exhibitions[i] = hash_field (h, v.note);
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sorted = g_memdup2 (firms, MAX (n_firms, 1) * sizeof (guint64));
  update_sorted (checksum, sorted, n_firms);
  g_clear_pointer (&sorted, g_free);
  sorted = g_memdup2 (fairs, MAX (n_fairs, 1) * sizeof (guint64));
  update_sorted (checksum, sorted, n_fairs);
  update_sorted (checksum, exhibitions, n_exhibitions);

  cached = g_new0 (CachedFingerprint, 1);
  cached->generation = fw_dataset_get_generation (dataset);
  cached->digest = g_strdup (g_checksum_get_string (checksum));
  g_object_set_data_full (G_OBJECT (dataset), "fw-export-records-digest", cached,
                          (GDestroyNotify) cached_fingerprint_free);

  return cached->digest;
}

char *
fw_export_fingerprint (FwDataset *dataset)
{
  g_autoptr(GChecksum) checksum = NULL;
  FwCountries *countries;
  const char *records;
  guint n_ids;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  records = records_digest (dataset);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) records, -1);

  /* The continents and adversaries change the findings too. */
  countries = fw_dataset_get_countries (dataset);
  n_ids = fw_countries_get_n_ids (countries);
  g_checksum_update (checksum, fw_countries_get_continent_array (countries), n_ids);
  g_checksum_update (checksum, fw_countries_get_adversary_array (countries), n_ids);

  return g_strconcat ("sha256:", g_checksum_get_string (checksum), NULL);
}

char *
_fw_export_build_metadata (FwExplorer *explorer,
                           FwView      view)
{
  FwDataset *dataset = fw_explorer_get_dataset (explorer);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *generator_name = g_strdup_printf ("Fairwatch %s", PACKAGE_VERSION);
  g_autofree char *fingerprint = fw_export_fingerprint (dataset);
  g_autofree char *json = NULL;
  const char *title = fw_dataset_get_title (dataset);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, generator_name);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "view");
  json_builder_add_string_value (builder, fw_view_get_id (view));
  json_builder_set_member_name (builder, "dataset");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    json_builder_add_string_value (builder, title);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, fingerprint);
  json_builder_set_member_name (builder, "fictional");
  json_builder_add_boolean_value (builder, fw_dataset_get_fictional (dataset));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "filter");
  json_builder_add_value (builder, fw_filter_to_json (fw_explorer_get_filter (explorer), dataset));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return _fw_export_json_ascii (json);
}

GBytes *
_fw_export_svg_finish (GBytes     *svg,
                       const char *text_elements,
                       FwExport   *export)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autofree char *copy = g_strndup (data, size);
  g_autofree char *title = g_markup_escape_text (fw_export_get_title (export), -1);
  g_autofree char *caption = g_markup_escape_text (fw_export_get_caption (export), -1);
  g_autofree char *metadata = g_markup_escape_text (fw_export_get_metadata (export), -1);
  GString *out = g_string_sized_new (size + strlen (text_elements) + 4096);
  const char *open, *open_end, *close;

  open = strstr (copy, "<svg");
  g_assert (open != NULL);
  open_end = strchr (open, '>');
  close = g_strrstr (copy, "</svg>");
  g_assert (open_end != NULL && close != NULL && close > open_end);

  g_string_append_len (out, copy, open_end + 1 - copy);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>\n"
                          "<metadata><fw:figure xmlns:fw=\"%s\">%s</fw:figure></metadata>\n",
                          title, caption, FW_EXPORT_SVG_NS, metadata);
  g_string_append_len (out, open_end + 1, close - (open_end + 1));
  g_string_append (out, text_elements);
  g_string_append (out, close);

  return g_string_free_to_bytes (out);
}

/* Reading back */

gboolean
_fw_export_no_metadata (GError **error)
{
  g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_NO_METADATA,
               _("This file is not a figure exported by Fairwatch: it carries no view or filter"));
  return FALSE;
}

typedef struct
{
  gboolean  in_figure;
  GString  *text;
} SvgReader;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgReader *reader = user_data;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "xmlns") && g_str_equal (values[i], FW_EXPORT_SVG_NS))
      reader->in_figure = TRUE;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgReader *reader = user_data;

  reader->in_figure = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->in_figure)
    {
      if (reader->text == NULL)
        reader->text = g_string_new (NULL);
      g_string_append_len (reader->text, text, len);
    }
}

static char *
read_svg (const char  *data,
          gsize        size,
          GError     **error)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgReader reader = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_markup_parse_context_parse (context, data, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      int line = 0, column = 0;

      g_markup_parse_context_get_position (context, &line, &column);
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
                   _("The SVG file is not well-formed XML (line %d, column %d): %s"),
                   line, column, local_error->message);
      if (reader.text != NULL)
        g_string_free (reader.text, TRUE);
      return NULL;
    }

  if (reader.text == NULL)
    {
      _fw_export_no_metadata (error);
      return NULL;
    }

  return g_string_free (reader.text, FALSE);
}

/* A PDF string object: (literal) with backslash escapes, or <hex>;
 * UTF-16BE when it starts with a byte order mark. */
static char *
read_pdf_string (const char *p,
                 const char *end)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && *p == '(')
    {
      int depth = 1;

      for (p++; p < end; p++)
        {
          guint8 c = *p;

          if (c == '\\' && p + 1 < end)
            {
              c = *++p;
              switch (c)
                {
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case '\r':
                case '\n':
                  continue;
                default:
                  if (c >= '0' && c <= '7')
                    {
                      int v = c - '0';

                      for (int k = 0; k < 2 && p + 1 < end && p[1] >= '0' && p[1] <= '7'; k++)
                        v = v * 8 + (*++p - '0');
                      c = v;
                    }
                  break;
                }
            }
          else if (c == '(')
            depth++;
          else if (c == ')' && --depth == 0)
            break;
          g_byte_array_append (bytes, &c, 1);
        }
      if (depth != 0)
        return NULL;
    }
  else if (p < end && *p == '<')
    {
      int high = -1;

      for (p++; p < end && *p != '>'; p++)
        {
          int v = g_ascii_xdigit_value (*p);

          if (v < 0)
            continue;
          if (high < 0)
            high = v;
          else
            {
              guint8 b = high * 16 + v;

              g_byte_array_append (bytes, &b, 1);
              high = -1;
            }
        }
    }
  else
    return NULL;

  if (bytes->len >= 2 && bytes->data[0] == 0xfe && bytes->data[1] == 0xff)
    return g_convert ((const char *) bytes->data + 2, bytes->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);

  return g_strndup ((const char *) bytes->data, bytes->len);
}

static char *
read_pdf (const char  *data,
          gsize        size,
          GError     **error)
{
  static const char key[] = "/Keywords";
  const char *end = data + size;
  const char *p = data;

  /* The last one wins: incremental updates append a newer Info. */
  const char *found = NULL;

  while ((p = memmem (p, end - p, key, sizeof key - 1)) != NULL)
    {
      found = p;
      p += sizeof key - 1;
    }

  if (found != NULL)
    {
      g_autofree char *keywords = read_pdf_string (found + sizeof key - 1, end);

      if (keywords != NULL && g_str_has_prefix (keywords, FW_EXPORT_METADATA_KEY " "))
        return g_strdup (keywords + strlen (FW_EXPORT_METADATA_KEY " "));
    }

  _fw_export_no_metadata (error);
  return NULL;
}

static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   char       **value,
                   gboolean     required,
                   GError     **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *value = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!required && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
               _("The figure’s metadata has no valid “%s”"), name);
  return FALSE;
}

FwExportMetadata *
fw_export_metadata_read (GBytes  *data,
                         GError **error)
{
  g_autoptr(FwExportMetadata) metadata = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  const char *bytes;
  JsonObject *root, *dataset;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size > PNG_SIGNATURE_LEN && memcmp (bytes, PNG_SIGNATURE, PNG_SIGNATURE_LEN) == 0)
    json = _fw_export_png_read_metadata ((const guint8 *) bytes, size, error);
  else if (size > 5 && memcmp (bytes, "%PDF-", 5) == 0)
    json = read_pdf (bytes, size, error);
  else if (bytes != NULL && memmem (bytes, MIN (size, 4096), "<svg", 4) != NULL)
    json = read_svg (bytes, size, error);
  else
    _fw_export_no_metadata (error);

  if (json == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, json, -1, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
                   _("The figure’s metadata is damaged: %s"),
                   local_error != NULL ? local_error->message : _("not a JSON object"));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  dataset = json_object_has_member (root, "dataset") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "dataset"))
            ? json_object_get_object_member (root, "dataset") : NULL;
  metadata = g_new0 (FwExportMetadata, 1);
  if (!get_string_member (root, "generator", &metadata->generator, FALSE, error) ||
      !get_string_member (root, "view", &metadata->view, TRUE, error) ||
      !get_string_member (dataset, "fingerprint", &metadata->fingerprint, TRUE, error) ||
      !get_string_member (dataset, "title", &metadata->dataset, FALSE, error))
    return NULL;

  if (!json_object_has_member (root, "filter"))
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
                   _("The figure’s metadata has no valid “%s”"), "filter");
      return NULL;
    }
  metadata->filter = json_node_copy (json_object_get_member (root, "filter"));

  return g_steal_pointer (&metadata);
}

gboolean
fw_export_metadata_resolve (FwExportMetadata  *metadata,
                            FwDataset         *dataset,
                            FwView            *view,
                            FwFilter         **filter,
                            GError           **error)
{
  g_autofree char *fingerprint = NULL;
  FwView found;

  g_return_val_if_fail (metadata != NULL, FALSE);
  g_return_val_if_fail (FW_IS_DATASET (dataset), FALSE);

  if (!fw_view_from_id (metadata->view, &found))
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_METADATA,
                   _("The figure shows the view “%s”, which this version of Fairwatch does not have"),
                   metadata->view);
      return FALSE;
    }

  fingerprint = fw_export_fingerprint (dataset);
  if (g_strcmp0 (fingerprint, metadata->fingerprint) != 0)
    {
      g_set_error (error, FW_EXPORT_ERROR, FW_EXPORT_ERROR_OTHER_DATASET,
                   _("This figure was made from another dataset (“%s”); open that dataset first, then the figure"),
                   metadata->dataset != NULL ? metadata->dataset : _("Untitled dataset"));
      return FALSE;
    }

  if (filter != NULL && (*filter = fw_filter_from_json (metadata->filter, dataset, error)) == NULL)
    return FALSE;

  if (view != NULL)
    *view = found;

  return TRUE;
}

void
fw_export_metadata_free (FwExportMetadata *metadata)
{
  if (metadata == NULL)
    return;

  g_free (metadata->generator);
  g_free (metadata->view);
  g_free (metadata->fingerprint);
  g_free (metadata->dataset);
  g_clear_pointer (&metadata->filter, json_node_unref);
  g_free (metadata);
}
