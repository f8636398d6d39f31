/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

/* What a source document is, told by its content, never by its name. */
typedef enum
{
  NB_SOURCE_KIND_TEXT = 1,
  NB_SOURCE_KIND_PDF,
  NB_SOURCE_KIND_SAVED,      /* a .nianbao file */
  NB_SOURCE_KIND_HTML,       /* a web page, or an MHTML archive of one */
  NB_SOURCE_KIND_DOCX,       /* a Word file (.docx) */
  NB_SOURCE_KIND_DOC,        /* a Word 97–2003 or WPS file, read through LibreOffice */
  NB_SOURCE_KIND_MARKDOWN,   /* text with pipe tables, as converters write it */
} NbSourceKind;

/* Largest text file taken as a report: reports are a few KB. */
#define NB_SOURCE_MAX_TEXT_SIZE (16 * 1024 * 1024)
/* Largest PDF: a report with scanned pages can be large, but not this. */
#define NB_SOURCE_MAX_PDF_SIZE  (512 * 1024 * 1024)
/* Largest web page or Word file: a saved page with its images inlined. */
#define NB_SOURCE_MAX_MARKUP_SIZE (64 * 1024 * 1024)

#define NB_TYPE_SOURCE_DOCUMENT (nb_source_document_get_type ())

G_DECLARE_FINAL_TYPE (NbSourceDocument, nb_source_document, NB, SOURCE_DOCUMENT, GObject)

/* The opened source of a report, read once and never written to: its
 * bytes and SHA-256, and either its decoded text with the line starts, or
 * one PopplerDocument behind a lock that the importer and the source pane
 * share.  A web page or a Word file holds its text rendering as its text
 * (one line per paragraph or table row).  Immutable once opened, so any
 * thread may read it.
 *
 * Properties (read-only): "path", "kind", "n-pages", "n-lines". */

NbSourceDocument *nb_source_document_open            (const char        *path,
                                                      const char        *password,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
gboolean          nb_source_document_open_verified   (const char        *path,
                                                      const char        *sha256,
                                                      const char        *password,
                                                      GCancellable      *cancellable,
                                                      gboolean          *same,
                                                      NbSourceDocument **document,
                                                      GError           **error);
NbSourceDocument *nb_source_document_new_from_bytes  (GBytes            *bytes,
                                                      const char        *path,
                                                      const char        *password,
                                                      GError           **error);

const char       *nb_source_document_get_path        (NbSourceDocument  *self);
GBytes           *nb_source_document_get_bytes       (NbSourceDocument  *self);
const char       *nb_source_document_get_checksum    (NbSourceDocument  *self);
NbSourceKind      nb_source_document_get_kind        (NbSourceDocument  *self);

/* Text: of a text or Markdown file, or the rendering of a page or Word file */
const char       *nb_source_document_get_text        (NbSourceDocument  *self);
const char       *nb_source_document_get_encoding    (NbSourceDocument  *self);
guint             nb_source_document_get_n_lines     (NbSourceDocument  *self);
gsize             nb_source_document_get_line_offset (NbSourceDocument  *self,
                                                      guint              line);

/* PDF */
guint             nb_source_document_get_n_pages     (NbSourceDocument  *self);
void              nb_source_document_get_page_size   (NbSourceDocument  *self,
                                                      guint              page_index,
                                                      double            *width,
                                                      double            *height);
cairo_surface_t  *nb_source_document_render_page     (NbSourceDocument  *self,
                                                      guint              page_index,
                                                      double             scale,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

G_END_DECLS
