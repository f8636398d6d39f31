/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "nb-source-document.h"

G_BEGIN_DECLS

/* For the PDF reader: the one PopplerDocument, locked for the caller
 * (Poppler's documents are not thread-safe); NULL, unlocked, for a source
 * that is no PDF.  Hold the lock briefly, a page at a time. */
PopplerDocument *_nb_source_document_lock_pdf    (NbSourceDocument *self);
void             _nb_source_document_unlock_pdf  (NbSourceDocument *self);

/* For the importer: what each line of a rendered page or Word file is
 * (NbRenderedLine); NULL for any other kind. */
GArray          *_nb_source_document_get_rendered_lines (NbSourceDocument *self);

/* nb-source-file.c: reading a file within the limit of its kind. */
gboolean         _nb_source_is_pdf        (GBytes        *bytes);
gboolean         _nb_source_check_size    (goffset        size,
                                           NbSourceKind   kind,
                                           GError       **error);
NbSourceKind     _nb_source_detect_kind   (GBytes        *bytes,
                                           const char    *path);
NbSourceKind     _nb_source_head_kind     (GBytes        *head,
                                           const char    *path);
GBytes          *_nb_source_read_file     (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
