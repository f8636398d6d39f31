/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-line.h"
#include "nb-matcher.h"
#include "nb-report-file.h"
#include "nb-text-reader.h"
#include "nb-pdf-reader.h"

/* One road for every report: pick the reader by the file's content, let it
 * make the line stream, let the matcher fill the report. */

static gboolean
is_pdf (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* The header may follow some junk, as PDF readers tolerate. */
  for (gsize i = 0; i + 5 <= length && i < 1024; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
read_lines (GBytes                 *bytes,
            const char             *path,
            const NbImportOptions  *options,
            GCancellable           *cancellable,
            GError                **error)
{
  if (is_pdf (bytes))
    {
      return nb_pdf_read_lines (bytes, options, cancellable, error);
    }

  if (g_bytes_get_size (bytes) > NB_IMPORT_MAX_TEXT_SIZE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (bytes));
      g_autofree char *limit = g_format_size (NB_IMPORT_MAX_TEXT_SIZE);

      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%s; text reports are a few KB, "
                     "the limit is %s)"),
                   size, limit);
      return NULL;
    }

  (void) path;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return nb_text_read_lines (bytes, NULL, error);
}

NbReport *
nb_import_bytes (GBytes                 *bytes,
                 const char             *path,
                 const NbImportOptions  *options,
                 GCancellable           *cancellable,
                 GError                **error)
{
  static const NbImportOptions defaults = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(NbReport) report = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  /* A report saved by Nianbao opens as it was saved. */
  if (nb_report_file_is_saved_report (bytes))
    return nb_report_file_load_bytes (bytes, path, error);

  lines = read_lines (bytes, path, options, cancellable, error);
  if (lines == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  report = nb_report_new ();
  nb_report_set_source_path (report, path);
  {
    g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

    nb_report_set_source_checksum (report, checksum);
  }
  if (!nb_matcher_fill_report (lines, report, error))
    return NULL;

  /* What was read is the starting point, not an edit. */
  nb_report_set_modified (report, FALSE);
  return g_steal_pointer (&report);
}

NbReport *
nb_import_file (const char             *path,
                const NbImportOptions  *options,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s", g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("It is a folder, not a file"));
      return NULL;
    }
  if (st.st_size > NB_IMPORT_MAX_PDF_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);

      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%s)"), size);
      return NULL;
    }

  /* Mapped read-only: the source document is never written to. */
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);

  return nb_import_bytes (bytes, path, options, cancellable, error);
}

typedef struct
{
  char            *path;
  NbImportOptions  options;
  char            *password;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  NbReport *report = nb_import_file (data->path, &data->options, cancellable, &error);

  (void) source_object;
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
nb_import_file_async (const char             *path,
                      const NbImportOptions  *options,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (ImportData, 1);
  data->path = g_strdup (path);
  if (options != NULL)
    {
      data->options = *options;
      data->password = g_strdup (options->password);
      data->options.password = data->password;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

NbReport *
nb_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
