/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-library-private.h"

/* Bulk import: the files of the paths given (folders recursively) are read
 * and matched on a thread pool, one thread per core, and written by one
 * writer, in the order they were found, one transaction per report, so a
 * crash loses no committed report and leaves no half one.  A file that
 * fails is listed with its reason and the rest go on. */

#define PROGRESS_INTERVAL_US (100 * 1000)

/* ---- The result ---------------------------------------------------------- */

static void
failure_free (NbLibraryFailure *failure)
{
  g_free (failure->path);
  g_free (failure->message);
  g_free (failure);
}

static void
add_failure (NbLibraryImportResult *result,
             const char            *path,
             const char            *message)
{
  NbLibraryFailure *failure = g_new0 (NbLibraryFailure, 1);

  failure->path = g_strdup (path);
  failure->message = g_strdup (message);
  g_ptr_array_add (result->failures, failure);
  result->n_failed++;
}

static NbLibraryImportResult *
import_result_new (void)
{
  NbLibraryImportResult *result = g_new0 (NbLibraryImportResult, 1);

  result->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  return result;
}

NbLibraryImportResult *
nb_library_import_result_copy (const NbLibraryImportResult *result)
{
  NbLibraryImportResult *copy = import_result_new ();

  copy->n_added = result->n_added;
  copy->n_duplicates = result->n_duplicates;
  for (guint i = 0; i < result->failures->len; i++)
    {
      NbLibraryFailure *failure = g_ptr_array_index (result->failures, i);

      add_failure (copy, failure->path, failure->message);
    }
  copy->n_failed = result->n_failed;
  return copy;
}

void
nb_library_import_result_free (NbLibraryImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->failures);
  g_free (result);
}

G_DEFINE_BOXED_TYPE (NbLibraryImportResult, nb_library_import_result,
                     nb_library_import_result_copy, nb_library_import_result_free)

/* ---- Progress ------------------------------------------------------------ */

/* Shared by the caller and the events in flight to its main context. */
typedef struct
{
  NbLibraryProgressFunc  func;
  gpointer               data;
  GDestroyNotify         destroy;
  GMainContext          *context;  /* NULL: called on the importing thread */
} Progress;

static void
progress_clear (Progress *progress)
{
  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_clear_pointer (&progress->context, g_main_context_unref);
}

typedef struct
{
  Progress *progress;
  guint     done;
  guint     total;
  char     *path;
  double    rate;
} ProgressEvent;

