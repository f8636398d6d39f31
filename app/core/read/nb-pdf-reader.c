/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-pdf-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include "nb-error.h"
#include "nb-line.h"
#include "nb-normalize.h"
#include "nb-pdf-reader.h"
#include "nb-source-document-private.h"

/* The PDF reader: glyph boxes from Poppler's text layout, grouped by
 * geometry into visual lines (a row of a table is one line however the
 * producer ordered its text), split into tokens at the gaps between
 * cells.  Page numbers and running headers are marked as furniture.  Like
 * every reader it knows nothing of the template. */

typedef struct
{
  gunichar c;
  gboolean space_before;   /* the text layer has a space before it */
  double   x1, y1, x2, y2;
} Glyph;

typedef struct
{
  GArray *glyphs;     /* Glyph, sorted by x once the line is complete */
  GTree  *by_x;       /* 1 + index in glyphs, ordered by x1; 0 is the probe */
  double  probe_x;
  double  max_width;
  double  y_sum;
  double  height_sum;
} LineBuilder;

/* Coordinates beyond this are nonsense (a page is at most 14,400 points),
 * kept within it so no cast overflows. */
#define MAX_COORDINATE 1e6
/* At most this many glyphs of a line are looked at for one glyph's
 * overlap, so grouping stays near-linear however a line is made. */
#define MAX_OVERLAP_CANDIDATES 64

static double
glyph_height (const Glyph *g)
{
  return MAX (g->y2 - g->y1, 1.0);
}

static double
glyph_center (const Glyph *g)
{
  return (g->y1 + g->y2) / 2;
}

static int
compare_center (gconstpointer a,
                gconstpointer b)
{
  double ca = glyph_center (a), cb = glyph_center (b);

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1 ? 1 : 0;
}

static int
compare_line_y (gconstpointer a,
                gconstpointer b)
{
  const LineBuilder *la = *(const LineBuilder *const *) a;
  const LineBuilder *lb = *(const LineBuilder *const *) b;
  double ya = la->y_sum / la->glyphs->len, yb = lb->y_sum / lb->glyphs->len;

  return ya < yb ? -1 : ya > yb ? 1 : 0;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xA0;
}

static gboolean
is_ascii_word (gunichar c)
{
  return c < 0x80 && (g_ascii_isalnum (c) || c == '.' || c == ',' || c == '%');
}

/* Glyphs of one page, in Poppler's order, without spaces and without the
 * doubled glyphs some producers print for a bold effect. */
static GArray *
page_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p;
  guint i = 0;
  gboolean space = FALSE;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return glyphs;

  for (p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      Glyph g = { g_utf8_get_char (p), space, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      char key[64];

      space = g.c == ' ' || g.c == 0x3000 || g.c == 0xA0;
      if (is_space (g.c) || g.c == 0xFFFD)
        continue;
      if (!isfinite (g.x1) || !isfinite (g.y1) || !isfinite (g.x2) || !isfinite (g.y2))
        continue;
      g.x1 = CLAMP (g.x1, -MAX_COORDINATE, MAX_COORDINATE);
      g.x2 = CLAMP (g.x2, -MAX_COORDINATE, MAX_COORDINATE);
      g.y1 = CLAMP (g.y1, -MAX_COORDINATE, MAX_COORDINATE);
      g.y2 = CLAMP (g.y2, -MAX_COORDINATE, MAX_COORDINATE);
      if (g.x2 < g.x1)
        {
          double t = g.x1;
          g.x1 = g.x2, g.x2 = t;
        }
      if (g.y2 < g.y1)
        {
          double t = g.y1;
          g.y1 = g.y2, g.y2 = t;
        }

      g_snprintf (key, sizeof key, "%u:%d:%d", g.c, (int) round (g.x1), (int) round (g.y1));
      if (!g_hash_table_add (seen, g_strdup (key)))
        continue;

      g_array_append_val (glyphs, g);
    }

  return glyphs;
}

