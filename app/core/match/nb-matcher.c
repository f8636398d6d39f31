/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-error.h"
#include "nb-matcher-private.h"
#include "nb-normalize.h"
#include "nb-value.h"

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

/* ---- Tokens ---------------------------------------------------------- */

static const char *const units[] = { "件", "条", "项", "个", "人次", "次", "元", "万元", NULL };

/* A number, a blank marker ("/", "—", "无"), a label or neither: the
 * numbers and blanks by the one lexer, nb-value. */
NbMatcherToken
_nb_matcher_classify_token (const char *text)
{
  /* Most tokens of a table are labels: a number or a blank marker never
   * starts with an ideograph and goes on (the lexer normalises, slowly). */
  if ((guchar) text[0] >= 0x80 && strlen (text) > 3 && nb_unichar_is_han (g_utf8_get_char (text)))
    return g_strv_contains (units, text) ? NB_MATCHER_TOKEN_UNIT : NB_MATCHER_TOKEN_LABEL;

  switch (_nb_matcher_lex_value (text, NB_VALUE_COUNT, NULL))
    {
    case NB_LEXEME_NUMBER:
      return NB_MATCHER_TOKEN_NUMBER;
    case NB_LEXEME_BLANK:
      return NB_MATCHER_TOKEN_BLANK;
    case NB_LEXEME_TEXT:
    default:
      break;
    }
  if (g_strv_contains (units, text))
    return NB_MATCHER_TOKEN_UNIT;
  if (nb_string_has_han (text) || strlen (text) > 16)
    return NB_MATCHER_TOKEN_LABEL;
  return NB_MATCHER_TOKEN_JUNK;
}

static gboolean
is_footnote_mark (gunichar c)
{
  return c == '*' || c == 0x203B || (c >= 0x2460 && c <= 0x2473);
}

/* The one lexer, and a value with a footnote mark after it ("3*", "2①")
 * is that value (the mark goes first: NFKC would make "2①" 21). */
NbLexeme
_nb_matcher_lex_value (const char  *text,
                       NbValueKind  kind,
                       double      *value)
{
  const char *end = text + strlen (text);
  g_autofree char *bare = NULL;

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_footnote_mark (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (end == text + strlen (text) || end == text || !g_ascii_isdigit (end[-1]))
    return nb_value_lex (text, kind, value);

  bare = g_strndup (text, end - text);
  return nb_value_lex (bare, kind, value);
}

/* The text of cell @cell of @line, its tokens joined ("12 条" → "12条"). */
static char *
cell_text (const NbLine *line,
           guint        *index,
           NbSource     *source)
{
  const NbToken *first = &g_array_index (line->tokens, NbToken, *index);
  GString *text = g_string_new (first->text);

  if (source != NULL)
    *source = first->source;
  for ((*index)++; *index < line->tokens->len; (*index)++)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, *index);

      if (token->cell != first->cell)
        break;
      g_string_append (text, token->text);
      if (source != NULL)
        nb_source_union (source, &token->source);
    }
  return g_string_free (text, FALSE);
}

/* Values are taken from the right end of the line, up to the last token
 * (or cell, where the reader knows cells) with a label in it.  Returns the
 * index of the first value token. */
guint
_nb_matcher_split_values (const NbLine *line,
                          gboolean     *has_number)
{
  guint first = line->tokens->len;
  gboolean number = FALSE;

  if (first > 0 && g_array_index (line->tokens, NbToken, 0).cell > 0)
    {
      /* By cells, from the right: a cell is a value when its whole text
       * is one ("12 条" is one value). */
      while (first > 0)
        {
          guint start = first - 1;
          const NbToken *token = &g_array_index (line->tokens, NbToken, start);
          g_autofree char *joined = NULL;
          const char *text = token->text;
          NbMatcherToken kind;

          while (start > 0 && g_array_index (line->tokens, NbToken, start - 1).cell == token->cell)
            start--;
          if (start + 1 < first)
            {
              guint i = start;

              text = joined = cell_text (line, &i, NULL);
            }

          kind = _nb_matcher_classify_token (text);
          if (kind == NB_MATCHER_TOKEN_LABEL || kind == NB_MATCHER_TOKEN_UNIT)
            break;
          /* "1." in a cell of its own before the label: an enumerator */
          if (kind == NB_MATCHER_TOKEN_JUNK && start == 0 && g_str_has_suffix (text, ".") &&
              g_ascii_isdigit (text[0]))
            break;
          if (kind == NB_MATCHER_TOKEN_NUMBER)
            number = TRUE;
          first = start;
        }
      *has_number = number;
      return first;
    }

  while (first > 0)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, first - 1);
      NbMatcherToken kind = _nb_matcher_classify_token (token->text);

      if (kind == NB_MATCHER_TOKEN_LABEL)
        break;
      if (kind == NB_MATCHER_TOKEN_UNIT && first == 1)
        break;
      if (kind == NB_MATCHER_TOKEN_NUMBER)
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

