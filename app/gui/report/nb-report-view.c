/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-error.h"
#include "nb-report-view-private.h"
#include "nb-table-grid.h"

/* One open report in a tab, as Text Editor's page shows its document: the
 * view follows an NbDocument's properties (report, source, busy, error,
 * title, modified) and asks it to load and save; the document does the
 * work off the main thread.  What it shows of the report is in
 * nb-report-view-content.c. */

G_DEFINE_FINAL_TYPE (NbReportView, nb_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_REPORT,
  PROP_TITLE,
  PROP_BUSY,
  PROP_MODIFIED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Following the document ------------------------------------------ */

/* The title is kept, so that the string handed out stays valid until the
 * title changes. */
static void
update_title (NbReportView *self)
{
  g_autofree char *title = self->document ? nb_document_dup_title (self->document) : NULL;

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_report (NbReportView *self)
{
  NbReport *report = nb_document_get_report (self->document);

  if (report == self->report)
    return;
  _nb_report_view_bind_report (self, report, nb_document_get_problems (self->document));
  if (report != NULL)
    gtk_stack_set_visible_child_name (self->stack, "report");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* A reopened report whose source changed or is gone still opens; the
 * source pane says plainly what it shows. */
static void
update_source (NbReportView *self)
{
  const char *message = NULL;

  nb_source_view_set_document (self->source_view, nb_document_get_source (self->document));
  switch (nb_document_get_source_state (self->document))
    {
    case NB_SOURCE_STATE_CHANGED:
      message = _("The source file has changed since this report was saved");
      break;
    case NB_SOURCE_STATE_MISSING:
      message = _("The source file is gone; the saved cells are shown");
      break;
    case NB_SOURCE_STATE_NONE:
    case NB_SOURCE_STATE_SAME:
    default:
      if (self->library != NULL && nb_document_get_source (self->document) == NULL)
        message = _("The source is not at hand; the cells stored in the library are shown");
      break;
    }
  gtk_label_set_label (self->source_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->source_message), message != NULL);
}

/* What the source pane says about the source, or NULL when all is well. */
const char *
nb_report_view_get_source_message (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->source_message)))
    return NULL;
  return gtk_label_get_label (self->source_message);
}

static void
on_busy_changed (NbReportView *self)
{
  gtk_spinner_set_spinning (self->spinner, nb_document_get_busy (self->document));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_modified_changed (NbReportView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * nb_report_view_set_document:
 * @self: a #NbReportView
 * @document: the document to show
 *
 * Shows @document as it is (loaded, loading, or not loaded yet: then call
 * nb_report_view_load()).
 */
void
nb_report_view_set_document (NbReportView *self,
                             NbDocument   *document)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (NB_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->error, g_free);

  g_signal_connect_object (document, "notify::report", G_CALLBACK (update_report), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::source", G_CALLBACK (update_source), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::source-state", G_CALLBACK (update_source), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (on_busy_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_report (self);
  update_source (self);
  update_title (self);
  on_busy_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

NbDocument *
nb_report_view_get_document (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->document;
}

/* ---- Loading ----------------------------------------------------------- */

static void
show_error (NbReportView *self,
            const GError *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->password_box, g_error_matches (error, NB_ERROR, NB_ERROR_ENCRYPTED));
  gtk_stack_set_visible_child_name (self->stack, "error");
  if (gtk_widget_get_visible (self->password_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NbReportView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (nb_document_load_finish (NB_DOCUMENT (object), result, &error))
    return;
  /* Closed while loading: nothing to show it in. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (NB_DOCUMENT (object) == self->document)
    show_error (self, error);
}

/**
 * nb_report_view_load:
 * @self: a #NbReportView
 * @password: (nullable): for an encrypted PDF
 *
 * Loads the view's document, off the main thread; nb_report_view_cancel()
 * stops it.  A PDF that needs a password shows a password field, which
 * loads again with it.
 */
void
nb_report_view_load (NbReportView *self,
                     const char   *password)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (self->document != NULL);

  g_clear_pointer (&self->error, g_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->stack, "loading");
  nb_document_load_async (self->document, password, self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_unlock (NbReportView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->document != NULL && *password != '\0')
    nb_report_view_load (self, password);
}

void
nb_report_view_cancel (NbReportView *self)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_cancellable_cancel (self->cancellable);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nb_report_view_cancel (NB_REPORT_VIEW (widget));
}

/* ---- Saving ------------------------------------------------------------ */

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!nb_document_save_finish (NB_DOCUMENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * nb_report_view_save_async:
 * @self: a #NbReportView
 * @file: the .nianbao file to write
 *
 * Saves the document, with the text still being typed in a section.  The
 * view is busy until it is written; a second save meanwhile fails with
 * %G_IO_ERROR_BUSY.
 */
void
nb_report_view_save_async (NbReportView        *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, nb_report_view_save_async);
  if (self->document == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("There is no report to save yet"));
      g_object_unref (task);
      return;
    }
  if (!nb_document_get_busy (self->document))
    _nb_report_view_commit_sections (self);
  nb_document_save_async (self->document, file, NULL, on_saved, task);
}

gboolean
nb_report_view_save_finish (NbReportView  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- The library ----------------------------------------------------- */

/**
 * nb_report_view_set_library:
 * @self: a #NbReportView
 * @library: the library the view's report came from
 * @report_id: the report's id in @library
 *
 * Marks the view's report as @library's, so that it is saved back there.
 */
void
nb_report_view_set_library (NbReportView *self,
                            NbLibrary    *library,
                            gint64        report_id)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (NB_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  self->library_report_id = report_id;
  update_source (self);
}

/* The report's id in the library it came from, or 0. */
gint64
nb_report_view_get_library_report_id (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), 0);
  return self->library != NULL ? self->library_report_id : 0;
}

/**
 * nb_report_view_save_to_library:
 * @self: a #NbReportView whose report came from a library
 * @error: why it was not saved
 *
 * Saves the report, with the text still being typed in a section, back
 * into its library (one transaction); the report is then saved.
 *
 * Returns: whether it was saved
 */
gboolean
nb_report_view_save_to_library (NbReportView  *self,
                                GError       **error)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);

  if (self->library == NULL || self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("This report is not from the library"));
      return FALSE;
    }
  _nb_report_view_commit_sections (self);
  if (!nb_library_save_report (self->library, self->library_report_id, self->report, error))
    return FALSE;
  nb_report_set_modified (self->report, FALSE);
  return TRUE;
}

