/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "nb-library.h"
#include "nb-source-document.h"

G_BEGIN_DECLS

/* The schema this build writes; older files are migrated on open
 * (nb-library-schema.c). */
#define NB_LIBRARY_SCHEMA_VERSION 2

struct _NbLibrary
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* The one connection is shared by the main thread and an import's
   * writer thread: every use holds the lock. */
  GMutex      lock;
  GHashTable *statements;  /* SQL text (static) → sqlite3_stmt */
  GListStore *agencies;
  guint       is_new : 1;
};

/* An imported report on its way to the writer. */
typedef struct
{
  NbReport     *report;
  NbSourceKind  kind;
  GPtrArray    *problems;   /* NbProblem */
} NbLibraryItem;

/* nb-library.c */
sqlite3_stmt *_nb_library_prepare          (NbLibrary      *self,
                                            const char     *sql,
                                            GError        **error);
gboolean      _nb_library_exec             (NbLibrary      *self,
                                            const char     *sql,
                                            GError        **error);
gboolean      _nb_library_step_done        (NbLibrary      *self,
                                            sqlite3_stmt   *stmt,
                                            GError        **error);
void          _nb_library_set_error        (NbLibrary      *self,
                                            GError        **error);
gboolean      _nb_library_commit_or_rollback (NbLibrary    *self,
                                            gboolean        ok,
                                            GError        **error);
void          _nb_library_reload           (NbLibrary      *self);

/* nb-library-schema.c */
gboolean      _nb_library_migrate          (NbLibrary      *self,
                                            GError        **error);

/* nb-library-reports.c: with the lock held, inside a transaction */
gint64        _nb_library_store_item       (NbLibrary      *self,
                                            NbLibraryItem  *item,
                                            gboolean       *duplicate,
                                            GError        **error);
gboolean      _nb_library_write_contents   (NbLibrary      *self,
                                            gint64          report_id,
                                            NbReport       *report,
                                            GPtrArray      *problems,
                                            GError        **error);
NbReport     *_nb_library_read_report      (NbLibrary      *self,
                                            gint64          report_id,
                                            GError        **error);
gboolean      _nb_library_relink_versions  (NbLibrary      *self,
                                            gint64          agency_id,
                                            int             year,
                                            GError        **error);

/* nb-library-agencies.c */
gint64        _nb_library_resolve_agency   (NbLibrary      *self,
                                            const char     *key,
                                            gboolean        create,
                                            GError        **error);

/* nb-agency-name.c: agency names, by their text alone */
char         *_nb_agency_name_normalize    (const char     *name);
char         *_nb_agency_name_group_key    (const char     *normalized,
                                            char          **region);
NbAgencyLevel _nb_agency_name_level        (const char     *normalized);

/* nb-library-agency.c, nb-library-entry.c */
NbLibraryAgency *_nb_library_agency_new    (gint64          id,
                                            const char     *name,
                                            GStrv           names,
                                            const char     *region,
                                            NbAgencyLevel   level,
                                            GPtrArray      *entries);
NbLibraryEntry  *_nb_library_entry_new     (gint64          id,
                                            int             year,
                                            const char     *title,
                                            const char     *agency_name,
                                            const char     *source_path,
                                            guint           n_problems,
                                            gint64          imported);

G_END_DECLS
