/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-fuzz.h"
#include "nb-line.h"
#include "nb-matcher.h"
#include "nb-text-reader.h"

/* The text reader: bytes → decoded text → line stream → matcher. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  text = nb_decode_text (bytes, &encoding, NULL);
  if (text == NULL)
    return 0;
  lines = nb_text_split_lines (text, NULL);
  if (lines == NULL)
    return 0;
  report = nb_report_new ();
  nb_matcher_fill_report (lines, report, NULL);
  return 0;
}
