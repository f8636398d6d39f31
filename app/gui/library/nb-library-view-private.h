/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "nb-library-view.h"

G_BEGIN_DECLS

/* The sidebar's rooms share its struct:
 *   nb-library-view.c         the class, the models (sort, filter, tree),
 *                             activation, the agency actions
 *   nb-library-view-import.c  an import's progress, cancel, drop
 *   nb-library-dialogs.c      merge, split, region and level, failures */

struct _NbLibraryView
{
  GtkWidget           parent_instance;

  NbLibrary          *library;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkTreeListModel   *tree_model;
  GtkCustomFilter    *filter;
  char               *search;
  NbLibrarySort       sort;
  GCancellable       *import_cancellable;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkLabel           *progress_file;
  GtkProgressBar     *progress_bar;
};

enum {
  SIGNAL_OPEN_REPORT,
  SIGNAL_IMPORT_PROGRESS,
  SIGNAL_IMPORT_FINISHED,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

extern guint _nb_library_view_signals[N_SIGNALS];

/* nb-library-view.c */
NbLibraryAgency *_nb_library_view_find_agency (NbLibraryView *self,
                                               gint64         agency_id);
void             _nb_library_view_error       (NbLibraryView *self,
                                               const GError  *error);

/* nb-library-view-import.c */
void _nb_library_view_class_init_import (GtkWidgetClass *widget_class);
void _nb_library_view_init_import       (NbLibraryView  *self);
void _nb_library_view_notify_importing  (NbLibraryView  *self);

/* nb-library-dialogs.c */
void _nb_library_view_show_merge (NbLibraryView   *self,
                                  NbLibraryAgency *agency);
void _nb_library_view_show_split (NbLibraryView   *self,
                                  NbLibraryAgency *agency);
void _nb_library_view_show_edit  (NbLibraryView   *self,
                                  NbLibraryAgency *agency);

G_END_DECLS
