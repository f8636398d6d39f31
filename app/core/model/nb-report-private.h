/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* Shared by nb-report.c (fields and cells) and nb-report-history.c (undo,
 * redo and the save point). */

typedef struct
{
  double       value;
  NbCellState  state;
  NbSource     source;
  char        *note;         /* why it is missing, or how it was read */
  double       read_value;   /* as the import left it, before any edit */
  NbCellState  read_state;
} Cell;

typedef enum
{
  EDIT_CELL,
  EDIT_AGENCY,
  EDIT_TITLE,
  EDIT_YEAR,
  EDIT_SECTION,
} EditKind;

typedef struct
{
  EditKind     kind;
  guint        index;          /* cell index or section */
  guint64      serial;         /* unique in the report: the save point names one */
  NbCellState  state[2];       /* before, after */
  double       value[2];
  char        *text[2];
  int          year[2];
} Edit;

struct _NbReport
{
  GObject            parent_instance;

  char              *agency;
  char              *title;
  char              *source_path;
  char              *source_checksum;
  char              *file_path;
  int                year;
  char              *sections[NB_N_SECTIONS];
  NbTemplateVersion  versions[NB_N_TABLES];

  Cell              *cells;
  guint              n_cells;

  GArray            *undo;       /* Edit */
  GArray            *redo;       /* Edit */
  guint64            next_serial;
  guint64            saved_serial; /* serial of the newest edit when saved; 0: none */
  guint              saved_reachable : 1; /* FALSE once the saved state cannot come back */

  guint              importing : 1;
  guint              modified : 1;
  guint              replaying : 1;
};

enum {
  PROP_0,
  PROP_AGENCY,
  PROP_YEAR,
  PROP_TITLE,
  PROP_SOURCE_PATH,
  PROP_FILE_PATH,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

void      _nb_report_notify         (NbReport   *self,
                                     guint       prop_id);
void      _nb_report_history_init   (NbReport   *self);
void      _nb_report_history_clear  (NbReport   *self);
gboolean  _nb_report_recording      (NbReport   *self);
void      _nb_report_push_edit      (NbReport   *self,
                                     Edit       *edit);

G_END_DECLS
