/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nb-source.h"

G_BEGIN_DECLS

/* The line stream: what every reader (text, PDF, later HTML, DOCX, OCR)
 * turns its input into, and all the template matcher reads.  One NbLine
 * per visual line, its text normalised, split into tokens that each know
 * where in the source they are. */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbLine, nb_line_free)

G_END_DECLS
