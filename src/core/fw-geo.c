/* fw-geo.c: decoding TopoJSON into closed rings, cut at the antimeridian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-geo"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "fw-geo.h"
#include "fw-resources.h"

#define GEO_RESOURCE "/org/fairwatch/Fairwatch/data/countries-50m.json"

struct _FwGeo
{
  GObject  parent_instance;

  GArray  *points;     /* FwGeoPoint */
  GArray  *rings;      /* FwGeoRing */
  GArray  *polygons;   /* FwGeoPolygon */
  GArray  *features;   /* FwGeoFeature */
  gint    *by_country; /* feature per FwCountryId, -1 for none */
  guint    n_ids;
};

G_DEFINE_FINAL_TYPE (FwGeo, fw_geo, G_TYPE_OBJECT)

G_DEFINE_QUARK (fw-geo-error-quark, fw_geo_error)

static void
feature_clear (gpointer data)
{
  FwGeoFeature *feature = data;

  g_free (feature->name);
}

static void
fw_geo_finalize (GObject *object)
{
  FwGeo *self = (FwGeo *)object;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->polygons, g_array_unref);
  g_clear_pointer (&self->features, g_array_unref);
  g_clear_pointer (&self->by_country, g_free);

  G_OBJECT_CLASS (fw_geo_parent_class)->finalize (object);
}

static void
fw_geo_class_init (FwGeoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_geo_finalize;
}

static void
fw_geo_init (FwGeo *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
  self->rings = g_array_new (FALSE, FALSE, sizeof (FwGeoRing));
  self->polygons = g_array_new (FALSE, FALSE, sizeof (FwGeoPolygon));
  self->features = g_array_new (FALSE, TRUE, sizeof (FwGeoFeature));
  g_array_set_clear_func (self->features, feature_clear);
}

/* Decoded arcs: arc i is points[start[i]..start[i+1]). */
typedef struct
{
  GArray *points;
  GArray *start;
} Arcs;

static gboolean
decode_arcs (JsonArray  *arcs,
             double      scale[2],
             double      translate[2],
             Arcs       *out,
             GError    **error)
{
  guint n = json_array_get_length (arcs);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (arcs, i);
      JsonArray *arc;
      gint64 x = 0, y = 0;
      guint start = out->points->len;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto invalid;
      arc = json_node_get_array (node);
      g_array_append_val (out->start, start);

      for (guint j = 0; j < json_array_get_length (arc); j++)
        {
          JsonNode *pair_node = json_array_get_element (arc, j);
          JsonArray *pair;
          FwGeoPoint point;

          if (!JSON_NODE_HOLDS_ARRAY (pair_node) ||
              json_array_get_length (pair = json_node_get_array (pair_node)) < 2)
            goto invalid;

          /* Quantised and delta-encoded: each position adds to the last. */
          x += json_array_get_int_element (pair, 0);
          y += json_array_get_int_element (pair, 1);
          point.lon = x * scale[0] + translate[0];
          point.lat = y * scale[1] + translate[1];
          g_array_append_val (out->points, point);
        }

      if (out->points->len - start < 2)
        goto invalid;
      continue;

invalid:
      g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                   "arc %u is not a list of at least two [x, y] positions", i);
      return FALSE;
    }

  {
    guint end = out->points->len;

    g_array_append_val (out->start, end);
  }

  return TRUE;
}

/* Appends the ring made of @arc_refs (a negative index is arc ~i reversed)
 * to @ring, which must be empty; shared end points appear once. */
