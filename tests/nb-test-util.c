/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "nb-checker.h"
#include "nb-importer.h"
#include "nb-problem.h"
#include "nb-test-util.h"

static char *
build_pathv (const char *root,
             const char *first,
             va_list     args)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) root);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
nb_test_path (const char *first,
              ...)
{
  va_list args;
  char *path;

  va_start (args, first);
  path = build_pathv (NB_TEST_SOURCE_ROOT, first, args);
  va_end (args);
  return path;
}

char *
nb_test_shared_path (const char *first,
                     ...)
{
  va_list args;
  char *path;
  g_autofree char *shared = g_build_filename (NB_TEST_SOURCE_ROOT, "..", "shared", NULL);

  va_start (args, first);
  path = build_pathv (shared, first, args);
  va_end (args);
  return path;
}

/* TRUE when @path (in the shared corpus) exists.  Otherwise the current
 * test is marked skipped, or failed when NB_REQUIRE_CORPUS=1 (CI must not
 * pass in silence without the corpus), and FALSE is returned: the caller
 * returns at once. */
gboolean
nb_test_require_shared (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_strcmp0 (g_getenv ("NB_REQUIRE_CORPUS"), "1") == 0)
    g_test_fail_printf ("NB_REQUIRE_CORPUS=1 and the shared corpus is not beside the checkout: %s",
                        path);
  else
    g_test_skip_printf ("the shared corpus is not beside the checkout: %s", path);
  return FALSE;
}

JsonObject *
nb_test_load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

NbReport *
nb_test_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_import_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

void
nb_test_assert_cells (NbReport   *report,
                      JsonObject *expected_cells,
                      const char *what)
{
  g_autoptr(GList) members = json_object_get_members (expected_cells);

  for (GList *l = members; l; l = l->next)
    {
      const char *id = l->data;
      JsonNode *node = json_object_get_member (expected_cells, id);
      const NbCellDef *cell = nb_template_lookup_cell (id);
      double value = 0;
      NbCellState state;

      if (cell == NULL)
        g_error ("%s: unknown cell id %s in the expectations", what, id);

      state = nb_report_get_cell (report, cell->index, &value);
      if (JSON_NODE_HOLDS_NULL (node))
        {
          if (state != NB_CELL_MISSING)
            g_error ("%s: %s should be missing, is %g", what, id, value);
          continue;
        }
      if (state == NB_CELL_MISSING)
        g_error ("%s: %s should be %g, is missing (%s)", what, id,
                 json_node_get_double (node), nb_report_get_cell_note (report, cell->index));
      if (fabs (value - json_node_get_double (node)) > 1e-9)
        g_error ("%s: %s should be %g, is %g", what, id, json_node_get_double (node), value);
    }
}

void
nb_test_assert_expected (NbReport   *report,
                         const char *expected_path)
{
  g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);
  JsonObject *cells = json_object_get_object_member (expected, "cells");

  guint n_cells;
  const NbCellDef *defs = nb_template_get_cells (&n_cells);

  /* Every cell an export lists has its value written down: none is left
   * unchecked because an expectation is missing. */
  for (guint i = 0; i < n_cells; i++)
    if (defs[i].always_listed && !json_object_has_member (cells, defs[i].id))
      g_error ("%s: no expected value for %s", expected_path, defs[i].id);
  nb_test_assert_cells (report, cells, expected_path);
  g_assert_cmpstr (nb_report_get_agency (report), ==,
                   json_object_get_string_member (expected, "agency"));
  g_assert_cmpint (nb_report_get_year (report), ==,
                   json_object_get_int_member (expected, "year"));
  if (json_object_has_member (expected, "title"))
    g_assert_cmpstr (nb_report_get_title (report), ==,
                     json_object_get_string_member (expected, "title"));

  if (json_object_has_member (expected, "template"))
    {
      JsonObject *template = json_object_get_object_member (expected, "template");
      const char *ids[] = { "s2", "s3", "s4" };

      for (guint t = 0; t < NB_N_TABLES; t++)
        g_assert_cmpstr (nb_template_version_to_string (nb_report_get_table_version (report, t)),
                         ==, json_object_get_string_member (template, ids[t]));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* "rule cell,cell…" lines, sorted, for exact comparison. */
char *
nb_test_problems_string (NbReport *report)
{
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  GListModel *problems = nb_checker_get_problems (checker);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *cells = g_strjoinv (",", (char **) nb_problem_get_cells (problem));

      g_ptr_array_add (lines, g_strdup_printf ("%s %s", nb_problem_get_rule (problem), cells));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_strdup (out->str);
}
