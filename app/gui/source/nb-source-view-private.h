/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-pdf-page.h"
#include "nb-source-view.h"

G_BEGIN_DECLS

/* The source view's rooms share its struct:
 *   nb-source-view.c        the class, its properties and public calls, the worker
 *   nb-source-view-text.c   a text source: the text view and its highlight
 *   nb-source-view-pages.c  a PDF: the column of pages, what to render,
 *                           scrolling to a point, zoom and its highlight */

#define ZOOM_MIN           0.25
#define ZOOM_MAX           4.0
#define ZOOM_STEP          1.2
#define PAGE_SPACING       12     /* between pages, logical pixels */
#define PAGE_MARGIN        12     /* around the column of pages */

struct _NbSourceView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;      /* kind TEXT */
  GtkWidget         *pages_box;      /* kind PDF: the NbPdfPages */

  GThreadPool       *worker;         /* one thread: renders in the order asked */

  NbSourceDocument  *document;
  NbSourceViewKind   kind;
  GArray            *line_starts;    /* text: guint, character offset of each line */
  guint              n_chars;
  GPtrArray         *pages;          /* pdf: NbPdfPage, owned by pages_box */
  GArray            *offsets;        /* pdf: int, y of each page at the zoom; n + 1 */
  int                content_width;  /* pdf: natural width of the column */
  double             zoom;

  NbSource          *highlight;
  int                highlight_page; /* 0-based, or -1 */

  /* A point of a page to bring to a place of the viewport once the layout
   * has caught up with a zoom or a highlight. */
  gboolean           scroll_pending;
  guint              scroll_page;
  double             scroll_doc_x;   /* points from the page's corner */
  double             scroll_doc_y;
  double             scroll_view_x;  /* fraction of the viewport */
  double             scroll_view_y;

  guint              text_scroll_tick;
  guint              text_scroll_frames;

  gboolean           has_pointer;
  double             pointer_x;
  double             pointer_y;
};

/* nb-source-view.c */
void          _nb_source_view_push_work         (gpointer          self,
                                                 GTask            *task,
                                                 NbWorkFunc        func);
void          _nb_source_view_update_actions    (NbSourceView     *self);
void          _nb_source_view_notify_zoom       (NbSourceView     *self);

/* nb-source-view-text.c */
void          _nb_source_view_show_text         (NbSourceView     *self);
void          _nb_source_view_highlight_text    (NbSourceView     *self);
void          _nb_source_view_stop_text_scroll  (NbSourceView     *self);

/* nb-source-view-pages.c */
gboolean      _nb_source_view_is_pdf_shown      (NbSourceView     *self);
void          _nb_source_view_show_pages        (NbSourceView     *self);
void          _nb_source_view_clear_pages       (NbSourceView     *self);
void          _nb_source_view_highlight_page    (NbSourceView     *self);
void          _nb_source_view_update_visible_pages (NbSourceView  *self);
void          _nb_source_view_set_zoom_at       (NbSourceView     *self,
                                                 double            zoom,
                                                 double            x,
                                                 double            y);
void          _nb_source_view_init_pages        (NbSourceView     *self);

G_END_DECLS
