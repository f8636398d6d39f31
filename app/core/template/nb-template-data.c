/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template of the annual report on government information disclosure,
 * as the State Council General Office fixed it in 2021 (国办公开办函〔2021〕30号)
 * and, for tables that still follow it, in 2019 (国办公开办函〔2019〕60号).
 * See shared/spec/gov-disclosure-2021.md.  This file is data only.
 *
 * Match keys are written in nb_normalize_match_key () form: NFKC, then only
 * letters, digits and ideographs.  Each row also has a short key from the
 * head of its label, because narrow cells wrap labels around their values
 * ("6.属于四类过程性" / values / "信息").  A row matches a label that contains one
 * of its keys; the key found latest in the label wins, so "（六）其他处理
 * 1.申请人…逾期不补正…" is the sub-row, not the aggregate.  Typos are not
 * listed: a label no key matches is matched by edit distance to the labels.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-template-private.h"

#define KEYS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* ---- Groups: the merged titles of the printed tables ------------------ */

static const NbGroupDef article_20_1 = { "第二十条第（一）项", N_("Article 20 (1)"), NULL };
static const NbGroupDef article_20_5 = { "第二十条第（五）项", N_("Article 20 (5)"), NULL };
static const NbGroupDef article_20_6 = { "第二十条第（六）项", N_("Article 20 (6)"), NULL };
static const NbGroupDef article_20_8 = { "第二十条第（八）项", N_("Article 20 (8)"), NULL };
static const NbGroupDef article_20_9 = { "第二十条第（九）项", N_("Article 20 (9)"), NULL };
/* Translators: the corner above the row titles of table 2 (信息内容) */
static const NbGroupDef s2_corner = { "信息内容", N_("Information content"), NULL };

static const NbGroupDef s3_applicants = { "申请人情况", N_("Applicants"), NULL };
static const NbGroupDef s3_legal_persons = {
  "法人或其他组织", N_("Legal persons or other organisations"), NULL
};
static const NbGroupDef s3_corner = {
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  N_("In each column: items one and two together equal items three and four"), NULL
};
static const NbGroupDef s3_results = { "三、本年度办理结果", N_("Results of handling"), NULL };
static const NbGroupDef s3_refused = { "（三）不予公开", N_("Not disclosed"), &s3_results };
static const NbGroupDef s3_unable = { "（四）无法提供", N_("Cannot be provided"), &s3_results };
static const NbGroupDef s3_not_processed = { "（五）不予处理", N_("Not processed"), &s3_results };
static const NbGroupDef s3_other_handling = { "（六）其他处理", N_("Other handling"), &s3_results };

static const NbGroupDef s4_litigation = { "行政诉讼", N_("Administrative litigation"), NULL };

#define COUNT NB_VALUE_COUNT
#define AMOUNT NB_VALUE_AMOUNT

/* ---- Table S2, 2021 edition ------------------------------------------- */

static const NbColumnDef s2_2021_columns[] = {
  { "new",       "本年制发件数", NULL, N_("Issued this year"), COUNT },
  { "abolished", "本年废止件数", NULL, N_("Abolished this year"), COUNT },
  { "in_force",  "现行有效件数", NULL, N_("In force"), COUNT },
  { "decisions", "本年处理决定数量", NULL, N_("Decisions this year"), COUNT },
  { "amount",    "本年收费金额（单位：万元）", NULL, N_("Fees charged (10,000 yuan)"), AMOUNT },
};

static const NbRowDef s2_2021_rows[] = {
  { "rules", "规章", &article_20_1, N_("Rules"),
    KEYS ("规章"), 0, 3, 0 },
  { "normative", "行政规范性文件", &article_20_1, N_("Normative documents"),
    KEYS ("行政规范性文件", "规范性文件"), 0, 3, 0 },
  { "licensing", "行政许可", &article_20_5, N_("Administrative licensing"),
    KEYS ("行政许可"), 3, 1, 0 },
  { "penalty", "行政处罚", &article_20_6, N_("Administrative penalties"),
    KEYS ("行政处罚"), 3, 1, 0 },
  { "coercion", "行政强制", &article_20_6, N_("Administrative coercion"),
    KEYS ("行政强制"), 3, 1, 0 },
  { "fees", "行政事业性收费", &article_20_8, N_("Administrative fees"),
    KEYS ("行政事业性收费"), 4, 1, 0 },
};

