/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-source-view.h"
#include "nb-text-reader.h"
#include "nb-pdf-reader.h"

/* The original document beside the data.  A text file is shown as the very
 * text the importer decoded; a PDF as a column of pages that are rendered
 * lazily, on one worker thread, into textures that the page widgets only
 * append in their snapshot (as Papers' page view does). */

#define ZOOM_MIN           0.25
#define ZOOM_MAX           4.0
#define ZOOM_STEP          1.2
#define PAGE_SPACING       12     /* between pages, logical pixels */
#define PAGE_MARGIN        12     /* around the column of pages */
#define RENDER_AROUND      1      /* pages rendered beyond the visible ones */
#define KEEP_AROUND        3      /* pages whose texture is kept beyond them */
#define MAX_TEXTURE_PIXELS (8 * 1024 * 1024)
#define MAX_TEXTURE_SIDE   8192
#define PDF_HEADER_SCAN    1024   /* as the importer: "%PDF-" in the first 1 KB */

typedef void (*WorkFunc) (GTask        *task,
                          gpointer      task_data,
                          GCancellable *cancellable);

/* ------------------------------------------------------------------------ */
/* One page of a PDF: a placeholder of the page's size until its texture
 * arrives, then the texture, and the highlighted rectangle over it. */

#define NB_TYPE_PDF_PAGE (nb_pdf_page_get_type ())

G_DECLARE_FINAL_TYPE (NbPdfPage, nb_pdf_page, NB, PDF_PAGE, GtkWidget)

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

static int
page_pixels (double points,
             double zoom)
{
  return MAX (1, (int) ceil (points * zoom - 0.001));
}

