/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* Where the tests find their data: the repository's tests/ and data/, and
 * the shared corpus beside the checkout (absent on users' machines). */
char       *nb_test_path             (const char *first, ...) G_GNUC_NULL_TERMINATED;
char       *nb_test_shared_path      (const char *first, ...) G_GNUC_NULL_TERMINATED;
gboolean    nb_test_require_shared   (const char *path);
JsonObject *nb_test_load_json        (const char *path);
NbReport   *nb_test_import           (const char *path);
void        nb_test_assert_cells     (NbReport   *report,
                                      JsonObject *expected_cells,
                                      const char *what);
void        nb_test_assert_expected  (NbReport   *report,
                                      const char *expected_path);
char       *nb_test_problems_string  (NbReport   *report);

G_END_DECLS
