/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NbApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* NIANBAO_LOCALEDIR: translations of an uninstalled build (tests, devenv) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NIANBAO_LOCALEDIR") ? g_getenv ("NIANBAO_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
