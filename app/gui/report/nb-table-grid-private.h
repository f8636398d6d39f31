/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-table-grid.h"
#include "nb-table-layout.h"

G_BEGIN_DECLS

/* NbTableGrid is split by concern: nb-table-grid.c lays the grid out from
 * nb-table-layout and follows the report and its problems;
 * nb-table-grid-cell.c is one cell's entry: editing, marks and moving. */

typedef struct
{
  NbTableGrid     *self;
  const NbCellDef *def;
  GtkWidget       *entry;
  int              row;       /* grid position, to move up and down */
  int              column;
  char            *error;     /* why the typed text was refused, or NULL */
  char            *problems;  /* messages of the problems it is part of, or NULL */
  guint            read_only : 1;
} NbCellView;

struct _NbTableGrid
{
  GtkWidget          parent_instance;

  NbTableId          table;
  NbReport          *report;
  GListModel        *problems;   /* NbProblem, from the report's checker */
  const NbTableDef  *def;        /* the edition the grid is laid out for */

  GtkWidget         *grid;
  GtkWidget         *message;
  GtkSizeGroup      *columns;    /* the column titles */

  GPtrArray         *cells;      /* NbCellView, in the layout's order: row by row */
  GHashTable        *by_index;   /* cell index → NbCellView */

  guint              rebuild_source;
  guint              rebuilding : 1;
};

NbCellView *_nb_cell_view_new           (NbTableGrid       *self,
                                         const NbLayoutBox *box);
void        _nb_cell_view_free          (gpointer           data);
void        _nb_cell_view_refresh       (NbCellView        *cv);
void        _nb_cell_view_set_problems  (NbCellView        *cv,
                                         const char        *problems);
void        _nb_table_grid_update_message (NbTableGrid     *self,
                                           NbCellView      *preferred);
void        _nb_table_grid_cell_selected  (NbTableGrid     *self,
                                           NbCellView      *cv);
void        _nb_table_grid_class_init_cells (void);

G_END_DECLS
