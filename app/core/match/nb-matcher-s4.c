/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-matcher-private.h"
#include "nb-normalize.h"

/* Table S4: fifteen values in a row, or transposed (a row per result, a
 * column per group), or three small tables. */

/* S4 transposed: a row per result (结果维持 … 总计), a column per group,
 * the groups' order from the header line that names all three. */
static gboolean
match_s4_transposed (NbMatcher        *m,
                     const NbTableDef *table,
                     guint             begin,
                     guint             end)
{
  int order[3] = { -1, -1, -1 };
  gboolean header = FALSE;
  guint n_rows = 0;
  g_auto(GStrv) column_keys = g_new0 (char *, table->n_columns + 1);
  gboolean done[8] = { FALSE };

  g_assert (table->n_rows == 3 && table->n_columns <= G_N_ELEMENTS (done));
  for (guint c = 0; c < table->n_columns; c++)
    column_keys[c] = nb_normalize_match_key (table->columns[c].label);

  for (guint i = begin; i < end; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      gboolean has_number;
      guint first;
      g_autofree char *key = NULL;

      if (line->furniture || nb_line_is_blank (line))
        continue;
      first = _nb_matcher_split_values (line, &has_number);
      key = _nb_matcher_label_key (line, first);

      if (!header && !has_number)
        {
          /* The header: each group's title, where it stands in the line. */
          const char *at[3];
          guint n = 0;

          for (guint r = 0; r < 3; r++)
            {
              g_autofree char *group = nb_normalize_match_key (table->rows[r].label);

              at[r] = strstr (key, group);
              n += at[r] != NULL;
            }
          /* 复议后起诉 contains no other title, 行政复议 is not in 复议后起诉 */
          if (n == 3)
            {
              for (guint r = 0; r < 3; r++)
                {
                  order[r] = 0;
                  for (guint o = 0; o < 3; o++)
                    if (at[o] < at[r])
                      order[r]++;
                }
              header = TRUE;
            }
          continue;
        }
      if (!header || !has_number)
        continue;

      for (guint c = 0; c < table->n_columns; c++)
        if (!done[c] && g_str_has_suffix (key, column_keys[c]) && strlen (key) <= strlen (column_keys[c]) + 6)
          {
            g_autoptr(GArray) slots = _nb_matcher_value_slots (line, first);

            done[c] = TRUE;
            n_rows++;
            if (slots->len != 3)
              {
                for (guint r = 0; r < 3; r++)
                  nb_report_set_cell (m->report, nb_template_find_cell (table, &table->rows[r], &table->columns[c])->index,
                                      NB_CELL_MISSING, 0, NULL,
                                      _("the source row has a number of values the template does not"));
                break;
              }
            for (guint r = 0; r < 3; r++)
              _nb_matcher_set_slot (m, nb_template_find_cell (table, &table->rows[r], &table->columns[c]),
                        &g_array_index (slots, NbMatcherSlot, order[r]));
            break;
          }
    }

  if (!header || n_rows < 2)
    return FALSE;
  for (guint c = 0; c < table->n_columns; c++)
    if (!done[c])
      for (guint r = 0; r < 3; r++)
        nb_report_set_cell (m->report, nb_template_find_cell (table, &table->rows[r], &table->columns[c])->index,
                            NB_CELL_MISSING, 0, NULL, _("not found in the source, or its row could not be told"));
  return TRUE;
}

void
_nb_matcher_match_s4 (NbMatcher        *m,
                      const NbTableDef *table,
                      guint             begin,
                      guint             end)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (NbMatcherSlot));
  guint expected = 0;
  guint offset = 0;

  g_array_set_clear_func (values, (GDestroyNotify) NULL);
  nb_report_set_table_version (m->report, NB_TABLE_S4, table->version);

  for (guint r = 0; r < table->n_rows; r++)
    expected += table->rows[r].n_columns;

  if (match_s4_transposed (m, table, begin, end))
    return;

  /* The values come after the header, on one line or over a few. */
  for (guint i = begin; i < end && values->len < expected; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      g_autoptr(GArray) slots = NULL;
      gboolean has_number;
      guint first;

      if (line->furniture || nb_line_is_blank (line))
        continue;
      first = _nb_matcher_split_values (line, &has_number);
      if (!has_number)
        continue;
      slots = _nb_matcher_value_slots (line, first);
      for (guint t = 0; t < slots->len; t++)
        {
          NbMatcherSlot *slot = &g_array_index (slots, NbMatcherSlot, t);

          g_array_append_val (values, *slot);
          slot->owned = NULL;  /* now the values' */
        }
    }

  /* A converter may split a merged header into an extra, empty column
   * (LibreOffice does, between 行政复议 and 行政诉讼): when the empty cells
   * are exactly the surplus, they are no columns of the table. */
  if (values->len > expected)
    {
      guint n_given = 0;

      for (guint t = 0; t < values->len; t++)
        n_given += g_array_index (values, NbMatcherSlot, t).text != NULL;
      if (n_given == expected)
        for (guint t = values->len; t-- > 0;)
          if (g_array_index (values, NbMatcherSlot, t).text == NULL)
            g_array_remove_index (values, t);
    }

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (values->len == expected)
        _nb_matcher_assign_values (m, table, row, &g_array_index (values, NbMatcherSlot, offset), row->n_columns, NULL);
      else if (values->len == 0)
        _nb_matcher_set_row_missing (m, table, row, NULL, _("the table is not in the source"));
      else
        {
          g_autofree char *note =
            g_strdup_printf (_("the source has %u values where the template has %u"),
                             values->len, expected);

          _nb_matcher_set_row_missing (m, table, row, NULL, note);
        }
      offset += row->n_columns;
    }

  for (guint t = 0; t < values->len; t++)
    g_free (g_array_index (values, NbMatcherSlot, t).owned);
}
