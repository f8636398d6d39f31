/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-matcher-private.h"
#include "nb-normalize.h"
#include "nb-value.h"

/* Rows of S2 and S3 are found by their labels, or by the template's row
 * order where labels are lost; their values placed by cell (or count). */

typedef struct
{
  const NbLine *line;
  guint         first_value;   /* index of the first value token */
  int           row;           /* index into the table's rows, or -1 */
  int           position;      /* in the row sequence; -1 unknown, -2 ignored */
  guint         label_cell;    /* the cell of its last label token, 0: none or unknown */
  guint         first_cell;    /* the cell of its first value, 0: unknown */
  guint         n_values;      /* value cells from the first to the last given */
  const NbLine *cont;          /* the line its values continue on, or NULL */
} Item;

/* ---- Labels ---------------------------------------------------------- */

/* Edit distance of two strings of ideographs (as gunichar arrays). */
static guint
edit_distance (const gunichar *a,
               glong           n_a,
               const gunichar *b,
               glong           n_b)
{
  guint row[64];
  glong i, j;

  if (n_b >= (glong) G_N_ELEMENTS (row))
    return G_MAXUINT;
  for (j = 0; j <= n_b; j++)
    row[j] = j;
  for (i = 1; i <= n_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (j = 1; j <= n_b; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[n_b];
}

/* A label a character or two off the template's ("法律行政止公开",
 * "行政执发案卷"): the row whose label, without its enumerator, is
 * nearest the end of @key, when one row is clearly nearest. */
/* The template's row labels without their enumerators ("1属于国家秘密" →
 * "属于国家秘密", "七总计" → "总计"), as characters, made once. */
typedef struct
{
  gunichar *chars;
  glong     n_chars;
} LabelChars;

static const LabelChars *
row_label_chars (const NbTableDef *table,
                 guint             row)
{
  static LabelChars *cache;   /* [table definition][row] */
  static guint stride;

  if (g_once_init_enter (&cache))
    {
      LabelChars *made;

      for (guint t = 0; t < nb_template_n_tables; t++)
        stride = MAX (stride, nb_template_tables[t].n_rows);
      made = g_new0 (LabelChars, nb_template_n_tables * stride);
      for (guint t = 0; t < nb_template_n_tables; t++)
        for (guint r = 0; r < nb_template_tables[t].n_rows; r++)
          {
            g_autofree char *key = nb_normalize_match_key (nb_template_tables[t].rows[r].label);
            const char *p = key;

            while (*p && (g_ascii_isdigit (*p) || g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p))))
              p = g_utf8_next_char (p);
            made[t * stride + r].chars = g_utf8_to_ucs4_fast (p, -1, &made[t * stride + r].n_chars);
          }
      g_once_init_leave (&cache, made);
    }
  return &cache[(table - nb_template_tables) * stride + row];
}

/* A label a character or two off the template's ("法律行政止公开",
 * "行政执发案卷"): the row whose label, without its enumerator, is
 * nearest the end of @key, when one row is clearly nearest. */
static int
match_row_by_distance (const NbTableDef *table,
                       const char       *key)
{
  g_autofree gunichar *text = NULL;
  glong n_text = 0;
  int best = -1;
  guint best_distance = G_MAXUINT;
  gboolean tie = FALSE;

  text = g_utf8_to_ucs4_fast (key, -1, &n_text);
  for (guint r = 0; r < table->n_rows; r++)
    {
      const LabelChars *label = row_label_chars (table, r);
      glong n_label = label->n_chars;
      guint limit;

      /* Short labels are too close to each other (重复申请, 反复申请). */
      if (n_label < 6)
        continue;
      limit = n_label < 9 ? 1 : 2;

      /* The label's end stands at the key's end; its start may be off. */
      for (glong len = n_label - (glong) limit; len <= n_label + (glong) limit && len <= n_text; len++)
        {
          guint d = edit_distance (text + n_text - len, len, label->chars, n_label);

          if (d > limit)
            continue;
          if (d < best_distance)
            {
              best = r;
              best_distance = d;
              tie = FALSE;
            }
          else if (d == best_distance && best != (int) r)
            tie = TRUE;
        }
    }

  return tie ? -1 : best;
}

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

  if (best < 0)
    best = match_row_by_distance (table, key);
  return best;
}

/* ---- Placing values into cells --------------------------------------- */

