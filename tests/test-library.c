/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-library.h"
#include "nb-library-private.h"
#include "nb-test-util.h"

/* The library: schema and migration, import (duplicates, versions,
 * failures), agencies (grouping, merge, split, region and level), cells
 * stored exactly, moved sources, and a kill in the middle of an import.
 * Expected values come from the fixtures' generator (expected.json), the
 * corpus' expected.json, or are spelt out here. */

#define SAMPLES_DIR "data", "samples"
#define FUGOU       "扶沟县工业和信息化局"

/* ---- helpers --------------------------------------------------------- */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nb-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.sqlite", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static NbLibrary *
open_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbLibrary *library = nb_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static NbLibraryImportResult *
import_paths (NbLibrary         *library,
              const char *const *paths)
{
  g_autoptr(GError) error = NULL;
  NbLibraryImportResult *result = nb_library_import (library, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static NbLibraryImportResult *
import_one (NbLibrary  *library,
            const char *path)
{
  const char *paths[] = { path, NULL };

  return import_paths (library, paths);
}

/* Runs @sql on its own connection and returns the first column of the
 * first row as an integer. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static NbLibraryAgency *
find_agency (NbLibrary  *library,
             const char *name)
{
  NbLibraryAgency *agency = nb_library_find_agency (library, name);

  if (agency == NULL)
    g_error ("no agency %s in the library", name);
  return agency;
}

static guint
n_agencies (NbLibrary *library)
{
  return g_list_model_get_n_items (nb_library_get_agencies (library));
}

/* A copy of a sample with its agency's name (and year) spelt otherwise. */
static char *
write_variant (const char *dir,
               const char *file_name,
               const char *sample,
               const char *agency,
               const char *new_agency,
               const char *year,
               const char *new_year)
{
  g_autofree char *sample_path = nb_test_path (SAMPLES_DIR, sample, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, file_name, NULL);

  g_file_get_contents (sample_path, &text, NULL, &error);
  g_assert_no_error (error);
  s = g_string_new (text);
  if (agency != NULL)
    g_string_replace (s, agency, new_agency, 0);
  if (year != NULL)
    g_string_replace (s, year, new_year, 0);
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- schema ---------------------------------------------------------- */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autoptr(NbLibrary) again = NULL;

  g_assert_true (nb_library_get_is_new (library));
  g_assert_cmpstr (nb_library_get_path (library), ==, fixture->path);
  g_assert_cmpuint (n_agencies (library), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
                   ==, 1);
  g_clear_object (&library);

  again = open_library (fixture->path);
  g_assert_false (nb_library_get_is_new (again));
}

static void
test_default_path (void)
{
  g_autofree char *path = nb_library_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "nianbao", "library.sqlite", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbLibrary) library = NULL;

  exec_sql (fixture->path, "PRAGMA user_version = 99");
  library = nb_library_open (fixture->path, &error);
  g_assert_null (library);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_FILE);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
test_not_a_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbLibrary) library = NULL;

  g_file_set_contents (fixture->path, "this is not a database, just some text that is long enough", -1, NULL);
  library = nb_library_open (fixture->path, &error);
  g_assert_null (library);
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

/* A version 1 library, made by hand as the first release wrote it. */
static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbLibrary) library = NULL;
  g_autoptr(NbLibraryAgency) agency = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *years = NULL;
  GListModel *reports;
  double value = 0;

  exec_sql (fixture->path,
            "CREATE TABLE reports (id INTEGER PRIMARY KEY, agency TEXT, year INTEGER, title TEXT, "
            "  source_path TEXT, source_sha256 TEXT UNIQUE, imported INTEGER);"
            "CREATE TABLE cells (report_id INTEGER, cell TEXT, state INTEGER, value REAL, "
            "  PRIMARY KEY (report_id, cell));"
            "INSERT INTO reports VALUES (1, '洪泽区人民政府', 2023, 'a', '/nowhere/a.txt', 'aaaa', 1700000000);"
            "INSERT INTO reports VALUES (2, '淮安市洪泽区人民政府', 2024, 'b', '/nowhere/b.txt', 'bbbb', 1700000001);"
            "INSERT INTO reports VALUES (3, '扶沟县工信局', 2023, 'c', NULL, 'cccc', 1700000002);"
            "INSERT INTO cells VALUES (1, 's3.new.natural', 1, 12);"
            "INSERT INTO cells VALUES (2, 's3.new.natural', 1, 34);"
            "INSERT INTO cells VALUES (2, 's2.rules.new', 1, 5);"
            "PRAGMA user_version = 1;");
  library = open_library (fixture->path);
  g_assert_false (nb_library_get_is_new (library));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpuint (n_agencies (library), ==, 2);

  agency = find_agency (library, "洪泽区人民政府");
  reports = nb_library_agency_get_reports (agency);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 2);
  years = nb_library_agency_dup_years_text (agency);
  g_assert_cmpstr (years, ==, "2023–2024");

  report = nb_library_load_report (library, 2, NULL);
  g_assert_nonnull (report);
  g_assert_cmpstr (nb_report_get_agency (report), ==, "淮安市洪泽区人民政府");
  g_assert_cmpint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpint (nb_report_get_cell (report, nb_template_lookup_cell ("s3.new.natural")->index, &value),
                   ==, NB_CELL_FOUND);
  g_assert_cmpfloat (value, ==, 34);
  g_assert_cmpint (nb_report_get_cell (report, nb_template_lookup_cell ("s2.rules.new")->index, &value),
                   ==, NB_CELL_FOUND);
  g_assert_cmpfloat (value, ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM cells"), ==, 3);
}

