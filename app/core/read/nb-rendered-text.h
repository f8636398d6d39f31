/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "nb-line.h"

G_BEGIN_DECLS

/* The text rendering of a structured document (a web page, a Word file):
 * one line per paragraph, one line per table row with its cells between
 * tabs, a blank line between blocks.  The source pane shows this text and
 * the line stream is made from it, so a value's line and column are where
 * the pane highlights it.  Each line knows whether it is a table row. */

typedef struct
{
  guint table;      /* 1-based; 0: not a table row */
  guint row;        /* 1-based row of the table */
  guint n_cells;    /* cells of the row, spans expanded */
} NbRenderedLine;

typedef struct _NbRenderedText NbRenderedText;

NbRenderedText *nb_rendered_text_new            (void);
void            nb_rendered_text_free           (NbRenderedText  *self);
void            nb_rendered_text_add_paragraph  (NbRenderedText  *self,
                                                 const char      *text);
void            nb_rendered_text_begin_table    (NbRenderedText  *self);
void            nb_rendered_text_add_row        (NbRenderedText  *self,
                                                 char           **cells,
                                                 guint            n_cells);
char           *nb_rendered_text_finish         (NbRenderedText  *self,
                                                 GArray         **lines);

GPtrArray      *nb_rendered_text_read_lines     (const char      *text,
                                                 GArray          *lines);
NbLine         *nb_cell_line_new                (const char      *raw,
                                                 gsize            length,
                                                 guint            line_number,
                                                 char             separator,
                                                 guint            table,
                                                 guint            row);

void            nb_xml_init                     (void);
xmlNode        *nb_xml_next_node                (xmlNode         *node,
                                                 xmlNode         *root,
                                                 gboolean         descend);
void            nb_text_append_collapsed        (GString         *out,
                                                 const char      *text,
                                                 gssize           length,
                                                 gboolean        *pending_space);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbRenderedText, nb_rendered_text_free)

G_END_DECLS
