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

G_END_DECLS
