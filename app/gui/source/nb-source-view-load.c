/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-pdf-reader.h"
#include "nb-source-view-private.h"
#include "nb-text-reader.h"

/* Reading the source off the main thread, on the view's worker: the whole
 * file, never more than the limit of its kind, a PDF opened and its pages
 * measured, a text decoded as the importer decodes it. */

#define PDF_HEADER_SCAN    1024   /* as the importer: "%PDF-" in the first 1 KB */

void
_nb_source_load_free (NbSourceLoad *load)
{
  g_free (load->path);
  g_free (load->password);
  g_free (load->text);
  g_clear_pointer (&load->line_starts, g_array_unref);
  g_clear_object (&load->document);
  g_clear_pointer (&load->page_sizes, g_array_unref);
  g_free (load);
}

static gboolean
is_pdf (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* The header may follow some junk, as PDF readers tolerate. */
  for (gsize i = 0; i + 5 <= length && i < PDF_HEADER_SCAN; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static void
set_too_large (GError **error,
               goffset  size,
               gboolean pdf)
{
  g_autofree char *size_text = g_format_size (size);

  if (pdf)
    g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                 _("The file is too large to be a report (%s)"), size_text);
  else
    {
      g_autofree char *limit = g_format_size (NB_IMPORT_MAX_TEXT_SIZE);

      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%s; text reports are a few KB, "
                     "the limit is %s)"),
                   size_text, limit);
    }
}

/* Reads the whole file, read-only, never more than the limit of its kind:
 * a large text file fails at once instead of filling the memory. */
static GBytes *
read_source (const char    *path,
             gboolean      *pdf,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) head = NULL;
  guint8 header[PDF_HEADER_SCAN + 4];
  goffset size, limit;
  gsize n_read = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > NB_IMPORT_MAX_PDF_SIZE)
    {
      set_too_large (error, size, TRUE);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* "%PDF-" may start anywhere in the first 1 KB. */
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, cancellable, error))
    return NULL;
  head = g_bytes_new_static (header, n_read);
  *pdf = is_pdf (head);
  limit = *pdf ? NB_IMPORT_MAX_PDF_SIZE : NB_IMPORT_MAX_TEXT_SIZE;
  if (size > limit)
    {
      set_too_large (error, size, *pdf);
      return NULL;
    }

  data = g_byte_array_sized_new (MAX (size, (goffset) n_read) + 1);
  g_byte_array_append (data, header, n_read);

  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if ((goffset) data->len + n > limit)
        {
          /* It grew while we read it, or it is no regular file. */
          set_too_large (error, (goffset) data->len + n, *pdf);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GArray *
find_line_starts (const char *text,
                  guint      *n_chars)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint offset = 0;

  /* Lines end at "\n" only, as the importer counts them. */
  g_array_append_val (starts, offset);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      offset++;
      if (*p == '\n')
        g_array_append_val (starts, offset);
    }
  *n_chars = offset;
  return starts;
}

static gboolean
open_pdf (NbSourceLoad  *data,
          GBytes        *bytes,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *password = data->password && *data->password ? data->password : NULL;
  g_autoptr(PopplerDocument) document = nb_pdf_open (bytes, password, error);
  NbPageSize last = { 595, 842 };
  int n_pages;

  if (document == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The PDF has no pages"));
      return FALSE;
    }

  data->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (NbPageSize), n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      NbPageSize size = last;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (page != NULL)
        poppler_page_get_size (page, &size.width, &size.height);
      if (!(size.width >= 1 && size.height >= 1 && size.width < 20000 && size.height < 20000))
        size = last;
      g_array_append_val (data->page_sizes, size);
      last = size;
    }

  data->document = G_OBJECT (g_steal_pointer (&document));
  return TRUE;
}

void
_nb_source_load_worker (GTask        *task,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  NbSourceLoad *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gboolean pdf = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = read_source (data->path, &pdf, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (pdf)
    {
      if (!open_pdf (data, bytes, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      data->kind = NB_SOURCE_VIEW_PDF;
    }
  else
    {
      guint n_chars = 0;

      data->text = nb_decode_text (bytes, NULL, &error);
      if (data->text == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      data->line_starts = find_line_starts (data->text, &n_chars);
      data->kind = NB_SOURCE_VIEW_TEXT;
    }

  g_task_return_boolean (task, TRUE);
}

