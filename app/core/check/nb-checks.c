/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-error.h"
#include "nb-problem.h"
#include "nb-rules.h"
#include "nb-value.h"

/* The interpreter of the rule data in nb-rules-data.c. */

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

/* A message's arguments come from data too, so they all arrive as text and
 * fill %s, %d and %u (or %N$… in a translation) in turn; nothing else is
 * read from the varargs, whatever a translation says. */
static char *
format_message (const char        *format,
                const char *const *args,
                guint              n_args)
{
  GString *out = g_string_new (NULL);
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *conversion = p + 1;
      guint index = next;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (*conversion == '%')
        {
          g_string_append_c (out, '%');
          p++;
          continue;
        }
      if (g_ascii_isdigit (*conversion))
        {
          char *end = NULL;
          guint64 n = g_ascii_strtoull (conversion, &end, 10);

          if (*end == '$' && n >= 1 && n <= n_args)
            {
              index = n - 1;
              conversion = end + 1;
            }
        }
      if (*conversion != 's' && *conversion != 'd' && *conversion != 'u')
        {
          g_string_append_c (out, '%');
          continue;
        }
      if (index < n_args && args[index] != NULL)
        g_string_append (out, args[index]);
      next = index + 1;
      p = conversion;
    }

  return g_string_free (out, FALSE);
}

static char *
rule_message (const NbRuleMessage *message,
              gulong               count,
              const char *const   *args,
              guint                n_args)
{
  const char *format;

  if (message->other != NULL)
    format = g_dngettext (GETTEXT_PACKAGE, message->one, message->other, count);
  else
    format = g_dgettext (GETTEXT_PACKAGE, message->one);
  return format_message (format, args, n_args);
}

static void
add_problem (GPtrArray       *problems,
             const NbRuleDef *rule,
             GPtrArray       *ids,
             const char      *message)
{
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (problems,
                   nb_problem_new (rule->id, rule->severity,
                                   (const char *const *) ids->pdata, message));
}

static gboolean
rule_covers (const NbRuleDef  *rule,
             const NbTableDef *table)
{
  return rule->table == NULL || strcmp (rule->table, table->id) == 0;
}

/* The edition of the rule's table that @report follows. */
static const NbTableDef *
rule_table (const NbRuleDef *rule,
            NbReport        *report)
{
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_report_get_table_def (report, t);

      if (rule_covers (rule, table))
        return table;
    }
  g_return_val_if_reached (NULL);
}

/* ---- NB_RULE_MISSING: per row ------------------------------------------ */

static void
run_missing (const NbRuleDef *rule,
             NbReport        *report,
             GPtrArray       *problems)
{
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_report_get_table_def (report, t);

      if (!rule_covers (rule, table))
        continue;

      for (guint r = 0; r < table->n_rows; r++)
        {
          const NbRowDef *row = &table->rows[r];
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          g_autofree char *count = NULL;
          g_autofree char *message = NULL;
          const char *note = NULL;

          /* In a 2021 table the aggregate is derived from its sub-rows. */
          if (!nb_template_row_in_version (row, table->version))
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

          count = g_strdup_printf ("%u", ids->len);
          {
            const char *args[] = { _(table->title), _(row->title), count, note };

            message = rule_message (note != NULL ? &rule->message_noted : &rule->message,
                                    ids->len, args, G_N_ELEMENTS (args));
          }
          add_problem (problems, rule, ids, message);
        }
    }
}

/* ---- NB_RULE_VALUE_KIND: per cell -------------------------------------- */

static const NbRuleLimit *
find_limit (const NbRuleDef *rule,
            NbValueKind      kind)
{
  for (const NbRuleLimit *limit = rule->limits; limit && limit->message; limit++)
    if (limit->kind == kind)
      return limit;
  return NULL;
}

static void
run_value_kind (const NbRuleDef *rule,
                NbReport        *report,
                GPtrArray       *problems)
{
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  for (guint i = 0; i < n_cells; i++)
    {
      const NbCellDef *cell = &cells[i];
      const NbRuleLimit *limit = find_limit (rule, cell->kind);
      g_autoptr(GPtrArray) ids = NULL;
      g_autofree char *value_text = NULL;
      g_autofree char *message = NULL;
      NbCellState state;
      double value;

      if (limit == NULL || !rule_covers (rule, cell->table))
        continue;

      state = nb_report_get_cell (report, i, &value);
      if (state == NB_CELL_MISSING || state == NB_CELL_DERIVED || !nb_report_has_cell (report, i))
        continue;

      if (!((limit->limits & NB_LIMIT_WHOLE) && value != floor (value)) &&
          !((limit->limits & NB_LIMIT_NON_NEGATIVE) && value < 0))
        continue;

      value_text = fmt (value);
      {
        const char *args[] = {
          _(cell->table->title), _(cell->row->title), _(cell->column->title), value_text
        };
        const NbRuleMessage text = { limit->message, NULL };

        message = rule_message (&text, 1, args, G_N_ELEMENTS (args));
      }
      ids = g_ptr_array_new ();
      g_ptr_array_add (ids, (gpointer) cell->id);
      add_problem (problems, rule, ids, message);
    }
}

