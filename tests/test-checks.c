/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-checker.h"
#include "nb-checks.h"
#include "nb-error.h"
#include "nb-problem.h"
#include "nb-rules.h"
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
  g_autofree char *redone = NULL;
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
    g_assert_cmpint (nb_problem_get_severity (balance), ==, NB_SEVERITY_ERROR);
  }

  nb_report_undo (report);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpint (nb_report_get_cell (report, cell_index ("s3.results_total.natural"), &value),
                   ==, NB_CELL_FOUND);
  g_assert_cmpfloat (value, ==, 2);
  g_assert_true (nb_report_can_redo (report));

  nb_report_redo (report);
  g_clear_pointer (&redone, g_free);
  redone = nb_test_problems_string (report);
  g_assert_cmpstr (redone, ==, got);
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
  g_assert_cmpstr (problems, ==, "cell.missing s3.new.natural\n");
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

/* ---- year.carry ---------------------------------------------------------- */

/* The spec's S3 columns, in template order. */
static const char *const s3_columns[] = {
  "natural", "business", "research", "nonprofit", "legal", "other_org", "total", NULL
};

/* "rule cell,cell…" lines in the order the problems come. */
static char *
problems_to_string (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      NbProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *cells = g_strjoinv (",", (char **) nb_problem_get_cells (problem));

      g_string_append_printf (out, "%s %s\n", nb_problem_get_rule (problem), cells);
    }
  return g_string_free (out, FALSE);
}

static void
carry_fails (NbReport   *previous,
             NbReport   *current,
             const char *message)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = nb_checks_year_carry (previous, current, &error);

  g_assert_null (problems);
  g_assert_error (error, NB_ERROR, NB_ERROR_NOT_COMPARABLE);
  g_assert_cmpstr (error->message, ==, message);
}

/* The true carried_in (year N) and carried_over (year N−1) cells of @cells,
 * a corpus expectation, as an object nb_test_assert_cells () takes. */
static JsonObject *
carry_cells (JsonObject *cells,
             const char *row)
{
  JsonObject *subset = json_object_new ();

  for (guint c = 0; s3_columns[c] != NULL; c++)
    {
      g_autofree char *id = g_strdup_printf ("s3.%s.%s", row, s3_columns[c]);

      json_object_set_member (subset, id, json_node_copy (json_object_get_member (cells, id)));
    }
  return subset;
}

/* What year.carry must say about two years of one agency, from a person's
 * reading of both reports (the corpus expectations): one problem per column
 * whose carried_in differs from last year's carried_over. */
static char *
expected_carry (JsonObject *previous_cells,
                JsonObject *current_cells,
                const char *edited_column,
                double      edited_value)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; s3_columns[c] != NULL; c++)
    {
      g_autofree char *in_id = g_strdup_printf ("s3.carried_in.%s", s3_columns[c]);
      g_autofree char *over_id = g_strdup_printf ("s3.carried_over.%s", s3_columns[c]);
      JsonNode *in = json_object_get_member (current_cells, in_id);
      JsonNode *over = json_object_get_member (previous_cells, over_id);
      double in_value;

      if (JSON_NODE_HOLDS_NULL (in) || JSON_NODE_HOLDS_NULL (over))
        continue;
      in_value = g_strcmp0 (s3_columns[c], edited_column) == 0 ? edited_value
                                                               : json_node_get_double (in);
      if (in_value != json_node_get_double (over))
        g_string_append_printf (out, "year.carry %s,%s\n", in_id, over_id);
    }
  return g_string_free (out, FALSE);
}

