/* fw-adversary-list.h: the firms of Finding 4, as a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-explorer.h"

G_BEGIN_DECLS

#define FW_TYPE_ADVERSARY_LIST (fw_adversary_list_get_type ())

G_DECLARE_FINAL_TYPE (FwAdversaryList, fw_adversary_list, FW, ADVERSARY_LIST, GtkWidget)

GtkWidget *fw_adversary_list_new (void);

G_END_DECLS
