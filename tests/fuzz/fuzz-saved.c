/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-checker.h"
#include "nb-fuzz.h"
#include "nb-report-export.h"
#include "nb-report-file.h"

/* The saved report loader: a .nianbao file → report → saved again and
 * exported, and the saved form loads back. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbChecker) checker = NULL;
  g_autoptr(NbReport) again = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  report = nb_report_file_load_bytes (bytes, NULL, NULL);
  if (report == NULL)
    return 0;
  checker = nb_checker_new (report);
  json = nb_report_export_json (report, nb_checker_get_problems (checker), "fuzz");
  saved = nb_report_file_to_data (report);
  saved_bytes = g_bytes_new_static (saved, strlen (saved));
  again = nb_report_file_load_bytes (saved_bytes, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("a saved report does not load back: %s\n", error->message);
      abort ();
    }
  return 0;
}