/* The real consecutive pair of one agency (洪泽区, 2023 and 2024). */
static void
test_year_carry_corpus (void)
{
  g_autofree char *pdf_2023 = nb_test_shared_path ("corpus", "hongzequ_2023.pdf", NULL);
  g_autofree char *pdf_2024 = nb_test_shared_path ("corpus", "hongzequ_2024.pdf", NULL);
  g_autofree char *json_2023 = nb_test_shared_path ("corpus", "hongzequ_2023.expected.json", NULL);
  g_autofree char *json_2024 = nb_test_shared_path ("corpus", "hongzequ_2024.expected.json", NULL);
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(NbReport) current = NULL;
  g_autoptr(JsonObject) expected_2023 = NULL;
  g_autoptr(JsonObject) expected_2024 = NULL;
  g_autoptr(JsonObject) over_2023 = NULL;
  g_autoptr(JsonObject) in_2024 = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *message = NULL;
  JsonObject *cells_2023, *cells_2024;
  NbProblem *problem = NULL;
  double legal_over;

  if (!nb_test_require_shared (pdf_2023) || !nb_test_require_shared (pdf_2024) ||
      !nb_test_require_shared (json_2023) || !nb_test_require_shared (json_2024))
    return;

  previous = nb_test_import (pdf_2023);
  current = nb_test_import (pdf_2024);
  expected_2023 = nb_test_load_json (json_2023);
  expected_2024 = nb_test_load_json (json_2024);
  cells_2023 = json_object_get_object_member (expected_2023, "cells");
  cells_2024 = json_object_get_object_member (expected_2024, "cells");

  /* One agency, named with its city only in 2024. */
  g_assert_cmpstr (nb_report_get_agency (previous), ==, "洪泽区人民政府");
  g_assert_cmpstr (nb_report_get_agency (current), ==, "淮安市洪泽区人民政府");
  g_assert_cmpstr (nb_report_get_agency (previous), ==,
                   json_object_get_string_member (expected_2023, "agency"));
  g_assert_cmpstr (nb_report_get_agency (current), ==,
                   json_object_get_string_member (expected_2024, "agency"));

  /* The rule skips missing cells: it must see the true values, or an empty
   * list would prove nothing. */
  over_2023 = carry_cells (cells_2023, "carried_over");
  in_2024 = carry_cells (cells_2024, "carried_in");
  nb_test_assert_cells (previous, over_2023, pdf_2023);
  nb_test_assert_cells (current, in_2024, pdf_2024);

  problems = nb_checks_year_carry (previous, current, &error);
  g_assert_no_error (error);
  got = problems_to_string (problems);
  expected = expected_carry (cells_2023, cells_2024, NULL, 0);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);

  /* Three more carried in than the year before carried over. */
  legal_over = json_object_get_double_member (cells_2023, "s3.carried_over.legal");
  nb_report_edit_cell (current, cell_index ("s3.carried_in.legal"), NB_CELL_EDITED, legal_over + 3);
  problems = nb_checks_year_carry (previous, current, &error);
  g_assert_no_error (error);
  got = problems_to_string (problems);
  expected = expected_carry (cells_2023, cells_2024, "legal", legal_over + 3);
  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (expected, "year.carry s3.carried_in.legal,s3.carried_over.legal\n"));

  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (nb_problem_get_first_cell (g_ptr_array_index (problems, i)),
                   "s3.carried_in.legal") == 0)
      problem = g_ptr_array_index (problems, i);
  g_assert_nonnull (problem);
  message = g_strdup_printf ("Legal service providers: carried in %g in %d ≠ carried over %g in %d",
                             legal_over + 3,
                             (int) json_object_get_int_member (expected_2024, "year"),
                             legal_over,
                             (int) json_object_get_int_member (expected_2023, "year"));
  g_assert_cmpstr (nb_problem_get_message (problem), ==, message);
  g_assert_cmpint (nb_problem_get_severity (problem), ==, NB_SEVERITY_WARNING);

  /* The same two reports the wrong way round. */
  carry_fails (current, previous,
               "Cannot compare the carried-over requests: "
               "the report for 2023 does not follow the one for 2024");
}

/* Two reports of different agencies are not compared. */
static void
test_year_carry_other_agency (void)
{
  g_autoptr(NbReport) previous = import_sample ("004_d75dc64ce6227108");
  g_autoptr(NbReport) current = import_sample ("000_f24d835b901d1514");

  g_assert_cmpint (nb_report_get_year (previous), ==, 2023);
  g_assert_cmpint (nb_report_get_year (current), ==, 2024);
  carry_fails (previous, current,
               "Cannot compare the carried-over requests: "
               "“扶沟县工业和信息化局” and “尉氏县先进制造业开发区” are different agencies");
}