/* ---- Cells, grids, zoom ------------------------------------------------ */

/**
 * nb_report_view_zoom:
 * @self: a #NbReportView
 * @step: in, out or back to 100 %
 *
 * Zooms the source pane, wherever the focus is in the view.
 */
void
nb_report_view_zoom (NbReportView *self,
                     NbZoom        step)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  nb_source_view_zoom (self->source_view, step);
}


gboolean
nb_report_view_select_cell (NbReportView *self,
                            guint         cell_index)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);

  for (guint t = 0; t < NB_N_TABLES; t++)
    if (nb_table_grid_select_cell (NB_TABLE_GRID (self->grids[t]), cell_index))
      return TRUE;
  return FALSE;
}

GtkWidget *
nb_report_view_get_grid (NbReportView *self,
                         NbTableId     table)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  g_return_val_if_fail (table < NB_N_TABLES, NULL);
  return self->grids[table];
}

/* The source pane, for tests that look at what it shows. */
GtkWidget *
nb_report_view_get_source_view (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return GTK_WIDGET (self->source_view);
}

/* ---- Narrow windows ---------------------------------------------------- */

/* Below this width the source goes above the data instead of beside it. */
#define NARROW_WIDTH 900

static gboolean
apply_orientation (gpointer data)
{
  NbReportView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkOrientation orientation = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                                    : GTK_ORIENTATION_HORIZONTAL;

  self->orientation_idle = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != orientation)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
      gtk_paned_set_position (self->paned, orientation == GTK_ORIENTATION_VERTICAL
                                             ? gtk_widget_get_height (GTK_WIDGET (self)) / 3
                                             : width * 2 / 5);
    }
  return G_SOURCE_REMOVE;
}

static void
nb_report_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (NB_REPORT_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
nb_report_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NbReportView *self = NB_REPORT_VIEW (widget);
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  /* The layout cannot change during an allocation: on the next idle. */
  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) &&
      self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (apply_orientation, self);
}

/* ---- Properties ------------------------------------------------------- */

NbReport *
nb_report_view_get_report (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->report;
}

/* The problems the checker finds in the report, or NULL before it loads. */
GListModel *
nb_report_view_get_problems (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->document && self->report ? nb_document_get_problems (self->document) : NULL;
}

/* The file opened (text, PDF or .nianbao). */
GFile *
nb_report_view_get_file (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->document ? nb_document_get_file (self->document) : NULL;
}

/* Valid until the title changes ("notify::title"). */
const char *
nb_report_view_get_title (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->title ? self->title : _("Report");
}

gboolean
nb_report_view_get_busy (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);
  return self->document != NULL && nb_document_get_busy (self->document);
}

gboolean
nb_report_view_get_modified (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);
  return self->document != NULL && nb_document_get_modified (self->document);
}

const char *
nb_report_view_get_error (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->error;
}

static void
nb_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_TITLE:
      g_value_set_string (value, nb_report_view_get_title (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, nb_report_view_get_busy (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, nb_report_view_get_modified (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        nb_report_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_view_dispose (GObject *object)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_REPORT_VIEW);

  G_OBJECT_CLASS (nb_report_view_parent_class)->dispose (object);
}

static void
nb_report_view_finalize (GObject *object)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->report);
  g_clear_object (&self->library);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (nb_report_view_parent_class)->finalize (object);
}

static void
nb_report_view_class_init (NbReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_report_view_dispose;
  object_class->finalize = nb_report_view_finalize;
  object_class->get_property = nb_report_view_get_property;
  object_class->set_property = nb_report_view_set_property;
  widget_class->measure = nb_report_view_measure;
  widget_class->size_allocate = nb_report_view_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, NB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "view.cancel", NULL, cancel_action);

  gtk_widget_class_set_css_name (widget_class, "reportview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, spinner);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, password_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, paned);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, source_message);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, source_view);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, data_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, title_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, agency_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, year_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, problems_group);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, tables_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  _nb_report_view_class_init_content (widget_class);

  g_type_ensure (NB_TYPE_SOURCE_VIEW);
}

static void
nb_report_view_init (NbReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _nb_report_view_build_content (self);
}

/**
 * nb_report_view_new_for_document:
 * @document: the document to show
 *
 * Returns: (transfer floating): a view of @document
 */
NbReportView *
nb_report_view_new_for_document (NbDocument *document)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (document), NULL);
  return g_object_new (NB_TYPE_REPORT_VIEW, "document", document, NULL);
}
