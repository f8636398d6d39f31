/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-pdf-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nb-pdf-page.h"

/* The texture is rendered by the source document on the source view's
 * worker thread and only appended in the snapshot, as Papers' page view
 * does. */

#define MAX_TEXTURE_PIXELS (8 * 1024 * 1024)
#define MAX_TEXTURE_SIDE   8192

struct _NbPdfPage
{
  GtkWidget        parent_instance;

  guint            index;             /* 0-based */
  double           width;             /* points */
  double           height;
  double           zoom;

  GdkTexture      *texture;
  int              texture_width;     /* device pixels asked for it (also on failure) */
  int              texture_height;
  gboolean         failed;            /* the page did not render at that size */

  GCancellable    *render_cancellable;  /* the render in flight, or NULL */
  int              render_width;
  int              render_height;

  gboolean         has_highlight;
  graphene_rect_t  highlight;         /* points, origin top-left */
};

enum {
  PAGE_PROP_0,
  PAGE_PROP_INDEX,
  PAGE_PROP_TEXTURE,
  N_PAGE_PROPS
};

static GParamSpec *page_properties[N_PAGE_PROPS];

G_DEFINE_FINAL_TYPE (NbPdfPage, nb_pdf_page, GTK_TYPE_WIDGET)

typedef struct
{
  NbSourceDocument *document;
  guint    index;
  double   width;     /* points */
  double   height;
  int      pixel_width;
  int      pixel_height;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->document);
  g_free (job);
}

int
nb_pdf_page_pixels (double points,
                    double zoom)
{
  return MAX (1, (int) ceil (points * zoom - 0.001));
}

void
nb_pdf_page_cancel_render (NbPdfPage *self)
{
  g_return_if_fail (NB_IS_PDF_PAGE (self));

  if (self->render_cancellable != NULL)
    {
      g_cancellable_cancel (self->render_cancellable);
      g_clear_object (&self->render_cancellable);
    }
  self->render_width = self->render_height = 0;
}

static void
nb_pdf_page_set_texture (NbPdfPage  *self,
                         GdkTexture *texture,
                         int         width,
                         int         height,
                         gboolean    failed)
{
  gboolean changed = self->texture != texture;

  g_set_object (&self->texture, texture);
  self->texture_width = width;
  self->texture_height = height;
  self->failed = failed;
  if (changed)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), page_properties[PAGE_PROP_TEXTURE]);
    }
}

/* Frees the memory of a page far from the visible ones. */
void
nb_pdf_page_drop (NbPdfPage *self)
{
  nb_pdf_page_cancel_render (self);
  if (self->texture != NULL || self->failed)
    nb_pdf_page_set_texture (self, NULL, 0, 0, FALSE);
}

