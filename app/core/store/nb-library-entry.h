/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NB_TYPE_LIBRARY_ENTRY (nb_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (NbLibraryEntry, nb_library_entry, NB, LIBRARY_ENTRY, GObject)

/* One stored report (the current version of an agency's year), as listed:
 * a snapshot, immutable.  Open it with nb_library_open_document ().
 * Properties (read-only): "id", "year", "title", "agency-name",
 * "source-path", "source-available", "n-problems", "imported". */

gint64       nb_library_entry_get_id               (NbLibraryEntry *self);
int          nb_library_entry_get_year             (NbLibraryEntry *self);
const char  *nb_library_entry_get_title            (NbLibraryEntry *self);
const char  *nb_library_entry_get_agency_name      (NbLibraryEntry *self);
const char  *nb_library_entry_get_source_path      (NbLibraryEntry *self);
gboolean     nb_library_entry_get_source_available (NbLibraryEntry *self);
guint        nb_library_entry_get_n_problems       (NbLibraryEntry *self);
GDateTime   *nb_library_entry_get_imported         (NbLibraryEntry *self);

G_END_DECLS
