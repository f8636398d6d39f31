/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-document.h"

G_BEGIN_DECLS

/* Shared by nb-document.c (state, properties) and nb-document-io.c
 * (loading and saving). */

struct _NbDocument
{
  GObject           parent_instance;

  GFile            *file;
  GFile            *saved_file;
  NbReport         *report;
  NbSourceDocument *source;
  NbChecker        *checker;
  GError           *error;
  NbSourceState     source_state;
  double            progress;
  guint             load_serial;    /* progress of an older load is dropped */
  guint             busy : 1;
};

void _nb_document_set_busy        (NbDocument       *self,
                                   gboolean          busy);
void _nb_document_set_progress    (NbDocument       *self,
                                   double            progress);
void _nb_document_set_saved_file  (NbDocument       *self,
                                   GFile            *file);
void _nb_document_set_contents    (NbDocument       *self,
                                   NbReport         *report,
                                   NbSourceDocument *source,
                                   NbSourceState     source_state);
void _nb_document_end_work        (NbDocument       *self,
                                   GTask            *task,
                                   GError           *error);

G_END_DECLS
