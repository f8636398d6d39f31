/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nb-checks.h"
#include "nb-problem.h"
#include "nb-value.h"

/* A rule instance over a few cells: collects their ids and values, and
 * knows whether any of them is missing (then the rule is not checked:
 * cell.missing already says so). */
typedef struct
{
  NbReport  *report;
  GPtrArray *ids;
  gboolean   complete;
} Terms;

static void
terms_init (Terms    *terms,
            NbReport *report)
{
  terms->report = report;
  terms->ids = g_ptr_array_new ();
  terms->complete = TRUE;
}

static double
terms_add (Terms             *terms,
           const NbTableDef  *table,
           const NbRowDef    *row,
           const NbColumnDef *column)
{
  const NbCellDef *cell = nb_template_find_cell (table, row, column);
  double value = 0;

  g_assert (cell != NULL);
  g_ptr_array_add (terms->ids, (gpointer) cell->id);
  if (nb_report_get_cell (terms->report, cell->index, &value) == NB_CELL_MISSING)
    terms->complete = FALSE;
  return value;
}

static void
terms_emit (Terms      *terms,
            GPtrArray  *problems,
            const char *rule,
            const char *message)
{
  g_ptr_array_add (terms->ids, NULL);
  g_ptr_array_add (problems,
                   nb_problem_new (rule, (const char *const *) terms->ids->pdata, message));
  g_ptr_array_set_size (terms->ids, 0);
}

static void
terms_clear (Terms *terms)
{
  g_clear_pointer (&terms->ids, g_ptr_array_unref);
}

static gboolean
differ (double a,
        double b)
{
  return fabs (a - b) > 1e-6;
}

static char *
fmt (double value)
{
  return nb_value_format (value, NB_VALUE_AMOUNT);
}

static const NbRowDef *
row_by_id (const NbTableDef *table,
           const char       *id)
{
  const NbRowDef *row = nb_template_find_row (table, id);

  g_assert (row != NULL);
  return row;
}

static gboolean
row_checked (const NbTableDef *table,
             const NbRowDef   *row)
{
  /* In a 2021 table the aggregate is derived from its sub-rows. */
  return nb_template_row_in_version (row, table->version);
}

/* ---- cell.missing ---------------------------------------------------- */

static void
check_missing (NbReport  *report,
               GPtrArray *problems)
{
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_report_get_table_def (report, t);

      for (guint r = 0; r < table->n_rows; r++)
        {
          const NbRowDef *row = &table->rows[r];
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          const char *note = NULL;
          g_autofree char *message = NULL;

          if (!row_checked (table, row))
            continue;

          for (guint c = 0; c < row->n_columns; c++)
            {
              const NbCellDef *cell =
                nb_template_find_cell (table, row, &table->columns[row->first_column + c]);

              if (nb_report_get_cell (report, cell->index, NULL) != NB_CELL_MISSING)
                continue;
              g_ptr_array_add (ids, (gpointer) cell->id);
              if (note == NULL)
                note = nb_report_get_cell_note (report, cell->index);
            }

          if (ids->len == 0)
            continue;

          if (note != NULL)
            /* Translators: table, row, number of cells, then why */
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s, %s: %u value missing (%s)",
                                                    "%s, %s: %u values missing (%s)",
                                                    ids->len),
                                       _(table->title), _(row->title), ids->len, note);
          else
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s, %s: %u value missing",
                                                    "%s, %s: %u values missing",
                                                    ids->len),
                                       _(table->title), _(row->title), ids->len);

          g_ptr_array_add (ids, NULL);
          g_ptr_array_add (problems,
                           nb_problem_new ("cell.missing", (const char *const *) ids->pdata,
                                           message));
        }
    }
}

/* ---- cell.non_negative ----------------------------------------------- */

static void
check_non_negative (NbReport  *report,
                    GPtrArray *problems)
{
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  for (guint i = 0; i < n_cells; i++)
    {
      const NbCellDef *cell = &cells[i];
      const char *cell_ids[] = { cell->id, NULL };
      g_autofree char *value_text = NULL;
      g_autofree char *message = NULL;
      NbCellState state;
      double value;

      state = nb_report_get_cell (report, i, &value);
      if (state == NB_CELL_MISSING || state == NB_CELL_DERIVED || !nb_report_has_cell (report, i))
        continue;

      value_text = fmt (value);
      switch (cell->kind)
        {
        case NB_VALUE_COUNT:
          if (value < 0 || value != floor (value))
            message = g_strdup_printf (_("%s, %s, %s: %s is not a count (a whole number, 0 or more)"),
                                       _(cell->table->title), _(cell->row->title),
                                       _(cell->column->title), value_text);
          break;
        case NB_VALUE_SIGNED_COUNT:
          if (value != floor (value))
            message = g_strdup_printf (_("%s, %s, %s: %s is not a whole number"),
                                       _(cell->table->title), _(cell->row->title),
                                       _(cell->column->title), value_text);
          break;
        case NB_VALUE_AMOUNT:
          if (value < 0)
            message = g_strdup_printf (_("%s, %s, %s: %s is a negative amount"),
                                       _(cell->table->title), _(cell->row->title),
                                       _(cell->column->title), value_text);
          break;
        default:
          g_assert_not_reached ();
        }

      if (message != NULL)
        g_ptr_array_add (problems, nb_problem_new ("cell.non_negative", cell_ids, message));
    }
}

/* ---- Table S3 -------------------------------------------------------- */