/* ---- Table S2, 2019 edition ------------------------------------------- */

/* Rows mix kinds here: 本年增/减 may be negative, 采购总金额 is a decimal. */
static const NbColumnDef s2_2019_columns[] = {
  { "made",         "本年新制作数量", NULL, N_("Made this year"), COUNT },
  { "published",    "本年新公开数量", NULL, N_("Published this year"), COUNT },
  { "total_public", "对外公开总数量", NULL, N_("Total made public"), COUNT },
  { "prev_items",   "上一年项目数量", NULL, N_("Items last year"), COUNT },
  { "change",       "本年增/减", NULL, N_("Change this year"), NB_VALUE_SIGNED_COUNT },
  { "decisions",    "处理决定数量", NULL, N_("Decisions"), COUNT },
  { "items",        "采购项目数量", NULL, N_("Procurement items"), COUNT },
  { "amount",       "采购总金额", NULL, N_("Procurement amount (10,000 yuan)"), AMOUNT },
};

static const NbRowDef s2_2019_rows[] = {
  { "rules", "规章", &article_20_1, N_("Rules"),
    KEYS ("规章"), 0, 3, 0 },
  { "normative", "规范性文件", &article_20_1, N_("Normative documents"),
    KEYS ("规范性文件"), 0, 3, 0 },
  { "licensing", "行政许可", &article_20_5, N_("Administrative licensing"),
    KEYS ("行政许可"), 3, 3, 0 },
  { "other_services", "其他对外管理服务事项", &article_20_5,
    N_("Other external management services"),
    KEYS ("其他对外管理服务事项", "对外管理服务"), 3, 3, 0 },
  { "penalty", "行政处罚", &article_20_6, N_("Administrative penalties"),
    KEYS ("行政处罚"), 3, 3, 0 },
  { "coercion", "行政强制", &article_20_6, N_("Administrative coercion"),
    KEYS ("行政强制"), 3, 3, 0 },
  { "fees", "行政事业性收费", &article_20_8, N_("Administrative fees"),
    KEYS ("行政事业性收费"), 3, 2, 0 },
  { "procurement", "政府集中采购", &article_20_9, N_("Government procurement"),
    KEYS ("政府集中采购"), 6, 2, 0 },
};

/* ---- Table S3 ------------------------------------------------------- */

/* 申请人情况 stands over all of them: the table's column group. */
static const NbColumnDef s3_columns[] = {
  { "natural",   "自然人",       NULL, N_("Natural persons"), COUNT },
  { "business",  "商业企业",     &s3_legal_persons, N_("Businesses"), COUNT },
  { "research",  "科研机构",     &s3_legal_persons, N_("Research institutions"), COUNT },
  { "nonprofit", "社会公益组织", &s3_legal_persons, N_("Non-profit organisations"), COUNT },
  { "legal",     "法律服务机构", &s3_legal_persons, N_("Legal service providers"), COUNT },
  { "other_org", "其他",         &s3_legal_persons, N_("Other organisations"), COUNT },
  { "total",     "总计",         NULL, N_("Total"), COUNT },
};

#define RESULT NB_ROW_RESULT
#define SUB (NB_ROW_RESULT | NB_ROW_SUB)

