/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-fuzz.h"
#include "nb-importer.h"

/* The library's import path: bytes → source document (kind told by the
 * content) → the reader of that kind → report. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(NbReport) report = NULL;

  source = nb_source_document_new_from_bytes (bytes, NULL, NULL, NULL);
  if (source == NULL)
    return 0;
  (void) nb_source_document_get_checksum (source);
  report = nb_import_source (source, NULL, NULL, NULL);
  return 0;
}
