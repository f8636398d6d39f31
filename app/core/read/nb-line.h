/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nb-source.h"

G_BEGIN_DECLS

/* The line stream: what every reader (text, PDF, later HTML, DOCX, OCR)
 * turns its input into, and all the template matcher reads.  One NbLine
 * per visual line, its text normalised, split into tokens that each know
 * where in the source they are. */

/* No report has more lines or tokens than these: a document that does
 * is refused before it fills the memory (a line costs about 600 bytes). */
#define NB_LINE_STREAM_MAX_LINES  200000
#define NB_LINE_STREAM_MAX_TOKENS 1000000

typedef struct
{
  char     *text;         /* normalised */
  NbSource  source;
  guint     cell;         /* 1-based table cell it stands in (a tab or pipe field, an
                           * HTML or Word cell after spans are expanded); 0 when the
                           * reader knows no cells (PDF: see source.x and width) */
} NbToken;

typedef struct
{
  char     *text;         /* normalised (NFKC and folds), tokens joined by spaces */
  char     *prose;        /* the source's own text, look-alike ideographs repaired */
  NbSource  source;       /* the whole line */
  GArray   *tokens;       /* NbToken, in reading order */
  guint     indent;       /* leading blank, in columns (half an ideograph): paragraph breaks */
  guint     n_cells;      /* cells in this table row, empty ones included; 0: not known */
  guint     furniture : 1; /* page number, header or footer: not content */
} NbLine;

NbLine    *nb_line_new              (void);
NbLine    *nb_line_new_from_text    (const char     *raw,
                                     gsize           length,
                                     guint           line_number);
void       nb_line_free             (NbLine         *line);
void       nb_line_add_token        (NbLine         *line,
                                     const char     *text,
                                     const NbSource *source);
void       nb_line_add_cell_token   (NbLine         *line,
                                     const char     *text,
                                     const NbSource *source,
                                     guint           cell);
gboolean   nb_line_is_blank         (const NbLine   *line);
gboolean   nb_text_is_page_number   (const char     *text);
GPtrArray *nb_line_stream_new       (void);
gboolean   nb_line_stream_add       (GPtrArray      *lines,
                                     NbLine         *line,
                                     gsize          *n_tokens,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbLine, nb_line_free)

G_END_DECLS
