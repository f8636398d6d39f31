/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-docx-reader.h"
#include "nb-fuzz.h"
#include "nb-importer.h"

/* The markdown reader: bytes named like a .md file → source document (its
 * text rendering) → line stream → report.  A binary Word file would start
 * LibreOffice: not here. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(NbReport) report = NULL;

  if (nb_doc_looks_like (bytes))
    return 0;
  source = nb_source_document_new_from_bytes (bytes, "fuzz.md", NULL, NULL);
  if (source == NULL)
    return 0;
  report = nb_import_source (source, NULL, NULL, NULL);
  return 0;
}