static void
nb_pdf_page_cancel_render (NbPdfPage *self)
{
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
static void
nb_pdf_page_drop (NbPdfPage *self)
{
  nb_pdf_page_cancel_render (self);
  if (self->texture != NULL || self->failed)
    nb_pdf_page_set_texture (self, NULL, 0, 0, FALSE);
}

static void
nb_pdf_page_set_zoom (NbPdfPage *self,
                      double     zoom)
{
  if (self->zoom == zoom)
    return;
  /* The old texture stays, stretched, until the new one arrives. */
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
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

static GtkWidget *
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
    *minimum = *natural = page_pixels (self->width, self->zoom);
  else
    *minimum = *natural = page_pixels (self->height, self->zoom);
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

/* ------------------------------------------------------------------------ */
/* Work on the view's one worker thread.  A PopplerDocument must not be used
 * from two threads at once: every open, measure and render of the view's
 * documents runs there, one after the other. */

typedef struct
{
  GTask    *task;
  WorkFunc  func;
} WorkItem;

static gboolean
release_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
work_item_run (gpointer data,
               gpointer user_data)
{
  WorkItem *item = data;

  item->func (item->task,
              g_task_get_task_data (item->task),
              g_task_get_cancellable (item->task));
  /* The task's source is a widget: its last reference must not be
   * dropped, and the widget finalized, on this thread. */
  g_main_context_invoke_full (g_task_get_context (item->task), G_PRIORITY_DEFAULT_IDLE,
                              release_task, item->task, NULL);
  g_free (item);
}

typedef struct
{
  char       *path;
  char       *password;

  /* The result */
  const char *kind;
  char       *text;
  GArray     *line_starts;   /* guint: character offset of each line */
  GObject    *document;      /* PopplerDocument */
  GArray     *page_sizes;    /* PageSize */
} LoadData;

typedef struct
{
  double width;
  double height;
} PageSize;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_free (data->text);
  g_clear_pointer (&data->line_starts, g_array_unref);
  g_clear_object (&data->document);
  g_clear_pointer (&data->page_sizes, g_array_unref);
  g_free (data);
}

typedef struct
{
  GObject *document;
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

/* ------------------------------------------------------------------------ */

struct _NbSourceView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;      /* kind "text" */
  GtkWidget         *pages_box;      /* kind "pdf": the NbPdfPages */

  GCancellable      *cancellable;    /* cancelled in dispose */
  GThreadPool       *worker;         /* WorkItem, one thread */
  guint              load_serial;

  const char        *kind;
  GArray            *line_starts;    /* text: guint, character offsets */
  guint              n_chars;
  GObject           *document;       /* pdf: PopplerDocument, used on the worker only */
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

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_KIND,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NbSourceView, nb_source_view, GTK_TYPE_WIDGET)

static void update_visible_pages (NbSourceView *self);

static gboolean
is_pdf (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* The header may follow some junk, as PDF readers tolerate. */
  for (gsize i = 0; i + 5 <= length && i < PDF_HEADER_SCAN; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static void
set_too_large (GError **error,
               goffset  size,
               gboolean pdf)
{
  g_autofree char *size_text = g_format_size (size);

  if (pdf)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a report (%s)"), size_text);
  else
    {
      g_autofree char *limit = g_format_size (NB_IMPORT_MAX_TEXT_SIZE);

      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%s; text reports are a few KB, "
                     "the limit is %s)"),
                   size_text, limit);
    }
}

/* Reads the whole file, read-only, never more than the limit of its kind:
 * a large text file fails at once instead of filling the memory. */
static GBytes *
read_source (const char    *path,
             gboolean      *pdf,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) head = NULL;
  guint8 header[PDF_HEADER_SCAN + 4];
  goffset size, limit;
  gsize n_read = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > NB_IMPORT_MAX_PDF_SIZE)
    {
      set_too_large (error, size, TRUE);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* "%PDF-" may start anywhere in the first 1 KB. */
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, cancellable, error))
    return NULL;
  head = g_bytes_new_static (header, n_read);
  *pdf = is_pdf (head);
  limit = *pdf ? NB_IMPORT_MAX_PDF_SIZE : NB_IMPORT_MAX_TEXT_SIZE;
  if (size > limit)
    {
      set_too_large (error, size, *pdf);
      return NULL;
    }

  data = g_byte_array_sized_new (MAX (size, (goffset) n_read) + 1);
  g_byte_array_append (data, header, n_read);

  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if ((goffset) data->len + n > limit)
        {
          /* It grew while we read it, or it is no regular file. */
          set_too_large (error, (goffset) data->len + n, *pdf);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GArray *
find_line_starts (const char *text,
                  guint      *n_chars)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint offset = 0;

  /* Lines end at "\n" only, as the importer counts them. */
  g_array_append_val (starts, offset);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      offset++;
      if (*p == '\n')
        g_array_append_val (starts, offset);
    }
  *n_chars = offset;
  return starts;
}

static gboolean
open_pdf (LoadData      *data,
          GBytes        *bytes,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *password = data->password && *data->password ? data->password : NULL;
  g_autoptr(PopplerDocument) document = nb_pdf_open (bytes, password, error);
  PageSize last = { 595, 842 };
  int n_pages;

  if (document == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The PDF has no pages"));
      return FALSE;
    }

  data->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (PageSize), n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      PageSize size = last;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (page != NULL)
        poppler_page_get_size (page, &size.width, &size.height);
      if (!(size.width >= 1 && size.height >= 1 && size.width < 20000 && size.height < 20000))
        size = last;
      g_array_append_val (data->page_sizes, size);
      last = size;
    }

  data->document = G_OBJECT (g_steal_pointer (&document));
  return TRUE;
}

