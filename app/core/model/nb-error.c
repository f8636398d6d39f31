/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-error.h"

G_DEFINE_QUARK (nb-error-quark, nb_error)