static gboolean
build_ring (JsonArray   *arc_refs,
            const Arcs  *arcs,
            GArray      *ring,
            const char  *name,
            GError     **error)
{
  guint n_arcs = arcs->start->len - 1;
  const guint *start = (const guint *) arcs->start->data;
  const FwGeoPoint *points = (const FwGeoPoint *) arcs->points->data;

  for (guint k = 0; k < json_array_get_length (arc_refs); k++)
    {
      gint64 ref = json_array_get_int_element (arc_refs, k);
      gboolean reversed = ref < 0;
      gint64 index = reversed ? ~ref : ref;
      guint first, last;

      if (index < 0 || index >= n_arcs)
        {
          g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                       "“%s” refers to arc %" G_GINT64_FORMAT ", but there are %u arcs",
                       name, ref, n_arcs);
          return FALSE;
        }

      first = start[index];
      last = start[index + 1] - 1;
      for (guint i = 0; i <= last - first; i++)
        {
          guint p = reversed ? last - i : first + i;

          if (i == 0 && ring->len > 0)
            continue;
          g_array_append_val (ring, points[p]);
        }
    }

  if (ring->len < 4)
    {
      g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                   "“%s” has a ring of fewer than four positions", name);
      return FALSE;
    }

  /* Closed by construction in valid TopoJSON; close it anyway. */
  {
    FwGeoPoint first = g_array_index (ring, FwGeoPoint, 0);
    FwGeoPoint last = g_array_index (ring, FwGeoPoint, ring->len - 1);

    if (first.lon != last.lon || first.lat != last.lat)
      g_array_append_val (ring, first);
  }

  return TRUE;
}

/* Makes longitudes continuous (no step over 180°) starting near @near;
 * returns how far the ring winds in longitude: 0, or ±360 round a pole. */
static double
unwrap (GArray *ring,
        double  near)
{
  FwGeoPoint *p = (FwGeoPoint *) ring->data;
  double offset = 0;

  while (p[0].lon + offset - near > 180)
    offset -= 360;
  while (p[0].lon + offset - near < -180)
    offset += 360;
  p[0].lon += offset;

  for (guint i = 1; i < ring->len; i++)
    {
      double lon = p[i].lon + offset;

      while (lon - p[i - 1].lon > 180)
        {
          lon -= 360;
          offset -= 360;
        }
      while (lon - p[i - 1].lon < -180)
        {
          lon += 360;
          offset += 360;
        }
      p[i].lon = lon;
    }

  return p[ring->len - 1].lon - p[0].lon;
}

/* Sutherland–Hodgman against one vertical line: keeps the side where
 * sign * (lon - line) <= 0. */
