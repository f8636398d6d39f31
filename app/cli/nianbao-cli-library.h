/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nb-library.h"

G_BEGIN_DECLS

/* The library's commands: import, list, agencies merge|split.  Each parses
 * its own options and returns the exit status. */
int        nb_cli_import             (int          argc,
                                      char       **argv);
int        nb_cli_list               (int          argc,
                                      char       **argv);
int        nb_cli_agencies           (int          argc,
                                      char       **argv);
gboolean   nb_cli_is_library_command (const char  *command);

/* extract and check --library: AGENCY:YEAR, or --agency and --year */
NbLibrary *nb_cli_open_library       (const char  *path);
NbReport  *nb_cli_load_stored        (NbLibrary   *library,
                                      const char  *spec,
                                      GError     **error);

G_END_DECLS
