/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text import speed: reports per second on one core, over the bundled
 * seeds.  Run by `meson test --benchmark`; it prints, it asserts nothing
 * about time. */
#include "config.h"

#include "nb-importer.h"

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : "data/samples";
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *name;
  guint rounds = 400, n = 0;
  gsize total_bytes = 0;
  gint64 start, elapsed;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *data;
      gsize length;

      if (g_file_get_contents (path, &data, &length, NULL))
        {
          g_ptr_array_add (contents, g_bytes_new_take (data, length));
          total_bytes += length;
        }
    }
  g_assert_cmpuint (contents->len, >, 0);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < contents->len; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NbReport) report = nb_import_bytes (g_ptr_array_index (contents, i), "bench.txt",
                                                      NULL, NULL, &error);

        g_assert_no_error (error);
        n++;
      }
  elapsed = g_get_monotonic_time () - start;

  g_print ("text import: %u reports (%.1f KB average) in %.3f s: %.0f reports/s on one core\n",
           n, total_bytes / 1024.0 / contents->len, elapsed / 1e6, n / (elapsed / 1e6));
  return 0;
}
