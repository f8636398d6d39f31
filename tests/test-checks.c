/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-checker.h"
#include "nb-checks.h"
#include "nb-error.h"
#include "nb-problem.h"
#include "nb-test-util.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Seeds altered by tests/make-fixtures.py: each rule fires on exactly the
 * cells the manifest names, and nothing else fires. */
static void
test_altered (gconstpointer data)
{
  JsonObject *entry = (JsonObject *) data;
  const char *file = json_object_get_string_member (entry, "file");
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "altered", file, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  JsonArray *problems = json_object_get_array_member (entry, "problems");
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;

  nb_test_assert_cells (report, json_object_get_object_member (entry, "cells"), file);

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);
      JsonArray *cells = json_object_get_array_member (problem, "cells");
      g_autoptr(GString) line = g_string_new (json_object_get_string_member (problem, "rule"));

      for (guint c = 0; c < json_array_get_length (cells); c++)
        g_string_append_printf (line, "%c%s", c == 0 ? ' ' : ',',
                                json_array_get_string_element (cells, c));
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (expected, "%s\n", (char *) g_ptr_array_index (lines, i));

  got = nb_test_problems_string (report);
  g_assert_cmpstr (got, ==, expected->str);
}

static NbReport *
import_sample (const char *seed)
{
  g_autofree char *name = g_strconcat (seed, ".txt", NULL);
  g_autofree char *path = nb_test_path ("data", "samples", name, NULL);

  return nb_test_import (path);
}

static guint
cell_index (const char *id)
{
  const NbCellDef *cell = nb_template_lookup_cell (id);

  g_assert_nonnull (cell);
  return cell->index;
}

/* An edit re-runs the checks at once; undo and redo bring the problem back
 * and forth; the message says what is wrong with the numbers. */
static void
test_edit_undo (void)
{
  g_autoptr(NbReport) report = import_sample ("002_ff767b4376f9d530");
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  GListModel *problems = nb_checker_get_problems (checker);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  double value;

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_false (nb_report_can_undo (report));

  g_assert_true (nb_report_edit_cell_text (report, cell_index ("s3.results_total.natural"), "1", &error));
  g_assert_no_error (error);
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_can_undo (report));

  got = nb_test_problems_string (report);
  g_assert_cmpstr (got, ==,
                   "s3.balance s3.new.natural,s3.carried_in.natural,s3.results_total.natural,"
                   "s3.carried_over.natural\n"
                   "s3.results_sum s3.results_total.natural,s3.granted.natural,s3.partly.natural,"
                   "s3.refused.state_secret.natural,s3.refused.prohibited.natural,"
                   "s3.refused.security_stability.natural,s3.refused.third_party.natural,"
                   "s3.refused.internal.natural,s3.refused.process.natural,"
                   "s3.refused.enforcement_file.natural,s3.refused.query.natural,"
                   "s3.unable.not_held.natural,s3.unable.needs_creation.natural,"
                   "s3.unable.unclear.natural,s3.not_processed.petition.natural,"
                   "s3.not_processed.repeated.natural,s3.not_processed.publication.natural,"
                   "s3.not_processed.excessive.natural,s3.not_processed.confirm.natural,"
                   "s3.other_handling.no_correction.natural,s3.other_handling.no_fee.natural,"
                   "s3.other_handling.misc.natural\n"
                   "s3.row_total s3.results_total.total,s3.results_total.natural,"
                   "s3.results_total.business,s3.results_total.research,"
                   "s3.results_total.nonprofit,s3.results_total.legal,s3.results_total.other_org\n");

  {
    g_autoptr(NbProblem) balance = g_list_model_get_item (problems, 0);

    g_assert_cmpstr (nb_problem_get_rule (balance), ==, "s3.balance");
    g_assert_cmpstr (nb_problem_get_message (balance), ==,
                     "Natural persons: new 2 + carried in 0 ≠ results total 1 + carried over 0");
  }

  nb_report_undo (report);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpint (nb_report_get_cell (report, cell_index ("s3.results_total.natural"), &value),
                   ==, NB_CELL_FOUND);
  g_assert_cmpfloat (value, ==, 2);
  g_assert_true (nb_report_can_redo (report));

  nb_report_redo (report);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);
  g_assert_cmpint (nb_report_get_cell (report, cell_index ("s3.results_total.natural"), &value),
                   ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 1);
}