/* Only consecutive years of one agency are compared; then a carry that
 * does not match is one problem naming both cells. */
static void
test_year_carry_years (void)
{
  g_autoptr(NbReport) previous = import_sample ("004_d75dc64ce6227108");
  g_autoptr(NbReport) current = import_sample ("004_d75dc64ce6227108");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  NbProblem *problem;

  carry_fails (previous, current,
               "Cannot compare the carried-over requests: "
               "the report for 2023 does not follow the one for 2023");
  nb_report_set_year (current, 2025);
  carry_fails (previous, current,
               "Cannot compare the carried-over requests: "
               "the report for 2025 does not follow the one for 2023");
  nb_report_set_year (current, 0);
  carry_fails (previous, current,
               "Cannot compare the carried-over requests: "
               "a report does not give its year");

  nb_report_set_year (current, 2024);
  problems = nb_checks_year_carry (previous, current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  nb_report_edit_cell (previous, cell_index ("s3.carried_over.legal"), NB_CELL_EDITED, 3);
  nb_report_edit_cell (current, cell_index ("s3.carried_in.total"), NB_CELL_EDITED, 2);
  nb_report_edit_cell (previous, cell_index ("s3.carried_over.natural"), NB_CELL_MISSING, 0);
  nb_report_edit_cell (current, cell_index ("s3.carried_in.natural"), NB_CELL_EDITED, 5);
  problems = nb_checks_year_carry (previous, current, &error);
  g_assert_no_error (error);
  got = problems_to_string (problems);
  /* natural: last year's cell is missing, so it is not compared */
  g_assert_cmpstr (got, ==,
                   "year.carry s3.carried_in.legal,s3.carried_over.legal\n"
                   "year.carry s3.carried_in.total,s3.carried_over.total\n");
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (nb_problem_get_message (problem), ==,
                   "Legal service providers: carried in 0 in 2024 ≠ carried over 3 in 2023");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (nb_problem_get_message (problem), ==,
                   "Total: carried in 2 in 2024 ≠ carried over 0 in 2023");
}

/* An agency's name may change by white space or by the place before it. */
static void
test_year_carry_agency_names (void)
{
  struct { const char *previous, *current; const char *error; } cases[] = {
    { "洪泽区人民政府", "淮安市洪泽区人民政府", NULL },
    { "江苏省淮安市洪泽区人民政府", "洪泽区人民政府", NULL },
    { " 洪泽区 人民政府　", "洪泽区人民政府", NULL },
    { "洪泽区人民政府", "淮阴区人民政府",
      "Cannot compare the carried-over requests: “洪泽区人民政府” and “淮阴区人民政府” "
      "are different agencies" },
    { "洪泽区人民政府", "洪泽区人民政府办公室",
      "Cannot compare the carried-over requests: “洪泽区人民政府” and “洪泽区人民政府办公室” "
      "are different agencies" },
    { "洪泽区人民政府", "老洪泽区人民政府",
      "Cannot compare the carried-over requests: “洪泽区人民政府” and “老洪泽区人民政府” "
      "are different agencies" },
    { "洪泽区人民政府", NULL,
      "Cannot compare the carried-over requests: a report does not name its agency" },
    { "  ", "洪泽区人民政府",
      "Cannot compare the carried-over requests: a report does not name its agency" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbReport) previous = nb_report_new ();
      g_autoptr(NbReport) current = nb_report_new ();
      g_autoptr(GPtrArray) problems = NULL;

      nb_report_set_agency (previous, cases[i].previous);
      nb_report_set_agency (current, cases[i].current);
      nb_report_set_year (previous, 2023);
      nb_report_set_year (current, 2024);

      if (cases[i].error != NULL)
        {
          carry_fails (previous, current, cases[i].error);
          continue;
        }
      problems = nb_checks_year_carry (previous, current, NULL);
      g_assert_nonnull (problems);
      /* every cell is missing: nothing to compare */
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* ---- The empty report ------------------------------------------------------ */

/* An empty report lacks every row of the template, and nothing else is
 * wrong with it: one cell.missing per row of the spec, naming its cells. */
static void
test_empty_report (void)
{
  static const char *const s2_rows[] = {
    "rules:new,abolished,in_force", "normative:new,abolished,in_force",
    "licensing:decisions", "penalty:decisions", "coercion:decisions", "fees:amount", NULL
  };
  static const char *const s3_rows[] = {
    "new", "carried_in", "granted", "partly",
    "refused.state_secret", "refused.prohibited", "refused.security_stability",
    "refused.third_party", "refused.internal", "refused.process",
    "refused.enforcement_file", "refused.query",
    "unable.not_held", "unable.needs_creation", "unable.unclear",
    "not_processed.petition", "not_processed.repeated", "not_processed.publication",
    "not_processed.excessive", "not_processed.confirm",
    "other_handling.no_correction", "other_handling.no_fee", "other_handling.misc",
    "results_total", "carried_over", NULL
  };
  static const char *const s4_rows[] = { "review", "suit_direct", "suit_after_review", NULL };
  static const char *const s4_columns = "upheld,corrected,other,pending,total";
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbChecker) checker = nb_checker_new (report);
  GListModel *problems = nb_checker_get_problems (checker);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint r = 0; s2_rows[r] != NULL; r++)
    {
      g_auto(GStrv) row_columns = g_strsplit (s2_rows[r], ":", 2);
      g_auto(GStrv) columns = g_strsplit (row_columns[1], ",", -1);
      GString *line = g_string_new ("cell.missing ");

      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (line, "%ss2.%s.%s", c ? "," : "", row_columns[0], columns[c]);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint r = 0; s3_rows[r] != NULL; r++)
    {
      GString *line = g_string_new ("cell.missing ");

      for (guint c = 0; s3_columns[c] != NULL; c++)
        g_string_append_printf (line, "%ss3.%s.%s", c ? "," : "", s3_rows[r], s3_columns[c]);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint r = 0; s4_rows[r] != NULL; r++)
    {
      g_auto(GStrv) columns = g_strsplit (s4_columns, ",", -1);
      GString *line = g_string_new ("cell.missing ");

      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (line, "%ss4.%s.%s", c ? "," : "", s4_rows[r], columns[c]);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (expected, "%s\n", (char *) g_ptr_array_index (lines, i));

  got = nb_test_problems_string (report);
  g_assert_cmpstr (got, ==, expected->str);

  {
    g_autoptr(NbProblem) first = g_list_model_get_item (problems, 0);
    g_autoptr(NbProblem) licensing = g_list_model_get_item (problems, 2);

    g_assert_cmpstr (nb_problem_get_message (first), ==,
                     "Proactive disclosure, Rules: 3 values missing");
    g_assert_cmpstr (nb_problem_get_message (licensing), ==,
                     "Proactive disclosure, Administrative licensing: 1 value missing");
    g_assert_cmpint (nb_problem_get_severity (first), ==, NB_SEVERITY_WARNING);
  }
}

/* What each value kind allows, and what is said when a value breaks it. */
static void
test_value_kinds (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  guint n_cells = nb_template_get_n_cells ();
  g_autoptr(NbChecker) checker = NULL;
  g_autofree char *got = NULL;
  GListModel *problems;

  /* S2 in the 2019 edition has the signed 本年增/减 cells. */
  nb_report_set_table_version (report, NB_TABLE_S2, NB_TEMPLATE_2019);
  for (guint i = 0; i < n_cells; i++)
    nb_report_set_cell (report, i, NB_CELL_FOUND, 0, NULL, NULL);

  nb_report_set_cell (report, cell_index ("s2.licensing.change"), NB_CELL_FOUND, -2, NULL, NULL);
  nb_report_set_cell (report, cell_index ("s2.penalty.change"), NB_CELL_FOUND, 2.5, NULL, NULL);
  nb_report_set_cell (report, cell_index ("s2.rules.made"), NB_CELL_FOUND, -1, NULL, NULL);
  nb_report_set_cell (report, cell_index ("s4.review.other"), NB_CELL_FOUND, 0.5, NULL, NULL);
  nb_report_set_cell (report, cell_index ("s4.review.total"), NB_CELL_FOUND, 0.5, NULL, NULL);

  checker = nb_checker_new (report);
  problems = nb_checker_get_problems (checker);
  got = nb_test_problems_string (report);
  g_assert_cmpstr (got, ==,
                   "cell.non_negative s2.penalty.change\n"
                   "cell.non_negative s2.rules.made\n"
                   "cell.non_negative s4.review.other\n"
                   "cell.non_negative s4.review.total\n");

  {
    /* the 2021 cells first, then what only the 2019 edition has */
    const char *messages[] = {
      "Administrative review and lawsuits, Administrative review, Other result: "
      "0.5 is not a count (a whole number, 0 or more)",
      "Administrative review and lawsuits, Administrative review, Total: "
      "0.5 is not a count (a whole number, 0 or more)",
      "Proactive disclosure, Rules, Made this year: -1 is not a count (a whole number, 0 or more)",
      "Proactive disclosure, Administrative penalties, Change this year: 2.5 is not a whole number",
    };

    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (messages));
    for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
      {
        g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);

        g_assert_cmpstr (nb_problem_get_message (problem), ==, messages[i]);
        g_assert_cmpint (nb_problem_get_severity (problem), ==, NB_SEVERITY_ERROR);
      }
  }

  /* A negative amount, in the 2021 edition. */
  nb_report_set_table_version (report, NB_TABLE_S2, NB_TEMPLATE_2021);
  nb_report_edit_cell (report, cell_index ("s2.fees.amount"), NB_CELL_EDITED, -0.5);
  g_clear_pointer (&got, g_free);
  got = nb_test_problems_string (report);
  g_assert_cmpstr (got, ==,
                   "cell.non_negative s2.fees.amount\n"
                   "cell.non_negative s4.review.other\n"
                   "cell.non_negative s4.review.total\n");
  {
    g_autoptr(NbProblem) problem = g_list_model_get_item (problems, 0);

    g_assert_cmpstr (nb_problem_get_message (problem), ==,
                     "Proactive disclosure, Administrative fees, Fees charged (10,000 yuan): "
                     "-0.5 is a negative amount");
  }
}

