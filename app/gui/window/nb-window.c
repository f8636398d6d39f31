/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-window-private.h"

/* The main window: reports in tabs, each an NbReportView.  It follows the
 * visible tab through one signal group, so switching tabs is one call. */

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

void
_nb_window_toast (NbWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

NbReportView *
nb_window_get_visible_view (NbWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page ? NB_REPORT_VIEW (adw_tab_page_get_child (page)) : NULL;
}

guint
nb_window_get_n_views (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), 0);
  return adw_tab_view_get_n_pages (self->tab_view);
}

static void
update_title (NbWindow *self)
{
  NbReportView *view = nb_window_get_visible_view (self);
  NbDocument *document = view ? nb_report_view_get_document (view) : NULL;
  GFile *file = NULL;
  g_autofree char *subtitle = NULL;

  if (view == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Nianbao"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  adw_window_title_set_title (self->window_title, nb_report_view_get_title (view));
  if (document != NULL)
    file = nb_document_get_saved_file (document) ? nb_document_get_saved_file (document)
                                                 : nb_document_get_file (document);
  if (file != NULL)
    subtitle = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* A tab shows its title, a dot when it has unsaved corrections, and a
 * spinner while it loads. */
static void
update_page (AdwTabPage *page)
{
  NbReportView *view = NB_REPORT_VIEW (adw_tab_page_get_child (page));
  g_autofree char *title = NULL;

  if (nb_report_view_get_modified (view))
    title = g_strdup_printf ("• %s", nb_report_view_get_title (view));
  else
    title = g_strdup (nb_report_view_get_title (view));
  adw_tab_page_set_title (page, title);
  adw_tab_page_set_tooltip (page, nb_report_view_get_modified (view)
                                    ? _("Has corrections that are not saved") : NULL);
  adw_tab_page_set_loading (page, nb_report_view_get_busy (view));
}

static void
on_view_changed (NbWindow     *self,
                 GParamSpec   *pspec,
                 NbReportView *view)
{
  AdwTabPage *page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view));

  if (page != NULL)
    update_page (page);
}

static void
on_report_history_changed (NbWindow *self)
{
  _nb_window_actions_update (self);
}

static void
on_view_report_changed (NbWindow     *self,
                        GParamSpec   *pspec,
                        NbReportView *view)
{
  NbReport *report = nb_report_view_get_report (view);

  if (report != NULL)
    {
      g_signal_connect_object (report, "notify::can-undo", G_CALLBACK (on_report_history_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (report, "notify::can-redo", G_CALLBACK (on_report_history_changed),
                               self, G_CONNECT_SWAPPED);
    }
  on_view_changed (self, pspec, view);
  if (view == nb_window_get_visible_view (self))
    update_title (self);
}

static void
on_selected_page (NbWindow *self)
{
  NbReportView *view = nb_window_get_visible_view (self);

  g_signal_group_set_target (self->view_signals, view);
  gtk_stack_set_visible_child_name (self->stack, view ? "tabs" : "empty");
  update_title (self);
  _nb_window_actions_update (self);
}

static gboolean
find_open_view (NbWindow  *self,
                GFile     *file)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      NbReportView *view = NB_REPORT_VIEW (adw_tab_page_get_child (page));
      GFile *open = nb_report_view_get_file (view);

      if (open != NULL && g_file_equal (open, file))
        {
          adw_tab_view_set_selected_page (self->tab_view, page);
          return TRUE;
        }
    }
  return FALSE;
}

/* A new tab for @document, selected; the caller loads it if need be. */
NbReportView *
_nb_window_add_view (NbWindow   *self,
                     NbDocument *document)
{
  NbReportView *view = nb_report_view_new_for_document (document);
  AdwTabPage *page;

  g_signal_connect_object (document, "notify::saved-file", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::title", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::modified", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::busy", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::report", G_CALLBACK (on_view_report_changed), self,
                           G_CONNECT_SWAPPED);

  page = adw_tab_view_append (self->tab_view, GTK_WIDGET (view));
  update_page (page);
  adw_tab_view_set_selected_page (self->tab_view, page);
  return view;
}

NbReportView *
nb_window_open_file (NbWindow *self,
                     GFile    *file)
{
  g_autoptr(NbDocument) document = NULL;
  NbReportView *view;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (find_open_view (self, file))
    return nb_window_get_visible_view (self);

  document = nb_document_new (file);
  view = _nb_window_add_view (self, document);
  nb_report_view_load (view, NULL);
  update_page (adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view)));

  uri = g_file_get_uri (file);
  {
    GtkRecentData data = {
      .display_name = NULL,
      .mime_type = (char *) (g_str_has_suffix (uri, ".pdf") ? "application/pdf" : "text/plain"),
      .app_name = (char *) g_get_application_name (),
      .app_exec = (char *) "nianbao %u",
    };

    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  }

  return view;
}

