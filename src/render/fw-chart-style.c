/* fw-chart-style.c: colours for light, dark and high contrast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fw-chart-private.h"

static void
set_hex (double      rgba[4],
         const char *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgba[0] = ((value >> 16) & 0xff) / 255.0;
  rgba[1] = ((value >> 8) & 0xff) / 255.0;
  rgba[2] = (value & 0xff) / 255.0;
  rgba[3] = 1.0;
}

void
_fw_chart_mix (double        out[4],
               const double  a[4],
               const double  b[4],
               double        t)
{
  for (guint i = 0; i < 3; i++)
    out[i] = a[i] * (1 - t) + b[i] * t;
  out[3] = a[3];
}

/* Okabe & Ito, "Color Universal Design" (2008): distinguishable with every
 * common colour-vision deficiency. */
static const char *okabe_ito[8] = {
  "#0072B2", /* blue */
  "#E69F00", /* orange */
  "#009E73", /* bluish green */
  "#CC79A7", /* reddish purple */
  "#56B4E9", /* sky blue */
  "#D55E00", /* vermillion */
  "#F0E442", /* yellow */
  "#000000",
};

/* ColorBrewer YlGnBu (Brewer, Pennsylvania State University), seven
 * classes without the palest, which would not read against white. */
static const char *yl_gn_bu[7] = {
  "#EDF8B1", "#C7E9B4", "#7FCDBB", "#41B6C4", "#1D91C0", "#225EA8", "#0C2C84",
};

static void
set_map_colors (FwChartStyle *style,
                gboolean      dark,
                gboolean      high_contrast)
{
  /* On a dark page the ramp runs the other way: more is lighter. */
  for (guint i = 0; i < 7; i++)
    set_hex (style->ramp[i], yl_gn_bu[dark ? 6 - i : i]);
  if (dark)
    _fw_chart_mix (style->ramp[0], style->ramp[0], style->background, 0.15);
  set_hex (style->land, dark ? "#5E5C64" : "#D5D3CF");
  set_hex (style->zero, dark ? "#3D3846" : "#F6F5F4");
  set_hex (style->water, dark ? "#1C2833" : "#EAF1F7");
  if (high_contrast)
    set_hex (style->border, dark ? "#FFFFFF" : "#000000");
  else
    set_hex (style->border, dark ? "#242424" : "#FFFFFF");
}

static void
style_init_common (FwChartStyle *style)
{
  memset (style, 0, sizeof *style);
  style->font_family = "Sans";
  style->font_size = 11.0;
  style->transparent = FALSE;
}

void
fw_chart_style_init_light (FwChartStyle *style)
{
  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, "#FFFFFF");
  set_hex (style->foreground, "#2E3436");
  set_hex (style->muted, "#5E5C64");
  set_hex (style->grid, "#DEDDDA");
  set_hex (style->highlight, "#000000");
  for (guint i = 0; i < 8; i++)
    set_hex (style->palette[i], okabe_ito[i]);
  set_map_colors (style, FALSE, FALSE);
}

void
fw_chart_style_init_dark (FwChartStyle *style)
{
  double white[4] = { 1, 1, 1, 1 };

  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, "#242424");
  set_hex (style->foreground, "#FFFFFF");
  set_hex (style->muted, "#C0BFBC");
  set_hex (style->grid, "#3D3D3D");
  set_hex (style->highlight, "#FFFFFF");
  for (guint i = 0; i < 8; i++)
    set_hex (style->palette[i], okabe_ito[i]);
  /* The dark hues fall under 3:1 against #242424; lift them toward white
   * without changing their order or hue, blue only a little so that it
   * stays apart from sky blue. */
  _fw_chart_mix (style->palette[0], style->palette[0], white, 0.12);
  _fw_chart_mix (style->palette[2], style->palette[2], white, 0.20);
  _fw_chart_mix (style->palette[5], style->palette[5], white, 0.15);
  set_hex (style->palette[7], "#FFFFFF");
  set_map_colors (style, TRUE, FALSE);
}

void
fw_chart_style_init_high_contrast (FwChartStyle *style,
                                   gboolean      dark)
{
  double black[4] = { 0, 0, 0, 1 };
  double white[4] = { 1, 1, 1, 1 };

  g_return_if_fail (style != NULL);

  style_init_common (style);
  set_hex (style->background, dark ? "#000000" : "#FFFFFF");
  set_hex (style->foreground, dark ? "#FFFFFF" : "#000000");
  set_hex (style->muted, dark ? "#FFFFFF" : "#000000");
  set_hex (style->grid, dark ? "#6E6E6E" : "#949494");
  set_hex (style->highlight, dark ? "#FFFFFF" : "#000000");
  for (guint i = 0; i < 7; i++)
    {
      set_hex (style->palette[i], okabe_ito[i]);
      if (dark)
        _fw_chart_mix (style->palette[i], style->palette[i], white, 0.30);
      else
        _fw_chart_mix (style->palette[i], style->palette[i], black, 0.30);
    }
  set_hex (style->palette[7], dark ? "#FFFFFF" : "#000000");
  set_map_colors (style, dark, TRUE);
}

/* The neutral colour sits between background and muted text, so that a
 * remainder ("Other countries") recedes in light and dark alike. */
void
_fw_chart_series_rgba (const FwChartStyle *style,
                       guint               color,
                       double              rgba[4])
{
  if (color >= G_N_ELEMENTS (style->palette))
    _fw_chart_mix (rgba, style->background, style->muted, 0.55);
  else
    memcpy (rgba, style->palette[color], 4 * sizeof (double));
  rgba[3] = 1.0;
}

double
_fw_chart_luminance (const double rgba[4])
{
  double l = 0;
  static const double weights[3] = { 0.2126, 0.7152, 0.0722 };

  for (guint i = 0; i < 3; i++)
    {
      double c = rgba[i];

      c = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
      l += weights[i] * c;
    }

  return l;
}
