/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-table-layout"

#include "config.h"

#include "nb-checker.h"
#include "nb-problem.h"
#include "nb-table-layout.h"

/* The printed shape of each table, as nb-table-layout computes it from the
 * template data: exact positions and spans, written from the printed
 * templates (国办公开办函〔2021〕30号 and 〔2019〕60号), not from the code.
 * And the value kind of the cells whose rows mix kinds. */

static const NbLayoutBox *
find_box (NbTableLayout *layout,
          NbLayoutKind   kind,
          const char    *label,
          guint          nth)
{
  guint n_header, n_body;
  const NbLayoutBox *header = nb_table_layout_get_header (layout, &n_header);
  const NbLayoutBox *body = nb_table_layout_get_body (layout, &n_body);

  for (guint i = 0; i < n_header + n_body; i++)
    {
      const NbLayoutBox *box = i < n_header ? &header[i] : &body[i - n_header];

      if (box->kind == kind && g_strcmp0 (box->label, label) == 0 && nth-- == 0)
        return box;
    }

  g_error ("no box %u of kind %d with label %s", nth, kind, label);
  return NULL;
}

static const NbLayoutBox *
find_cell (NbTableLayout *layout,
           const char    *cell_id)
{
  const NbCellDef *def = nb_template_lookup_cell (cell_id);
  const NbLayoutBox *box;

  g_assert_nonnull (def);
  box = nb_table_layout_find_cell (layout, def->index);
  if (box == NULL)
    g_error ("%s is not in the layout", cell_id);
  g_assert_true (box->cell == def);
  return box;
}

#define assert_at(box, r, c, rs, cs) G_STMT_START {                 \
    const NbLayoutBox *b_ = (box);                                  \
    g_assert_cmpuint (b_->row, ==, (r));                            \
    g_assert_cmpuint (b_->column, ==, (c));                         \
    g_assert_cmpuint (b_->row_span, ==, (rs));                      \
    g_assert_cmpuint (b_->col_span, ==, (cs));                      \
  } G_STMT_END

static void
assert_cell_at (NbTableLayout *layout,
                const char    *cell_id,
                guint          row,
                guint          column,
                guint          col_span)
{
  const NbLayoutBox *box = find_cell (layout, cell_id);

  assert_at (box, row, column, 1, col_span);
}

/* Every grid position is covered by exactly one box, and every cell the
 * edition prints is there exactly once. */
static void
assert_tiled (NbTableLayout *layout)
{
  const NbTableDef *table = nb_table_layout_get_table (layout);
  guint n_rows = nb_table_layout_get_n_rows (layout);
  guint n_columns = nb_table_layout_get_n_columns (layout);
  g_autofree guint *covered = g_new0 (guint, n_rows * n_columns);
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  guint n_header, n_body, n_cells = 0;
  const NbLayoutBox *header = nb_table_layout_get_header (layout, &n_header);
  const NbLayoutBox *body = nb_table_layout_get_body (layout, &n_body);

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (!nb_template_row_in_version (row, table->version) && !(row->flags & NB_ROW_AGGREGATE))
        continue;
      for (guint c = 0; c < row->n_columns; c++)
        g_hash_table_add (expected, (gpointer) nb_template_find_cell (table, row,
                                                                      &table->columns[row->first_column + c]));
    }

  for (guint i = 0; i < n_header + n_body; i++)
    {
      const NbLayoutBox *box = i < n_header ? &header[i] : &body[i - n_header];

      g_assert_cmpuint (box->row_span, >, 0);
      g_assert_cmpuint (box->col_span, >, 0);
      g_assert_cmpuint (box->row + box->row_span, <=, n_rows);
      g_assert_cmpuint (box->column + box->col_span, <=, n_columns);
      for (guint y = box->row; y < box->row + box->row_span; y++)
        for (guint x = box->column; x < box->column + box->col_span; x++)
          covered[y * n_columns + x]++;

      g_assert_true ((box->kind == NB_LAYOUT_CELL) == (box->cell != NULL));
      if (box->kind == NB_LAYOUT_CELL)
        {
          g_assert_true (i >= n_header);
          g_assert_true (g_hash_table_remove (expected, box->cell));
          g_assert_true (box->cell->table->table == table->table);
          n_cells++;
        }
      else if (box->kind != NB_LAYOUT_CORNER)
        {
          g_assert_nonnull (box->label);
          g_assert_nonnull (box->title);
        }
    }

  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  g_assert_cmpuint (n_cells, >, 0);
  for (guint i = 0; i < n_rows * n_columns; i++)
    g_assert_cmpuint (covered[i], ==, 1);
}