static int
compare_x_key (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const LineBuilder *line = user_data;
  guint ia = GPOINTER_TO_UINT (a), ib = GPOINTER_TO_UINT (b);
  double xa = ia ? g_array_index (line->glyphs, Glyph, ia - 1).x1 : line->probe_x;
  double xb = ib ? g_array_index (line->glyphs, Glyph, ib - 1).x1 : line->probe_x;

  if (xa != xb)
    return xa < xb ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static LineBuilder *
line_builder_new (void)
{
  LineBuilder *line = g_new0 (LineBuilder, 1);

  line->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  line->by_x = g_tree_new_full (compare_x_key, line, NULL, NULL);
  return line;
}

static void
line_builder_add (LineBuilder *line,
                  const Glyph *g)
{
  g_array_append_val (line->glyphs, *g);
  g_tree_insert (line->by_x, GUINT_TO_POINTER (line->glyphs->len), NULL);
  line->max_width = MAX (line->max_width, g->x2 - g->x1);
  line->y_sum += glyph_center (g);
  line->height_sum += glyph_height (g);
}

/* Whether @g would sit on a glyph of @line from another baseline.  Glyphs
 * of one baseline may overlap: justified text squeezes full-width
 * punctuation into its neighbour's box.  Only the glyphs whose x range
 * can meet @g's are looked at: those starting at most the line's widest
 * glyph before it. */
static gboolean
overlaps_line (LineBuilder *line,
               const Glyph *g)
{
  GTreeNode *node;
  guint n = 0;

  line->probe_x = g->x1 - line->max_width;
  for (node = g_tree_lower_bound (line->by_x, GUINT_TO_POINTER (0));
       node != NULL && n < MAX_OVERLAP_CANDIDATES;
       node = g_tree_node_next (node), n++)
    {
      const Glyph *other = &g_array_index (line->glyphs, Glyph,
                                           GPOINTER_TO_UINT (g_tree_node_key (node)) - 1);
      double overlap = MIN (other->x2, g->x2) - MAX (other->x1, g->x1);

      if (other->x1 >= g->x2)
        break;
      if (overlap > 0.3 * MIN (other->x2 - other->x1, g->x2 - g->x1) &&
          fabs (glyph_center (other) - glyph_center (g)) > 0.15 * MIN (glyph_height (other), glyph_height (g)))
        return TRUE;
    }
  return FALSE;
}

/* Glyphs whose vertical centres are within half a line of each other are
 * one visual line, unless they would sit on top of each other: in a
 * narrow table cell two wrapped lines of a label are that close, and the
 * values beside them in between. */
static GPtrArray *
group_lines (GArray *glyphs)
{
  GPtrArray *lines = g_ptr_array_new ();

  g_array_sort (glyphs, compare_center);

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      double center = glyph_center (g);
      LineBuilder *target = NULL;

      /* Only the last few lines can still be close enough. */
      for (guint k = lines->len; k > 0 && k + 4 > lines->len; k--)
        {
          LineBuilder *line = g_ptr_array_index (lines, k - 1);
          double line_center = line->y_sum / line->glyphs->len;
          double line_height = line->height_sum / line->glyphs->len;

          if (fabs (center - line_center) <= 0.45 * MAX (line_height, glyph_height (g)) &&
              !overlaps_line (line, g))
            {
              target = line;
              break;
            }
        }

      if (target == NULL)
        {
          target = line_builder_new ();
          g_ptr_array_add (lines, target);
        }
      line_builder_add (target, g);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      LineBuilder *line = g_ptr_array_index (lines, i);

      g_clear_pointer (&line->by_x, g_tree_destroy);
      g_array_sort (line->glyphs, compare_x);
    }

  /* Reading order: top to bottom. */
  g_ptr_array_sort (lines, compare_line_y);
  return lines;
}

/* A new cell starts where the gap is wider than what separates characters
 * of one word: digits of one number touch, ideographs nearly so. */
static gboolean
splits_token (const Glyph *a,
              const Glyph *b,
              double       height)
{
  double gap = b->x1 - a->x2;

  /* Digits of one number touch (their boxes are their advances); in a
   * compact table the numbers of two neighbouring cells may stand much
   * closer than the line's height, but rarely touch. */
  if (g_unichar_isdigit (a->c) && g_unichar_isdigit (b->c))
    return gap > MIN (0.3 * height, 0.25 * MIN (a->x2 - a->x1, b->x2 - b->x1));
  return gap > 0.6 * height;
}

static void
append_unichar (GString  *s,
                gunichar  c)
{
  g_string_append_unichar (s, c);
}