static void
clip_ring (GArray *in,
           GArray *out,
           double  line,
           double  sign)
{
  const FwGeoPoint *p = (const FwGeoPoint *) in->data;

  g_array_set_size (out, 0);
  for (guint i = 0; i + 1 < in->len; i++)
    {
      FwGeoPoint a = p[i], b = p[i + 1];
      gboolean a_in = sign * (a.lon - line) <= 0;
      gboolean b_in = sign * (b.lon - line) <= 0;

      if (a_in)
        g_array_append_val (out, a);
      if (a_in != b_in)
        {
          FwGeoPoint cut = { line, a.lat + (b.lat - a.lat) * (line - a.lon) / (b.lon - a.lon) };

          g_array_append_val (out, cut);
        }
    }
  if (out->len > 0)
    {
      FwGeoPoint first = g_array_index (out, FwGeoPoint, 0);

      g_array_append_val (out, first);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
ring_area (const FwGeoPoint *p,
           guint             n)
{
  double sum = 0, lat = 0;

  for (guint i = 0; i + 1 < n; i++)
    {
      sum += p[i].lon * p[i + 1].lat - p[i + 1].lon * p[i].lat;
      lat += p[i].lat;
    }

  /* Degrees of longitude shrink with the cosine of the latitude. */
  return fabs (sum) / 2 * cos (lat / MAX (n - 1, 1) * G_PI / 180);
}

/* Adds the polygon whose rings (outer first) are in @rings, already
 * unwrapped, shifted by @shift and clipped to -180..180. */
static void
add_clipped_polygon (FwGeo     *self,
                     GPtrArray *rings,
                     double     shift)
{
  g_autoptr(GArray) shifted = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
  g_autoptr(GArray) half = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
  g_autoptr(GArray) clipped = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
  FwGeoPolygon polygon = { self->rings->len, 0, 0 };

  for (guint r = 0; r < rings->len; r++)
    {
      GArray *ring = g_ptr_array_index (rings, r);
      FwGeoRing out;

      g_array_set_size (shifted, 0);
      g_array_append_vals (shifted, ring->data, ring->len);
      for (guint i = 0; i < shifted->len; i++)
        g_array_index (shifted, FwGeoPoint, i).lon += shift;

      clip_ring (shifted, half, 180, 1);
      clip_ring (half, clipped, -180, -1);
      if (clipped->len < 4)
        {
          if (r == 0)
            return;
          continue;
        }

      out.first = self->points->len;
      out.n_points = clipped->len;
      g_array_append_vals (self->points, clipped->data, clipped->len);
      g_array_append_val (self->rings, out);
      polygon.n_rings++;
      if (r == 0)
        polygon.area = ring_area ((const FwGeoPoint *) clipped->data, clipped->len);
    }

  g_array_append_val (self->polygons, polygon);
}

/* One TopoJSON polygon (a list of rings); may become two polygons when it
 * crosses the antimeridian. */
static gboolean
add_polygon (FwGeo       *self,
             JsonArray   *ring_refs,
             const Arcs  *arcs,
             const char  *name,
             GError     **error)
{
  g_autoptr(GPtrArray) rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double min_lon = G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;

  for (guint r = 0; r < json_array_get_length (ring_refs); r++)
    {
      JsonNode *node = json_array_get_element (ring_refs, r);
      GArray *ring = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
      double winding;

      g_ptr_array_add (rings, ring);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                       "“%s” has a ring that is not a list of arcs", name);
          return FALSE;
        }
      if (!build_ring (json_node_get_array (node), arcs, ring, name, error))
        return FALSE;

      winding = unwrap (ring, r == 0 ? g_array_index (ring, FwGeoPoint, 0).lon
                                     : g_array_index ((GArray *) g_ptr_array_index (rings, 0), FwGeoPoint, 0).lon);
      if (fabs (winding) > 180)
        {
          /* Round a pole (Antarctica): close the ring along the pole's
           * parallel, which makes an ordinary polygon 360° wide. */
          FwGeoPoint last = g_array_index (ring, FwGeoPoint, ring->len - 1);
          FwGeoPoint first = g_array_index (ring, FwGeoPoint, 0);
          double pole = 0;

          for (guint i = 0; i < ring->len; i++)
            pole += g_array_index (ring, FwGeoPoint, i).lat;
          pole = pole < 0 ? -90 : 90;
          /* In steps, so that no edge spans half the world. */
          for (guint i = 0; i <= 4; i++)
            g_array_append_vals (ring, &(FwGeoPoint) { last.lon + (first.lon - last.lon) * i / 4, pole }, 1);
          g_array_append_val (ring, first);
        }

      for (guint i = 0; i < ring->len; i++)
        {
          min_lon = MIN (min_lon, g_array_index (ring, FwGeoPoint, i).lon);
          max_lon = MAX (max_lon, g_array_index (ring, FwGeoPoint, i).lon);
        }
    }

  if (rings->len == 0)
    return TRUE;

  add_clipped_polygon (self, rings, 0);
  if (max_lon > 180)
    add_clipped_polygon (self, rings, -360);
  if (min_lon < -180)
    add_clipped_polygon (self, rings, 360);

  return TRUE;
}

/* A point inside @polygon: the middle of the widest span cut by one of a
 * few horizontal lines, preferring lines near the middle. */
static FwGeoPoint
polygon_anchor (FwGeo              *self,
                const FwGeoPolygon *polygon)
{
  const FwGeoRing *rings = (const FwGeoRing *) self->rings->data;
  const FwGeoPoint *points = (const FwGeoPoint *) self->points->data;
  const FwGeoRing *outer = &rings[polygon->first_ring];
  double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double best_score = -1;
  FwGeoPoint best = points[outer->first];
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < outer->n_points; i++)
    {
      south = MIN (south, points[outer->first + i].lat);
      north = MAX (north, points[outer->first + i].lat);
    }

  for (guint k = 1; k < 16; k++)
    {
      double lat = south + (north - south) * k / 16.0;
      double weight = 1 - 0.6 * fabs ((double) k - 8) / 8.0;

      g_array_set_size (xs, 0);
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          const FwGeoRing *ring = &rings[polygon->first_ring + r];

          for (guint i = 0; i + 1 < ring->n_points; i++)
            {
              FwGeoPoint a = points[ring->first + i], b = points[ring->first + i + 1];

              if ((a.lat > lat) != (b.lat > lat))
                {
                  double x = a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);

                  g_array_append_val (xs, x);
                }
            }
        }

      g_array_sort (xs, compare_doubles);
      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double x0 = g_array_index (xs, double, i), x1 = g_array_index (xs, double, i + 1);
          double score = (x1 - x0) * cos (lat * G_PI / 180) * weight;

          if (score > best_score)
            {
              best_score = score;
              best.lon = (x0 + x1) / 2;
              best.lat = lat;
            }
        }
    }

  return best;
}