static void
test_s2_2021 (void)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2021));
  const NbLayoutBox *box;

  assert_tiled (layout);
  g_assert_cmpuint (nb_table_layout_get_n_rows (layout), ==, 14);
  g_assert_cmpuint (nb_table_layout_get_n_columns (layout), ==, 4);

  /* Four blocks, each headed by its article across the table */
  box = find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（一）项", 0);
  assert_at (box, 0, 0, 1, 4);
  g_assert_cmpstr (box->title, ==, "Article 20 (1)");
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（五）项", 0), 4, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（六）项", 0), 7, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（八）项", 0), 11, 0, 1, 4);

  /* Each with 信息内容 and its own column titles, the last one stretched */
  assert_at (find_box (layout, NB_LAYOUT_CORNER, "信息内容", 0), 1, 0, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_CORNER, "信息内容", 3), 12, 0, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年制发件数", 0), 1, 1, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "现行有效件数", 0), 1, 3, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年处理决定数量", 0), 5, 1, 1, 3);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年处理决定数量", 1), 8, 1, 1, 3);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年收费金额（单位：万元）", 0), 12, 1, 1, 3);

  assert_at (find_box (layout, NB_LAYOUT_ROW, "规章", 0), 2, 0, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_ROW, "行政规范性文件", 0), 3, 0, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_ROW, "行政强制", 0), 10, 0, 1, 1);
  assert_cell_at (layout, "s2.rules.new", 2, 1, 1);
  assert_cell_at (layout, "s2.normative.in_force", 3, 3, 1);
  assert_cell_at (layout, "s2.licensing.decisions", 6, 1, 3);
  assert_cell_at (layout, "s2.penalty.decisions", 9, 1, 3);
  assert_cell_at (layout, "s2.coercion.decisions", 10, 1, 3);
  assert_cell_at (layout, "s2.fees.amount", 13, 1, 3);
  g_assert_null (nb_table_layout_find_cell (layout, nb_template_lookup_cell ("s2.procurement.amount")->index));
}

static void
test_s2_2019 (void)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_template_get_table (NB_TABLE_S2, NB_TEMPLATE_2019));

  assert_tiled (layout);
  g_assert_cmpuint (nb_table_layout_get_n_rows (layout), ==, 18);
  g_assert_cmpuint (nb_table_layout_get_n_columns (layout), ==, 4);

  /* Five blocks: the 2019 edition has （九） */
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（一）项", 0), 0, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（五）项", 0), 4, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（六）项", 0), 8, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（八）项", 0), 12, 0, 1, 4);
  assert_at (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（九）项", 0), 15, 0, 1, 4);
  g_assert_cmpstr (find_box (layout, NB_LAYOUT_BLOCK, "第二十条第（九）项", 0)->title, ==, "Article 20 (9)");

  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年新制作数量", 0), 1, 1, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年增/减", 0), 5, 2, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "处理决定数量", 1), 9, 3, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "本年增/减", 2), 13, 2, 1, 2);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "采购项目数量", 0), 16, 1, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "采购总金额", 0), 16, 2, 1, 2);

  assert_at (find_box (layout, NB_LAYOUT_ROW, "其他对外管理服务事项", 0), 7, 0, 1, 1);
  assert_cell_at (layout, "s2.rules.made", 2, 1, 1);
  assert_cell_at (layout, "s2.other_services.change", 7, 2, 1);
  assert_cell_at (layout, "s2.coercion.decisions", 11, 3, 1);
  assert_cell_at (layout, "s2.fees.prev_items", 14, 1, 1);
  assert_cell_at (layout, "s2.fees.change", 14, 2, 2);
  assert_cell_at (layout, "s2.procurement.items", 17, 1, 1);
  assert_cell_at (layout, "s2.procurement.amount", 17, 2, 2);
}

