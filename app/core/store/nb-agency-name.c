/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-agency-name"

#include "config.h"

#include <string.h>

#include "nb-library-private.h"

/* Agency names as reports write them: one agency is spelt with spaces,
 * full-width letters, a trailing year, or with the place above it
 * (淮安市洪泽区人民政府 / 洪泽区人民政府).  No dictionary: a leading place is
 * a short run ending in 省, 市, 县, 区, 州, 旗 or 盟. */

#define MAX_PLACE_CHARS 10

/* Runs that end like a place but are not one. */
static const char *const not_places[] = {
  "城市", "城区", "社区", "园区", "景区", "辖区", "小区", "街区", "矿区", "林区",
  "库区", "山区", "牧区", "灾区", "老区", "市区", "县区", "地区",
};

static gboolean
is_place_end (gunichar c)
{
  return c == 0x7701 /* 省 */ || c == 0x5E02 /* 市 */ || c == 0x53BF /* 县 */ ||
         c == 0x533A /* 区 */ || c == 0x5DDE /* 州 */ || c == 0x65D7 /* 旗 */ ||
         c == 0x76DF /* 盟 */;
}

/* The length in bytes of the place @text starts with, or 0. */
static gsize
leading_place (const char *text)
{
  const char *p = text;

  for (guint n = 1; *p != '\0' && n <= MAX_PLACE_CHARS; n++)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      if (!is_place_end (c))
        continue;
      if (n < 2)
        return 0;
      for (guint i = 0; i < G_N_ELEMENTS (not_places); i++)
        if (strncmp (text, not_places[i], p - text) == 0 && strlen (not_places[i]) == (gsize) (p - text))
          return 0;
      return p - text;
    }
  return 0;
}

static gboolean
strip_suffix (GString    *s,
              const char *suffix)
{
  gsize n = strlen (suffix);

  if (s->len < n || strcmp (s->str + s->len - n, suffix) != 0)
    return FALSE;
  g_string_truncate (s, s->len - n);
  return TRUE;
}

/**
 * _nb_agency_name_normalize:
 *
 * Returns: the name in NFKC form (full-width letters and digits made
 *   half-width), without white space, without a trailing year
 *   (2023年, 2023年度).
 */
char *
_nb_agency_name_normalize (const char *name)
{
  g_autofree char *nfkc = NULL;
  GString *s;

  if (name == NULL)
    return g_strdup ("");
  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");

  s = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (s, c);
    }

  if (strip_suffix (s, "年度") || strip_suffix (s, "年"))
    while (s->len > 0 && g_ascii_isdigit (s->str[s->len - 1]))
      g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

/**
 * _nb_agency_name_group_key:
 * @normalized: a name from _nb_agency_name_normalize ()
 * @region: (out) (optional): the leading places, or ""
 *
 * Returns: the name without the places above the last one, so that
 *   names differing only by a leading place share it: 江苏省淮安市洪泽区人民政府,
 *   淮安市洪泽区人民政府 and 洪泽区人民政府 all give 洪泽区人民政府.  A name
 *   is never taken for a place as a whole: 尉氏县先进制造业开发区 keeps
 *   先进制造业开发区 after its county.
 */
char *
_nb_agency_name_group_key (const char  *normalized,
                           char       **region)
{
  const char *p = normalized;
  const char *last = NULL;
  gsize n;

  while ((n = leading_place (p)) > 0 && p[n] != '\0')
    {
      last = p;
      p += n;
    }

  if (region != NULL)
    *region = g_strndup (normalized, p - normalized);
  return g_strdup (last != NULL ? last : normalized);
}

NbAgencyLevel
_nb_agency_name_level (const char *normalized)
{
  static const char *const departments[] = { "局", "委", "办", "委员会", "办公室", "厅", "署", "中心" };

  if (g_str_has_suffix (normalized, "人民政府") || g_str_has_suffix (normalized, "政府"))
    return NB_AGENCY_LEVEL_GOVERNMENT;
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (g_str_has_suffix (normalized, departments[i]))
      return NB_AGENCY_LEVEL_DEPARTMENT;
  return NB_AGENCY_LEVEL_UNKNOWN;
}
