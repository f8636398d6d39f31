/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-line.h"
#include "nb-test-util.h"

static const char *const seeds[] = {
  "000_f24d835b901d1514",
  "001_7f28f313131cbcb8",
  "002_ff767b4376f9d530",
  "003_e0396cda2f552dd2",
  "004_d75dc64ce6227108",
};

static const char *const encodings[] = {
  "gb18030", "utf16le-bom", "utf16be-bom", "utf8-bom", "crlf",
};

/* Every seed: all 207 cells, agency, year and template exactly. */
static void
test_seed (gconstpointer data)
{
  const char *seed = data;
  g_autofree char *name = g_strconcat (seed, ".txt", NULL);
  g_autofree char *path = nb_test_path ("data", "samples", name, NULL);
  g_autofree char *expected_name = g_strconcat (seed, ".json", NULL);
  g_autofree char *expected = nb_test_path ("tests", "expected", expected_name, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  g_autofree char *problems = nb_test_problems_string (report);

  nb_test_assert_expected (report, expected);
  g_assert_cmpstr (problems, ==, "");
  g_assert_false (nb_report_get_modified (report));
}

/* The seeds' layouts with distinct, consistent, non-zero values in every
 * cell (tests/make-fixtures.py): a value in the wrong row or column, or a
 * number misread, fails here.  The expected values are the generator's. */
static const char *const distinct[] = {
  "000-tabs",
  "001-tabs",
  "002-pipes",
  "003-tabs",
  "004-tabs",
  "000-s4-wrapped",
  "002-s4-wrapped",
  "003-lexer",
};

static void
test_distinct (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *json = g_strconcat (name, ".expected.json", NULL);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "distinct", file, NULL);
  g_autofree char *expected = nb_test_path ("tests", "fixtures", "text", "distinct", json, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  g_autofree char *problems = nb_test_problems_string (report);

  nb_test_assert_expected (report, expected);
  g_assert_cmpstr (problems, ==, "");
  for (guint t = 0; t < NB_N_TABLES; t++)
    g_assert_cmpint (nb_report_get_table_version (report, t), ==, NB_TEMPLATE_2021);
}

/* Every generated fixture of @dir is tested: none is added and forgotten. */
static void
assert_all_listed (const char        *dir,
                   const char *const *names,
                   guint              n_names)
{
  g_autofree char *dir_path = nb_test_path ("tests", "fixtures", "text", dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) gdir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *base = NULL;
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      base = g_strndup (name, strlen (name) - strlen (".txt"));
      for (guint i = 0; i < n_names; i++)
        listed = listed || strcmp (names[i], base) == 0;
      if (!listed)
        g_error ("%s/%s is not in the list of fixtures tested", dir_path, name);
      n++;
    }
  g_assert_cmpuint (n, ==, n_names);
}

static void
test_distinct_all_listed (void)
{
  assert_all_listed ("distinct", distinct, G_N_ELEMENTS (distinct));
}

/* Reports laid out as agencies publish them (tests/make-fixtures.py,
 * shapes/): every cell, agency, year, title and edition exactly, blank
 * fields missing and nothing else, and derived cells shown as derived. */
static const char *const shapes[] = {
  "blank-tabs",
  "blank-pipes",
  "extra-columns",
  "no-total",
  "s4-transposed",
  "s4-three",
  "s4-transposed-pipes",
  "units",
  "broken-rows",
  "toc",
  "toc-plain",
  "no-headings",
  "appendix",
  "edition-2019",
  "title-year-after",
  "title-split",
  "title-period",
  "typos",
};