/* ---- NB_RULE_SUM and NB_RULE_CARRY: sides of terms ---------------------- */

/* One instance of a rule: the cells of its terms, left side first, and
 * their values.  One missing cell and the instance is not checked:
 * cell.missing already says so. */
typedef struct
{
  GPtrArray *ids;
  GArray    *values;
  gboolean   complete;
} Instance;

static void
instance_clear (Instance *inst)
{
  g_clear_pointer (&inst->ids, g_ptr_array_unref);
  g_clear_pointer (&inst->values, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Instance, instance_clear)

static guint
scope_count (const NbRuleDef  *rule,
             const NbTableDef *table)
{
  return rule->scope == NB_RULE_EACH_COLUMN ? table->n_columns : table->n_rows;
}

/* The cell of term @term_id in instance @scope (a column or row index). */
static const NbCellDef *
term_cell (const NbRuleDef  *rule,
           const NbTableDef *table,
           guint             scope,
           const char       *term_id)
{
  const NbRowDef *row;
  const NbColumnDef *column;

  /* Across two reports the other one's edition may be smaller. */
  if (scope >= scope_count (rule, table))
    return NULL;

  if (rule->scope == NB_RULE_EACH_COLUMN)
    {
      row = nb_template_find_row (table, term_id);
      column = &table->columns[scope];
    }
  else
    {
      row = &table->rows[scope];
      column = nb_template_find_column (table, term_id);
    }

  /* Rows and columns the table's edition lacks are left out. */
  if (row == NULL || column == NULL || !nb_template_row_in_version (row, table->version))
    return NULL;
  return nb_template_find_cell (table, row, column);
}

/* Adds one side's cells to @inst; FALSE when the table has none of them. */
static gboolean
instance_add_side (Instance          *inst,
                   const NbRuleDef   *rule,
                   NbReport          *report,
                   guint              scope,
                   const char *const *terms,
                   double            *sum)
{
  const NbTableDef *table = rule_table (rule, report);
  gboolean any = FALSE;

  *sum = 0;
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const NbCellDef *cell = term_cell (rule, table, scope, terms[i]);
      double value = 0;

      if (cell == NULL)
        continue;
      any = TRUE;
      g_ptr_array_add (inst->ids, (gpointer) cell->id);
      if (nb_report_get_cell (report, cell->index, &value) == NB_CELL_MISSING)
        inst->complete = FALSE;
      g_array_append_val (inst->values, value);
      *sum += value;
    }
  return any;
}

/* Gathers instance @scope of @rule, its left terms from @left_report and
 * its right terms from @right_report; TRUE when all its cells are given
 * and the sides differ. */
static gboolean
instance_broken (Instance        *inst,
                 const NbRuleDef *rule,
                 NbReport        *left_report,
                 NbReport        *right_report,
                 guint            scope,
                 double          *left,
                 double          *right)
{
  inst->ids = g_ptr_array_new ();
  inst->values = g_array_new (FALSE, FALSE, sizeof (double));
  inst->complete = TRUE;

  return instance_add_side (inst, rule, left_report, scope, rule->left, left) &&
         instance_add_side (inst, rule, right_report, scope, rule->right, right) &&
         inst->complete && differ (*left, *right);
}

static const char *
scope_title (const NbRuleDef  *rule,
             const NbTableDef *table,
             guint             scope)
{
  if (rule->scope == NB_RULE_EACH_COLUMN)
    return _(table->columns[scope].title);
  return _(table->rows[scope].title);
}

static void
run_sum (const NbRuleDef *rule,
         NbReport        *report,
         GPtrArray       *problems)
{
  const NbTableDef *table = rule_table (rule, report);

  for (guint s = 0; s < scope_count (rule, table); s++)
    {
      g_auto(GStrv) args = NULL;
      g_autofree char *message = NULL;
      g_auto(Instance) inst = { 0 };
      double left, right;
      guint n_args;

      if (rule->scope == NB_RULE_EACH_ROW &&
          !nb_template_row_in_version (&table->rows[s], table->version))
        continue;
      if (!instance_broken (&inst, rule, report, report, s, &left, &right))
        continue;

      if (rule->show == NB_RULE_SHOW_TERMS)
        {
          n_args = 1 + inst.values->len;
          args = g_new0 (char *, n_args + 1);
          for (guint i = 0; i < inst.values->len; i++)
            args[1 + i] = fmt (g_array_index (inst.values, double, i));
        }
      else
        {
          n_args = 3;
          args = g_new0 (char *, n_args + 1);
          args[1] = fmt (left);
          args[2] = fmt (right);
        }
      args[0] = g_strdup (scope_title (rule, table, s));

      message = rule_message (&rule->message, 1, (const char *const *) args, n_args);
      add_problem (problems, rule, inst.ids, message);
    }
}

