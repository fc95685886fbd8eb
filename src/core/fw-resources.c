/* fw-resources.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-resources"

#include "config.h"

#include "fw-data-resources.h"
#include "fw-resources.h"

void
fw_resources_ensure (void)
{
  static gsize registered;

  /* The generated constructor registers the resource when the object file
   * is linked; referencing it here is what gets it linked. */
  if (g_once_init_enter (&registered))
    {
      GResource *resource = fw_data_get_resource ();

      g_once_init_leave (&registered, resource != NULL);
    }
}
