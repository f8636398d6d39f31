/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_LIBRARY_ROW (nb_library_row_get_type ())

G_DECLARE_FINAL_TYPE (NbLibraryRow, nb_library_row, NB, LIBRARY_ROW, GtkWidget)

/* One row of the library sidebar: an agency (name, region and level, its
 * years, a problem count and a menu) or one of its years (problem count,
 * whether the source is at hand).  Recycled by the list view: set_row
 * binds it to a GtkTreeListRow, NULL unbinds it. */

GtkWidget    *nb_library_row_new       (void);
void          nb_library_row_set_row   (NbLibraryRow   *self,
                                        GtkTreeListRow *row);
GtkTreeListRow *nb_library_row_get_row (NbLibraryRow   *self);
const char   *nb_library_row_get_title (NbLibraryRow   *self);
const char   *nb_library_row_get_subtitle (NbLibraryRow *self);
const char   *nb_library_row_get_names (NbLibraryRow   *self);

G_END_DECLS