static void
finish_feature (FwGeo        *self,
                FwGeoFeature *feature)
{
  const FwGeoPolygon *polygons = (const FwGeoPolygon *) self->polygons->data;
  const FwGeoRing *rings = (const FwGeoRing *) self->rings->data;
  const FwGeoPoint *points = (const FwGeoPoint *) self->points->data;
  const FwGeoPolygon *largest = NULL;

  feature->west = feature->south = G_MAXDOUBLE;
  feature->east = feature->north = -G_MAXDOUBLE;

  for (guint i = 0; i < feature->n_polygons; i++)
    {
      const FwGeoPolygon *polygon = &polygons[feature->first_polygon + i];
      const FwGeoRing *outer = &rings[polygon->first_ring];

      if (largest == NULL || polygon->area > largest->area)
        largest = polygon;
      for (guint j = 0; j < outer->n_points; j++)
        {
          const FwGeoPoint *p = &points[outer->first + j];

          feature->west = MIN (feature->west, p->lon);
          feature->east = MAX (feature->east, p->lon);
          feature->south = MIN (feature->south, p->lat);
          feature->north = MAX (feature->north, p->lat);
        }
    }

  if (largest != NULL)
    feature->anchor = polygon_anchor (self, largest);
}

static gboolean
read_vector (JsonObject *object,
             const char *member,
             double      out[2])
{
  JsonArray *array;

  if (!json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    return FALSE;
  array = json_object_get_array_member (object, member);
  if (json_array_get_length (array) < 2)
    return FALSE;
  out[0] = json_array_get_double_element (array, 0);
  out[1] = json_array_get_double_element (array, 1);

  return TRUE;
}

/* The polygons one geometry added. */
typedef struct
{
  guint feature;
  guint first;
  guint n;
} Chunk;

static gboolean
decode (FwGeo        *self,
        JsonNode     *root,
        FwCountries  *countries,
        GError      **error)
{
  JsonObject *topology, *transform, *objects, *collection;
  JsonArray *geometries;
  double scale[2], translate[2];
  g_autoptr(GArray) chunks = NULL;
  Arcs arcs;
  gboolean ok = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (topology = json_node_get_object (root), "arcs") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (topology, "arcs")))
    {
      g_set_error_literal (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                           "not a TopoJSON topology: no “arcs” list");
      return FALSE;
    }
  if (!json_object_has_member (topology, "transform") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (topology, "transform")) ||
      !read_vector (transform = json_object_get_object_member (topology, "transform"), "scale", scale) ||
      !read_vector (transform, "translate", translate))
    {
      g_set_error_literal (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                           "the topology has no quantisation “transform” with “scale” and “translate”");
      return FALSE;
    }
  if (!json_object_has_member (topology, "objects") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (topology, "objects")) ||
      !json_object_has_member (objects = json_object_get_object_member (topology, "objects"), "countries") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (objects, "countries")) ||
      !json_object_has_member (collection = json_object_get_object_member (objects, "countries"), "geometries") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (collection, "geometries")))
    {
      g_set_error_literal (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                           "the topology has no “countries” object with “geometries”");
      return FALSE;
    }

  chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  arcs.points = g_array_new (FALSE, FALSE, sizeof (FwGeoPoint));
  arcs.start = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!decode_arcs (json_object_get_array_member (topology, "arcs"), scale, translate, &arcs, error))
    goto out;

  self->n_ids = fw_countries_get_n_ids (countries);
  self->by_country = g_new (gint, self->n_ids);
  for (guint i = 0; i < self->n_ids; i++)
    self->by_country[i] = -1;

  geometries = json_object_get_array_member (collection, "geometries");
  for (guint g = 0; g < json_array_get_length (geometries); g++)
    {
      JsonNode *node = json_array_get_element (geometries, g);
      JsonObject *geometry, *properties = NULL;
      const char *type, *id = NULL, *ne_name = NULL;
      g_autofree char *fallback = NULL;
      JsonArray *parts;
      FwCountryId country = FW_COUNTRY_UNKNOWN;
      guint feature_index;
      Chunk chunk;
      gboolean multi;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (type = json_object_get_string_member_with_default (geometry = json_node_get_object (node), "type", NULL)) == NULL)
        {
          g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID, "geometry %u has no type", g);
          goto out;
        }
      if (json_object_has_member (geometry, "properties") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (geometry, "properties")))
        properties = json_object_get_object_member (geometry, "properties");
      if (properties != NULL)
        ne_name = json_object_get_string_member_with_default (properties, "name", NULL);
      if (ne_name == NULL)
        ne_name = fallback = g_strdup_printf ("geometry %u", g);

      multi = g_str_equal (type, "MultiPolygon");
      if (!multi && !g_str_equal (type, "Polygon"))
        continue;
      if (!json_object_has_member (geometry, "arcs") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (geometry, "arcs")))
        {
          g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID, "“%s” has no arcs", ne_name);
          goto out;
        }

      if (json_object_has_member (geometry, "id") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (geometry, "id")))
        id = json_object_get_string_member_with_default (geometry, "id", NULL);
      if (id != NULL)
        country = fw_countries_lookup_numeric (countries, id);

      /* Natural Earth draws some ISO countries in two features (Australia
       * and its Ashmore and Cartier Islands): they become one. */
      if (country != FW_COUNTRY_UNKNOWN && self->by_country[country] >= 0)
        feature_index = self->by_country[country];
      else
        {
          FwGeoFeature *feature;

          g_array_set_size (self->features, self->features->len + 1);
          feature_index = self->features->len - 1;
          feature = &g_array_index (self->features, FwGeoFeature, feature_index);
          feature->country = country;
          feature->name = g_strdup (country != FW_COUNTRY_UNKNOWN ? fw_countries_get_name (countries, country) : ne_name);
          if (country != FW_COUNTRY_UNKNOWN)
            self->by_country[country] = feature_index;
        }
      chunk.feature = feature_index;
      chunk.first = self->polygons->len;

      parts = json_object_get_array_member (geometry, "arcs");
      for (guint p = 0; p < (multi ? json_array_get_length (parts) : 1); p++)
        {
          JsonNode *part = multi ? json_array_get_element (parts, p) : json_object_get_member (geometry, "arcs");

          if (!JSON_NODE_HOLDS_ARRAY (part))
            {
              g_set_error (error, FW_GEO_ERROR, FW_GEO_ERROR_INVALID,
                           "“%s” has a polygon that is not a list of rings", ne_name);
              goto out;
            }
          if (!add_polygon (self, json_node_get_array (part), &arcs, ne_name, error))
            goto out;
        }
      chunk.n = self->polygons->len - chunk.first;
      g_array_append_val (chunks, chunk);
    }

  /* Each feature's polygons next to each other. */
  {
    GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (FwGeoPolygon), self->polygons->len);

    for (guint f = 0; f < self->features->len; f++)
      {
        FwGeoFeature *feature = &g_array_index (self->features, FwGeoFeature, f);

        feature->first_polygon = sorted->len;
        for (guint i = 0; i < chunks->len; i++)
          {
            const Chunk *c = &g_array_index (chunks, Chunk, i);

            if (c->feature == f)
              g_array_append_vals (sorted, &g_array_index (self->polygons, FwGeoPolygon, c->first), c->n);
          }
        feature->n_polygons = sorted->len - feature->first_polygon;
      }
    g_array_unref (self->polygons);
    self->polygons = sorted;
  }

  for (guint i = 0; i < self->features->len; i++)
    finish_feature (self, &g_array_index (self->features, FwGeoFeature, i));
  ok = TRUE;

