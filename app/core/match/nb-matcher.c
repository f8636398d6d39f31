/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "nb-error.h"
#include "nb-line.h"
#include "nb-matcher.h"
#include "nb-normalize.h"
#include "nb-template-private.h"

/* The template matcher: the only code that knows labels and row order.
 * It reads the line stream of any reader, finds the six sections and the
 * three tables, places every value into its cell and fills an NbReport.
 *
 * A line of a table is a label (its tokens up to the last one with an
 * ideograph) followed by values.  Labels are anchors: the row whose key
 * ends latest in the label is the row.  Lines whose label is lost are
 * placed by the template's fixed row order, but only where the anchors
 * around them leave exactly as many rows as there are such lines; anything
 * else stays missing, with the reason, never guessed. */

typedef enum
{
  TOKEN_LABEL,
  TOKEN_NUMBER,
  TOKEN_BLANK,
  TOKEN_JUNK,
} TokenKind;

typedef struct
{
  const NbLine *line;
  guint         first_value;   /* index of the first value token */
  int           row;           /* index into the table's rows, or -1 */
  int           position;      /* in the row sequence; -1 unknown, -2 ignored */
} Item;

typedef struct
{
  GPtrArray *lines;            /* NbLine */
  char     **keys;             /* match key of every line */
  NbReport  *report;
  int        headings[NB_N_SECTIONS];
} Matcher;

/* ---- Tokens ---------------------------------------------------------- */

static gboolean
is_blank_marker (const char *text)
{
  static const char *const markers[] = {
    "/", "-", "--", "—", "——", "–", "―", "无", "\\", "空", "x", "X", NULL
  };

  return g_strv_contains (markers, text);
}

/* "12", "1,234", "7730.28", "-1", "251000元", "12.5万元".  Sets @in_yuan
 * when the value is given in 元 rather than 万元. */
static gboolean
parse_number (const char *text,
              double     *value,
              gboolean   *in_yuan)
{
  char buf[64];
  gsize n = 0;
  const char *p = text;
  gboolean digits = FALSE, comma = FALSE;
  char *end;

  *in_yuan = FALSE;
  if (*p == '+' || *p == '-')
    buf[n++] = *p++;
  for (; *p && n < sizeof buf - 1; p++)
    {
      if (g_ascii_isdigit (*p))
        buf[n++] = *p, digits = TRUE;
      else if (*p == ',' && digits && g_ascii_isdigit (p[1]))
        comma = TRUE;
      else if (*p == '.' && digits && g_ascii_isdigit (p[1]))
        buf[n++] = *p;
      else
        break;
    }
  buf[n] = '\0';

  if (!digits)
    return FALSE;
  if (*p != '\0')
    {
      if (strcmp (p, "元") == 0)
        *in_yuan = TRUE;
      else if (strcmp (p, "万元") != 0 && strcmp (p, "万") != 0)
        return FALSE;
    }
  (void) comma;

  *value = g_ascii_strtod (buf, &end);
  return *end == '\0';
}

static TokenKind
classify_token (const char *text)
{
  double value;
  gboolean in_yuan;

  if (is_blank_marker (text))
    return TOKEN_BLANK;
  if (parse_number (text, &value, &in_yuan))
    return TOKEN_NUMBER;
  if (nb_string_has_han (text) || strlen (text) > 16)
    return TOKEN_LABEL;
  return TOKEN_JUNK;
}

/* Values are taken from the right end of the line, up to the last token
 * with an ideograph in it.  Returns the index of the first value. */
static guint
split_values (const NbLine *line,
              gboolean     *has_number)
{
  guint first = line->tokens->len;
  gboolean number = FALSE;

  while (first > 0)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, first - 1);
      TokenKind kind = classify_token (token->text);

      if (kind == TOKEN_LABEL)
        break;
      if (kind == TOKEN_NUMBER)
        number = TRUE;
      first--;
    }

  /* Leading enumerators such as "1." are label, not value. */
  if (first == 0 && line->tokens->len > 0)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, 0);
      gsize len = strlen (token->text);

      if (len >= 2 && token->text[len - 1] == '.' && g_ascii_isdigit (token->text[0]))
        first = 1;
    }

  *has_number = number;
  return first;
}

static char *
label_key (const NbLine *line,
           guint         n_tokens)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < n_tokens; i++)
    g_string_append (label, g_array_index (line->tokens, NbToken, i).text);
  return nb_normalize_match_key (label->str);
}

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

