/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-library-view-private.h"

/* An import runs in the library (a thread pool); the sidebar shows how far
 * it is (done / total, the current file, the rate) and can cancel it.
 * One import at a time. */

static void
progress_cb (guint       done,
             guint       total,
             const char *current_path,
             double      files_per_second,
             gpointer    data)
{
  NbLibraryView *self = data;
  g_autofree char *status = NULL;
  g_autofree char *name = current_path ? g_filename_display_basename (current_path) : NULL;

  /* Translators: files imported of files found, and files per second */
  status = g_strdup_printf (_("%u of %u · %.1f files/s"), done, total, files_per_second);
  gtk_label_set_label (self->progress_label, status);
  gtk_label_set_label (self->progress_file, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_file), current_path);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  g_signal_emit (self, _nb_library_view_signals[SIGNAL_IMPORT_PROGRESS], 0, done, total);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NbLibraryView) self = user_data;
  g_autoptr(NbLibraryImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = nb_library_import_finish (NB_LIBRARY (object), result, &error);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _nb_library_view_notify_importing (self);
  g_signal_emit (self, _nb_library_view_signals[SIGNAL_IMPORT_FINISHED], 0, imported, error);
}

/**
 * nb_library_view_import:
 * @self: a #NbLibraryView
 * @paths: files and folders (searched through) to import
 *
 * Imports @paths into the library, showing the progress; "import-finished"
 * says how it went.
 *
 * Returns: %FALSE when an import is running already (nothing started)
 */
gboolean
nb_library_view_import (NbLibraryView     *self,
                        const char *const *paths)
{
  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  if (self->library == NULL || self->import_cancellable != NULL)
    return FALSE;

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->progress_label, _("Looking for reports…"));
  gtk_label_set_label (self->progress_file, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  nb_library_import_async (self->library, paths, self->import_cancellable,
                           progress_cb, g_object_ref (self), g_object_unref,
                           on_imported, g_object_ref (self));
  _nb_library_view_notify_importing (self);
  return TRUE;
}

void
nb_library_view_cancel_import (NbLibraryView *self)
{
  g_return_if_fail (NB_IS_LIBRARY_VIEW (self));
  g_cancellable_cancel (self->import_cancellable);
}

gboolean
nb_library_view_get_importing (NbLibraryView *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), FALSE);
  return self->import_cancellable != NULL;
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  nb_library_view_cancel_import (NB_LIBRARY_VIEW (widget));
}

/* Files and folders dropped on the sidebar go into the library. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NbLibraryView *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  return nb_library_view_import (self, (const char *const *) paths->pdata);
}

void
_nb_library_view_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "library.cancel-import", NULL, cancel_import_action);
}

void
_nb_library_view_init_import (NbLibraryView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
