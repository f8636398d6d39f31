/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The .nianbao file: a corrected report, saved.  JSON that names its source
 * by path and SHA-256 and holds every cell with its state, source and note,
 * the values as read and the edits, the prose and the template per table. */

#define NB_REPORT_FILE_EXTENSION ".nianbao"

gboolean  nb_report_file_save          (NbReport      *report,
                                        const char    *path,
                                        GError       **error);
void      nb_report_file_save_async    (NbReport      *report,
                                        const char    *path,
                                        GCancellable  *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
gboolean  nb_report_file_save_finish   (NbReport      *report,
                                        GAsyncResult  *result,
                                        GError       **error);
gboolean  nb_report_file_is_saved_report (GBytes      *bytes);
NbReport *nb_report_file_load_bytes    (GBytes        *bytes,
                                        const char    *path,
                                        GError       **error);
char     *nb_report_file_to_data       (NbReport      *report);

G_END_DECLS
