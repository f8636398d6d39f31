/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nb-types.h"

G_BEGIN_DECLS

/* The one lexer of numbers: what the matcher reads in a report and what a
 * person types into a cell go through the same rules, and every value is
 * shown through nb_value_format ().
 *
 * A value is a number ("12", "1,234", "1，234", "１２", "7730.28", "-1"),
 * optionally followed by a unit (件 条 项 个 人次 次 元 万元 万); an
 * amount given in 元 is read in 万元.  A blank marker ("", "/", "—", "-",
 * "无" …) is a missing value, never 0.  Anything else is text. */

typedef enum
{
  NB_LEXEME_NUMBER,
  NB_LEXEME_BLANK,
  NB_LEXEME_TEXT,
} NbLexeme;

NbLexeme  nb_value_lex      (const char   *text,
                             NbValueKind   kind,
                             double       *value);
gboolean  nb_value_is_blank (const char   *text);
gboolean  nb_value_parse    (const char   *text,
                             NbValueKind   kind,
                             double       *value,
                             GError      **error);
char     *nb_value_format   (double        value,
                             NbValueKind   kind);

G_END_DECLS
