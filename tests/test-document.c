/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "nb-document.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-report-file.h"
#include "nb-source-document.h"
#include "nb-test-util.h"

/* The document (report + source, loaded and saved off the main thread) and
 * the source document (a file read once).  Expected cells come from
 * tests/expected and the PDF fixtures' expected.json; checksums are
 * computed here from the file's bytes. */

#define SEED        "000_f24d835b901d1514"
#define PDF_VARIANT "weishi_2024"

/* ---- helpers --------------------------------------------------------- */

static void
run_until (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gboolean      done;
  gboolean      ok;
  GError       *error;
} Result;

static void
result_clear (Result *result)
{
  g_clear_error (&result->error);
  result->done = result->ok = FALSE;
}

static void
on_loaded (GObject      *object,
           GAsyncResult *res,
           gpointer      user_data)
{
  Result *result = user_data;

  result->ok = nb_document_load_finish (NB_DOCUMENT (object), res, &result->error);
  result->done = TRUE;
}

static void
on_saved (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  Result *result = user_data;

  result->ok = nb_document_save_finish (NB_DOCUMENT (object), res, &result->error);
  result->done = TRUE;
}

/* Loads @path into a new document on the main loop; NULL with @error set
 * when it fails. */
static NbDocument *
load_document (const char    *path,
               const char    *password,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = nb_document_new (file);
  Result result = { 0 };

  nb_document_load_async (document, password, cancellable, on_loaded, &result);
  g_assert_true (nb_document_get_busy (document));
  run_until (&result.done);
  g_assert_false (nb_document_get_busy (document));

  if (!result.ok)
    {
      g_assert_nonnull (result.error);
      g_assert_null (nb_document_get_report (document));
      g_assert_true (g_error_matches (nb_document_get_error (document),
                                      result.error->domain, result.error->code));
      g_propagate_error (error, result.error);
      return NULL;
    }
  g_assert_no_error (result.error);
  g_assert_null (nb_document_get_error (document));
  return g_steal_pointer (&document);
}

