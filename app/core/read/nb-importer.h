/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

typedef struct
{
  const char *password;     /* for encrypted PDFs, or NULL */
  guint       first_page;   /* 1-based; 0: from the start */
  guint       last_page;    /* 0: to the end */
} NbImportOptions;

/* Largest text file taken as a report: reports are a few KB. */
#define NB_IMPORT_MAX_TEXT_SIZE (16 * 1024 * 1024)
/* Largest PDF: a report with scanned pages can be large, but not this. */
#define NB_IMPORT_MAX_PDF_SIZE  (512 * 1024 * 1024)

NbReport *nb_import_file         (const char              *path,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);
NbReport *nb_import_bytes        (GBytes                  *bytes,
                                  const char              *path,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GError                 **error);
void      nb_import_file_async   (const char              *path,
                                  const NbImportOptions   *options,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data);
NbReport *nb_import_file_finish  (GAsyncResult            *result,
                                  GError                 **error);

G_END_DECLS
