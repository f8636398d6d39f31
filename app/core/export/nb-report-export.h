/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The report in the forms the spec fixes ("Machine-readable form") and in
 * the simple ones people paste into spreadsheets. */

JsonNode *nb_report_export_json_node (NbReport   *report,
                                      GListModel *problems,
                                      const char *file);
char     *nb_report_export_json      (NbReport   *report,
                                      GListModel *problems,
                                      const char *file);
char     *nb_report_export_csv       (NbReport   *report,
                                      const char *file);
char     *nb_report_export_text      (NbReport   *report,
                                      GListModel *problems);
char     *nb_csv_escape              (const char *field);
gboolean  nb_report_cell_is_listed   (NbReport   *report,
                                      guint       index);
void      nb_json_add_sections       (JsonBuilder *builder,
                                      NbReport    *report);
void      nb_json_add_template_versions (JsonBuilder *builder,
                                         NbReport    *report);
void      nb_json_add_cell_value     (JsonBuilder *builder,
                                      NbCellState  state,
                                      double       value,
                                      NbValueKind  kind);

G_END_DECLS
