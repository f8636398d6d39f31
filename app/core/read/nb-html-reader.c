/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-html-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "nb-error.h"
#include "nb-html-reader.h"
#include "nb-rendered-text.h"

/* The HTML reader: a web page as published or saved by a browser (or an
 * MHTML archive of one) → its text rendering.  Tables are read as rows
 * and cells with their spans expanded; the text around them as
 * paragraphs; scripts, styles and the site's navigation are dropped.
 * Layout tables (a table holding tables, or of one column) are read as
 * the blocks they hold. */

#define HEAD_SCAN     4096
#define MAX_COLSPAN   64
#define MAX_ROWSPAN   1000
#define MAX_COLUMNS   256

/* ---- Charset ----------------------------------------------------------- */

static const struct { const char *name; const char *iconv; } charsets[] = {
  { "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
  { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "gb18030", "GB18030" },
  { "x-gbk", "GB18030" }, { "cp936", "GB18030" }, { "gb_2312-80", "GB18030" },
  { "big5", "BIG5" }, { "big5-hkscs", "BIG5-HKSCS" },
  { "utf-16", "UTF-16" }, { "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
  { "iso-8859-1", "WINDOWS-1252" }, { "windows-1252", "WINDOWS-1252" },
  { "us-ascii", "UTF-8" },
};

/* The iconv name of a charset label, or NULL when we do not know it. */
static const char *
charset_from_label (const char *label,
                    gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    if (strlen (charsets[i].name) == length && g_ascii_strncasecmp (label, charsets[i].name, length) == 0)
      return charsets[i].iconv;
  return NULL;
}

/* "charset=gbk" in a <meta>, either form, within the head of the page. */
static const char *
find_meta_charset (const char *data,
                   gsize       length)
{
  gsize n = MIN (length, HEAD_SCAN);

  for (gsize i = 0; i + 8 < n; i++)
    {
      gsize start, end;

      if (g_ascii_strncasecmp (data + i, "charset=", 8) != 0)
        continue;
      start = i + 8;
      while (start < n && (data[start] == '"' || data[start] == '\'' || data[start] == ' '))
        start++;
      end = start;
      while (end < n && (g_ascii_isalnum (data[end]) || data[end] == '-' || data[end] == '_'))
        end++;
      if (end > start)
        return charset_from_label (data + start, end - start);
    }
  return NULL;
}

static gboolean
has_multibyte (const char *data,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

static char *
convert_strict (const char *data,
                gsize       length,
                const char *from)
{
  gsize written = 0;
  char *out = g_convert (data, length, "UTF-8", from, NULL, &written, NULL);

  if (out != NULL && (!g_utf8_validate (out, written, NULL) || memchr (out, '\0', written)))
    g_clear_pointer (&out, g_free);
  return out;
}

/* The page as UTF-8: the BOM, else the charset declared (by the MHTML part
 * or the <meta>) unless the bytes are plainly UTF-8 (pages are often
 * mislabelled), else UTF-8, else GB18030. */
static char *
decode_page (const char  *data,
             gsize        length,
             const char  *declared,
             const char **encoding,
             GError     **error)
{
  const char *from = NULL;
  char *text = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3, from = "UTF-8";
  else if (length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    data += 2, length -= 2, from = "UTF-16LE";
  else if (length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    data += 2, length -= 2, from = "UTF-16BE";
  else
    {
      gboolean utf8 = g_utf8_validate (data, length, NULL) && memchr (data, '\0', length) == NULL;

      if (declared == NULL)
        declared = find_meta_charset (data, length);
      if (utf8 && (declared == NULL || has_multibyte (data, length)))
        from = "UTF-8";
      else if (declared != NULL && strcmp (declared, "UTF-8") != 0 &&
               (text = convert_strict (data, length, declared)) != NULL)
        from = declared;
      else if ((text = convert_strict (data, length, "GB18030")) != NULL)
        from = "GB18030";
    }

  if (text == NULL && from != NULL)
    {
      if (strcmp (from, "UTF-8") == 0 && g_utf8_validate (data, length, NULL))
        text = g_strndup (data, length);
      else if (strcmp (from, "UTF-8") != 0)
        text = convert_strict (data, length, from);
    }

  if (text == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                   _("The web page is in an encoding Nianbao cannot tell "
                     "(it reads UTF-8, UTF-16 and GB18030/GBK)"));
      return NULL;
    }
  *encoding = from;
  return text;
}

/* ---- What is content ---------------------------------------------------- */

static gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode     *node,
         const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char *const dropped_elements[] = {
  "script", "style", "noscript", "template", "head", "nav", "iframe", "object", "embed",
  "svg", "canvas", "select", "button", "textarea", "input", "map", "audio", "video",
  "menu", "title", NULL
};

/* Banners, menus, breadcrumbs, share bars and site footers, as their
 * classes and ids name them. */
static const char *const nav_words[] = {
  "nav", "navbar", "navigation", "menu", "menus", "mainmenu", "topmenu", "breadcrumb",
  "breadcrumbs", "crumb", "crumbs", "sidebar", "topbar", "toolbar", "share", "copyright",
  "skip-link", "site-header", "site-footer", "position", "location", "footer", "header",
  "sitemap", "bdsharebuttonbox", NULL
};
static const char *const nav_prefixes[] = {
  "nav-", "nav_", "menu-", "menu_", "breadcrumb", "crumb", "footer", "site-nav", NULL
};

static gboolean
is_nav_word (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (g_strv_contains (nav_words, lower))
    return TRUE;
  for (guint i = 0; nav_prefixes[i]; i++)
    if (g_str_has_prefix (lower, nav_prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
attribute_has_nav_word (xmlNode    *node,
                        const char *attribute)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) attribute);
  gboolean found = FALSE;

  if (value != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set ((const char *) value, " \t\r\n", -1);

      for (guint i = 0; words[i] && !found; i++)
        found = words[i][0] != '\0' && is_nav_word (words[i]);
      xmlFree (value);
    }
  return found;
}

/* @needles in an attribute's value, ignoring case and spaces. */
static gboolean
attribute_contains (xmlNode           *node,
                    const char        *attribute,
                    const char *const *needles)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) attribute);
  g_autoptr(GString) squeezed = g_string_new (NULL);
  gboolean found = FALSE;

  if (value == NULL)
    return FALSE;
  for (const char *p = (const char *) value; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, g_ascii_tolower (*p));
  xmlFree (value);
  for (guint i = 0; needles[i] && !found; i++)
    found = strstr (squeezed->str, needles[i]) != NULL;
  return found;
}

static gboolean
is_dropped (xmlNode *node)
{
  static const char *const hidden_styles[] = { "display:none", "visibility:hidden", NULL };
  static const char *const nav_roles[] = { "navigation", "banner", "contentinfo", "menu", "search", NULL };

  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  return name_in (node, dropped_elements) || name_is (node, "header") || name_is (node, "footer") ||
         xmlHasProp (node, (const xmlChar *) "hidden") != NULL ||
         attribute_contains (node, "style", hidden_styles) ||
         attribute_contains (node, "role", nav_roles) ||
         attribute_has_nav_word (node, "class") || attribute_has_nav_word (node, "id");
}

static const char *const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "tr", "td", "th", "table", "tbody", "thead", "tfoot", "caption", "section", "article",
  "main", "aside", "blockquote", "pre", "center", "hr", "address", "figure", "figcaption",
  "form", "fieldset", "body", "html", "br", NULL
};

