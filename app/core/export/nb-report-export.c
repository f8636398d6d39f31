/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nb-problem.h"
#include "nb-report-export.h"
#include "nb-value.h"

/* Every export lists the 207 cells of the 2021 template, and the 2019-only
 * S2 cells where S2 follows that edition. */
gboolean
nb_report_cell_is_listed (NbReport *report,
                          guint     index)
{
  const NbCellDef *cell = &nb_template_get_cells (NULL)[index];

  return cell->always_listed || nb_report_has_cell (report, index);
}

/* A cell's value in JSON: null when missing, an integer for counts, a
 * decimal for amounts. */
void
nb_json_add_cell_value (JsonBuilder *builder,
                        NbCellState  state,
                        double       value,
                        NbValueKind  kind)
{
  if (state == NB_CELL_MISSING)
    json_builder_add_null_value (builder);
  else if (kind != NB_VALUE_AMOUNT && value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* "sections": {"一": "…", …, "六": "…"} */
void
nb_json_add_sections (JsonBuilder *builder,
                      NbReport    *report)
{
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      json_builder_set_member_name (builder, nb_template_get_section (s)->numeral);
      json_builder_add_string_value (builder, nb_report_get_section_text (report, s));
    }
  json_builder_end_object (builder);
}

/* "template": {"s2": "2021", "s3": "2019", "s4": "2021"} */
void
nb_json_add_template_versions (JsonBuilder *builder,
                               NbReport    *report)
{
  json_builder_set_member_name (builder, "template");
  json_builder_begin_object (builder);
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      json_builder_set_member_name (builder, nb_template_get_table (t, NB_TEMPLATE_2021)->id);
      json_builder_add_string_value (builder,
                                     nb_template_version_to_string (nb_report_get_table_version (report, t)));
    }
  json_builder_end_object (builder);
}

static void
add_value (JsonBuilder     *builder,
           NbReport        *report,
           const NbCellDef *cell)
{
  double value;
  NbCellState state = nb_report_get_cell (report, cell->index, &value);

  nb_json_add_cell_value (builder, state, value, cell->kind);
}

static void
add_source (JsonBuilder    *builder,
            const NbSource *source)
{
  json_builder_begin_object (builder);
  if (source->page > 0)
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, source->page);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, round (source->x * 100) / 100);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, round (source->y * 100) / 100);
      json_builder_set_member_name (builder, "w");
      json_builder_add_double_value (builder, round (source->width * 100) / 100);
      json_builder_set_member_name (builder, "h");
      json_builder_add_double_value (builder, round (source->height * 100) / 100);
    }
  else
    {
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, source->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, source->column);
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, source->length);
    }
  if (source->table > 0)
    {
      json_builder_set_member_name (builder, "table");
      json_builder_add_int_value (builder, source->table);
      json_builder_set_member_name (builder, "table_row");
      json_builder_add_int_value (builder, source->table_row);
      json_builder_set_member_name (builder, "table_column");
      json_builder_add_int_value (builder, source->table_column);
    }
  json_builder_end_object (builder);
}

JsonNode *
nb_report_export_json_node (NbReport   *report,
                            GListModel *problems,
                            const char *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);

  nb_json_add_template_versions (builder, report);

  json_builder_set_member_name (builder, "agency");
  if (nb_report_get_agency (report))
    json_builder_add_string_value (builder, nb_report_get_agency (report));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "year");
  if (nb_report_get_year (report) > 0)
    json_builder_add_int_value (builder, nb_report_get_year (report));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "title");
  if (nb_report_get_title (report))
    json_builder_add_string_value (builder, nb_report_get_title (report));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "cells");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_cells; i++)
    if (nb_report_cell_is_listed (report, i))
      {
        json_builder_set_member_name (builder, cells[i].id);
        add_value (builder, report, &cells[i]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_cells; i++)
    {
      const NbSource *source = nb_report_get_cell_source (report, i);

      if (nb_report_cell_is_listed (report, i) && nb_source_is_set (source))
        {
          json_builder_set_member_name (builder, cells[i].id);
          add_source (builder, source);
        }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);
      const char *const *ids = nb_problem_get_cells (problem);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, nb_problem_get_rule (problem));
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint k = 0; ids[k]; k++)
        json_builder_add_string_value (builder, ids[k]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, nb_problem_get_message (problem));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  nb_json_add_sections (builder, report);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
