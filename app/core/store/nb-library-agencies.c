/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-library-private.h"
#include "nb-source-document.h"

/* Agencies: how a report's name finds its agency, and what a person does
 * to them (merge, split, region and level), each in one transaction.  A
 * name finds its agency by the whole normalised name a person split or
 * merged ('=' key) first, then by its group key (nb-agency-name.c). */

static gint64
lookup_key (NbLibrary  *self,
            const char *key,
            GError    **error)
{
  sqlite3_stmt *stmt = _nb_library_prepare (self, "SELECT agency_id FROM agency_keys WHERE key = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
set_key (NbLibrary  *self,
         const char *key,
         gint64      agency_id,
         GError    **error)
{
  sqlite3_stmt *stmt = _nb_library_prepare (self, "INSERT OR REPLACE INTO agency_keys (key, agency_id) VALUES (?, ?)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  return _nb_library_step_done (self, stmt, error);
}

/* A new agency named @key, its region and level read from the name. */
static gint64
create_agency (NbLibrary  *self,
               const char *key,
               GError    **error)
{
  g_autofree char *region = NULL;
  g_autofree char *group = _nb_agency_name_group_key (key, &region);
  sqlite3_stmt *stmt = _nb_library_prepare (self, "INSERT INTO agencies (name, region, level) VALUES (?, ?, ?)",
                                            error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, region, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, _nb_agency_name_level (key));
  if (!_nb_library_step_done (self, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * _nb_library_resolve_agency:
 * @key: a normalised name
 * @create: whether to make the agency when there is none
 *
 * Returns: the agency of @key; 0 when there is none, -1 on an error
 */
gint64
_nb_library_resolve_agency (NbLibrary  *self,
                            const char *key,
                            gboolean    create,
                            GError    **error)
{
  g_autofree char *exact = g_strconcat ("=", key, NULL);
  g_autofree char *group = _nb_agency_name_group_key (key, NULL);
  gint64 id;

  if ((id = lookup_key (self, exact, error)) != 0 ||
      (id = lookup_key (self, group, error)) != 0)
    return id;
  if (!create)
    return 0;

  id = create_agency (self, key, error);
  if (id > 0 && !set_key (self, group, id, error))
    return -1;
  return id;
}

/* Runs @sql (binding ?1 and ?2 to @a and @b) as one step of a change. */
static gboolean
run2 (NbLibrary  *self,
      const char *sql,
      gint64      a,
      gint64      b,
      GError    **error)
{
  sqlite3_stmt *stmt = _nb_library_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _nb_library_step_done (self, stmt, error);
}

static gboolean
agency_exists (NbLibrary  *self,
               gint64      agency_id,
               GError    **error)
{
  sqlite3_stmt *stmt = _nb_library_prepare (self, "SELECT 1 FROM agencies WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agency_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, NB_ERROR, NB_ERROR_FAILED, _("The agency is no longer in the library"));
  return found;
}

/* Runs a change of agencies in one transaction and lists them again. */
typedef gboolean (*ChangeFunc) (NbLibrary *self, gint64 a, gint64 b, gconstpointer data, GError **error);

static gboolean
run_change (NbLibrary     *self,
            ChangeFunc     func,
            gint64         a,
            gint64         b,
            gconstpointer  data,
            GError       **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = _nb_library_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = func (self, a, b, data, error);
      ok = _nb_library_commit_or_rollback (self, ok, error);
    }
  g_mutex_unlock (&self->lock);

  if (ok)
    _nb_library_reload (self);
  return ok;
}

static gboolean
merge (NbLibrary     *self,
       gint64         agency_id,
       gint64         other_id,
       gconstpointer  data,
       GError       **error)
{
  if (agency_id == other_id)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED, _("An agency cannot be merged with itself"));
      return FALSE;
    }
  /* Every name of the other agency now finds this one, for later imports
   * too: the merge is kept. */
  return agency_exists (self, agency_id, error) && agency_exists (self, other_id, error) &&
         run2 (self, "INSERT OR REPLACE INTO agency_keys (key, agency_id) "
                     "  SELECT DISTINCT '=' || agency_key, ?1 FROM reports WHERE agency_id = ?2", agency_id, other_id,
               error) &&
         run2 (self, "UPDATE agency_keys SET agency_id = ?1 WHERE agency_id = ?2", agency_id, other_id, error) &&
         run2 (self, "UPDATE reports SET agency_id = ?1 WHERE agency_id = ?2", agency_id, other_id, error) &&
         run2 (self, "DELETE FROM agencies WHERE id = ?2 AND ?1 = ?1", agency_id, other_id, error) &&
         _nb_library_relink_versions (self, agency_id, 0, error);
}

/**
 * nb_library_merge_agencies:
 * @agency_id: the agency that stays
 * @other_id: the agency whose reports and names join it
 *
 * Makes two agencies one (扶沟县工信局 and 扶沟县工业和信息化局), for the
 * reports in the library and the ones imported later.
 */
gboolean
nb_library_merge_agencies (NbLibrary  *self,
                           gint64      agency_id,
                           gint64      other_id,
                           GError    **error)
{
  g_return_val_if_fail (NB_IS_LIBRARY (self), FALSE);
  return run_change (self, merge, agency_id, other_id, NULL, error);
}

static gboolean
split (NbLibrary     *self,
       gint64         agency_id,
       gint64         unused,
       gconstpointer  data,
       GError       **error)
{
  const char *key = data;
  g_autofree char *exact = g_strconcat ("=", key, NULL);
  sqlite3_stmt *stmt;
  int n_named = 0, n_all = 0;
  gint64 new_id;

  if (!agency_exists (self, agency_id, error) ||
      (stmt = _nb_library_prepare (self, "SELECT count (*), sum (agency_key = ?2) FROM reports WHERE agency_id = ?1",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n_all = sqlite3_column_int (stmt, 0);
      n_named = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (n_named == 0 || n_named == n_all)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   n_named == 0 ? _("No report of this agency is named “%s”")
                                : _("Every report of this agency is named “%s”: there is nothing to split"),
                   key);
      return FALSE;
    }

  if ((new_id = create_agency (self, key, error)) <= 0 ||
      !set_key (self, exact, new_id, error) ||
      (stmt = _nb_library_prepare (self, "UPDATE reports SET agency_id = ?1 WHERE agency_id = ?2 AND agency_key = ?3",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  return _nb_library_step_done (self, stmt, error) &&
         _nb_library_relink_versions (self, agency_id, 0, error) &&
         _nb_library_relink_versions (self, new_id, 0, error);
}

/**
 * nb_library_split_agency:
 * @name: one of the agency's names (nb_library_agency_get_names ())
 *
 * Undoes a grouping or a merge: the reports whose agency is named @name
 * get an agency of their own, now and on later imports.
 */
gboolean
nb_library_split_agency (NbLibrary   *self,
                         gint64       agency_id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *key = _nb_agency_name_normalize (name);

  g_return_val_if_fail (NB_IS_LIBRARY (self), FALSE);
  return run_change (self, split, agency_id, 0, key, error);
}

typedef struct
{
  const char    *region;
  NbAgencyLevel  level;
} Info;

static gboolean
set_info (NbLibrary     *self,
          gint64         agency_id,
          gint64         unused,
          gconstpointer  data,
          GError       **error)
{
  const Info *info = data;
  sqlite3_stmt *stmt;

  if (!agency_exists (self, agency_id, error) ||
      (stmt = _nb_library_prepare (self, "UPDATE agencies SET region = ?, level = ?, info_edited = 1 WHERE id = ?",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->region ? info->region : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, info->level);
  sqlite3_bind_int64 (stmt, 3, agency_id);
  return _nb_library_step_done (self, stmt, error);
}

gboolean
nb_library_set_agency_info (NbLibrary      *self,
                            gint64          agency_id,
                            const char     *region,
                            NbAgencyLevel   level,
                            GError        **error)
{
  Info info = { region, level };

  g_return_val_if_fail (NB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (level <= NB_AGENCY_LEVEL_DEPARTMENT, FALSE);
  return run_change (self, set_info, agency_id, 0, &info, error);
}

/* ---- Moved sources ------------------------------------------------------- */

static void
hash_files (const char  *dir,
            GHashTable  *by_checksum,
            GHashTable  *wanted)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        hash_files (path, by_checksum, wanted);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
          g_autofree char *sum = NULL;

          if (mapped == NULL)
            continue;
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) g_mapped_file_get_contents (mapped),
                                             g_mapped_file_get_length (mapped));
          if (g_hash_table_contains (wanted, sum) && !g_hash_table_contains (by_checksum, sum))
            g_hash_table_insert (by_checksum, g_steal_pointer (&sum), g_steal_pointer (&path));
        }
    }
}

/**
 * nb_library_relocate_sources:
 * @folder: where a person says the sources went
 *
 * Finds, under @folder only, the sources that are no longer where the
 * library recorded them, by their SHA-256, and records their new place.
 *
 * Returns: how many reports found their source again
 */
guint
nb_library_relocate_sources (NbLibrary   *self,
                             const char  *folder,
                             GError     **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer sum, path;
  sqlite3_stmt *stmt;
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (NB_IS_LIBRARY (self), 0);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a folder"), folder);
      return 0;
    }

  g_mutex_lock (&self->lock);
  stmt = _nb_library_prepare (self, "SELECT source_sha256, source_path FROM reports", error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *recorded = (const char *) sqlite3_column_text (stmt, 1);

      /* A source still in place (same bytes) stays where it is. */
      if (recorded != NULL && g_file_test (recorded, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *sum_there = NULL;
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (recorded, FALSE, NULL);

          if (mapped != NULL)
            sum_there = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                     (const guchar *) g_mapped_file_get_contents (mapped),
                                                     g_mapped_file_get_length (mapped));
          if (g_strcmp0 (sum_there, (const char *) sqlite3_column_text (stmt, 0)) == 0)
            continue;
        }
      g_hash_table_add (wanted, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);
  if (stmt == NULL)
    return 0;

  if (g_hash_table_size (wanted) > 0)
    hash_files (folder, found, wanted);
  if (g_hash_table_size (found) == 0)
    return 0;

  g_mutex_lock (&self->lock);
  ok = _nb_library_exec (self, "BEGIN IMMEDIATE", error) &&
       (stmt = _nb_library_prepare (self, "UPDATE reports SET source_path = ? WHERE source_sha256 = ?", error)) != NULL;
  g_hash_table_iter_init (&iter, found);
  while (ok && g_hash_table_iter_next (&iter, &sum, &path))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, sum, -1, SQLITE_STATIC);
      ok = _nb_library_step_done (self, stmt, error);
      n += sqlite3_changes (self->db);
    }
  ok = _nb_library_commit_or_rollback (self, ok, error);
  g_mutex_unlock (&self->lock);

  if (!ok)
    return 0;
  _nb_library_reload (self);
  return n;
}
