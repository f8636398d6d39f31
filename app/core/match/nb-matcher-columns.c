/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-matcher-private.h"
#include "nb-normalize.h"

/* A table's columns as its header gives them: titles the template lacks
 * (小计, 备注) recognised and ignored, a missing 总计 derived. */

/* ---- Columns from the header ---------------------------------------- */

/* S3's column titles in a header line, in the line's order: an index
 * into the table's columns, or -1 for a column the template lacks (小计,
 * 备注).  Titles are whole cells (or tokens, where cells are unknown). */
static guint
header_columns (const NbTableDef *table,
                char *const      *column_keys,
                const NbLine     *line,
                int              *out,
                guint             max)
{
  guint n = 0;

  for (guint i = 0; i < line->tokens->len && n < max;)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, i);
      g_autoptr(GString) text = g_string_new (token->text);
      g_autofree char *key = NULL;

      for (i++; token->cell > 0 && i < line->tokens->len &&
                g_array_index (line->tokens, NbToken, i).cell == token->cell; i++)
        g_string_append (text, g_array_index (line->tokens, NbToken, i).text);
      key = nb_normalize_match_key (text->str);

      if (g_strv_contains (nb_template_ignored_column_keys, key))
        {
          out[n++] = -1;
          continue;
        }
      for (guint c = 0; c < table->n_columns; c++)
        if (strcmp (key, column_keys[c]) == 0)
          {
            out[n++] = c;
            break;
          }
    }
  return n;
}

/* A header that has columns the template lacks, or lacks its 总计, tells
 * where each value goes; one that matches the template needs no map. */
gboolean
_nb_matcher_find_column_map (NbMatcher        *m,
                 const NbTableDef *table,
                 guint             begin,
                 guint             end,
                 NbMatcherColumnMap        *map)
{
  int best[16];
  guint n_best = 0, n_extra = 0, n_found = 0;
  gboolean found[16] = { FALSE };
  guint n_columns = MIN (table->n_columns, 15);
  g_auto(GStrv) column_keys = g_new0 (char *, table->n_columns + 1);

  for (guint c = 0; c < table->n_columns; c++)
    column_keys[c] = nb_normalize_match_key (table->columns[c].label);

  for (guint i = begin; i < end; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      int columns[16];
      guint n;
      gboolean has_number;

      if (line->furniture || nb_line_is_blank (line))
        continue;
      if (_nb_matcher_split_values (line, &has_number) < line->tokens->len && has_number)
        break;
      n = header_columns (table, column_keys, line, columns, G_N_ELEMENTS (columns));
      for (guint k = 0; k < n; k++)
        if (columns[k] >= 0 && !found[columns[k]])
          found[columns[k]] = TRUE, n_found++;
        else if (columns[k] < 0)
          n_extra++;
      if (n > n_best)
        {
          memcpy (best, columns, n * sizeof (int));
          n_best = n;
        }
    }

  /* Too few titles to tell, or exactly the template's. */
  if (n_found + 1 < n_columns || (n_extra == 0 && found[n_columns - 1]))
    return FALSE;

  if (n_best == n_found + n_extra)
    {
      memcpy (map->column, best, n_best * sizeof (int));
      map->n_values = n_best;
    }
  else
    {
      /* Titles over several lines: the template's order, a 小计 after
       * the columns it sums, a 备注 last. */
      map->n_values = 0;
      for (guint c = 0; c < n_columns; c++)
        {
          if (found[c] && table->columns[c].group == NULL && c > 0 && n_extra > 0 &&
              table->columns[c - 1].group != NULL)
            map->column[map->n_values++] = -1, n_extra--;
          if (found[c])
            map->column[map->n_values++] = c;
        }
      while (n_extra-- > 0 && map->n_values < G_N_ELEMENTS (map->column))
        map->column[map->n_values++] = -1;
    }

  map->min_values = map->n_values;
  while (map->min_values > 0 && map->column[map->min_values - 1] < 0)
    map->min_values--;
  map->derive_total = !found[n_columns - 1];
  return TRUE;
}

/* A table without its 总计 column: each row's total is the sum of its
 * parts, shown as derived, never as read. */
void
_nb_matcher_derive_totals (NbMatcher        *m,
               const NbTableDef *table,
               const int        *sequence,
               guint             n_positions)
{
  for (guint p = 0; p < n_positions; p++)
    {
      const NbRowDef *row = &table->rows[sequence[p]];
      const NbCellDef *total = nb_template_find_cell (table, row, &table->columns[row->first_column + row->n_columns - 1]);
      gboolean known = TRUE;
      double sum = 0;

      for (guint c = 0; c + 1 < row->n_columns; c++)
        {
          const NbCellDef *part = nb_template_find_cell (table, row, &table->columns[row->first_column + c]);
          double value = 0;

          if (nb_report_get_cell (m->report, part->index, &value) != NB_CELL_FOUND)
            known = FALSE;
          sum += value;
        }
      if (known)
        nb_report_set_cell (m->report, total->index, NB_CELL_DERIVED, sum, NULL,
                            _("the sum of the row: the source table has no total column"));
    }
}

