/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "nb-enums.h"
#include "nb-docx-reader.h"
#include "nb-error.h"
#include "nb-html-reader.h"
#include "nb-markdown-reader.h"
#include "nb-pdf-reader.h"
#include "nb-rendered-text.h"
#include "nb-report-file.h"
#include "nb-source-document-private.h"
#include "nb-text-reader.h"

/* The one place that reads a source file: its size limits, its kind and
 * the messages when it cannot be read.  The importer and the source pane
 * both take what is opened here, so a file is read once. */

#define MAX_PAGE_SIDE    20000.0     /* points; beyond, a page size is nonsense */
#define MAX_SURFACE_SIDE 32767       /* cairo's limit */

typedef struct
{
  double width;
  double height;
} PageSize;

struct _NbSourceDocument
{
  GObject          parent_instance;

  char            *path;
  GBytes          *bytes;
  NbSourceKind     kind;

  GMutex           checksum_lock;
  char            *checksum;      /* computed on first use */

  /* text */
  char            *text;
  const char      *encoding;      /* static string */
  GArray          *line_starts;   /* gsize, byte offsets of each line in text */
  GArray          *rendered;      /* NbRenderedLine: a page's or Word file's lines */

  /* pdf */
  GMutex           pdf_lock;
  PopplerDocument *pdf;
  GArray          *page_sizes;    /* PageSize */
};

G_DEFINE_FINAL_TYPE (NbSourceDocument, nb_source_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KIND,
  PROP_N_PAGES,
  PROP_N_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
find_line_starts (NbSourceDocument *self)
{
  gsize offset = 0;

  /* Lines end at "\n" only, as the text reader counts them; a "\r" before
   * it belongs to the line. */
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->line_starts, offset);
  for (const char *p = self->text; (p = strchr (p, '\n')) != NULL; )
    {
      p++;
      offset = p - self->text;
      g_array_append_val (self->line_starts, offset);
    }
}

static gboolean
open_pdf (NbSourceDocument  *self,
          const char        *password,
          GCancellable      *cancellable,
          GError           **error)
{
  PageSize last = { 595, 842 };
  int n_pages;

  self->pdf = nb_pdf_open (self->bytes, password, error);
  if (self->pdf == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (self->pdf);
  if (n_pages <= 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The PDF has no pages"));
      return FALSE;
    }

  /* Known before any page is drawn, so a view can lay out the column of
   * pages at once; a page without a sane size takes its neighbour's. */
  self->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (PageSize), n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      PageSize size = last;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      page = poppler_document_get_page (self->pdf, i);
      if (page != NULL)
        poppler_page_get_size (page, &size.width, &size.height);
      if (!(size.width >= 1 && size.height >= 1 &&
            size.width < MAX_PAGE_SIDE && size.height < MAX_PAGE_SIDE))
        size = last;
      g_array_append_val (self->page_sizes, size);
      last = size;
    }
  return TRUE;
}