/* ---- Drag and drop ---------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NbWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    nb_window_open_file (self, l->data);
  return files != NULL;
}

/* ---- Closing: nothing is lost without asking ------------------------- */

typedef struct
{
  NbWindow   *window;
  AdwTabPage *page;
} CloseData;

static void
close_after_save (NbWindow     *self,
                  NbReportView *view,
                  gboolean      saved,
                  gpointer      user_data)
{
  g_autoptr(AdwTabPage) page = user_data;

  adw_tab_view_close_page_finish (self->tab_view, page, saved);
  if (!saved)
    self->closing = FALSE;
}

static void
close_data_free (gpointer  user_data,
                 GClosure *closure)
{
  CloseData *data = user_data;

  g_clear_object (&data->page);
  g_clear_object (&data->window);
  g_free (data);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  CloseData *data = user_data;
  NbWindow *self = data->window;
  NbReportView *view;

  /* A dialog answers once. */
  if (data->page == NULL)
    return;
  view = NB_REPORT_VIEW (adw_tab_page_get_child (data->page));

  if (g_str_equal (response, "save"))
    _nb_window_save_view (self, view, FALSE, close_after_save, g_object_ref (data->page));
  else
    {
      gboolean confirm = g_str_equal (response, "discard");

      adw_tab_view_close_page_finish (self->tab_view, data->page, confirm);
      if (!confirm)
        self->closing = FALSE;
    }

  g_clear_object (&data->page);
}

static gboolean
on_close_page (NbWindow   *self,
               AdwTabPage *page)
{
  NbReportView *view = NB_REPORT_VIEW (adw_tab_page_get_child (page));
  AdwMessageDialog *dialog;
  CloseData *data;
  g_autofree char *heading = NULL;

  if (!nb_report_view_get_modified (view))
    {
      nb_report_view_cancel (view);
      adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
      return GDK_EVENT_STOP;
    }

  adw_tab_view_set_selected_page (self->tab_view, page);
  heading = g_strdup_printf (_("Save Corrections to “%s”?"), nb_report_view_get_title (view));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The report has corrections that are not saved. "
                                                         "If you close it without saving, they are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (CloseData, 1);
  data->window = g_object_ref (self);
  data->page = g_object_ref (page);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_close_response), data,
                         close_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GDK_EVENT_STOP;
}

static void
on_n_pages (NbWindow *self)
{
  if (adw_tab_view_get_n_pages (self->tab_view) == 0 && self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_window_state (NbWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
nb_window_close_request (GtkWindow *window)
{
  NbWindow *self = NB_WINDOW (window);
  gboolean any_modified = FALSE;

  save_window_state (self);

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    if (nb_report_view_get_modified (NB_REPORT_VIEW (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)))))
      any_modified = TRUE;

  if (!any_modified)
    return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);

  /* Close tab by tab: each asks about its own corrections; the window
   * goes when the last tab has. */
  self->closing = TRUE;
  for (int i = adw_tab_view_get_n_pages (self->tab_view); i > 0; i--)
    {
      if (!self->closing)
        break;
      adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, i - 1));
    }
  return GDK_EVENT_STOP;
}

/* The views with corrections that are not saved, in tab order. */
GPtrArray *
_nb_window_list_modified (NbWindow *self)
{
  GPtrArray *views = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      NbReportView *view = NB_REPORT_VIEW (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));

      if (nb_report_view_get_modified (view))
        g_ptr_array_add (views, g_object_ref (view));
    }
  return views;
}

/* Closes without asking, once the application has asked for all windows. */
void
_nb_window_destroy (NbWindow *self)
{
  save_window_state (self);
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    nb_report_view_cancel (NB_REPORT_VIEW (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i))));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Construction ----------------------------------------------------- */

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  if (self->view_signals != NULL)
    g_signal_group_set_target (self->view_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_object (&self->view_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  window_class->close_request = nb_window_close_request;

  _nb_window_class_actions_init (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, library_button);

  _nb_window_class_library_init (klass);

  g_type_ensure (NB_TYPE_REPORT_VIEW);
  g_type_ensure (NB_TYPE_LIBRARY_VIEW);
}

static void
nb_window_init (NbWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The window's title and actions follow whichever report is visible. */
  self->view_signals = g_signal_group_new (NB_TYPE_REPORT_VIEW);
  g_signal_group_connect_object (self->view_signals, "notify::title", G_CALLBACK (update_title),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::report",
                                 G_CALLBACK (_nb_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::modified",
                                 G_CALLBACK (_nb_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::busy",
                                 G_CALLBACK (_nb_window_actions_update), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->tab_view, "notify::selected-page", G_CALLBACK (on_selected_page),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "close-page", G_CALLBACK (on_close_page), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "notify::n-pages", G_CALLBACK (on_n_pages), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _nb_window_init_library (self);
  on_selected_page (self);
}

NbWindow *
nb_window_new (NbApplication *application)
{
  return g_object_new (NB_TYPE_WINDOW, "application", application, NULL);
}
