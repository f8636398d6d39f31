/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-library.h"

G_BEGIN_DECLS

typedef enum
{
  NB_LIBRARY_SORT_NAME,
  NB_LIBRARY_SORT_REGION,
  NB_LIBRARY_SORT_PROBLEMS,
} NbLibrarySort;

#define NB_TYPE_LIBRARY_SORT (nb_library_sort_get_type ())
GType nb_library_sort_get_type (void) G_GNUC_CONST;

#define NB_TYPE_LIBRARY_VIEW (nb_library_view_get_type ())

G_DECLARE_FINAL_TYPE (NbLibraryView, nb_library_view, NB, LIBRARY_VIEW, GtkWidget)

/* The library sidebar: agencies with their years, a search that filters as
 * one types (names, region, year), a sort, the agencies' menu (merge,
 * split, region and level), and the progress of an import.
 *
 * Properties: "library", "importing", "sort" (NbLibrarySort).
 * Signals: "open-report" (gint64 report id), "import-progress" (guint done,
 * guint total), "import-finished" (NbLibraryImportResult or NULL, GError
 * or NULL), "message" (a line to show the person). */

GtkWidget     *nb_library_view_new            (void);
void           nb_library_view_set_library    (NbLibraryView      *self,
                                               NbLibrary          *library);
NbLibrary     *nb_library_view_get_library    (NbLibraryView      *self);
GListModel    *nb_library_view_get_rows       (NbLibraryView      *self);
void           nb_library_view_set_search     (NbLibraryView      *self,
                                               const char         *text);
void           nb_library_view_focus_search   (NbLibraryView      *self);
void           nb_library_view_set_sort       (NbLibraryView      *self,
                                               NbLibrarySort       sort);
NbLibrarySort  nb_library_view_get_sort       (NbLibraryView      *self);
gboolean       nb_library_view_import         (NbLibraryView      *self,
                                               const char *const  *paths);
void           nb_library_view_cancel_import  (NbLibraryView      *self);
gboolean       nb_library_view_get_importing  (NbLibraryView      *self);
gboolean       nb_library_view_merge          (NbLibraryView      *self,
                                               gint64              agency_id,
                                               gint64              other_id);

G_END_DECLS
