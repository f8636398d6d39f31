/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-source.h"
#include "nb-template.h"
#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT (nb_report_get_type ())

G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport          *nb_report_new                 (void);

const char        *nb_report_get_agency          (NbReport          *self);
void               nb_report_set_agency          (NbReport          *self,
                                                  const char        *agency);
int                nb_report_get_year            (NbReport          *self);
void               nb_report_set_year            (NbReport          *self,
                                                  int                year);
const char        *nb_report_get_title           (NbReport          *self);
void               nb_report_set_title           (NbReport          *self,
                                                  const char        *title);
const char        *nb_report_get_source_path     (NbReport          *self);
void               nb_report_set_source_path     (NbReport          *self,
                                                  const char        *path);
const char        *nb_report_get_file_path       (NbReport          *self);
void               nb_report_set_file_path       (NbReport          *self,
                                                  const char        *path);
const char        *nb_report_get_source_checksum (NbReport          *self);
void               nb_report_set_source_checksum (NbReport          *self,
                                                  const char        *checksum);
const char        *nb_report_get_section_text    (NbReport          *self,
                                                  NbSection          section);
void               nb_report_set_section_text    (NbReport          *self,
                                                  NbSection          section,
                                                  const char        *text);
NbTemplateVersion  nb_report_get_table_version   (NbReport          *self,
                                                  NbTableId          table);
void               nb_report_set_table_version   (NbReport          *self,
                                                  NbTableId          table,
                                                  NbTemplateVersion  version);
const NbTableDef  *nb_report_get_table_def       (NbReport          *self,
                                                  NbTableId          table);
gboolean           nb_report_has_cell            (NbReport          *self,
                                                  guint              index);

/* Cells, by their index in nb_template_get_cells () */
NbCellState        nb_report_get_cell            (NbReport          *self,
                                                  guint              index,
                                                  double            *value);
gboolean           nb_report_lookup_value        (NbReport          *self,
                                                  const char        *cell_id,
                                                  double            *value);
const NbSource    *nb_report_get_cell_source     (NbReport          *self,
                                                  guint              index);
const char        *nb_report_get_cell_note       (NbReport          *self,
                                                  guint              index);
void               nb_report_set_cell            (NbReport          *self,
                                                  guint              index,
                                                  NbCellState        state,
                                                  double             value,
                                                  const NbSource    *source,
                                                  const char        *note);

NbCellState        nb_report_get_cell_as_read    (NbReport          *self,
                                                  guint              index,
                                                  double            *value);
void               nb_report_set_cell_as_read    (NbReport          *self,
                                                  guint              index,
                                                  NbCellState        state,
                                                  double             value);

/* What a person does: recorded for undo, marks the report modified */
void               nb_report_edit_cell           (NbReport          *self,
                                                  guint              index,
                                                  NbCellState        state,
                                                  double             value);
gboolean           nb_report_edit_cell_text      (NbReport          *self,
                                                  guint              index,
                                                  const char        *text,
                                                  GError           **error);
gboolean           nb_report_can_undo            (NbReport          *self);
gboolean           nb_report_can_redo            (NbReport          *self);
void               nb_report_undo                (NbReport          *self);
void               nb_report_redo                (NbReport          *self);
gboolean           nb_report_get_modified        (NbReport          *self);
void               nb_report_set_modified        (NbReport          *self,
                                                  gboolean           modified);
guint              nb_report_get_n_edits         (NbReport          *self);

/* Import: no undo, no checks until it ends */
void               nb_report_begin_import        (NbReport          *self);
void               nb_report_end_import          (NbReport          *self);

G_END_DECLS