static gboolean
contains_any (const char        *key,
              const char *const *needles)
{
  for (guint i = 0; needles && needles[i]; i++)
    if (strstr (key, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A label-only line of S3's header ("商业 企业", "（本列数据的勾稽关系为…"),
 * as opposed to a row label wrapped onto a line of its own. */
static gboolean
is_header_text (const char *key)
{
  g_autofree char *rest = g_strdup (key);

  if (contains_any (key, nb_template_s3_header_markers))
    return TRUE;

  for (guint i = 0; nb_template_s3_header_words[i]; i++)
    {
      const char *word = nb_template_s3_header_words[i];
      gsize len = strlen (word);
      char *at;

      while ((at = strstr (rest, word)) != NULL)
        memmove (at, at + len, strlen (at + len) + 1);
    }
  return rest[0] == '\0';
}

/* ---- Placing values into cells --------------------------------------- */

static void
set_row_missing (Matcher          *m,
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
assign_values (Matcher          *m,
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
      gboolean in_yuan = FALSE;

      switch (classify_token (token->text))
        {
        case TOKEN_NUMBER:
          parse_number (token->text, &value, &in_yuan);
          if (in_yuan && cell->kind == NB_VALUE_AMOUNT)
            value /= 10000.0;
          nb_report_set_cell (m->report, cell->index, NB_CELL_FOUND, value, &token->source, NULL);
          break;

        case TOKEN_BLANK:
          {
            g_autofree char *note = g_strdup_printf (_("blank in the source (“%s”)"), token->text);

            nb_report_set_cell (m->report, cell->index, NB_CELL_MISSING, 0, &token->source, note);
          }
          break;

        case TOKEN_JUNK:
        case TOKEN_LABEL:
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
assign_item (Matcher          *m,
             const NbTableDef *table,
             const Item       *item)
{
  const NbRowDef *row = &table->rows[item->row];
  const NbToken *values = &g_array_index (item->line->tokens, NbToken, item->first_value);

  assign_values (m, table, row, values, item->line->tokens->len - item->first_value);
}

/* ---- Rows of S2 and S3 ----------------------------------------------- */

static GArray *
collect_items (Matcher          *m,
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

      item.first_value = split_values (line, &has_number);
      key = label_key (line, item.first_value);

      if (item.first_value == line->tokens->len)
        {
          /* A label with no values: a wrapped row label, or header. */
          if (table->table == NB_TABLE_S3 && is_header_text (key))
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

static void
match_rows (Matcher          *m,
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

static void
match_s4 (Matcher          *m,
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
      first = split_values (line, &has_number);
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

/* ---- Sections and title ---------------------------------------------- */

static void
find_headings (Matcher *m)
{
  int last = -1;

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    m->headings[s] = -1;

  for (guint i = 0; i < m->lines->len; i++)
    {
      const char *key = m->keys[i];
      gsize len = strlen (key);

      if (len == 0 || len > 60 || (int) i <= last)
        continue;

      for (guint s = 0; s < NB_N_SECTIONS; s++)
        {
          const NbSectionDef *section = &nb_template_sections[s];

          if (m->headings[s] >= 0 || !g_str_has_prefix (key, section->numeral))
            continue;
          if (!contains_any (key, section->keys))
            continue;
          /* Later sections only: a heading never comes back. */
          for (guint later = s + 1; later < NB_N_SECTIONS; later++)
            if (m->headings[later] >= 0)
              goto next_line;

          m->headings[s] = i;
          last = i;
          break;
        }
    next_line:
      ;
    }
}

static int
first_line_with (Matcher           *m,
                 int                from,
                 int                to,
                 const char *const *needles,
                 gboolean           at_start)
{
  for (int i = MAX (from, 0); i < to; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);

      if (line->furniture)
        continue;
      for (guint n = 0; needles[n]; n++)
        if (at_start ? g_str_has_prefix (m->keys[i], needles[n])
                     : strstr (m->keys[i], needles[n]) != NULL)
          return i;
    }
  return -1;
}

static const char *
skip_prefix_words (const char *agency)
{
  static const char *const verbs[] = { "现公布", "公布", "发布", "现将", "编制了", "编制", "特此", NULL };
  const char *start = agency;

  for (guint v = 0; verbs[v]; v++)
    {
      const char *at = g_strrstr (start, verbs[v]);

      if (at != NULL)
        start = at + strlen (verbs[v]);
    }
  return start;
}

/* "尉氏县先进制造业开发区 2024 年政府信息公开工作 年度报告", a title split
 * over two lines, or "…现公布滨州高新技术产业开发区2024年政府信息公开工作
 * 年度报告。" in the opening sentence. */
static void
find_title (Matcher *m,
            int      limit)
{
  static GRegex *regex;

  g_autofree char *title = NULL;
  g_autofree char *agency = NULL;
  int year = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(\\p{Han}*?)((?:19|20)\\d\\d)年度?政府信息公开(?:工作)?(?:年度)?报告",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  for (int i = 0; i < limit && title == NULL; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *squeezed = NULL;
      gboolean own_line;

      if (line->furniture || nb_line_is_blank (line))
        continue;

      squeezed = nb_normalize_match_key (line->prose);
      if (!g_regex_match (regex, squeezed, 0, &match) && i + 1 < limit)
        {
          /* A title wrapped onto a second line ("…工作年" / "度报告") */
          const NbLine *next = g_ptr_array_index (m->lines, i + 1);
          g_autofree char *rest = nb_normalize_match_key (next->prose);
          char *joined = g_strconcat (squeezed, rest, NULL);

          g_clear_pointer (&match, g_match_info_free);
          g_free (squeezed);
          squeezed = joined;
          if (!g_regex_match (regex, squeezed, 0, &match))
            continue;
        }
      else if (match == NULL || !g_match_info_matches (match))
        continue;

      /* A title line is the title and nothing else. */
      own_line = g_str_has_suffix (squeezed, "报告") && strlen (squeezed) < 150;
      {
        g_autofree char *year_text = g_match_info_fetch (match, 2);

        year = atoi (year_text);
      }
      agency = g_match_info_fetch (match, 1);

      if (own_line && (agency == NULL || agency[0] == '\0'))
        {
          /* The agency on the line above. */
          for (int k = i - 1; k >= 0; k--)
            {
              const NbLine *above = g_ptr_array_index (m->lines, k);

              if (nb_line_is_blank (above) || above->furniture)
                continue;
              g_free (agency);
              agency = nb_normalize_match_key (above->prose);
              break;
            }
        }
      else if (!own_line)
        {
          char *start = (char *) skip_prefix_words (agency);

          memmove (agency, start, strlen (start) + 1);
        }

      title = g_strdup_printf ("%s%d年政府信息公开工作年度报告", agency ? agency : "", year);
    }

  if (title != NULL)
    {
      nb_report_set_title (m->report, title);
      if (agency != NULL && agency[0] != '\0')
        nb_report_set_agency (m->report, agency);
      nb_report_set_year (m->report, year);
    }
}

static void
append_joined (GString    *out,
               const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n' &&
      g_ascii_isalnum (out->str[out->len - 1]) && g_ascii_isalnum (text[0]))
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* In a table's section, only sentences are prose: table lines are labels
 * and values. */
static gboolean
is_prose_line (const NbLine *line)
{
  gboolean has_number;
  g_autofree char *key = NULL;

  if (strstr (line->text, "。") == NULL)
    return FALSE;
  if (split_values (line, &has_number) < line->tokens->len)
    return FALSE;
  key = nb_normalize_match_key (line->text);
  return !is_header_text (key);
}

/* Prose of a section, paragraphs joined by "\n".  Layout text (pdftotext,
 * PDFs) wraps paragraphs and indents their first line; pasted text has one
 * paragraph per line. */
static char *
collect_prose (Matcher  *m,
               guint     begin,
               guint     end,
               gboolean  prose_only)
{
  GString *out = g_string_new (NULL);
  guint min_indent = G_MAXUINT;
  gboolean wrapped = FALSE;
  gboolean paragraph_open = FALSE;

  for (guint i = begin; i < end; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);

      if (line->furniture || nb_line_is_blank (line))
        continue;
      min_indent = MIN (min_indent, line->indent);
      if (line->indent > 0)
        wrapped = TRUE;
    }

  for (guint i = begin; i < end; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      g_autofree char *text = NULL;

      if (line->furniture)
        continue;
      if (nb_line_is_blank (line))
        {
          /* Wrapped text has blank lines at page breaks, inside paragraphs. */
          if (!wrapped)
            paragraph_open = FALSE;
          continue;
        }

      text = g_strstrip (g_strdup (line->prose));
      if (prose_only && !is_prose_line (line))
        continue;

      if (paragraph_open && wrapped && line->indent <= min_indent + 1)
        append_joined (out, text);
      else
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, text);
        }
      paragraph_open = wrapped && !prose_only;
    }

  return g_string_free (out, FALSE);
}

/* ---- The whole report ------------------------------------------------ */

gboolean
nb_matcher_fill_report (GPtrArray  *lines,
                        NbReport   *report,
                        GError    **error)
{
  const char *const *s2_markers = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2021)->start_keys;
  const char *const *s3_markers = nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021)->start_keys;
  const char *const *s4_markers = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2021)->start_keys;
  Matcher m = { lines, NULL, report, { 0 } };
  int n = lines->len;
  int s2, s3, s4, s5, first_heading = n;
  const NbTableDef *s2_def;
  const NbTableDef *s4_def;
  gboolean found_any;

  m.keys = g_new0 (char *, n + 1);
  for (int i = 0; i < n; i++)
    m.keys[i] = nb_normalize_match_key (((NbLine *) g_ptr_array_index (lines, i))->text);

  find_headings (&m);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (m.headings[s] >= 0)
      first_heading = MIN (first_heading, m.headings[s]);

  /* Where the tables are: their section heading, or where their own
   * header starts (seed 002 lost the heading of section 三). */
  s5 = m.headings[NB_SECTION_PROBLEMS] >= 0 ? m.headings[NB_SECTION_PROBLEMS] : n;
  s2 = m.headings[NB_SECTION_ACTIVE];
  if (s2 < 0)
    s2 = first_line_with (&m, MAX (m.headings[NB_SECTION_OVERVIEW], 0), s5, s2_markers, FALSE);
  s3 = m.headings[NB_SECTION_REQUESTS];
  if (s3 < 0)
    s3 = first_line_with (&m, MAX (s2, m.headings[NB_SECTION_OVERVIEW]), s5, s3_markers, FALSE);
  s4 = m.headings[NB_SECTION_APPEALS];
  if (s4 < 0)
    s4 = first_line_with (&m, MAX (MAX (s3, s2), m.headings[NB_SECTION_OVERVIEW] + 1), s5,
                          s4_markers, TRUE);

  found_any = s2 >= 0 || s3 >= 0 || s4 >= 0;

  nb_report_begin_import (report);

  find_title (&m, first_heading < n ? first_heading : MIN (n, 40));

  if (!found_any && nb_report_get_title (report) == NULL)
    {
      nb_report_end_import (report);
      g_strfreev (m.keys);
      g_set_error (error, NB_ERROR, NB_ERROR_NO_REPORT,
                   _("No annual report tables were found in it"));
      return FALSE;
    }

  /* Each table runs to where the next one starts. */
  {
    int s2_end = s3 >= 0 ? s3 : s4 >= 0 ? s4 : s5;
    int s3_end = s4 >= 0 ? s4 : s5;
    g_autoptr(GString) s2_text = g_string_new (NULL);

    s2_def = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2021);
    if (s2 >= 0)
      {
        const NbTableDef *older = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2019);

        for (int i = s2; i < s2_end; i++)
          g_string_append (s2_text, m.keys[i]);
        if (contains_any (s2_text->str, older->version_keys) &&
            !contains_any (s2_text->str, s2_def->version_keys))
          s2_def = older;
        match_rows (&m, s2_def, s2, s2_end);
      }
    else
      match_rows (&m, s2_def, 0, 0);

    match_rows (&m, nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021),
                s3 >= 0 ? s3 : 0, s3 >= 0 ? s3_end : 0);

    s4_def = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2021);
    if (s4 >= 0 && contains_any (m.keys[s4], nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2019)->version_keys))
      s4_def = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2019);
    match_s4 (&m, s4_def, s4 >= 0 ? s4 : 0, s4 >= 0 ? s5 : 0);
  }

  /* Prose: each section runs to the next heading found. */
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      int begin = m.headings[s];
      int end = n;
      gboolean table_section = s == NB_SECTION_ACTIVE || s == NB_SECTION_REQUESTS ||
                               s == NB_SECTION_APPEALS;
      g_autofree char *text = NULL;

      if (begin < 0)
        continue;
      for (guint later = s + 1; later < NB_N_SECTIONS; later++)
        if (m.headings[later] >= 0)
          {
            end = m.headings[later];
            break;
          }
      if (s == NB_SECTION_OVERVIEW && s2 >= 0)
        end = MIN (end, s2);

      text = collect_prose (&m, begin + 1, end, table_section);
      nb_report_set_section_text (report, s, text);
    }

  nb_report_end_import (report);
  g_strfreev (m.keys);
  return TRUE;
}