/* ---- Cells and tables ------------------------------------------------- */

static void walk (xmlNode        *root,
                  NbRenderedText *out,
                  GString        *text);

/* A cell's text: its blocks and <br>s joined. */
static char *
cell_text (xmlNode *cell)
{
  GString *text = g_string_new (NULL);

  walk (cell, NULL, text);
  return g_string_free (text, FALSE);
}

static guint
span_of (xmlNode *cell,
         const char *attribute,
         guint       limit)
{
  xmlChar *value = xmlGetProp (cell, (const xmlChar *) attribute);
  guint64 span = 1;

  if (value != NULL)
    {
      span = g_ascii_strtoull ((const char *) value, NULL, 10);
      xmlFree (value);
    }
  return CLAMP (span, 1, limit);
}

/* A data table holds no table and has two columns somewhere. */
static gboolean
is_data_table (xmlNode *table)
{
  gboolean wide = FALSE;

  for (xmlNode *node = table->children; node != NULL;)
    {
      if (name_is (node, "table"))
        return FALSE;
      if (name_is (node, "tr"))
        {
          guint n = 0;

          for (xmlNode *cell = node->children; cell; cell = cell->next)
            if (name_is (cell, "td") || name_is (cell, "th"))
              n += span_of (cell, "colspan", MAX_COLSPAN);
          wide = wide || n >= 2;
        }
      node = nb_xml_next_node (node, table, TRUE);
    }
  return wide;
}