void
_nb_matcher_set_row_missing (NbMatcher        *m,
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

void
_nb_matcher_set_slot (NbMatcher             *m,
          const NbCellDef       *cell,
          const NbMatcherSlot   *slot)
{
  double value = 0;

  if (slot->text == NULL)
    {
      nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &slot->source,
                          _("blank in the source"));
      return;
    }

  /* The cell's kind decides the unit: 251000元 in an amount is 25.1 万元. */
  switch (_nb_matcher_lex_value (slot->text, cell->kind, &value))
    {
    case NB_LEXEME_NUMBER:
      nb_report_set_cell (m->report, cell->index, NB_CELL_FOUND, value, &slot->source, NULL);
      break;

    case NB_LEXEME_BLANK:
      {
        g_autofree char *note = g_strdup_printf (_("blank in the source (“%s”)"), slot->text);

        nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &slot->source, note);
      }
      break;

    case NB_LEXEME_TEXT:
    default:
      {
        g_autofree char *note = g_strdup_printf (_("“%s” is not a number"), slot->text);

        nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &slot->source, note);
      }
      break;
    }
}

/* @slots[0] is the row's first column (an empty slot: a blank cell). */
void
_nb_matcher_assign_values (NbMatcher           *m,
               const NbTableDef    *table,
               const NbRowDef      *row,
               const NbMatcherSlot *slots,
               guint                n_slots,
               const NbMatcherColumnMap     *map)
{
  guint expected = map ? map->n_values : row->n_columns;
  guint least = map ? map->min_values : row->n_columns;

  if (n_slots < least || n_slots > expected)
    {
      NbSource source = slots[0].source;
      g_autofree char *note =
        g_strdup_printf (_("the source row has %u values where the template has %u"),
                         n_slots, expected);

      for (guint i = 1; i < n_slots; i++)
        nb_source_union (&source, &slots[i].source);
      _nb_matcher_set_row_missing (m, table, row, &source, note);
      return;
    }

  if (map != NULL)
    _nb_matcher_set_row_missing (m, table, row, NULL, _("the source table has no such column"));
  for (guint v = 0; v < n_slots; v++)
    {
      int c = map ? map->column[v] : (int) v;

      if (c < 0)
        continue;
      if (map != NULL)
        c -= row->first_column;
      if (c < 0 || c >= (int) row->n_columns)
        continue;
      _nb_matcher_set_slot (m, nb_template_find_cell (table, row, &table->columns[row->first_column + c]),
                &slots[v]);
    }
}

static void
assign_item (NbMatcher                *m,
             const NbTableDef         *table,
             const Item               *item,
             int                       start_cell,
             const NbMatcherColumnMap *map,
             const NbMatcherXColumns  *columns)
{
  const NbRowDef *row = &table->rows[item->row];
  g_autoptr(GArray) slots = NULL;
  guint expected = map ? map->n_values : row->n_columns;

  /* On a page: by where each value stands under the header. */
  if (columns->n > 0 && item->cont == NULL && map == NULL && row->n_columns == table->n_columns &&
      (slots = _nb_matcher_slots_by_x (columns, item->line, item->first_value)) != NULL)
    {
      _nb_matcher_assign_values (m, table, row, (const NbMatcherSlot *) (gpointer) slots->data,
                                 slots->len, NULL);
      return;
    }

  slots = _nb_matcher_value_slots (item->line, item->first_value);

  if (item->cont != NULL)
    {
      g_autoptr(GArray) more = _nb_matcher_value_slots (item->cont, 0);

      for (guint k = 0; k < more->len; k++)
        {
          g_array_append_val (slots, g_array_index (more, NbMatcherSlot, k));
          g_array_index (more, NbMatcherSlot, k).owned = NULL;  /* now the slots' */
        }
    }

  /* Where the table's rows put their first value (other rows with their
   * label in the same cell tell): a row with blank cells at its ends is
   * placed by its cells, each blank costing only itself. */
  if (start_cell > 0 && slots->len > 0 && slots->len < expected)
    {
      const NbMatcherSlot *first = &g_array_index (slots, NbMatcherSlot, 0);
      const NbMatcherSlot *last = &g_array_index (slots, NbMatcherSlot, slots->len - 1);

      if (first->cell > 0 && (int) first->cell >= start_cell &&
          (int) last->cell < start_cell + (int) expected)
        {
          guint lead = first->cell - start_cell;
          /* Copied: prepending moves the slots, and @first with them. */
          NbSource first_source = first->source;

          for (guint k = 0; k < lead; k++)
            {
              NbMatcherSlot empty = { NULL, NULL, first_source, start_cell + lead - 1 - k };

              g_array_prepend_val (slots, empty);
            }
          while (slots->len < expected)
            {
              NbMatcherSlot empty = { NULL, NULL, g_array_index (slots, NbMatcherSlot, slots->len - 1).source, 0 };

              g_array_append_val (slots, empty);
            }
        }
    }

  _nb_matcher_assign_values (m, table, row, (const NbMatcherSlot *) (gpointer) slots->data, slots->len,
                 map != NULL && row->n_columns == table->n_columns ? map : NULL);
}

