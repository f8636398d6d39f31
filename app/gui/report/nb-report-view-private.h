/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "nb-report-view.h"

G_BEGIN_DECLS

/* The report view's rooms share its struct:
 *   nb-report-view.c          the class, the document it follows, loading,
 *                             saving, zoom, the narrow layout
 *   nb-report-view-content.c  what it shows of the report: header fields,
 *                             problems, tables, prose */

struct _NbReportView
{
  GtkWidget            parent_instance;

  NbDocument          *document;
  NbReport            *report;         /* the document's, bound to the widgets */
  GCancellable        *cancellable;
  char                *error;          /* the message of a failed load */
  char                *title;
  NbLibrary           *library;        /* the report came from it, or NULL */
  gint64               library_report_id;

  GtkWidget           *grids[NB_N_TABLES];
  GtkTextView         *section_views[NB_N_SECTIONS];
  guint                orientation_idle;
  guint                syncing_sections : 1;

  /* Template children */
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkWidget           *password_box;
  GtkPasswordEntry    *password_entry;
  GtkPaned            *paned;
  GtkLabel            *source_message;
  NbSourceView        *source_view;
  GtkBox              *data_box;
  AdwEntryRow         *title_row;
  AdwEntryRow         *agency_row;
  AdwEntryRow         *year_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  GtkBox              *tables_box;
  GtkBox              *sections_box;
};

/* nb-report-view-content.c */
void _nb_report_view_class_init_content (GtkWidgetClass *widget_class);
void _nb_report_view_build_content      (NbReportView   *self);
void _nb_report_view_bind_report        (NbReportView   *self,
                                         NbReport       *report,
                                         GListModel     *problems);
void _nb_report_view_commit_sections    (NbReportView   *self);

G_END_DECLS