/* The header of S3, the same in both editions. */
static void
assert_s3_header (NbTableLayout *layout)
{
  const NbLayoutBox *box;

  g_assert_cmpuint (nb_table_layout_get_n_columns (layout), ==, 10);

  assert_at (find_box (layout, NB_LAYOUT_CORNER,
                       "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0),
             0, 0, 3, 3);
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "申请人情况", 0);
  assert_at (box, 0, 3, 1, 7);
  g_assert_cmpstr (box->title, ==, "Applicants");
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "自然人", 0), 1, 3, 2, 1);
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "法人或其他组织", 0);
  assert_at (box, 1, 4, 1, 5);
  g_assert_cmpstr (box->title, ==, "Legal persons or other organisations");
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "商业企业", 0), 2, 4, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "其他", 0), 2, 8, 1, 1);
  assert_at (find_box (layout, NB_LAYOUT_COLUMN, "总计", 0), 1, 9, 2, 1);

  /* Ungrouped rows span the three title columns */
  assert_at (find_box (layout, NB_LAYOUT_ROW, "一、本年新收政府信息公开申请数量", 0), 3, 0, 1, 3);
  assert_at (find_box (layout, NB_LAYOUT_ROW, "二、上年结转政府信息公开申请数量", 0), 4, 0, 1, 3);
  assert_cell_at (layout, "s3.new.natural", 3, 3, 1);
  assert_cell_at (layout, "s3.new.total", 3, 9, 1);
  assert_cell_at (layout, "s3.carried_in.legal", 4, 7, 1);

  /* 三、本年度办理结果 at the left of its rows; （一）（二） beside it */
  assert_at (find_box (layout, NB_LAYOUT_ROW, "（一）予以公开", 0), 5, 1, 1, 2);
  assert_at (find_box (layout, NB_LAYOUT_ROW,
                       "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0), 6, 1, 1, 2);
  box = find_box (layout, NB_LAYOUT_ROW_GROUP, "（三）不予公开", 0);
  assert_at (box, 7, 1, 8, 1);
  g_assert_cmpstr (box->title, ==, "Not disclosed");
  box = find_box (layout, NB_LAYOUT_ROW, "1.属于国家秘密", 0);
  assert_at (box, 7, 2, 1, 1);
  g_assert_cmpstr (box->title, ==, "State secret");
  assert_at (find_box (layout, NB_LAYOUT_ROW, "8.属于行政查询事项", 0), 14, 2, 1, 1);
  box = find_box (layout, NB_LAYOUT_ROW_GROUP, "（四）无法提供", 0);
  assert_at (box, 15, 1, 3, 1);
  g_assert_cmpstr (box->title, ==, "Cannot be provided");
  box = find_box (layout, NB_LAYOUT_ROW_GROUP, "（五）不予处理", 0);
  assert_at (box, 18, 1, 5, 1);
  g_assert_cmpstr (box->title, ==, "Not processed");
  assert_cell_at (layout, "s3.refused.state_secret.natural", 7, 3, 1);
  assert_cell_at (layout, "s3.unable.unclear.other_org", 17, 8, 1);
  assert_cell_at (layout, "s3.not_processed.confirm.total", 22, 9, 1);
}

static void
test_s3_2021 (void)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2021));
  const NbLayoutBox *box;

  assert_tiled (layout);
  assert_s3_header (layout);
  g_assert_cmpuint (nb_table_layout_get_n_rows (layout), ==, 29);

  box = find_box (layout, NB_LAYOUT_ROW_GROUP, "三、本年度办理结果", 0);
  assert_at (box, 5, 0, 23, 1);
  g_assert_cmpstr (box->title, ==, "Results of handling");

  /* （六）其他处理 with its three rows, then their sum: not printed, shown */
  box = find_box (layout, NB_LAYOUT_ROW_GROUP, "（六）其他处理", 0);
  assert_at (box, 23, 1, 3, 1);
  g_assert_cmpstr (box->title, ==, "Other handling");
  assert_at (find_box (layout, NB_LAYOUT_ROW, "3.其他", 0), 25, 2, 1, 1);
  box = find_box (layout, NB_LAYOUT_ROW, "（六）其他处理", 0);
  assert_at (box, 26, 1, 1, 2);
  g_assert_cmpint (box->flags, ==, NB_LAYOUT_DERIVED);
  assert_cell_at (layout, "s3.other_handling.no_correction.natural", 23, 3, 1);
  assert_cell_at (layout, "s3.other_handling.misc.total", 25, 9, 1);
  assert_cell_at (layout, "s3.other_handling.business", 26, 4, 1);
  g_assert_cmpint (find_cell (layout, "s3.other_handling.business")->flags, ==, NB_LAYOUT_DERIVED);
  g_assert_cmpint (find_cell (layout, "s3.other_handling.misc.total")->flags, ==, 0);

  assert_at (find_box (layout, NB_LAYOUT_ROW, "（七）总计", 0), 27, 1, 1, 2);
  assert_at (find_box (layout, NB_LAYOUT_ROW, "四、结转下年度继续办理", 0), 28, 0, 1, 3);
  assert_cell_at (layout, "s3.results_total.total", 27, 9, 1);
  assert_cell_at (layout, "s3.carried_over.natural", 28, 3, 1);
}

