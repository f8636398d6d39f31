/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-document-private.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-report-file.h"

/* Loading and saving a document, off the main thread.  A load opens the
 * file once and imports it; a saved report opens as saved and looks for
 * its source.  The document's state changes only on the main thread. */

/* ---- Loading --------------------------------------------------------- */

typedef struct
{
  char             *path;
  char             *password;
  guint             serial;
  NbReport         *report;
  NbSourceDocument *source;
  NbSourceState     source_state;
  gboolean          saved;        /* the file was a .nianbao */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_clear_object (&data->report);
  g_clear_object (&data->source);
  g_free (data);
}

typedef struct
{
  NbDocument *self;
  guint       serial;
  double      fraction;
} ProgressUpdate;

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->self);
  g_free (update);
}

static gboolean
apply_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (update->self->busy && update->self->load_serial == update->serial)
    _nb_document_set_progress (update->self, update->fraction);
  return G_SOURCE_REMOVE;
}

/* Called on the worker: hands the fraction to the document's thread. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  LoadData *data = g_task_get_task_data (task);
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->self = g_object_ref (g_task_get_source_object (task));
  update->serial = data->serial;
  update->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              apply_progress, update, (GDestroyNotify) progress_update_free);
}

/**
 * nb_document_check_saved_source:
 * @report: a report loaded from a .nianbao file
 * @report_path: where that file is (a relative source is relative to it)
 * @password: (nullable): for the source, an encrypted PDF
 * @state: (out): the source as recorded, changed, missing, or none named
 * @source: (out) (optional) (nullable): the source, opened only when it is
 *   the one the report was read from (its SHA-256 is compared first)
 *
 * The check that both the desktop app and nianbao-cli make of a saved
 * report's source.  Blocking.
 *
 * Returns: FALSE only when cancelled, or the source needs a password.
 */
gboolean
nb_document_check_saved_source (NbReport          *report,
                                const char        *report_path,
                                const char        *password,
                                GCancellable      *cancellable,
                                NbSourceState     *state,
                                NbSourceDocument **source,
                                GError           **error)
{
  const char *recorded_path = nb_report_get_source_path (report);
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean same;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (source != NULL)
    *source = NULL;
  if (recorded_path == NULL)
    {
      *state = NB_SOURCE_STATE_NONE;
      return TRUE;
    }

  /* A relative path was relative to where the report was saved. */
  if (g_path_is_absolute (recorded_path) || report_path == NULL)
    path = g_strdup (recorded_path);
  else
    {
      g_autofree char *dir = g_path_get_dirname (report_path);

      path = g_build_filename (dir, recorded_path, NULL);
    }

  if (!nb_source_document_open_verified (path, nb_report_get_source_checksum (report), password,
                                         cancellable, &same, source, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, NB_ERROR, NB_ERROR_ENCRYPTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Gone or unreadable: missing.  There but no file we read (a
       * folder, a device), or no longer a document: changed. */
      *state = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
               g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
               g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR)
               ? NB_SOURCE_STATE_MISSING : NB_SOURCE_STATE_CHANGED;
      g_debug ("Source of %s not opened: %s", report_path, local_error->message);
      return TRUE;
    }

  /* A saved report is no report's source. */
  if (source != NULL && *source != NULL &&
      nb_source_document_get_kind (*source) == NB_SOURCE_KIND_SAVED)
    {
      g_clear_object (source);
      same = FALSE;
    }
  *state = same ? NB_SOURCE_STATE_SAME : NB_SOURCE_STATE_CHANGED;
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  NbImportOptions options = {
    .password = data->password,
    .progress = report_progress,
    .progress_data = task,
  };
  g_autoptr(NbSourceDocument) opened = NULL;
  GError *error = NULL;

  opened = nb_source_document_open (data->path, data->password, cancellable, &error);
  if (opened == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->report = nb_import_source (opened, &options, cancellable, &error);
  if (data->report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (nb_source_document_get_kind (opened) == NB_SOURCE_KIND_SAVED)
    {
      data->saved = TRUE;
      if (!nb_document_check_saved_source (data->report, data->path, data->password, cancellable,
                                           &data->source_state, &data->source, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      data->source = g_steal_pointer (&opened);
      data->source_state = NB_SOURCE_STATE_NONE;
    }

  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  NbDocument *self = NB_DOCUMENT (object);
  g_autoptr(GTask) outer = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      _nb_document_set_contents (self, data->report, data->source, data->source_state);
      if (data->saved)
        _nb_document_set_saved_file (self, self->file);
      _nb_document_set_progress (self, 1.0);
    }
  _nb_document_end_work (self, outer, error);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * nb_document_load_async:
 * @password: (nullable): for an encrypted PDF (the file's, or the source's
 *   of a saved report)
 *
 * Opens the file once, off the main thread, and imports it; a saved
 * report opens as saved, and its source is compared with the one it was
 * read from.  Fails with %NB_ERROR_ENCRYPTED when a password is needed
 * (ask, and load again with it), with %G_IO_ERROR_BUSY while the document
 * is busy.
 */
void
nb_document_load_async (NbDocument          *self,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (NB_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, nb_document_load_async);

  if (self->busy)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The report is busy: wait until it is loaded or saved"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = self->file ? g_file_get_path (self->file) : NULL;
  if (data->path == NULL)
    {
      load_data_free (data);
      _nb_document_end_work (self, outer,
                             g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                          _("Only local files can be opened")));
      return;
    }
  data->password = password && *password ? g_strdup (password) : NULL;
  data->serial = ++self->load_serial;

  g_object_freeze_notify (G_OBJECT (self));
  _nb_document_set_progress (self, 0.0);
  _nb_document_set_busy (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  task = g_task_new (self, cancellable, load_done, g_steal_pointer (&outer));
  g_task_set_source_tag (task, load_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
nb_document_load_finish (NbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nb_document_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Saving ---------------------------------------------------------- */

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  NbDocument *self = g_task_get_source_object (outer);
  GFile *file = g_task_get_task_data (outer);
  GError *error = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (nb_report_file_save_finish (NB_REPORT (object), result, &error))
    _nb_document_set_saved_file (self, file);
  _nb_document_end_work (self, outer, error);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * nb_document_save_async:
 * @file: the .nianbao file to write
 *
 * Saves the report atomically (the old file or the new one, never half of
 * one); its data is taken on the calling thread, so edits made meanwhile
 * wait for the next save.  The document is busy until it is written; a
 * save or load asked for meanwhile fails with %G_IO_ERROR_BUSY.  The
 * source document is never written to.
 */
void
nb_document_save_async (NbDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (NB_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, nb_document_save_async);
  g_task_set_task_data (outer, g_object_ref (file), g_object_unref);

  if (self->busy)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The report is busy: wait until it is loaded or saved"));
      return;
    }
  if (self->report == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("There is no report to save yet"));
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Reports can only be saved to local files"));
      return;
    }

  _nb_document_set_busy (self, TRUE);
  nb_report_file_save_async (self->report, path, cancellable, save_done, g_steal_pointer (&outer));
}

gboolean
nb_document_save_finish (NbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nb_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

