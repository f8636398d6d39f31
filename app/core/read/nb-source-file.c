/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nb-docx-reader.h"
#include "nb-error.h"
#include "nb-html-reader.h"
#include "nb-report-file.h"
#include "nb-source-document-private.h"

/* Reading a source file safely, and telling its kind: the size limit of
 * each kind, checked while the bytes come in, and the messages when a file
 * cannot be read.  nb-source-document.c opens what this reads. */

#define PDF_HEADER_SCAN  1024        /* "%PDF-" may follow some junk */
#define HEAD_SIZE        4096        /* what tells a file's kind */
#define READ_CHUNK       (256 * 1024)

gboolean
_nb_source_is_pdf (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize i = 0; i + 5 <= length && i < PDF_HEADER_SCAN; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static goffset
size_limit (NbSourceKind kind)
{
  switch (kind)
    {
    case NB_SOURCE_KIND_PDF:
      return NB_SOURCE_MAX_PDF_SIZE;
    case NB_SOURCE_KIND_SAVED:
      return NB_REPORT_FILE_MAX_SIZE;
    case NB_SOURCE_KIND_HTML:
    case NB_SOURCE_KIND_DOCX:
    case NB_SOURCE_KIND_DOC:
      return NB_SOURCE_MAX_MARKUP_SIZE;
    case NB_SOURCE_KIND_MARKDOWN:
    case NB_SOURCE_KIND_TEXT:
    default:
      return NB_SOURCE_MAX_TEXT_SIZE;
    }
}

gboolean
_nb_source_check_size (goffset        size,
            NbSourceKind   kind,
            GError       **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit = NULL;

  if (size <= size_limit (kind))
    return TRUE;

  size_text = g_format_size (size);
  limit = g_format_size (size_limit (kind));
  if (kind == NB_SOURCE_KIND_PDF)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a report (%s)"), size_text);
  else if (kind == NB_SOURCE_KIND_SAVED)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a saved report (%s; the limit is %s)"),
                 size_text, limit);
  else if (size_limit (kind) == NB_SOURCE_MAX_MARKUP_SIZE)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a report (%s; the limit for web pages and "
                   "Word files is %s)"),
                 size_text, limit);
  else
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a report (%s; text reports are a few KB, "
                   "the limit is %s)"),
                 size_text, limit);
  return FALSE;
}

static gboolean
has_extension (const char        *path,
               const char *const *extensions)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  for (guint i = 0; extensions[i]; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const html_extensions[] = { "html", "htm", "shtml", "xhtml", "mht", "mhtml", NULL };
static const char *const markdown_extensions[] = { "md", "markdown", NULL };
static const char *const docx_extensions[] = { "docx", NULL };

/* The kind of a file that is no JSON, by the content, by the name where
 * the content cannot tell (a page without tags at its head, Markdown); from
 * the head alone when that is all read yet. */
NbSourceKind
_nb_source_detect_kind (GBytes     *bytes,
             const char *path)
{
  if (_nb_source_is_pdf (bytes))
    return NB_SOURCE_KIND_PDF;
  if (nb_docx_looks_like (bytes))
    return NB_SOURCE_KIND_DOCX;
  if (nb_doc_looks_like (bytes))
    return NB_SOURCE_KIND_DOC;
  /* Sites publish web pages saved by Word as .doc: the content decides. */
  if (nb_mhtml_looks_like (bytes) || nb_html_looks_like (bytes) || has_extension (path, html_extensions))
    return NB_SOURCE_KIND_HTML;
  /* A .docx that is no zip is a damaged Word file, and says so. */
  if (has_extension (path, docx_extensions))
    return NB_SOURCE_KIND_DOCX;
  if (has_extension (path, markdown_extensions))
    return NB_SOURCE_KIND_MARKDOWN;
  return NB_SOURCE_KIND_TEXT;
}

/* The kind a file's first bytes announce, for its size limit while it is
 * read: JSON (a saved report, or refused), or the kind _nb_source_detect_kind () sees. */
NbSourceKind
_nb_source_head_kind (GBytes     *head,
           const char *path)
{
  gsize length;
  const char *data = g_bytes_get_data (head, &length);
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && (data[i] == '{' || data[i] == '['))
    return NB_SOURCE_KIND_SAVED;
  return _nb_source_detect_kind (head, path);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s", g_strerror (saved_errno));
}

/* Reads up to @want bytes more (G_MAXSIZE: to the end) into @data; FALSE
 * on error.  A file that grows past its limit while we read it fails at
 * once instead of filling the memory. */
static gboolean
read_into (int            fd,
           GByteArray    *data,
           gsize          want,
           NbSourceKind   kind,
           GCancellable  *cancellable,
           GError       **error)
{
  guint8 *buffer = g_malloc (READ_CHUNK);
  gboolean ok = FALSE;

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      n = read (fd, buffer, MIN ((gsize) READ_CHUNK, want));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          break;
        }
      if (n == 0)
        {
          ok = TRUE;
          break;
        }
      g_byte_array_append (data, buffer, n);
      if (!_nb_source_check_size (data->len, kind, error))
        break;
      if (want != G_MAXSIZE && (want -= n) == 0)
        {
          ok = TRUE;
          break;
        }
    }

  g_free (buffer);
  return ok;
}

/* The whole file, read-only, never more than the limit of its kind.
 * Only a regular file: opened without blocking (a named pipe with no
 * writer would hang open ()), then checked on the descriptor, so what is
 * checked is what is read. */
GBytes *
_nb_source_read_file (const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) head = NULL;
  struct stat st;
  NbSourceKind kind;
  int fd;
  gboolean ok;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("It is a folder, not a file"));
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("It is not a regular file (a device, a pipe or a socket): "
                       "Nianbao reads only files"));
      close (fd);
      return NULL;
    }
  if (!_nb_source_check_size (st.st_size, NB_SOURCE_KIND_PDF, error))
    {
      close (fd);
      return NULL;
    }

  data = g_byte_array_sized_new (MIN (st.st_size, NB_SOURCE_MAX_PDF_SIZE) + 1);

  /* The head tells the kind, and the kind the limit. */
  ok = read_into (fd, data, HEAD_SIZE, NB_SOURCE_KIND_PDF, cancellable, error);
  if (ok)
    {
      head = g_bytes_new_static (data->data, data->len);
      kind = _nb_source_head_kind (head, path);
      ok = _nb_source_check_size (MAX (st.st_size, (goffset) data->len), kind, error) &&
           read_into (fd, data, G_MAXSIZE, kind, cancellable, error);
    }
  close (fd);

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
