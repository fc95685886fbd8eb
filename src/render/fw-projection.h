/* fw-projection.h: world map projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Projections of the whole sphere centred on Greenwich.  Longitude and
 * latitude in degrees; x grows east and y north, in units of the Earth's
 * radius. */
typedef enum
{
  FW_PROJECTION_EQUAL_EARTH,     /* equal-area (Šavrič, Patterson, Jenny 2018) */
  FW_PROJECTION_NATURAL_EARTH,   /* Natural Earth I (Šavrič et al. 2011) */
  FW_PROJECTION_EQUIRECTANGULAR, /* plate carrée */
  FW_N_PROJECTIONS
} FwProjection;

const char *fw_projection_get_id    (FwProjection  projection);
gboolean    fw_projection_from_id   (const char   *id,
                                     FwProjection *projection);
const char *fw_projection_get_label (FwProjection  projection);

void        fw_projection_project   (FwProjection  projection,
                                     double        lon,
                                     double        lat,
                                     double       *x,
                                     double       *y);
/* FALSE outside the sphere's outline. */
gboolean    fw_projection_invert    (FwProjection  projection,
                                     double        x,
                                     double        y,
                                     double       *lon,
                                     double       *lat);
/* The extent of the whole sphere. */
void        fw_projection_get_bounds (FwProjection projection,
                                     double       *x_min,
                                     double       *y_min,
                                     double       *x_max,
                                     double       *y_max);

G_END_DECLS
