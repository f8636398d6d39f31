/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* The consistency rules (勾稽关系) of the template, as functions of reports.
 * Rule ids: cell.missing, cell.non_negative, s3.balance, s3.results_sum,
 * s3.row_total, s4.group_total; year.carry across two reports. */

GPtrArray *nb_checks_run        (NbReport *report);
GPtrArray *nb_checks_year_carry (NbReport *previous,
                                 NbReport *current);

G_END_DECLS