static void
load_worker (GTask        *task,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gboolean pdf = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = read_source (data->path, &pdf, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (pdf)
    {
      if (!open_pdf (data, bytes, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      data->kind = "pdf";
    }
  else
    {
      guint n_chars = 0;

      data->text = nb_decode_text (bytes, NULL, &error);
      if (data->text == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      data->line_starts = find_line_starts (data->text, &n_chars);
      data->kind = "text";
    }

  g_task_return_boolean (task, TRUE);
}

static cairo_surface_t *
render_page (RenderJob  *job,
             GError    **error)
{
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  page = poppler_document_get_page (POPPLER_DOCUMENT (job->document), job->index);
  if (page == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("Page %u of the PDF cannot be read"), job->index + 1);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->pixel_width, job->pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED, "%s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, job->pixel_width / job->width, job->pixel_height / job->height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
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

  surface = render_page (job, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
nb_source_view_push_work (NbSourceView *self,
                          GTask        *task,
                          WorkFunc      func)
{
  g_autoptr(GError) error = NULL;
  WorkItem *item;

  if (self->worker == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The view is closed"));
      return;
    }

  item = g_new0 (WorkItem, 1);
  item->task = g_object_ref (task);
  item->func = func;
  if (!g_thread_pool_push (self->worker, item, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (item->task);
      g_free (item);
    }
}

/* Called on the main thread when the worker has rendered a page. */
static void
page_render_done (GObject      *object,
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

static void
nb_source_view_request_render (NbSourceView *self,
                               NbPdfPage    *page,
                               int           scale_factor)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width = page_pixels (page->width, self->zoom) * scale_factor;
  int height = page_pixels (page->height, self->zoom) * scale_factor;

  /* Very large pages at a high zoom: fewer pixels, stretched. */
  if ((double) width * height > MAX_TEXTURE_PIXELS || MAX (width, height) > MAX_TEXTURE_SIDE)
    {
      double f = MIN (sqrt ((double) MAX_TEXTURE_PIXELS / ((double) width * height)),
                      (double) MAX_TEXTURE_SIDE / MAX (width, height));

      width = MAX (1, (int) floor (width * f));
      height = MAX (1, (int) floor (height * f));
    }

  if (page->texture_width == width && page->texture_height == height &&
      (page->texture != NULL || page->failed))
    return;
  if (page->render_cancellable != NULL &&
      page->render_width == width && page->render_height == height)
    return;

  nb_pdf_page_cancel_render (page);
  page->render_cancellable = g_cancellable_new ();
  page->render_width = width;
  page->render_height = height;

  job = g_new0 (RenderJob, 1);
  job->document = g_object_ref (self->document);
  job->index = page->index;
  job->width = page->width;
  job->height = page->height;
  job->pixel_width = width;
  job->pixel_height = height;

  task = g_task_new (page, page->render_cancellable, page_render_done, NULL);
  g_task_set_source_tag (task, nb_source_view_request_render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  nb_source_view_push_work (self, task, render_worker);
}

/* ------------------------------------------------------------------------ */
/* Geometry of the column of pages, known before GTK lays it out. */

static NbPdfPage *
get_page (NbSourceView *self,
          guint         index)
{
  return g_ptr_array_index (self->pages, index);
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
      y += page_pixels (page->height, self->zoom) + PAGE_SPACING;
      width = MAX (width, page_pixels (page->width, self->zoom));
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
  int width = page_pixels (get_page (self, index)->width, self->zoom);

  return PAGE_MARGIN + floor ((column - width) / 2);
}

static gboolean
is_pdf_shown (NbSourceView *self)
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

  if (!self->scroll_pending || !is_pdf_shown (self))
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
  update_visible_pages (self);
}

/* Renders the pages in view and their neighbours; forgets the far ones. */
static void
update_visible_pages (NbSourceView *self)
{
  GtkAdjustment *vadj;
  double top, size;
  guint first, last, n;
  int scale_factor;

  if (!is_pdf_shown (self))
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
    nb_source_view_request_render (self, get_page (self, i), scale_factor);
  for (guint d = 1; d <= RENDER_AROUND; d++)
    {
      if (last + d < n)
        nb_source_view_request_render (self, get_page (self, last + d), scale_factor);
      if (first >= d)
        nb_source_view_request_render (self, get_page (self, first - d), scale_factor);
    }

  for (guint i = 0; i < n; i++)
    if (i + KEEP_AROUND < first || i > last + KEEP_AROUND)
      nb_pdf_page_drop (get_page (self, i));
}

static void
on_adjustment_value_changed (NbSourceView  *self,
                             GtkAdjustment *adjustment)
{
  update_visible_pages (self);
}

static void
on_scale_factor_changed (NbSourceView *self,
                         GParamSpec   *pspec,
                         gpointer      user_data)
{
  update_visible_pages (self);
}

static void
on_adjustment_changed (NbSourceView  *self,
                       GtkAdjustment *adjustment)
{
  apply_pending_scroll (self);
  update_visible_pages (self);
}

/* ------------------------------------------------------------------------ */

static void
update_actions (NbSourceView *self)
{
  gboolean pdf = is_pdf_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-in", pdf && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-out", pdf && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-reset", pdf && self->zoom != 1.0);
}

static void
set_kind (NbSourceView *self,
          const char   *kind,
          guint         old_n_pages)
{
  guint n_pages = self->pages ? self->pages->len : 0;

  if (g_strcmp0 (self->kind, kind) != 0)
    {
      if (self->kind != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->kind);
      self->kind = kind;
      if (kind != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self), kind);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
  if (n_pages != old_n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  update_actions (self);
}

static void
stop_text_scroll (NbSourceView *self)
{
  if (self->text_scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->text_scroll_tick);
      self->text_scroll_tick = 0;
    }
}

/* GtkTextView places lines it has not measured yet by an estimate, so one
 * scroll to a far line can land short: scroll again, frame after frame,
 * until the mark is in view. */
static gboolean
text_scroll_tick (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  NbSourceView *self = NB_SOURCE_VIEW (widget);
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (self->text_view == NULL)
    {
      self->text_scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  buffer = gtk_text_view_get_buffer (self->text_view);
  mark = gtk_text_buffer_get_mark (buffer, "highlight");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);

  if ((location.y >= visible.y && location.y + location.height <= visible.y + visible.height) ||
      ++self->text_scroll_frames > 120)
    {
      self->text_scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.5);
  return G_SOURCE_CONTINUE;
}

static void
cancel_renders (NbSourceView *self)
{
  if (self->pages == NULL)
    return;
  for (guint i = 0; i < self->pages->len; i++)
    nb_pdf_page_cancel_render (get_page (self, i));
}

static void
clear_content (NbSourceView *self)
{
  guint old_n_pages = self->pages ? self->pages->len : 0;

  cancel_renders (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  gtk_scrolled_window_set_child (self->scroller, NULL);
  self->text_view = NULL;
  self->pages_box = NULL;
  self->scroll_pending = FALSE;
  stop_text_scroll (self);
  self->highlight_page = -1;
  g_clear_object (&self->document);
  g_clear_pointer (&self->line_starts, g_array_unref);
  self->n_chars = 0;
  g_array_set_size (self->offsets, 0);
  set_kind (self, NULL, old_n_pages);
}

static void
show_text (NbSourceView *self,
           LoadData     *data)
{
  /* Dark text on a light yellow: it reads on a light and a dark theme. */
  static const GdkRGBA background = { 0.97f, 0.89f, 0.36f, 0.8f };
  static const GdkRGBA foreground = { 0, 0, 0, 0.87f };
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);
  GtkTextIter start;
  GtkWidget *view;

  gtk_text_buffer_create_tag (buffer, "highlight",
                              "background-rgba", &background,
                              "foreground-rgba", &foreground,
                              NULL);
  gtk_text_buffer_set_text (buffer, data->text, -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_create_mark (buffer, "highlight", &start, TRUE);
  self->line_starts = g_steal_pointer (&data->line_starts);
  self->n_chars = gtk_text_buffer_get_char_count (buffer);

  view = g_object_new (GTK_TYPE_TEXT_VIEW,
                       "buffer", buffer,
                       "editable", FALSE,
                       "cursor-visible", FALSE,
                       "monospace", FALSE,
                       "wrap-mode", GTK_WRAP_WORD_CHAR,
                       "left-margin", 12,
                       "right-margin", 12,
                       "top-margin", 12,
                       "bottom-margin", 12,
                       NULL);
  g_object_unref (buffer);
  self->text_view = GTK_TEXT_VIEW (view);
  gtk_scrolled_window_set_child (self->scroller, view);
}

static void
show_pdf (NbSourceView *self,
          LoadData     *data)
{
  self->document = g_steal_pointer (&data->document);
  self->pages = g_ptr_array_sized_new (data->page_sizes->len);
  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);

  for (guint i = 0; i < data->page_sizes->len; i++)
    {
      const PageSize *size = &g_array_index (data->page_sizes, PageSize, i);
      GtkWidget *page = nb_pdf_page_new (i, size->width, size->height, self->zoom);

      gtk_box_append (GTK_BOX (self->pages_box), page);
      g_ptr_array_add (self->pages, page);
    }

  compute_offsets (self);
  gtk_scrolled_window_set_child (self->scroller, self->pages_box);
}

static void
apply_highlight (NbSourceView *self)
{
  const NbSource *source = self->highlight;

  if (self->text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;
      guint first, line_end;

      stop_text_scroll (self);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &start, &end);

      if (source == NULL || source->line == 0 || source->line > self->line_starts->len)
        return;

      /* Offsets from the start of the text, as the importer counted:
       * lines end at "\n" whatever GTK thinks of a lone "\r". */
      line_end = source->line < self->line_starts->len
                 ? g_array_index (self->line_starts, guint, source->line) - 1
                 : self->n_chars;
      first = g_array_index (self->line_starts, guint, source->line - 1);
      first = MIN (first + (source->column > 0 ? source->column - 1 : 0), line_end);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, first);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (first + source->length, line_end));
      gtk_text_buffer_apply_tag_by_name (buffer, "highlight", &start, &end);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_move_mark_by_name (buffer, "highlight", &start);
      gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_mark (buffer, "highlight"),
                                    0.1, TRUE, 0.0, 0.5);
      self->text_scroll_frames = 0;
      if (self->text_scroll_tick == 0)
        self->text_scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                               text_scroll_tick,
                                                               NULL, NULL);
    }
  else if (is_pdf_shown (self))
    {
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
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable) ||
      GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->load_serial)
    {
      /* Closed, or a later load took over. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The document was not loaded"));
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      clear_content (self);
      g_task_return_error (task, error);
      return;
    }

  clear_content (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (g_strcmp0 (data->kind, "pdf") == 0)
    show_pdf (self, data);
  else
    show_text (self, data);
  set_kind (self, data->kind, 0);

  apply_highlight (self);
  update_visible_pages (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * nb_source_view_load_async:
 * @self: a #NbSourceView
 * @path: the file to show
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads @path (never writing to it) and shows it: a PDF (told by its
 * content, as the importer does) as pages, anything else as the text the
 * importer decodes.  The highlight is cleared; one set before the load
 * finishes applies to the new document.
 */
void
nb_source_view_load_async (NbSourceView        *self,
                           const char          *path,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) work = NULL;
  LoadData *data;

  g_return_if_fail (NB_IS_SOURCE_VIEW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_source_view_load_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (++self->load_serial), NULL);

  g_clear_pointer (&self->highlight, nb_source_free);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->password = g_strdup (password);

  work = g_task_new (self, cancellable, load_done, g_object_ref (task));
  g_task_set_source_tag (work, load_worker);
  g_task_set_task_data (work, data, (GDestroyNotify) load_data_free);
  nb_source_view_push_work (self, work, load_worker);
}

/**
 * nb_source_view_load_finish:
 * @self: a #NbSourceView
 * @result: the result given to the callback
 * @error: an #NB_ERROR (encrypted, damaged, too large, …), a #G_IO_ERROR
 *
 * Returns: %TRUE if the document is shown
 */
gboolean
nb_source_view_load_finish (NbSourceView  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nb_source_view_highlight:
 * @self: a #NbSourceView
 * @source: (nullable): where a value came from, or %NULL to clear
 *
 * Marks @source (a character range of a text line, or a rectangle of a PDF
 * page) and scrolls it to the middle of the view.
 */
void
nb_source_view_highlight (NbSourceView   *self,
                          const NbSource *source)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  g_clear_pointer (&self->highlight, nb_source_free);
  if (source != NULL && nb_source_is_set (source))
    self->highlight = nb_source_copy (source);
  apply_highlight (self);
}

double
nb_source_view_get_zoom (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), 1.0);

  return self->zoom;
}

