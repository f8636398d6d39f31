/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-document-private.h"
#include "nb-enums.h"

/* A report as the application holds it open, as Text Editor's document
 * holds a buffer: what was opened, the source it came from (opened once,
 * shared by the importer and the source pane), the checker, and the state
 * of the work in flight.  Views follow its properties.  Loading and saving
 * are in nb-document-io.c. */

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

void
_nb_document_set_busy (NbDocument *self,
                       gboolean    busy)
{
  if (self->busy == (guint) busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_nb_document_set_progress (NbDocument *self,
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

/* The end of a load or save: its error (taken, or NULL) becomes the
 * document's last error, the document is no longer busy, and @task
 * returns. */
void
_nb_document_end_work (NbDocument *self,
                       GTask      *task,
                       GError     *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_error (self, error);
  _nb_document_set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
_nb_document_set_saved_file (NbDocument *self,
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
void
_nb_document_set_contents (NbDocument       *self,
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
  _nb_document_set_contents (self, report, source, state);
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
