/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* Runs the consistency rules (勾稽关系) declared in nb-rules-data.c on
 * reports.  Rule ids: cell.missing, cell.non_negative, s3.balance,
 * s3.results_sum, s3.row_total, s4.group_total; year.carry across two
 * reports, of one agency and consecutive years (NB_ERROR_NOT_COMPARABLE
 * otherwise). */

GPtrArray *nb_checks_run        (NbReport  *report);
GPtrArray *nb_checks_year_carry (NbReport  *previous,
                                 NbReport  *current,
                                 GError   **error);

G_END_DECLS
