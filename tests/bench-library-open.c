/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library at scale, on a library made by bench-library.py: how long
 * it takes to open (with the agencies' list built), to build the list
 * again, to filter it as a person types, and the memory resident with it
 * open.  It prints; it asserts nothing about time. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "nb-library.h"
#include "nb-library-private.h"

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbLibrary) library = NULL;
  const char *queries[] = { "甲", "乙丙", "教育局", "2022", "丁戊己庚县", "人民政府 2024", "没有" };
  GListModel *agencies;
  long before = resident_kb ();
  gint64 start;
  double open_ms, reload_ms, worst_filter_ms = 0;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s LIBRARY\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  library = nb_library_open (argv[1], &error);
  open_ms = ms_since (start);
  g_assert_no_error (error);
  agencies = nb_library_get_agencies (library);

  start = g_get_monotonic_time ();
  _nb_library_reload (library);
  reload_ms = ms_since (start);

  g_print ("library: %u agencies, %u reports\n", g_list_model_get_n_items (agencies),
           nb_library_get_n_reports (library));
  g_print ("open (schema check and the agencies' list): %.0f ms\n", open_ms);
  g_print ("agencies' list built again: %.0f ms\n", reload_ms);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) found = NULL;
      double ms;

      /* the first keystroke, then the query typed out */
      start = g_get_monotonic_time ();
      found = nb_library_filter_agencies (library, queries[i]);
      ms = ms_since (start);
      worst_filter_ms = MAX (worst_filter_ms, ms);
      g_print ("search “%s”: %u agencies in %.1f ms\n", queries[i], g_list_model_get_n_items (found), ms);
    }
  g_print ("search, slowest: %.1f ms\n", worst_filter_ms);

  {
    g_autoptr(NbLibraryAgency) agency = g_list_model_get_item (agencies, g_list_model_get_n_items (agencies) / 2);
    g_autoptr(NbLibraryEntry) entry = g_list_model_get_item (nb_library_agency_get_reports (agency), 0);
    g_autoptr(NbDocument) document = NULL;

    start = g_get_monotonic_time ();
    document = nb_library_open_document (library, nb_library_entry_get_id (entry), &error);
    g_assert_no_error (error);
    g_print ("one report opened from the library: %.1f ms\n", ms_since (start));
  }

  g_print ("resident memory with the library open: %.1f MB (%.1f MB before opening)\n",
           resident_kb () / 1024.0, before / 1024.0);
  return 0;
}