static const NbRowDef s3_rows[] = {
  { "new", "一、本年新收政府信息公开申请数量", NULL, N_("New requests this year"),
    KEYS ("本年新收政府信息公开申请数量", "本年新收"), 0, 7, 0 },
  { "carried_in", "二、上年结转政府信息公开申请数量", NULL, N_("Carried over from last year"),
    KEYS ("上年结转政府信息公开申请数量", "上年结转"), 0, 7, 0 },
  { "granted", "（一）予以公开", &s3_results, N_("Disclosed"),
    KEYS ("予以公开"), 0, 7, RESULT },
  { "partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", &s3_results,
    N_("Partly disclosed"), KEYS ("部分公开"), 0, 7, RESULT },
  { "refused.state_secret", "1.属于国家秘密", &s3_refused,
    N_("Not disclosed: state secret"),
    KEYS ("属于国家秘密", "国家秘密", "国家秘"), 0, 7, RESULT, N_("State secret") },
  { "refused.prohibited", "2.其他法律行政法规禁止公开", &s3_refused,
    N_("Not disclosed: prohibited by other laws"),
    KEYS ("法律行政法规禁止公开", "禁止公开", "其他法律行政"), 0, 7, RESULT,
    N_("Prohibited by other laws") },
  { "refused.security_stability", "3.危及“三安全一稳定”", &s3_refused,
    N_("Not disclosed: endangers security or stability"),
    KEYS ("三安全一稳定", "危及三安全", "三安全一"), 0, 7, RESULT,
    N_("Endangers security or stability") },
  { "refused.third_party", "4.保护第三方合法权益", &s3_refused,
    N_("Not disclosed: third-party rights"),
    KEYS ("保护第三方合法权益", "第三方合法权益", "保护第三方"), 0, 7, RESULT,
    N_("Third-party rights") },
  { "refused.internal", "5.属于三类内部事务信息", &s3_refused,
    N_("Not disclosed: internal affairs"),
    KEYS ("三类内部事务信息", "内部事务信息", "内部事"), 0, 7, RESULT, N_("Internal affairs") },
  { "refused.process", "6.属于四类过程性信息", &s3_refused,
    N_("Not disclosed: process information"),
    KEYS ("四类过程性信息", "过程性信息", "过程性"), 0, 7, RESULT, N_("Process information") },
  { "refused.enforcement_file", "7.属于行政执法案卷", &s3_refused,
    N_("Not disclosed: enforcement files"),
    KEYS ("行政执法案卷", "执法案"), 0, 7, RESULT, N_("Enforcement files") },
  { "refused.query", "8.属于行政查询事项", &s3_refused,
    N_("Not disclosed: administrative queries"),
    KEYS ("行政查询事项", "行政查询"), 0, 7, RESULT, N_("Administrative queries") },
  { "unable.not_held", "1.本机关不掌握相关政府信息", &s3_unable,
    N_("Unable: information not held"),
    KEYS ("本机关不掌握相关政府信息", "不掌握相关政府信息", "不掌握"), 0, 7, RESULT,
    N_("Information not held") },
  { "unable.needs_creation", "2.没有现成信息需要另行制作", &s3_unable,
    N_("Unable: would need to be created"),
    KEYS ("没有现成信息需要另行制作", "另行制作", "没有现成"), 0, 7, RESULT,
    N_("Would need to be created") },
  { "unable.unclear", "3.补正后申请内容仍不明确", &s3_unable,
    N_("Unable: request still unclear"),
    KEYS ("补正后申请内容仍不明确", "仍不明确", "补正后"), 0, 7, RESULT,
    N_("Request still unclear") },
  { "not_processed.petition", "1.信访举报投诉类申请", &s3_not_processed,
    N_("Not processed: petitions and complaints"),
    KEYS ("信访举报投诉类申请", "信访举报投诉", "信访"), 0, 7, RESULT,
    N_("Petitions and complaints") },
  { "not_processed.repeated", "2.重复申请", &s3_not_processed,
    N_("Not processed: repeated requests"),
    KEYS ("重复申请"), 0, 7, RESULT, N_("Repeated requests") },
  { "not_processed.publication", "3.要求提供公开出版物", &s3_not_processed,
    N_("Not processed: asks for publications"),
    KEYS ("要求提供公开出版物", "公开出版物", "要求提供公开"), 0, 7, RESULT,
    N_("Asks for publications") },
  { "not_processed.excessive", "4.无正当理由大量反复申请", &s3_not_processed,
    N_("Not processed: excessive repeated requests"),
    KEYS ("无正当理由大量反复申请", "大量反复申请", "理由大量"), 0, 7, RESULT,
    N_("Excessive repeated requests") },
  { "not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息", &s3_not_processed,
    N_("Not processed: asks to confirm information already obtained"),
    KEYS ("确认或重新出具已获取信息", "重新出具", "已获取信息", "要求行政机关"), 0, 7, RESULT,
    N_("Asks to confirm information already obtained") },
  { "other_handling.no_correction",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", &s3_other_handling,
    N_("Other: applicant did not complete the request"),
    KEYS ("逾期不补正", "逾期不补", "申请人无正当"), 0, 7, SUB,
    N_("Applicant did not complete the request") },
  { "other_handling.no_fee",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", &s3_other_handling,
    N_("Other: applicant did not pay the fee"),
    KEYS ("逾期未按收费通知", "缴纳费用", "逾期未按", "申请人逾期"), 0, 7, SUB,
    N_("Applicant did not pay the fee") },
  { "other_handling.misc", "3.其他", &s3_other_handling, N_("Other: other"),
    KEYS ("3其他", "其他"), 0, 7, SUB | NB_ROW_KEY_AT_END, N_("Other reasons") },
  { "other_handling", "（六）其他处理", &s3_results, N_("Other handling"),
    KEYS ("其他处理"), 0, 7, RESULT | NB_ROW_AGGREGATE },
  { "results_total", "（七）总计", &s3_results, N_("Results total"),
    KEYS ("七总计", "总计"), 0, 7, NB_ROW_KEY_AT_END, N_("Total") },
  { "carried_over", "四、结转下年度继续办理", NULL, N_("Carried over to next year"),
    KEYS ("结转下年度继续办理", "结转下年度", "结转下年"), 0, 7, 0 },
};

