/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-source.h"
#include "nb-source-document.h"

G_BEGIN_DECLS

typedef enum
{
  NB_ZOOM_IN,
  NB_ZOOM_OUT,
  NB_ZOOM_RESET,
} NbZoom;

/* What the view shows. */
typedef enum
{
  NB_SOURCE_VIEW_EMPTY,
  NB_SOURCE_VIEW_TEXT,
  NB_SOURCE_VIEW_PDF,
} NbSourceViewKind;

#define NB_TYPE_SOURCE_VIEW_KIND (nb_source_view_kind_get_type ())
GType nb_source_view_kind_get_type (void) G_GNUC_CONST;

#define NB_TYPE_SOURCE_VIEW (nb_source_view_get_type ())

G_DECLARE_FINAL_TYPE (NbSourceView, nb_source_view, NB, SOURCE_VIEW, GtkWidget)

/* The original document beside the data: a text as text, a PDF as its
 * rendered pages.  It shows an NbSourceDocument that the document opened;
 * it never reads or writes a file itself.
 *
 * Properties: "document" (NbSourceDocument), "zoom" (double, 0.25–4,
 * PDFs), "kind" (read-only NbSourceViewKind), "n-pages" (read-only uint).
 * Actions: "source.zoom-in", "source.zoom-out", "source.zoom-reset". */

GtkWidget       *nb_source_view_new                  (void);
NbSourceDocument *nb_source_view_get_document        (NbSourceView         *self);
void             nb_source_view_set_document         (NbSourceView         *self,
                                                      NbSourceDocument     *document);
void             nb_source_view_highlight            (NbSourceView         *self,
                                                      const NbSource       *source);
const NbSource  *nb_source_view_get_highlight        (NbSourceView         *self);
char            *nb_source_view_dup_highlighted_text (NbSourceView         *self);
gboolean         nb_source_view_get_highlight_rect   (NbSourceView         *self,
                                                      guint                *page,
                                                      graphene_rect_t      *rect);
double           nb_source_view_get_zoom             (NbSourceView         *self);
void             nb_source_view_set_zoom             (NbSourceView         *self,
                                                      double                zoom);
void             nb_source_view_zoom                 (NbSourceView         *self,
                                                      NbZoom                step);
NbSourceViewKind nb_source_view_get_kind             (NbSourceView         *self);

G_END_DECLS