/* ---- The rule data ---------------------------------------------------------- */

static guint
count_conversions (const char *format)
{
  guint n = 0;

  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      if (p[1] == '%')
        p++;
      else
        n++;
    }
  return n;
}

static const NbTableDef *
table_edition (const char        *table_id,
               NbTemplateVersion  version)
{
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_template_get_table (t, version);

      if (g_strcmp0 (table->id, table_id) == 0)
        return table;
    }
  return NULL;
}

/* Every id a term names is a row (per column) or column (per row) of the
 * rule's table, in one edition or the other. */
static guint
assert_terms (const NbRuleDef   *rule,
              const char *const *terms)
{
  guint n = 0;

  g_assert_nonnull (terms);
  for (; terms[n] != NULL; n++)
    {
      gboolean found = FALSE;

      for (NbTemplateVersion v = NB_TEMPLATE_2021; v <= NB_TEMPLATE_2019; v++)
        {
          const NbTableDef *table = table_edition (rule->table, v);

          if (rule->scope == NB_RULE_EACH_COLUMN)
            found |= nb_template_find_row (table, terms[n]) != NULL;
          else
            found |= nb_template_find_column (table, terms[n]) != NULL;
        }
      if (!found)
        g_error ("rule %s names %s, which its table %s does not have", rule->id, terms[n],
                 rule->table);
    }
  g_assert_cmpuint (n, >, 0);
  return n;
}