static void
check_s3 (NbReport  *report,
          GPtrArray *problems)
{
  const NbTableDef *s3 = nb_report_get_table_def (report, NB_TABLE_S3);
  const NbRowDef *new_row = row_by_id (s3, "new");
  const NbRowDef *carried_in = row_by_id (s3, "carried_in");
  const NbRowDef *results_total = row_by_id (s3, "results_total");
  const NbRowDef *carried_over = row_by_id (s3, "carried_over");
  Terms terms;

  terms_init (&terms, report);

  /* s3.balance: new + carried_in = results_total + carried_over */
  for (guint c = 0; c < s3->n_columns; c++)
    {
      const NbColumnDef *column = &s3->columns[c];
      double a = terms_add (&terms, s3, new_row, column);
      double b = terms_add (&terms, s3, carried_in, column);
      double t = terms_add (&terms, s3, results_total, column);
      double o = terms_add (&terms, s3, carried_over, column);

      if (terms.complete && differ (a + b, t + o))
        {
          g_autofree char *sa = fmt (a), *sb = fmt (b), *st = fmt (t), *so = fmt (o);
          g_autofree char *message =
            g_strdup_printf (_("%s: new %s + carried in %s ≠ results total %s + carried over %s"),
                             _(column->title), sa, sb, st, so);

          terms_emit (&terms, problems, "s3.balance", message);
        }
      g_ptr_array_set_size (terms.ids, 0);
      terms.complete = TRUE;
    }

  /* s3.results_sum: results_total = the sum of the result rows */
  for (guint c = 0; c < s3->n_columns; c++)
    {
      const NbColumnDef *column = &s3->columns[c];
      double total = terms_add (&terms, s3, results_total, column);
      double sum = 0;

      for (guint r = 0; r < s3->n_rows; r++)
        if ((s3->rows[r].flags & NB_ROW_RESULT) && row_checked (s3, &s3->rows[r]))
          sum += terms_add (&terms, s3, &s3->rows[r], column);

      if (terms.complete && differ (total, sum))
        {
          g_autofree char *st = fmt (total), *ss = fmt (sum);
          g_autofree char *message =
            g_strdup_printf (_("%s: results total %s ≠ %s, the sum of the result rows"),
                             _(column->title), st, ss);

          terms_emit (&terms, problems, "s3.results_sum", message);
        }
      g_ptr_array_set_size (terms.ids, 0);
      terms.complete = TRUE;
    }

  terms_clear (&terms);
}

/* ---- Row totals: s3.row_total, s4.group_total ------------------------- */

/* total = the sum of the row's other columns, for every row of @table. */
static void
check_row_totals (NbReport  *report,
                  NbTableId  table_id,
                  GPtrArray *problems)
{
  const NbTableDef *table = nb_report_get_table_def (report, table_id);
  const NbColumnDef *total_column = nb_template_find_column (table, "total");
  Terms terms;

  terms_init (&terms, report);

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];
      double total, sum = 0;

      if (!row_checked (table, row))
        continue;

      total = terms_add (&terms, table, row, total_column);
      for (guint c = 0; c < table->n_columns; c++)
        if (&table->columns[c] != total_column)
          sum += terms_add (&terms, table, row, &table->columns[c]);

      if (terms.complete && differ (total, sum))
        {
          g_autofree char *st = fmt (total), *ss = fmt (sum);
          g_autofree char *message = NULL;

          if (table_id == NB_TABLE_S3)
            message = g_strdup_printf (_("%s: total %s ≠ %s, the sum of the applicant columns"),
                                       _(row->title), st, ss);
          else
            message = g_strdup_printf (_("%s: total %s ≠ %s, the sum of its results"),
                                       _(row->title), st, ss);
          terms_emit (&terms, problems, table_id == NB_TABLE_S3 ? "s3.row_total" : "s4.group_total",
                      message);
        }
      g_ptr_array_set_size (terms.ids, 0);
      terms.complete = TRUE;
    }

  terms_clear (&terms);
}

GPtrArray *
nb_checks_run (NbReport *report)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (NB_IS_REPORT (report), problems);

  check_missing (report, problems);
  check_non_negative (report, problems);
  check_s3 (report, problems);
  check_row_totals (report, NB_TABLE_S3, problems);
  check_row_totals (report, NB_TABLE_S4, problems);

  return problems;
}

/* year.carry: what year N carried in is what year N−1 carried over. */
GPtrArray *
nb_checks_year_carry (NbReport *previous,
                      NbReport *current)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);
  const NbTableDef *s3;
  const NbRowDef *carried_in, *carried_over;

  g_return_val_if_fail (NB_IS_REPORT (previous), problems);
  g_return_val_if_fail (NB_IS_REPORT (current), problems);

  s3 = nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021);
  carried_in = row_by_id (s3, "carried_in");
  carried_over = row_by_id (s3, "carried_over");

  for (guint c = 0; c < s3->n_columns; c++)
    {
      const NbCellDef *in = nb_template_find_cell (s3, carried_in, &s3->columns[c]);
      const NbCellDef *over = nb_template_find_cell (s3, carried_over, &s3->columns[c]);
      const char *ids[] = { in->id, over->id, NULL };
      double a, b;

      if (nb_report_get_cell (current, in->index, &a) == NB_CELL_MISSING ||
          nb_report_get_cell (previous, over->index, &b) == NB_CELL_MISSING)
        continue;

      if (differ (a, b))
        {
          g_autofree char *sa = fmt (a), *sb = fmt (b);
          g_autofree char *message =
            g_strdup_printf (_("%s: carried in %s in %d ≠ carried over %s in %d"),
                             _(s3->columns[c].title), sa, nb_report_get_year (current),
                             sb, nb_report_get_year (previous));

          g_ptr_array_add (problems, nb_problem_new ("year.carry", ids, message));
        }
    }

  return problems;
}