/* ---- import ---------------------------------------------------------- */

static void
test_import_samples (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *samples = nb_test_path (SAMPLES_DIR, NULL);
  g_autoptr(NbLibraryImportResult) result = import_one (library, samples);
  g_autoptr(NbLibraryImportResult) again = NULL;
  g_autoptr(NbLibraryAgency) fugou = NULL;
  g_autoptr(NbLibraryEntry) entry = NULL;
  g_autofree char *years = NULL;

  g_assert_cmpuint (result->n_added, ==, 5);
  g_assert_cmpuint (result->n_duplicates, ==, 0);
  g_assert_cmpuint (result->n_failed, ==, 0);
  g_assert_cmpuint (n_agencies (library), ==, 5);
  g_assert_cmpuint (nb_library_get_n_reports (library), ==, 5);

  fugou = find_agency (library, FUGOU);
  g_assert_cmpstr (nb_library_agency_get_name (fugou), ==, FUGOU);
  years = nb_library_agency_dup_years_text (fugou);
  g_assert_cmpstr (years, ==, "2023");
  entry = g_list_model_get_item (nb_library_agency_get_reports (fugou), 0);
  g_assert_cmpint (nb_library_entry_get_year (entry), ==, 2023);
  g_assert_cmpstr (nb_library_entry_get_agency_name (entry), ==, FUGOU);
  g_assert_true (nb_library_entry_get_source_available (entry));
  g_assert_true (g_str_has_suffix (nb_library_entry_get_source_path (entry), "004_d75dc64ce6227108.txt"));
  g_assert_nonnull (nb_library_entry_get_imported (entry));

  /* sorted by name */
  for (guint i = 1; i < n_agencies (library); i++)
    {
      g_autoptr(NbLibraryAgency) a = g_list_model_get_item (nb_library_get_agencies (library), i - 1);
      g_autoptr(NbLibraryAgency) b = g_list_model_get_item (nb_library_get_agencies (library), i);

      g_assert_cmpint (strcmp (nb_library_agency_get_name (a), nb_library_agency_get_name (b)), <, 0);
    }

  /* The same sources again: no new report. */
  again = import_one (library, samples);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_duplicates, ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports"), ==, 5);
}

/* The same bytes under another name are the same source. */
static void
test_duplicate_by_hash (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *sample = nb_test_path (SAMPLES_DIR, "000_f24d835b901d1514.txt", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "renamed copy.txt", NULL);
  g_autofree char *text = NULL;
  gsize length;
  const char *paths[] = { sample, copy, NULL };
  g_autoptr(NbLibraryImportResult) result = NULL;

  g_assert_true (g_file_get_contents (sample, &text, &length, NULL));
  g_assert_true (g_file_set_contents (copy, text, length, NULL));

  result = import_paths (library, paths);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->n_duplicates, ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports"), ==, 1);
  /* the first one found is the one recorded */
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports WHERE source_path LIKE '%000_f24d835b901d1514.txt'"),
                   ==, 1);
}

