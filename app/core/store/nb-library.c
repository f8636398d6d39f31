/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>

#include "nb-checks.h"
#include "nb-error.h"
#include "nb-library-private.h"

/* The library: one SQLite file (the C API, one connection), its agencies
 * listed as a GListStore the views bind to.  The schema and migrations are
 * in nb-library-schema.c, reports in nb-library-reports.c, agencies in
 * nb-library-agencies.c, bulk import in nb-library-import.c. */

G_DEFINE_FINAL_TYPE (NbLibrary, nb_library, G_TYPE_OBJECT)

static void
nb_library_finalize (GObject *object)
{
  NbLibrary *self = NB_LIBRARY (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->agencies);
  g_free (self->path);

  G_OBJECT_CLASS (nb_library_parent_class)->finalize (object);
}

static void
nb_library_class_init (NbLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_library_finalize;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
nb_library_init (NbLibrary *self)
{
  g_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
  self->agencies = g_list_store_new (NB_TYPE_LIBRARY_AGENCY);
}

/* ---- SQLite helpers (the lock held) ------------------------------------ */

void
_nb_library_set_error (NbLibrary  *self,
                       GError    **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_FAILED, _("The library “%s” could not be used: %s"),
               self->path, sqlite3_errmsg (self->db));
}

/* Statements are prepared once and kept: @sql must be a string constant. */
sqlite3_stmt *
_nb_library_prepare (NbLibrary   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _nb_library_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_nb_library_exec (NbLibrary   *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _nb_library_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_nb_library_step_done (NbLibrary     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _nb_library_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_nb_library_commit_or_rollback (NbLibrary  *self,
                                gboolean    ok,
                                GError    **error)
{
  if (ok && _nb_library_exec (self, "COMMIT", error))
    return TRUE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* ---- Opening ------------------------------------------------------------ */

/**
 * nb_library_dup_default_path:
 *
 * Returns: $XDG_DATA_HOME/nianbao/library.sqlite
 */
char *
nb_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nianbao", "library.sqlite", NULL);
}

/**
 * nb_library_open:
 * @path: the library file; created (with its folder) when absent
 *
 * Opens the library, migrating an older schema, and lists its agencies.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
NbLibrary *
nb_library_open (const char  *path,
                 GError     **error)
{
  g_autoptr(NbLibrary) self = NULL;
  g_autofree char *dir = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The library's folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (NB_TYPE_LIBRARY, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->is_new = !g_file_test (path, G_FILE_TEST_EXISTS);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED, _("The library “%s” could not be opened: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  g_mutex_lock (&self->lock);
  ok = _nb_library_migrate (self, error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    return NULL;

  _nb_library_reload (self);
  return g_steal_pointer (&self);
}

const char *
nb_library_get_path (NbLibrary *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY (self), NULL);
  return self->path;
}

/**
 * nb_library_get_is_new:
 *
 * Returns: whether this open created the file: the app then seeds it with
 *   the bundled samples (nb_library_seed_samples_async ()).
 */
gboolean
nb_library_get_is_new (NbLibrary *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY (self), FALSE);
  return self->is_new;
}

/* ---- The agencies' list -------------------------------------------------- */

typedef struct
{
  gint64        id;
  char         *name;
  char         *region;
  NbAgencyLevel level;
  GPtrArray    *entries;
  GPtrArray    *names;
} AgencyRow;

static void
agency_row_free (AgencyRow *row)
{
  g_free (row->name);
  g_free (row->region);
  g_ptr_array_unref (row->entries);
  g_ptr_array_unref (row->names);
  g_free (row);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Rebuilds the agencies' list from the file, in three queries: cheap
 * enough for ten thousand reports (see the benchmark). */
void
_nb_library_reload (NbLibrary *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) agency_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_mutex_lock (&self->lock);

  stmt = _nb_library_prepare (self, "SELECT id, name, region, level FROM agencies ORDER BY name, id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      AgencyRow *row = g_new0 (AgencyRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup (column_text (stmt, 1));
      row->region = g_strdup (column_text (stmt, 2));
      row->level = sqlite3_column_int (stmt, 3);
      row->entries = g_ptr_array_new_with_free_func (g_object_unref);
      row->names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }

  stmt = _nb_library_prepare (self,
                              "SELECT id, agency_id, year, title, agency_name, source_path, n_problems, imported "
                              "FROM reports WHERE replaced_by IS NULL ORDER BY agency_id, year, id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 1);
      AgencyRow *row = g_hash_table_lookup (by_id, &agency_id);

      if (row == NULL)
        continue;
      g_ptr_array_add (row->entries,
                       _nb_library_entry_new (sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_int (stmt, 2),
                                              column_text (stmt, 3),
                                              column_text (stmt, 4),
                                              column_text (stmt, 5),
                                              sqlite3_column_int (stmt, 6),
                                              sqlite3_column_int64 (stmt, 7)));
    }

  stmt = _nb_library_prepare (self, "SELECT DISTINCT agency_id, agency_key FROM reports ORDER BY agency_id, agency_key", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 0);
      AgencyRow *row = g_hash_table_lookup (by_id, &agency_id);

      if (row != NULL)
        g_ptr_array_add (row->names, g_strdup (column_text (stmt, 1)));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < rows->len; i++)
    {
      AgencyRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (row->names, NULL);
      g_ptr_array_add (items, _nb_library_agency_new (row->id, row->name, (GStrv) row->names->pdata,
                                                      row->region, row->level, row->entries));
    }

  g_list_store_splice (self->agencies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agencies)),
                       items->pdata, items->len);
}

