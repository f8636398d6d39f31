/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-matcher"

#include "config.h"

#include <string.h>

#include "nb-matcher-private.h"
#include "nb-normalize.h"

/* The prose of the six sections: sentences, never table lines. */

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
  if (_nb_matcher_split_values (line, &has_number) < line->tokens->len)
    return FALSE;
  key = nb_normalize_match_key (line->text);
  return !_nb_matcher_is_header_text (key);
}

/* Prose of a section, paragraphs joined by "\n".  Layout text (pdftotext,
 * PDFs) wraps paragraphs and indents their first line; pasted text has one
 * paragraph per line. */
char *
_nb_matcher_collect_prose (NbMatcher *m,
                           guint      begin,
                           guint      end,
                           gboolean   prose_only)
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
