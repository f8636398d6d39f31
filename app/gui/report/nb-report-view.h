/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-document.h"
#include "nb-library.h"
#include "nb-report.h"
#include "nb-source-view.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT_VIEW (nb_report_view_get_type ())

G_DECLARE_FINAL_TYPE (NbReportView, nb_report_view, NB, REPORT_VIEW, GtkWidget)

/* One report in a tab: its source beside its data (the tables as grids,
 * title, agency, year, prose) and its problems.  It shows an NbDocument,
 * which loads and saves off the main thread.
 *
 * Properties: "document" (NbDocument), "report" (NbReport, NULL until
 * loaded), "title", "busy" (loading or saving), "modified", "error" (the
 * message of a failed load). */

NbReportView *nb_report_view_new_for_document (NbDocument        *document);
void          nb_report_view_set_document (NbReportView        *self,
                                           NbDocument          *document);
NbDocument   *nb_report_view_get_document (NbReportView        *self);
void          nb_report_view_load         (NbReportView        *self,
                                           const char          *password);
void          nb_report_view_cancel       (NbReportView        *self);
NbReport     *nb_report_view_get_report   (NbReportView        *self);
GListModel   *nb_report_view_get_problems (NbReportView        *self);
GFile        *nb_report_view_get_file     (NbReportView        *self);
const char   *nb_report_view_get_title    (NbReportView        *self);
gboolean      nb_report_view_get_busy     (NbReportView        *self);
gboolean      nb_report_view_get_modified (NbReportView        *self);
const char   *nb_report_view_get_error    (NbReportView        *self);
gboolean      nb_report_view_select_cell  (NbReportView        *self,
                                           guint                cell_index);
GtkWidget    *nb_report_view_get_grid     (NbReportView        *self,
                                           NbTableId            table);
GtkWidget    *nb_report_view_get_source_view (NbReportView     *self);
const char   *nb_report_view_get_source_message (NbReportView  *self);
void          nb_report_view_zoom         (NbReportView        *self,
                                           NbZoom               step);
void          nb_report_view_save_async   (NbReportView        *self,
                                           GFile               *file,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      nb_report_view_save_finish  (NbReportView        *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void          nb_report_view_set_library  (NbReportView        *self,
                                           NbLibrary           *library,
                                           gint64               report_id);
gint64        nb_report_view_get_library_report_id (NbReportView *self);
gboolean      nb_report_view_save_to_library (NbReportView     *self,
                                           GError             **error);

G_END_DECLS
