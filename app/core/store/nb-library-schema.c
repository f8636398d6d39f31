/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-library-private.h"

/* The library's schema, versioned by PRAGMA user_version.  A new file gets
 * the current schema; an older one is migrated step by step, each step in
 * one transaction.
 *
 * Version 1 (the first library): reports (id, agency, year, title,
 * source_path, source_sha256, imported) and their cells (report_id, cell,
 * state, value).
 * Version 2: agencies (grouped and merged names, region, level), every
 * cell's value as read, its source box and note, the prose, the problems,
 * the template per table, the source's kind, and versions: a report a
 * newer one of the same agency and year replaced points at it
 * (replaced_by) and is kept as history. */

static const char schema_v2[] =
  "CREATE TABLE agencies ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  region TEXT NOT NULL DEFAULT '',"
  "  level INTEGER NOT NULL DEFAULT 0,"
  "  info_edited INTEGER NOT NULL DEFAULT 0);"
  /* How a name finds its agency: a group key (洪泽区人民政府), or '=' and a
   * whole normalised name once a person has split or merged it. */
  "CREATE TABLE agency_keys ("
  "  key TEXT PRIMARY KEY,"
  "  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX agency_keys_agency ON agency_keys (agency_id);"
  "CREATE TABLE reports ("
  "  id INTEGER PRIMARY KEY,"
  "  agency_id INTEGER NOT NULL REFERENCES agencies (id),"
  "  agency_name TEXT NOT NULL DEFAULT '',"   /* as the report writes it */
  "  agency_key TEXT NOT NULL DEFAULT '',"    /* normalised */
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT,"
  "  template TEXT NOT NULL DEFAULT '',"      /* per table: 2021,2021,2019 */
  "  source_path TEXT,"
  "  source_sha256 TEXT NOT NULL UNIQUE,"
  "  source_kind INTEGER NOT NULL DEFAULT 1,"
  "  imported INTEGER NOT NULL,"              /* seconds since the epoch, UTC */
  "  n_problems INTEGER NOT NULL DEFAULT 0,"
  "  replaced_by INTEGER REFERENCES reports (id) ON DELETE SET NULL);"
  "CREATE INDEX reports_agency_year ON reports (agency_id, year);"
  "CREATE TABLE cells ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  cell TEXT NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  value REAL,"
  "  read_state INTEGER NOT NULL DEFAULT 0,"
  "  read_value REAL,"
  "  line INTEGER, col INTEGER, length INTEGER, page INTEGER,"
  "  x REAL, y REAL, w REAL, h REAL,"
  "  note TEXT,"
  "  PRIMARY KEY (report_id, cell)) WITHOUT ROWID;"
  "CREATE TABLE sections ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  section INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, section)) WITHOUT ROWID;"
  "CREATE TABLE problems ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  rule TEXT NOT NULL,"
  "  severity INTEGER NOT NULL,"
  "  cells TEXT NOT NULL,"
  "  message TEXT NOT NULL);"
  "CREATE INDEX problems_report ON problems (report_id);";

/* Version 1 → 2: the old tables renamed, the new ones made, the rows
 * copied; agencies are made from the names as on import. */
static gboolean
migrate_1_to_2 (NbLibrary  *self,
                GError    **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  gboolean ok;

  ok = _nb_library_exec (self,
                         "ALTER TABLE reports RENAME TO reports_v1;"
                         "ALTER TABLE cells RENAME TO cells_v1;", error) &&
       _nb_library_exec (self, schema_v2, error) &&
       /* agency 0 is a placeholder until each name is resolved below */
       _nb_library_exec (self,
                         "INSERT INTO agencies (id, name) VALUES (0, '');"
                         "INSERT INTO reports (id, agency_id, agency_name, year, title, source_path, "
                         "                     source_sha256, imported) "
                         "  SELECT id, 0, coalesce (agency, ''), coalesce (year, 0), title, source_path, "
                         "         source_sha256, imported FROM reports_v1;"
                         "INSERT INTO cells (report_id, cell, state, value, read_state, read_value) "
                         "  SELECT report_id, cell, state, value, state, value FROM cells_v1;"
                         "DROP TABLE cells_v1; DROP TABLE reports_v1;", error);
  if (!ok)
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, agency_name FROM reports", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "UPDATE reports SET agency_id = ?, agency_key = ? WHERE id = ?", -1,
                          &update, NULL) != SQLITE_OK)
    {
      _nb_library_set_error (self, error);
      ok = FALSE;
    }
  while (ok && sqlite3_step (select) == SQLITE_ROW)
    {
      g_autofree char *key = _nb_agency_name_normalize ((const char *) sqlite3_column_text (select, 1));
      gint64 agency_id = _nb_library_resolve_agency (self, key, TRUE, error);

      ok = agency_id > 0;
      if (!ok)
        break;
      sqlite3_bind_int64 (update, 1, agency_id);
      sqlite3_bind_text (update, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 3, sqlite3_column_int64 (select, 0));
      ok = _nb_library_step_done (self, update, error);
    }
  sqlite3_finalize (select);
  sqlite3_finalize (update);

  /* The problems and prose were not kept: they return when a report is
   * imported again or saved.  Versions are linked as on import. */
  return ok &&
         _nb_library_exec (self, "DELETE FROM agencies WHERE id = 0", error) &&
         _nb_library_relink_versions (self, 0, 0, error);
}

gboolean
_nb_library_migrate (NbLibrary  *self,
                     GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  gboolean ok = TRUE;

  /* WAL: readers never wait for the writer, and a commit is one append. */
  if (!_nb_library_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                               "PRAGMA foreign_keys = ON;", error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      _nb_library_set_error (self, error);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > NB_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("The library “%s” was written by a newer version of Nianbao"), self->path);
      return FALSE;
    }
  if (version == NB_LIBRARY_SCHEMA_VERSION)
    return TRUE;

  if (!_nb_library_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (version == 0)
    ok = _nb_library_exec (self, schema_v2, error);
  else if (version == 1)
    ok = migrate_1_to_2 (self, error);
  ok = ok && _nb_library_exec (self, "PRAGMA user_version = 2", error);
  return _nb_library_commit_or_rollback (self, ok, error);
}