/* A newer report of an agency's year replaces the older, kept as history. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *first = nb_test_path (SAMPLES_DIR, "004_d75dc64ce6227108.txt", NULL);
  g_autofree char *corrected = write_variant (fixture->dir, "corrected.txt", "004_d75dc64ce6227108.txt",
                                              "一、总体情况", "一、总体情况（更正版）", NULL, NULL);
  g_autoptr(NbLibraryImportResult) r1 = import_one (library, first);
  g_autoptr(NbLibraryImportResult) r2 = import_one (library, corrected);
  g_autoptr(NbLibraryAgency) agency = find_agency (library, FUGOU);
  g_autoptr(NbLibraryEntry) entry = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(NbLibraryEntry) old = NULL;

  g_assert_cmpuint (r2->n_added, ==, 1);
  g_assert_cmpuint (n_agencies (library), ==, 1);
  g_assert_cmpuint (nb_library_agency_get_n_reports (agency), ==, 1);
  entry = g_list_model_get_item (nb_library_agency_get_reports (agency), 0);
  g_assert_true (g_str_has_suffix (nb_library_entry_get_source_path (entry), "corrected.txt"));
  g_assert_cmpint (nb_library_find_report (library, FUGOU, 2023), ==, nb_library_entry_get_id (entry));

  history = nb_library_get_history (library, nb_library_entry_get_id (entry));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  old = g_list_model_get_item (history, 0);
  g_assert_true (g_str_has_suffix (nb_library_entry_get_source_path (old), "004_d75dc64ce6227108.txt"));
  g_assert_cmpint (nb_library_entry_get_year (old), ==, 2023);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports"), ==, 2);
}

/* Files that cannot be read are listed with their reason; the rest go on. */
static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *folder = g_build_filename (fixture->dir, "mixed", NULL);
  g_autofree char *nested = g_build_filename (folder, "deeper", NULL);
  g_autofree char *empty = g_build_filename (folder, "a-empty.txt", NULL);
  g_autofree char *binary = g_build_filename (folder, "b-binary.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "not-here.txt", NULL);
  g_autofree char *good = NULL;
  const char *paths[] = { folder, missing, NULL };
  g_autoptr(NbLibraryImportResult) result = NULL;
  NbLibraryFailure *failure;

  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, "\x01\x02\x00\xff\xfe\x00\x00\x03 binary", 16, NULL));
  good = write_variant (nested, "c-good.txt", "001_7f28f313131cbcb8.txt", NULL, NULL, NULL, NULL);

  result = import_paths (library, paths);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpuint (result->n_failed, ==, 3);
  g_assert_cmpuint (result->failures->len, ==, 3);
  /* in the order found; the messages are the importer's, as the CLI
   * prints them */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = NULL;

      failure = g_ptr_array_index (result->failures, i);
      g_assert_cmpstr (failure->path, ==, i == 0 ? empty : i == 1 ? binary : missing);
      report = nb_import_file (failure->path, NULL, NULL, &error);
      g_assert_null (report);
      g_assert_cmpstr (failure->message, ==, error->message);
    }
  g_assert_cmpuint (nb_library_get_n_reports (library), ==, 1);
}

/* ---- agencies -------------------------------------------------------- */

