/* fw-str-pool.h: interned strings addressed by 32-bit ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Id 0 is the empty string, which also stands for "no value". */
#define FW_STR_NONE ((guint32) 0)

typedef struct _FwStrPool FwStrPool;

FwStrPool  *fw_str_pool_new      (void);
void        fw_str_pool_free     (FwStrPool  *pool);
guint32     fw_str_pool_intern   (FwStrPool  *pool,
                                  const char *str);
guint32     fw_str_pool_intern_len (FwStrPool  *pool,
                                  const char *str,
                                  gsize       len);
gboolean    fw_str_pool_lookup   (FwStrPool  *pool,
                                  const char *str,
                                  guint32    *out_id);
const char *fw_str_pool_get      (FwStrPool  *pool,
                                  guint32     id);
guint       fw_str_pool_get_size (FwStrPool  *pool);
gsize       fw_str_pool_get_memory (FwStrPool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwStrPool, fw_str_pool_free)

G_END_DECLS
