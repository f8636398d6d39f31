/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   nb_markdown_looks_like   (const char *text);
GPtrArray *nb_markdown_read_lines   (const char *text);

G_END_DECLS