void
_nb_matcher_slot_clear (gpointer data)
{
  NbMatcherSlot *slot = data;

  g_clear_pointer (&slot->owned, g_free);
}

/* The values of a row from token @first_value on, one slot per cell: by
 * the reader's cells where it knows them (an empty field is an empty slot,
 * so a blank cell costs that cell only), else one per token, a unit
 * joined to its number. */
GArray *
_nb_matcher_value_slots (const NbLine *line,
                         guint         first_value)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (NbMatcherSlot));
  guint i = first_value;

  g_array_set_clear_func (slots, _nb_matcher_slot_clear);
  if (i >= line->tokens->len)
    return slots;

  if (g_array_index (line->tokens, NbToken, i).cell > 0)
    {
      guint next_cell = g_array_index (line->tokens, NbToken, i).cell;

      while (i < line->tokens->len)
        {
          NbMatcherSlot slot = { NULL, NULL, { 0 }, g_array_index (line->tokens, NbToken, i).cell };

          for (; next_cell < slot.cell; next_cell++)
            {
              NbMatcherSlot empty = { NULL, NULL, { 0 }, next_cell };

              g_array_append_val (slots, empty);
            }
          slot.owned = cell_text (line, &i, &slot.source);
          slot.text = slot.owned;
          g_array_append_val (slots, slot);
          next_cell = slot.cell + 1;
        }
      return slots;
    }

  for (; i < line->tokens->len; i++)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, i);
      NbMatcherSlot slot = { token->text, NULL, token->source, 0 };

      if (slots->len > 0 && g_strv_contains (units, token->text))
        {
          NbMatcherSlot *last = &g_array_index (slots, NbMatcherSlot, slots->len - 1);
          char *joined = g_strconcat (last->text, token->text, NULL);

          g_free (last->owned);
          last->owned = joined;
          last->text = joined;
          nb_source_union (&last->source, &token->source);
          continue;
        }
      g_array_append_val (slots, slot);
    }
  return slots;
}

char *
_nb_matcher_label_key (const NbLine *line,
                       guint         n_tokens)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < n_tokens; i++)
    g_string_append (label, g_array_index (line->tokens, NbToken, i).text);
  return nb_normalize_match_key (label->str);
}

/* ---- Labels ---------------------------------------------------------- */