static NbLine *
make_line (LineBuilder *builder,
           guint        page_number,
           double       left_margin)
{
  NbLine *line = nb_line_new ();
  GArray *glyphs = builder->glyphs;
  double height = builder->height_sum / glyphs->len;
  g_autoptr(GString) prose = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) token = g_string_new (NULL);
  NbSource token_source = { 0 };
  guint start = 0;

  /* The line's rectangle grows from its first token's (set in the loop). */
  /* Indent in half ideograph widths, the columns of a monospaced text:
   * a paragraph's first line has about 4. */
  {
    double em_sum = 0;
    guint n_em = 0;

    for (guint i = 0; i < glyphs->len; i++)
      if (nb_unichar_is_han (g_array_index (glyphs, Glyph, i).c))
        {
          em_sum += g_array_index (glyphs, Glyph, i).x2 - g_array_index (glyphs, Glyph, i).x1;
          n_em++;
        }
    line->indent = (guint) MAX (0, round (2 * (g_array_index (glyphs, Glyph, 0).x1 - left_margin) /
                                          MAX (n_em ? em_sum / n_em : height, 1)));
  }

  for (guint i = 0; i <= glyphs->len; i++)
    {
      const Glyph *g = i < glyphs->len ? &g_array_index (glyphs, Glyph, i) : NULL;
      const Glyph *prev = i > 0 ? &g_array_index (glyphs, Glyph, i - 1) : NULL;

      if (prev != NULL && (g == NULL || splits_token (prev, g, height)))
        {
          g_autofree char *normal = nb_normalize_text (token->str, token->len, NULL);

          token_source.page = page_number;
          nb_line_add_token (line, normal, &token_source);
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, normal);
          g_string_truncate (token, 0);
          start = i;
        }
      if (g == NULL)
        break;

      /* Prose keeps a space only where Latin words or numbers meet. */
      if (prev != NULL && (g->space_before ||
                           (g->x1 - prev->x2 > 0.25 * height &&
                            (is_ascii_word (prev->c) || is_ascii_word (g->c)))))
        g_string_append_c (prose, ' ');
      append_unichar (prose, g->c);
      append_unichar (token, g->c);

      if (i == start)
        {
          token_source.page = page_number;
          token_source.x = g->x1;
          token_source.y = g->y1;
          token_source.width = g->x2 - g->x1;
          token_source.height = g->y2 - g->y1;
        }
      else
        {
          double x2 = MAX (token_source.x + token_source.width, g->x2);
          double y2 = MAX (token_source.y + token_source.height, g->y2);

          token_source.x = MIN (token_source.x, g->x1);
          token_source.y = MIN (token_source.y, g->y1);
          token_source.width = x2 - token_source.x;
          token_source.height = y2 - token_source.y;
        }
      nb_source_union (&line->source, &token_source);
    }

  line->text = g_string_free (g_steal_pointer (&joined), FALSE);
  line->prose = nb_normalize_prose (prose->str, prose->len);
  line->furniture = nb_text_is_page_number (line->text);
  return line;
}

static void
line_builder_free (gpointer data)
{
  LineBuilder *builder = data;

  g_array_unref (builder->glyphs);
  g_clear_pointer (&builder->by_x, g_tree_destroy);
  g_free (builder);
}

static gboolean
read_page (PopplerPage  *page,
           guint         page_number,
           GPtrArray    *out,
           gsize        *n_tokens,
           GError      **error)
{
  g_autoptr(GArray) glyphs = page_glyphs (page);
  g_autoptr(GPtrArray) builders = NULL;
  double left_margin = G_MAXDOUBLE;

  if (glyphs->len == 0)
    return TRUE;

  builders = group_lines (glyphs);
  g_ptr_array_set_free_func (builders, line_builder_free);

  /* The text's left edge: where the leftmost line starts.  Paragraph
   * breaks compare indents within a section, so a table that sticks out
   * only shifts every line alike. */
  for (guint i = 0; i < builders->len; i++)
    left_margin = MIN (left_margin,
                       g_array_index (((LineBuilder *) g_ptr_array_index (builders, i))->glyphs,
                                      Glyph, 0).x1);

  for (guint i = 0; i < builders->len; i++)
    if (!nb_line_stream_add (out, make_line (g_ptr_array_index (builders, i), page_number, left_margin),
                             n_tokens, error))
      return FALSE;
  return TRUE;
}

