/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char      *nb_decode_text      (GBytes       *bytes,
                                const char  **encoding,
                                GError      **error);
GPtrArray *nb_text_split_lines (const char   *text,
                                GError      **error);

G_END_DECLS
