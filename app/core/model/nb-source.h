/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a value came from: a character range of a text line, or a rectangle
 * on a PDF page (points, origin top-left); for a web page or a Word file
 * also its table, row and column (the line is then one of the document's
 * text rendering).  Unused fields are zero. */
typedef struct
{
  guint  line;     /* 1-based; 0 when the source is not text */
  guint  column;   /* 1-based, in characters */
  guint  length;   /* in characters */
  guint  page;     /* 1-based; 0 when the source is not paged */
  double x;
  double y;
  double width;
  double height;
  guint  table;         /* 1-based table of an HTML or Word document; 0: none */
  guint  table_row;     /* 1-based row of that table */
  guint  table_column;  /* 1-based column, spans expanded */
} NbSource;

#define NB_TYPE_SOURCE (nb_source_get_type ())

GType     nb_source_get_type  (void) G_GNUC_CONST;
NbSource *nb_source_copy      (const NbSource *source);
void      nb_source_free      (NbSource       *source);
gboolean  nb_source_is_set    (const NbSource *source);
void      nb_source_union     (NbSource       *into,
                               const NbSource *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbSource, nb_source_free)

G_END_DECLS
