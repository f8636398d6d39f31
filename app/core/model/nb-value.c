/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nb-error.h"
#include "nb-value.h"

/* Written for an empty cell.  Any run of dashes is one too. */
static const char *const blank_markers[] = {
  "/", "\\", "无", "空", "x", "X", NULL
};

/* Units a count or an amount is written with; per_wan_yuan says how many
 * of the unit make one 万元 (0: not a unit of money). */
static const struct
{
  const char *suffix;
  double      per_wan_yuan;
} units[] = {
  { "万元", 1 },
  { "万", 1 },
  { "元", 10000 },
  { "人次", 0 },
  { "件", 0 },
  { "条", 0 },
  { "项", 0 },
  { "个", 0 },
  { "次", 0 },
};

static gboolean
is_dash (gunichar c)
{
  /* -, ‐ ‑ ‒ – — ―, ─ (box drawing), ー; full-width － is NFKC "-" */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2500 || c == 0x30FC;
}

static gboolean
is_dashes (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!is_dash (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* NFKC (full-width digits, "，", "／", "－" become ASCII) and no blank
 * around, ideographic spaces included.  NULL when not valid UTF-8. */
static char *
normalize (const char *text)
{
  char *normal;

  /* ASCII is its own NFKC: the common case, in every table cell read. */
  if (g_str_is_ascii (text))
    normal = g_strdup (text);
  else
    normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  if (normal != NULL)
    g_strstrip (normal);
  return normal;
}

/* "1234", "1,234", "12.5": digits in groups of three after the first
 * comma, a decimal part after a dot.  Returns where the number ends. */
static const char *
scan_number (const char *p,
             GString    *digits)
{
  guint group = 0;
  gboolean comma = FALSE;
  gboolean any = FALSE;

  if (*p == '+' || *p == '-')
    g_string_append_c (digits, *p++);

  for (;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          group++;
          any = TRUE;
        }
      else if (*p == ',' && any && g_ascii_isdigit (p[1]) && (comma ? group == 3 : group <= 3))
        {
          comma = TRUE;
          group = 0;
        }
      else
        break;
    }
  if (!any || (comma && group != 3))
    return NULL;

  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      g_string_append_c (digits, *p++);
      while (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p++);
    }
  return p;
}

NbLexeme
nb_value_lex (const char  *text,
              NbValueKind  kind,
              double      *value)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *end;
  double divisor = 1;
  double v;

  g_return_val_if_fail (text != NULL, NB_LEXEME_TEXT);

  normal = normalize (text);
  if (normal == NULL)
    return NB_LEXEME_TEXT;
  if (normal[0] == '\0' || g_strv_contains (blank_markers, normal) || is_dashes (normal))
    return NB_LEXEME_BLANK;

  end = scan_number (normal, digits);
  if (end == NULL)
    return NB_LEXEME_TEXT;

  if (*end != '\0')
    {
      guint u;

      for (u = 0; u < G_N_ELEMENTS (units); u++)
        if (strcmp (end, units[u].suffix) == 0)
          break;
      if (u == G_N_ELEMENTS (units))
        return NB_LEXEME_TEXT;
      if (kind == NB_VALUE_AMOUNT && units[u].per_wan_yuan > 0)
        divisor = units[u].per_wan_yuan;
    }

  v = g_ascii_strtod (digits->str, NULL);
  if (!isfinite (v))
    return NB_LEXEME_TEXT;
  if (value != NULL)
    *value = v / divisor;
  return NB_LEXEME_NUMBER;
}

gboolean
nb_value_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return nb_value_lex (text, NB_VALUE_COUNT, NULL) == NB_LEXEME_BLANK;
}

gboolean
nb_value_parse (const char   *text,
                NbValueKind   kind,
                double       *value,
                GError      **error)
{
  double v = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  switch (nb_value_lex (text, kind, &v))
    {
    case NB_LEXEME_NUMBER:
      break;
    case NB_LEXEME_BLANK:
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE,
                   _("“%s” marks a missing value, not a number"), text);
      return FALSE;
    case NB_LEXEME_TEXT:
    default:
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE,
                   _("“%s” is not a number"), text);
      return FALSE;
    }

  switch (kind)
    {
    case NB_VALUE_COUNT:
      if (v < 0 || v != floor (v))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE,
                       _("“%s” is not a count: enter a whole number, 0 or more"), text);
          return FALSE;
        }
      break;
    case NB_VALUE_SIGNED_COUNT:
      if (v != floor (v))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE,
                       _("“%s” is not a whole number"), text);
          return FALSE;
        }
      break;
    case NB_VALUE_AMOUNT:
      if (v < 0)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE,
                       _("“%s” is negative: enter an amount of 0 or more"), text);
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (value != NULL)
    *value = v;
  return TRUE;
}

char *
nb_value_format (double      value,
                 NbValueKind kind)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (kind != NB_VALUE_AMOUNT && value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  /* Shortest form that reads back the same: 7730.28, not 7730.2800000000007. */
  for (int precision = 6; precision <= 17; precision++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}
