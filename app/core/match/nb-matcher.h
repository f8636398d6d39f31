/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

gboolean nb_matcher_fill_report (GPtrArray  *lines,
                                 NbReport   *report,
                                 GError    **error);

G_END_DECLS