/**
 * nb_library_get_agencies:
 *
 * Returns: (transfer none): #NbLibraryAgency items, sorted by name; the
 *   list is replaced (items-changed) after imports, merges and edits
 */
GListModel *
nb_library_get_agencies (NbLibrary *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->agencies);
}

guint
nb_library_get_n_reports (NbLibrary *self)
{
  GListModel *agencies = G_LIST_MODEL (self->agencies);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(NbLibraryAgency) agency = g_list_model_get_item (agencies, i);

      n += nb_library_agency_get_n_reports (agency);
    }
  return n;
}

/**
 * nb_library_find_agency:
 * @name: any spelling of the agency's name (normalised and grouped as on
 *   import)
 *
 * Returns: (transfer full) (nullable): the agency
 */
NbLibraryAgency *
nb_library_find_agency (NbLibrary  *self,
                        const char *name)
{
  g_autofree char *key = _nb_agency_name_normalize (name);
  GListModel *agencies = G_LIST_MODEL (self->agencies);
  gint64 id;

  g_mutex_lock (&self->lock);
  id = _nb_library_resolve_agency (self, key, FALSE, NULL);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(NbLibraryAgency) agency = g_list_model_get_item (agencies, i);

      if (nb_library_agency_get_id (agency) == id)
        return g_steal_pointer (&agency);
    }
  return NULL;
}

/**
 * nb_library_find_report:
 *
 * Returns: the id of the current report of @agency (any spelling) for
 *   @year, or 0
 */
gint64
nb_library_find_report (NbLibrary  *self,
                        const char *agency,
                        int         year)
{
  g_autoptr(NbLibraryAgency) found = nb_library_find_agency (self, agency);
  GListModel *reports;

  if (found == NULL)
    return 0;
  reports = nb_library_agency_get_reports (found);
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(NbLibraryEntry) entry = g_list_model_get_item (reports, i);

      if (nb_library_entry_get_year (entry) == year)
        return nb_library_entry_get_id (entry);
    }
  return 0;
}

/**
 * nb_library_filter_agencies:
 * @query: what a person typed: part of a name, a region or a year
 *
 * Returns: (transfer full): a new list of the agencies that match
 *   (nb_library_agency_matches ()), in the list's order
 */
GListModel *
nb_library_filter_agencies (NbLibrary  *self,
                            const char *query)
{
  GListModel *agencies = G_LIST_MODEL (self->agencies);
  GListStore *store = g_list_store_new (NB_TYPE_LIBRARY_AGENCY);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      NbLibraryAgency *agency = g_list_model_get_item (agencies, i);

      if (nb_library_agency_matches (agency, query))
        g_ptr_array_add (found, agency);
      else
        g_object_unref (agency);
    }
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

/* ---- Reports ------------------------------------------------------------- */

/**
 * nb_library_load_report:
 *
 * Returns: (transfer full): the stored report, or %NULL with @error set
 */
NbReport *
nb_library_load_report (NbLibrary  *self,
                        gint64      report_id,
                        GError    **error)
{
  NbReport *report;

  g_return_val_if_fail (NB_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  report = _nb_library_read_report (self, report_id, error);
  g_mutex_unlock (&self->lock);
  return report;
}

/**
 * nb_library_open_document:
 *
 * Returns: (transfer full): the stored report as a document, with its
 *   source when the recorded path still holds the same bytes (SHA-256),
 *   else without one
 */
NbDocument *
nb_library_open_document (NbLibrary  *self,
                          gint64      report_id,
                          GError    **error)
{
  g_autoptr(NbReport) report = nb_library_load_report (self, report_id, error);
  g_autoptr(NbSourceDocument) source = NULL;
  const char *path;

  if (report == NULL)
    return NULL;

  path = nb_report_get_source_path (report);
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      source = nb_source_document_open (path, NULL, NULL, NULL);
      if (source != NULL &&
          g_strcmp0 (nb_source_document_get_checksum (source), nb_report_get_source_checksum (report)) != 0)
        g_clear_object (&source);
    }
  return nb_document_new_for_report (report, source);
}

/**
 * nb_library_save_report:
 * @report: the corrected report
 *
 * Replaces the stored cells, prose and problems of @report_id, in one
 * transaction, and lists the library again.
 */
gboolean
nb_library_save_report (NbLibrary  *self,
                        gint64      report_id,
                        NbReport   *report,
                        GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (NB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);

  problems = nb_checks_run (report);

  g_mutex_lock (&self->lock);
  ok = _nb_library_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      stmt = _nb_library_prepare (self, "SELECT 1 FROM reports WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, report_id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                           _("The report is no longer in the library"));
              ok = FALSE;
            }
          sqlite3_reset (stmt);
        }
      ok = ok && _nb_library_write_contents (self, report_id, report, problems, error);
      ok = _nb_library_commit_or_rollback (self, ok, error);
    }
  g_mutex_unlock (&self->lock);

  if (ok)
    _nb_library_reload (self);
  return ok;
}
