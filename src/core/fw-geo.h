/* fw-geo.h: country shapes from the bundled Natural Earth TopoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-countries.h"

G_BEGIN_DECLS

/* Shapes in degrees of longitude and latitude.  Every ring is closed (its
 * last point repeats its first) and lies within -180..180: rings that cross
 * the antimeridian (Russia, Fiji) or go round a pole (Antarctica) are cut
 * there when decoded, so that no projection centred on Greenwich draws a
 * line across the whole map. */

typedef struct
{
  double lon;
  double lat;
} FwGeoPoint;

typedef struct
{
  guint first;      /* index into the points */
  guint n_points;   /* including the closing point */
} FwGeoRing;

typedef struct
{
  guint  first_ring; /* the outer ring, then its holes */
  guint  n_rings;
  double area;       /* approximate, in square degrees at the equator */
} FwGeoPolygon;

typedef struct
{
  char        *name;     /* the table's English name, else Natural Earth's */
  FwCountryId  country;  /* FW_COUNTRY_UNKNOWN when Natural Earth gives no ISO code */
  guint        first_polygon;
  guint        n_polygons;
  double       west, south, east, north;
  FwGeoPoint   anchor;   /* inside the country's largest polygon, for symbols and arcs */
} FwGeoFeature;

#define FW_GEO_ERROR (fw_geo_error_quark ())

typedef enum
{
  FW_GEO_ERROR_INVALID,
} FwGeoError;

#define FW_TYPE_GEO (fw_geo_get_type ())

G_DECLARE_FINAL_TYPE (FwGeo, fw_geo, FW, GEO, GObject)

GQuark              fw_geo_error_quark        (void);

/* The bundled world-atlas 1:50m countries, decoded once and shared; the
 * country ids are those of the default country table. */
FwGeo              *fw_geo_get_default        (void);
FwGeo              *fw_geo_new_from_data      (GBytes       *topojson,
                                               FwCountries  *countries,
                                               GError      **error);

guint               fw_geo_get_n_features     (FwGeo        *self);
const FwGeoFeature *fw_geo_get_feature        (FwGeo        *self,
                                               guint         index);
/* The feature of @country, or -1 when the map has no shape for it. */
gint                fw_geo_lookup_country     (FwGeo        *self,
                                               FwCountryId   country);

const FwGeoPoint   *fw_geo_get_points         (FwGeo        *self,
                                               guint        *n_points);
const FwGeoRing    *fw_geo_get_rings          (FwGeo        *self,
                                               guint        *n_rings);
const FwGeoPolygon *fw_geo_get_polygons       (FwGeo        *self,
                                               guint        *n_polygons);

/* The feature containing (@lon, @lat), or -1 (the sea). */
gint                fw_geo_feature_at         (FwGeo        *self,
                                               double        lon,
                                               double        lat);

/* Even-odd test of a point against rings of points given as x, y pairs;
 * shared by the geographic and the projected hit tests. */
gboolean            fw_geo_rings_contain      (const double *xy,
                                               const FwGeoRing *rings,
                                               guint         n_rings,
                                               double        x,
                                               double        y);

G_END_DECLS
