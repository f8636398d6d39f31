/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-matcher-private.h"
#include "nb-value.h"

/* Rows of S2 and S3 are found by their labels, or by the template's row
 * order where labels are lost; S4 is fifteen values after its header. */

typedef struct
{
  const NbLine *line;
  guint         first_value;   /* index of the first value token */
  int           row;           /* index into the table's rows, or -1 */
  int           position;      /* in the row sequence; -1 unknown, -2 ignored */
} Item;

/* ---- Labels ---------------------------------------------------------- */

static int
match_row (const NbTableDef *table,
           const char       *key)
{
  int best = -1;
  gsize best_end = 0, best_len = 0;
  gsize key_len = strlen (key);

  if (key_len == 0)
    return -1;

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      for (guint k = 0; row->keys[k]; k++)
        {
          const char *found = g_strrstr (key, row->keys[k]);
          gsize len = strlen (row->keys[k]);
          gsize end;

          if (found == NULL)
            continue;
          end = (found - key) + len;
          if ((row->flags & NB_ROW_KEY_AT_END) && end != key_len)
            continue;
          if (end > best_end || (end == best_end && len > best_len))
            {
              best = r;
              best_end = end;
              best_len = len;
            }
        }
    }

  return best;
}

/* ---- Placing values into cells --------------------------------------- */

static void
set_row_missing (NbMatcher        *m,
                 const NbTableDef *table,
                 const NbRowDef   *row,
                 const NbSource   *source,
                 const char       *note)
{
  for (guint c = 0; c < row->n_columns; c++)
    {
      const NbCellDef *cell = nb_template_find_cell (table, row, &table->columns[row->first_column + c]);

      nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, source, note);
    }
}

static void
assign_values (NbMatcher        *m,
               const NbTableDef *table,
               const NbRowDef   *row,
               const NbToken    *values,
               guint             n_values)
{
  if (n_values != row->n_columns)
    {
      NbSource source = values[0].source;
      g_autofree char *note =
        g_strdup_printf (_("the source row has %u values where the template has %u"),
                         n_values, row->n_columns);

      for (guint i = 1; i < n_values; i++)
        nb_source_union (&source, &values[i].source);
      set_row_missing (m, table, row, &source, note);
      return;
    }

  for (guint c = 0; c < row->n_columns; c++)
    {
      const NbCellDef *cell = nb_template_find_cell (table, row, &table->columns[row->first_column + c]);
      const NbToken *token = &values[c];
      double value = 0;

      /* The cell's kind decides the unit: 251000元 in an amount is 25.1 万元. */
      switch (nb_value_lex (token->text, cell->kind, &value))
        {
        case NB_LEXEME_NUMBER:
          nb_report_set_cell (m->report, cell->index, NB_CELL_FOUND, value, &token->source, NULL);
          break;

        case NB_LEXEME_BLANK:
          {
            g_autofree char *note = g_strdup_printf (_("blank in the source (“%s”)"), token->text);

            nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &token->source, note);
          }
          break;

        case NB_LEXEME_TEXT:
        default:
          {
            g_autofree char *note = g_strdup_printf (_("“%s” is not a number"), token->text);

            nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &token->source, note);
          }
          break;
        }
    }
}

static void
assign_item (NbMatcher        *m,
             const NbTableDef *table,
             const Item       *item)
{
  const NbRowDef *row = &table->rows[item->row];
  const NbToken *values = &g_array_index (item->line->tokens, NbToken, item->first_value);

  assign_values (m, table, row, values, item->line->tokens->len - item->first_value);
}

/* ---- Rows of S2 and S3 ----------------------------------------------- */

static GArray *
collect_items (NbMatcher        *m,
               const NbTableDef *table,
               guint             begin,
               guint             end)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);

  for (guint i = begin; i < end; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      Item item = { line, 0, -1, -1 };
      gboolean has_number;
      g_autofree char *key = NULL;

      if (line->furniture || nb_line_is_blank (line))
        continue;

      item.first_value = _nb_matcher_split_values (line, &has_number);
      key = _nb_matcher_label_key (line, item.first_value);

      if (item.first_value == line->tokens->len)
        {
          /* A label with no values: a wrapped row label, or header. */
          if (table->table == NB_TABLE_S3 && _nb_matcher_is_header_text (key))
            continue;
          g_ptr_array_add (pending, g_steal_pointer (&key));
          if (pending->len > 3)
            g_ptr_array_remove_index (pending, 0);
          continue;
        }

      if (!has_number && line->tokens->len - item.first_value != table->rows[0].n_columns &&
          table->table == NB_TABLE_S3)
        continue;

      item.row = match_row (table, key);
      if (item.row < 0 && pending->len > 0)
        {
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint p = 0; p < pending->len; p++)
            g_string_append (joined, g_ptr_array_index (pending, p));
          g_string_append (joined, key);
          item.row = match_row (table, joined->str);
        }
      g_ptr_array_set_size (pending, 0);

      g_array_append_val (items, item);
    }

  return items;
}

/* Place lines whose label is lost by the row order, between the anchors
 * around them, when that is unambiguous. */