static void
test_shape (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *json = g_strconcat (name, ".expected.json", NULL);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "shapes", file, NULL);
  g_autofree char *expected_path = nb_test_path ("tests", "fixtures", "text", "shapes", json, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);
  JsonObject *cells = json_object_get_object_member (expected, "cells");
  JsonArray *derived = json_object_get_array_member (expected, "derived");
  g_autoptr(GList) members = json_object_get_members (cells);

  gboolean all_given = TRUE;

  nb_test_assert_expected (report, expected_path);

  /* Read cells are read, derived ones derived: never a total invented as read. */
  for (GList *l = members; l; l = l->next)
    {
      const NbCellDef *cell = nb_template_lookup_cell (l->data);
      NbCellState state = nb_report_get_cell (report, cell->index, NULL);
      gboolean is_derived = FALSE;

      for (guint i = 0; i < json_array_get_length (derived); i++)
        if (g_strcmp0 (json_array_get_string_element (derived, i), l->data) == 0)
          is_derived = TRUE;
      if (JSON_NODE_HOLDS_NULL (json_object_get_member (cells, l->data)))
        {
          /* (the 2019 edition has no （六） sub-rows) */
          all_given = all_given && (cell->row->flags & NB_ROW_SUB);
          continue;
        }
      if (is_derived)
        g_assert_cmpint (state, ==, NB_CELL_DERIVED);
      else if (!(cell->row->flags & NB_ROW_AGGREGATE))
        g_assert_cmpint (state, ==, NB_CELL_FOUND);
    }

  /* A source that gives every cell breaks no rule: they are consistent. */
  if (all_given)
    {
      g_autofree char *problems = nb_test_problems_string (report);

      g_assert_cmpstr (problems, ==, "");
    }
}

static void
test_shapes_all_listed (void)
{
  assert_all_listed ("shapes", shapes, G_N_ELEMENTS (shapes));
}

/* Tables in an appendix after the agency's own sections: the prose keeps
 * the agency's headings, and stops where the tables start. */
static void
test_appendix_prose (void)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "shapes", "appendix.txt", NULL);
  g_autoptr(NbReport) report = nb_test_import (path);

  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_OVERVIEW), ==,
                   "本年度，本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n"
                   "二、工作机制保障\n本机关成立了政务公开工作领导小组。\n"
                   "三、主动公开工作情况\n本年度主动公开政府信息情况见附表一。\n"
                   "四、依申请公开工作情况\n本年度依申请公开情况见附表二。");
  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_PROBLEMS), ==,
                   "一是公开内容还不够丰富；二是解读形式较为单一。下一步将加以改进。\n"
                   "六、下一步工作打算\n进一步提高公开质量。\n附表\n表一 主动公开政府信息情况");
}

/* A table of contents after the title does not take the headings. */
static void
test_contents (gconstpointer data)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "shapes", data, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);

  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_OVERVIEW), ==,
                   "本年度，本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。");
  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_OTHER), ==,
                   "本年度未收取信息处理费。");
}

/* One blank field costs that cell, in a tab row and in a pipe row:
 * the cells beside it keep their values. */
static void
test_blank_cell (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "shapes", file, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  g_autofree char *problems = nb_test_problems_string (report);

  g_assert_cmpstr (problems, ==,
                   "cell.missing s2.rules.abolished\n"
                   "cell.missing s3.carried_in.natural\n"
                   "cell.missing s3.new.research\n"
                   "cell.missing s3.results_total.total\n");
}

/* The text reader's cells: every tab or "|" starts one, empty fields and
 * leading tabs count, a Markdown row's outer pipes open and close none. */
static void
test_line_cells (void)
{
  struct { const char *raw; guint n_cells; const char *tokens; } cases[] = {
    { "\t\t7. 属于行政执法案卷\t0\t\t3\t", 6, "3:7. 3:属于行政执法案卷 4:0 6:3" },
    { "a | 1 |  | 2 | |||", 7, "1:a 2:1 4:2" },
    { "| 规章 | 12 条 |  | 3 |", 4, "1:规章 2:12 2:条 4:3" },
    { "规章 12 13", 0, "0:规章 0:12 0:13" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbLine) line = nb_line_new_from_text (cases[i].raw, strlen (cases[i].raw), 1);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint t = 0; t < line->tokens->len; t++)
        {
          const NbToken *token = &g_array_index (line->tokens, NbToken, t);

          g_string_append_printf (got, "%s%u:%s", t ? " " : "", token->cell, token->text);
        }
      g_assert_cmpstr (got->str, ==, cases[i].tokens);
      g_assert_cmpuint (line->n_cells, ==, cases[i].n_cells);
    }
}

