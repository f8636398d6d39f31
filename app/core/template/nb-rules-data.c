/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consistency rules of the template (see shared/spec/gov-disclosure-2021.md,
 * "Consistency rules"), by the spec's table, row and column ids.  This file is
 * data only; app/core/check/nb-checks.c interprets it.  Problems come out in
 * the order of this table, each rule's instances in template order, and
 * list their cells left terms first.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-rules.h"

#define IDS(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const NbRuleLimit value_limits[] = {
  { NB_VALUE_COUNT, NB_LIMIT_WHOLE | NB_LIMIT_NON_NEGATIVE,
    N_("%s, %s, %s: %s is not a count (a whole number, 0 or more)") },
  /* 2019 本年增/减 */
  { NB_VALUE_SIGNED_COUNT, NB_LIMIT_WHOLE,
    N_("%s, %s, %s: %s is not a whole number") },
  { NB_VALUE_AMOUNT, NB_LIMIT_NON_NEGATIVE,
    N_("%s, %s, %s: %s is a negative amount") },
  { 0, 0, NULL }
};

static const NbRuleDef rules[] = {
  /* One problem per template row, naming every cell of it the report lacks. */
  { .id = "cell.missing", .kind = NB_RULE_MISSING, .severity = NB_SEVERITY_WARNING,
    .scope = NB_RULE_EACH_ROW, .table = NULL,
    /* Translators: table, row, number of cells */
    .message = NB_NP_ ("%s, %s: %u value missing",
                       "%s, %s: %u values missing"),
    /* Translators: table, row, number of cells, then why */
    .message_noted = NB_NP_ ("%s, %s: %u value missing (%s)",
                             "%s, %s: %u values missing (%s)") },

  { .id = "cell.non_negative", .kind = NB_RULE_VALUE_KIND, .severity = NB_SEVERITY_ERROR,
    .scope = NB_RULE_EACH_CELL, .table = NULL, .limits = value_limits },

  /* The template prints it above S3: 第一项加第二项之和，等于第三项加第四项之和. */
  { .id = "s3.balance", .kind = NB_RULE_SUM, .severity = NB_SEVERITY_ERROR,
    .scope = NB_RULE_EACH_COLUMN, .table = "s3",
    .left = IDS ("new", "carried_in"),
    .right = IDS ("results_total", "carried_over"),
    .show = NB_RULE_SHOW_TERMS,
    .message = { N_("%s: new %s + carried in %s ≠ results total %s + carried over %s") } },

  /* Rows an edition lacks are left out: the 2021 S3 sums the three （六）
   * sub-rows, the 2019 S3 its one （六） row. */
  { .id = "s3.results_sum", .kind = NB_RULE_SUM, .severity = NB_SEVERITY_ERROR,
    .scope = NB_RULE_EACH_COLUMN, .table = "s3",
    .left = IDS ("results_total"),
    .right = IDS ("granted", "partly",
                  "refused.state_secret", "refused.prohibited", "refused.security_stability",
                  "refused.third_party", "refused.internal", "refused.process",
                  "refused.enforcement_file", "refused.query",
                  "unable.not_held", "unable.needs_creation", "unable.unclear",
                  "not_processed.petition", "not_processed.repeated",
                  "not_processed.publication", "not_processed.excessive",
                  "not_processed.confirm",
                  "other_handling.no_correction", "other_handling.no_fee",
                  "other_handling.misc", "other_handling"),
    .show = NB_RULE_SHOW_SIDES,
    .message = { N_("%s: results total %s ≠ %s, the sum of the result rows") } },

  { .id = "s3.row_total", .kind = NB_RULE_SUM, .severity = NB_SEVERITY_ERROR,
    .scope = NB_RULE_EACH_ROW, .table = "s3",
    .left = IDS ("total"),
    .right = IDS ("natural", "business", "research", "nonprofit", "legal", "other_org"),
    .show = NB_RULE_SHOW_SIDES,
    .message = { N_("%s: total %s ≠ %s, the sum of the applicant columns") } },

  { .id = "s4.group_total", .kind = NB_RULE_SUM, .severity = NB_SEVERITY_ERROR,
    .scope = NB_RULE_EACH_ROW, .table = "s4",
    .left = IDS ("total"),
    .right = IDS ("upheld", "corrected", "other", "pending"),
    .show = NB_RULE_SHOW_SIDES,
    .message = { N_("%s: total %s ≠ %s, the sum of its results") } },

  /* Across two reports of one agency: what year N carried in is what year
   * N−1 carried over.  A warning: agencies restate last year's figures. */
  { .id = "year.carry", .kind = NB_RULE_CARRY, .severity = NB_SEVERITY_WARNING,
    .scope = NB_RULE_EACH_COLUMN, .table = "s3",
    .left = IDS ("carried_in"),
    .right = IDS ("carried_over"),
    .message = { N_("%s: carried in %s in %d ≠ carried over %s in %d") } },
};

const NbRuleDef *
nb_rules_get (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const NbRuleDef *
nb_rules_lookup (const char *rule_id)
{
  g_return_val_if_fail (rule_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].id, rule_id) == 0)
      return &rules[i];
  return NULL;
}