/* Zooms keeping the point of the document under (x, y) of the viewport,
 * or under its middle when x is negative. */
static void
set_zoom_at (NbSourceView *self,
             double        zoom,
             double        x,
             double        y)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  if (is_pdf_shown (self))
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
      update_visible_pages (self);
    }
  else
    self->zoom = zoom;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
nb_source_view_set_zoom (NbSourceView *self,
                         double        zoom)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  set_zoom_at (self, zoom, -1, -1);
}

const char *
nb_source_view_get_kind (NbSourceView *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), NULL);

  return self->kind;
}

/* One step in, out, or back to 100 %. */
void
nb_source_view_zoom (NbSourceView *self,
                     NbZoom        step)
{
  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  switch (step)
    {
    case NB_ZOOM_IN:
      nb_source_view_set_zoom (self, self->zoom * ZOOM_STEP);
      break;
    case NB_ZOOM_OUT:
      nb_source_view_set_zoom (self, self->zoom / ZOOM_STEP);
      break;
    case NB_ZOOM_RESET:
    default:
      nb_source_view_set_zoom (self, 1.0);
      break;
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbZoom step = NB_ZOOM_RESET;

  if (g_str_equal (action_name, "source.zoom-in"))
    step = NB_ZOOM_IN;
  else if (g_str_equal (action_name, "source.zoom-out"))
    step = NB_ZOOM_OUT;
  nb_source_view_zoom (NB_SOURCE_VIEW (widget), step);
}

static gboolean
on_scroll (NbSourceView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || !is_pdf_shown (self) || dy == 0)
    return FALSE;

  if (self->has_pointer)
    set_zoom_at (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  else
    set_zoom_at (self, self->zoom * pow (1.1, -dy), -1, -1);
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

static void
nb_source_view_dispose (GObject *object)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  stop_text_scroll (self);
  cancel_renders (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->text_view = NULL;
  self->pages_box = NULL;
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }

  /* Queued work still runs, finds itself cancelled and drops its
   * references; the thread is not waited for. */
  if (self->worker != NULL)
    {
      g_thread_pool_free (self->worker, FALSE, FALSE);
      self->worker = NULL;
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (nb_source_view_parent_class)->dispose (object);
}

static void
nb_source_view_finalize (GObject *object)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->highlight, nb_source_free);

  G_OBJECT_CLASS (nb_source_view_parent_class)->finalize (object);
}

static void
nb_source_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->pages ? self->pages->len : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_source_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      nb_source_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_source_view_class_init (NbSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_source_view_dispose;
  object_class->finalize = nb_source_view_finalize;
  object_class->get_property = nb_source_view_get_property;
  object_class->set_property = nb_source_view_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "source.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-reset", NULL, zoom_action);

  gtk_widget_class_set_css_name (widget_class, "nbsourceview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);
}

static void
nb_source_view_init (NbSourceView *self)
{
  g_autoptr(GError) error = NULL;
  GtkEventController *controller;
  GtkAdjustment *adjustment;

  self->zoom = 1.0;
  self->highlight_page = -1;
  self->cancellable = g_cancellable_new ();
  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->worker = g_thread_pool_new (work_item_run, NULL, 1, FALSE, &error);
  g_assert_no_error (error);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

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

  update_actions (self);
}

GtkWidget *
nb_source_view_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_VIEW, NULL);
}
