/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-view"

#include "config.h"

#include <math.h>

#include "nb-source-view-private.h"

/* A PDF source: a column of NbPdfPages whose geometry is known before GTK
 * lays it out, so that a zoom or a highlight can scroll to a point of a
 * page at once.  Only the pages in view and their neighbours are
 * rendered; far ones drop their textures. */

#define RENDER_AROUND      1      /* pages rendered beyond the visible ones */
#define KEEP_AROUND        3      /* pages whose texture is kept beyond them */

static NbPdfPage *
get_page (NbSourceView *self,
          guint         index)
{
  return g_ptr_array_index (self->pages, index);
}

static void
request_render (NbSourceView *self,
                NbPdfPage    *page,
                int           scale_factor)
{
  nb_pdf_page_request_render (page, self->document, scale_factor, _nb_source_view_push_work, self);
}

static void
compute_offsets (NbSourceView *self)
{
  int y = PAGE_MARGIN;
  int width = 0;

  g_array_set_size (self->offsets, 0);
  for (guint i = 0; i < self->pages->len; i++)
    {
      NbPdfPage *page = get_page (self, i);

      g_array_append_val (self->offsets, y);
      y += nb_pdf_page_pixels (nb_pdf_page_get_height (page), self->zoom) + PAGE_SPACING;
      width = MAX (width, nb_pdf_page_pixels (nb_pdf_page_get_width (page), self->zoom));
    }
  g_array_append_val (self->offsets, y);
  self->content_width = width + 2 * PAGE_MARGIN;
}

static int
page_y (NbSourceView *self,
        guint         index)
{
  return g_array_index (self->offsets, int, index);
}

static int
content_height (NbSourceView *self)
{
  return page_y (self, self->pages->len) - PAGE_SPACING + PAGE_MARGIN;
}