#undef RESULT
#undef SUB

/* ---- Table S4 ------------------------------------------------------- */

static const NbColumnDef s4_columns[] = {
  { "upheld",    "结果维持", NULL, N_("Upheld"), COUNT },
  { "corrected", "结果纠正", NULL, N_("Corrected"), COUNT },
  { "other",     "其他结果", NULL, N_("Other result"), COUNT },
  { "pending",   "尚未审结", NULL, N_("Pending"), COUNT },
  { "total",     "总计",     NULL, N_("Total"), COUNT },
};

/* S4 is printed as one row of fifteen cells; its three groups of five are
 * its rows here, which is what the cell ids say (s4.<group>.<column>). */
static const NbRowDef s4_rows[] = {
  { "review", "行政复议", NULL, N_("Administrative review"),
    KEYS ("行政复议"), 0, 5, 0 },
  { "suit_direct", "未经复议直接起诉", &s4_litigation, N_("Lawsuit without prior review"),
    KEYS ("未经复议直接起诉"), 0, 5, 0, N_("Sued directly") },
  { "suit_after_review", "复议后起诉", &s4_litigation, N_("Lawsuit after review"),
    KEYS ("复议后起诉"), 0, 5, 0, N_("Sued after review") },
};

#undef COUNT
#undef AMOUNT

#define ROWS(a) a, G_N_ELEMENTS (a)

