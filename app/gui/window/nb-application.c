/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication parent_instance;
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

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  NbApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Each window asks about unsaved reports before it goes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
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
nb_application_class_init (NbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
