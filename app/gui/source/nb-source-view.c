/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-source-view-private.h"

/* The original document beside the data.  A text is shown as the very
 * text the importer decoded; a PDF as a column of pages that are rendered
 * lazily, on one worker thread, into textures that the page widgets only
 * append in their snapshot (as Papers' page view does).  The rooms are
 * listed in nb-source-view-private.h. */

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_KIND,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (NbSourceViewKind, nb_source_view_kind,
                    G_DEFINE_ENUM_VALUE (NB_SOURCE_VIEW_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (NB_SOURCE_VIEW_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (NB_SOURCE_VIEW_PDF, "pdf"))

G_DEFINE_FINAL_TYPE (NbSourceView, nb_source_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */
/* The worker thread */

typedef struct
{
  GTask    *task;
  NbWorkFunc func;
} WorkItem;

static gboolean
release_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
work_item_run (gpointer data,
               gpointer user_data)
{
  WorkItem *item = data;

  item->func (item->task,
              g_task_get_task_data (item->task),
              g_task_get_cancellable (item->task));
  /* The task's source is a widget: its last reference must not be
   * dropped, and the widget finalized, on this thread. */
  g_main_context_invoke_full (g_task_get_context (item->task), G_PRIORITY_DEFAULT_IDLE,
                              release_task, item->task, NULL);
  g_free (item);
}

/* The pages render on the view's one worker thread, in the order asked
 * (the visible ones first); a render no longer wanted is cancelled there. */
void
_nb_source_view_push_work (gpointer    data,
                           GTask      *task,
                           NbWorkFunc  func)
{
  NbSourceView *self = data;
  g_autoptr(GError) error = NULL;
  WorkItem *item;

  if (self->worker == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The view is closed"));
      return;
    }

  item = g_new0 (WorkItem, 1);
  item->task = g_object_ref (task);
  item->func = func;
  if (!g_thread_pool_push (self->worker, item, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (item->task);
      g_free (item);
    }
}

/* ------------------------------------------------------------------------ */

void
_nb_source_view_update_actions (NbSourceView *self)
{
  gboolean pdf = _nb_source_view_is_pdf_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-in", pdf && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-out", pdf && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-reset", pdf && self->zoom != 1.0);
}

void
_nb_source_view_notify_zoom (NbSourceView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The kind is also a style class, "text" or "pdf". */
static const char *
kind_css_class (NbSourceViewKind kind)
{
  switch (kind)
    {
    case NB_SOURCE_VIEW_TEXT:
      return "text";
    case NB_SOURCE_VIEW_PDF:
      return "pdf";
    case NB_SOURCE_VIEW_EMPTY:
    default:
      return NULL;
    }
}

static void
set_kind (NbSourceView     *self,
          NbSourceViewKind  kind,
          guint             old_n_pages)
{
  guint n_pages = self->pages ? self->pages->len : 0;

  if (self->kind != kind)
    {
      if (kind_css_class (self->kind) != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), kind_css_class (self->kind));
      self->kind = kind;
      if (kind_css_class (kind) != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self), kind_css_class (kind));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
  if (n_pages != old_n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  _nb_source_view_update_actions (self);
}

static void
clear_content (NbSourceView *self)
{
  guint old_n_pages = self->pages ? self->pages->len : 0;

  _nb_source_view_clear_pages (self);
  gtk_scrolled_window_set_child (self->scroller, NULL);
  self->text_view = NULL;
  _nb_source_view_stop_text_scroll (self);
  g_clear_pointer (&self->line_starts, g_array_unref);
  self->n_chars = 0;
  set_kind (self, NB_SOURCE_VIEW_EMPTY, old_n_pages);
}

static void
apply_highlight (NbSourceView *self)
{
  if (self->text_view != NULL)
    _nb_source_view_highlight_text (self);
  else if (_nb_source_view_is_pdf_shown (self))
    _nb_source_view_highlight_page (self);
}

/* Without a document (a report from a library, or a source that is
 * gone), the pane says so instead of staying blank. */
static void
show_placeholder (NbSourceView *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Source Document"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("The document this report was read from is not available."));
  gtk_widget_add_css_class (page, "compact");
  gtk_scrolled_window_set_child (self->scroller, page);
}

NbSourceDocument *
nb_source_view_get_document (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), NULL);
  return self->document;
}

/**
 * nb_source_view_set_document:
 * @self: a #NbSourceView
 * @document: (nullable): the opened source, or %NULL for none
 *
 * Shows @document: a PDF as pages, a text as text; %NULL (or a saved
 * report, which is no source) as a placeholder.  The highlight stays and
 * applies to the new document.
 */
void
nb_source_view_set_document (NbSourceView     *self,
                             NbSourceDocument *document)
{
  NbSourceKind kind;

  g_return_if_fail (NB_IS_SOURCE_VIEW (self));
  g_return_if_fail (document == NULL || NB_IS_SOURCE_DOCUMENT (document));

  if (self->document == document)
    return;

  clear_content (self);
  g_set_object (&self->document, document);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  kind = document ? nb_source_document_get_kind (document) : NB_SOURCE_KIND_SAVED;
  if (kind == NB_SOURCE_KIND_PDF && nb_source_document_get_n_pages (document) > 0)
    {
      _nb_source_view_show_pages (self);
      set_kind (self, NB_SOURCE_VIEW_PDF, 0);
    }
  else if (document != NULL && kind != NB_SOURCE_KIND_PDF && nb_source_document_get_text (document) != NULL)
    {
      /* A text, or the text of a web page, Word file or Markdown */
      _nb_source_view_show_text (self);
      set_kind (self, NB_SOURCE_VIEW_TEXT, 0);
    }
  else
    show_placeholder (self);

  apply_highlight (self);
  _nb_source_view_update_visible_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * nb_source_view_highlight:
 * @self: a #NbSourceView
 * @source: (nullable): where a value came from, or %NULL to clear
 *
 * Marks @source (a character range of a text line, or a rectangle of a PDF
 * page) and scrolls it to the middle of the view.
 */
void
nb_source_view_highlight (NbSourceView   *self,
                          const NbSource *source)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  g_clear_pointer (&self->highlight, nb_source_free);
  if (source != NULL && nb_source_is_set (source))
    self->highlight = nb_source_copy (source);
  apply_highlight (self);
}

/**
 * nb_source_view_get_highlight:
 * @self: a #NbSourceView
 *
 * Returns: (nullable): the source last asked to be highlighted, or %NULL
 */
const NbSource *
nb_source_view_get_highlight (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), NULL);
  return self->highlight;
}

double
nb_source_view_get_zoom (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), 1.0);

  return self->zoom;
}

