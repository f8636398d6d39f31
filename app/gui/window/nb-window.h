/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "nb-application.h"
#include "nb-library-view.h"
#include "nb-report-view.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())

G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

NbWindow     *nb_window_new              (NbApplication *application);
NbReportView *nb_window_open_file        (NbWindow      *self,
                                          GFile         *file);
NbReportView *nb_window_get_visible_view (NbWindow      *self);
guint         nb_window_get_n_views      (NbWindow      *self);
NbLibraryView *nb_window_get_library_view (NbWindow     *self);
NbReportView *nb_window_open_library_report (NbWindow   *self,
                                          gint64         report_id);

G_END_DECLS