/* One row: the cells of the row in grid order, columns covered by a
 * rowspan from above left empty (the merged label stays in its first
 * row) but counted. */
static void
add_row (NbRenderedText *out,
         xmlNode        *tr,
         GArray         *carry)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint column = 0, used = 0;

  for (xmlNode *cell = tr->children; cell != NULL && column < MAX_COLUMNS; cell = cell->next)
    {
      guint colspan, rowspan;

      if (!name_is (cell, "td") && !name_is (cell, "th"))
        continue;
      while (column < carry->len && g_array_index (carry, guint, column) > 0)
        {
          g_array_index (carry, guint, column)--;
          g_ptr_array_add (cells, NULL);
          column++;
        }
      colspan = MIN (span_of (cell, "colspan", MAX_COLSPAN), MAX_COLUMNS - column);
      rowspan = span_of (cell, "rowspan", MAX_ROWSPAN);
      if (carry->len < column + colspan)
        g_array_set_size (carry, column + colspan);
      g_ptr_array_add (cells, is_dropped (cell) ? NULL : cell_text (cell));
      for (guint k = 0; k < colspan; k++)
        {
          if (k > 0)
            g_ptr_array_add (cells, NULL);
          g_array_index (carry, guint, column + k) = rowspan - 1;
        }
      column += colspan;
      used = column;
    }

  /* Columns at the end still covered from above count too. */
  for (; column < carry->len; column++)
    {
      g_ptr_array_add (cells, NULL);
      if (g_array_index (carry, guint, column) > 0)
        {
          g_array_index (carry, guint, column)--;
          used = column + 1;
        }
    }
  nb_rendered_text_add_row (out, (char **) cells->pdata, used);
}

static void
add_table (NbRenderedText *out,
           xmlNode        *table)
{
  g_autoptr(GArray) carry = g_array_new (FALSE, TRUE, sizeof (guint));

  for (xmlNode *child = table->children; child != NULL; child = child->next)
    if (name_is (child, "caption"))
      {
        g_autofree char *text = cell_text (child);

        nb_rendered_text_add_paragraph (out, text);
      }

  nb_rendered_text_begin_table (out);
  for (xmlNode *node = table->children; node != NULL;)
    {
      if (name_is (node, "tr"))
        {
          add_row (out, node, carry);
          node = nb_xml_next_node (node, table, FALSE);
        }
      else
        node = nb_xml_next_node (node, table, !is_dropped (node) && !name_is (node, "caption"));
    }
}

/* ---- MHTML ------------------------------------------------------------- */

/* Where the header block of a MIME entity ends (after its blank line). */
static const char *
headers_end (const char *data,
             const char *end)
{
  for (const char *p = data; p < end; p++)
    {
      if (p + 1 < end && p[0] == '\n' && p[1] == '\n')
        return p + 2;
      if (p + 3 < end && memcmp (p, "\r\n\r\n", 4) == 0)
        return p + 4;
    }
  return end;
}

