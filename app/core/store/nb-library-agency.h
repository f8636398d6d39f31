/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What kind of agency a name says it is: evaluators compare peers of one
 * level.  Filled in from the name (人民政府 → government; 局, 委, 办 →
 * department) and editable. */
typedef enum
{
  NB_AGENCY_LEVEL_UNKNOWN = 0,
  NB_AGENCY_LEVEL_GOVERNMENT,
  NB_AGENCY_LEVEL_DEPARTMENT,
} NbAgencyLevel;

#define NB_TYPE_LIBRARY_AGENCY (nb_library_agency_get_type ())

G_DECLARE_FINAL_TYPE (NbLibraryAgency, nb_library_agency, NB, LIBRARY_AGENCY, GObject)

/* One agency of a library, as listed: a snapshot taken when the library
 * (re)loads its list, immutable after.  Properties (read-only): "id",
 * "name", "region", "level", "n-problems", "n-reports". */

gint64              nb_library_agency_get_id          (NbLibraryAgency *self);
const char         *nb_library_agency_get_name        (NbLibraryAgency *self);
const char *const  *nb_library_agency_get_names       (NbLibraryAgency *self);
const char         *nb_library_agency_get_region      (NbLibraryAgency *self);
NbAgencyLevel       nb_library_agency_get_level       (NbLibraryAgency *self);
GListModel         *nb_library_agency_get_reports     (NbLibraryAgency *self);
guint               nb_library_agency_get_n_reports   (NbLibraryAgency *self);
guint               nb_library_agency_get_n_problems  (NbLibraryAgency *self);
char               *nb_library_agency_dup_years_text  (NbLibraryAgency *self);
gboolean            nb_library_agency_matches         (NbLibraryAgency *self,
                                                       const char      *query);

G_END_DECLS
