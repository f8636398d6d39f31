/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NB_ERROR (nb_error_quark ())

typedef enum
{
  NB_ERROR_FAILED,
  NB_ERROR_EMPTY,            /* the file has nothing in it */
  NB_ERROR_BINARY,           /* not text, and no format we read */
  NB_ERROR_ENCODING,         /* text in an encoding we cannot tell */
  NB_ERROR_TOO_LARGE,        /* far larger than any report */
  NB_ERROR_NO_REPORT,        /* readable, but no report tables in it */
  NB_ERROR_ENCRYPTED,        /* needs a password */
  NB_ERROR_DAMAGED,          /* a broken or truncated document */
  NB_ERROR_NO_TEXT,          /* a scan with no text layer */
  NB_ERROR_INVALID_VALUE,    /* a value that is not a number of the cell's kind */
  NB_ERROR_NOT_COMPARABLE,   /* two reports of other agencies or years than a rule needs */
  NB_ERROR_INVALID_FILE,     /* a .nianbao file we cannot read */
} NbError;

GQuark nb_error_quark (void);

G_END_DECLS
