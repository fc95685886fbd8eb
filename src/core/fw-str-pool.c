/* fw-str-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-str-pool"

#include "fw-str-pool.h"

#include <string.h>

struct _FwStrPool
{
  GStringChunk *chunk;
  GPtrArray    *strings;   /* id -> const char *, owned by chunk */
  GHashTable   *ids;       /* const char * -> GUINT_TO_POINTER (id) */
  gsize         bytes;
};

FwStrPool *
fw_str_pool_new (void)
{
  FwStrPool *pool = g_new0 (FwStrPool, 1);

  pool->chunk = g_string_chunk_new (64 * 1024);
  pool->strings = g_ptr_array_new ();
  pool->ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (pool->strings, (gpointer) "");

  return pool;
}

void
fw_str_pool_free (FwStrPool *pool)
{
  if (pool == NULL)
    return;

  g_hash_table_unref (pool->ids);
  g_ptr_array_unref (pool->strings);
  g_string_chunk_free (pool->chunk);
  g_free (pool);
}

guint32
fw_str_pool_intern (FwStrPool  *pool,
                    const char *str)
{
  g_return_val_if_fail (pool != NULL, FW_STR_NONE);

  if (str == NULL || str[0] == '\0')
    return FW_STR_NONE;

  return fw_str_pool_intern_len (pool, str, strlen (str));
}

guint32
fw_str_pool_intern_len (FwStrPool  *pool,
                        const char *str,
                        gsize       len)
{
  gpointer found;
  char *copy;
  guint32 id;

  g_return_val_if_fail (pool != NULL, FW_STR_NONE);

  if (str == NULL || len == 0)
    return FW_STR_NONE;

  /* The hash table needs a NUL-terminated key; callers pass slices of
   * larger buffers, so a short stack copy avoids touching the chunk
   * for strings we have seen already. */
  if (len < 256)
    {
      char buf[256];

      memcpy (buf, str, len);
      buf[len] = '\0';
      if (g_hash_table_lookup_extended (pool->ids, buf, NULL, &found))
        return GPOINTER_TO_UINT (found);
    }

  copy = g_string_chunk_insert_len (pool->chunk, str, len);
  if (len >= 256 && g_hash_table_lookup_extended (pool->ids, copy, NULL, &found))
    return GPOINTER_TO_UINT (found);

  id = pool->strings->len;
  g_ptr_array_add (pool->strings, copy);
  g_hash_table_insert (pool->ids, copy, GUINT_TO_POINTER (id));
  pool->bytes += len + 1;

  return id;
}

gboolean
fw_str_pool_lookup (FwStrPool  *pool,
                    const char *str,
                    guint32    *out_id)
{
  gpointer found;

  g_return_val_if_fail (pool != NULL, FALSE);

  if (str == NULL || str[0] == '\0')
    {
      *out_id = FW_STR_NONE;
      return TRUE;
    }

  if (!g_hash_table_lookup_extended (pool->ids, str, NULL, &found))
    return FALSE;

  *out_id = GPOINTER_TO_UINT (found);
  return TRUE;
}

const char *
fw_str_pool_get (FwStrPool *pool,
                 guint32    id)
{
  g_return_val_if_fail (pool != NULL, "");
  g_return_val_if_fail (id < pool->strings->len, "");

  return g_ptr_array_index (pool->strings, id);
}

guint
fw_str_pool_get_size (FwStrPool *pool)
{
  return pool->strings->len;
}

gsize
fw_str_pool_get_memory (FwStrPool *pool)
{
  return pool->bytes + pool->strings->len * (sizeof (gpointer) * 4);
}
