/* fw-projection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fw-projection.h"

#define DEG (G_PI / 180)

/* Equal Earth's polynomial coefficients. */
#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796
#define EE_M  (0.8660254037844386) /* sqrt (3) / 2 */

static const char *ids[FW_N_PROJECTIONS] = {
  "equal-earth",
  "natural-earth",
  "equirectangular",
};

const char *
fw_projection_get_id (FwProjection projection)
{
  g_return_val_if_fail (projection < FW_N_PROJECTIONS, NULL);

  return ids[projection];
}

gboolean
fw_projection_from_id (const char   *id,
                       FwProjection *projection)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < FW_N_PROJECTIONS; i++)
    if (g_str_equal (id, ids[i]))
      {
        if (projection != NULL)
          *projection = i;
        return TRUE;
      }

  return FALSE;
}

const char *
fw_projection_get_label (FwProjection projection)
{
  switch (projection)
    {
    case FW_PROJECTION_EQUAL_EARTH:
      return _("Equal Earth");
    case FW_PROJECTION_NATURAL_EARTH:
      return _("Natural Earth");
    case FW_PROJECTION_EQUIRECTANGULAR:
      return _("Equirectangular");
    case FW_N_PROJECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
equal_earth (double  lambda,
             double  phi,
             double *x,
             double *y)
{
  double theta = asin (EE_M * sin (phi));
  double t2 = theta * theta, t6 = t2 * t2 * t2;

  *x = lambda * cos (theta) / (EE_M * (EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2)));
  *y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
}

static void
natural_earth (double  lambda,
               double  phi,
               double *x,
               double *y)
{
  double p2 = phi * phi, p4 = p2 * p2;

  *x = lambda * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  *y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
}

void
fw_projection_project (FwProjection  projection,
                       double        lon,
                       double        lat,
                       double       *x,
                       double       *y)
{
  double lambda = lon * DEG, phi = CLAMP (lat, -90, 90) * DEG;

  switch (projection)
    {
    case FW_PROJECTION_EQUAL_EARTH:
      equal_earth (lambda, phi, x, y);
      break;
    case FW_PROJECTION_NATURAL_EARTH:
      natural_earth (lambda, phi, x, y);
      break;
    case FW_PROJECTION_EQUIRECTANGULAR:
    case FW_N_PROJECTIONS:
    default:
      *x = lambda;
      *y = phi;
      break;
    }
}

gboolean
fw_projection_invert (FwProjection  projection,
                      double        x,
                      double        y,
                      double       *lon,
                      double       *lat)
{
  double lambda, phi, x_max, y_max, px, py;

  fw_projection_get_bounds (projection, NULL, NULL, &x_max, &y_max);
  if (fabs (y) > y_max)
    return FALSE;

  /* y depends on the latitude alone in all three: Newton on y, then the
   * longitude is x over the parallel's scale. */
  phi = y / y_max * G_PI / 2;
  if (projection != FW_PROJECTION_EQUIRECTANGULAR)
    {
      for (guint i = 0; i < 30; i++)
        {
          double h = 1e-7, y1, dy;

          fw_projection_project (projection, 0, phi / DEG, &px, &py);
          fw_projection_project (projection, 0, (phi + h) / DEG, &px, &y1);
          dy = (y1 - py) / h;
          if (dy == 0)
            break;
          phi = CLAMP (phi - (py - y) / dy, -G_PI / 2, G_PI / 2);
          if (fabs (py - y) < 1e-12)
            break;
        }
    }

  fw_projection_project (projection, 180, phi / DEG, &px, &py);
  if (px <= 0 || fabs (x) > px * (1 + 1e-9))
    return FALSE;
  lambda = x / px * G_PI;

  *lon = lambda / DEG;
  *lat = phi / DEG;

  return TRUE;
}

void
fw_projection_get_bounds (FwProjection  projection,
                          double       *x_min,
                          double       *y_min,
                          double       *x_max,
                          double       *y_max)
{
  double x, y;

  fw_projection_project (projection, 180, 0, &x, &y);
  if (x_min != NULL)
    *x_min = -x;
  if (x_max != NULL)
    *x_max = x;
  fw_projection_project (projection, 0, 90, &x, &y);
  if (y_min != NULL)
    *y_min = -y;
  if (y_max != NULL)
    *y_max = y;
}
