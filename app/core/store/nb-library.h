/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-document.h"
#include "nb-library-agency.h"
#include "nb-library-entry.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* Called on the main context of the import's caller. */
typedef void (*NbLibraryProgressFunc) (guint       done,
                                       guint       total,
                                       const char *current_path,
                                       double      files_per_second,
                                       gpointer    data);

typedef struct
{
  char *path;
  char *message;
} NbLibraryFailure;

typedef struct
{
  guint      n_added;       /* new reports (new versions of a year included) */
  guint      n_duplicates;  /* sources already in the library, by SHA-256 */
  guint      n_failed;
  GPtrArray *failures;      /* NbLibraryFailure, in the order the files were found */
} NbLibraryImportResult;

#define NB_TYPE_LIBRARY_IMPORT_RESULT (nb_library_import_result_get_type ())

GType                  nb_library_import_result_get_type (void) G_GNUC_CONST;
NbLibraryImportResult *nb_library_import_result_copy     (const NbLibraryImportResult *result);
void                   nb_library_import_result_free     (NbLibraryImportResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbLibraryImportResult, nb_library_import_result_free)

#define NB_TYPE_LIBRARY (nb_library_get_type ())

G_DECLARE_FINAL_TYPE (NbLibrary, nb_library, NB, LIBRARY, GObject)

/* The library: every report a person has imported, in one SQLite file
 * (WAL, versioned schema).  Used from the main thread; imports read on a
 * thread pool and write on one thread, one transaction per report. */

char                  *nb_library_dup_default_path  (void);
NbLibrary             *nb_library_open              (const char             *path,
                                                     GError                **error);
const char            *nb_library_get_path          (NbLibrary              *self);
gboolean               nb_library_get_is_new        (NbLibrary              *self);
GListModel            *nb_library_get_agencies      (NbLibrary              *self);
guint                  nb_library_get_n_reports     (NbLibrary              *self);
NbLibraryAgency       *nb_library_find_agency       (NbLibrary              *self,
                                                     const char             *name);
gint64                 nb_library_find_report       (NbLibrary              *self,
                                                     const char             *agency,
                                                     int                     year);
GListModel            *nb_library_filter_agencies   (NbLibrary              *self,
                                                     const char             *query);

void                   nb_library_import_async      (NbLibrary              *self,
                                                     const char *const      *paths,
                                                     GCancellable           *cancellable,
                                                     NbLibraryProgressFunc   progress,
                                                     gpointer                progress_data,
                                                     GDestroyNotify          progress_destroy,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
NbLibraryImportResult *nb_library_import_finish     (NbLibrary              *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);
NbLibraryImportResult *nb_library_import            (NbLibrary              *self,
                                                     const char *const      *paths,
                                                     GCancellable           *cancellable,
                                                     NbLibraryProgressFunc   progress,
                                                     gpointer                progress_data,
                                                     GError                **error);
void                   nb_library_seed_samples_async (NbLibrary             *self,
                                                     const char             *dir,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);

NbReport              *nb_library_load_report       (NbLibrary              *self,
                                                     gint64                  report_id,
                                                     GError                **error);
NbDocument            *nb_library_open_document     (NbLibrary              *self,
                                                     gint64                  report_id,
                                                     GError                **error);
gboolean               nb_library_save_report       (NbLibrary              *self,
                                                     gint64                  report_id,
                                                     NbReport               *report,
                                                     GError                **error);
GListModel            *nb_library_get_history       (NbLibrary              *self,
                                                     gint64                  report_id);

gboolean               nb_library_merge_agencies    (NbLibrary              *self,
                                                     gint64                  agency_id,
                                                     gint64                  other_id,
                                                     GError                **error);
gboolean               nb_library_split_agency      (NbLibrary              *self,
                                                     gint64                  agency_id,
                                                     const char             *name,
                                                     GError                **error);
gboolean               nb_library_set_agency_info   (NbLibrary              *self,
                                                     gint64                  agency_id,
                                                     const char             *region,
                                                     NbAgencyLevel           level,
                                                     GError                **error);
guint                  nb_library_relocate_sources  (NbLibrary              *self,
                                                     const char             *folder,
                                                     GError                **error);

G_END_DECLS
