/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-window-private.h"

struct _NbApplication
{
  AdwApplication  parent_instance;

  NbLibrary      *library;      /* shared by the windows */
  char           *library_path;
  gboolean        library_seeded;
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

static NbWindow *
get_window (NbApplication *self,
            gboolean       create)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && create)
    window = GTK_WINDOW (nb_window_new (self));
  return NB_WINDOW (window);
}

/**
 * nb_application_get_library:
 * @self: the application
 * @seed: (out) (optional): set when the library was just made and the
 *   caller should fill it with the samples (told to one caller only)
 * @error: why it could not be opened
 *
 * The library the settings name ("library-path", empty for the default
 * place), opened once and shared by the windows; opened again when the
 * setting names another file.
 *
 * Returns: (transfer none) (nullable): the library
 */
NbLibrary *
nb_application_get_library (NbApplication  *self,
                            gboolean       *seed,
                            GError        **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_settings_get_string (settings, "library-path");

  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  if (seed != NULL)
    *seed = FALSE;
  if (*path == '\0')
    {
      g_free (path);
      path = nb_library_dup_default_path ();
    }

  if (self->library == NULL || g_strcmp0 (path, self->library_path) != 0)
    {
      NbLibrary *library = nb_library_open (path, error);

      if (library == NULL)
        return NULL;
      g_set_object (&self->library, library);
      g_object_unref (library);
      g_free (self->library_path);
      self->library_path = g_steal_pointer (&path);
      self->library_seeded = FALSE;
    }

  if (!self->library_seeded)
    {
      self->library_seeded = TRUE;
      if (seed != NULL)
        *seed = nb_library_get_is_new (self->library);
    }
  return self->library;
}

static void
nb_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (NB_APPLICATION (app), TRUE)));
}

static void
nb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NbWindow *window = get_window (NB_APPLICATION (app), TRUE);

  for (int i = 0; i < n_files; i++)
    nb_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  NbApplication *self = user_data;
  static const char *developers[] = { "Nianbao developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Nianbao"),
                        "developer-name", _("Nianbao developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Read government information disclosure annual reports "
                                      "and check their tables"),
                        "website", "https://github.com/nianbao/nianbao",
                        "issue-url", "https://github.com/nianbao/nianbao/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your name, for the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* ---- Quit: one question for all the unsaved reports ------------------ */

typedef struct
{
  NbApplication *app;
  GPtrArray     *windows;   /* NbWindow, one per view below */
  GPtrArray     *views;     /* NbReportView with unsaved corrections */
  guint          next;      /* the view saved next */
} QuitData;

static void
quit_data_free (QuitData *data)
{
  g_clear_object (&data->app);
  g_clear_pointer (&data->windows, g_ptr_array_unref);
  g_clear_pointer (&data->views, g_ptr_array_unref);
  g_free (data);
}

/* Closes every window without asking again; the application ends with
 * its last window.  The list is copied: destroying a window changes it. */
static void
close_all_windows (NbApplication *self)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (NB_IS_WINDOW (window))
        _nb_window_destroy (NB_WINDOW (window));
      else
        gtk_window_destroy (window);
    }
}

static void save_next (QuitData *data);

static void
on_quit_saved (NbWindow     *window,
               NbReportView *view,
               gboolean      saved,
               gpointer      user_data)
{
  QuitData *data = user_data;

  /* Not saved (the window says why, or the person cancelled): stay. */
  if (!saved)
    {
      quit_data_free (data);
      return;
    }
  save_next (data);
}

/* Saves the reports one after the other (some ask where), then quits. */
static void
save_next (QuitData *data)
{
  NbWindow *window;
  NbReportView *view;

  if (data->next >= data->views->len)
    {
      close_all_windows (data->app);
      quit_data_free (data);
      return;
    }

  window = g_ptr_array_index (data->windows, data->next);
  view = g_ptr_array_index (data->views, data->next);
  data->next++;
  _nb_window_save_view (window, view, FALSE, on_quit_saved, data);
}

static void
on_quit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  QuitData         *data)
{
  g_signal_handlers_disconnect_by_func (dialog, on_quit_response, data);
  /* The windows may go before the dialog does. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "save"))
    save_next (data);
  else
    {
      if (g_str_equal (response, "discard"))
        close_all_windows (data->app);
      quit_data_free (data);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  NbApplication *self = user_data;
  QuitData *data;
  AdwMessageDialog *dialog;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;

  data = g_new0 (QuitData, 1);
  data->app = g_object_ref (self);
  data->windows = g_ptr_array_new_with_free_func (g_object_unref);
  data->views = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GPtrArray) views = NULL;

      if (!NB_IS_WINDOW (l->data))
        continue;
      views = _nb_window_list_modified (l->data);
      for (guint i = 0; i < views->len; i++)
        {
          NbReportView *view = g_ptr_array_index (views, i);

          g_ptr_array_add (data->windows, g_object_ref (l->data));
          g_ptr_array_add (data->views, g_object_ref (view));
          g_string_append_printf (names, "\n%s", nb_report_view_get_title (view));
        }
    }

  if (data->views->len == 0)
    {
      close_all_windows (self);
      quit_data_free (data);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This report has corrections that are not saved. "
                                       "If you quit without saving, they are lost.\n%s",
                                       "These reports have corrections that are not saved. "
                                       "If you quit without saving, they are lost.\n%s",
                                       data->views->len),
                          names->str);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                       _("Save Corrections Before Quitting?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_quit_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (nb_window_new (NB_APPLICATION (user_data))));
}

static void
nb_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "quit", quit_action },
    { "new-window", new_window_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (nb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
}

static void
nb_application_finalize (GObject *object)
{
  NbApplication *self = NB_APPLICATION (object);

  g_clear_object (&self->library);
  g_clear_pointer (&self->library_path, g_free);

  G_OBJECT_CLASS (nb_application_parent_class)->finalize (object);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nb_application_finalize;

  app_class->activate = nb_application_activate;
  app_class->open = nb_application_open;
  app_class->startup = nb_application_startup;
}

static void
nb_application_init (NbApplication *self)
{
}

NbApplication *
nb_application_new (void)
{
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nianbao/Nianbao",
                       NULL);
}
