/* fw-document-private.h: the document's state, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-document.h"

G_BEGIN_DECLS

#define RESOURCE_PREFIX        "resource://"

struct _FwDocument
{
  GObject           parent_instance;

  FwDataset        *dataset;
  FwExplorer       *explorer;
  FwHistory        *history;
  char             *path;       /* a file, a folder, or a resource:// URI */
  FwFormat          format;
  char             *etag;       /* of the file as read or last saved */

  FwIoStreamFilter  filter;
  gpointer          filter_data;

  char             *recovery_path;
  guint             recovery_delay;
  guint             recovery_source;
  guint             edits_since_recovery;
  gboolean          wrote_recovery;  /* this document's, not another's */

  guint             busy : 1;
  guint             modified : 1;
  guint             can_undo : 1;
  guint             can_redo : 1;
};

/* Notifies "modified", "can-undo", "can-redo" when they changed. */
void  fw_document_update_state      (FwDocument *self);
/* Removes the recovery file when this document wrote it. */
void  fw_document_discard_recovery  (FwDocument *self);

G_END_DECLS
