/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nb-matcher-private.h"
#include "nb-normalize.h"

/* The six section headings ("一、总体情况" …), and the title, agency and
 * year from the lines before the first of them. */

/* A line of a table of contents: the heading and its page, often with
 * leaders ("一、总体情况……1"); a heading never ends in a number. */
static gboolean
is_contents_line (const NbLine *line,
                  const char   *key)
{
  gsize len = strlen (key);

  return len > 0 && g_ascii_isdigit (key[len - 1]) &&
         (strstr (line->text, "…") != NULL || strstr (line->text, "..") != NULL ||
          strstr (line->text, "·") != NULL || g_ascii_isdigit (line->text[strlen (line->text) - 1]));
}

/* Which section's heading line @i could be, or -1. */
static int
heading_of (NbMatcher *m,
            guint      i)
{
  const char *key = m->keys[i];
  gsize len = strlen (key);

  if (len == 0 || len > 60 || is_contents_line (g_ptr_array_index (m->lines, i), key))
    return -1;
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *section = &nb_template_sections[s];

      if (g_str_has_prefix (key, section->numeral) && _nb_matcher_contains_any (key, section->keys))
        return s;
    }
  return -1;
}

/* The section headings, in order.  Three or more of them one after the
 * other, with nothing between, are a table of contents, not headings. */
void
_nb_matcher_find_headings (NbMatcher *m)
{
  int last = -1;

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    m->headings[s] = -1;

  for (guint i = 0; i < m->lines->len; i++)
    {
      int s = heading_of (m, i);
      guint run = 0, next = i;

      if (s < 0 || (int) i <= last || m->headings[s] >= 0)
        continue;

      for (guint k = i; k < m->lines->len && run < 3; k++)
        {
          if (nb_line_is_blank (g_ptr_array_index (m->lines, k)))
            continue;
          if (heading_of (m, k) < 0)
            break;
          run++;
          next = k;
        }
      if (run >= 3)
        {
          last = next;   /* the contents, skipped */
          continue;
        }

      /* Later sections only: a heading never comes back. */
      for (guint later = s + 1; later < NB_N_SECTIONS; later++)
        if (m->headings[later] >= 0)
          goto next_line;

      m->headings[s] = i;
      last = i;
    next_line:
      ;
    }
}

int
_nb_matcher_first_line_with (NbMatcher         *m,
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

/* The title's forms, on match keys: the year before the words
 * ("…2024年政府信息公开工作年度报告"), before the agency ("2024年上海市
 * 科委政府信息公开工作年度报告"), after the title ("…工作年度报告（2024年
 * 度）") or nowhere.  Groups: agency, year; or year, agency. */
static const char *const title_patterns[] = {
  "(\\p{Han}*?)((?:19|20)\\d\\d)年度?政府信息公开(?:工作)?(?:年度)?报告",
  "^((?:19|20)\\d\\d)年度?(\\p{Han}+?)政府信息公开(?:工作)?年度报告",
  "^(\\p{Han}+?)政府信息公开(?:工作)?年度报告((?:19|20)\\d\\d)年度?$",
  "^(\\p{Han}+?)政府信息公开(?:工作)?年度报告()$",
};

static GRegex *
title_regex (guint i)
{
  static GRegex *regexes[G_N_ELEMENTS (title_patterns)];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint k = 0; k < G_N_ELEMENTS (title_patterns); k++)
        regexes[k] = g_regex_new (title_patterns[k], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  return regexes[i];
}

/* Which form @text has: the agency and the year (0 when the title has
 * none), or FALSE. */
static gboolean
match_title (const char  *text,
             char       **agency,
             int         *year,
             gboolean    *year_first)
{
  for (guint k = 0; k < G_N_ELEMENTS (title_patterns); k++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *year_text = NULL;

      if (!g_regex_match (title_regex (k), text, 0, &match))
        continue;
      *year_first = k == 1;
      year_text = g_match_info_fetch (match, *year_first ? 1 : 2);
      *agency = g_match_info_fetch (match, *year_first ? 2 : 1);
      *year = atoi (year_text);
      return TRUE;
    }
  return FALSE;
}

/* "统计期限为2024年1月1日至12月31日": the year of a title without one. */
static int
find_period_year (NbMatcher *m)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("统计(?:期限|时限|时间|区间|期间)\\D{0,4}((?:19|20)\\d\\d)年1月1日",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  for (guint i = 0; i < MIN (m->lines->len, 200); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, m->keys[i], 0, &match))
        {
          g_autofree char *year = g_match_info_fetch (match, 1);

          return atoi (year);
        }
    }
  return 0;
}

/* "尉氏县先进制造业开发区 2024 年政府信息公开工作 年度报告", a title split
 * over two lines anywhere, or "…现公布滨州高新技术产业开发区2024年政府信息
 * 公开工作年度报告。" in the opening sentence. */
void
_nb_matcher_find_title (NbMatcher *m,
                        int        limit)
{
  g_autofree char *title = NULL;
  g_autofree char *agency = NULL;
  int year = 0;

  for (int i = 0; i < limit && title == NULL; i++)
    {
      const NbLine *line = g_ptr_array_index (m->lines, i);
      g_autofree char *squeezed = NULL;
      gboolean own_line, year_first = FALSE;

      if (line->furniture || nb_line_is_blank (line))
        continue;

      squeezed = nb_normalize_match_key (line->prose);
      g_clear_pointer (&agency, g_free);
      if (!match_title (squeezed, &agency, &year, &year_first))
        {
          /* A title wrapped onto a second line ("…工作年" / "度报告") */
          int next_i = i + 1;
          g_autofree char *rest = NULL;
          char *joined;

          while (next_i < limit && nb_line_is_blank (g_ptr_array_index (m->lines, next_i)))
            next_i++;
          if (next_i >= limit || strlen (squeezed) > 150)
            continue;
          rest = nb_normalize_match_key (((const NbLine *) g_ptr_array_index (m->lines, next_i))->prose);
          /* A whole title after a blank line is the title, not the end of this
           * one ("栏目导航" above it on a web page); right below, it may be
           * the rest of a wrapped agency name ("滨州高新技" / "术产业…"). */
          if (next_i > i + 1 && match_title (rest, &agency, &year, &year_first))
            {
              g_clear_pointer (&agency, g_free);
              continue;
            }
          joined = g_strconcat (squeezed, rest, NULL);
          g_free (squeezed);
          squeezed = joined;
          g_clear_pointer (&agency, g_free);
          if (!match_title (squeezed, &agency, &year, &year_first))
            continue;
        }

      /* A title line is the title and nothing else. */
      own_line = g_str_has_suffix (squeezed, "报告") && strlen (squeezed) < 150;
      if (!own_line && year == 0)
        own_line = strlen (squeezed) < 150;
      if (!own_line && g_str_has_suffix (squeezed, "年度") && strlen (squeezed) < 150)
        own_line = TRUE;

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

      if (year == 0)
        year = find_period_year (m);
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
