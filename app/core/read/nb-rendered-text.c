/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-rendered-text"

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "nb-rendered-text.h"

struct _NbRenderedText
{
  GString *text;
  GArray  *lines;          /* NbRenderedLine, one per line of text */
  guint    n_tables;
  guint    n_rows;         /* of the current table */
};

NbRenderedText *
nb_rendered_text_new (void)
{
  NbRenderedText *self = g_new0 (NbRenderedText, 1);

  self->text = g_string_new (NULL);
  self->lines = g_array_new (FALSE, TRUE, sizeof (NbRenderedLine));
  return self;
}

void
nb_rendered_text_free (NbRenderedText *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->lines);
  g_free (self);
}

static void
push_line (NbRenderedText       *self,
           const char           *text,
           const NbRenderedLine *info)
{
  static const NbRenderedLine prose = { 0 };

  if (self->lines->len > 0)
    g_string_append_c (self->text, '\n');
  g_string_append (self->text, text);
  g_array_append_vals (self->lines, info ? info : &prose, 1);
}

/* A line of its own: no tab or line break may hide inside it. */
static void
append_flat (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
separate_block (NbRenderedText *self)
{
  if (self->lines->len > 0)
    push_line (self, "", NULL);
}

void
nb_rendered_text_add_paragraph (NbRenderedText *self,
                                const char     *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  append_flat (flat, text);
  g_strstrip (flat->str);
  if (flat->str[0] == '\0')
    return;
  separate_block (self);
  push_line (self, flat->str, NULL);
}

void
nb_rendered_text_begin_table (NbRenderedText *self)
{
  self->n_tables++;
  self->n_rows = 0;
  separate_block (self);
}

/* @cells: NULL or "" for an empty cell (a span's other columns). */
void
nb_rendered_text_add_row (NbRenderedText  *self,
                          char           **cells,
                          guint            n_cells)
{
  g_autoptr(GString) row = g_string_new (NULL);
  NbRenderedLine info = { self->n_tables, ++self->n_rows, n_cells };
  gboolean empty = TRUE;

  g_return_if_fail (self->n_tables > 0);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (row, '\t');
      if (cells[i] != NULL)
        {
          gsize before = row->len;

          append_flat (row, cells[i]);
          if (strspn (row->str + before, " ") < row->len - before)
            empty = FALSE;
        }
    }
  /* A row of blank cells says nothing; it still counts as a row. */
  if (!empty)
    push_line (self, row->str, &info);
}

/* Returns the text; @lines receives what each of its lines is. */
char *
nb_rendered_text_finish (NbRenderedText  *self,
                         GArray         **lines)
{
  char *text = g_string_free (g_steal_pointer (&self->text), FALSE);

  *lines = g_steal_pointer (&self->lines);
  g_free (self);
  return text;
}

/* ---- Lines of a table row --------------------------------------------- */

/**
 * nb_cell_line_new:
 * @separator: '\t' (every tab starts a cell) or '|' (a pipe table: pipes
 *   at the ends of the row enclose it)
 *
 * A table row: the text reader's tokens, each told the cell it stands in,
 * empty cells counted.
 */
NbLine *
nb_cell_line_new (const char *raw,
                  gsize       length,
                  guint       line_number,
                  char        separator,
                  guint       table,
                  guint       row)
{
  NbLine *line = nb_line_new_from_text (raw, length, line_number);
  g_autoptr(GArray) field_of = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean leading = FALSE, trailing = FALSE;
  guint n_separators = 0;
  guint n_cells;

  if (separator == '|')
    {
      gsize start = 0, end = length;

      while (start < length && (raw[start] == ' ' || raw[start] == '\t'))
        start++;
      while (end > start && (raw[end - 1] == ' ' || raw[end - 1] == '\t'))
        end--;
      leading = start < end && raw[start] == '|';
      trailing = end > start + 1 && raw[end - 1] == '|';
    }

  for (const char *p = raw; p < raw + length; p = g_utf8_next_char (p))
    {
      guint field = n_separators + (leading ? 0 : 1);

      if (*p == separator)
        n_separators++;
      g_array_append_val (field_of, field);
    }

  n_cells = n_separators + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
  line->n_cells = MAX (n_cells, 1);
  line->source.table = table;
  line->source.table_row = row;

  for (guint i = 0; i < line->tokens->len; i++)
    {
      NbToken *token = &g_array_index (line->tokens, NbToken, i);
      guint index = token->source.column > 0 ? token->source.column - 1 : 0;
      guint cell = index < field_of->len ? g_array_index (field_of, guint, index) : line->n_cells;

      token->cell = CLAMP (cell, 1, line->n_cells);
      token->source.table = table;
      token->source.table_row = row;
      token->source.table_column = token->cell;
    }
  return line;
}

/* The line stream of a rendering: rows as rows, the rest as text lines. */
GPtrArray *
nb_rendered_text_read_lines (const char *text,
                             GArray     *lines)
{
  GPtrArray *stream = nb_line_stream_new ();
  const char *p = text;

  for (guint index = 0;; index++)
    {
      const char *end = strchr (p, '\n');
      gsize length = end ? (gsize) (end - p) : strlen (p);
      const NbRenderedLine *info = index < lines->len
                                   ? &g_array_index (lines, NbRenderedLine, index) : NULL;

      if (info != NULL && info->table > 0)
        {
          NbLine *line = nb_cell_line_new (p, length, index + 1, '\t', info->table, info->row);

          line->n_cells = info->n_cells;
          g_ptr_array_add (stream, line);
        }
      else
        g_ptr_array_add (stream, nb_line_new_from_text (p, length, index + 1));

      if (end == NULL)
        break;
      p = end + 1;
    }
  return stream;
}

/* ---- Text of markup ----------------------------------------------------- */

static gboolean
is_blank_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == 0xA0 || c == 0x3000 || c == 0x200B;
}

static gboolean
is_wide (gunichar c)
{
  return c >= 0x2E80;
}

/**
 * nb_text_append_collapsed:
 * @pending_space: (inout): a blank seen and not yet written
 *
 * Appends markup's text as a reader sees it: runs of blanks are one space,
 * and none is kept between two ideographs (a line break in the markup
 * inside a Chinese sentence is no space).
 */
void
nb_text_append_collapsed (GString    *out,
                          const char *text,
                          gssize      length,
                          gboolean   *pending_space)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank_char (c))
        {
          *pending_space = TRUE;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        continue;
      if (*pending_space && out->len > 0)
        {
          gunichar last = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));

          if (last != ' ' && !(is_wide (last) && is_wide (c)))
            g_string_append_c (out, ' ');
        }
      *pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
}

/* libxml2 sets itself up once, before any thread parses. */
void
nb_xml_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* The node after @node in document order, within @root; @descend FALSE
 * skips @node's children.  No recursion: markup may nest deep. */
xmlNode *
nb_xml_next_node (xmlNode  *node,
                  xmlNode  *root,
                  gboolean  descend)
{
  if (descend && node->children != NULL)
    return node->children;
  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}