gboolean
_nb_matcher_contains_any (const char        *key,
                          const char *const *needles)
{
  for (guint i = 0; needles && needles[i]; i++)
    if (strstr (key, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A label-only line of S3's header ("商业 企业", "（本列数据的勾稽关系为…"),
 * as opposed to a row label wrapped onto a line of its own. */
gboolean
_nb_matcher_is_header_text (const char *key)
{
  g_autofree char *rest = g_strdup (key);

  if (_nb_matcher_contains_any (key, nb_template_s3_header_markers))
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

/* ---- The whole report ------------------------------------------------ */

gboolean
nb_matcher_fill_report (GPtrArray  *lines,
                        NbReport   *report,
                        GError    **error)
{
  const char *const *s2_markers = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2021)->start_keys;
  const char *const *s3_markers = nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021)->start_keys;
  const char *const *s4_markers = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2021)->start_keys;
  NbMatcher m = { lines, NULL, report, { 0 } };
  int n = lines->len;
  int s2, s3, s4, s5, tables_end, first_heading = n;
  gboolean appendix = FALSE;
  const NbTableDef *s2_def;
  const NbTableDef *s4_def;
  gboolean found_any;

  m.keys = g_new0 (char *, n + 1);
  for (int i = 0; i < n; i++)
    m.keys[i] = nb_normalize_match_key (((NbLine *) g_ptr_array_index (lines, i))->text);

  _nb_matcher_find_headings (&m);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (m.headings[s] >= 0)
      first_heading = MIN (first_heading, m.headings[s]);

  /* Where the tables are: their section heading, or where their own
   * header starts (seed 002 lost the heading of section 三). */
  s5 = m.headings[NB_SECTION_PROBLEMS] >= 0 ? m.headings[NB_SECTION_PROBLEMS] : n;
  tables_end = s5;
  s2 = m.headings[NB_SECTION_ACTIVE];
  if (s2 < 0)
    s2 = _nb_matcher_first_line_with (&m, MAX (m.headings[NB_SECTION_OVERVIEW], 0), s5, s2_markers, FALSE);
  s3 = m.headings[NB_SECTION_REQUESTS];
  if (s3 < 0)
    s3 = _nb_matcher_first_line_with (&m, MAX (s2, m.headings[NB_SECTION_OVERVIEW]), s5, s3_markers, FALSE);
  s4 = m.headings[NB_SECTION_APPEALS];
  if (s4 < 0)
    s4 = _nb_matcher_first_line_with (&m, MAX (MAX (s3, s2), m.headings[NB_SECTION_OVERVIEW] + 1), s5,
                                      s4_markers, TRUE);

  /* The template's tables as an appendix, after the agency's own
   * sections: found by their own header, wherever they stand. */
  if (s2 < 0 && s3 < 0 && s4 < 0 && s5 < n)
    {
      s2 = _nb_matcher_first_line_with (&m, s5, n, s2_markers, FALSE);
      s3 = _nb_matcher_first_line_with (&m, MAX (s2, s5), n, s3_markers, FALSE);
      s4 = _nb_matcher_first_line_with (&m, MAX (MAX (s3, s2), s5), n, s4_markers, TRUE);
      tables_end = n;
      appendix = TRUE;
      for (int s = NB_SECTION_PROBLEMS; s < NB_N_SECTIONS; s++)
        if (m.headings[s] > MAX (MAX (s2, s3), s4))
          tables_end = MIN (tables_end, m.headings[s]);
    }

  found_any = s2 >= 0 || s3 >= 0 || s4 >= 0;

  nb_report_begin_import (report);

  _nb_matcher_find_title (&m, first_heading < n ? first_heading : MIN (n, 40));

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
    int s2_end = s3 >= 0 ? s3 : s4 >= 0 ? s4 : tables_end;
    int s3_end = s4 >= 0 ? s4 : tables_end;
    g_autoptr(GString) s2_text = g_string_new (NULL);

    s2_def = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2021);
    if (s2 >= 0)
      {
        const NbTableDef *older = nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2019);

        for (int i = s2; i < s2_end; i++)
          g_string_append (s2_text, m.keys[i]);
        if (_nb_matcher_contains_any (s2_text->str, older->version_keys) &&
            !_nb_matcher_contains_any (s2_text->str, s2_def->version_keys))
          s2_def = older;
        _nb_matcher_match_rows (&m, s2_def, s2, s2_end);
      }
    else
      _nb_matcher_match_rows (&m, s2_def, 0, 0);

    _nb_matcher_match_rows (&m, nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021),
                            s3 >= 0 ? s3 : 0, s3 >= 0 ? s3_end : 0);

    s4_def = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2021);
    if (s4 >= 0 && _nb_matcher_contains_any (m.keys[s4], nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2019)->version_keys))
      s4_def = nb_template_get_table (NB_TABLE_S4, NB_TEMPLATE_2019);
    _nb_matcher_match_s4 (&m, s4_def, s4 >= 0 ? s4 : 0, s4 >= 0 ? tables_end : 0);
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
      /* Prose ends where an appendix of tables starts. */
      for (int t = 0; t < 3; t++)
        {
          int start = t == 0 ? s2 : t == 1 ? s3 : s4;

          if (appendix && start > begin && start < end)
            end = start;
        }

      text = _nb_matcher_collect_prose (&m, begin + 1, end, table_section);
      nb_report_set_section_text (report, s, text);
    }

  nb_report_end_import (report);
  g_strfreev (m.keys);
  return TRUE;
}