static gboolean
progress_emit (gpointer data)
{
  ProgressEvent *event = data;

  event->progress->func (event->done, event->total, event->path, event->rate, event->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_event_free (gpointer data)
{
  ProgressEvent *event = data;

  g_atomic_rc_box_release_full (event->progress, (GDestroyNotify) progress_clear);
  g_free (event->path);
  g_free (event);
}

static void
report_progress (Progress   *progress,
                 guint       done,
                 guint       total,
                 const char *path,
                 double      rate)
{
  ProgressEvent *event;
  GSource *source;

  if (progress == NULL || progress->func == NULL)
    return;
  if (progress->context == NULL)
    {
      progress->func (done, total, path, rate, progress->data);
      return;
    }
  event = g_new0 (ProgressEvent, 1);
  event->progress = g_atomic_rc_box_acquire (progress);
  event->done = done;
  event->total = total;
  event->path = g_strdup (path);
  event->rate = rate;
  /* Not g_main_context_invoke (): it would call here when no thread
   * holds the context at this instant. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_emit, event, progress_event_free);
  g_source_set_static_name (source, "[nianbao] import progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

/* ---- Reading, on the pool -------------------------------------------------- */

typedef struct
{
  guint          index;
  const char    *path;
  NbLibraryItem  item;
  GError        *error;
} Job;

typedef struct
{
  GAsyncQueue  *done;
  GCancellable *cancellable;
} Reading;

static void
read_job (gpointer data,
          gpointer user_data)
{
  Job *job = data;
  Reading *reading = user_data;
  g_autoptr(NbSourceDocument) source = NULL;

  if (!g_cancellable_set_error_if_cancelled (reading->cancellable, &job->error) &&
      (source = nb_source_document_open (job->path, NULL, reading->cancellable, &job->error)) != NULL &&
      (job->item.report = nb_import_source (source, NULL, reading->cancellable, &job->error)) != NULL)
    {
      job->item.kind = nb_source_document_get_kind (source);
      job->item.problems = nb_checks_run (job->item.report);
    }
  g_async_queue_push (reading->done, job);
}

static void
job_clear (Job *job)
{
  g_clear_object (&job->item.report);
  g_clear_pointer (&job->item.problems, g_ptr_array_unref);
  g_clear_error (&job->error);
}

/* ---- Finding the files ----------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect (NbLibrary             *self,
         const char            *path,
         gboolean               given,
         GPtrArray             *files,
         NbLibraryImportResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *absolute = NULL;
  const char *name;

  /* The library records where a source is, wherever it is run from. */
  if (given)
    path = absolute = g_canonicalize_filename (path, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

      /* The library's own files are never a report. */
      if (strcmp (path, self->path) == 0 || strcmp (path, wal) == 0 || strcmp (path, shm) == 0)
        return;
      /* A path given that is not there fails when read, with the reader's
       * message, as the other commands say it. */
      if (given || g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }

  /* A folder met inside another through a link is not followed: no loops. */
  if (!given && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      add_failure (result, path, error->message);
      return;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      collect (self, child, FALSE, files, result);
    }
}

/* ---- Writing ------------------------------------------------------------- */

/* Reports are written as they come, several to a transaction while more
 * are ready (up to BATCH_SIZE): each report is wholly in a commit or
 * not, and the commits are fewer.  The lock is held from BEGIN to COMMIT. */
#define BATCH_SIZE 64

typedef struct
{
  NbLibrary *self;
  guint      n_pending;  /* reports written since BEGIN */
} Writer;

static gboolean
writer_commit (Writer  *writer,
               GError **error)
{
  gboolean ok;

  if (writer->n_pending == 0)
    return TRUE;
  ok = _nb_library_commit_or_rollback (writer->self, TRUE, error);
  g_mutex_unlock (&writer->self->lock);
  writer->n_pending = 0;
  return ok;
}

static gboolean
write_job (Writer                *writer,
           Job                   *job,
           NbLibraryImportResult *result,
           GError               **error)
{
  NbLibrary *self = writer->self;
  gboolean duplicate = FALSE;

  if (job->error != NULL)
    {
      add_failure (result, job->path, job->error->message);
      return TRUE;
    }

  if (writer->n_pending == 0)
    {
      g_mutex_lock (&self->lock);
      if (!_nb_library_exec (self, "BEGIN IMMEDIATE", error))
        {
          g_mutex_unlock (&self->lock);
          return FALSE;
        }
    }
  writer->n_pending++;
  if (_nb_library_store_item (self, &job->item, &duplicate, error) <= 0)
    {
      _nb_library_commit_or_rollback (self, FALSE, NULL);
      g_mutex_unlock (&self->lock);
      writer->n_pending = 0;
      return FALSE;
    }

  if (duplicate)
    result->n_duplicates++;
  else
    result->n_added++;
  return writer->n_pending < BATCH_SIZE || writer_commit (writer, error);
}

static NbLibraryImportResult *
run_import (NbLibrary          *self,
            const char *const  *paths,
            GCancellable       *cancellable,
            Progress           *progress,
            GError            **error)
{
  g_autoptr(NbLibraryImportResult) result = import_result_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree Job *jobs = NULL;
  g_autofree gboolean *ready = NULL;
  Reading reading = { g_async_queue_new (), cancellable };
  GThreadPool *pool;
  gint64 start = g_get_monotonic_time ();
  gint64 last_progress = 0;
  Writer writer = { self, 0 };
  guint next = 0;
  gboolean ok = TRUE;

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    collect (self, paths[i], TRUE, files, result);

  jobs = g_new0 (Job, files->len);
  ready = g_new0 (gboolean, files->len);
  pool = g_thread_pool_new (read_job, &reading, MAX (1, g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      jobs[i].index = i;
      jobs[i].path = g_ptr_array_index (files, i);
      g_thread_pool_push (pool, &jobs[i], NULL);
    }

  report_progress (progress, 0, files->len, NULL, 0);
  while (ok && next < files->len)
    {
      Job *job = g_async_queue_pop (reading.done);

      ready[job->index] = TRUE;
      while (ok && next < files->len && ready[next])
        {
          gint64 now;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              /* what was written stays */
              writer_commit (&writer, NULL);
              ok = FALSE;
              break;
            }
              ok = write_job (&writer, &jobs[next], result, error);
          job_clear (&jobs[next]);
          next++;

          now = g_get_monotonic_time ();
          if (now - last_progress >= PROGRESS_INTERVAL_US || next == files->len)
            {
              last_progress = now;
              report_progress (progress, next, files->len, jobs[next - 1].path,
                               next / MAX ((now - start) / (double) G_USEC_PER_SEC, 1e-6));
            }
        }
      /* Nothing more ready: what is written is committed before waiting. */
      if (ok)
        ok = writer_commit (&writer, error);
    }

  /* On a cancel or an error: the jobs queued are dropped, the ones running
   * end, and what they read is let go. */
  g_thread_pool_free (pool, TRUE, TRUE);
  for (guint i = next; i < files->len; i++)
    job_clear (&jobs[i]);
  g_async_queue_unref (reading.done);

  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}

/* ---- The API ------------------------------------------------------------- */

typedef struct
{
  GStrv     paths;
  Progress *progress;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  if (data->progress != NULL)
    g_atomic_rc_box_release_full (data->progress, (GDestroyNotify) progress_clear);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NbLibrary *self = source_object;
  ImportData *data = task_data;
  GError *error = NULL;
  NbLibraryImportResult *result;

  result = run_import (self, (const char *const *) data->paths, cancellable, data->progress, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) nb_library_import_result_free);
  else
    g_task_return_error (task, error);
}

/* Back on the caller's main context: the list shows what was committed,
 * even when the import was cancelled. */
static void
import_thread_done (GObject      *object,
                    GAsyncResult *inner,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (inner));
  GError *error = NULL;
  NbLibraryImportResult *result;

  /* The progress' data is let go here, on the caller's context, never on
   * the thread that happens to drop the task last. */
  g_atomic_rc_box_release_full (g_steal_pointer (&data->progress), (GDestroyNotify) progress_clear);
  result = g_task_propagate_pointer (G_TASK (inner), &error);
  _nb_library_reload (NB_LIBRARY (object));
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) nb_library_import_result_free);
  else
    g_task_return_error (task, error);
}

