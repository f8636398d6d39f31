/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-template.h"

G_BEGIN_DECLS

extern const NbTableDef   nb_template_tables[];
extern const guint        nb_template_n_tables;
extern const NbSectionDef nb_template_sections[];
extern const char *const  nb_template_s3_header_words[];
extern const char *const  nb_template_s3_header_markers[];
extern const char *const  nb_template_ignored_column_keys[];

G_END_DECLS
