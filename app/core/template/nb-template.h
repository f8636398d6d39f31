/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-types.h"

G_BEGIN_DECLS

/* The national report template as data.  Everything that knows a row label,
 * a column or a cell id reads it from here: the matcher, the checks, the
 * grids and the exporters.  The definitions live in nb-template-data.c. */

typedef enum
{
  NB_ROW_RESULT    = 1 << 0,  /* one of the S3 result rows summed by s3.results_sum */
  NB_ROW_SUB       = 1 << 1,  /* a （六） sub-row: absent from the 2019 layout */
  NB_ROW_AGGREGATE = 1 << 2,  /* the one-row （六）: given (2019) or their sum (2021) */
  NB_ROW_KEY_AT_END = 1 << 3, /* its keys only match at the very end of a label */
} NbRowFlags;

/* How the printed template lays a table out; nb-table-layout turns it into
 * boxes.  No other code knows a table's shape. */
typedef enum
{
  NB_TABLE_SHAPE_BLOCKS,   /* S2: a block per row group, each with its own column titles */
  NB_TABLE_SHAPE_GRID,     /* S3: rows down, grouped at the left; columns across, grouped above */
  NB_TABLE_SHAPE_ONE_ROW,  /* S4: one printed row; each row a group of columns above it */
} NbTableShape;

typedef struct _NbGroupDef NbGroupDef;

/* A merged title of the printed table: a block (第二十条第（一）项), a group
 * of rows (（三）不予公开) or of columns (法人或其他组织). */
struct _NbGroupDef
{
  const char       *label;  /* the template's own text: "（三）不予公开" */
  const char       *title;  /* a msgid: N_("Not disclosed") */
  const NbGroupDef *parent; /* the group it sits in, or NULL */
};

typedef struct
{
  const char *id;           /* "natural" */
  const char *label;        /* the template's own text: "自然人" */
  const NbGroupDef *group;  /* the merged header above it, or NULL: 法人或其他组织 */
  const char *title;        /* short English name, a msgid: N_("Natural person") */
  NbValueKind kind;         /* what its cells hold, in every row */
} NbColumnDef;

typedef struct
{
  const char *id;           /* "refused.state_secret" */
  const char *label;        /* the template's own text: "1.属于国家秘密" */
  const NbGroupDef *group;  /* enclosing row group, or NULL: （三）不予公开 */
  const char *title;        /* short English name, a msgid */
  const char *const *keys;  /* match keys, in nb_normalize_match_key () form */
  guint first_column;       /* this row's columns in the table's column array */
  guint n_columns;
  NbRowFlags flags;
  const char *short_title;  /* its name beside or under its group's title, or NULL
                             * for title: N_("State secret") */
} NbRowDef;

typedef struct
{
  NbTableId table;
  NbTemplateVersion version;
  const char *id;           /* "s2" */
  const char *title;        /* msgid */
  const NbRowDef *rows;
  guint n_rows;
  const NbColumnDef *columns;
  guint n_columns;
  const char *const *version_keys; /* text that only this version's header has */
  const char *const *start_keys;   /* text where the table starts, if its heading is lost */
  NbSection section;        /* the report section it is printed in */
  NbTableShape shape;
  const NbGroupDef *column_group; /* the title over all its value columns, or NULL */
  const NbGroupDef *corner; /* the text above its row titles, or NULL */
} NbTableDef;

typedef struct
{
  const char *id;           /* "s3.refused.state_secret.natural" */
  guint index;              /* position in nb_template_get_cells () */
  const NbTableDef *table;  /* the first table definition that has the cell */
  const NbRowDef *row;
  const NbColumnDef *column;
  NbValueKind kind;
  gboolean always_listed;   /* one of the 207 ids every JSON export holds */
} NbCellDef;

typedef struct
{
  NbSection section;
  const char *numeral;      /* "三" */
  const char *heading;      /* "收到和处理政府信息公开申请情况" */
  const char *title;        /* msgid */
  const char *const *keys;  /* match keys that identify the heading, any edition */
} NbSectionDef;

const NbTableDef   *nb_template_get_table        (NbTableId          table,
                                                  NbTemplateVersion  version);
const NbCellDef    *nb_template_get_cells        (guint             *n_cells);
const NbCellDef    *nb_template_lookup_cell      (const char        *cell_id);
const NbCellDef    *nb_template_find_cell        (const NbTableDef  *table,
                                                  const NbRowDef    *row,
                                                  const NbColumnDef *column);
guint               nb_template_get_n_cells      (void);
const NbRowDef     *nb_template_find_row         (const NbTableDef  *table,
                                                  const char        *row_id);
const NbColumnDef  *nb_template_find_column      (const NbTableDef  *table,
                                                  const char        *column_id);
const NbSectionDef *nb_template_get_section      (NbSection          section);
gboolean            nb_template_row_in_version   (const NbRowDef    *row,
                                                  NbTemplateVersion  version);
const char         *nb_template_version_to_string (NbTemplateVersion version);
NbTemplateVersion   nb_template_version_from_string (const char     *str);
char               *nb_template_dup_cell_label   (const NbCellDef   *cell);

G_END_DECLS