/* The page at a height of the column (the one above, in a gap). */
static guint
page_at (NbSourceView *self,
         double        y)
{
  guint lo = 0, hi = self->pages->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (page_y (self, mid) <= y)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

static double
page_x (NbSourceView *self,
        guint         index,
        double        viewport_width)
{
  double column = MAX (viewport_width, self->content_width) - 2 * PAGE_MARGIN;
  int width = nb_pdf_page_pixels (nb_pdf_page_get_width (get_page (self, index)), self->zoom);

  return PAGE_MARGIN + floor ((column - width) / 2);
}

gboolean
_nb_source_view_is_pdf_shown (NbSourceView *self)
{
  return self->pages != NULL && self->pages->len > 0;
}

static double
pending_value (NbSourceView  *self,
               GtkAdjustment *adjustment,
               gboolean       vertical)
{
  double size = gtk_adjustment_get_page_size (adjustment);
  double upper = vertical ? MAX (size, content_height (self)) : MAX (size, self->content_width);
  double value;

  if (vertical)
    value = page_y (self, self->scroll_page) + self->scroll_doc_y * self->zoom
            - self->scroll_view_y * size;
  else
    value = page_x (self, self->scroll_page, size) + self->scroll_doc_x * self->zoom
            - self->scroll_view_x * size;
  return CLAMP (value, 0, MAX (0, upper - size));
}

/* Applies the pending scroll; it is done once GTK has laid out the column
 * at the current zoom, which the adjustments' bounds tell. */
static void
apply_pending_scroll (NbSourceView *self)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  int natural_width, natural_height;
  gboolean laid_out;

  if (!self->scroll_pending || !_nb_source_view_is_pdf_shown (self))
    return;

  gtk_widget_measure (self->pages_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
  gtk_widget_measure (self->pages_box, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural_height, NULL, NULL);
  laid_out = gtk_adjustment_get_page_size (vadj) > 0 &&
             fabs (gtk_adjustment_get_upper (vadj) -
                   MAX (natural_height, gtk_adjustment_get_page_size (vadj))) < 1 &&
             fabs (gtk_adjustment_get_upper (hadj) -
                   MAX (natural_width, gtk_adjustment_get_page_size (hadj))) < 1;

  gtk_adjustment_set_value (hadj, pending_value (self, hadj, FALSE));
  gtk_adjustment_set_value (vadj, pending_value (self, vadj, TRUE));
  if (laid_out)
    self->scroll_pending = FALSE;
}

static void
scroll_to_point (NbSourceView *self,
                 guint         page,
                 double        doc_x,
                 double        doc_y,
                 double        view_x,
                 double        view_y)
{
  self->scroll_pending = TRUE;
  self->scroll_page = page;
  self->scroll_doc_x = doc_x;
  self->scroll_doc_y = doc_y;
  self->scroll_view_x = view_x;
  self->scroll_view_y = view_y;
  apply_pending_scroll (self);
  _nb_source_view_update_visible_pages (self);
}

/* Renders the pages in view and their neighbours; forgets the far ones. */
void
_nb_source_view_update_visible_pages (NbSourceView *self)
{
  GtkAdjustment *vadj;
  double top, size;
  guint first, last, n;
  int scale_factor;

  if (!_nb_source_view_is_pdf_shown (self))
    return;

  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  size = gtk_adjustment_get_page_size (vadj);
  if (size <= 0)
    size = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 600);
  top = self->scroll_pending ? pending_value (self, vadj, TRUE) : gtk_adjustment_get_value (vadj);

  n = self->pages->len;
  first = page_at (self, top);
  last = page_at (self, top + size);
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* The visible ones first: the worker takes them in order. */
  for (guint i = first; i <= last; i++)
    request_render (self, get_page (self, i), scale_factor);
  for (guint d = 1; d <= RENDER_AROUND; d++)
    {
      if (last + d < n)
        request_render (self, get_page (self, last + d), scale_factor);
      if (first >= d)
        request_render (self, get_page (self, first - d), scale_factor);
    }

  for (guint i = 0; i < n; i++)
    if (i + KEEP_AROUND < first || i > last + KEEP_AROUND)
      nb_pdf_page_drop (get_page (self, i));
}

static void
on_adjustment_value_changed (NbSourceView  *self,
                             GtkAdjustment *adjustment)
{
  _nb_source_view_update_visible_pages (self);
}

static void
on_scale_factor_changed (NbSourceView *self,
                         GParamSpec   *pspec,
                         gpointer      user_data)
{
  _nb_source_view_update_visible_pages (self);
}

static void
on_adjustment_changed (NbSourceView  *self,
                       GtkAdjustment *adjustment)
{
  apply_pending_scroll (self);
  _nb_source_view_update_visible_pages (self);
}

void
_nb_source_view_show_pages (NbSourceView *self)
{
  guint n_pages = nb_source_document_get_n_pages (self->document);

  self->pages = g_ptr_array_sized_new (n_pages);
  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);

  for (guint i = 0; i < n_pages; i++)
    {
      double width, height;
      GtkWidget *page;

      nb_source_document_get_page_size (self->document, i, &width, &height);
      page = nb_pdf_page_new (i, width, height, self->zoom);

      gtk_box_append (GTK_BOX (self->pages_box), page);
      g_ptr_array_add (self->pages, page);
    }

  compute_offsets (self);
  gtk_scrolled_window_set_child (self->scroller, self->pages_box);
}

void
_nb_source_view_highlight_page (NbSourceView *self)
{
  const NbSource *source = self->highlight;
  graphene_rect_t rect;

  if (self->highlight_page >= 0)
    nb_pdf_page_set_highlight (get_page (self, self->highlight_page), NULL);
  self->highlight_page = -1;

  if (source == NULL || source->page == 0 || source->page > self->pages->len)
    return;

  graphene_rect_init (&rect, source->x, source->y,
                      MAX (source->width, 0), MAX (source->height, 0));
  self->highlight_page = source->page - 1;
  nb_pdf_page_set_highlight (get_page (self, self->highlight_page), &rect);

  /* The rectangle in the middle of the view. */
  scroll_to_point (self, self->highlight_page,
                   rect.origin.x + rect.size.width / 2,
                   rect.origin.y + rect.size.height / 2,
                   0.5, 0.5);
}

