/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nb-error.h"
#include "nb-value.h"

gboolean
nb_value_parse (const char   *text,
                NbValueKind   kind,
                double       *value,
                GError      **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) digits = NULL;
  char *end = NULL;
  double v;

  g_return_val_if_fail (text != NULL, FALSE);

  /* People type full-width digits and thousands separators. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE, _("Not valid text"));
      return FALSE;
    }
  g_strstrip (normal);
  digits = g_string_new (NULL);
  for (const char *p = normal; *p; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);

  v = g_ascii_strtod (digits->str, &end);
  if (digits->len == 0 || end == NULL || *end != '\0' || !isfinite (v) ||
      !(g_ascii_isdigit (digits->str[0]) || digits->str[0] == '-' || digits->str[0] == '+' ||
        digits->str[0] == '.') || strchr (digits->str, 'e') || strchr (digits->str, 'E') ||
      strchr (digits->str, 'x') || strchr (digits->str, 'X'))
    {
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
