/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_PROBLEM (nb_problem_get_type ())

G_DECLARE_FINAL_TYPE (NbProblem, nb_problem, NB, PROBLEM, GObject)

NbProblem          *nb_problem_new          (const char         *rule,
                                             NbSeverity          severity,
                                             const char *const  *cells,
                                             const char         *message);
const char         *nb_problem_get_rule     (NbProblem          *self);
NbSeverity          nb_problem_get_severity (NbProblem          *self);
const char *const  *nb_problem_get_cells    (NbProblem          *self);
const char         *nb_problem_get_message  (NbProblem          *self);
const char         *nb_problem_get_first_cell (NbProblem        *self);
gboolean            nb_problem_involves     (NbProblem          *self,
                                             const char         *cell_id);
gboolean            nb_problem_equal        (NbProblem          *a,
                                             NbProblem          *b);

G_END_DECLS