/**
 * nb_library_import_async:
 * @paths: files and folders (read recursively; names starting with a dot
 *   are skipped)
 * @progress: (nullable): called on the caller's main context, at most ten
 *   times a second and once at the end
 *
 * Imports every report found, in parallel.  A source already in the library
 * (the same SHA-256) is counted as a duplicate; a newer report of an
 * agency and year the library has becomes the current one, the older kept
 * as history.  Cancelling stops after the report being written: the ones
 * written stay.
 */
void
nb_library_import_async (NbLibrary             *self,
                         const char *const     *paths,
                         GCancellable          *cancellable,
                         NbLibraryProgressFunc  progress,
                         gpointer               progress_data,
                         GDestroyNotify         progress_destroy,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  GTask *task;
  g_autoptr(GTask) inner = NULL;
  ImportData *data;

  g_return_if_fail (NB_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_library_import_async);

  data = g_new0 (ImportData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->progress = g_atomic_rc_box_new0 (Progress);
  data->progress->func = progress;
  data->progress->data = progress_data;
  data->progress->destroy = progress_destroy;
  data->progress->context = g_main_context_ref_thread_default ();

  inner = g_task_new (self, cancellable, import_thread_done, task);
  g_task_set_task_data (inner, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (inner, import_thread);
}

/**
 * nb_library_import_finish:
 *
 * Returns: (transfer full): what was added, found twice and failed, or
 *   %NULL with @error set (cancelled: the reports written before stay)
 */
NbLibraryImportResult *
nb_library_import_finish (NbLibrary     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nb_library_import:
 * @progress: (nullable): called on this thread
 *
 * nb_library_import_async () for the command line: it blocks.
 */
NbLibraryImportResult *
nb_library_import (NbLibrary              *self,
                   const char *const      *paths,
                   GCancellable           *cancellable,
                   NbLibraryProgressFunc   progress,
                   gpointer                progress_data,
                   GError                **error)
{
  Progress sink = { progress, progress_data, NULL, NULL };
  NbLibraryImportResult *result;

  g_return_val_if_fail (NB_IS_LIBRARY (self), NULL);

  result = run_import (self, paths, cancellable, &sink, error);
  _nb_library_reload (self);
  return result;
}

/**
 * nb_library_seed_samples_async:
 * @dir: the bundled sample reports
 *
 * The first start: a library the app has just made (nb_library_get_is_new ())
 * gets the samples, so a newcomer sees something at once.  Finish with
 * nb_library_import_finish ().
 */
void
nb_library_seed_samples_async (NbLibrary           *self,
                               const char          *dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const char *paths[] = { dir, NULL };

  nb_library_import_async (self, paths, cancellable, NULL, NULL, NULL, callback, user_data);
}
