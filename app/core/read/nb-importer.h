/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"
#include "nb-source-document.h"

G_BEGIN_DECLS

/* Called on the importing thread with the share of the work done, 0..1. */
typedef void (*NbImportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct
{
  const char           *password;       /* for encrypted PDFs, or NULL */
  guint                 first_page;     /* 1-based; 0: from the start */
  guint                 last_page;      /* 0: to the end */
  NbImportProgressFunc  progress;       /* or NULL */
  gpointer              progress_data;
} NbImportOptions;

NbReport *nb_import_source       (NbSourceDocument        *source,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);
NbReport *nb_import_file         (const char              *path,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);
NbReport *nb_import_bytes        (GBytes                  *bytes,
                                  const char              *path,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);

G_END_DECLS
