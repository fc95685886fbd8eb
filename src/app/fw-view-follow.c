/* fw-view-follow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-view-follow.h"

typedef struct
{
  FwViewRebuildFunc rebuild;
  gboolean          stale;
} Follow;

static GQuark
follow_quark (void)
{
  return g_quark_from_static_string ("fw-view-follow");
}

void
fw_view_follow_ensure (GtkWidget *view)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (view), follow_quark ());

  if (follow != NULL && follow->stale)
    {
      follow->stale = FALSE;
      follow->rebuild (view);
    }
}

static void
on_changed (GtkWidget *view)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (view), follow_quark ());

  follow->stale = TRUE;
  if (gtk_widget_get_mapped (view))
    fw_view_follow_ensure (view);
}

gboolean
fw_view_follow_explorer (GtkWidget          *view,
                         FwExplorer        **slot,
                         FwExplorer         *explorer,
                         FwViewRebuildFunc   rebuild)
{
  Follow *follow;

  g_return_val_if_fail (GTK_IS_WIDGET (view), FALSE);
  g_return_val_if_fail (rebuild != NULL, FALSE);

  follow = g_object_get_qdata (G_OBJECT (view), follow_quark ());
  if (follow == NULL)
    {
      follow = g_new0 (Follow, 1);
      g_object_set_qdata_full (G_OBJECT (view), follow_quark (), follow, g_free);
      /* After the class handler: the view's children are mapped too. */
      g_signal_connect (view, "map", G_CALLBACK (fw_view_follow_ensure), NULL);
    }
  follow->rebuild = rebuild;

  if (!fw_explorer_replace (slot, explorer, view, G_CALLBACK (on_changed)))
    return FALSE;

  on_changed (view);
  return TRUE;
}