void
nb_pdf_page_set_zoom (NbPdfPage *self,
                      double     zoom)
{
  if (self->zoom == zoom)
    return;
  /* The old texture stays, stretched, until the new one arrives. */
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
nb_pdf_page_set_highlight (NbPdfPage             *self,
                           const graphene_rect_t *rect)
{
  if (rect == NULL && !self->has_highlight)
    return;
  self->has_highlight = rect != NULL;
  if (rect != NULL)
    self->highlight = *rect;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
nb_pdf_page_get_index (NbPdfPage *self)
{
  g_return_val_if_fail (NB_IS_PDF_PAGE (self), 0);
  return self->index;
}

double
nb_pdf_page_get_width (NbPdfPage *self)
{
  g_return_val_if_fail (NB_IS_PDF_PAGE (self), 0);
  return self->width;
}

double
nb_pdf_page_get_height (NbPdfPage *self)
{
  g_return_val_if_fail (NB_IS_PDF_PAGE (self), 0);
  return self->height;
}

/* The highlighted rectangle (points) the page draws, if any. */
gboolean
nb_pdf_page_get_highlight (NbPdfPage       *self,
                           graphene_rect_t *rect)
{
  g_return_val_if_fail (NB_IS_PDF_PAGE (self), FALSE);

  if (self->has_highlight && rect != NULL)
    *rect = self->highlight;
  return self->has_highlight;
}

static void
render_worker (GTask        *task,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  cairo_surface_t *surface;
  GError *error = NULL;

  /* The page went out of view, or the zoom changed, before its turn. */
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The scale that gives the pixels asked for (they may be fewer than
   * the zoom asks, for a very large page). */
  surface = nb_source_document_render_page (job->document, job->index,
                                            job->pixel_width / job->width,
                                            cancellable, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* Called on the main thread when the worker has rendered a page. */
static void
render_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NbPdfPage *page = NB_PDF_PAGE (object);
  GTask *task = G_TASK (result);
  RenderJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (task, &error);

  /* A later request replaced this one. */
  if (page->render_cancellable == NULL || g_task_get_cancellable (task) != page->render_cancellable)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }
  g_clear_object (&page->render_cancellable);
  page->render_width = page->render_height = 0;

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Page %u not rendered: %s", job->index + 1, error->message);
          nb_pdf_page_set_texture (page, NULL, job->pixel_width, job->pixel_height, TRUE);
        }
      return;
    }

  /* The texture shares the surface's pixels: ARGB32 is GDK_MEMORY_DEFAULT. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT,
                                    bytes,
                                    cairo_image_surface_get_stride (surface));
  nb_pdf_page_set_texture (page, texture, job->pixel_width, job->pixel_height, FALSE);
}

/* Renders the page at the zoom and scale factor, unless it has that
 * texture already or is rendering it. */
void
nb_pdf_page_request_render (NbPdfPage        *self,
                            NbSourceDocument *document,
                            int               scale_factor,
                            NbWorkQueue       queue,
                            gpointer          queue_data)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width = nb_pdf_page_pixels (self->width, self->zoom) * scale_factor;
  int height = nb_pdf_page_pixels (self->height, self->zoom) * scale_factor;

  g_return_if_fail (NB_IS_PDF_PAGE (self));

  /* Very large pages at a high zoom: fewer pixels, stretched. */
  if ((double) width * height > MAX_TEXTURE_PIXELS || MAX (width, height) > MAX_TEXTURE_SIDE)
    {
      double f = MIN (sqrt ((double) MAX_TEXTURE_PIXELS / ((double) width * height)),
                      (double) MAX_TEXTURE_SIDE / MAX (width, height));

      width = MAX (1, (int) floor (width * f));
      height = MAX (1, (int) floor (height * f));
    }

  if (self->texture_width == width && self->texture_height == height &&
      (self->texture != NULL || self->failed))
    return;
  if (self->render_cancellable != NULL &&
      self->render_width == width && self->render_height == height)
    return;

  nb_pdf_page_cancel_render (self);
  self->render_cancellable = g_cancellable_new ();
  self->render_width = width;
  self->render_height = height;

  job = g_new0 (RenderJob, 1);
  job->document = g_object_ref (document);
  job->index = self->index;
  job->width = self->width;
  job->height = self->height;
  job->pixel_width = width;
  job->pixel_height = height;

  task = g_task_new (self, self->render_cancellable, render_done, NULL);
  g_task_set_source_tag (task, nb_pdf_page_request_render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  queue (queue_data, task, render_worker);
}

GtkWidget *
nb_pdf_page_new (guint  index,
                 double width,
                 double height,
                 double zoom)
{
  NbPdfPage *self = g_object_new (NB_TYPE_PDF_PAGE, NULL);
  g_autofree char *label = g_strdup_printf (_("Page %u"), index + 1);

  self->index = index;
  self->width = width;
  self->height = height;
  self->zoom = zoom;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return GTK_WIDGET (self);
}

static void
nb_pdf_page_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  NbPdfPage *self = NB_PDF_PAGE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = nb_pdf_page_pixels (self->width, self->zoom);
  else
    *minimum = *natural = nb_pdf_page_pixels (self->height, self->zoom);
}

static void
lookup_accent (GtkWidget *widget,
               GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "accent_bg_color", color))
    gdk_rgba_parse (color, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
nb_pdf_page_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  NbPdfPage *self = NB_PDF_PAGE (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 3);

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &white, &bounds);

  if (self->has_highlight)
    {
      double sx = width / self->width;
      double sy = height / self->height;
      graphene_rect_t rect = GRAPHENE_RECT_INIT (self->highlight.origin.x * sx - 3,
                                                 self->highlight.origin.y * sy - 3,
                                                 self->highlight.size.width * sx + 6,
                                                 self->highlight.size.height * sy + 6);
      GskRoundedRect box;
      GdkRGBA accent, fill;
      GdkRGBA colors[4];
      float widths[4] = { 2, 2, 2, 2 };

      lookup_accent (widget, &accent);
      fill = accent;
      fill.alpha = 0.2f;
      for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
        colors[i] = accent;

      gsk_rounded_rect_init_from_rect (&box, &rect, 3);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &box, widths, colors);
    }
}

static void
nb_pdf_page_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nb_pdf_page_parent_class)->css_changed (widget, change);
  /* The accent colour may have changed with the style. */
  gtk_widget_queue_draw (widget);
}

static void
nb_pdf_page_dispose (GObject *object)
{
  NbPdfPage *self = NB_PDF_PAGE (object);

  nb_pdf_page_cancel_render (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (nb_pdf_page_parent_class)->dispose (object);
}

static void
nb_pdf_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NbPdfPage *self = NB_PDF_PAGE (object);

  switch (prop_id)
    {
    case PAGE_PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PAGE_PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_pdf_page_class_init (NbPdfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_pdf_page_dispose;
  object_class->get_property = nb_pdf_page_get_property;

  widget_class->measure = nb_pdf_page_measure;
  widget_class->snapshot = nb_pdf_page_snapshot;
  widget_class->css_changed = nb_pdf_page_css_changed;

  /* Read-only views of the page's state, for tests and inspectors. */
  page_properties[PAGE_PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  page_properties[PAGE_PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PAGE_PROPS, page_properties);

  gtk_widget_class_set_css_name (widget_class, "nbpdfpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nb_pdf_page_init (NbPdfPage *self)
{
  self->zoom = 1;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