static NbDocument *
load_document_ok (const char *path,
                  const char *password)
{
  g_autoptr(GError) error = NULL;
  NbDocument *document = load_document (path, password, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
save_document_ok (NbDocument *document,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result result = { 0 };

  nb_document_save_async (document, file, NULL, on_saved, &result);
  run_until (&result.done);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_checksum_update (checksum, (const guchar *) contents, length);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Every cell of @a has the state and value of the same cell in @b. */
static void
assert_same_cells (NbReport *a,
                   NbReport *b)
{
  guint n_cells;

  nb_template_get_cells (&n_cells);
  g_assert_cmpuint (n_cells, >, 200);
  for (guint i = 0; i < n_cells; i++)
    {
      double va = 0, vb = 0;
      NbCellState sa = nb_report_get_cell (a, i, &va);
      NbCellState sb = nb_report_get_cell (b, i, &vb);

      g_assert_cmpint (sa, ==, sb);
      if (sa != NB_CELL_MISSING)
        g_assert_cmpfloat (va, ==, vb);
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nianbao-document-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
copy_to_dir (const char *from,
             const char *dir,
             const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *to = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static const NbCellDef *
cell (const char *id)
{
  const NbCellDef *def = nb_template_lookup_cell (id);

  g_assert_nonnull (def);
  return def;
}

/* Records the values a boolean property took, in order. */
static void
on_notify_busy (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_c (log, nb_document_get_busy (NB_DOCUMENT (object)) ? 'T' : 'F');
}

/* ---- the old save road: two saves in a row --------------------------- */

typedef struct
{
  guint  n_done;
  guint  n_ok;
} SaveCount;

static void
on_report_saved (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  SaveCount *count = user_data;
  g_autoptr(GError) error = NULL;

  if (nb_report_file_save_finish (NB_REPORT (object), res, &error))
    count->n_ok++;
  else
    g_error ("save failed: %s", error->message);
  count->n_done++;
}

/* GTask's worker threads, held until the gate opens: the saves queued
 * meanwhile all start after the last one was asked for, as they do when
 * the machine is busy. */
#define N_BLOCKERS 32

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean open;
  guint    n_done;
} Gate;

static void
blocker_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Gate *gate = task_data;

  g_mutex_lock (&gate->lock);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_blocker_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ((Gate *) user_data)->n_done++;
}

static void
gate_close (Gate *gate)
{
  g_mutex_init (&gate->lock);
  g_cond_init (&gate->cond);
  for (guint i = 0; i < N_BLOCKERS; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_blocker_done, gate);

      g_task_set_task_data (task, gate, NULL);
      g_task_run_in_thread (task, blocker_thread);
    }
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
  while (gate->n_done < N_BLOCKERS)
    g_main_context_iteration (NULL, TRUE);
  g_mutex_clear (&gate->lock);
  g_cond_clear (&gate->cond);
}

/* Each save carries its own data: saves in a row all write the report,
 * none frees another's text (they did, when the text travelled as object
 * data on the report: "double free or corruption"). */
static void
test_report_file_double_save (void)
{
  g_autofree char *sample = nb_test_path ("data", "samples", SEED ".txt", NULL);
  g_autofree char *expected = nb_test_path ("tests", "expected", SEED ".json", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "twice.nianbao", NULL);
  g_autoptr(NbReport) report = nb_test_import (sample);
  g_autoptr(NbReport) reopened = NULL;
  g_autoptr(JsonObject) expected_json = nb_test_load_json (expected);
  JsonObject *cells = json_object_get_object_member (expected_json, "cells");
  const NbCellDef *edited = cell ("s3.new.natural");
  SaveCount count = { 0 };
  Gate gate = { 0 };
  double value;

  nb_report_edit_cell (report, edited->index, NB_CELL_EDITED, 4321);

  gate_close (&gate);
  for (guint i = 0; i < 3; i++)
    nb_report_file_save_async (report, path, NULL, on_report_saved, &count);
  gate_open (&gate);
  while (count.n_done < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count.n_ok, ==, 3);
  g_assert_false (nb_report_get_modified (report));

  reopened = nb_test_import (path);
  assert_same_cells (reopened, report);
  g_assert_cmpint (nb_report_get_cell (reopened, edited->index, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 4321);

  /* The rest is still what the sample says. */
  json_object_remove_member (cells, edited->id);
  nb_test_assert_cells (reopened, cells, expected);

  remove_temp_dir (dir);
}

/* ---- loading --------------------------------------------------------- */

static void
test_load_text (gconstpointer data)
{
  const char *seed = data;
  g_autofree char *name = g_strconcat (seed, ".txt", NULL);
  g_autofree char *json = g_strconcat (seed, ".json", NULL);
  g_autofree char *path = nb_test_path ("data", "samples", name, NULL);
  g_autofree char *expected_path = nb_test_path ("tests", "expected", json, NULL);
  g_autofree char *sha256 = sha256_of_file (path);
  g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);
  g_autoptr(NbDocument) document = load_document_ok (path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = NULL;
  g_autofree char *want_title = NULL;
  NbSourceDocument *source = nb_document_get_source (document);
  NbReport *report = nb_document_get_report (document);

  nb_test_assert_expected (report, expected_path);

  g_assert_nonnull (source);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_TEXT);
  g_assert_cmpstr (nb_source_document_get_checksum (source), ==, sha256);
  g_assert_cmpstr (nb_report_get_source_checksum (report), ==, sha256);
  g_assert_cmpstr (nb_source_document_get_path (source), ==, path);
  g_assert_cmpstr (nb_source_document_get_encoding (source), ==, "UTF-8");
  g_assert_cmpuint (nb_source_document_get_n_pages (source), ==, 0);

  g_assert_true (g_file_equal (nb_document_get_file (document), file));
  g_assert_null (nb_document_get_saved_file (document));
  g_assert_cmpint (nb_document_get_source_state (document), ==, NB_SOURCE_STATE_NONE);
  g_assert_false (nb_document_get_modified (document));
  g_assert_cmpfloat (nb_document_get_progress (document), ==, 1.0);
  g_assert_true (nb_checker_get_report (nb_document_get_checker (document)) == report);
  g_assert_true (nb_document_get_problems (document) ==
                 nb_checker_get_problems (nb_document_get_checker (document)));

  title = nb_document_dup_title (document);
  want_title = g_strdup_printf ("%s %d", json_object_get_string_member (expected, "agency"),
                                (int) json_object_get_int_member (expected, "year"));
  g_assert_cmpstr (title, ==, want_title);
}

typedef struct
{
  double min_seen;
  guint  n_notifies;
} ProgressLog;

static void
on_notify_progress (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  ProgressLog *log = user_data;
  double progress = nb_document_get_progress (NB_DOCUMENT (object));

  g_assert_cmpfloat (progress, >=, 0.0);
  g_assert_cmpfloat (progress, <=, 1.0);
  log->min_seen = MIN (log->min_seen, progress);
  log->n_notifies++;
}

static void
test_load_pdf (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", PDF_VARIANT "-word.pdf", NULL);
  g_autofree char *expected = nb_test_path ("tests", "pdf", "fixtures", PDF_VARIANT ".expected.json", NULL);
  g_autofree char *sha256 = sha256_of_file (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = nb_document_new (file);
  ProgressLog log = { 2.0, 0 };
  Result result = { 0 };
  NbSourceDocument *source;

  g_signal_connect (document, "notify::progress", G_CALLBACK (on_notify_progress), &log);
  nb_document_load_async (document, NULL, NULL, on_loaded, &result);
  run_until (&result.done);
  g_assert_no_error (result.error);

  nb_test_assert_expected (nb_document_get_report (document), expected);
  source = nb_document_get_source (document);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_PDF);
  g_assert_cmpstr (nb_source_document_get_checksum (source), ==, sha256);
  g_assert_null (nb_source_document_get_text (source));
  g_assert_cmpuint (nb_source_document_get_n_lines (source), ==, 0);
  g_assert_cmpuint (nb_source_document_get_n_pages (source), >=, 2);

  /* Page by page, then done. */
  g_assert_cmpuint (log.n_notifies, >=, 2);
  g_assert_cmpfloat (log.min_seen, <, 1.0);
  g_assert_cmpfloat (nb_document_get_progress (document), ==, 1.0);
}

static void
test_encrypted (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "encrypted.pdf", NULL);
  g_autofree char *expected = nb_test_path ("tests", "pdf", "fixtures", PDF_VARIANT ".expected.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = nb_document_new (file);
  Result result = { 0 };

  /* Without the password: the error says so, and the same document loads
   * once it is given (the password is in tests/pdf/fixtures/README.md). */
  nb_document_load_async (document, NULL, NULL, on_loaded, &result);
  run_until (&result.done);
  g_assert_error (result.error, NB_ERROR, NB_ERROR_ENCRYPTED);
  g_assert_true (g_error_matches (nb_document_get_error (document), NB_ERROR, NB_ERROR_ENCRYPTED));
  g_assert_null (nb_document_get_report (document));
  result_clear (&result);

  nb_document_load_async (document, "wrong", NULL, on_loaded, &result);
  run_until (&result.done);
  g_assert_error (result.error, NB_ERROR, NB_ERROR_ENCRYPTED);
  g_assert_cmpstr (result.error->message, ==, "The password of this PDF is not right");
  result_clear (&result);

  nb_document_load_async (document, "nianbao", NULL, on_loaded, &result);
  run_until (&result.done);
  g_assert_no_error (result.error);
  g_assert_null (nb_document_get_error (document));
  nb_test_assert_expected (nb_document_get_report (document), expected);
  g_assert_cmpuint (nb_source_document_get_n_pages (nb_document_get_source (document)), >=, 2);

  /* Saved, then reopened: its source asks for the password again. */
  {
    g_autofree char *dir = make_temp_dir ();
    g_autofree char *saved = g_build_filename (dir, "encrypted.nianbao", NULL);
    g_autoptr(NbDocument) reopened = NULL;
    g_autoptr(GError) error = NULL;

    save_document_ok (document, saved);
    reopened = load_document (saved, NULL, NULL, &error);
    g_assert_null (reopened);
    g_assert_error (error, NB_ERROR, NB_ERROR_ENCRYPTED);

    reopened = load_document_ok (saved, "nianbao");
    g_assert_cmpint (nb_document_get_source_state (reopened), ==, NB_SOURCE_STATE_SAME);
    g_assert_cmpint (nb_source_document_get_kind (nb_document_get_source (reopened)), ==,
                     NB_SOURCE_KIND_PDF);
    assert_same_cells (nb_document_get_report (reopened), nb_document_get_report (document));
    remove_temp_dir (dir);
  }
}

static void
test_bad_pdfs (void)
{
  g_autofree char *truncated = nb_test_path ("tests", "pdf", "fixtures", "bad", "truncated.pdf", NULL);
  g_autofree char *not_pdf = nb_test_path ("tests", "pdf", "fixtures", "bad", "not-a-pdf.pdf", NULL);
  g_autofree char *scan = nb_test_path ("tests", "pdf", "fixtures", "bad", "scan.pdf", NULL);
  const char garbage[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot a pdf\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (garbage, sizeof garbage - 1);
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* No xref, no trailer: Poppler gives up, and the message says why. */
  document = load_document (truncated, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
  g_clear_error (&error);

  /* Text named .pdf: read as the text it is. */
  document = load_document (not_pdf, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
  g_clear_error (&error);
  source = nb_source_document_open (not_pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_TEXT);
  g_clear_object (&source);

  document = load_document (scan, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_TEXT);
  g_clear_error (&error);

  source = nb_source_document_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_bad_files (void)
{
  g_autofree char *huge = g_malloc (NB_SOURCE_MAX_TEXT_SIZE + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  memset (huge, 'a', NB_SOURCE_MAX_TEXT_SIZE + 1);
  bytes = g_bytes_new_take (g_steal_pointer (&huge), NB_SOURCE_MAX_TEXT_SIZE + 1);
  source = nb_source_document_new_from_bytes (bytes, "huge.txt", NULL, &error);
  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "16.8\u00a0MB"));
  g_clear_error (&error);

  source = nb_source_document_open ("/nonexistent/report.txt", NULL, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  document = load_document (NB_TEST_SOURCE_ROOT, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
}

static void
test_cancel (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", PDF_VARIANT "-word.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = nb_document_new (file);
  g_autoptr(NbDocument) failed = NULL;
  g_autoptr(GError) error = NULL;
  Result result = { 0 };

  /* Cancelled before it starts */
  g_cancellable_cancel (cancellable);
  failed = load_document (path, NULL, cancellable, &error);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* and while it runs */
  g_cancellable_reset (cancellable);
  nb_document_load_async (document, NULL, cancellable, on_loaded, &result);
  g_cancellable_cancel (cancellable);
  run_until (&result.done);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (nb_document_get_busy (document));
  g_assert_null (nb_document_get_report (document));
  result_clear (&result);
}

/* ---- saving ---------------------------------------------------------- */

static void
test_save_busy (void)
{
  g_autofree char *sample = nb_test_path ("data", "samples", SEED ".txt", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.nianbao", NULL);
  g_autofree char *other = g_build_filename (dir, "other.nianbao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GFile) source_file = g_file_new_for_path (sample);
  g_autoptr(NbDocument) document = load_document_ok (sample, NULL);
  g_autoptr(NbDocument) reopened = NULL;
  g_autoptr(GString) busy_log = g_string_new (NULL);
  NbReport *report = nb_document_get_report (document);
  const NbCellDef *edited = cell ("s3.results_total.total");
  Result first = { 0 }, second = { 0 }, to_source = { 0 };
  double value;

  nb_report_edit_cell (report, edited->index, NB_CELL_EDITED, 777);
  g_assert_true (nb_document_get_modified (document));

  g_signal_connect (document, "notify::busy", G_CALLBACK (on_notify_busy), busy_log);
  nb_document_save_async (document, file, NULL, on_saved, &first);
  g_assert_true (nb_document_get_busy (document));
  nb_document_save_async (document, other_file, NULL, on_saved, &second);
  run_until (&first.done);
  run_until (&second.done);

  g_assert_no_error (first.error);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (busy_log->str, ==, "TF");
  g_assert_false (nb_document_get_busy (document));
  g_assert_false (nb_document_get_modified (document));
  g_assert_true (g_file_equal (nb_document_get_saved_file (document), file));
  /* A failed second save is not the document's error. */
  g_assert_null (nb_document_get_error (document));

  /* Never over the source */
  nb_document_save_async (document, source_file, NULL, on_saved, &to_source);
  run_until (&to_source.done);
  g_assert_error (to_source.error, NB_ERROR, NB_ERROR_FAILED);
  g_clear_error (&to_source.error);

  reopened = load_document_ok (path, NULL);
  assert_same_cells (nb_document_get_report (reopened), report);
  g_assert_cmpint (nb_report_get_cell (nb_document_get_report (reopened), edited->index, &value),
                   ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 777);
  g_assert_cmpint (nb_document_get_source_state (reopened), ==, NB_SOURCE_STATE_SAME);
  g_assert_nonnull (nb_document_get_source (reopened));
  g_assert_cmpstr (nb_source_document_get_path (nb_document_get_source (reopened)), ==, sample);
  g_assert_true (g_file_equal (nb_document_get_saved_file (reopened), file));
  g_assert_false (nb_document_get_modified (reopened));

  g_clear_error (&first.error);
  g_clear_error (&second.error);
  remove_temp_dir (dir);
}

/* Import a copy of the sample, edit one cell, save; returns the report
 * file's path and sets @source_path to the copy. */
static char *
save_edited_copy (const char  *dir,
                  char       **source_path,
                  NbReport   **saved)
{
  g_autofree char *sample = nb_test_path ("data", "samples", SEED ".txt", NULL);
  g_autoptr(NbDocument) document = NULL;
  char *path = g_build_filename (dir, "copy.nianbao", NULL);

  *source_path = copy_to_dir (sample, dir, "copy.txt");
  document = load_document_ok (*source_path, NULL);
  nb_report_edit_cell (nb_document_get_report (document), cell ("s3.new.natural")->index,
                       NB_CELL_EDITED, 1234);
  save_document_ok (document, path);
  *saved = g_object_ref (nb_document_get_report (document));
  return path;
}

static void
test_reopen_changed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *source_path = NULL;
  g_autoptr(NbReport) saved = NULL;
  g_autofree char *path = save_edited_copy (dir, &source_path, &saved);
  g_autofree char *contents = NULL;
  g_autoptr(NbDocument) document = NULL;
  g_autofree char *sha256 = NULL;
  double value;

  /* One more line at the end: another file now. */
  g_assert_true (g_file_get_contents (source_path, &contents, NULL, NULL));
  {
    g_autofree char *changed = g_strconcat (contents, "\n附：本报告已更正。\n", NULL);

    g_assert_true (g_file_set_contents (source_path, changed, -1, NULL));
  }
  sha256 = sha256_of_file (source_path);

  document = load_document_ok (path, NULL);
  g_assert_cmpint (nb_document_get_source_state (document), ==, NB_SOURCE_STATE_CHANGED);
  /* A file that is not the source is never opened nor shown. */
  g_assert_null (nb_document_get_source (document));
  g_assert_cmpstr (sha256, !=, nb_report_get_source_checksum (nb_document_get_report (document)));
  assert_same_cells (nb_document_get_report (document), saved);
  g_assert_cmpint (nb_report_get_cell (nb_document_get_report (document),
                                       cell ("s3.new.natural")->index, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 1234);

  remove_temp_dir (dir);
}

static void
test_reopen_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *source_path = NULL;
  g_autoptr(NbReport) saved = NULL;
  g_autofree char *path = save_edited_copy (dir, &source_path, &saved);
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_unlink (source_path), ==, 0);

  document = load_document_ok (path, NULL);
  g_assert_cmpint (nb_document_get_source_state (document), ==, NB_SOURCE_STATE_MISSING);
  g_assert_null (nb_document_get_source (document));
  assert_same_cells (nb_document_get_report (document), saved);
  g_assert_true (g_file_equal (nb_document_get_file (document), file));
  g_assert_true (g_file_equal (nb_document_get_saved_file (document), file));

  remove_temp_dir (dir);
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A report from a library: no source file, opened the same way. */
static void
test_for_report (void)
{
  g_autofree char *sample = nb_test_path ("data", "samples", SEED ".txt", NULL);
  g_autofree char *expected_path = nb_test_path ("tests", "expected", SEED ".json", NULL);
  g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);
  g_autoptr(NbReport) report = nb_test_import (sample);
  g_autoptr(NbDocument) document = nb_document_new_for_report (report, NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.nianbao", NULL);
  g_autofree char *title = nb_document_dup_title (document);
  g_autofree char *want = g_strdup_printf ("%s %d", json_object_get_string_member (expected, "agency"),
                                           (int) json_object_get_int_member (expected, "year"));
  guint title_notifies = 0;

  g_assert_true (nb_document_get_report (document) == report);
  g_assert_null (nb_document_get_source (document));
  g_assert_null (nb_document_get_file (document));
  g_assert_cmpint (nb_document_get_source_state (document), ==, NB_SOURCE_STATE_NONE);
  g_assert_false (nb_document_get_busy (document));
  g_assert_nonnull (nb_document_get_checker (document));
  g_assert_nonnull (nb_document_get_problems (document));
  g_assert_cmpstr (title, ==, want);

  g_signal_connect (document, "notify::title", G_CALLBACK (on_notify_count), &title_notifies);
  nb_report_set_agency (report, NULL);
  g_assert_cmpuint (title_notifies, ==, 1);
  g_clear_pointer (&title, g_free);
  title = nb_document_dup_title (document);
  g_assert_cmpstr (title, ==, "Report");
  nb_report_set_agency (report, json_object_get_string_member (expected, "agency"));

  save_document_ok (document, path);
  g_clear_pointer (&title, g_free);
  title = nb_document_dup_title (document);
  g_assert_cmpstr (title, ==, want);
  g_assert_nonnull (nb_document_get_saved_file (document));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_temp_dir (dir);
}

/* ---- the source document --------------------------------------------- */

/* The line starts of a CRLF and of UTF-16 copies of a sample, compared
 * with the lines of the UTF-8 original split here. */
static void
test_source_lines (gconstpointer data)
{
  const char *encoding = data;   /* "crlf", "utf16le-bom", "utf16be-bom" */
  g_autofree char *plain_path = nb_test_path ("data", "samples", SEED ".txt", NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s.txt", SEED, encoding);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "encodings", name, NULL);
  g_autofree char *plain = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_true (g_file_get_contents (plain_path, &plain, NULL, NULL));
  lines = g_strsplit (plain, "\n", -1);

  source = nb_source_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_TEXT);
  text = nb_source_document_get_text (source);

  if (g_str_equal (encoding, "crlf"))
    g_assert_cmpstr (nb_source_document_get_encoding (source), ==, "UTF-8");
  else
    {
      g_assert_cmpstr (nb_source_document_get_encoding (source), ==,
                       g_str_equal (encoding, "utf16le-bom") ? "UTF-16LE" : "UTF-16BE");
      g_assert_cmpstr (text, ==, plain);
    }

  g_assert_cmpuint (nb_source_document_get_n_lines (source), ==, g_strv_length (lines));
  g_assert_cmpuint (g_strv_length (lines), >, 50);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize offset = nb_source_document_get_line_offset (source, i + 1);
      const char *start = text + offset;
      const char *end = strchr (start, '\n');
      gsize length = end ? (gsize) (end - start) : strlen (start);

      if (length > 0 && start[length - 1] == '\r')
        length--;
      if (strlen (lines[i]) != length || strncmp (start, lines[i], length) != 0)
        g_error ("line %u: \"%.*s\", expected \"%s\"", i + 1, (int) length, start, lines[i]);
    }
  g_assert_cmpuint (nb_source_document_get_line_offset (source, 0), ==, 0);
  g_assert_cmpuint (nb_source_document_get_line_offset (source, g_strv_length (lines) + 5), ==,
                    strlen (text));
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gboolean
has_ink (cairo_surface_t *surface)
{
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (pixel_at (surface, x, y) != 0xFFFFFFFF)
        return TRUE;
  return FALSE;
}

static void
test_render (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "xigong_2024-landscape.pdf", NULL);
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  cairo_surface_t *surface;
  gboolean landscape_seen = FALSE;
  double width, height;

  source = nb_source_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_PDF);

  /* A4 portrait, with one A4 landscape page (section 四 and S4). */
  for (guint i = 0; i < nb_source_document_get_n_pages (source); i++)
    {
      nb_source_document_get_page_size (source, i, &width, &height);
      if (width > height)
        {
          g_assert_cmpfloat (fabs (width - 842), <, 1);
          g_assert_cmpfloat (fabs (height - 595), <, 1);
          landscape_seen = TRUE;
        }
      else
        {
          g_assert_cmpfloat (fabs (width - 595), <, 1);
          g_assert_cmpfloat (fabs (height - 842), <, 1);
        }
    }
  g_assert_true (landscape_seen);

  nb_source_document_get_page_size (source, 0, &width, &height);
  surface = nb_source_document_render_page (source, 0, 0.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * 0.5));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * 0.5));
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 298);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 421);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xFFFFFFFF);
  g_assert_true (has_ink (surface));
  cairo_surface_destroy (surface);

  g_cancellable_cancel (cancellable);
  surface = nb_source_document_render_page (source, 0, 1.0, cancellable, &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  NbSourceDocument *source;
  guint             page;
  cairo_surface_t  *surface;
} RenderJob;

static gpointer
render_thread (gpointer data)
{
  RenderJob *job = data;

  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&job->surface, cairo_surface_destroy);
      job->surface = nb_source_document_render_page (job->source, job->page, 0.4, NULL, NULL);
    }
  return NULL;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         height == cairo_image_surface_get_height (b) &&
         stride == cairo_image_surface_get_stride (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

/* The importer and the source pane share one PopplerDocument: pages drawn
 * at once from several threads come out as drawn one by one. */
static void
test_render_threads (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", PDF_VARIANT "-word.pdf", NULL);
  g_autoptr(NbSourceDocument) source = nb_source_document_open (path, NULL, NULL, NULL);
  g_autoptr(NbReport) report = NULL;
  RenderJob jobs[4];
  GThread *threads[4];
  guint n_pages;

  g_assert_nonnull (source);
  n_pages = nb_source_document_get_n_pages (source);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i] = (RenderJob) { source, i % n_pages, NULL };
      threads[i] = g_thread_new ("render", render_thread, &jobs[i]);
    }
  /* meanwhile, the importer reads the same document */
  report = nb_import_source (source, NULL, NULL, NULL);
  g_assert_nonnull (report);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      cairo_surface_t *alone;

      g_thread_join (threads[i]);
      g_assert_nonnull (jobs[i].surface);
      alone = nb_source_document_render_page (source, jobs[i].page, 0.4, NULL, NULL);
      g_assert_true (same_pixels (jobs[i].surface, alone));
      g_assert_true (has_ink (alone));
      cairo_surface_destroy (alone);
      cairo_surface_destroy (jobs[i].surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *const seeds[] = {
    "000_f24d835b901d1514", "001_7f28f313131cbcb8", "002_ff767b4376f9d530",
    "003_e0396cda2f552dd2", "004_d75dc64ce6227108",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nb/document/report-file/double-save", test_report_file_double_save);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *name = g_strdup_printf ("/nb/document/load/text/%s", seeds[i]);

      g_test_add_data_func (name, seeds[i], test_load_text);
    }
  g_test_add_func ("/nb/document/load/pdf", test_load_pdf);
  g_test_add_func ("/nb/document/load/encrypted", test_encrypted);
  g_test_add_func ("/nb/document/load/bad-pdfs", test_bad_pdfs);
  g_test_add_func ("/nb/document/load/bad-files", test_bad_files);
  g_test_add_func ("/nb/document/load/cancel", test_cancel);
  g_test_add_func ("/nb/document/save/busy", test_save_busy);
  g_test_add_func ("/nb/document/reopen/changed", test_reopen_changed);
  g_test_add_func ("/nb/document/reopen/missing", test_reopen_missing);
  g_test_add_func ("/nb/document/for-report", test_for_report);
  g_test_add_data_func ("/nb/source-document/lines/crlf", "crlf", test_source_lines);
  g_test_add_data_func ("/nb/source-document/lines/utf16le", "utf16le-bom", test_source_lines);
  g_test_add_data_func ("/nb/source-document/lines/utf16be", "utf16be-bom", test_source_lines);
  g_test_add_func ("/nb/source-document/render", test_render);
  g_test_add_func ("/nb/source-document/render-threads", test_render_threads);

  return g_test_run ();
}
