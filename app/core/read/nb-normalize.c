/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-normalize"

#include "config.h"

#include <string.h>

#include "nb-normalize.h"

/* Text is normalised before anything looks at it: NFKC folds full-width
 * digits and brackets, and the Kangxi radicals some PDF producers emit
 * (⼀ U+2F00 for 一).  Most characters are stable under NFKC; only the
 * others go through g_utf8_normalize, one at a time, so that every output
 * character still knows which input character it came from. */

gboolean
nb_unichar_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2E80 && c <= 0x2FDF);
}

gboolean
nb_string_has_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && nb_unichar_is_han (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
nfkc_stable (gunichar c)
{
  return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean
is_lookalike (gunichar c)
{
  /* Kangxi radicals and their supplement, CJK compatibility ideographs */
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

/* CJK Radicals Supplement: NFKC leaves these alone, but Chromium's PDFs use
 * them for common simplified ideographs. */
static const struct { gunichar radical, ideograph; } radical_map[] = {
  { 0x2E8B, 0x353E }, { 0x2E97, 0x5196 }, { 0x2EA0, 0x6C11 }, { 0x2EC4, 0x897F },
  { 0x2EC5, 0x89C1 }, { 0x2EC6, 0x89D2 }, { 0x2EC8, 0x8BA0 }, { 0x2EC9, 0x8D1D },
  { 0x2ECB, 0x8F66 }, { 0x2ED3, 0x957F }, { 0x2ED4, 0x95E8 }, { 0x2ED8, 0x9752 },
  { 0x2EDA, 0x9875 }, { 0x2EDB, 0x98CE }, { 0x2EDC, 0x98DE }, { 0x2EDD, 0x98DF },
  { 0x2EE0, 0x9963 }, { 0x2EE2, 0x9A6C }, { 0x2EE4, 0x9B3C }, { 0x2EE5, 0x9C7C },
  { 0x2EE9, 0x9EC4 }, { 0x2EEA, 0x9EFE }, { 0x2EEC, 0x9F50 }, { 0x2EEE, 0x9F7F },
  { 0x2EF0, 0x9F99 }, { 0x2EF3, 0x9F9F },
};

static gunichar
map_radical (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (radical_map); i++)
    if (radical_map[i].radical == c)
      return radical_map[i].ideograph;
  return c;
}

static void
append_normalized (GString  *out,
                   gunichar  c)
{
  char buf[8];
  int len;

  if (c >= 0x2E80 && c <= 0x2EFF)
    c = map_radical (c);
  len = g_unichar_to_utf8 (c, buf);
  g_autofree char *nfkc = g_utf8_normalize (buf, len, G_NORMALIZE_ALL);

  g_string_append (out, nfkc ? nfkc : buf);
}

/* NFKC, then the folds the template matcher relies on: "1、" → "1.",
 * every kind of space → " ", control characters dropped.  @char_map, if
 * given, receives for every output character (a guint) the index of the
 * input character it came from. */
char *
nb_normalize_text (const char *text,
                   gssize      length,
                   GArray     *char_map)
{
  GString *out;
  const char *end;
  guint index = 0;

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length + 8);

  for (const char *p = text; p < end; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      gsize before = out->len;

      if (c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 || c == 0xA0)
        g_string_append_c (out, c == '\t' ? '\t' : ' ');
      else if (c < 0x20 || c == 0x7F || c == 0xFEFF || c == 0x200B)
        continue;
      else if (c == 0x3001 && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
        g_string_append_c (out, '.');
      else if (nfkc_stable (c) || (c >= 0x2460 && c <= 0x2473))
        /* Circled numbers stay: "2①" is 2 with a footnote mark, not 21. */
        g_string_append_unichar (out, c);
      else
        append_normalized (out, c);

      if (char_map != NULL)
        for (const char *q = out->str + before; q < out->str + out->len; q = g_utf8_next_char (q))
          g_array_append_val (char_map, index);
    }

  return g_string_free (out, FALSE);
}

/* The form labels are compared in: NFKC, then letters, digits and
 * ideographs only.  "（三）不予公开 1. 属于国家秘密" → "三不予公开1属于国家秘密". */
char *
nb_normalize_match_key (const char *text)
{
  g_autofree char *normal = nb_normalize_text (text, -1, NULL);
  GString *out = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 ? g_ascii_isalnum (c) : (nb_unichar_is_han (c) || g_unichar_isalnum (c)))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Prose keeps its own punctuation (full-width commas stay full-width); only
 * characters that merely look like ideographs are repaired. */
char *
nb_normalize_prose (const char *text,
                    gssize      length)
{
  GString *out;
  const char *end;

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\f' || c == '\v' || c == '\r')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7F || c == 0xFEFF || c == 0x200B)
        continue;
      else if (is_lookalike (c))
        append_normalized (out, c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
