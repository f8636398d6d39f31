/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-report-file.h"
#include "nb-window-private.h"

/* ---- Open ------------------------------------------------------------- */

static void
add_filter (GtkFileChooser    *chooser,
            const char        *name,
            const char *const *mime_types,
            const char *const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          nb_window_open_file (self, file);
        }
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  static const char *const report_types[] = {
    "text/plain", "application/pdf", "text/html", "application/x-mimearchive", "multipart/related",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
    "application/rtf", NULL
  };
  static const char *const report_patterns[] = {
    "*.txt", "*.md", "*.pdf", "*.html", "*.htm", "*.shtml", "*.mht", "*.mhtml", "*.docx", "*.doc",
    "*.wps", "*" NB_REPORT_FILE_EXTENSION, NULL
  };
  static const char *const text_types[] = { "text/plain", "text/markdown", NULL };
  static const char *const text_patterns[] = { "*.txt", "*.md", "*.markdown", NULL };
  static const char *const pdf_types[] = { "application/pdf", NULL };
  static const char *const web_types[] = { "text/html", "application/x-mimearchive", "multipart/related", NULL };
  static const char *const web_patterns[] = { "*.html", "*.htm", "*.shtml", "*.mht", "*.mhtml", NULL };
  static const char *const word_types[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword", NULL
  };
  static const char *const word_patterns[] = { "*.docx", "*.doc", "*.wps", NULL };
  static const char *const saved_patterns[] = { "*" NB_REPORT_FILE_EXTENSION, NULL };
  static const char *const all_patterns[] = { "*", NULL };

  dialog = gtk_file_chooser_native_new (_("Open a Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Reports"), report_types, report_patterns);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Text files"), text_types, text_patterns);
  add_filter (GTK_FILE_CHOOSER (dialog), _("PDF documents"), pdf_types, NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Web pages"), web_types, web_patterns);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Word documents"), word_types, word_patterns);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Saved reports"), NULL, saved_patterns);
  add_filter (GTK_FILE_CHOOSER (dialog), _("All files"), NULL, all_patterns);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Save ------------------------------------------------------------- */

typedef struct
{
  NbWindow     *window;
  NbReportView *view;
  NbSaveDone    done;
  gpointer      user_data;
} SaveData;

static SaveData *
save_data_new (NbWindow     *window,
               NbReportView *view,
               NbSaveDone    done,
               gpointer      user_data)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->window = g_object_ref (window);
  data->view = g_object_ref (view);
  data->done = done;
  data->user_data = user_data;
  return data;
}

/* Tells whoever asked for the save, and frees the data. */
static void
save_data_finish (SaveData *data,
                  gboolean  saved)
{
  if (data->done != NULL)
    data->done (data->window, data->view, saved, data->user_data);
  _nb_window_actions_update (data->window);
  g_clear_object (&data->view);
  g_clear_object (&data->window);
  g_free (data);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = nb_report_view_save_finish (NB_REPORT_VIEW (object), result, &error);

  if (!saved)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      _nb_window_toast (data->window, message);
    }
  else
    _nb_window_toast (data->window, _("Saved"));
  save_data_finish (data, saved);
}

static void
save_to (SaveData *data,
         GFile    *file)
{
  nb_report_view_save_async (data->view, file, on_saved, data);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     SaveData        *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      if (!g_str_has_suffix (name, NB_REPORT_FILE_EXTENSION))
        {
          g_autofree char *with_extension = g_strconcat (name, NB_REPORT_FILE_EXTENSION, NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          GFile *child = g_file_get_child (parent, with_extension);

          g_object_unref (file);
          file = child;
        }
      save_to (data, file);
    }
  else
    save_data_finish (data, FALSE);
  g_object_unref (dialog);
}

/**
 * _nb_window_save_view:
 * @self: the window
 * @view: the report to save
 * @choose_file: ask where, even when the report was saved to a file
 * @done: (nullable): called once, when saved or not
 * @user_data: for @done
 *
 * Saves @view's report, to its file or where a person chooses.  A view
 * that is busy (loading, or saving already) is not saved again.
 */
void
_nb_window_save_view (NbWindow     *self,
                      NbReportView *view,
                      gboolean      choose_file,
                      NbSaveDone    done,
                      gpointer      user_data)
{
  NbReport *report = nb_report_view_get_report (view);
  GtkFileChooserNative *dialog;
  SaveData *data;
  GFile *saved_file;
  g_autofree char *name = NULL;

  data = save_data_new (self, view, done, user_data);
  if (report == NULL || nb_report_view_get_busy (view))
    {
      save_data_finish (data, FALSE);
      return;
    }

  /* A library report goes back into the library, and to a file when asked. */
  saved_file = nb_document_get_saved_file (nb_report_view_get_document (view));
  if (nb_report_view_get_library_report_id (view) > 0)
    {
      if (!_nb_window_save_to_library (self, view))
        {
          save_data_finish (data, FALSE);
          return;
        }
      if (!choose_file && saved_file == NULL)
        {
          _nb_window_toast (self, _("Saved in the library"));
          save_data_finish (data, TRUE);
          return;
        }
    }
  if (!choose_file && saved_file != NULL)
    {
      save_to (data, saved_file);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save the Corrected Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strconcat (nb_report_view_get_title (view), NB_REPORT_FILE_EXTENSION, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (nb_report_get_source_path (report) != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_path (nb_report_get_source_path (report));
      g_autoptr(GFile) folder = g_file_get_parent (source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  NbReportView *view = nb_window_get_visible_view (self);

  if (view != NULL && !nb_report_view_get_busy (view))
    _nb_window_save_view (self, view, g_str_equal (action_name, "win.save-as"), NULL, NULL);
}

/* ---- Tabs and editing ------------------------------------------------- */

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NbReportView *view = nb_window_get_visible_view (NB_WINDOW (widget));
  NbReport *report = view ? nb_report_view_get_report (view) : NULL;

  if (report == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    nb_report_undo (report);
  else
    nb_report_redo (report);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbReportView *view = nb_window_get_visible_view (NB_WINDOW (widget));
  NbZoom step = NB_ZOOM_RESET;

  if (g_str_equal (action_name, "win.zoom-in"))
    step = NB_ZOOM_IN;
  else if (g_str_equal (action_name, "win.zoom-out"))
    step = NB_ZOOM_OUT;
  if (view != NULL)
    nb_report_view_zoom (view, step);
}

void
_nb_window_actions_update (NbWindow *self)
{
  NbReportView *view = nb_window_get_visible_view (self);
  NbReport *report = view ? nb_report_view_get_report (view) : NULL;
  gboolean can_save = report != NULL && !nb_report_view_get_busy (view);

  /* One save at a time: a second one waits until the first is done. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", report != NULL && nb_report_can_undo (report));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", report != NULL && nb_report_can_redo (report));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab", view != NULL);
}

void
_nb_window_class_actions_init (NbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}