static NbSourceDocument *
open_bytes (GBytes        *bytes,
            const char    *path,
            const char    *password,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(NbSourceDocument) self = g_object_new (NB_TYPE_SOURCE_DOCUMENT, NULL);

  self->path = g_strdup (path);
  self->bytes = g_bytes_ref (bytes);

  if (password != NULL && *password == '\0')
    password = NULL;

  /* The limit of the kind the head announces, before any parsing. */
  if (!_nb_source_check_size (g_bytes_get_size (bytes), _nb_source_head_kind (bytes, path), error))
    return NULL;

  /* A report saved by Nianbao first: its JSON may quote anything. */
  switch (nb_report_file_sniff (bytes))
    {
    case NB_REPORT_FILE_SAVED:
      self->kind = NB_SOURCE_KIND_SAVED;
      break;
    case NB_REPORT_FILE_OTHER_JSON:
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE, "%s",
                   _("This is a JSON file, but not a report saved by Nianbao"));
      return NULL;
    case NB_REPORT_FILE_NONE:
    default:
      self->kind = _nb_source_detect_kind (bytes, path);
      break;
    }

  if (!_nb_source_check_size (g_bytes_get_size (bytes), self->kind, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (self->kind)
    {
    case NB_SOURCE_KIND_TEXT:
    case NB_SOURCE_KIND_MARKDOWN:
      self->text = nb_decode_text (bytes, &self->encoding, error);
      if (self->text == NULL)
        return NULL;
      if (nb_markdown_looks_like (self->text))
        self->kind = NB_SOURCE_KIND_MARKDOWN;
      break;

    case NB_SOURCE_KIND_HTML:
      self->text = nb_html_render (bytes, &self->rendered, &self->encoding, error);
      break;

    case NB_SOURCE_KIND_DOCX:
      self->text = nb_docx_render (bytes, &self->rendered, error);
      self->encoding = "UTF-8";
      break;

    case NB_SOURCE_KIND_DOC:
      self->text = nb_doc_render (bytes, &self->rendered, cancellable, error);
      self->encoding = "UTF-8";
      break;

    case NB_SOURCE_KIND_PDF:
      if (!open_pdf (self, password, cancellable, error))
        return NULL;
      break;

    case NB_SOURCE_KIND_SAVED:
    default:
      break;
    }

  if (self->kind != NB_SOURCE_KIND_PDF && self->kind != NB_SOURCE_KIND_SAVED)
    {
      if (self->text == NULL)
        return NULL;
      find_line_starts (self);
    }

  return g_steal_pointer (&self);
}

/**
 * nb_source_document_open:
 * @path: a local file
 * @password: (nullable): for an encrypted PDF
 *
 * Reads @path once, checks its size against the limit of its kind, and
 * opens it: decodes a text, opens a PDF (failing with %NB_ERROR_ENCRYPTED
 * when it needs a password, or the one given is wrong).  Blocking: call it
 * on a worker thread.
 */
NbSourceDocument *
nb_source_document_open (const char    *path,
                         const char    *password,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  bytes = _nb_source_read_file (path, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return open_bytes (bytes, path, password, cancellable, error);
}

/**
 * nb_source_document_open_verified:
 * @path: the source a saved report names
 * @sha256: (nullable): the SHA-256 it had when the report was read
 * @password: (nullable): for an encrypted PDF
 * @same: (out): whether the file has @sha256
 * @document: (out) (optional) (nullable): the opened source, when @same
 *
 * Reads @path as nb_source_document_open () does, but compares its
 * SHA-256 first: a file that is not the source (changed, or anything a
 * saved report may name) is never decoded, parsed or shown.  With no
 * @sha256 nothing can be the source.
 *
 * Returns: FALSE with @error when @path cannot be read, or the source
 *   cannot be opened (a password is needed); TRUE otherwise.
 */
gboolean
nb_source_document_open_verified (const char         *path,
                                  const char         *sha256,
                                  const char         *password,
                                  GCancellable       *cancellable,
                                  gboolean           *same,
                                  NbSourceDocument  **document,
                                  GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (same != NULL, FALSE);

  *same = FALSE;
  if (document != NULL)
    *document = NULL;

  bytes = _nb_source_read_file (path, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (sha256 == NULL || g_ascii_strcasecmp (sha256, checksum) != 0)
    return TRUE;

  *same = TRUE;
  if (document == NULL)
    return TRUE;
  *document = open_bytes (bytes, path, password, cancellable, error);
  return *document != NULL;
}

/**
 * nb_source_document_new_from_bytes:
 * @bytes: the document's content
 * @path: (nullable): where it came from, or %NULL
 * @password: (nullable): for an encrypted PDF
 */
NbSourceDocument *
nb_source_document_new_from_bytes (GBytes      *bytes,
                                   const char  *path,
                                   const char  *password,
                                   GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return open_bytes (bytes, path, password, NULL, error);
}

const char *
nb_source_document_get_path (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);
  return self->path;
}

GBytes *
nb_source_document_get_bytes (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);
  return self->bytes;
}

/* SHA-256 in lower-case hex, of the bytes as read. */
const char *
nb_source_document_get_checksum (NbSourceDocument *self)
{
  const char *checksum;

  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);

  g_mutex_lock (&self->checksum_lock);
  if (self->checksum == NULL)
    self->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);
  checksum = self->checksum;
  g_mutex_unlock (&self->checksum_lock);
  return checksum;
}

NbSourceKind
nb_source_document_get_kind (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NB_SOURCE_KIND_TEXT);
  return self->kind;
}

/* The decoded UTF-8 text (a page's or Word file's text rendering); NULL
 * for a PDF or a saved report. */
const char *
nb_source_document_get_text (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);
  return self->text;
}

/* "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030"; NULL when no text. */
const char *
nb_source_document_get_encoding (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);
  return self->encoding;
}

/* As the importer numbers them: a text ending in "\n" has an empty last
 * line. */
guint
nb_source_document_get_n_lines (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), 0);
  return self->line_starts ? self->line_starts->len : 0;
}

/**
 * nb_source_document_get_line_offset:
 * @line: 1-based, as in #NbSource
 *
 * Returns: the byte offset in the text where @line starts; the text's
 *   length for a line after the last, 0 for line 0 or no text.
 */
