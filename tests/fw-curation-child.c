/* fw-curation-child.c: a curation session for test-recovery to kill
 *
 * fw-curation-child FILE N_EDITS N_UNDO: opens FILE, makes the scripted
 * edits, undoes N_UNDO of them, says "edited" and waits to be killed,
 * writing the recovery file as the application does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw-test-curation.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo;

  if (argc != 4)
    {
      fprintf (stderr, "usage: fw-curation-child FILE N_EDITS N_UNDO\n");
      return 2;
    }

  document = fw_document_load (argv[1], NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  fw_document_set_recovery_delay (document, 100);

  scripted_edits (document, (guint) atoi (argv[2]));
  n_undo = (guint) atoi (argv[3]);
  for (guint i = 0; i < n_undo; i++)
    fw_document_undo (document);

  printf ("edited\n");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return 0;
}