/* A line printed at the top or bottom of several pages with the same text
 * is a running header or footer. */
static void
mark_running_lines (GPtrArray *lines,
                    guint      n_pages,
                    double     page_height)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  if (n_pages < 2)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      NbLine *line = g_ptr_array_index (lines, i);

      if (line->source.y < 0.08 * page_height || line->source.y > 0.92 * page_height)
        g_hash_table_insert (counts, line->text,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->text)) + 1));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      NbLine *line = g_ptr_array_index (lines, i);

      if ((line->source.y < 0.08 * page_height || line->source.y > 0.92 * page_height) &&
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->text)) >= 2)
        line->furniture = TRUE;
    }
}

/* Through the descriptor g_file_open_tmp () made 0600: the copy of an
 * encrypted PDF stays private (g_file_set_contents () would replace it
 * with a file anyone may read). */
static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n, length -= n;
    }
  return TRUE;
}

PopplerDocument *
nb_pdf_open (GBytes      *bytes,
             const char  *password,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = NULL;

  if (password == NULL)
    document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  else
    {
      /* Poppler 22.12 retries a wrong password on a stream it has already
       * freed, and crashes, when it reads from memory; from a file the
       * retry is safe.  The copy is private and removed at once. */
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("nianbao-XXXXXX.pdf", &path, &local_error);

      if (fd >= 0)
        {
          gsize length;
          const char *data = g_bytes_get_data (bytes, &length);
          gboolean written = write_all (fd, data, length, &local_error);

          close (fd);
          if (written)
            {
              g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

              document = poppler_document_new_from_file (uri, password, &local_error);
            }
          g_unlink (path);
        }
    }

  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password != NULL)
        g_set_error (error, NB_ERROR, NB_ERROR_ENCRYPTED, _("The password of this PDF is not right"));
      else
        g_set_error (error, NB_ERROR, NB_ERROR_ENCRYPTED,
                     _("This PDF is protected by a password"));
    }
  else
    g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                 _("The PDF is damaged or incomplete and cannot be read (%s)"),
                 local_error ? local_error->message : _("unknown error"));
  return NULL;
}

/* The line stream of an opened PDF, a page at a time under the source
 * document's lock, so the source pane can draw pages meanwhile. */
GPtrArray *
nb_pdf_read_lines (NbSourceDocument       *source,
                   const NbImportOptions  *options,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  guint n_pages, first, last;
  double page_height = 842;
  guint pages_with_text = 0;
  gsize n_tokens = 0;

  g_assert (nb_source_document_get_kind (source) == NB_SOURCE_KIND_PDF);

  n_pages = nb_source_document_get_n_pages (source);
  first = options->first_page > 0 ? options->first_page : 1;
  last = options->last_page > 0 ? MIN (options->last_page, n_pages) : n_pages;
  if (first > n_pages)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   _("The PDF has %d pages; page %d does not exist"), (int) n_pages, (int) first);
      return NULL;
    }
  nb_source_document_get_page_size (source, first - 1, NULL, &page_height);

  lines = nb_line_stream_new ();
  for (guint p = first; p <= last; p++)
    {
      PopplerDocument *document;
      g_autoptr(PopplerPage) page = NULL;
      guint before = lines->len;
      gboolean ok = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (options->progress != NULL)
        options->progress ((double) (p - first) / (last - first + 1), options->progress_data);

      document = _nb_source_document_lock_pdf (source);
      page = poppler_document_get_page (document, p - 1);
      if (page != NULL)
        ok = read_page (page, p, lines, &n_tokens, error);
      g_clear_object (&page);
      _nb_source_document_unlock_pdf (source);
      if (!ok)
        return NULL;

      if (lines->len > before)
        pages_with_text++;
    }

  if (pages_with_text == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NO_TEXT,
                   _("This PDF is a scan: it has no text layer (reading scans needs OCR, "
                     "which Nianbao does not do yet)"));
      return NULL;
    }

  mark_running_lines (lines, last - first + 1, page_height);
  return g_steal_pointer (&lines);
}
