/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The .nianbao file: a corrected report, saved.  JSON that names its source
 * by path and SHA-256 and holds every cell with its state, source and note,
 * the values as read and the edits, the prose and the template per table. */

#define NB_REPORT_FILE_EXTENSION ".nianbao"

/* Largest saved report read: one holds a report's cells and prose, a few
 * hundred KB at most. */
#define NB_REPORT_FILE_MAX_SIZE (16 * 1024 * 1024)

typedef enum
{
  NB_REPORT_FILE_NONE,         /* no JSON: some other document */
  NB_REPORT_FILE_SAVED,        /* a saved report, maybe damaged */
  NB_REPORT_FILE_OTHER_JSON,   /* JSON, but no saved report */
} NbReportFileKind;

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
NbReportFileKind nb_report_file_sniff (GBytes        *bytes);
NbReport *nb_report_file_load_bytes    (GBytes        *bytes,
                                        const char    *path,
                                        GError       **error);
char     *nb_report_file_to_data       (NbReport      *report);

G_END_DECLS