/* ---- Rows of S2 and S3 ----------------------------------------------- */

/* What _nb_matcher_value_slots () would give, without making them. */
static guint
count_values (const NbLine *line,
              guint         first_value)
{
  const NbToken *tokens = (const NbToken *) (gpointer) line->tokens->data;
  guint n = 0;

  if (first_value >= line->tokens->len)
    return 0;
  if (tokens[first_value].cell > 0)
    return tokens[line->tokens->len - 1].cell - tokens[first_value].cell + 1;
  for (guint i = first_value; i < line->tokens->len; i++)
    if (i == first_value || _nb_matcher_classify_token (tokens[i].text) != NB_MATCHER_TOKEN_UNIT)
      n++;
  return n;
}

/* A row whose values continue on the next line ("…数量 1 2 3 4" / "5 6
 * 7"), maybe with a page number or a running header between: the two
 * lines are one row when their counts add up to the row's columns.
 * Returns the index of the last line the row takes. */
static guint
find_continuation (NbMatcher        *m,
                   const NbTableDef *table,
                   Item             *item,
                   guint             i,
                   guint             end)
{
  guint want = table->rows[item->row >= 0 ? item->row : 0].n_columns;
  guint have = count_values (item->line, item->first_value);

  if (have == 0 || have >= want)
    return i;

  for (guint j = i + 1; j < end && j <= i + 4; j++)
    {
      const NbLine *next = g_ptr_array_index (m->lines, j);
      gboolean has_number;
      guint first;

      if (next->furniture || nb_line_is_blank (next))
        continue;
      first = _nb_matcher_split_values (next, &has_number);
      if (first == next->tokens->len)
        {
          /* A running header between the parts; a row label ends the search. */
          g_autofree char *key = _nb_matcher_label_key (next, first);

          if (match_row (table, key) >= 0 || _nb_matcher_is_header_text (key))
            return i;
          continue;
        }
      if (first != 0 || !has_number || have + count_values (next, 0) != want)
        return i;
      item->cont = next;
      item->first_cell = 0;   /* its cells are two lines' */
      return j;
    }
  return i;
}

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
      Item item = { line, 0, -1, -1, 0, 0, 0, NULL };
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

      if (line->tokens->len > item.first_value &&
          g_array_index (line->tokens, NbToken, item.first_value).cell > 0)
        {
          const NbToken *tokens = (const NbToken *) (gpointer) line->tokens->data;

          item.first_cell = tokens[item.first_value].cell;
          item.label_cell = item.first_value > 0 ? tokens[item.first_value - 1].cell : 0;
          item.n_values = tokens[line->tokens->len - 1].cell - item.first_cell + 1;
        }

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

      if (item.row >= 0 || table->table == NB_TABLE_S3)
        i = find_continuation (m, table, &item, i, end);

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
  int start_of[32] = { 0 };
  NbMatcherColumnMap map = { 0 };
  gboolean has_map = table->table == NB_TABLE_S3 && _nb_matcher_find_column_map (m, table, begin, end, &map);
  NbMatcherXColumns columns = { { 0 }, 0 };

  if (table->table == NB_TABLE_S3 && !has_map)
    _nb_matcher_find_x_columns (m, table, begin, end, &columns);

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
      else if (has_aggregate)
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

  /* Where full rows put their first value, by the cell of their label. */
  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);
      guint expected;

      if (item->position < 0 || item->first_cell == 0 || item->label_cell >= G_N_ELEMENTS (start_of))
        continue;
      expected = table->rows[sequence[item->position]].n_columns;
      if (has_map && table->rows[sequence[item->position]].n_columns == table->n_columns)
        expected = map.n_values;
      if (item->n_values == expected && start_of[item->label_cell] == 0)
        start_of[item->label_cell] = item->first_cell;
    }

  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);
      int start = 0;

      if (item->position < 0)
        continue;
      item->row = sequence[item->position];
      placed[item->row] = TRUE;
      if (item->first_cell > 0 && item->label_cell < G_N_ELEMENTS (start_of))
        start = start_of[item->label_cell];
      assign_item (m, table, item, start, has_map ? &map : NULL, &columns);
    }

  for (guint p = 0; p < n_positions; p++)
    if (!placed[sequence[p]])
      _nb_matcher_set_row_missing (m, table, &table->rows[sequence[p]], NULL,
                       items->len > 0 ? _("not found in the source, or its row could not be told")
                                      : _("the table is not in the source"));

  if (has_map && map.derive_total)
    _nb_matcher_derive_totals (m, table, sequence, n_positions);
}

