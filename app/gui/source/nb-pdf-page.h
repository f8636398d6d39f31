/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-source-document.h"

G_BEGIN_DECLS

#define NB_TYPE_PDF_PAGE (nb_pdf_page_get_type ())

G_DECLARE_FINAL_TYPE (NbPdfPage, nb_pdf_page, NB, PDF_PAGE, GtkWidget)

/* One page of a PDF in the source pane: a placeholder of the page's size
 * until its texture arrives, then the texture, and the highlighted
 * rectangle over it.  The source view hands it the queue its rendering
 * runs on, so that pages render one at a time, in the order asked.
 *
 * Properties: "index" (0-based), "texture" (both read-only). */

/* Queues a task's work (func) on the source view's worker thread. */
typedef void (*NbWorkFunc) (GTask        *task,
                            gpointer      task_data,
                            GCancellable *cancellable);
typedef void (*NbWorkQueue) (gpointer     queue,
                             GTask       *task,
                             NbWorkFunc   func);

GtkWidget *nb_pdf_page_new             (guint                  index,
                                        double                 width,
                                        double                 height,
                                        double                 zoom);
guint      nb_pdf_page_get_index       (NbPdfPage             *self);
double     nb_pdf_page_get_width       (NbPdfPage             *self);
double     nb_pdf_page_get_height      (NbPdfPage             *self);
void       nb_pdf_page_set_zoom        (NbPdfPage             *self,
                                        double                 zoom);
void       nb_pdf_page_set_highlight   (NbPdfPage             *self,
                                        const graphene_rect_t *rect);
gboolean   nb_pdf_page_get_highlight   (NbPdfPage             *self,
                                        graphene_rect_t       *rect);
void       nb_pdf_page_request_render  (NbPdfPage             *self,
                                        NbSourceDocument      *document,
                                        int                    scale_factor,
                                        NbWorkQueue            queue,
                                        gpointer               queue_data);
void       nb_pdf_page_cancel_render   (NbPdfPage             *self);
void       nb_pdf_page_drop            (NbPdfPage             *self);

/* Pixels of a length in points at a zoom, never 0. */
int        nb_pdf_page_pixels          (double                 points,
                                        double                 zoom);

G_END_DECLS
