/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-template.h"

G_BEGIN_DECLS

/* The consistency rules (勾稽关系) of the template, as data: what each rule
 * compares, named by the spec's table, row and column ids, how serious a
 * break is, and what a person reads.  nb-checks interprets them; a new sum
 * rule is a new entry in nb-rules-data.c, not new code. */

typedef enum
{
  NB_RULE_MISSING,     /* the cells of one row the report does not give */
  NB_RULE_VALUE_KIND,  /* one cell's value fits its kind (see NbRuleLimit) */
  NB_RULE_SUM,         /* the left terms add up to the right terms */
  NB_RULE_CARRY,       /* left terms of one year = right terms of the year before */
} NbRuleKind;

typedef enum
{
  NB_RULE_EACH_CELL,   /* every cell of the table */
  NB_RULE_EACH_ROW,    /* every row of the table's edition; terms name columns */
  NB_RULE_EACH_COLUMN, /* every column of the table; terms name rows */
} NbRuleScope;

/* How a sum rule's message shows the numbers, after the row or column title. */
typedef enum
{
  NB_RULE_SHOW_SIDES,  /* the left sum, then the right sum */
  NB_RULE_SHOW_TERMS,  /* every term's value, left terms first */
} NbRuleShow;

typedef enum
{
  NB_LIMIT_WHOLE        = 1 << 0,
  NB_LIMIT_NON_NEGATIVE = 1 << 1,
} NbLimits;

/* What a value of one kind must be, and what is said when it is not. */
typedef struct
{
  NbValueKind  kind;
  NbLimits     limits;
  const char  *message;          /* msgid: table, row and column titles, value */
} NbRuleLimit;

/* Marks a plural pair for xgettext (keyword NB_NP_:1,2, in po/meson.build);
 * nb-checks translates it with g_dngettext () and the count. */
#define NB_NP_(one, other) { (one), (other) }

/* A message whose English form depends on a count (g_dngettext), or not. */
typedef struct
{
  const char *one;               /* msgid */
  const char *other;             /* msgid_plural, or NULL */
} NbRuleMessage;

typedef struct
{
  const char         *id;        /* "s3.balance": what problems report */
  NbRuleKind          kind;
  NbSeverity          severity;
  NbRuleScope         scope;
  const char         *table;     /* "s3"; NULL: every table */
  const char *const  *left;      /* NB_RULE_SUM, NB_RULE_CARRY: row or column ids */
  const char *const  *right;
  NbRuleShow          show;      /* NB_RULE_SUM */
  /* Arguments, by kind:
   * NB_RULE_MISSING: table and row titles, the number of missing cells;
   * NB_RULE_SUM: the row or column title, then the numbers as @show says;
   * NB_RULE_CARRY: the row or column title, the left value, its year,
   *   the right value, its year. */
  NbRuleMessage       message;
  NbRuleMessage       message_noted; /* NB_RULE_MISSING, when the reader noted why: + the note */
  const NbRuleLimit  *limits;    /* NB_RULE_VALUE_KIND: ends with a NULL message */
} NbRuleDef;

const NbRuleDef *nb_rules_get      (guint      *n_rules);
const NbRuleDef *nb_rules_lookup   (const char *rule_id);

G_END_DECLS
