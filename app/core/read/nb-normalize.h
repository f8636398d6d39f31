/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *nb_normalize_text      (const char *text,
                                  gssize      length,
                                  GArray     *char_map);
char     *nb_normalize_match_key (const char *text);
char     *nb_normalize_prose     (const char *text,
                                  gssize      length);
gboolean  nb_unichar_is_han      (gunichar    c);
gboolean  nb_string_has_han      (const char *text);

G_END_DECLS
