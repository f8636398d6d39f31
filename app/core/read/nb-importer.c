/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-importer"

#include "config.h"

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-line.h"
#include "nb-matcher.h"
#include "nb-report-file.h"
#include "nb-markdown-reader.h"
#include "nb-pdf-reader.h"
#include "nb-rendered-text.h"
#include "nb-source-document-private.h"
#include "nb-text-reader.h"

/* One road for every report: pick the reader by the file's content, let it
 * make the line stream, let the matcher fill the report. */

/**
 * nb_import_source:
 * @source: an opened source document
 *
 * Fills a report from @source: a text, a PDF, a web page, a Word file or
 * Markdown through its reader and the matcher, a saved report as it was
 * saved.  Blocking.
 */
NbReport *
nb_import_source (NbSourceDocument       *source,
                  const NbImportOptions  *options,
                  GCancellable           *cancellable,
                  GError                **error)
{
  static const NbImportOptions defaults = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(NbReport) report = NULL;
  const char *path;

  g_return_val_if_fail (NB_IS_SOURCE_DOCUMENT (source), NULL);

  if (options == NULL)
    options = &defaults;
  path = nb_source_document_get_path (source);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (nb_source_document_get_kind (source))
    {
    case NB_SOURCE_KIND_SAVED:
      /* A report saved by Nianbao opens as it was saved. */
      return nb_report_file_load_bytes (nb_source_document_get_bytes (source), path, error);

    case NB_SOURCE_KIND_PDF:
      lines = nb_pdf_read_lines (source, options, cancellable, error);
      break;

    case NB_SOURCE_KIND_HTML:
    case NB_SOURCE_KIND_DOCX:
    case NB_SOURCE_KIND_DOC:
      /* Read when opened: the lines are those of its text rendering. */
      lines = nb_rendered_text_read_lines (nb_source_document_get_text (source),
                                           _nb_source_document_get_rendered_lines (source));
      break;

    case NB_SOURCE_KIND_MARKDOWN:
      lines = nb_markdown_read_lines (nb_source_document_get_text (source));
      break;

    case NB_SOURCE_KIND_TEXT:
    default:
      lines = nb_text_split_lines (nb_source_document_get_text (source), error);
      break;
    }
  if (lines == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  report = nb_report_new ();
  nb_report_set_source_path (report, path);
  nb_report_set_source_checksum (report, nb_source_document_get_checksum (source));
  if (!nb_matcher_fill_report (lines, report, error))
    return NULL;

  /* What was read is the starting point, not an edit. */
  nb_report_set_modified (report, FALSE);
  return g_steal_pointer (&report);
}

NbReport *
nb_import_bytes (GBytes                 *bytes,
                 const char             *path,
                 const NbImportOptions  *options,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(NbSourceDocument) source = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  source = nb_source_document_new_from_bytes (bytes, path, options ? options->password : NULL, error);
  if (source == NULL)
    return NULL;
  return nb_import_source (source, options, cancellable, error);
}

NbReport *
nb_import_file (const char             *path,
                const NbImportOptions  *options,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(NbSourceDocument) source = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  source = nb_source_document_open (path, options ? options->password : NULL, cancellable, error);
  if (source == NULL)
    return NULL;
  return nb_import_source (source, options, cancellable, error);
}
