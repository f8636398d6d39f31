/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-line.h"
#include "nb-matcher.h"
#include "nb-template-private.h"
#include "nb-value.h"

G_BEGIN_DECLS

/* The matcher's rooms share this: nb-matcher.c (the whole report, tokens
 * and labels), nb-matcher-tables.c (rows and values of S2, S3 and S4),
 * nb-matcher-headings.c (section headings, title, agency and year) and
 * nb-matcher-prose.c (the sections' text). */

typedef struct
{
  GPtrArray *lines;            /* NbLine */
  char     **keys;             /* match key of every line */
  NbReport  *report;
  int        headings[NB_N_SECTIONS];
} NbMatcher;

typedef enum
{
  NB_MATCHER_TOKEN_LABEL,
  NB_MATCHER_TOKEN_NUMBER,
  NB_MATCHER_TOKEN_BLANK,
  NB_MATCHER_TOKEN_JUNK,
  NB_MATCHER_TOKEN_UNIT,       /* "件", "条" after a number: part of the value */
} NbMatcherToken;

/* One value cell of a table row: a tab or pipe field (empty ones
 * included: text NULL), or, where the reader knows no cells, a token with
 * the unit that follows it. */
typedef struct
{
  const char *text;
  char       *owned;
  NbSource    source;
  guint       cell;            /* the reader's cell, 0 when unknown */
} NbMatcherSlot;

/* Tokens and labels */
NbMatcherToken _nb_matcher_classify_token  (const char        *text);
guint          _nb_matcher_split_values    (const NbLine      *line,
                                            gboolean          *has_number);
GArray        *_nb_matcher_value_slots     (const NbLine      *line,
                                            guint              first_value);
NbLexeme       _nb_matcher_lex_value       (const char        *text,
                                            NbValueKind        kind,
                                            double            *value);
char          *_nb_matcher_label_key       (const NbLine      *line,
                                            guint              n_tokens);
gboolean       _nb_matcher_contains_any    (const char        *key,
                                            const char *const *needles);
gboolean       _nb_matcher_is_header_text  (const char        *key);

/* Which template column each value of a row goes to: by default the
 * row's own columns in order; a table whose header has columns the
 * template lacks (小计, 备注) or lacks one (总计) says so in its header. */
typedef struct
{
  guint    n_values;             /* values a row gives */
  guint    min_values;           /* fewer when ignored columns end the row (备注, often blank) */
  int      column[16];           /* value → column of the table, -1: ignored */
  gboolean derive_total;         /* no 总计 column: totals are derived */
} NbMatcherColumnMap;

/* Tables: placing values */
void           _nb_matcher_set_row_missing (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            const NbRowDef    *row,
                                            const NbSource    *source,
                                            const char        *note);
void           _nb_matcher_set_slot        (NbMatcher         *m,
                                            const NbCellDef   *cell,
                                            const NbMatcherSlot *slot);
void           _nb_matcher_assign_values   (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            const NbRowDef    *row,
                                            const NbMatcherSlot *slots,
                                            guint              n_slots,
                                            const NbMatcherColumnMap *map);

/* Tables: columns from the header */
gboolean       _nb_matcher_find_column_map (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            guint              begin,
                                            guint              end,
                                            NbMatcherColumnMap *map);
void           _nb_matcher_derive_totals   (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            const int         *sequence,
                                            guint              n_positions);

/* Tables: columns by where they stand on a PDF page */
typedef struct
{
  double centre[16];             /* x-centre of each column of the table */
  guint  n;                      /* 0: not known */
} NbMatcherXColumns;

gboolean       _nb_matcher_find_x_columns  (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            guint              begin,
                                            guint              end,
                                            NbMatcherXColumns *columns);
GArray        *_nb_matcher_slots_by_x      (const NbMatcherXColumns *columns,
                                            const NbLine      *line,
                                            guint              first_value);
void           _nb_matcher_slot_clear      (gpointer           slot);

/* Tables */
void           _nb_matcher_match_rows      (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            guint              begin,
                                            guint              end);
void           _nb_matcher_match_s4        (NbMatcher         *m,
                                            const NbTableDef  *table,
                                            guint              begin,
                                            guint              end);

/* Headings and title */
void           _nb_matcher_find_headings   (NbMatcher         *m);
int            _nb_matcher_first_line_with (NbMatcher         *m,
                                            int                from,
                                            int                to,
                                            const char *const *needles,
                                            gboolean           at_start);
void           _nb_matcher_find_title      (NbMatcher         *m,
                                            int                limit);

/* Prose */
char          *_nb_matcher_collect_prose   (NbMatcher         *m,
                                            guint              begin,
                                            guint              end,
                                            gboolean           prose_only);

G_END_DECLS
