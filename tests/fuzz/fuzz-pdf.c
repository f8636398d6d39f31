/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-fuzz.h"
#include "nb-importer.h"

/* The PDF reader: bytes → Poppler → glyphs → line stream → matcher.  The
 * input is always taken as a PDF, whatever its head says. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) pdf = g_byte_array_sized_new (size + 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbReport) report = NULL;

  if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
    g_byte_array_append (pdf, (const guint8 *) "%PDF-1.4\n", 9);
  g_byte_array_append (pdf, data, size);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  report = nb_import_bytes (bytes, NULL, NULL, NULL, NULL);
  return 0;
}
