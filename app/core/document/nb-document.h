/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-checker.h"
#include "nb-report.h"
#include "nb-source-document.h"

G_BEGIN_DECLS

/* For a reopened .nianbao file: its source as recorded, changed since
 * (SHA-256 differs, or it no longer reads), or gone.  NONE when the
 * document was not opened from a .nianbao file, or it names no source. */
typedef enum
{
  NB_SOURCE_STATE_NONE,
  NB_SOURCE_STATE_SAME,
  NB_SOURCE_STATE_CHANGED,
  NB_SOURCE_STATE_MISSING,
} NbSourceState;

#define NB_TYPE_DOCUMENT (nb_document_get_type ())

G_DECLARE_FINAL_TYPE (NbDocument, nb_document, NB, DOCUMENT, GObject)

/* One open report: the report, its source document, the checker and its
 * problems, and the state of the work on it (busy, progress, last error).
 * Loaded and saved off the main thread; used from the main thread only.
 *
 * Properties: "file" (GFile, construct-only), "report", "source",
 * "source-state", "busy", "progress", "error" (boxed GError), "modified",
 * "title", all notified. */

NbDocument       *nb_document_new                 (GFile               *file);
NbDocument       *nb_document_new_for_report      (NbReport            *report,
                                                   NbSourceDocument    *source);

void              nb_document_load_async          (NbDocument          *self,
                                                   const char          *password,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          nb_document_load_finish         (NbDocument          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void              nb_document_save_async          (NbDocument          *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          nb_document_save_finish         (NbDocument          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

GFile            *nb_document_get_file            (NbDocument          *self);
GFile            *nb_document_get_saved_file      (NbDocument          *self);
NbReport         *nb_document_get_report          (NbDocument          *self);
NbSourceDocument *nb_document_get_source          (NbDocument          *self);
NbChecker        *nb_document_get_checker         (NbDocument          *self);
GListModel       *nb_document_get_problems        (NbDocument          *self);
NbSourceState     nb_document_get_source_state    (NbDocument          *self);
gboolean          nb_document_get_busy            (NbDocument          *self);
double            nb_document_get_progress        (NbDocument          *self);
const GError     *nb_document_get_error           (NbDocument          *self);
gboolean          nb_document_get_modified        (NbDocument          *self);
char             *nb_document_dup_title           (NbDocument          *self);

gboolean          nb_document_check_saved_source  (NbReport            *report,
                                                   const char          *report_path,
                                                   const char          *password,
                                                   GCancellable        *cancellable,
                                                   NbSourceState       *state,
                                                   NbSourceDocument   **source,
                                                   GError             **error);

G_END_DECLS