/* The same seed in another encoding gives the same cells. */
static void
test_encoding (gconstpointer data)
{
  const char *name = data;   /* "<seed>.<encoding>" */
  g_auto(GStrv) parts = g_strsplit (name, ".", 2);
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "encodings", file, NULL);
  g_autofree char *expected_name = g_strconcat (parts[0], ".json", NULL);
  g_autofree char *expected = nb_test_path ("tests", "expected", expected_name, NULL);
  g_autoptr(NbReport) report = nb_test_import (path);

  nb_test_assert_expected (report, expected);
}

/* The real reports as pdftotext -layout prints them, with their true cells;
 * the 2023 one really breaks s4.group_total, twice. */
static void
test_corpus_layout (gconstpointer data)
{
  const char *name = data;
  g_autofree char *text = g_strconcat (name, ".layout.txt", NULL);
  g_autofree char *json = g_strconcat (name, ".expected.json", NULL);
  g_autofree char *path = nb_test_shared_path ("corpus", text, NULL);
  g_autofree char *expected = nb_test_shared_path ("corpus", json, NULL);
  g_autoptr(NbReport) report = NULL;
  g_autofree char *problems = NULL;

  if (!nb_test_require_shared (path))
    return;

  report = nb_test_import (path);
  nb_test_assert_expected (report, expected);
  g_assert_cmpint (nb_report_get_table_version (report, NB_TABLE_S3), ==, NB_TEMPLATE_2019);

  problems = nb_test_problems_string (report);
  if (g_str_has_suffix (name, "2023"))
    g_assert_cmpstr (problems, ==,
                     "s4.group_total s4.review.total,s4.review.upheld,s4.review.corrected,"
                     "s4.review.other,s4.review.pending\n"
                     "s4.group_total s4.suit_after_review.total,s4.suit_after_review.upheld,"
                     "s4.suit_after_review.corrected,s4.suit_after_review.other,"
                     "s4.suit_after_review.pending\n");
  else
    g_assert_cmpstr (problems, ==, "");

  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, NB_SECTION_OVERVIEW),
                                   nb_report_get_year (report) == 2023 ? "2023 年，洪泽区人民政府坚持"
                                                                       : "2024 年"));
  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_REQUESTS), ==, "");
}

/* Where a value came from: line, column and length in the source text. */
static void
test_sources (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  const NbCellDef *cell = nb_template_lookup_cell ("s2.licensing.decisions");
  const NbSource *source = nb_report_get_cell_source (report, cell->index);

  /* "行政许可 | 5188 | ||" is line 14 */
  g_assert_cmpuint (source->line, ==, 14);
  g_assert_cmpuint (source->column, ==, 8);
  g_assert_cmpuint (source->length, ==, 4);
  g_assert_cmpuint (source->page, ==, 0);
}

/* Prose: the six sections, one paragraph per line of the paste. */
static void
test_prose (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autoptr(NbReport) report = nb_test_import (path);

  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, NB_SECTION_OVERVIEW),
                                   "2024年,滨州高新技术产业开发区坚持"));
  g_assert_cmpstr (nb_report_get_section_text (report, NB_SECTION_OTHER), ==,
                   "(一)收取信息处理费情况\n本年度未收取信息处理费。\n"
                   "(二)落实上级年度政务公开工作要点情况\n"
                   "积极贯彻落实国家、省、市2024年政务公开工作要点,围绕推进经济平稳健康发展、"
                   "社会治理精细化、保障改善民生和加强政府自身建设等重点领域深化政府信息公开,"
                   "持续提升政务公开标准化、规范化和信息化水平,全面提升政务公开工作质效,"
                   "让权力始终在阳光下运行。\n"
                   "(三)人大代表建议和政协委员提案办理情况\n本机关未承办人大代表建议和政协委员提案。");
  g_assert_cmpstr (nb_report_get_title (report), ==,
                   "滨州高新技术产业开发区2024年政府信息公开工作年度报告");
}