/* What a person may type into a cell. */
static void
test_edit_validation (void)
{
  g_autoptr(NbReport) report = import_sample ("000_f24d835b901d1514");
  guint count = cell_index ("s3.new.natural");
  guint fee = cell_index ("s2.fees.amount");
  g_autofree char *problems = NULL;
  double value;

  struct { guint cell; const char *text; gboolean ok; double value; } cases[] = {
    { count, "abc", FALSE, 0 },
    { count, "-1", FALSE, 0 },
    { count, "1.5", FALSE, 0 },
    { count, "1e3", FALSE, 0 },
    { count, "1,234", TRUE, 1234 },
    { count, "１２", TRUE, 12 },
    { count, " 7 ", TRUE, 7 },
    { fee, "12.35", TRUE, 12.35 },
    { fee, "-0.5", FALSE, 0 },
    { fee, "十二", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = nb_report_edit_cell_text (report, cases[i].cell, cases[i].text, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (nb_report_get_cell (report, cases[i].cell, &value), ==, NB_CELL_EDITED);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }

  /* Emptying a cell makes it missing, and says so. */
  g_assert_true (nb_report_edit_cell_text (report, count, "", NULL));
  g_assert_cmpint (nb_report_get_cell (report, count, NULL), ==, NB_CELL_MISSING);
  problems = nb_test_problems_string (report);
  g_assert_nonnull (strstr (problems, "cell.missing s3.new.natural\n"));
}

/* The （六） aggregate follows its sub-rows in a 2021 table. */
static void
test_aggregate (void)
{
  g_autoptr(NbReport) report = import_sample ("003_e0396cda2f552dd2");
  guint aggregate = cell_index ("s3.other_handling.natural");
  double value;

  g_assert_cmpint (nb_report_get_cell (report, aggregate, &value), ==, NB_CELL_DERIVED);
  g_assert_cmpfloat (value, ==, 0);

  nb_report_edit_cell (report, cell_index ("s3.other_handling.misc.natural"), NB_CELL_EDITED, 4);
  g_assert_cmpint (nb_report_get_cell (report, aggregate, &value), ==, NB_CELL_DERIVED);
  g_assert_cmpfloat (value, ==, 4);

  nb_report_edit_cell (report, cell_index ("s3.other_handling.no_fee.natural"), NB_CELL_MISSING, 0);
  g_assert_cmpint (nb_report_get_cell (report, aggregate, NULL), ==, NB_CELL_MISSING);
}

/* Text fields are edits too. */
static void
test_edit_fields (void)
{
  g_autoptr(NbReport) report = import_sample ("001_7f28f313131cbcb8");

  nb_report_set_agency (report, "文峰区");
  nb_report_set_year (report, 2025);
  nb_report_set_section_text (report, NB_SECTION_OTHER, "无。");
  g_assert_cmpuint (nb_report_get_n_edits (report), ==, 3);

  nb_report_undo (report);
  nb_report_undo (report);
  nb_report_undo (report);
  g_assert_cmpstr (nb_report_get_agency (report), ==, "文峰区行政审批和政务信息管理局");
  g_assert_cmpint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_OTHER), ==,
                   "本年度，本机关未收取信息公开处理费。");
  g_assert_false (nb_report_can_undo (report));
}

/* year.carry across two reports of one agency. */
static void
test_year_carry (void)
{
  g_autoptr(NbReport) previous = import_sample ("004_d75dc64ce6227108");
  g_autoptr(NbReport) current = import_sample ("000_f24d835b901d1514");
  g_autoptr(GPtrArray) problems = nb_checks_year_carry (previous, current);
  NbProblem *problem;

  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  nb_report_edit_cell (previous, cell_index ("s3.carried_over.legal"), NB_CELL_EDITED, 3);
  problems = nb_checks_year_carry (previous, current);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (nb_problem_get_rule (problem), ==, "year.carry");
  g_assert_cmpstr (nb_problem_get_cells (problem)[0], ==, "s3.carried_in.legal");
  g_assert_cmpstr (nb_problem_get_cells (problem)[1], ==, "s3.carried_over.legal");
  g_assert_null (nb_problem_get_cells (problem)[2]);
}

/* A consistent report stays quiet however it is built. */
static void
test_empty_report (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  g_autofree char *problems = NULL;

  problems = nb_test_problems_string (report);
  /* Every row of every table is missing: 6 + 25 + 3 rows */
  g_assert_cmpuint (g_list_model_get_n_items (nb_checker_get_problems (checker)), ==, 34);
  g_assert_null (strstr (problems, "s3.balance"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *manifest_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *manifest;

  g_test_init (&argc, &argv, NULL);

  manifest_path = nb_test_path ("tests", "fixtures", "text", "altered", "manifest.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, manifest_path, NULL));
  manifest = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (manifest); i++)
    {
      JsonObject *entry = json_array_get_object_element (manifest, i);
      g_autofree char *name = g_strdup_printf ("/nb/checks/altered/%s",
                                               json_object_get_string_member (entry, "file"));

      g_test_add_data_func (name, entry, test_altered);
    }

  g_test_add_func ("/nb/checks/edit-undo", test_edit_undo);
  g_test_add_func ("/nb/checks/edit-validation", test_edit_validation);
  g_test_add_func ("/nb/checks/aggregate", test_aggregate);
  g_test_add_func ("/nb/checks/edit-fields", test_edit_fields);
  g_test_add_func ("/nb/checks/year-carry", test_year_carry);
  g_test_add_func ("/nb/checks/empty-report", test_empty_report);

  return g_test_run ();
}
