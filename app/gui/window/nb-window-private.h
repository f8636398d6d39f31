/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-window.h"

G_BEGIN_DECLS

struct _NbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GSignalGroup         *view_signals;
  gboolean              closing;        /* closing tab by tab, then the window */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwTabBar            *tab_bar;
  AdwTabView           *tab_view;
  GtkPaned             *paned;
  NbLibraryView        *library_view;
  GtkToggleButton      *library_button;
};

/* Called when a save asked for is done: saved, or failed or cancelled
 * (the window has said why). */
typedef void (*NbSaveDone) (NbWindow     *self,
                            NbReportView *view,
                            gboolean      saved,
                            gpointer      user_data);

void _nb_window_class_actions_init (NbWindowClass *klass);
void _nb_window_actions_update     (NbWindow      *self);
void _nb_window_toast              (NbWindow      *self,
                                    const char    *message);
void _nb_window_save_view          (NbWindow      *self,
                                    NbReportView  *view,
                                    gboolean       choose_file,
                                    NbSaveDone     done,
                                    gpointer       user_data);
GPtrArray *_nb_window_list_modified (NbWindow     *self);
void _nb_window_destroy            (NbWindow      *self);
NbReportView *_nb_window_add_view   (NbWindow      *self,
                                    NbDocument    *document);

/* nb-window-library.c */
void _nb_window_class_library_init (NbWindowClass *klass);
void _nb_window_init_library       (NbWindow      *self);
gboolean _nb_window_save_to_library (NbWindow     *self,
                                    NbReportView  *view);

G_END_DECLS