/* Kangxi radicals and full-width digits, as some PDF producers emit. */
static void
test_normalization (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "003_e0396cda2f552dd2.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  /* 一 → ⼀ (U+2F00) everywhere; the 2-applicant row in full-width digits */
  g_string_replace (text, "一", "⼀", 0);
  g_assert_cmpuint (g_string_replace (text, "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                                      "⼀、本年新收政府信息公开申请数量\t\t２\t0\t0\t0\t0\t0\t２", 0), ==, 0);
  g_assert_cmpuint (g_string_replace (text, "⼀、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                                      "⼀、本年新收政府信息公开申请数量\t\t２\t0\t0\t0\t0\t0\t２", 0), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  report = nb_import_bytes (bytes, "kangxi.txt", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (nb_report_lookup_value (report, "s3.new.natural", &value));
  g_assert_cmpfloat (value, ==, 2);
  g_assert_cmpstr (nb_report_get_agency (report), ==, "西工区民营经济发展局");
  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, NB_SECTION_OVERVIEW),
                                   "(一) 主动公开情况"));
}

/* ---- Bad input: a clear error or problems, never a crash or a hang ---- */

static void
assert_import_error (const char *path,
                     GQuark      domain,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_file (path, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, domain, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_bad_files (void)
{
  struct { const char *name; int code; } cases[] = {
    { "empty.txt", NB_ERROR_EMPTY },
    { "binary.bin", NB_ERROR_BINARY },
    { "latin1.txt", NB_ERROR_ENCODING },
    { "not-a-report.txt", NB_ERROR_NO_REPORT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "bad", cases[i].name, NULL);

      assert_import_error (path, NB_ERROR, cases[i].code);
    }

  assert_import_error ("/nonexistent/report.txt", G_FILE_ERROR, G_FILE_ERROR_NOENT);
  assert_import_error (NB_TEST_SOURCE_ROOT, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
}

/* Cut in the middle of S3: what was read is kept, the rest is missing.
 * The cut row keeps its first three cells: they stand in the cells the
 * rows above put those columns in. */
static void
test_truncated (void)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "bad", "truncated.txt", NULL);
  g_autoptr(NbReport) report = nb_test_import (path);
  const NbCellDef *read = nb_template_lookup_cell ("s3.refused.process.total");
  const NbCellDef *kept = nb_template_lookup_cell ("s3.refused.enforcement_file.research");
  const NbCellDef *cut = nb_template_lookup_cell ("s3.refused.enforcement_file.nonprofit");
  const NbCellDef *lost = nb_template_lookup_cell ("s4.review.total");
  g_autofree char *problems = nb_test_problems_string (report);

  g_assert_cmpint (nb_report_get_cell (report, read->index, NULL), ==, NB_CELL_FOUND);
  g_assert_cmpint (nb_report_get_cell (report, kept->index, NULL), ==, NB_CELL_FOUND);
  g_assert_cmpint (nb_report_get_cell (report, cut->index, NULL), ==, NB_CELL_MISSING);
  g_assert_cmpint (nb_report_get_cell (report, lost->index, NULL), ==, NB_CELL_MISSING);
  g_assert_nonnull (strstr (problems, "cell.missing s3.refused.enforcement_file.nonprofit,"
                                      "s3.refused.enforcement_file.legal,"
                                      "s3.refused.enforcement_file.other_org,"
                                      "s3.refused.enforcement_file.total\n"));
  g_assert_nonnull (strstr (problems, "cell.missing s4.review.upheld,"));
  g_assert_null (strstr (problems, "s3.balance"));
}

/* 50 MB of random text: refused at once, by size. */
static void
test_huge (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  int fd = g_file_open_tmp ("nianbao-huge-XXXXXX.txt", &path, &error);
  gsize size = 50 * 1024 * 1024;
  g_autofree char *block = g_malloc (1024 * 1024);
  FILE *f;

  g_assert_no_error (error);
  f = fdopen (fd, "w");
  for (gsize i = 0; i < 1024 * 1024; i++)
    block[i] = (i % 80 == 79) ? '\n' : (char) g_rand_int_range (rand, 0x21, 0x7f);
  for (gsize written = 0; written < size; written += 1024 * 1024)
    fwrite (block, 1, 1024 * 1024, f);
  fclose (f);

  assert_import_error (path, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* A few MB of random text under the size limit: read through, no report. */
static void
test_random_text (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize size = 4 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = (i % 100 == 99) ? '\n' : (char) g_rand_int_range (rand, 0x20, 0x7f);
  bytes = g_bytes_new_take (data, size);
  report = nb_import_bytes (bytes, "random.txt", NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
}

/* Cancelled before it starts: says so. */
static void
test_cancelled (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "000_f24d835b901d1514.txt", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = nb_import_file (path, NULL, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *test = g_strdup_printf ("/nb/import/text/seed/%s", seeds[i]);

      g_test_add_data_func (test, seeds[i], test_seed);
      for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
        {
          char *name = g_strdup_printf ("%s.%s", seeds[i], encodings[e]);
          g_autofree char *etest = g_strdup_printf ("/nb/import/text/encoding/%s", name);

          g_test_add_data_func_full (etest, name, test_encoding, g_free);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    {
      g_autofree char *test = g_strdup_printf ("/nb/import/text/distinct/%s", distinct[i]);

      g_test_add_data_func (test, distinct[i], test_distinct);
    }
  g_test_add_func ("/nb/import/text/distinct-all-listed", test_distinct_all_listed);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *test = g_strdup_printf ("/nb/import/text/shape/%s", shapes[i]);

      g_test_add_data_func (test, shapes[i], test_shape);
    }
  g_test_add_func ("/nb/import/text/shapes-all-listed", test_shapes_all_listed);
  g_test_add_func ("/nb/import/text/line-cells", test_line_cells);
  g_test_add_func ("/nb/import/text/appendix-prose", test_appendix_prose);
  g_test_add_data_func ("/nb/import/text/contents/pages", "toc.txt", test_contents);
  g_test_add_data_func ("/nb/import/text/contents/plain", "toc-plain.txt", test_contents);
  g_test_add_data_func ("/nb/import/text/blank-cell/tabs", "blank-tabs", test_blank_cell);
  g_test_add_data_func ("/nb/import/text/blank-cell/pipes", "blank-pipes", test_blank_cell);
  g_test_add_data_func ("/nb/import/text/corpus/2023", "hongzequ_2023", test_corpus_layout);
  g_test_add_data_func ("/nb/import/text/corpus/2024", "hongzequ_2024", test_corpus_layout);
  g_test_add_func ("/nb/import/text/sources", test_sources);
  g_test_add_func ("/nb/import/text/prose", test_prose);
  g_test_add_func ("/nb/import/text/normalization", test_normalization);
  g_test_add_func ("/nb/import/bad/files", test_bad_files);
  g_test_add_func ("/nb/import/bad/truncated", test_truncated);
  g_test_add_func ("/nb/import/bad/huge", test_huge);
  g_test_add_func ("/nb/import/bad/random-text", test_random_text);
  g_test_add_func ("/nb/import/cancelled", test_cancelled);

  return g_test_run ();
}
