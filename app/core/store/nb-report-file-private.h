/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-report-file.h"

G_BEGIN_DECLS

/* Shared by the writing (nb-report-file.c) and the reading
 * (nb-report-file-load.c) of a .nianbao file. */

#define NB_REPORT_FILE_FORMAT_NAME    "nianbao"
#define NB_REPORT_FILE_FORMAT_VERSION 1

int _nb_report_file_state_from_name (const char *name);

G_END_DECLS