const NbTableDef nb_template_tables[] = {
  { NB_TABLE_S2, NB_TEMPLATE_2021, "s2", N_("Proactive disclosure"),
    ROWS (s2_2021_rows), ROWS (s2_2021_columns),
    KEYS ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
    KEYS ("第二十条", "本年制发件数", "本年新制作数量", "信息内容"),
    NB_SECTION_ACTIVE, NB_TABLE_SHAPE_BLOCKS, NULL, &s2_corner },
  { NB_TABLE_S3, NB_TEMPLATE_2021, "s3", N_("Requests received and handled"),
    ROWS (s3_rows), ROWS (s3_columns),
    KEYS ("逾期不补正", "逾期未按收费通知"),
    KEYS ("勾稽关系", "申请人情况", "本年新收政府信息公开申请数量"),
    NB_SECTION_REQUESTS, NB_TABLE_SHAPE_GRID, &s3_applicants, &s3_corner },
  { NB_TABLE_S4, NB_TEMPLATE_2021, "s4", N_("Administrative review and lawsuits"),
    ROWS (s4_rows), ROWS (s4_columns),
    KEYS ("政府信息公开行政复议行政诉讼情况"),
    KEYS ("行政复议"),
    NB_SECTION_APPEALS, NB_TABLE_SHAPE_ONE_ROW, NULL, NULL },
  { NB_TABLE_S2, NB_TEMPLATE_2019, "s2", N_("Proactive disclosure"),
    ROWS (s2_2019_rows), ROWS (s2_2019_columns),
    KEYS ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
          "本年增减", "政府集中采购", "采购总金额"),
    KEYS ("第二十条", "本年制发件数", "本年新制作数量", "信息内容"),
    NB_SECTION_ACTIVE, NB_TABLE_SHAPE_BLOCKS, NULL, &s2_corner },
  { NB_TABLE_S3, NB_TEMPLATE_2019, "s3", N_("Requests received and handled"),
    ROWS (s3_rows), ROWS (s3_columns),
    NULL,
    KEYS ("勾稽关系", "申请人情况", "本年新收政府信息公开申请数量"),
    NB_SECTION_REQUESTS, NB_TABLE_SHAPE_GRID, &s3_applicants, &s3_corner },
  { NB_TABLE_S4, NB_TEMPLATE_2019, "s4", N_("Administrative review and lawsuits"),
    ROWS (s4_rows), ROWS (s4_columns),
    KEYS ("因政府信息公开工作被申请行政复议", "提起行政诉讼情况"),
    KEYS ("行政复议"),
    NB_SECTION_APPEALS, NB_TABLE_SHAPE_ONE_ROW, NULL, NULL },
};

const guint nb_template_n_tables = G_N_ELEMENTS (nb_template_tables);

/* Text only S3's column header has: a line with it is never a row label. */
const char *const nb_template_s3_header_markers[] = {
  "勾稽", "第三项加第四项", "申请人情况", NULL
};

/* Words of S3's column header: a label-only line made of these is header,
 * not a wrapped row label. */
const char *const nb_template_s3_header_words[] = {
  "本列数据的勾稽关系为", "第一项加第二项之和", "等于第三项加第四项之和",
  "申请人情况", "法人或其他组织", "自然人", "商业企业", "科研机构",
  "社会公益组织", "法律服务机构", "其他", "总计", "商业", "企业", "科研", "机构",
  "社会", "公益", "组织", "法律", "服务", "勾稽关系", "小计", "备注", "序号",
  NULL
};

/* Column titles of tables as agencies print them that the template has
 * not: recognised in a header, and their values ignored. */
const char *const nb_template_ignored_column_keys[] = {
  "小计", "备注", "序号", NULL
};

const NbSectionDef nb_template_sections[] = {
  { NB_SECTION_OVERVIEW, "一", "总体情况", N_("Overview"), KEYS ("总体情况") },
  { NB_SECTION_ACTIVE, "二", "主动公开政府信息情况", N_("Proactive disclosure"),
    KEYS ("主动公开政府信息情况", "主动公开政府信息") },
  { NB_SECTION_REQUESTS, "三", "收到和处理政府信息公开申请情况",
    N_("Requests received and handled"),
    KEYS ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请") },
  { NB_SECTION_APPEALS, "四", "政府信息公开行政复议、行政诉讼情况",
    N_("Administrative review and lawsuits"),
    KEYS ("行政复议行政诉讼情况", "被申请行政复议", "行政复议行政诉讼") },
  { NB_SECTION_PROBLEMS, "五", "存在的主要问题及改进情况", N_("Problems and improvements"),
    KEYS ("存在的主要问题及改进情况", "存在的主要问题") },
  { NB_SECTION_OTHER, "六", "其他需要报告的事项", N_("Other matters"),
    KEYS ("其他需要报告的事项") },
};
