/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "nb-library.h"

G_BEGIN_DECLS

#define NB_TYPE_APPLICATION (nb_application_get_type ())

G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, AdwApplication)

NbApplication *nb_application_new         (void);
NbLibrary     *nb_application_get_library (NbApplication  *self,
                                           gboolean       *seed,
                                           GError        **error);

G_END_DECLS
