/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _NbReport  NbReport;
typedef struct _NbProblem NbProblem;

/* Which edition of the national template a table follows.  Real reports mix
 * them, so this is decided per table, never per report. */
typedef enum
{
  NB_TEMPLATE_UNKNOWN = 0,
  NB_TEMPLATE_2021,
  NB_TEMPLATE_2019,
} NbTemplateVersion;

typedef enum
{
  NB_TABLE_S2 = 0,
  NB_TABLE_S3,
  NB_TABLE_S4,
  NB_N_TABLES
} NbTableId;

typedef enum
{
  NB_VALUE_COUNT,         /* non-negative integer */
  NB_VALUE_SIGNED_COUNT,  /* integer that may be negative (2019 本年增/减) */
  NB_VALUE_AMOUNT,        /* non-negative decimal, in 万元 */
} NbValueKind;

typedef enum
{
  NB_CELL_MISSING = 0,  /* the report does not give it (or it could not be placed) */
  NB_CELL_FOUND,        /* read from the source */
  NB_CELL_EDITED,       /* set by the user */
  NB_CELL_DERIVED,      /* computed from other cells (the （六） aggregate) */
} NbCellState;

/* How much a broken rule matters: for order and icons, never for whether
 * the report loads. */
typedef enum
{
  NB_SEVERITY_ERROR = 0,  /* the numbers cannot all be right */
  NB_SEVERITY_WARNING,    /* something a person should look at */
  NB_SEVERITY_INFO,
} NbSeverity;

typedef enum
{
  NB_SECTION_OVERVIEW = 0,   /* 一、总体情况 */
  NB_SECTION_ACTIVE,         /* 二、主动公开政府信息情况 */
  NB_SECTION_REQUESTS,       /* 三、收到和处理政府信息公开申请情况 */
  NB_SECTION_APPEALS,        /* 四、政府信息公开行政复议、行政诉讼情况 */
  NB_SECTION_PROBLEMS,       /* 五、存在的主要问题及改进情况 */
  NB_SECTION_OTHER,          /* 六、其他需要报告的事项 */
  NB_N_SECTIONS
} NbSection;

G_END_DECLS
