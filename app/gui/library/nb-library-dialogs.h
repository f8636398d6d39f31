/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nb-library.h"

G_BEGIN_DECLS

/* After an import where some files failed: each file with its reason. */
GtkWindow *nb_library_failures_dialog_new (GtkWindow                   *parent,
                                           const NbLibraryImportResult *result);

G_END_DECLS
