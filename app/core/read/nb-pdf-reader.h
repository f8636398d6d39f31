/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "nb-importer.h"
#include "nb-source-document.h"

G_BEGIN_DECLS

/* poppler-glib 22.12 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

PopplerDocument *nb_pdf_open        (GBytes                 *bytes,
                                     const char             *password,
                                     GError                **error);
GPtrArray       *nb_pdf_read_lines  (NbSourceDocument       *source,
                                     const NbImportOptions  *options,
                                     GCancellable           *cancellable,
                                     GError                **error);

G_END_DECLS