void
nb_source_view_set_zoom (NbSourceView *self,
                         double        zoom)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  _nb_source_view_set_zoom_at (self, zoom, -1, -1);
}

NbSourceViewKind
nb_source_view_get_kind (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), NB_SOURCE_VIEW_EMPTY);

  return self->kind;
}

/* One step in, out, or back to 100 %. */
void
nb_source_view_zoom (NbSourceView *self,
                     NbZoom        step)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  switch (step)
    {
    case NB_ZOOM_IN:
      nb_source_view_set_zoom (self, self->zoom * ZOOM_STEP);
      break;
    case NB_ZOOM_OUT:
      nb_source_view_set_zoom (self, self->zoom / ZOOM_STEP);
      break;
    case NB_ZOOM_RESET:
    default:
      nb_source_view_set_zoom (self, 1.0);
      break;
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbZoom step = NB_ZOOM_RESET;

  if (g_str_equal (action_name, "source.zoom-in"))
    step = NB_ZOOM_IN;
  else if (g_str_equal (action_name, "source.zoom-out"))
    step = NB_ZOOM_OUT;
  nb_source_view_zoom (NB_SOURCE_VIEW (widget), step);
}

static void
nb_source_view_dispose (GObject *object)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  _nb_source_view_stop_text_scroll (self);
  _nb_source_view_clear_pages (self);
  self->text_view = NULL;
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }

  /* Queued work still runs, finds itself cancelled and drops its
   * references; the thread is not waited for. */
  if (self->worker != NULL)
    {
      g_thread_pool_free (self->worker, FALSE, FALSE);
      self->worker = NULL;
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (nb_source_view_parent_class)->dispose (object);
}

static void
nb_source_view_finalize (GObject *object)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->highlight, nb_source_free);

  G_OBJECT_CLASS (nb_source_view_parent_class)->finalize (object);
}

static void
nb_source_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->pages ? self->pages->len : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_source_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      nb_source_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      nb_source_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_source_view_class_init (NbSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_source_view_dispose;
  object_class->finalize = nb_source_view_finalize;
  object_class->get_property = nb_source_view_get_property;
  object_class->set_property = nb_source_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         NB_TYPE_SOURCE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       NB_TYPE_SOURCE_VIEW_KIND, NB_SOURCE_VIEW_EMPTY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "source.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-reset", NULL, zoom_action);

  gtk_widget_class_set_css_name (widget_class, "nbsourceview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);
}

static void
nb_source_view_init (NbSourceView *self)
{
  g_autoptr(GError) error = NULL;

  self->zoom = 1.0;
  self->worker = g_thread_pool_new (work_item_run, NULL, 1, FALSE, &error);
  g_assert_no_error (error);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
  _nb_source_view_init_pages (self);
  show_placeholder (self);

  _nb_source_view_update_actions (self);
}

GtkWidget *
nb_source_view_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_VIEW, NULL);
}
