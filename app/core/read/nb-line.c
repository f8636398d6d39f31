/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-line"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-error.h"
#include "nb-line.h"
#include "nb-normalize.h"

static void
token_clear (gpointer data)
{
  NbToken *token = data;

  g_clear_pointer (&token->text, g_free);
}

NbLine *
nb_line_new (void)
{
  NbLine *line = g_new0 (NbLine, 1);

  line->tokens = g_array_new (FALSE, TRUE, sizeof (NbToken));
  g_array_set_clear_func (line->tokens, token_clear);
  return line;
}

void
nb_line_free (NbLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line->prose);
  g_array_unref (line->tokens);
  g_free (line);
}

GPtrArray *
nb_line_stream_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) nb_line_free);
}

/**
 * nb_line_stream_add:
 * @line: (transfer full): taken in any case
 * @n_tokens: the tokens in @lines so far, the reader's count; updated
 *
 * Appends @line, unless the stream would grow past what any report has:
 * then frees it and fails with %NB_ERROR_TOO_LARGE.
 */
gboolean
nb_line_stream_add (GPtrArray  *lines,
                    NbLine     *line,
                    gsize      *n_tokens,
                    GError    **error)
{
  *n_tokens += line->tokens->len;
  if (lines->len >= NB_LINE_STREAM_MAX_LINES)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The document has too many lines to be a report (more than %d)"),
                 NB_LINE_STREAM_MAX_LINES);
  else if (*n_tokens > NB_LINE_STREAM_MAX_TOKENS)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The document has too many words to be a report (more than %d)"),
                 NB_LINE_STREAM_MAX_TOKENS);
  else
    {
      g_ptr_array_add (lines, line);
      return TRUE;
    }
  nb_line_free (line);
  return FALSE;
}

void
nb_line_add_token (NbLine         *line,
                   const char     *text,
                   const NbSource *source)
{
  nb_line_add_cell_token (line, text, source, 0);
}

/* A token of a table row whose cells the reader knows: @cell is 1-based. */
void
nb_line_add_cell_token (NbLine         *line,
                        const char     *text,
                        const NbSource *source,
                        guint           cell)
{
  NbToken token = { g_strdup (text), *source, cell };

  g_array_append_val (line->tokens, token);
}

gboolean
nb_line_is_blank (const NbLine *line)
{
  return line->tokens->len == 0;
}

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == '|';
}

/* "-1-", "— 2 —", "第 3 页", "第3页 共5页", "3 / 5", "3": a page's number,
 * printed on every page and never content. */
gboolean
nb_text_is_page_number (const char *text)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const char *p;

  for (p = text; *p; p++)
    if (*p != ' ' && *p != '\t')
      g_string_append_c (key, *p);

  if (key->len == 0 || key->len > 24)
    return FALSE;

  p = key->str;
  if (g_str_has_prefix (p, "第"))
    {
      p += strlen ("第");
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (!g_str_has_prefix (p, "页"))
        return FALSE;
      p += strlen ("页");
      if (g_str_has_prefix (p, "共"))
        {
          p += strlen ("共");
          while (g_ascii_isdigit (*p))
            p++;
          if (g_str_has_prefix (p, "页"))
            p += strlen ("页");
        }
      return *p == '\0';
    }

  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    p += (*p == '-') ? 1 : strlen ("—");
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '/')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '\0';
    }
  /* A bare number is a page number only when dashes frame it: a line "0"
   * can be a value of a table. */
  if (p == key->str + strspn (key->str, "0123456789"))
    return FALSE;
  while (*p == '-' || g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    p += (*p == '-') ? 1 : strlen ("—");
  return *p == '\0';
}

/* Which separator makes the cells of a pasted table row: a tab, or a "|"
 * (pipe tables, as converters write them).  0: not a table row. */
static gunichar
cell_separator (const char *text)
{
  if (strchr (text, '\t') != NULL)
    return '\t';
  if (strchr (text, '|') != NULL)
    return '|';
  return 0;
}

/* A line of a text file: tokens are split at spaces, tabs and "|", the
 * three ways pasted tables separate their cells.  Where tabs or pipes
 * separate the line, each token also knows its cell: every separator
 * starts a new one, so an empty field is a cell of its own (a blank cell
 * of the table) and leading tabs count.  A pipe row's opening "|" only
 * opens its first cell, as in Markdown. */
NbLine *
nb_line_new_from_text (const char *raw,
                       gsize       length,
                       guint       line_number)
{
  NbLine *line = nb_line_new ();
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *normal = nb_normalize_text (raw, length, map);
  GString *joined = g_string_sized_new (strlen (normal));
  const char *p = normal;
  guint char_index = 0;
  guint n_chars;
  gunichar separator = cell_separator (normal);
  guint cell = separator ? 1 : 0;
  gboolean cell_has_text = FALSE;

  line->prose = nb_normalize_prose (raw, length);
  line->source.line = line_number;
  line->source.column = 1;
  line->source.length = g_utf8_strlen (raw, length);
  n_chars = map->len;

  for (const char *q = raw; q < raw + length && (*q == ' ' || *q == '\t' || *q == '\f'); q++)
    line->indent += (*q == '\t') ? 4 : 1;
  if (length >= 3 && memcmp (raw, "\xe3\x80\x80", 3) == 0)
    line->indent += 2;

  if (separator == '|')
    {
      const char *q = normal + strspn (normal, " ");

      if (*q == '|')
        cell = 0;
    }

  while (*p)
    {
      const char *start;
      guint start_index;
      NbSource source = { 0 };
      guint first, last;

      while (*p && is_separator (g_utf8_get_char (p)))
        {
          if (separator != 0 && *p == (char) separator)
            {
              cell++;
              cell_has_text = FALSE;
            }
          p = g_utf8_next_char (p);
          char_index++;
        }
      if (*p == '\0')
        break;
      /* One more than the stream takes, so that it refuses the line. */
      if (line->tokens->len > NB_LINE_STREAM_MAX_TOKENS)
        break;

      start = p;
      start_index = char_index;
      while (*p && !is_separator (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          char_index++;
        }

      first = g_array_index (map, guint, start_index);
      last = g_array_index (map, guint, MIN (char_index, n_chars) - 1);
      source.line = line_number;
      source.column = first + 1;
      source.length = last - first + 1;

      {
        g_autofree char *text = g_strndup (start, p - start);

        nb_line_add_cell_token (line, text, &source, cell);
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, text);
        cell_has_text = TRUE;
      }
    }

  /* A closing "|" (or tab) ends the last cell, it opens none. */
  if (separator != 0)
    line->n_cells = cell_has_text ? cell : MAX (cell, 1) - 1;
  line->text = g_string_free (joined, FALSE);
  line->furniture = nb_text_is_page_number (line->text);
  return line;
}