static void
place_by_order (GArray *items,
                guint   n_positions)
{
  int last = -1;
  guint i = 0;

  /* Anchors must follow the template's order; a row met twice is ignored. */
  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);

      if (item->position < 0)
        continue;
      if (item->position <= last)
        item->position = -2;
      else
        last = item->position;
    }

  while (i < items->len)
    {
      guint run_start, run_end;
      int before = -1, after = n_positions;

      if (g_array_index (items, Item, i).position != -1)
        {
          i++;
          continue;
        }

      run_start = i;
      while (i < items->len && g_array_index (items, Item, i).position == -1)
        i++;
      run_end = i;

      for (guint k = run_start; k-- > 0;)
        if (g_array_index (items, Item, k).position >= 0)
          {
            before = g_array_index (items, Item, k).position;
            break;
          }
      for (guint k = run_end; k < items->len; k++)
        if (g_array_index (items, Item, k).position >= 0)
          {
            after = g_array_index (items, Item, k).position;
            break;
          }

      /* Exactly as many free rows as lines, or a run that ends the table
       * and fits in what is left of it. */
      if ((int) (run_end - run_start) == after - before - 1 ||
          (run_end == items->len && before + (int) (run_end - run_start) < (int) n_positions))
        for (guint k = run_start; k < run_end; k++)
          g_array_index (items, Item, k).position = before + 1 + (k - run_start);
    }
}

void
_nb_matcher_match_rows (NbMatcher        *m,
                        const NbTableDef *table,
                        guint             begin,
                        guint             end)
{
  g_autoptr(GArray) items = collect_items (m, table, begin, end);
  g_autofree int *sequence = g_new (int, table->n_rows);
  g_autofree gboolean *placed = g_new0 (gboolean, table->n_rows);
  NbTemplateVersion version = table->version;
  guint n_positions = 0;

  /* S3's edition shows in its （六）: three sub-rows (2021) or one (2019). */
  if (table->table == NB_TABLE_S3)
    {
      gboolean has_sub = FALSE, has_aggregate = FALSE;

      for (guint k = 0; k < items->len; k++)
        {
          int row = g_array_index (items, Item, k).row;

          if (row >= 0 && (table->rows[row].flags & NB_ROW_SUB))
            has_sub = TRUE;
          if (row >= 0 && (table->rows[row].flags & NB_ROW_AGGREGATE))
            has_aggregate = TRUE;
        }
      if (has_sub)
        version = NB_TEMPLATE_2021;
      else if (has_aggregate || items->len == 23)
        version = NB_TEMPLATE_2019;
      else
        version = NB_TEMPLATE_2021;

      table = nb_template_get_table (NB_TABLE_S3, version);
    }
  nb_report_set_table_version (m->report, table->table, version);

  for (guint r = 0; r < table->n_rows; r++)
    if (nb_template_row_in_version (&table->rows[r], version))
      sequence[n_positions++] = r;

  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);

      item->position = -1;
      for (guint p = 0; item->row >= 0 && p < n_positions; p++)
        if (sequence[p] == item->row)
          item->position = p;
    }

  place_by_order (items, n_positions);

  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);

      if (item->position < 0)
        continue;
      item->row = sequence[item->position];
      placed[item->row] = TRUE;
      assign_item (m, table, item);
    }

  for (guint p = 0; p < n_positions; p++)
    if (!placed[sequence[p]])
      set_row_missing (m, table, &table->rows[sequence[p]], NULL,
                       items->len > 0 ? _("not found in the source, or its row could not be told")
                                      : _("the table is not in the source"));
}

/* ---- Table S4: fifteen values in a row ------------------------------- */

void
_nb_matcher_match_s4 (NbMatcher        *m,
                      const NbTableDef *table,
                      guint             begin,
                      guint             end)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (NbToken));
  guint expected = 0;
  guint offset = 0;

  nb_report_set_table_version (m->report, NB_TABLE_S4, table->version);

  for (guint r = 0; r < table->n_rows; r++)
    expected += table->rows[r].n_columns;

  /* The values come after the header, on one line or over a few. */
  for (guint i = begin; i < end && values->len < expected; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      gboolean has_number;
      guint first;

      if (line->furniture || nb_line_is_blank (line))
        continue;
      first = _nb_matcher_split_values (line, &has_number);
      if (!has_number)
        continue;
      for (guint t = first; t < line->tokens->len; t++)
        g_array_append_val (values, g_array_index (line->tokens, NbToken, t));
    }

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (values->len == expected)
        assign_values (m, table, row, &g_array_index (values, NbToken, offset), row->n_columns);
      else if (values->len == 0)
        set_row_missing (m, table, row, NULL, _("the table is not in the source"));
      else
        {
          g_autofree char *note =
            g_strdup_printf (_("the source has %u values where the template has %u"),
                             values->len, expected);

          set_row_missing (m, table, row, NULL, note);
        }
      offset += row->n_columns;
    }

  /* The tokens are borrowed from the lines. */
  g_array_set_size (values, 0);
}