static void
run_carry (const NbRuleDef *rule,
           NbReport        *previous,
           NbReport        *current,
           GPtrArray       *problems)
{
  const NbTableDef *table = rule_table (rule, current);
  g_autofree char *current_year = g_strdup_printf ("%d", nb_report_get_year (current));
  g_autofree char *previous_year = g_strdup_printf ("%d", nb_report_get_year (previous));

  for (guint s = 0; s < scope_count (rule, table); s++)
    {
      g_autofree char *left_text = NULL, *right_text = NULL, *message = NULL;
      g_auto(Instance) inst = { 0 };
      double left, right;

      if (!instance_broken (&inst, rule, current, previous, s, &left, &right))
        continue;

      left_text = fmt (left);
      right_text = fmt (right);
      {
        const char *args[] = {
          scope_title (rule, table, s), left_text, current_year, right_text, previous_year
        };

        message = rule_message (&rule->message, 1, args, G_N_ELEMENTS (args));
      }
      add_problem (problems, rule, inst.ids, message);
    }
}

GPtrArray *
nb_checks_run (NbReport *report)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);
  const NbRuleDef *rules;
  guint n_rules;

  g_return_val_if_fail (NB_IS_REPORT (report), problems);

  rules = nb_rules_get (&n_rules);
  for (guint i = 0; i < n_rules; i++)
    switch (rules[i].kind)
      {
      case NB_RULE_MISSING:
        run_missing (&rules[i], report, problems);
        break;
      case NB_RULE_VALUE_KIND:
        run_value_kind (&rules[i], report, problems);
        break;
      case NB_RULE_SUM:
        run_sum (&rules[i], report, problems);
        break;
      case NB_RULE_CARRY:
        /* needs two reports: nb_checks_year_carry () */
        break;
      default:
        g_assert_not_reached ();
      }

  return problems;
}

/* ---- Across two reports -------------------------------------------------- */

/* The name without any white space ("洪泽区 人民政府" is a PDF's line break). */
static char *
agency_key (NbReport *report)
{
  const char *name = nb_report_get_agency (report);
  GString *key = g_string_new (NULL);

  for (const char *p = name ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* One agency, though one year's report may put its city before its name:
 * 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024). */
static gboolean
same_agency (const char *a,
             const char *b)
{
  static const char *const places[] = {
    "省", "自治区", "市", "自治州", "州", "地区", "盟", "县", "区", NULL
  };
  const char *longer = strlen (a) >= strlen (b) ? a : b;
  const char *shorter = longer == a ? b : a;
  g_autofree char *head = NULL;

  if (strcmp (a, b) == 0)
    return TRUE;
  if (*shorter == '\0' || !g_str_has_suffix (longer, shorter))
    return FALSE;

  head = g_strndup (longer, strlen (longer) - strlen (shorter));
  for (guint i = 0; places[i] != NULL; i++)
    if (g_str_has_suffix (head, places[i]))
      return TRUE;
  return FALSE;
}

static gboolean
check_comparable (NbReport  *previous,
                  NbReport  *current,
                  GError   **error)
{
  g_autofree char *previous_agency = agency_key (previous);
  g_autofree char *current_agency = agency_key (current);
  int previous_year = nb_report_get_year (previous);
  int current_year = nb_report_get_year (current);

  if (*previous_agency == '\0' || *current_agency == '\0')
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_NOT_COMPARABLE,
                           _("Cannot compare the carried-over requests: "
                             "a report does not name its agency"));
      return FALSE;
    }
  if (!same_agency (previous_agency, current_agency))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_COMPARABLE,
                   _("Cannot compare the carried-over requests: "
                     "“%s” and “%s” are different agencies"),
                   previous_agency, current_agency);
      return FALSE;
    }
  if (previous_year <= 0 || current_year <= 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_NOT_COMPARABLE,
                           _("Cannot compare the carried-over requests: "
                             "a report does not give its year"));
      return FALSE;
    }
  if (current_year != previous_year + 1)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_COMPARABLE,
                   _("Cannot compare the carried-over requests: "
                     "the report for %d does not follow the one for %d"),
                   current_year, previous_year);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
nb_checks_year_carry (NbReport  *previous,
                      NbReport  *current,
                      GError   **error)
{
  GPtrArray *problems;
  const NbRuleDef *rules;
  guint n_rules;

  g_return_val_if_fail (NB_IS_REPORT (previous), NULL);
  g_return_val_if_fail (NB_IS_REPORT (current), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_comparable (previous, current, error))
    return NULL;

  problems = g_ptr_array_new_with_free_func (g_object_unref);
  rules = nb_rules_get (&n_rules);
  for (guint i = 0; i < n_rules; i++)
    if (rules[i].kind == NB_RULE_CARRY)
      run_carry (&rules[i], previous, current, problems);

  return problems;
}