/* The value of header @name in a header block, continuation lines joined. */
static char *
header_value (const char *data,
              const char *end,
              const char *name)
{
  gsize name_len = strlen (name);

  for (const char *line = data; line < end;)
    {
      const char *next = memchr (line, '\n', end - line);

      next = next ? next + 1 : end;
      if ((gsize) (end - line) > name_len && g_ascii_strncasecmp (line, name, name_len) == 0 &&
          line[name_len] == ':')
        {
          GString *value = g_string_new (NULL);
          const char *p = line + name_len + 1;

          for (;;)
            {
              const char *eol = memchr (p, '\n', end - p);

              eol = eol ? eol : end;
              g_string_append_len (value, p, eol - p);
              if (eol + 1 < end && (eol[1] == ' ' || eol[1] == '\t'))
                p = eol + 1;
              else
                break;
            }
          return g_strstrip (g_string_free (value, FALSE));
        }
      line = next;
    }
  return NULL;
}

/* A parameter of a header value: boundary="----abc", charset=gbk. */
static char *
header_parameter (const char *value,
                  const char *name)
{
  gsize name_len = strlen (name);

  for (const char *p = value; p && *p; p++)
    if (g_ascii_strncasecmp (p, name, name_len) == 0 && p[name_len] == '=' &&
        (p == value || p[-1] == ';' || p[-1] == ' ' || p[-1] == '\t'))
      {
        const char *start = p + name_len + 1;
        const char *stop;

        if (*start == '"')
          {
            start++;
            stop = strchr (start, '"');
          }
        else
          stop = start + strcspn (start, "; \t\r\n");
        return stop ? g_strndup (start, stop - start) : NULL;
      }
  return NULL;
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       length)
{
  GByteArray *out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c == '=' && i + 1 < length && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* a soft line break */
          i++;
          if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '=' && i + 2 < length && g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
        {
          c = g_ascii_xdigit_value (data[i + 1]) * 16 + g_ascii_xdigit_value (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_body (const char *data,
             gsize       length,
             const char *transfer_encoding)
{
  if (transfer_encoding && g_ascii_strcasecmp (transfer_encoding, "quoted-printable") == 0)
    return decode_quoted_printable (data, length);
  if (transfer_encoding && g_ascii_strcasecmp (transfer_encoding, "base64") == 0)
    {
      g_autofree char *copy = g_strndup (data, length);
      gsize decoded = 0;
      gint state = 0;
      guint save = 0;
      guchar *out = g_malloc (length / 4 * 3 + 4);

      /* The step decoder skips the line breaks. */
      decoded = g_base64_decode_step (copy, length, out, &state, &save);
      return g_bytes_new_take (out, decoded);
    }
  return g_bytes_new (data, length);
}

gboolean
nb_mhtml_looks_like (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end;
  g_autofree char *type = NULL;

  /* An archive starts with its MIME headers ("From:", "MIME-Version:").
   * Empty bytes have no data pointer at all: nothing to offset. */
  if (length == 0 || !g_ascii_isalpha (data[0]))
    return FALSE;
  end = data + MIN (length, HEAD_SCAN);
  type = header_value (data, headers_end (data, end), "Content-Type");
  return type != NULL && (g_ascii_strncasecmp (type, "multipart/related", 17) == 0 ||
                          g_ascii_strncasecmp (type, "text/html", 9) == 0);
}

/* The archive's page: its first text/html part, decoded, and its charset. */
static GBytes *
mhtml_find_html (GBytes  *bytes,
                 char   **charset,
                 GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end = data + length;
  const char *body = headers_end (data, end);
  g_autofree char *type = header_value (data, body, "Content-Type");
  g_autofree char *boundary = header_parameter (type, "boundary");
  g_autofree char *delimiter = NULL;
  const char *p;

  if (boundary == NULL)
    {
      g_autofree char *encoding = header_value (data, body, "Content-Transfer-Encoding");

      *charset = header_parameter (type, "charset");
      return decode_body (body, end - body, encoding);
    }

  delimiter = g_strconcat ("--", boundary, NULL);
  for (p = g_strstr_len (body, end - body, delimiter); p != NULL;)
    {
      const char *part = p + strlen (delimiter);
      const char *part_body, *next;
      g_autofree char *part_type = NULL;

      if (part + 2 <= end && memcmp (part, "--", 2) == 0)
        break;
      part_body = headers_end (part, end);
      next = g_strstr_len (part_body, end - part_body, delimiter);
      part_type = header_value (part, part_body, "Content-Type");
      if (part_type != NULL && g_ascii_strncasecmp (part_type, "text/html", 9) == 0)
        {
          g_autofree char *encoding = header_value (part, part_body, "Content-Transfer-Encoding");

          *charset = header_parameter (part_type, "charset");
          return decode_body (part_body, (next ? next : end) - part_body, encoding);
        }
      p = next;
    }

  g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
               _("The web archive (MHTML) holds no web page"));
  return NULL;
}

/* ---- The page ------------------------------------------------------------ */

/* A block ends: on the page its paragraph goes out, in a cell it is a space. */
static void
end_block (NbRenderedText *out,
           GString        *text,
           gboolean       *pending)
{
  if (out == NULL)
    {
      *pending = TRUE;
      return;
    }
  if (text->len > 0)
    nb_rendered_text_add_paragraph (out, text->str);
  g_string_truncate (text, 0);
  *pending = FALSE;
}

/* The text under @root.  With @out, the page: paragraphs and tables go to
 * @out.  Without, a cell: its text, blocks and <br>s joined, in @text. */
static void
walk (xmlNode        *root,
      NbRenderedText *out,
      GString        *text)
{
  gboolean pending = FALSE;
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (is_dropped (node))
        descend = FALSE;
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        nb_text_append_collapsed (text, (const char *) node->content, -1, &pending);
      else if (out != NULL && name_is (node, "table") && is_data_table (node))
        {
          end_block (out, text, &pending);
          add_table (out, node);
          descend = FALSE;
        }
      else if (name_in (node, block_elements))
        end_block (out, text, &pending);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      /* Leaving a block ends it too. */
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != root && name_in (node, block_elements))
            end_block (out, text, &pending);
        }
      node = node == root ? NULL : node->next;
    }
  if (out != NULL)
    end_block (out, text, &pending);
}

