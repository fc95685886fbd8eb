/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fw-application.h"
#include "fw-cli.h"

int
main (int   argc,
      char *argv[])
{
  if (fw_cli_handles (argc, argv))
    return fw_cli_run (argc, argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return fw_application_run_main (argc, argv);
}