static void
test_names (void)
{
  struct { const char *name, *normalized, *group, *region; NbAgencyLevel level; } cases[] = {
    { "淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区人民政府", "淮安市洪泽区", NB_AGENCY_LEVEL_GOVERNMENT },
    { "洪泽区人民政府", "洪泽区人民政府", "洪泽区人民政府", "洪泽区", NB_AGENCY_LEVEL_GOVERNMENT },
    { "江苏省淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府", "洪泽区人民政府", "江苏省淮安市洪泽区",
      NB_AGENCY_LEVEL_GOVERNMENT },
    { "　洪泽区 人民政府２０２３年度", "洪泽区人民政府", "洪泽区人民政府", "洪泽区", NB_AGENCY_LEVEL_GOVERNMENT },
    { "扶沟县工信局2024年", "扶沟县工信局", "扶沟县工信局", "扶沟县", NB_AGENCY_LEVEL_DEPARTMENT },
    { "尉氏县先进制造业开发区", "尉氏县先进制造业开发区", "尉氏县先进制造业开发区", "尉氏县",
      NB_AGENCY_LEVEL_UNKNOWN },
    { "滨州高新技术产业开发区", "滨州高新技术产业开发区", "滨州高新技术产业开发区", "滨州", NB_AGENCY_LEVEL_UNKNOWN },
    /* 城市 is not a place: every city's 城市管理局 must not become one */
    { "淮安市洪泽区城市管理局", "淮安市洪泽区城市管理局", "洪泽区城市管理局", "淮安市洪泽区",
      NB_AGENCY_LEVEL_DEPARTMENT },
    { "洪泽区市场监督管理局", "洪泽区市场监督管理局", "洪泽区市场监督管理局", "洪泽区", NB_AGENCY_LEVEL_DEPARTMENT },
    { "洪泽区发展和改革委员会", "洪泽区发展和改革委员会", "洪泽区发展和改革委员会", "洪泽区",
      NB_AGENCY_LEVEL_DEPARTMENT },
    { "ＡＢＣ Office", "ABCOffice", "ABCOffice", "", NB_AGENCY_LEVEL_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = _nb_agency_name_normalize (cases[i].name);
      g_autofree char *region = NULL;
      g_autofree char *group = _nb_agency_name_group_key (normalized, &region);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      g_assert_cmpstr (group, ==, cases[i].group);
      g_assert_cmpstr (region, ==, cases[i].region);
      g_assert_cmpint (_nb_agency_name_level (normalized), ==, cases[i].level);
    }
}

/* The corpus' pair: one agency under two names, grouped, and split. */
static void
test_group_hongze (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path_2023 = nb_test_shared_path ("corpus", "hongzequ_2023.layout.txt", NULL);
  g_autofree char *path_2024 = nb_test_shared_path ("corpus", "hongzequ_2024.layout.txt", NULL);
  g_autofree char *expected_2023 = nb_test_shared_path ("corpus", "hongzequ_2023.expected.json", NULL);
  g_autofree char *expected_2024 = nb_test_shared_path ("corpus", "hongzequ_2024.expected.json", NULL);
  g_autoptr(NbLibrary) library = NULL;
  g_autoptr(NbLibraryImportResult) result = NULL;
  g_autoptr(NbLibraryAgency) agency = NULL;
  g_autoptr(NbLibraryAgency) split = NULL;
  g_autoptr(NbLibraryAgency) rest = NULL;
  g_autoptr(JsonObject) e2023 = NULL;
  g_autoptr(JsonObject) e2024 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *years = NULL;
  const char *const *names;
  const char *paths[] = { path_2023, path_2024, NULL };

  if (!nb_test_require_shared (path_2023) || !nb_test_require_shared (path_2024))
    return;

  e2023 = nb_test_load_json (expected_2023);
  e2024 = nb_test_load_json (expected_2024);
  library = open_library (fixture->path);
  result = import_paths (library, paths);
  g_assert_cmpuint (result->n_added, ==, 2);

  g_assert_cmpuint (n_agencies (library), ==, 1);
  agency = find_agency (library, json_object_get_string_member (e2023, "agency"));
  g_assert_cmpuint (nb_library_agency_get_n_reports (agency), ==, 2);
  years = nb_library_agency_dup_years_text (agency);
  g_assert_cmpstr (years, ==, "2023–2024");
  names = nb_library_agency_get_names (agency);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_true (g_strv_contains (names, json_object_get_string_member (e2023, "agency")));
  g_assert_true (g_strv_contains (names, json_object_get_string_member (e2024, "agency")));
  g_assert_cmpint (nb_library_agency_get_level (agency), ==, NB_AGENCY_LEVEL_GOVERNMENT);
  g_assert_cmpint (nb_library_find_report (library, json_object_get_string_member (e2024, "agency"), 2023), >, 0);

  /* Split: the reports named 洪泽区人民政府 get their own agency, kept. */
  g_assert_true (nb_library_split_agency (library, nb_library_agency_get_id (agency),
                                          json_object_get_string_member (e2023, "agency"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_agencies (library), ==, 2);
  g_clear_object (&library);

  library = open_library (fixture->path);
  g_assert_cmpuint (n_agencies (library), ==, 2);
  split = find_agency (library, json_object_get_string_member (e2023, "agency"));
  rest = find_agency (library, json_object_get_string_member (e2024, "agency"));
  g_assert_cmpint (nb_library_agency_get_id (split), !=, nb_library_agency_get_id (rest));
  g_assert_cmpuint (nb_library_agency_get_n_reports (split), ==, 1);
  g_assert_cmpuint (nb_library_agency_get_n_reports (rest), ==, 1);
  g_assert_cmpint (nb_library_find_report (library, json_object_get_string_member (e2023, "agency"), 2023), >, 0);
  g_assert_cmpint (nb_library_find_report (library, json_object_get_string_member (e2024, "agency"), 2024), >, 0);
  g_assert_cmpint (nb_library_find_report (library, json_object_get_string_member (e2024, "agency"), 2023), ==, 0);

  /* Splitting the only name of an agency is refused. */
  g_assert_false (nb_library_split_agency (library, nb_library_agency_get_id (split),
                                           json_object_get_string_member (e2023, "agency"), &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
}

/* Two names of one agency, merged by a person; the merge is kept. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *full = nb_test_path (SAMPLES_DIR, "004_d75dc64ce6227108.txt", NULL);
  g_autofree char *short_2024 = write_variant (fixture->dir, "short-2024.txt", "004_d75dc64ce6227108.txt",
                                               FUGOU, "扶沟县工信局", "2023", "2024");
  g_autofree char *short_2022 = write_variant (fixture->dir, "short-2022.txt", "004_d75dc64ce6227108.txt",
                                               FUGOU, "扶沟县工信局", "2023", "2022");
  g_autofree char *same_year = write_variant (fixture->dir, "short-2023.txt", "004_d75dc64ce6227108.txt",
                                              FUGOU, "扶沟县工信局", NULL, NULL);
  const char *paths[] = { full, short_2024, NULL };
  g_autoptr(NbLibraryImportResult) result = import_paths (library, paths);
  g_autoptr(NbLibraryImportResult) later = NULL;
  g_autoptr(NbLibraryImportResult) third = NULL;
  g_autoptr(NbLibraryAgency) a = NULL;
  g_autoptr(NbLibraryAgency) b = NULL;
  g_autoptr(NbLibraryAgency) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *years = NULL;

  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (n_agencies (library), ==, 2);
  a = find_agency (library, FUGOU);
  b = find_agency (library, "扶沟县工信局");
  g_assert_cmpint (nb_library_agency_get_id (a), !=, nb_library_agency_get_id (b));

  g_assert_false (nb_library_merge_agencies (library, nb_library_agency_get_id (a), nb_library_agency_get_id (a),
                                             &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (nb_library_merge_agencies (library, nb_library_agency_get_id (a), nb_library_agency_get_id (b),
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_agencies (library), ==, 1);
  g_clear_object (&library);

  /* Kept across opening, and for reports imported later. */
  library = open_library (fixture->path);
  later = import_one (library, short_2022);
  g_assert_cmpuint (later->n_added, ==, 1);
  g_assert_cmpuint (n_agencies (library), ==, 1);
  merged = find_agency (library, "扶沟县工信局");
  g_assert_cmpint (nb_library_agency_get_id (merged), ==, nb_library_agency_get_id (a));
  g_assert_cmpstr (nb_library_agency_get_name (merged), ==, FUGOU);
  years = nb_library_agency_dup_years_text (merged);
  g_assert_cmpstr (years, ==, "2022–2024");
  g_assert_cmpuint (g_strv_length ((char **) nb_library_agency_get_names (merged)), ==, 2);

  /* A year both names have: the newer is the current one. */
  third = import_one (library, same_year);
  g_assert_cmpuint (third->n_added, ==, 1);
  g_clear_object (&merged);
  merged = find_agency (library, FUGOU);
  g_assert_cmpuint (nb_library_agency_get_n_reports (merged), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports WHERE replaced_by IS NOT NULL"), ==, 1);

  /* Split back: each name its own agency, each year current again. */
  g_assert_true (nb_library_split_agency (library, nb_library_agency_get_id (merged), "扶沟县工信局", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_agencies (library), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports WHERE replaced_by IS NOT NULL"), ==, 0);
  g_assert_cmpuint (nb_library_get_n_reports (library), ==, 4);
}

static void
test_agency_info (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *samples = nb_test_path (SAMPLES_DIR, NULL);
  g_autoptr(NbLibraryImportResult) result = import_one (library, samples);
  g_autoptr(NbLibraryAgency) agency = find_agency (library, FUGOU);
  g_autoptr(NbLibraryAgency) edited = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  NbAgencyLevel level;

  g_assert_cmpstr (nb_library_agency_get_region (agency), ==, "扶沟县");
  g_assert_cmpint (nb_library_agency_get_level (agency), ==, NB_AGENCY_LEVEL_DEPARTMENT);
  g_object_get (agency, "name", &name, "level", &level, NULL);
  g_assert_cmpstr (name, ==, FUGOU);
  g_assert_cmpint (level, ==, NB_AGENCY_LEVEL_DEPARTMENT);

  g_assert_true (nb_library_set_agency_info (library, nb_library_agency_get_id (agency), "河南省周口市扶沟县",
                                             NB_AGENCY_LEVEL_GOVERNMENT, &error));
  g_assert_no_error (error);
  g_clear_object (&library);
  library = open_library (fixture->path);
  edited = find_agency (library, FUGOU);
  g_assert_cmpstr (nb_library_agency_get_region (edited), ==, "河南省周口市扶沟县");
  g_assert_cmpint (nb_library_agency_get_level (edited), ==, NB_AGENCY_LEVEL_GOVERNMENT);

  /* Search: a name's part, a region, a year; words must all match. */
  found = nb_library_filter_agencies (library, "周口");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = nb_library_filter_agencies (library, "2024");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 4);
  g_clear_object (&found);
  found = nb_library_filter_agencies (library, "开发区 尉氏");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = nb_library_filter_agencies (library, "");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 5);
  g_clear_object (&found);
  found = nb_library_filter_agencies (library, "2023");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = nb_library_filter_agencies (library, "2019");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

/* ---- reports --------------------------------------------------------- */

static void
assert_same_report (NbReport *stored,
                    NbReport *read)
{
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  g_assert_cmpstr (nb_report_get_agency (stored), ==, nb_report_get_agency (read));
  g_assert_cmpint (nb_report_get_year (stored), ==, nb_report_get_year (read));
  g_assert_cmpstr (nb_report_get_title (stored), ==, nb_report_get_title (read));
  g_assert_cmpstr (nb_report_get_source_path (stored), ==, nb_report_get_source_path (read));
  g_assert_cmpstr (nb_report_get_source_checksum (stored), ==, nb_report_get_source_checksum (read));
  for (guint t = 0; t < NB_N_TABLES; t++)
    g_assert_cmpint (nb_report_get_table_version (stored, t), ==, nb_report_get_table_version (read, t));
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_assert_cmpstr (nb_report_get_section_text (stored, s) ? nb_report_get_section_text (stored, s) : "", ==,
                     nb_report_get_section_text (read, s) ? nb_report_get_section_text (read, s) : "");
  for (guint i = 0; i < n_cells; i++)
    {
      double a = 0, b = 0;
      const NbSource *sa = nb_report_get_cell_source (stored, i);
      const NbSource *sb = nb_report_get_cell_source (read, i);

      if (nb_report_get_cell (stored, i, &a) != nb_report_get_cell (read, i, &b) || a != b)
        g_error ("%s: stored %g, read %g", cells[i].id, a, b);
      g_assert_cmpint (nb_report_get_cell_as_read (stored, i, &a), ==, nb_report_get_cell_as_read (read, i, &b));
      g_assert_cmpfloat (a, ==, b);
      g_assert_cmpint (nb_source_is_set (sa), ==, nb_source_is_set (sb));
      if (nb_source_is_set (sa))
        g_assert_cmpmem (sa, sizeof *sa, sb, sizeof *sb);
      g_assert_cmpstr (nb_report_get_cell_note (stored, i), ==, nb_report_get_cell_note (read, i));
    }
}

/* Every cell of every distinct fixture, its value, state, source box and
 * note, comes back from the library exactly. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *dir = nb_test_path ("tests", "fixtures", "text", "distinct", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NbLibraryImportResult) result = NULL;
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (texts, g_build_filename (dir, name, NULL));
  g_ptr_array_add (texts, NULL);
  result = import_paths (library, (const char *const *) texts->pdata);
  g_assert_cmpuint (result->n_failed, ==, 0);

  g_dir_rewind (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(NbReport) read = NULL;
      g_autoptr(NbReport) stored = NULL;
      gint64 id;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      stem = g_strndup (name, strlen (name) - 4);
      expected = g_strdup_printf ("%s/%s.expected.json", dir, stem);
      read = nb_test_import (path);

      escaped = sqlite3_mprintf ("%q", path);
      sql = g_strdup_printf ("SELECT id FROM reports WHERE source_path = '%s'", escaped);
      sqlite3_free (escaped);
      escaped = NULL;
      id = query_int (fixture->path, sql);
      g_assert_cmpint (id, >, 0);
      stored = nb_library_load_report (library, id, NULL);
      g_assert_nonnull (stored);
      g_assert_false (nb_report_get_modified (stored));

      nb_test_assert_expected (stored, expected);
      assert_same_report (stored, read);
      n++;
    }
  g_assert_cmpuint (n, ==, result->n_added + result->n_duplicates);
  g_assert_cmpuint (n, >=, 8);
}

/* A PDF's cells keep their boxes on the page. */
static void
test_round_trip_pdf (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *pdf = nb_test_path ("tests", "pdf", "fixtures", "fugou_2023-word.pdf", NULL);
  g_autofree char *expected = nb_test_path ("tests", "pdf", "fixtures", "fugou_2023.expected.json", NULL);
  g_autoptr(NbLibraryImportResult) result = import_one (library, pdf);
  g_autoptr(NbReport) read = nb_test_import (pdf);
  g_autoptr(NbReport) stored = NULL;
  guint n_boxes = 0;

  g_assert_cmpuint (result->n_added, ==, 1);
  stored = nb_library_load_report (library, nb_library_find_report (library, FUGOU, 2023), NULL);
  g_assert_nonnull (stored);
  nb_test_assert_expected (stored, expected);
  assert_same_report (stored, read);
  for (guint i = 0; i < nb_template_get_n_cells (); i++)
    if (nb_report_get_cell_source (stored, i) != NULL && nb_report_get_cell_source (stored, i)->page > 0)
      n_boxes++;
  g_assert_cmpuint (n_boxes, >, 100);
  g_assert_cmpint (query_int (fixture->path, "SELECT source_kind FROM reports"), ==, NB_SOURCE_KIND_PDF);
}

/* A corrected report is saved into the library, in one transaction. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *sample = nb_test_path (SAMPLES_DIR, "004_d75dc64ce6227108.txt", NULL);
  g_autoptr(NbLibraryImportResult) result = import_one (library, sample);
  gint64 id = nb_library_find_report (library, FUGOU, 2023);
  g_autoptr(NbReport) report = nb_library_load_report (library, id, NULL);
  g_autoptr(NbReport) again = NULL;
  g_autoptr(NbLibraryAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  guint index = nb_template_lookup_cell ("s3.new.natural")->index;
  double value, read_value;

  g_assert_cmpint (id, >, 0);
  g_assert_true (nb_report_edit_cell_text (report, index, "12345", &error));
  g_assert_no_error (error);
  g_assert_true (nb_library_save_report (library, id, report, &error));
  g_assert_no_error (error);

  again = nb_library_load_report (library, id, NULL);
  g_assert_cmpint (nb_report_get_cell (again, index, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 12345);
  g_assert_cmpint (nb_report_get_cell_as_read (again, index, &read_value), ==, NB_CELL_FOUND);
  g_assert_cmpfloat (read_value, ==, 0);
  /* 12345 new requests break the balance of table 3: the count follows */
  agency = find_agency (library, FUGOU);
  g_assert_cmpuint (nb_library_agency_get_n_problems (agency), >, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM problems WHERE rule = 's3.balance'"), >, 0);

  g_assert_false (nb_library_save_report (library, 9999, report, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
}

/* A report opens with its source only when the recorded file still has
 * the same bytes; a moved source is found again by hash, under the folder
 * a person names and nowhere else. */
static void
test_relocate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first", NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "moved", "deeper", NULL);
  g_autofree char *decoy_dir = g_build_filename (fixture->dir, "decoy", NULL);
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *decoy = NULL;
  g_autofree char *moved_root = g_build_filename (fixture->dir, "moved", NULL);
  g_autoptr(NbLibrary) library = NULL;
  g_autoptr(NbLibraryImportResult) result = NULL;
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(NbLibraryAgency) agency = NULL;
  g_autoptr(NbLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (g_mkdir_with_parents (first, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (moved, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (decoy_dir, 0700), ==, 0);
  path = write_variant (first, "report.txt", "004_d75dc64ce6227108.txt", NULL, NULL, NULL, NULL);
  new_path = g_build_filename (moved, "renamed.txt", NULL);

  library = open_library (fixture->path);
  result = import_one (library, path);
  id = nb_library_find_report (library, FUGOU, 2023);

  document = nb_library_open_document (library, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nb_document_get_source (document));
  g_assert_cmpstr (nb_source_document_get_path (nb_document_get_source (document)), ==, path);
  g_clear_object (&document);

  g_assert_cmpint (g_rename (path, new_path), ==, 0);
  document = nb_library_open_document (library, id, &error);
  g_assert_no_error (error);
  g_assert_null (nb_document_get_source (document));
  g_assert_cmpuint (nb_report_get_year (nb_document_get_report (document)), ==, 2023);
  g_clear_object (&document);

  /* Another file where the old one was: not its source. */
  decoy = write_variant (first, "report.txt", "004_d75dc64ce6227108.txt", "一、总体情况", "一、概况", NULL, NULL);
  document = nb_library_open_document (library, id, &error);
  g_assert_null (nb_document_get_source (document));
  g_clear_object (&document);

  /* Pointed at a folder without it: nothing found. */
  g_assert_cmpuint (nb_library_relocate_sources (library, decoy_dir, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_library_relocate_sources (library, moved_root, &error), ==, 1);
  g_assert_no_error (error);

  agency = find_agency (library, FUGOU);
  entry = g_list_model_get_item (nb_library_agency_get_reports (agency), 0);
  g_assert_cmpstr (nb_library_entry_get_source_path (entry), ==, new_path);
  g_assert_true (nb_library_entry_get_source_available (entry));
  document = nb_library_open_document (library, id, &error);
  g_assert_nonnull (nb_document_get_source (document));
  g_assert_cmpstr (nb_source_document_get_path (nb_document_get_source (document)), ==, new_path);

  g_assert_cmpuint (nb_library_relocate_sources (library, "/nonexistent-folder", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* ---- the asynchronous import ------------------------------------------ */

typedef struct
{
  GThread               *main_thread;
  guint                  n_calls;
  guint                  last_done;
  guint                  last_total;
  gboolean               destroyed;
  gboolean               finished;
  NbLibraryImportResult *result;
  GError                *error;
} AsyncState;

static void
on_progress (guint       done,
             guint       total,
             const char *current_path,
             double      files_per_second,
             gpointer    data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (done, >=, state->last_done);
  g_assert_cmpuint (done, <=, total);
  state->n_calls++;
  state->last_done = done;
  state->last_total = total;
}

static void
on_progress_destroy (gpointer data)
{
  AsyncState *state = data;

  state->destroyed = TRUE;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->result = nb_library_import_finish (NB_LIBRARY (object), result, &state->error);
  state->finished = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *samples = nb_test_path (SAMPLES_DIR, NULL);
  g_autofree char *pdf = nb_test_path ("tests", "fixtures", "text", "distinct", "000-tabs.txt", NULL);
  g_autofree char *distinct = nb_test_path ("tests", "fixtures", "text", "distinct", "002-pipes.txt", NULL);
  const char *paths[] = { samples, distinct, pdf, NULL };
  AsyncState state = { g_thread_self () };

  nb_library_import_async (library, paths, NULL, on_progress, &state, on_progress_destroy, on_imported, &state);
  while (!state.finished || !state.destroyed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.result->n_failed, ==, 0);
  g_assert_cmpuint (state.result->n_added + state.result->n_duplicates, ==, state.last_total);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (state.n_calls, >=, 2);
  /* the two fixtures are other versions of two samples' agency and year */
  g_assert_cmpuint (state.result->n_added, ==, 7);
  g_assert_cmpuint (nb_library_get_n_reports (library), ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reports WHERE replaced_by IS NOT NULL"), ==, 2);
  nb_library_import_result_free (state.result);
}

static void
test_async_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *samples = nb_test_path (SAMPLES_DIR, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *paths[] = { samples, NULL };
  AsyncState state = { g_thread_self () };

  g_cancellable_cancel (cancellable);
  nb_library_import_async (library, paths, cancellable, NULL, NULL, NULL, on_imported, &state);
  while (!state.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (state.result);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (nb_library_get_n_reports (library), ==, 0);
}

static void
test_seed (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbLibrary) library = open_library (fixture->path);
  g_autofree char *samples = nb_test_path (SAMPLES_DIR, NULL);
  AsyncState state = { g_thread_self () };

  g_assert_true (nb_library_get_is_new (library));
  nb_library_seed_samples_async (library, samples, NULL, on_imported, &state);
  while (!state.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.result->n_added, ==, 5);
  g_assert_cmpuint (n_agencies (library), ==, 5);
  nb_library_import_result_free (state.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/nb/library/default-path", test_default_path);
  g_test_add_func ("/nb/library/names", test_names);
  ADD ("/nb/library/new", test_new);
  ADD ("/nb/library/newer-schema", test_newer_schema);
  ADD ("/nb/library/not-a-library", test_not_a_library);
  ADD ("/nb/library/migrate-v1", test_migrate_v1);
  ADD ("/nb/library/import-samples", test_import_samples);
  ADD ("/nb/library/duplicate-by-hash", test_duplicate_by_hash);
  ADD ("/nb/library/versions", test_versions);
  ADD ("/nb/library/failures", test_failures);
  ADD ("/nb/library/group-hongze", test_group_hongze);
  ADD ("/nb/library/merge", test_merge);
  ADD ("/nb/library/agency-info", test_agency_info);
  ADD ("/nb/library/round-trip", test_round_trip);
  ADD ("/nb/library/round-trip-pdf", test_round_trip_pdf);
  ADD ("/nb/library/save", test_save);
  ADD ("/nb/library/relocate", test_relocate);
  ADD ("/nb/library/async", test_async);
  ADD ("/nb/library/async-cancel", test_async_cancel);
  ADD ("/nb/library/seed", test_seed);
#undef ADD

  return g_test_run ();
}
