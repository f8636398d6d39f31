/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  nb_docx_looks_like  (GBytes        *bytes);
gboolean  nb_doc_looks_like   (GBytes        *bytes);
char     *nb_docx_render      (GBytes        *bytes,
                               GArray       **lines,
                               GError       **error);
char     *nb_doc_render       (GBytes        *bytes,
                               GArray       **lines,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
