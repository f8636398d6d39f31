/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nb-types.h"

G_BEGIN_DECLS

/* The one lexer of numbers: what the matcher reads in a report and what a
 * person types into a cell go through the same rules, and every value is
 * shown through nb_value_format (). */

gboolean  nb_value_parse   (const char   *text,
                            NbValueKind   kind,
                            double       *value,
                            GError      **error);
char     *nb_value_format  (double        value,
                            NbValueKind   kind);

G_END_DECLS