out:
  g_array_unref (arcs.points);
  g_array_unref (arcs.start);

  return ok;
}

FwGeo *
fw_geo_new_from_data (GBytes       *topojson,
                      FwCountries  *countries,
                      GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(FwGeo) self = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (topojson != NULL, NULL);
  g_return_val_if_fail (FW_IS_COUNTRIES (countries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (topojson, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  self = g_object_new (FW_TYPE_GEO, NULL);
  if (!decode (self, json_parser_get_root (parser), countries, error))
    return NULL;

  return g_steal_pointer (&self);
}

FwGeo *
fw_geo_get_default (void)
{
  static FwGeo *geo;

  /* The shapes ship inside the program: failing to read them is a build
   * error, not something a user can act on. */
  if (g_once_init_enter (&geo))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(FwCountries) countries = fw_countries_new_default ();
      FwGeo *decoded;

      fw_resources_ensure ();
      bytes = g_resources_lookup_data (GEO_RESOURCE, 0, &error);
      if (bytes == NULL)
        g_error ("Cannot read %s: %s", GEO_RESOURCE, error->message);
      decoded = fw_geo_new_from_data (bytes, countries, &error);
      if (decoded == NULL)
        g_error ("%s: %s", GEO_RESOURCE, error->message);
      g_once_init_leave (&geo, decoded);
    }

  return geo;
}

guint
fw_geo_get_n_features (FwGeo *self)
{
  g_return_val_if_fail (FW_IS_GEO (self), 0);

  return self->features->len;
}

const FwGeoFeature *
fw_geo_get_feature (FwGeo *self,
                    guint  index)
{
  g_return_val_if_fail (FW_IS_GEO (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);

  return &g_array_index (self->features, FwGeoFeature, index);
}

gint
fw_geo_lookup_country (FwGeo       *self,
                       FwCountryId  country)
{
  g_return_val_if_fail (FW_IS_GEO (self), -1);

  if (country == FW_COUNTRY_UNKNOWN || country >= self->n_ids)
    return -1;

  return self->by_country[country];
}

const FwGeoPoint *
fw_geo_get_points (FwGeo *self,
                   guint *n_points)
{
  g_return_val_if_fail (FW_IS_GEO (self), NULL);

  if (n_points != NULL)
    *n_points = self->points->len;

  return (const FwGeoPoint *) self->points->data;
}

const FwGeoRing *
fw_geo_get_rings (FwGeo *self,
                  guint *n_rings)
{
  g_return_val_if_fail (FW_IS_GEO (self), NULL);

  if (n_rings != NULL)
    *n_rings = self->rings->len;

  return (const FwGeoRing *) self->rings->data;
}

const FwGeoPolygon *
fw_geo_get_polygons (FwGeo *self,
                     guint *n_polygons)
{
  g_return_val_if_fail (FW_IS_GEO (self), NULL);

  if (n_polygons != NULL)
    *n_polygons = self->polygons->len;

  return (const FwGeoPolygon *) self->polygons->data;
}

gboolean
fw_geo_rings_contain (const double    *xy,
                      const FwGeoRing *rings,
                      guint            n_rings,
                      double           x,
                      double           y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < n_rings; r++)
    {
      const double *p = xy + 2 * rings[r].first;

      for (guint i = 0; i + 1 < rings[r].n_points; i++)
        {
          double x0 = p[2 * i], y0 = p[2 * i + 1];
          double x1 = p[2 * i + 2], y1 = p[2 * i + 3];

          if ((y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0))
            inside = !inside;
        }
    }

  return inside;
}

gint
fw_geo_feature_at (FwGeo  *self,
                   double  lon,
                   double  lat)
{
  const FwGeoPolygon *polygons;
  const FwGeoRing *rings;

  g_return_val_if_fail (FW_IS_GEO (self), -1);

  polygons = (const FwGeoPolygon *) self->polygons->data;
  rings = (const FwGeoRing *) self->rings->data;

  for (guint f = 0; f < self->features->len; f++)
    {
      const FwGeoFeature *feature = &g_array_index (self->features, FwGeoFeature, f);

      if (lon < feature->west || lon > feature->east || lat < feature->south || lat > feature->north)
        continue;
      for (guint i = 0; i < feature->n_polygons; i++)
        {
          const FwGeoPolygon *polygon = &polygons[feature->first_polygon + i];

          if (fw_geo_rings_contain ((const double *) self->points->data, &rings[polygon->first_ring],
                                    polygon->n_rings, lon, lat))
            return f;
        }
    }

  return -1;
}
