/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>

/* What every harness shares: a critical, or a warning of ours, is a crash
 * (a bad input must get a GError, never a Json-CRITICAL), and nothing is
 * logged. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
nb_fuzz_quiet_log (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        user_data)
{
  /* A library's own warning is not ours to fail on: libgsf warns (with no
   * domain) about a damaged zip entry, then returns an error that the
   * reader turns into a message, which is the good outcome.  Our domains
   * all start with "nb". */
  if ((level & G_LOG_LEVEL_WARNING) && (domain == NULL || !g_str_has_prefix (domain, "nb")))
    return;
  /* libgsf 1.14.50 unrefs a NULL GDateTime for a zip entry whose DOS time
   * is impossible (a GLib critical, then a clean error): its bug, not ours. */
  if ((level & G_LOG_LEVEL_CRITICAL) && g_strcmp0 (domain, "GLib") == 0 &&
      g_str_has_prefix (message, "g_date_time_unref:"))
    return;
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (nb_fuzz_quiet_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
  return 0;
}