nb_report_export_json (NbReport   *report,
                       GListModel *problems,
                       const char *file)
{
  g_autoptr(JsonNode) node = nb_report_export_json_node (report, problems, file);

  return json_to_string (node, FALSE);
}

char *
nb_csv_escape (const char *field)
{
  GString *out;

  if (field == NULL)
    return g_strdup ("");
  if (strpbrk (field, ",\"\r\n") == NULL)
    return g_strdup (field);

  out = g_string_new ("\"");
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* cell_id,label,value — with a leading file column when @file is given. */
char *
nb_report_export_csv (NbReport   *report,
                      const char *file)
{
  GString *out = g_string_new (NULL);
  g_autofree char *file_field = file ? nb_csv_escape (file) : NULL;
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *label_field = NULL;
      g_autofree char *value_text = NULL;
      double value;

      if (!nb_report_cell_is_listed (report, i))
        continue;

      label = nb_template_dup_cell_label (&cells[i]);
      label_field = nb_csv_escape (label);
      if (nb_report_get_cell (report, i, &value) != NB_CELL_MISSING)
        value_text = nb_value_format (value, cells[i].kind);

      if (file_field)
        g_string_append_printf (out, "%s,", file_field);
      g_string_append_printf (out, "%s,%s,%s\n", cells[i].id, label_field,
                              value_text ? value_text : "");
    }

  return g_string_free (out, FALSE);
}

/* A plain reading of the report: title, the tables row by row, problems. */
char *
nb_report_export_text (NbReport   *report,
                       GListModel *problems)
{
  GString *out = g_string_new (NULL);
  guint n_problems = g_list_model_get_n_items (problems);

  g_string_append_printf (out, "%s\n", nb_report_get_title (report) ? nb_report_get_title (report) : _("(no title)"));
  g_string_append_printf (out, "%s: %s\n", _("Agency"),
                          nb_report_get_agency (report) ? nb_report_get_agency (report) : "—");
  if (nb_report_get_year (report) > 0)
    g_string_append_printf (out, "%s: %d\n", _("Year"), nb_report_get_year (report));
  else
    g_string_append_printf (out, "%s: —\n", _("Year"));

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_report_get_table_def (report, t);

      g_string_append_printf (out, "\n%s (%s, %s)\n", _(table->title), table->id,
                              nb_template_version_to_string (table->version));
      for (guint r = 0; r < table->n_rows; r++)
        {
          const NbRowDef *row = &table->rows[r];

          if (!nb_template_row_in_version (row, table->version) &&
              !(row->flags & NB_ROW_AGGREGATE))
            continue;

          g_string_append_printf (out, "  %s", row->label);
          for (guint c = 0; c < row->n_columns; c++)
            {
              const NbColumnDef *column = &table->columns[row->first_column + c];
              const NbCellDef *cell = nb_template_find_cell (table, row, column);
              double value;

              if (nb_report_get_cell (report, cell->index, &value) == NB_CELL_MISSING)
                g_string_append (out, "\t—");
              else
                {
                  g_autofree char *text = nb_value_format (value, cell->kind);

                  g_string_append_printf (out, "\t%s", text);
                }
            }
          g_string_append_c (out, '\n');
        }
    }

  g_string_append_c (out, '\n');
  if (n_problems == 0)
    g_string_append_printf (out, "%s\n", _("No problems"));
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);

      g_string_append_printf (out, "%s\t%s\n", nb_problem_get_rule (problem),
                              nb_problem_get_message (problem));
    }

  return g_string_free (out, FALSE);
}
