/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  nb_html_looks_like   (GBytes       *bytes);
gboolean  nb_mhtml_looks_like  (GBytes       *bytes);
char     *nb_html_render       (GBytes       *bytes,
                                GArray      **lines,
                                const char  **encoding,
                                GError      **error);

G_END_DECLS