static void
test_rules_data (void)
{
  static const char *const spec_ids[] = {
    "cell.missing", "cell.non_negative", "s3.balance", "s3.results_sum", "s3.row_total",
    "s4.group_total", "year.carry", NULL
  };
  guint n_rules;
  const NbRuleDef *rules = nb_rules_get (&n_rules);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_rules, ==, g_strv_length ((char **) spec_ids));
  for (guint i = 0; i < n_rules; i++)
    {
      const NbRuleDef *rule = &rules[i];

      if (!g_hash_table_add (ids, (gpointer) rule->id))
        g_error ("rule id %s is declared twice", rule->id);
      g_assert_true (g_strv_contains (spec_ids, rule->id));
      g_assert_true (nb_rules_lookup (rule->id) == rule);

      switch (rule->kind)
        {
        case NB_RULE_MISSING:
          g_assert_cmpint (rule->scope, ==, NB_RULE_EACH_ROW);
          g_assert_nonnull (rule->message.other);
          g_assert_nonnull (rule->message_noted.other);
          g_assert_cmpuint (count_conversions (rule->message.one), ==, 3);
          g_assert_cmpuint (count_conversions (rule->message.other), ==, 3);
          g_assert_cmpuint (count_conversions (rule->message_noted.one), ==, 4);
          g_assert_cmpuint (count_conversions (rule->message_noted.other), ==, 4);
          break;

        case NB_RULE_VALUE_KIND:
          {
            NbValueKind kinds[] = { NB_VALUE_COUNT, NB_VALUE_SIGNED_COUNT, NB_VALUE_AMOUNT };

            g_assert_cmpint (rule->scope, ==, NB_RULE_EACH_CELL);
            for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
              {
                const NbRuleLimit *limit = rule->limits;

                while (limit->message != NULL && limit->kind != kinds[k])
                  limit++;
                g_assert_nonnull (limit->message);
                g_assert_cmpuint (count_conversions (limit->message), ==, 4);
              }
          }
          break;

        case NB_RULE_SUM:
        case NB_RULE_CARRY:
          {
            guint n_left, n_right, n_args;

            g_assert_nonnull (rule->table);
            g_assert_nonnull (table_edition (rule->table, NB_TEMPLATE_2021));
            g_assert_true (rule->scope == NB_RULE_EACH_ROW || rule->scope == NB_RULE_EACH_COLUMN);
            n_left = assert_terms (rule, rule->left);
            n_right = assert_terms (rule, rule->right);

            /* The message takes the title and the numbers the interpreter gives it. */
            if (rule->kind == NB_RULE_CARRY)
              n_args = 5;
            else if (rule->show == NB_RULE_SHOW_TERMS)
              n_args = 1 + n_left + n_right;
            else
              n_args = 3;
            g_assert_null (rule->message.other);
            g_assert_cmpuint (count_conversions (rule->message.one), ==, n_args);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  g_assert_null (nb_rules_lookup ("s3.no_such_rule"));
}

/* The result rows s3.results_sum adds are the rows the template flags as
 * results, in template order: a row added to one is added to the other. */
static void
test_rules_results_sum (void)
{
  const NbRuleDef *rule = nb_rules_lookup ("s3.results_sum");
  const NbTableDef *s3 = nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021);
  guint n = 0;

  g_assert_nonnull (rule);
  for (guint r = 0; r < s3->n_rows; r++)
    if (s3->rows[r].flags & NB_ROW_RESULT)
      g_assert_cmpstr (rule->right[n++], ==, s3->rows[r].id);
  g_assert_null (rule->right[n]);
  /* the 21 rows of the 2021 S3 and the 2019 （六） aggregate */
  g_assert_cmpuint (n, ==, 22);
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
  g_test_add_func ("/nb/checks/year-carry/corpus", test_year_carry_corpus);
  g_test_add_func ("/nb/checks/year-carry/other-agency", test_year_carry_other_agency);
  g_test_add_func ("/nb/checks/year-carry/years", test_year_carry_years);
  g_test_add_func ("/nb/checks/year-carry/agency-names", test_year_carry_agency_names);
  g_test_add_func ("/nb/checks/empty-report", test_empty_report);
  g_test_add_func ("/nb/checks/value-kinds", test_value_kinds);
  g_test_add_func ("/nb/checks/rules/data", test_rules_data);
  g_test_add_func ("/nb/checks/rules/results-sum", test_rules_results_sum);

  return g_test_run ();
}