gsize
nb_source_document_get_line_offset (NbSourceDocument *self,
                                    guint             line)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), 0);

  if (self->line_starts == NULL || line == 0)
    return 0;
  if (line > self->line_starts->len)
    return strlen (self->text);
  return g_array_index (self->line_starts, gsize, line - 1);
}

guint
nb_source_document_get_n_pages (NbSourceDocument *self)
{
  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), 0);
  return self->page_sizes ? self->page_sizes->len : 0;
}

/* In points (1/72 inch), as Poppler gives them. */
void
nb_source_document_get_page_size (NbSourceDocument *self,
                                  guint             page_index,
                                  double           *width,
                                  double           *height)
{
  const PageSize *size;

  g_return_if_fail (NB_IS_SOURCE_DOCUMENT (self));
  g_return_if_fail (self->page_sizes != NULL && page_index < self->page_sizes->len);

  size = &g_array_index (self->page_sizes, PageSize, page_index);
  if (width)
    *width = size->width;
  if (height)
    *height = size->height;
}

static int
page_pixels (double points,
             double scale)
{
  return MAX (1, (int) ceil (points * scale - 0.001));
}

/**
 * nb_source_document_render_page:
 * @page_index: 0-based
 * @scale: device pixels per point
 *
 * Renders a page on a white background, on any thread (it takes the
 * document's lock).  The surface is ceil (width × @scale) by
 * ceil (height × @scale) pixels.
 *
 * Returns: (transfer full): an ARGB32 image surface, or %NULL
 */
cairo_surface_t *
nb_source_document_render_page (NbSourceDocument  *self,
                                guint              page_index,
                                double             scale,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  double width, height;
  int pixel_width, pixel_height;
  gboolean rendered;
  cairo_t *cr;

  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->kind == NB_SOURCE_KIND_PDF, NULL);
  g_return_val_if_fail (page_index < self->page_sizes->len, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  nb_source_document_get_page_size (self, page_index, &width, &height);
  if (!(scale > 0) || !isfinite (scale) ||
      width * scale > MAX_SURFACE_SIDE || height * scale > MAX_SURFACE_SIDE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   _("Page %u cannot be drawn at this size"), page_index + 1);
      return NULL;
    }
  pixel_width = page_pixels (width, scale);
  pixel_height = page_pixels (height, scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
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
  cairo_scale (cr, pixel_width / width, pixel_height / height);

  g_mutex_lock (&self->pdf_lock);
  page = poppler_document_get_page (self->pdf, page_index);
  rendered = page != NULL;
  if (rendered)
    poppler_page_render (page, cr);
  g_clear_object (&page);
  g_mutex_unlock (&self->pdf_lock);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (!rendered)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("Page %u of the PDF cannot be read"), page_index + 1);
      return NULL;
    }
  return surface;
}

PopplerDocument *
_nb_source_document_lock_pdf (NbSourceDocument *self)
{
  g_assert (NB_IS_SOURCE_DOCUMENT (self));

  if (self->pdf == NULL)
    return NULL;
  g_mutex_lock (&self->pdf_lock);
  return self->pdf;
}

void
_nb_source_document_unlock_pdf (NbSourceDocument *self)
{
  g_assert (NB_IS_SOURCE_DOCUMENT (self));

  if (self->pdf != NULL)
    g_mutex_unlock (&self->pdf_lock);
}

GArray *
_nb_source_document_get_rendered_lines (NbSourceDocument *self)
{
  g_assert (NB_IS_SOURCE_DOCUMENT (self));

  return self->rendered;
}

static void
nb_source_document_finalize (GObject *object)
{
  NbSourceDocument *self = NB_SOURCE_DOCUMENT (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->rendered, g_array_unref);
  g_clear_object (&self->pdf);
  g_clear_pointer (&self->page_sizes, g_array_unref);
  g_mutex_clear (&self->checksum_lock);
  g_mutex_clear (&self->pdf_lock);

  G_OBJECT_CLASS (nb_source_document_parent_class)->finalize (object);
}

static void
nb_source_document_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NbSourceDocument *self = NB_SOURCE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, nb_source_document_get_n_pages (self));
      break;
    case PROP_N_LINES:
      g_value_set_uint (value, nb_source_document_get_n_lines (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_source_document_class_init (NbSourceDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_source_document_finalize;
  object_class->get_property = nb_source_document_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, NB_TYPE_SOURCE_KIND, NB_SOURCE_KIND_TEXT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LINES] =
    g_param_spec_uint ("n-lines", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_source_document_init (NbSourceDocument *self)
{
  self->kind = NB_SOURCE_KIND_TEXT;
  g_mutex_init (&self->checksum_lock);
  g_mutex_init (&self->pdf_lock);
}
