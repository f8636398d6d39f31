/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library sidebar at scale: opens a library (tests/bench-library.py
 * makes one of 10,000 reports), shows it in the sidebar of a window, and
 * prints how long the first frame takes, how long typing a search takes to
 * filter the rows (slowest of several), and the longest frame while the
 * list scrolls from top to bottom.  Usage: bench-library-view LIBRARY */
#include "config.h"

#include <adwaita.h>

#include "nb-library-view.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
wait_for_frame (GtkWidget *window)
{
  gtk_test_widget_wait_for_draw (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  static const char *const queries[] = { "县", "人民政府", "2023", "教育局", "区卫生健康", "滨州", "no such" };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbLibrary) library = NULL;
  GtkWidget *window, *view, *scrolled;
  GtkAdjustment *adjustment;
  double open_ms, first_frame_ms, slowest_search = 0, slowest_frame = 0;
  guint n_frames = 0;
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("Usage: %s LIBRARY\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  library = nb_library_open (argv[1], &error);
  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  open_ms = ms_since (start);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  view = nb_library_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  start = g_get_monotonic_time ();
  nb_library_view_set_library (NB_LIBRARY_VIEW (view), library);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  first_frame_ms = ms_since (start);

  /* Each search filters all the agencies at once (no incremental model). */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      nb_library_view_set_search (NB_LIBRARY_VIEW (view), queries[i]);
      ms = ms_since (start);
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(GListModel) core = nb_library_filter_agencies (library, queries[i]);
        g_print ("   core filter: %u in %.1f ms\n", g_list_model_get_n_items (core), ms_since (t0));
      }
      g_print ("search %-10s %5u rows  %6.1f ms\n", queries[i],
               g_list_model_get_n_items (nb_library_view_get_rows (NB_LIBRARY_VIEW (view))), ms);
      slowest_search = MAX (slowest_search, ms);
      wait_for_frame (window);
    }
  nb_library_view_set_search (NB_LIBRARY_VIEW (view), NULL);
  wait_for_frame (window);

  /* Scroll through every agency, a page at a time, one frame each. */
  scrolled = gtk_widget_get_ancestor (find_list (view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_print ("list: %.0f px in a page of %.0f px; window %d px high, mapped %d\n",
           gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment),
           gtk_widget_get_height (window), gtk_widget_get_mapped (scrolled));
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) * 0.9);
      wait_for_frame (window);
      slowest_frame = MAX (slowest_frame, ms_since (start));
      n_frames++;
    }

  g_print ("agencies %u, reports %u\n", g_list_model_get_n_items (nb_library_get_agencies (library)),
           nb_library_get_n_reports (library));
  g_print ("open the library           %7.1f ms\n", open_ms);
  g_print ("sidebar to its first frame %7.1f ms\n", first_frame_ms);
  g_print ("search, slowest            %7.1f ms\n", slowest_search);
  g_print ("scroll: %u pages, slowest frame %.1f ms\n", n_frames, slowest_frame);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