static void
test_s3_2019 (void)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_template_get_table (NB_TABLE_S3, NB_TEMPLATE_2019));
  const NbLayoutBox *box;

  assert_tiled (layout);
  assert_s3_header (layout);
  g_assert_cmpuint (nb_table_layout_get_n_rows (layout), ==, 26);

  assert_at (find_box (layout, NB_LAYOUT_ROW_GROUP, "三、本年度办理结果", 0), 5, 0, 20, 1);

  /* （六） is one row, printed and given */
  box = find_box (layout, NB_LAYOUT_ROW, "（六）其他处理", 0);
  assert_at (box, 23, 1, 1, 2);
  g_assert_cmpint (box->flags, ==, 0);
  assert_cell_at (layout, "s3.other_handling.natural", 23, 3, 1);
  g_assert_cmpint (find_cell (layout, "s3.other_handling.natural")->flags, ==, 0);
  g_assert_null (nb_table_layout_find_cell (layout,
                                            nb_template_lookup_cell ("s3.other_handling.misc.natural")->index));

  assert_at (find_box (layout, NB_LAYOUT_ROW, "（七）总计", 0), 24, 1, 1, 2);
  assert_at (find_box (layout, NB_LAYOUT_ROW, "四、结转下年度继续办理", 0), 25, 0, 1, 3);
  assert_cell_at (layout, "s3.carried_over.total", 25, 9, 1);
}

static void
test_s4 (gconstpointer data)
{
  NbTemplateVersion version = GPOINTER_TO_INT (data);
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_template_get_table (NB_TABLE_S4, version));
  static const char *const groups[] = { "review", "suit_direct", "suit_after_review" };
  static const char *const columns[] = { "upheld", "corrected", "other", "pending", "total" };
  static const char *const titles[] = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
  const NbLayoutBox *box;
  guint n_body;

  assert_tiled (layout);
  g_assert_cmpuint (nb_table_layout_get_n_rows (layout), ==, 4);
  g_assert_cmpuint (nb_table_layout_get_n_columns (layout), ==, 15);

  /* 行政复议 reaches down to the column titles; 行政诉讼 over its two */
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "行政复议", 0);
  assert_at (box, 0, 0, 2, 5);
  g_assert_cmpstr (box->title, ==, "Administrative review");
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "行政诉讼", 0);
  assert_at (box, 0, 5, 1, 10);
  g_assert_cmpstr (box->title, ==, "Administrative litigation");
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "未经复议直接起诉", 0);
  assert_at (box, 1, 5, 1, 5);
  g_assert_cmpstr (box->title, ==, "Sued directly");
  box = find_box (layout, NB_LAYOUT_COLUMN_GROUP, "复议后起诉", 0);
  assert_at (box, 1, 10, 1, 5);
  g_assert_cmpstr (box->title, ==, "Sued after review");

  /* Fifteen cells in one row under fifteen column titles */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *id = g_strdup_printf ("s4.%s.%s", groups[g], columns[c]);

        assert_cell_at (layout, id, 3, g * 5 + c, 1);
        assert_at (find_box (layout, NB_LAYOUT_COLUMN, titles[c], g), 2, g * 5 + c, 1, 1);
      }
  nb_table_layout_get_body (layout, &n_body);
  g_assert_cmpuint (n_body, ==, 15);
}

