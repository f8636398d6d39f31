/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nb-template.h"

G_BEGIN_DECLS

/* A table as the printed template lays it out: boxes on a grid of rows and
 * columns, with spans, computed from the table definition alone.  The
 * grids, the page renderer and the exporters draw from it; nothing else
 * knows a table's shape. */

typedef enum
{
  NB_LAYOUT_CORNER,        /* above the row titles: 信息内容 (may have no text) */
  NB_LAYOUT_BLOCK,         /* a block's title across the table: 第二十条第（一）项 */
  NB_LAYOUT_COLUMN_GROUP,  /* a title over several columns: 申请人情况, 行政诉讼 */
  NB_LAYOUT_COLUMN,        /* one column's title: 自然人 */
  NB_LAYOUT_ROW_GROUP,     /* a title beside several rows: （三）不予公开 */
  NB_LAYOUT_ROW,           /* one row's title: 1.属于国家秘密 */
  NB_LAYOUT_CELL,          /* a value */
} NbLayoutKind;

typedef enum
{
  /* Not printed in this edition, shown as the sum of others: the （六）
   * aggregate of a 2021 table.  On its row title and its cells. */
  NB_LAYOUT_DERIVED = 1 << 0,
} NbLayoutFlags;

typedef struct
{
  NbLayoutKind     kind;
  NbLayoutFlags    flags;
  guint            row;       /* grid position, from the top left */
  guint            column;
  guint            row_span;
  guint            col_span;
  const char      *label;     /* the template's own text, or NULL */
  const char      *title;     /* its msgid, not translated, or NULL */
  const NbCellDef *cell;      /* NB_LAYOUT_CELL: the cell (its index and id) */
} NbLayoutBox;

typedef struct _NbTableLayout NbTableLayout;

#define NB_TYPE_TABLE_LAYOUT (nb_table_layout_get_type ())

GType              nb_table_layout_get_type      (void) G_GNUC_CONST;
NbTableLayout     *nb_table_layout_new           (const NbTableDef *table);
NbTableLayout     *nb_table_layout_ref           (NbTableLayout    *self);
void               nb_table_layout_unref         (NbTableLayout    *self);
const NbTableDef  *nb_table_layout_get_table     (NbTableLayout    *self);
guint              nb_table_layout_get_n_rows    (NbTableLayout    *self);
guint              nb_table_layout_get_n_columns (NbTableLayout    *self);
const NbLayoutBox *nb_table_layout_get_header    (NbTableLayout    *self,
                                                  guint            *n_boxes);
const NbLayoutBox *nb_table_layout_get_body      (NbTableLayout    *self,
                                                  guint            *n_boxes);
const NbLayoutBox *nb_table_layout_find_cell     (NbTableLayout    *self,
                                                  guint             cell_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTableLayout, nb_table_layout_unref)

G_END_DECLS
