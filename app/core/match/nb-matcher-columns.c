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

      /* A serial number stands before the row labels, not among the values. */
      if (strcmp (key, "序号") == 0)
        continue;
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


/* ---- Columns by position on the page --------------------------------- */

/* Titles found in one header token: the token may hold several, run
 * together in narrow columns ("商业科研社会法律"), each by its first part
 * or whole.  Ideographs are of one width, so each title's place in the
 * token gives its x-centre.  Group titles (法人或其他组织) are skipped. */
static void
find_titles (const NbTableDef  *table,
             char *const       *column_keys,
             const NbToken     *token,
             gboolean          *found,
             guint             *n_found,
             NbMatcherXColumns *columns)
{
  g_autofree char *key = nb_normalize_match_key (token->text);
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  double glyph;

  if (_nb_matcher_contains_any (key, nb_template_s3_header_markers))
    return;
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].group != NULL)
      {
        g_autofree char *group = nb_normalize_match_key (table->columns[c].group->label);
        char *at = strstr (key, group);

        if (at != NULL)
          memset (at, ' ', strlen (group));   /* skipped below: not a title's character */
      }

  chars = g_utf8_to_ucs4_fast (key, -1, &n_chars);
  if (n_chars == 0)
    return;
  glyph = token->source.width / n_chars;

  for (glong p = 0; p < n_chars;)
    {
      int best = -1;
      glong best_len = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree gunichar *title = NULL;
          glong n_title = 0, len = 0;

          if (found[c])
            continue;
          title = g_utf8_to_ucs4_fast (column_keys[c], -1, &n_title);
          while (len < n_title && p + len < n_chars && chars[p + len] == title[len])
            len++;
          if ((len >= 2 || len == n_title) && len > best_len)
            {
              best = c;
              best_len = len;
            }
        }
      if (best < 0)
        {
          p++;
          continue;
        }
      found[best] = TRUE;
      (*n_found)++;
      columns->centre[best] = token->source.x + (p + best_len / 2.0) * glyph;
      p += best_len;
    }
}

/* Where each column of the table stands on a PDF page: the x-centre of
 * its title in the header.  A title wrapped in a narrow column ("商业" /
 * "企业") is found by its first part. */
gboolean
_nb_matcher_find_x_columns (NbMatcher           *m,
                            const NbTableDef    *table,
                            guint                begin,
                            guint                end,
                            NbMatcherXColumns   *columns)
{
  g_auto(GStrv) column_keys = g_new0 (char *, table->n_columns + 1);
  gboolean found[16] = { FALSE };
  guint n_found = 0;

  memset (columns, 0, sizeof *columns);
  if (table->n_columns > G_N_ELEMENTS (columns->centre))
    return FALSE;
  for (guint c = 0; c < table->n_columns; c++)
    column_keys[c] = nb_normalize_match_key (table->columns[c].label);

  for (guint i = begin; i < end && n_found < table->n_columns; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      gboolean has_number;

      if (line->furniture || nb_line_is_blank (line))
        continue;
      if (_nb_matcher_split_values (line, &has_number) < line->tokens->len && has_number)
        break;
      for (guint t = 0; t < line->tokens->len; t++)
        {
          const NbToken *token = &g_array_index (line->tokens, NbToken, t);

          if (token->cell > 0 || token->source.page == 0 || token->source.width <= 0)
            return FALSE;
          find_titles (table, column_keys, token, found, &n_found, columns);
        }
    }

  if (n_found < table->n_columns)
    return FALSE;
  for (guint c = 1; c < table->n_columns; c++)
    if (columns->centre[c] <= columns->centre[c - 1])
      return FALSE;
  columns->n = table->n_columns;
  return TRUE;
}

/* The column whose range holds @x: ranges meet halfway between centres. */
static int
column_at (const NbMatcherXColumns *columns,
           double                   x)
{
  double first = columns->centre[1] - columns->centre[0];
  double last = columns->centre[columns->n - 1] - columns->centre[columns->n - 2];

  if (x < columns->centre[0] - first / 2 || x > columns->centre[columns->n - 1] + last / 2)
    return -1;
  for (guint c = 0; c + 1 < columns->n; c++)
    if (x < (columns->centre[c] + columns->centre[c + 1]) / 2)
      return c;
  return columns->n - 1;
}

/* A row's values by where they stand: each number's x-centre against the
 * columns' ranges.  In a compact table two numbers in neighbouring narrow
 * columns can touch and come as one token ("12345678"): it is cut where a
 * column boundary crosses it (digits are of one width).  Returns one slot
 * per column (text NULL: none there), or NULL when two values fall in one
 * column or one outside the table. */
GArray *
_nb_matcher_slots_by_x (const NbMatcherXColumns *columns,
                        const NbLine            *line,
                        guint                    first_value)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (NbMatcherSlot));

  g_array_set_clear_func (slots, _nb_matcher_slot_clear);
  g_array_set_size (slots, columns->n);

  for (guint t = first_value; t < line->tokens->len; t++)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, t);
      glong n_chars = g_utf8_strlen (token->text, -1);
      double glyph = token->source.width / MAX (n_chars, 1);
      const char *piece = token->text;
      double piece_x = token->source.x;

      while (*piece)
        {
          const char *cut = piece + strlen (piece);
          double cut_x = token->source.x + token->source.width;
          NbMatcherSlot *slot;
          int c;

          /* A boundary well inside the token's digits cuts it there. */
          for (guint b = 0; b + 1 < columns->n; b++)
            {
              double boundary = (columns->centre[b] + columns->centre[b + 1]) / 2;
              glong k = (glong) ((boundary - token->source.x) / glyph + 0.5);
              const char *at;

              if (boundary <= piece_x + glyph / 2 || boundary >= cut_x - glyph / 2)
                continue;
              at = g_utf8_offset_to_pointer (token->text, k);
              if (at <= piece || at >= cut)
                continue;
              for (const char *p = token->text; p < at; p++)
                if (!g_ascii_isdigit (*p) && *p != ',' && *p != '.')
                  return NULL;   /* not a run of digits: widths unknown */
              cut = at;
              cut_x = token->source.x + k * glyph;
              break;
            }

          c = column_at (columns, (piece_x + cut_x) / 2);
          if (c < 0)
            return NULL;
          slot = &g_array_index (slots, NbMatcherSlot, c);
          if (slot->owned != NULL)
            return NULL;
          slot->owned = g_strndup (piece, cut - piece);
          slot->text = slot->owned;
          slot->source = token->source;
          slot->source.x = piece_x;
          slot->source.width = cut_x - piece_x;
          piece = cut;
          piece_x = cut_x;
        }
    }

  return g_steal_pointer (&slots);
}
