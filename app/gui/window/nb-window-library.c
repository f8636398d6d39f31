/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-window-library"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-library-dialogs.h"
#include "nb-window-private.h"

/* The window's side of the library: the sidebar beside the tabs (shown or
 * not, and its width, kept in the settings), a library report opened in a
 * tab, imports chosen in a file chooser, what an import ends with, and the
 * samples a new library starts with. */

NbLibraryView *
nb_window_get_library_view (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->library_view;
}

/* ---- Opening a library report ---------------------------------------- */

static NbReportView *
find_library_view (NbWindow *self,
                   gint64    report_id)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      NbReportView *view = NB_REPORT_VIEW (adw_tab_page_get_child (page));

      if (nb_report_view_get_library_report_id (view) == report_id)
        {
          adw_tab_view_set_selected_page (self->tab_view, page);
          return view;
        }
    }
  return NULL;
}

/**
 * nb_window_open_library_report:
 * @self: a #NbWindow
 * @report_id: a report of the window's library
 *
 * Shows the report in a tab beside its source (or saying the source is not
 * at hand); a report open already is shown again.
 *
 * Returns: (transfer none) (nullable): its view, or %NULL when it could
 *   not be read (the window says why)
 */
NbReportView *
nb_window_open_library_report (NbWindow *self,
                               gint64    report_id)
{
  NbLibrary *library;
  NbReportView *view;
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  library = nb_library_view_get_library (self->library_view);
  if (library == NULL)
    return NULL;
  if ((view = find_library_view (self, report_id)) != NULL)
    return view;

  document = nb_library_open_document (library, report_id, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the report: %s"), error->message);

      _nb_window_toast (self, message);
      return NULL;
    }
  view = _nb_window_add_view (self, document);
  nb_report_view_set_library (view, library, report_id);
  return view;
}

static void
on_open_report (NbWindow      *self,
                gint64         report_id,
                NbLibraryView *library_view)
{
  nb_window_open_library_report (self, report_id);
}

/* ---- Saving into the library ----------------------------------------- */

/* A report that came from the library is saved into it; the caller saves
 * it to a .nianbao file too when the person asked for one.  Returns
 * whether it was saved (TRUE too for a report not from the library); the
 * window says why not. */
gboolean
_nb_window_save_to_library (NbWindow     *self,
                            NbReportView *view)
{
  g_autoptr(GError) error = NULL;

  if (nb_report_view_get_library_report_id (view) <= 0)
    return TRUE;
  if (nb_report_view_save_to_library (view, &error))
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf (_("Could not save into the library: %s"), error->message);

    _nb_window_toast (self, message);
  }
  return FALSE;
}

/* ---- Importing ------------------------------------------------------- */

static void
import_paths (NbWindow          *self,
              const char *const *paths)
{
  gtk_widget_set_visible (GTK_WIDGET (self->library_view), TRUE);
  if (!nb_library_view_import (self->library_view, paths))
    _nb_window_toast (self, nb_library_view_get_library (self->library_view) == NULL
                              ? _("The library could not be opened")
                              : _("An import is running already; try again when it is done"));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    NbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (paths->len > 1)
        import_paths (self, (const char *const *) paths->pdata);
    }
  g_object_unref (dialog);
}

/* Folders are searched through; files are taken as they are. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  gboolean folders = g_str_equal (action_name, "win.import-folder");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (folders ? _("Import Folders into the Library")
                                                : _("Import Reports into the Library"),
                                        GTK_WINDOW (self),
                                        folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folders)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Reports"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_import_finished (NbWindow                    *self,
                    const NbLibraryImportResult *result,
                    const GError                *error,
                    NbLibraryView               *library_view)
{
  g_autoptr(GString) summary = NULL;
  g_autofree char *message = NULL;

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Import cancelled; the reports read so far are kept"));
      else
        message = g_strdup_printf (_("Could not import: %s"), error ? error->message : "");
      _nb_window_toast (self, message);
      return;
    }

  summary = g_string_new (NULL);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u report imported", "%u reports imported",
                                                result->n_added), result->n_added);
  if (result->n_duplicates > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, ", %u was in the library already",
                                                  ", %u were in the library already", result->n_duplicates),
                            result->n_duplicates);
  if (result->n_failed > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, ", %u could not be read",
                                                  ", %u could not be read", result->n_failed),
                            result->n_failed);
  message = g_string_free (g_steal_pointer (&summary), FALSE);
  _nb_window_toast (self, message);
  if (result->n_failed > 0)
    gtk_window_present (nb_library_failures_dialog_new (GTK_WINDOW (self), result));
}

static void
on_library_message (NbWindow      *self,
                    const char    *message,
                    NbLibraryView *library_view)
{
  _nb_window_toast (self, message);
}

/* ---- The sidebar ----------------------------------------------------- */

static void
toggle_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->library_view),
                          !gtk_widget_get_visible (GTK_WIDGET (self->library_view)));
}

static void
find_in_library_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->library_view), TRUE);
  nb_library_view_focus_search (self->library_view);
}

/* The bundled samples: installed, or beside the sources when the app runs
 * from its build directory.  NIANBAO_SAMPLES_DIR names others (or, empty,
 * none). */
static char *
dup_samples_dir (void)
{
  const char *env = g_getenv ("NIANBAO_SAMPLES_DIR");

  if (env != NULL)
    return *env ? g_strdup (env) : NULL;
  if (g_file_test (NB_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (NB_SAMPLES_DIR);
  if (g_file_test (NB_SOURCE_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (NB_SOURCE_SAMPLES_DIR);
  return NULL;
}

/* The library comes from the application, which a window gets after it
 * is made. */
static void
on_application (NbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  NbLibrary *library;
  gboolean seed = FALSE;

  if (!NB_IS_APPLICATION (app) || nb_library_view_get_library (self->library_view) != NULL)
    return;

  library = nb_application_get_library (NB_APPLICATION (app), &seed, &error);
  if (library == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The library could not be opened: %s"), error->message);

      _nb_window_toast (self, message);
      return;
    }
  nb_library_view_set_library (self->library_view, library);

  /* A newcomer sees reports at once: the samples, through the same import. */
  if (seed)
    {
      g_autofree char *samples = dup_samples_dir ();
      const char *paths[] = { samples, NULL };

      if (samples != NULL)
        nb_library_view_import (self->library_view, paths);
    }
}

void
_nb_window_init_library (NbWindow *self)
{
  g_settings_bind (self->settings, "library-visible", self->library_view, "visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "library-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->library_view, "visible", self->library_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->library_view, "open-report", G_CALLBACK (on_open_report), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_view, "import-finished", G_CALLBACK (on_import_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_view, "message", G_CALLBACK (on_library_message), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::application", G_CALLBACK (on_application), self);
}

void
_nb_window_class_library_init (NbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-files", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-library", NULL, toggle_library_action);
  gtk_widget_class_install_action (widget_class, "win.find-in-library", NULL, find_in_library_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find-in-library", NULL);
}
