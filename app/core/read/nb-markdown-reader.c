/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-markdown-reader"

#include "config.h"

#include <string.h>

#include "nb-markdown-reader.h"
#include "nb-rendered-text.h"

/* The Markdown reader: text as PDF-to-Markdown converters write it.  Pipe
 * tables are rows with their cells counted (empty ones too); the
 * delimiter rows (|---|) go; a table cut into pieces (at page breaks) is
 * one table, and a header row repeated by a piece goes; a row broken over
 * lines is one row.  Headings, emphasis and <br> are markup, not text:
 * they are blanked in place, so columns still point into the file. */

#define MAX_CONTINUATION 5

typedef struct
{
  const char *start;
  gsize       length;
} Span;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static Span
trimmed (const char *start,
         gsize       length)
{
  Span span = { start, length };

  while (span.length > 0 && is_space (span.start[0]))
    span.start++, span.length--;
  while (span.length > 0 && is_space (span.start[span.length - 1]))
    span.length--;
  return span;
}

/* "|---|:--:|": only pipes, dashes, colons and blanks, a pipe and a dash. */
static gboolean
is_delimiter (const char *line,
              gsize       length)
{
  gboolean pipe = FALSE, dash = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '|')
        pipe = TRUE;
      else if (line[i] == '-')
        dash = TRUE;
      else if (line[i] != ':' && !is_space (line[i]))
        return FALSE;
    }
  return pipe && dash;
}

static gboolean
starts_row (const char *line,
            gsize       length)
{
  Span span = trimmed (line, length);

  return span.length > 0 && span.start[0] == '|';
}

static gboolean
ends_row (const char *line,
          gsize       length)
{
  Span span = trimmed (line, length);

  return span.length > 0 && span.start[span.length - 1] == '|';
}

/* A copy with Markdown's markup blanked, each byte by a space. */
static char *
blank_markup (const char *line,
              gsize       length,
              gboolean    row)
{
  static const char *const breaks[] = { "<br />", "<br/>", "<br>", "<BR>", NULL };
  char *copy = g_strndup (line, length);
  gsize i = 0;

  while (i < length && is_space (copy[i]))
    i++;
  if (!row)
    {
      /* "## heading", "> quote"; a "- 4 -" is a page number, no list */
      while (i < length && (copy[i] == '#' || copy[i] == '>'))
        copy[i++] = ' ';
    }
  for (char *p = copy; *p; p++)
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        p[0] = p[1] = ' ';
      for (guint b = 0; breaks[b]; b++)
        if (g_str_has_prefix (p, breaks[b]))
          memset (p, ' ', strlen (breaks[b]));
    }
  return copy;
}

/* The continuation of a row broken over lines joins its last cell. */
static void
append_continuation (NbLine       *line,
                     const NbLine *more)
{
  guint offset = line->n_cells - 1;
  char *text, *prose;

  for (guint i = 0; i < more->tokens->len; i++)
    {
      NbToken *token = &g_array_index (more->tokens, NbToken, i);
      NbSource source = token->source;

      source.table_column = token->cell + offset;
      nb_line_add_cell_token (line, token->text, &source, token->cell + offset);
    }
  line->n_cells = offset + more->n_cells;
  text = g_strjoin (" ", line->text, more->text, NULL);
  prose = g_strconcat (line->prose, more->prose, NULL);
  g_free (line->text);
  g_free (line->prose);
  line->text = text;
  line->prose = prose;
}

gboolean
nb_markdown_looks_like (const char *text)
{
  for (const char *p = text; *p;)
    {
      const char *end = strchr (p, '\n');
      gsize length = end ? (gsize) (end - p) : strlen (p);

      if (is_delimiter (p, length))
        return TRUE;
      if (end == NULL)
        break;
      p = end + 1;
    }
  return FALSE;
}

GPtrArray *
nb_markdown_read_lines (const char *text)
{
  GPtrArray *stream = nb_line_stream_new ();
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  g_autofree char *header = NULL;    /* the current table's header row */
  guint n = g_strv_length (raw);
  guint table = 0, row = 0;
  gboolean in_table = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (raw[i]);
      gboolean is_row;
      g_autofree char *clean = NULL;
      NbLine *line;

      if (length > 0 && raw[i][length - 1] == '\r')
        raw[i][--length] = '\0';

      if (is_delimiter (raw[i], length))
        {
          /* The row above was a header: a piece that repeats it drops it. */
          NbLine *last = stream->len > 0 ? g_ptr_array_index (stream, stream->len - 1) : NULL;

          if (last != NULL && last->n_cells > 0)
            {
              if (header == NULL)
                header = g_strdup (last->text);
              else if (strcmp (header, last->text) == 0)
                {
                  g_ptr_array_remove_index (stream, stream->len - 1);
                  row--;
                }
            }
          continue;
        }

      is_row = starts_row (raw[i], length) || (in_table && memchr (raw[i], '|', length) != NULL);
      clean = blank_markup (raw[i], length, is_row);
      if (!is_row)
        {
          line = nb_line_new_from_text (clean, length, i + 1);
          line->indent = 0;
          /* Blank lines and page numbers between pieces keep the table open. */
          if (!nb_line_is_blank (line) && !line->furniture)
            in_table = FALSE;
          g_ptr_array_add (stream, line);
          continue;
        }

      if (!in_table)
        {
          table++;
          row = 0;
          g_clear_pointer (&header, g_free);
        }
      in_table = TRUE;
      line = nb_cell_line_new (clean, length, i + 1, '|', table, ++row);

      /* A row broken over lines: up to a line that ends the row. */
      if (starts_row (raw[i], length) && !ends_row (raw[i], length))
        for (guint k = i + 1; k < n && k <= i + MAX_CONTINUATION; k++)
          {
            gsize more_length = strlen (raw[k]);

            if (more_length > 0 && raw[k][more_length - 1] == '\r')
              raw[k][--more_length] = '\0';
            if (trimmed (raw[k], more_length).length == 0 || starts_row (raw[k], more_length) ||
                is_delimiter (raw[k], more_length))
              break;
            if (ends_row (raw[k], more_length))
              {
                for (guint j = i + 1; j <= k; j++)
                  {
                    g_autofree char *part = blank_markup (raw[j], strlen (raw[j]), TRUE);
                    g_autoptr(NbLine) more = nb_cell_line_new (part, strlen (raw[j]), j + 1, '|',
                                                               table, row);

                    append_continuation (line, more);
                  }
                i = k;
                break;
              }
          }
      g_ptr_array_add (stream, line);
    }
  return stream;
}