gboolean
nb_html_looks_like (GBytes *bytes)
{
  static const char *const marks[] = { "<!doctype html", "<html", "<head", "<body", "<table", "<meta", NULL };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *head = NULL;

  if (length == 0)  /* and no data pointer */
    return FALSE;
  head = g_ascii_strdown (data, MIN (length, HEAD_SCAN));

  /* A NUL ends the scan early: UTF-16 pages are told by their name. */
  for (guint i = 0; marks[i]; i++)
    if (strstr (head, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * nb_html_render:
 * @lines: (out): what each line of the rendering is
 * @encoding: (out): the charset the page was read in
 *
 * Returns: the page's text rendering, or %NULL with @error set
 */
char *
nb_html_render (GBytes      *bytes,
                GArray     **lines,
                const char **encoding,
                GError     **error)
{
  g_autoptr(GBytes) part = NULL;
  g_autoptr(NbRenderedText) out = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) paragraph = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  gsize length;
  const char *data;

  nb_xml_init ();

  if (nb_mhtml_looks_like (bytes))
    {
      part = mhtml_find_html (bytes, &charset, error);
      if (part == NULL)
        return NULL;
      bytes = part;
    }

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }
  text = decode_page (data, length, charset ? charset_from_label (charset, strlen (charset)) : NULL,
                      encoding, error);
  if (text == NULL)
    return NULL;

  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The web page cannot be read"));
      return NULL;
    }

  out = nb_rendered_text_new ();
  paragraph = g_string_new (NULL);
  walk ((xmlNode *) doc, out, paragraph);
  xmlFreeDoc (doc);
  return nb_rendered_text_finish (g_steal_pointer (&out), lines);
}
