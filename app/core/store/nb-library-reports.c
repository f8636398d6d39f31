/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-library-private.h"
#include "nb-problem.h"

/* Reports in and out of the library's tables.  Every function here runs
 * with the library's lock held, inside the caller's transaction. */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static char *
template_text (NbReport *report)
{
  GString *s = g_string_new (NULL);

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      NbTemplateVersion version = nb_report_get_table_version (report, t);

      g_string_append_printf (s, "%s%s", t > 0 ? "," : "",
                              version != NB_TEMPLATE_UNKNOWN ? nb_template_version_to_string (version) : "");
    }
  return g_string_free (s, FALSE);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           column,
            NbCellState   state,
            double        value)
{
  if (state == NB_CELL_MISSING)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_double (stmt, column, value);
}

/* The cells, prose and problems of @report_id, replaced by @report's. */
gboolean
_nb_library_write_contents (NbLibrary  *self,
                            gint64      report_id,
                            NbReport   *report,
                            GPtrArray  *problems,
                            GError    **error)
{
  const NbCellDef *cells;
  guint n_cells;
  sqlite3_stmt *stmt;
  g_autofree char *template = template_text (report);

#define CLEAR(sql) \
  if ((stmt = _nb_library_prepare (self, sql, error)) == NULL) return FALSE; \
  sqlite3_bind_int64 (stmt, 1, report_id); \
  if (!_nb_library_step_done (self, stmt, error)) return FALSE;
  CLEAR ("DELETE FROM cells WHERE report_id = ?");
  CLEAR ("DELETE FROM sections WHERE report_id = ?");
  CLEAR ("DELETE FROM problems WHERE report_id = ?");
#undef CLEAR

  if ((stmt = _nb_library_prepare (self,
                                   "UPDATE reports SET title = ?, template = ?, n_problems = ? WHERE id = ?",
                                   error)) == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, nb_report_get_title (report));
  sqlite3_bind_text (stmt, 2, template, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, problems->len);
  sqlite3_bind_int64 (stmt, 4, report_id);
  if (!_nb_library_step_done (self, stmt, error))
    return FALSE;

  cells = nb_template_get_cells (&n_cells);
  if ((stmt = _nb_library_prepare (self,
                                   "INSERT INTO cells (report_id, cell, state, value, read_state, read_value, "
                                   "  line, col, length, page, x, y, w, h, note) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_cells; i++)
    {
      double value, read_value;
      NbCellState state = nb_report_get_cell (report, i, &value);
      NbCellState read_state = nb_report_get_cell_as_read (report, i, &read_value);
      const NbSource *source = nb_report_get_cell_source (report, i);
      const char *note = nb_report_get_cell_note (report, i);

      if (state == NB_CELL_MISSING && read_state == NB_CELL_MISSING && !nb_source_is_set (source) && note == NULL)
        continue;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, cells[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, state);
      bind_value (stmt, 4, state, value);
      sqlite3_bind_int (stmt, 5, read_state);
      bind_value (stmt, 6, read_state, read_value);
      if (nb_source_is_set (source))
        {
          sqlite3_bind_int (stmt, 7, source->line);
          sqlite3_bind_int (stmt, 8, source->column);
          sqlite3_bind_int (stmt, 9, source->length);
          /* a box on a page; a text source has none (NULL reads back as 0) */
          if (source->page > 0)
            {
              sqlite3_bind_int (stmt, 10, source->page);
              sqlite3_bind_double (stmt, 11, source->x);
              sqlite3_bind_double (stmt, 12, source->y);
              sqlite3_bind_double (stmt, 13, source->width);
              sqlite3_bind_double (stmt, 14, source->height);
            }
        }
      bind_text_or_null (stmt, 15, note);
      if (!_nb_library_step_done (self, stmt, error))
        return FALSE;
    }

  if ((stmt = _nb_library_prepare (self, "INSERT INTO sections (report_id, section, text) VALUES (?, ?, ?)",
                                   error)) == NULL)
    return FALSE;
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const char *text = nb_report_get_section_text (report, s);

      if (text == NULL || text[0] == '\0')
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_int (stmt, 2, s);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
      if (!_nb_library_step_done (self, stmt, error))
        return FALSE;
    }

  if ((stmt = _nb_library_prepare (self, "INSERT INTO problems (report_id, rule, severity, cells, message) "
                                         "VALUES (?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  for (guint p = 0; p < problems->len; p++)
    {
      NbProblem *problem = g_ptr_array_index (problems, p);
      g_autofree char *problem_cells = g_strjoinv (",", (char **) nb_problem_get_cells (problem));

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, nb_problem_get_rule (problem), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, nb_problem_get_severity (problem));
      sqlite3_bind_text (stmt, 4, problem_cells, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, nb_problem_get_message (problem), -1, SQLITE_STATIC);
      if (!_nb_library_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Within an agency (or every agency, @agency_id 0) and a year (or every
 * year, @year 0): each report points at the newest of its agency and
 * year, the newest at none.  Reports without a year have no versions. */
gboolean
_nb_library_relink_versions (NbLibrary  *self,
                             gint64      agency_id,
                             int         year,
                             GError    **error)
{
#define RELINK(where) \
    "UPDATE reports SET replaced_by = " \
    "  (SELECT max (r.id) FROM reports r WHERE r.agency_id = reports.agency_id AND r.year = reports.year " \
    "                                      AND r.year > 0 AND r.id > reports.id) " \
    "WHERE " where
  /* One statement per case, so each uses the (agency_id, year) index: an
   * import relinks one agency's year, never the whole table. */
  sqlite3_stmt *stmt = _nb_library_prepare (self,
                                            agency_id == 0 ? RELINK ("1")
                                            : year == 0 ? RELINK ("agency_id = ?1")
                                            : RELINK ("agency_id = ?1 AND year = ?2"),
                                            error);
#undef RELINK

  if (stmt == NULL)
    return FALSE;
  if (agency_id != 0)
    sqlite3_bind_int64 (stmt, 1, agency_id);
  if (agency_id != 0 && year != 0)
    sqlite3_bind_int (stmt, 2, year);
  return _nb_library_step_done (self, stmt, error);
}

/* A new report, or the id of the one with the same source (@duplicate). */
gint64
_nb_library_store_item (NbLibrary      *self,
                        NbLibraryItem  *item,
                        gboolean       *duplicate,
                        GError        **error)
{
  NbReport *report = item->report;
  g_autofree char *key = _nb_agency_name_normalize (nb_report_get_agency (report));
  const char *checksum = nb_report_get_source_checksum (report);
  sqlite3_stmt *stmt;
  gint64 agency_id, report_id;

  *duplicate = FALSE;
  if ((stmt = _nb_library_prepare (self, "SELECT id FROM reports WHERE source_sha256 = ?", error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      report_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      *duplicate = TRUE;
      return report_id;
    }
  sqlite3_reset (stmt);

  agency_id = _nb_library_resolve_agency (self, key, TRUE, error);
  if (agency_id <= 0)
    return 0;

  if ((stmt = _nb_library_prepare (self,
                                   "INSERT INTO reports (agency_id, agency_name, agency_key, year, source_path, "
                                   "  source_sha256, source_kind, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_text (stmt, 2, nb_report_get_agency (report) ? nb_report_get_agency (report) : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, nb_report_get_year (report));
  bind_text_or_null (stmt, 5, nb_report_get_source_path (report));
  sqlite3_bind_text (stmt, 6, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, item->kind);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time () / G_USEC_PER_SEC);
  if (!_nb_library_step_done (self, stmt, error))
    return 0;
  report_id = sqlite3_last_insert_rowid (self->db);

  if (!_nb_library_write_contents (self, report_id, report, item->problems, error) ||
      (nb_report_get_year (report) > 0 &&
       !_nb_library_relink_versions (self, agency_id, nb_report_get_year (report), error)))
    return 0;
  return report_id;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

NbReport *
_nb_library_read_report (NbLibrary  *self,
                         gint64      report_id,
                         GError    **error)
{
  g_autoptr(NbReport) report = NULL;
  g_auto(GStrv) template = NULL;
  sqlite3_stmt *stmt;
  GArray *as_read;

  if ((stmt = _nb_library_prepare (self,
                                   "SELECT agency_name, year, title, template, source_path, source_sha256 "
                                   "FROM reports WHERE id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED, _("The report is no longer in the library"));
      return NULL;
    }

  report = nb_report_new ();
  nb_report_begin_import (report);
  nb_report_set_agency (report, column_text (stmt, 0));
  nb_report_set_year (report, sqlite3_column_int (stmt, 1));
  nb_report_set_title (report, column_text (stmt, 2));
  template = g_strsplit (column_text (stmt, 3) ? column_text (stmt, 3) : "", ",", NB_N_TABLES);
  for (guint t = 0; template[t] != NULL && t < NB_N_TABLES; t++)
    {
      NbTemplateVersion version = nb_template_version_from_string (template[t]);

      if (version != NB_TEMPLATE_UNKNOWN)
        nb_report_set_table_version (report, t, version);
    }
  nb_report_set_source_path (report, column_text (stmt, 4));
  nb_report_set_source_checksum (report, column_text (stmt, 5));
  sqlite3_reset (stmt);

  if ((stmt = _nb_library_prepare (self, "SELECT section, text FROM sections WHERE report_id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 0) >= 0 && sqlite3_column_int (stmt, 0) < NB_N_SECTIONS)
      nb_report_set_section_text (report, sqlite3_column_int (stmt, 0), column_text (stmt, 1));
  sqlite3_reset (stmt);

  if ((stmt = _nb_library_prepare (self,
                                   "SELECT cell, state, value, read_state, read_value, line, col, length, page, "
                                   "  x, y, w, h, note FROM cells WHERE report_id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  as_read = g_array_new (FALSE, FALSE, sizeof (double[3]));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const NbCellDef *cell = nb_template_lookup_cell (column_text (stmt, 0));
      int state = sqlite3_column_int (stmt, 1);
      NbSource source = {
        .line = sqlite3_column_int (stmt, 5),
        .column = sqlite3_column_int (stmt, 6),
        .length = sqlite3_column_int (stmt, 7),
        .page = sqlite3_column_int (stmt, 8),
        .x = sqlite3_column_double (stmt, 9),
        .y = sqlite3_column_double (stmt, 10),
        .width = sqlite3_column_double (stmt, 11),
        .height = sqlite3_column_double (stmt, 12),
      };
      double read[3];

      if (cell == NULL || state < NB_CELL_MISSING || state > NB_CELL_DERIVED)
        continue;
      nb_report_set_cell (report, cell->index, state, sqlite3_column_double (stmt, 2), &source,
                          column_text (stmt, 13));
      read[0] = cell->index;
      read[1] = CLAMP (sqlite3_column_int (stmt, 3), NB_CELL_MISSING, NB_CELL_DERIVED);
      read[2] = sqlite3_column_double (stmt, 4);
      g_array_append_val (as_read, read);
    }
  sqlite3_reset (stmt);
  nb_report_end_import (report);

  /* What was read stays what was read, across saves. */
  for (guint i = 0; i < as_read->len; i++)
    {
      double *read = &g_array_index (as_read, double, 3 * i);

      nb_report_set_cell_as_read (report, (guint) read[0], (NbCellState) read[1], read[2]);
    }
  g_array_unref (as_read);

  nb_report_set_modified (report, FALSE);
  return g_steal_pointer (&report);
}

/**
 * nb_library_get_history:
 *
 * Returns: (transfer full): the older versions of @report_id's agency and
 *   year that newer ones replaced, newest first, as #NbLibraryEntry items
 */
GListModel *
nb_library_get_history (NbLibrary *self,
                        gint64     report_id)
{
  GListStore *store = g_list_store_new (NB_TYPE_LIBRARY_ENTRY);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NB_IS_LIBRARY (self), G_LIST_MODEL (store));

  g_mutex_lock (&self->lock);
  stmt = _nb_library_prepare (self,
                              "SELECT id, year, title, agency_name, source_path, n_problems, imported "
                              "FROM reports WHERE replaced_by = ? ORDER BY id DESC", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, report_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(NbLibraryEntry) entry =
            _nb_library_entry_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                                   column_text (stmt, 2), column_text (stmt, 3), column_text (stmt, 4),
                                   sqlite3_column_int (stmt, 5), sqlite3_column_int64 (stmt, 6));

          g_list_store_append (store, entry);
        }
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return G_LIST_MODEL (store);
}