/* Rows of the 2019 S2 mix kinds: the kind is the column's. */
static void
test_kinds (void)
{
  static const struct { const char *id; NbValueKind kind; } cases[] = {
    { "s2.procurement.amount", NB_VALUE_AMOUNT },
    { "s2.procurement.items", NB_VALUE_COUNT },
    { "s2.fees.amount", NB_VALUE_AMOUNT },
    { "s2.fees.change", NB_VALUE_SIGNED_COUNT },
    { "s2.fees.prev_items", NB_VALUE_COUNT },
    { "s2.licensing.change", NB_VALUE_SIGNED_COUNT },
    { "s2.other_services.change", NB_VALUE_SIGNED_COUNT },
    { "s2.penalty.change", NB_VALUE_SIGNED_COUNT },
    { "s2.coercion.change", NB_VALUE_SIGNED_COUNT },
    { "s2.licensing.decisions", NB_VALUE_COUNT },
    { "s2.licensing.prev_items", NB_VALUE_COUNT },
    { "s2.rules.made", NB_VALUE_COUNT },
    { "s3.refused.query.total", NB_VALUE_COUNT },
    { "s4.suit_direct.pending", NB_VALUE_COUNT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const NbCellDef *def = nb_template_lookup_cell (cases[i].id);

      g_assert_nonnull (def);
      g_test_message ("%s", cases[i].id);
      g_assert_cmpint (def->kind, ==, cases[i].kind);
    }
}

static guint
count_problems (NbChecker  *checker,
                const char *rule,
                const char *cell_id)
{
  GListModel *problems = nb_checker_get_problems (checker);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_equal (nb_problem_get_rule (problem), rule) && nb_problem_involves (problem, cell_id))
        n++;
    }
  return n;
}

static void
set_value (NbReport   *report,
           const char *cell_id,
           double      value)
{
  nb_report_set_cell (report, nb_template_lookup_cell (cell_id)->index, NB_CELL_FOUND, value, NULL, NULL);
}

/* 25.1 (万元) is a fine procurement amount; 2.5 procurement items are not. */
static void
test_procurement_amount (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbChecker) checker = NULL;

  nb_report_begin_import (report);
  nb_report_set_table_version (report, NB_TABLE_S2, NB_TEMPLATE_2019);
  set_value (report, "s2.procurement.amount", 25.1);
  set_value (report, "s2.procurement.items", 2.5);
  set_value (report, "s2.fees.change", -3);
  set_value (report, "s2.fees.prev_items", -3);
  nb_report_end_import (report);
  checker = nb_checker_new (report);

  g_assert_cmpuint (count_problems (checker, "cell.non_negative", "s2.procurement.amount"), ==, 0);
  g_assert_cmpuint (count_problems (checker, "cell.non_negative", "s2.fees.change"), ==, 0);
  g_assert_cmpuint (count_problems (checker, "cell.non_negative", "s2.procurement.items"), ==, 1);
  g_assert_cmpuint (count_problems (checker, "cell.non_negative", "s2.fees.prev_items"), ==, 1);

  /* Typed in, it is taken as it is */
  g_assert_true (nb_report_edit_cell_text (report, nb_template_lookup_cell ("s2.procurement.amount")->index,
                                           "30.25", NULL));
  g_assert_cmpuint (count_problems (checker, "cell.non_negative", "s2.procurement.amount"), ==, 0);
}

static void
test_sections (void)
{
  static const NbSection sections[] = { NB_SECTION_ACTIVE, NB_SECTION_REQUESTS, NB_SECTION_APPEALS };

  for (NbTableId t = 0; t < NB_N_TABLES; t++)
    {
      g_assert_cmpint (nb_template_get_table (t, NB_TEMPLATE_2021)->section, ==, sections[t]);
      g_assert_cmpint (nb_template_get_table (t, NB_TEMPLATE_2019)->section, ==, sections[t]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nb/table-layout/s2-2021", test_s2_2021);
  g_test_add_func ("/nb/table-layout/s2-2019", test_s2_2019);
  g_test_add_func ("/nb/table-layout/s3-2021", test_s3_2021);
  g_test_add_func ("/nb/table-layout/s3-2019", test_s3_2019);
  g_test_add_data_func ("/nb/table-layout/s4-2021", GINT_TO_POINTER (NB_TEMPLATE_2021), test_s4);
  g_test_add_data_func ("/nb/table-layout/s4-2019", GINT_TO_POINTER (NB_TEMPLATE_2019), test_s4);
  g_test_add_func ("/nb/template/kinds", test_kinds);
  g_test_add_func ("/nb/template/sections", test_sections);
  g_test_add_func ("/nb/template/procurement-amount", test_procurement_amount);

  return g_test_run ();
}
