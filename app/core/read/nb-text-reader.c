/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-text-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-error.h"
#include "nb-line.h"
#include "nb-text-reader.h"

/* The text reader: bytes in some encoding → UTF-8 → the line stream.
 * Chinese text files come as UTF-8 (with or without BOM), UTF-16 (Windows
 * "Unicode") or GB18030/GBK (Windows "ANSI" on a Chinese system); we tell
 * them apart without being told. */

static char *
convert (const char  *data,
         gsize        length,
         const char  *from)
{
  gsize written = 0;
  g_autoptr(GError) error = NULL;
  char *out = g_convert (data, length, "UTF-8", from, NULL, &written, &error);

  if (out == NULL || !g_utf8_validate (out, written, NULL) || memchr (out, '\0', written))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

/* UTF-16 without a BOM: most characters of a Chinese or ASCII text have a
 * zero or a CJK lead byte in the same half; a zero byte in one half and
 * hardly ever in the other is a reliable sign. */
static const char *
guess_utf16 (const guchar *data,
             gsize         length)
{
  gsize zeros[2] = { 0, 0 };
  gsize n = MIN (length, 4096) & ~(gsize) 1;

  if (length < 4 || length % 2 != 0)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (data[i] == 0)
      zeros[i % 2]++;
  if (zeros[1] > n / 8 && zeros[0] < n / 200)
    return "UTF-16LE";
  if (zeros[0] > n / 8 && zeros[1] < n / 200)
    return "UTF-16BE";
  return NULL;
}

static gboolean
looks_binary (const char *text)
{
  gsize controls = 0, total = 0;

  for (const guchar *p = (const guchar *) text; *p; p++, total++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
      controls++;
  return total > 0 && controls * 100 > total;
}

char *
nb_decode_text (GBytes      *bytes,
                const char **encoding,
                GError     **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  const char *from = NULL;
  char *text = NULL;

  if (length == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3, length -= 3;
      from = "UTF-8";
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      data += 2, length -= 2;
      from = "UTF-16LE";
    }
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      data += 2, length -= 2;
      from = "UTF-16BE";
    }
  else
    from = guess_utf16 (data, length);

  if (from != NULL && strcmp (from, "UTF-8") != 0)
    text = convert ((const char *) data, length, from);
  else if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_BINARY,
                   _("This is not a text file, and not a format Nianbao reads"));
      return NULL;
    }
  else if (g_utf8_validate ((const char *) data, length, NULL))
    {
      text = g_strndup ((const char *) data, length);
      from = "UTF-8";
    }
  else if ((text = convert ((const char *) data, length, "GB18030")) != NULL)
    from = "GB18030";

  if (text == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                   _("The text is in an encoding Nianbao cannot tell "
                     "(it reads UTF-8, UTF-16 and GB18030/GBK)"));
      return NULL;
    }

  if (looks_binary (text))
    {
      g_free (text);
      g_set_error (error, NB_ERROR, NB_ERROR_BINARY,
                   _("This is not a text file, and not a format Nianbao reads"));
      return NULL;
    }

  if (encoding)
    *encoding = from;
  return text;
}

/* The line stream of a decoded text: lines end at "\n", a "\r" before it
 * is dropped, and line numbers start at 1.  A run of blank lines is one
 * blank line: it separates paragraphs the same, and costs nothing however
 * long it is.  NULL when the text has more lines than any report. */
GPtrArray *
nb_text_split_lines (const char  *text,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = nb_line_stream_new ();
  const char *p = text;
  guint number = 1;
  gsize n_tokens = 0;
  gboolean after_blank = FALSE;

  for (;; number++)
    {
      const char *end = strchr (p, '\n');
      gsize length = end ? (gsize) (end - p) : strlen (p);
      gboolean blank;

      if (length > 0 && p[length - 1] == '\r')
        length--;
      blank = strspn (p, " \t|") >= length;
      if (!(blank && after_blank) &&
          !nb_line_stream_add (lines, nb_line_new_from_text (p, length, number), &n_tokens, error))
        return NULL;
      after_blank = blank;

      if (end == NULL)
        break;
      p = end + 1;
    }

  return g_steal_pointer (&lines);
}
