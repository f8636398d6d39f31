/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_GRID (nb_table_grid_get_type ())

G_DECLARE_FINAL_TYPE (NbTableGrid, nb_table_grid, NB, TABLE_GRID, GtkWidget)

/* One table of the template (S2, S3 or S4) as an editable grid laid out
 * like the printed template, bound to an NbReport.
 *
 * Properties: "table" (NbTableId, construct-only), "report" (NbReport),
 * "problems" (GListModel of NbProblem: the report's checker's).
 * Signal "cell-selected" (guint cell_index): a cell got the focus. */

GtkWidget *nb_table_grid_new          (NbTableId    table);
NbReport  *nb_table_grid_get_report   (NbTableGrid *self);
void       nb_table_grid_set_report   (NbTableGrid *self,
                                       NbReport    *report);
GListModel *nb_table_grid_get_problems (NbTableGrid *self);
void       nb_table_grid_set_problems (NbTableGrid *self,
                                       GListModel  *problems);
NbTableId  nb_table_grid_get_table    (NbTableGrid *self);
gboolean   nb_table_grid_select_cell  (NbTableGrid *self,
                                       guint        cell_index);
GtkWidget *nb_table_grid_get_cell_widget (NbTableGrid *self,
                                          guint        cell_index);

G_END_DECLS