/* Zooms keeping the point of the document under (x, y) of the viewport,
 * or under its middle when x is negative. */
void
_nb_source_view_set_zoom_at (NbSourceView *self,
                             double        zoom,
                             double        x,
                             double        y)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  if (_nb_source_view_is_pdf_shown (self))
    {
      GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
      GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
      double width = gtk_adjustment_get_page_size (hadj);
      double height = gtk_adjustment_get_page_size (vadj);

      /* A pending scroll already names its point; keep it. */
      if (!self->scroll_pending && width > 0 && height > 0)
        {
          double cx, cy;
          guint page;

          if (x < 0)
            x = width / 2, y = height / 2;
          cx = gtk_adjustment_get_value (hadj) + x;
          cy = gtk_adjustment_get_value (vadj) + y;
          page = page_at (self, cy);

          self->scroll_pending = TRUE;
          self->scroll_page = page;
          self->scroll_doc_x = (cx - page_x (self, page, width)) / self->zoom;
          self->scroll_doc_y = (cy - page_y (self, page)) / self->zoom;
          self->scroll_view_x = x / width;
          self->scroll_view_y = y / height;
        }

      self->zoom = zoom;
      for (guint i = 0; i < self->pages->len; i++)
        nb_pdf_page_set_zoom (get_page (self, i), zoom);
      compute_offsets (self);
      apply_pending_scroll (self);
      _nb_source_view_update_visible_pages (self);
    }
  else
    self->zoom = zoom;

  _nb_source_view_update_actions (self);
  _nb_source_view_notify_zoom (self);
}

static gboolean
on_scroll (NbSourceView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || !_nb_source_view_is_pdf_shown (self) || dy == 0)
    return FALSE;

  if (self->has_pointer)
    _nb_source_view_set_zoom_at (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  else
    _nb_source_view_set_zoom_at (self, self->zoom * pow (1.1, -dy), -1, -1);
  return TRUE;
}

static void
on_motion (NbSourceView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_leave (NbSourceView             *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
}

/* Cancels the renders in flight and forgets the pages. */
void
_nb_source_view_clear_pages (NbSourceView *self)
{
  if (self->pages != NULL)
    for (guint i = 0; i < self->pages->len; i++)
      nb_pdf_page_cancel_render (get_page (self, i));
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages_box = NULL;
  self->scroll_pending = FALSE;
  self->highlight_page = -1;
  g_array_set_size (self->offsets, 0);
}

/**
 * nb_source_view_get_highlight_rect:
 * @self: a #NbSourceView
 * @page: (out) (optional): the 1-based page
 * @rect: (out) (optional): the rectangle, in points
 *
 * The rectangle a page of the PDF draws highlighted, read back from the
 * page widget.
 *
 * Returns: %TRUE if a page shows a highlight
 */
gboolean
nb_source_view_get_highlight_rect (NbSourceView    *self,
                                   guint           *page,
                                   graphene_rect_t *rect)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), FALSE);

  if (self->pages == NULL)
    return FALSE;
  for (guint i = 0; i < self->pages->len; i++)
    if (nb_pdf_page_get_highlight (get_page (self, i), rect))
      {
        if (page != NULL)
          *page = i + 1;
        return TRUE;
      }
  return FALSE;
}

void
_nb_source_view_init_pages (NbSourceView *self)
{
  GtkEventController *controller;
  GtkAdjustment *adjustment;

  self->highlight_page = -1;
  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  /* Ctrl + wheel zooms, before the scrolled window scrolls. */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);
}
