/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_CHECKER (nb_checker_get_type ())

G_DECLARE_FINAL_TYPE (NbChecker, nb_checker, NB, CHECKER, GObject)

/* Keeps the problems of one report: runs the rules whenever the report's
 * cells settle after a change, and owns the list views bind to.  The report
 * knows nothing of it.
 *
 * Properties: "report" (NbReport, construct-only), "problems" (GListModel
 * of NbProblem). */

NbChecker  *nb_checker_new          (NbReport  *report);
NbReport   *nb_checker_get_report   (NbChecker *self);
GListModel *nb_checker_get_problems (NbChecker *self);
void        nb_checker_recheck      (NbChecker *self);

G_END_DECLS
