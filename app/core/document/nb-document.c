/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-document.h"
#include "nb-enums.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-report-file.h"

/* A report as the application holds it open, as Text Editor's document
 * holds a buffer: what was opened, the source it came from (opened once,
 * shared by the importer and the source pane), the checker, and the state
 * of the work in flight.  Views follow its properties. */

struct _NbDocument
{
  GObject           parent_instance;

  GFile            *file;
  GFile            *saved_file;
  NbReport         *report;
  NbSourceDocument *source;
  NbChecker        *checker;
  GError           *error;
  NbSourceState     source_state;
  double            progress;
  guint             load_serial;    /* progress of an older load is dropped */
  guint             busy : 1;
};

G_DEFINE_FINAL_TYPE (NbDocument, nb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_SAVED_FILE,
  PROP_REPORT,
  PROP_SOURCE,
  PROP_SOURCE_STATE,
  PROP_BUSY,
  PROP_PROGRESS,
  PROP_ERROR,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- State ----------------------------------------------------------- */

static void
set_busy (NbDocument *self,
          gboolean    busy)
{
  if (self->busy == (guint) busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_progress (NbDocument *self,
              double      progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_error (NbDocument   *self,
           const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_saved_file (NbDocument *self,
                GFile      *file)
{
  if (self->saved_file == file ||
      (self->saved_file != NULL && file != NULL && g_file_equal (self->saved_file, file)))
    return;
  g_set_object (&self->saved_file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_report_notify_modified (NbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_report_notify_title (NbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Takes a new report and its source at once, so a view never sees one
 * without the other. */
static void
set_contents (NbDocument       *self,
              NbReport         *report,
              NbSourceDocument *source,
              NbSourceState     source_state)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  if (self->report != report)
    {
      if (self->report != NULL)
        g_signal_handlers_disconnect_by_data (self->report, self);
      g_clear_object (&self->checker);
      g_set_object (&self->report, report);
      if (report != NULL)
        {
          self->checker = nb_checker_new (report);
          g_signal_connect_object (report, "notify::modified",
                                   G_CALLBACK (on_report_notify_modified), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (report, "notify::agency",
                                   G_CALLBACK (on_report_notify_title), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (report, "notify::year",
                                   G_CALLBACK (on_report_notify_title), self, G_CONNECT_SWAPPED);
        }
      g_object_notify_by_pspec (object, properties[PROP_REPORT]);
      g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
      g_object_notify_by_pspec (object, properties[PROP_TITLE]);
    }

  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (object, properties[PROP_SOURCE]);

  if (self->source_state != source_state)
    {
      self->source_state = source_state;
      g_object_notify_by_pspec (object, properties[PROP_SOURCE_STATE]);
    }

  g_object_thaw_notify (object);
}

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
    set_progress (update->self, update->fraction);
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

/* The source a saved report names, compared with what it was.  FALSE only
 * when the load must stop: cancelled, or a password is needed. */
static gboolean
open_recorded_source (LoadData      *data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const char *recorded_path = nb_report_get_source_path (data->report);
  const char *recorded_sum = nb_report_get_source_checksum (data->report);
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (recorded_path == NULL)
    {
      data->source_state = NB_SOURCE_STATE_NONE;
      return TRUE;
    }

  /* A relative path was relative to where the report was saved. */
  if (g_path_is_absolute (recorded_path))
    path = g_strdup (recorded_path);
  else
    {
      g_autofree char *dir = g_path_get_dirname (data->path);

      path = g_build_filename (dir, recorded_path, NULL);
    }

  data->source = nb_source_document_open (path, data->password, cancellable, &local_error);
  if (data->source == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, NB_ERROR, NB_ERROR_ENCRYPTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Gone or unreadable as a file: missing.  There but no longer a
       * document we read: it changed. */
      data->source_state = local_error->domain == G_FILE_ERROR ? NB_SOURCE_STATE_MISSING
                                                                : NB_SOURCE_STATE_CHANGED;
      g_debug ("Source of %s not opened: %s", data->path, local_error->message);
      return TRUE;
    }

  if (recorded_sum != NULL &&
      g_ascii_strcasecmp (recorded_sum, nb_source_document_get_checksum (data->source)) == 0)
    data->source_state = NB_SOURCE_STATE_SAME;
  else
    data->source_state = NB_SOURCE_STATE_CHANGED;
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
      if (!open_recorded_source (data, cancellable, &error))
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
      set_contents (self, data->report, data->source, data->source_state);
      if (data->saved)
        set_saved_file (self, self->file);
      set_error (self, NULL);
      set_progress (self, 1.0);
    }
  else
    set_error (self, error);
  set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
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
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                             _("Only local files can be opened"));

      load_data_free (data);
      set_error (self, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  data->password = password && *password ? g_strdup (password) : NULL;
  data->serial = ++self->load_serial;

  g_object_freeze_notify (G_OBJECT (self));
  set_progress (self, 0.0);
  set_busy (self, TRUE);
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
    {
      set_saved_file (self, file);
      set_error (self, NULL);
    }
  else
    set_error (self, error);
  set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
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

  set_busy (self, TRUE);
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

/* ---- Getters --------------------------------------------------------- */

GFile *
nb_document_get_file (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->file;
}

GFile *
nb_document_get_saved_file (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->saved_file;
}

NbReport *
nb_document_get_report (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->report;
}

NbSourceDocument *
nb_document_get_source (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->source;
}

NbChecker *
nb_document_get_checker (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->checker;
}

/* The checker's list of NbProblem; NULL until there is a report. */
GListModel *
nb_document_get_problems (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->checker ? nb_checker_get_problems (self->checker) : NULL;
}

NbSourceState
nb_document_get_source_state (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NB_SOURCE_STATE_NONE);
  return self->source_state;
}

gboolean
nb_document_get_busy (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

double
nb_document_get_progress (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), 0.0);
  return self->progress;
}

const GError *
nb_document_get_error (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);
  return self->error;
}

gboolean
nb_document_get_modified (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);
  return self->report != NULL && nb_report_get_modified (self->report);
}

/* "<agency> <year>", else the name of the file, else "Report". */
char *
nb_document_dup_title (NbDocument *self)
{
  GFile *file;

  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  if (self->report != NULL && nb_report_get_agency (self->report) != NULL &&
      *nb_report_get_agency (self->report) != '\0')
    {
      if (nb_report_get_year (self->report) > 0)
        return g_strdup_printf ("%s %d", nb_report_get_agency (self->report),
                                nb_report_get_year (self->report));
      return g_strdup (nb_report_get_agency (self->report));
    }

  file = self->saved_file ? self->saved_file : self->file;
  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (_("Report"));
}

/* ---- Construction ---------------------------------------------------- */

/**
 * nb_document_new:
 * @file: a text, PDF or .nianbao file
 *
 * Returns: (transfer full): a document to load with
 *   nb_document_load_async()
 */
NbDocument *
nb_document_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (NB_TYPE_DOCUMENT, "file", file, NULL);
}

/**
 * nb_document_new_for_report:
 * @report: a report already in memory (imported, or from a library)
 * @source: (nullable): the source it was read from, if there is one
 *
 * Returns: (transfer full): a loaded document.  Its source state is
 *   CHANGED when @source is not what @report was read from, SAME when
 *   it is and @report was saved, NONE otherwise.
 */
NbDocument *
nb_document_new_for_report (NbReport         *report,
                            NbSourceDocument *source)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved_file = NULL;
  NbSourceState state = NB_SOURCE_STATE_NONE;
  const char *recorded_sum;
  NbDocument *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (source == NULL || NB_IS_SOURCE_DOCUMENT (source), NULL);

  if (nb_report_get_file_path (report) != NULL)
    saved_file = g_file_new_for_path (nb_report_get_file_path (report));
  if (source != NULL && nb_source_document_get_path (source) != NULL)
    file = g_file_new_for_path (nb_source_document_get_path (source));
  else if (saved_file != NULL)
    file = g_object_ref (saved_file);

  recorded_sum = nb_report_get_source_checksum (report);
  if (source != NULL && recorded_sum != NULL &&
      g_ascii_strcasecmp (recorded_sum, nb_source_document_get_checksum (source)) != 0)
    state = NB_SOURCE_STATE_CHANGED;
  else if (source != NULL && saved_file != NULL)
    state = NB_SOURCE_STATE_SAME;

  self = g_object_new (NB_TYPE_DOCUMENT, "file", file, NULL);
  self->saved_file = g_steal_pointer (&saved_file);
  set_contents (self, report, source, state);
  return self;
}

static void
nb_document_dispose (GObject *object)
{
  NbDocument *self = NB_DOCUMENT (object);

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_clear_object (&self->checker);
  g_clear_object (&self->report);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (nb_document_parent_class)->dispose (object);
}

static void
nb_document_finalize (GObject *object)
{
  NbDocument *self = NB_DOCUMENT (object);

  g_clear_object (&self->file);
  g_clear_object (&self->saved_file);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (nb_document_parent_class)->finalize (object);
}

static void
nb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NbDocument *self = NB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SAVED_FILE:
      g_value_set_object (value, self->saved_file);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_SOURCE_STATE:
      g_value_set_enum (value, self->source_state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, nb_document_get_modified (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, nb_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NbDocument *self = NB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_document_class_init (NbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_document_dispose;
  object_class->finalize = nb_document_finalize;
  object_class->get_property = nb_document_get_property;
  object_class->set_property = nb_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVED_FILE] =
    g_param_spec_object ("saved-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, NB_TYPE_SOURCE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_STATE] =
    g_param_spec_enum ("source-state", NULL, NULL, NB_TYPE_SOURCE_STATE, NB_SOURCE_STATE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_document_init (NbDocument *self)
{
}
