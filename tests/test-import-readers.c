/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-markdown-reader.h"
#include "nb-rendered-text.h"
#include "nb-source-document-private.h"
#include "nb-test-util.h"
#include "nb-value.h"

/* The web page, Word and Markdown readers on the fixtures of
 * tests/make-reader-fixtures.py: distinct values in every cell, expected
 * values from the generator. */

typedef struct
{
  const char   *dir;
  const char   *file;
  const char   *expected;
  NbSourceKind  kind;
  const char   *encoding;
} Fixture;

static const Fixture fixtures[] = {
  { "html", "report.html", "report", NB_SOURCE_KIND_HTML, "UTF-8" },
  { "html", "gbk.html", "gbk", NB_SOURCE_KIND_HTML, "GB18030" },
  { "html", "saved-page.mhtml", "saved-page", NB_SOURCE_KIND_HTML, "UTF-8" },
  { "docx", "report.docx", "report", NB_SOURCE_KIND_DOCX, "UTF-8" },
  { "markdown", "report.md", "report", NB_SOURCE_KIND_MARKDOWN, "UTF-8" },
};

static NbSourceDocument *
open_fixture (const char *dir,
              const char *file)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", dir, file, NULL);
  g_autoptr(GError) error = NULL;
  NbSourceDocument *source = nb_source_document_open (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return source;
}

/* The characters a value's source names in the document's text. */
static char *
source_text (NbSourceDocument *source,
             const NbSource   *where)
{
  const char *text = nb_source_document_get_text (source);
  const char *line = text + nb_source_document_get_line_offset (source, where->line);
  const char *start = g_utf8_offset_to_pointer (line, where->column - 1);
  const char *end = g_utf8_offset_to_pointer (start, where->length);

  return g_strndup (start, end - start);
}

/* Every cell, agency, year and title exactly, no problem; and each value's
 * source is a range of the document's text that reads as that value: what
 * the source pane highlights. */
static void
test_fixture (gconstpointer data)
{
  const Fixture *fixture = data;
  g_autoptr(NbSourceDocument) source = open_fixture (fixture->dir, fixture->file);
  g_autofree char *expected_name = g_strconcat (fixture->expected, ".expected.json", NULL);
  g_autofree char *expected = nb_test_path ("tests", "fixtures", fixture->dir, expected_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_source (source, NULL, NULL, &error);
  g_autofree char *problems = NULL;
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);
  guint n_found = 0;

  g_assert_no_error (error);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, fixture->kind);
  g_assert_cmpstr (nb_source_document_get_encoding (source), ==, fixture->encoding);
  nb_test_assert_expected (report, expected);
  problems = nb_test_problems_string (report);
  g_assert_cmpstr (problems, ==, "");

  for (guint i = 0; i < n_cells; i++)
    {
      const NbSource *where = nb_report_get_cell_source (report, i);
      g_autofree char *text = NULL;
      double value = 0, read = 0;

      if (nb_report_get_cell (report, i, &value) != NB_CELL_FOUND || !nb_source_is_set (where))
        continue;
      text = source_text (source, where);
      g_assert_cmpint (nb_value_lex (text, cells[i].kind, &read), ==, NB_LEXEME_NUMBER);
      g_assert_cmpfloat_with_epsilon (read, value, 1e-9);
      if (fixture->kind != NB_SOURCE_KIND_MARKDOWN)
        g_assert_cmpuint (where->table, >, 0);
      n_found++;
    }
  g_assert_cmpuint (n_found, ==, 200);
}

/* A cell's source is its table, row and column, spans expanded: S3 is the
 * second table; its rows count the three header rows. */
static void
test_cell_sources (void)
{
  const char *files[][2] = { { "html", "report.html" }, { "docx", "report.docx" } };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(NbSourceDocument) source = open_fixture (files[f][0], files[f][1]);
      g_autoptr(NbReport) report = nb_import_source (source, NULL, NULL, NULL);
      const NbSource *where;

      /* 1.属于国家秘密, 自然人: row 8 (3 header rows, 一 二 (一) (二)), column 4 */
      where = nb_report_get_cell_source (report, nb_template_lookup_cell ("s3.refused.state_secret.natural")->index);
      g_assert_cmpuint (where->table, ==, 2);
      g_assert_cmpuint (where->table_row, ==, 8);
      g_assert_cmpuint (where->table_column, ==, 4);
      /* (四)'s third row (row 18), below two merged labels: 总计 is column 10 */
      where = nb_report_get_cell_source (report, nb_template_lookup_cell ("s3.unable.unclear.total")->index);
      g_assert_cmpuint (where->table, ==, 2);
      g_assert_cmpuint (where->table_row, ==, 18);
      g_assert_cmpuint (where->table_column, ==, 10);
      /* S4: its fourth row, the fifteenth column */
      where = nb_report_get_cell_source (report, nb_template_lookup_cell ("s4.suit_after_review.total")->index);
      g_assert_cmpuint (where->table, ==, 3);
      g_assert_cmpuint (where->table_row, ==, 4);
      g_assert_cmpuint (where->table_column, ==, 15);
      /* S2's 行政许可: a value spanning three columns stands in the second */
      where = nb_report_get_cell_source (report, nb_template_lookup_cell ("s2.licensing.decisions")->index);
      g_assert_cmpuint (where->table, ==, 1);
      g_assert_cmpuint (where->table_row, ==, 7);
      g_assert_cmpuint (where->table_column, ==, 2);
    }
}

static NbLine *
find_line (GPtrArray  *lines,
           const char *prefix)
{
  for (guint i = 0; i < lines->len; i++)
    {
      NbLine *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line->text, prefix))
        return line;
    }
  g_error ("no line starts with “%s”", prefix);
  return NULL;
}

static guint
count_lines (GPtrArray  *lines,
             const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    n += g_str_has_prefix (((NbLine *) g_ptr_array_index (lines, i))->text, prefix);
  return n;
}

/* Tokens' cells: @expected is "text:cell text:cell …". */
static void
assert_tokens (const NbLine *line,
               guint         n_cells,
               const char   *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < line->tokens->len; i++)
    {
      const NbToken *token = &g_array_index (line->tokens, NbToken, i);

      g_string_append_printf (got, "%s%s:%u", i ? " " : "", token->text, token->cell);
    }
  g_assert_cmpstr (got->str, ==, expected);
  g_assert_cmpuint (line->n_cells, ==, n_cells);
}

static GPtrArray *
lines_of (NbSourceDocument *source)
{
  if (nb_source_document_get_kind (source) == NB_SOURCE_KIND_MARKDOWN)
    return nb_markdown_read_lines (nb_source_document_get_text (source));
  return nb_rendered_text_read_lines (nb_source_document_get_text (source),
                                      _nb_source_document_get_rendered_lines (source));
}

/* The line stream: a row per line, every token told its cell, empty cells
 * (a merged label above, a span) counted. */
static void
test_line_stream (void)
{
  const char *files[][2] = { { "html", "report.html" }, { "docx", "report.docx" },
                             { "markdown", "report.md" } };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(NbSourceDocument) source = open_fixture (files[f][0], files[f][1]);
      g_autoptr(GPtrArray) lines = lines_of (source);
      const NbLine *line;

      g_test_message ("%s", files[f][1]);
      line = find_line (lines, "2.其他法律行政法规禁止公开");
      g_assert_cmpuint (line->n_cells, ==, 10);
      g_assert_cmpuint (g_array_index (line->tokens, NbToken, 0).cell, ==, 3);
      for (guint t = 1; t < line->tokens->len; t++)
        g_assert_cmpuint (g_array_index (line->tokens, NbToken, t).cell, ==, 3 + t);

      line = find_line (lines, "行政许可");
      g_assert_cmpuint (line->n_cells, ==, 4);
      g_assert_cmpuint (line->tokens->len, ==, 2);
      g_assert_cmpuint (g_array_index (line->tokens, NbToken, 1).cell, ==, 2);
    }
}

/* Markdown as converters write it: a header row broken over two lines is
 * one row, a piece's repeated header goes, a data row broken inside its
 * label is one row, the page number between pieces is furniture. */
static void
test_markdown_pieces (void)
{
  g_autoptr(NbSourceDocument) source = open_fixture ("markdown", "report.md");
  g_autoptr(GPtrArray) lines = lines_of (source);
  const NbLine *line;

  assert_tokens (find_line (lines, "信息内容"), 4,
                 "信息内容:1 本年制发件数:2 本年废止:3 件数:3 现行有效件数:4");
  g_assert_cmpuint (count_lines (lines, "第二十条第(一)项"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "信息内容 本年制发件数"), ==, 1);

  line = find_line (lines, "(六)其他处理 1.申请人无正当理由");
  g_assert_cmpuint (line->n_cells, ==, 10);
  g_assert_cmpuint (line->tokens->len, ==, 10);
  /* (六)其他处理:2, 1.申请人…不再处理:3, then on the next line 其政府信息公开申请:3 */
  g_assert_cmpuint (g_array_index (line->tokens, NbToken, 0).cell, ==, 2);
  g_assert_cmpuint (g_array_index (line->tokens, NbToken, 1).cell, ==, 3);
  g_assert_cmpuint (g_array_index (line->tokens, NbToken, 2).cell, ==, 3);
  g_assert_cmpstr (g_array_index (line->tokens, NbToken, 2).text, ==, "其政府信息公开申请");
  g_assert_cmpuint (g_array_index (line->tokens, NbToken, 1).source.line + 1, ==,
                    g_array_index (line->tokens, NbToken, 2).source.line);
  g_assert_cmpuint (g_array_index (line->tokens, NbToken, 9).cell, ==, 10);

  /* The second piece of S3 starts with a data row over |---|. */
  line = find_line (lines, "5.属于三类内部事务信息");
  g_assert_cmpuint (line->n_cells, ==, 10);
  g_assert_cmpuint (line->source.table, ==, 2);
  g_assert_true (find_line (lines, "— 5 —")->furniture);
}

static char *
render (const char *html,
        const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSourceDocument) source = nb_source_document_new_from_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (nb_source_document_get_kind (source), ==, NB_SOURCE_KIND_HTML);
  return g_strdup (nb_source_document_get_text (source));
}

/* Spans, <br> and nested markup, what is dropped, by exact rendering. */
static void
test_html_rendering (void)
{
  g_autofree char *spans = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *blocks = NULL;

  spans = render ("<table><tr><td rowspan=2>三、本年度<br>\n办理结果</td><td colspan=2><b>x</b> <i>y</i></td>"
                  "<td rowspan=3>z</td></tr>"
                  "<tr><td><p><span>1</span></p></td><td>&nbsp;2&nbsp;</td></tr>"
                  "<tr><td>a</td><td></td><td>b</td></tr>"
                  "<tr><td></td><td></td></tr></table>", "spans.html");
  g_assert_cmpstr (spans, ==, "三、本年度办理结果\tx y\t\tz\n\t1\t2\t\na\t\tb\t");

  dropped = render ("<html><head><title>T</title><style>p{}</style><script>var a=1;</script></head>"
                    "<body><div class=\"top-nav nav\">首页</div><nav>菜单</nav><header>站名</header>"
                    "<ul class=\"breadcrumb\"><li>位置</li></ul><div role=\"navigation\">导航</div>"
                    "<p style=\"display: none\">隐藏</p><p>正文<b>一</b></p><p>二\n 三 4 5</p>"
                    "<footer>版权</footer><div id=\"footer\">页脚</div><!-- 注释 --></body></html>",
                    "dropped.html");
  /* a line break or a space between ideographs is none */
  g_assert_cmpstr (dropped, ==, "正文一\n\n二三 4 5");

  layout = render ("<table><tr><td><table><tr><td>甲</td><td>1</td></tr></table></td></tr>"
                   "<tr><td>段落</td></tr></table><table><tr><td>单列</td></tr></table>", "layout.html");
  g_assert_cmpstr (layout, ==, "甲\t1\n\n段落\n\n单列");

  blocks = render ("<table><tr><td><div>12</div>34</td><td>件<div>数</div></td></tr></table>", "blocks.htm");
  g_assert_cmpstr (blocks, ==, "12 34\t件数");
}

/* The charset from the BOM, the <meta> (both forms), or detection; a page
 * declared GBK but written in UTF-8 is read as UTF-8. */
static void
test_html_charsets (void)
{
  const char *body = "<p>政府信息公开</p>";
  struct { const char *head; const char *charset; const char *encoding; } cases[] = {
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "GB18030", "GB18030" },
    { "<meta charset=\"GBK\">", "GB18030", "GB18030" },
    { "<meta charset=\"gbk\">", "UTF-8", "UTF-8" },
    { "<html>", "GB18030", "GB18030" },
    { "<html>", "UTF-8", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strconcat (cases[i].head, body, NULL);
      g_autofree char *encoded = g_convert (page, -1, cases[i].charset, "UTF-8", NULL, NULL, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (encoded, strlen (encoded));
      g_autoptr(GError) error = NULL;
      g_autoptr(NbSourceDocument) source = nb_source_document_new_from_bytes (bytes, "page.htm", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (nb_source_document_get_encoding (source), ==, cases[i].encoding);
      g_assert_cmpstr (nb_source_document_get_text (source), ==, "政府信息公开");
    }

  {
    static const char utf16[] = "\xFF\xFE<\0p\0>\0\x3F\x65\x9C\x5E<\0/\0p\0>\0";
    g_autoptr(GBytes) bytes = g_bytes_new (utf16, sizeof utf16 - 1);
    g_autoptr(NbSourceDocument) source = nb_source_document_new_from_bytes (bytes, "page.html", NULL, NULL);

    g_assert_cmpstr (nb_source_document_get_encoding (source), ==, "UTF-16LE");
    g_assert_cmpstr (nb_source_document_get_text (source), ==, "政府");
  }
}

/* Bad input: a message, never a crash or a hang. */
static void
test_bad_input (void)
{
  const struct { const char *dir; const char *file; const char *words; } files[] = {
    { "docx", "truncated.docx", "damaged or cut short" },
    { "docx", "not-a-zip.docx", "damaged or cut short" },
    { "docx", "no-document.docx", "word/document.xml" },
    { "docx", "deep.docx", "its text cannot be read" },
    { "html", "empty-archive.mhtml", "MHTML" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = nb_test_path ("tests", "fixtures", files[i].dir, "bad", files[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbSourceDocument) source = nb_source_document_open (path, NULL, NULL, &error);

      g_assert_null (source);
      g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, files[i].words));
    }

  /* Nested a hundred thousand deep: read or refused, in a moment. */
  {
    const char *open_tags[] = { "<div>", "<table><tr><td>", "<span><b>" };

    for (guint k = 0; k < G_N_ELEMENTS (open_tags); k++)
      {
        g_autoptr(GString) page = g_string_new ("<html><body>");
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(NbSourceDocument) source = NULL;
        g_autoptr(GError) error = NULL;
        gint64 start = g_get_monotonic_time ();

        for (guint i = 0; i < 100000; i++)
          g_string_append (page, open_tags[k]);
        g_string_append (page, "政府信息公开工作年度报告");
        bytes = g_string_free_to_bytes (g_steal_pointer (&page));
        source = nb_source_document_new_from_bytes (bytes, "deep.html", NULL, &error);
        g_assert_true (source != NULL || error != NULL);
        g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      }
  }

  /* 100 MB of page: refused by its size before it is read. */
  {
    g_autofree char *dir = g_dir_make_tmp ("nianbao-test-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "huge.html", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(NbSourceDocument) source = NULL;
    FILE *file = fopen (path, "w");

    fputs ("<html>", file);
    g_assert_cmpint (ftruncate (fileno (file), 100 * 1024 * 1024), ==, 0);
    fclose (file);
    source = nb_source_document_open (path, NULL, NULL, &error);
    g_assert_null (source);
    g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "web pages and Word files"));
    g_unlink (path);
    g_rmdir (dir);
  }
}

/* A binary .doc: converted by LibreOffice where it is installed; where it
 * is not, a message that says how to convert. */
static void
test_doc (void)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", "docx", "report.doc", NULL);
  g_autofree char *expected = nb_test_path ("tests", "fixtures", "docx", "report.expected.json", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *saved_path = g_strdup (g_getenv ("PATH"));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSourceDocument) missing = NULL;

  /* Without LibreOffice on the PATH */
  g_setenv ("PATH", "/nonexistent", TRUE);
  missing = nb_source_document_open (path, NULL, NULL, &error);
  g_setenv ("PATH", saved_path, TRUE);
  g_assert_null (missing);
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "LibreOffice"));
  g_assert_nonnull (strstr (error->message, ".docx"));

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: the .doc conversion is not tested");
      return;
    }

  {
    g_autoptr(NbReport) report = nb_test_import (path);

    nb_test_assert_expected (report, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *test = g_strdup_printf ("/nb/import/readers/%s/%s", fixtures[i].dir, fixtures[i].file);

      g_test_add_data_func (test, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/nb/import/readers/cell-sources", test_cell_sources);
  g_test_add_func ("/nb/import/readers/line-stream", test_line_stream);
  g_test_add_func ("/nb/import/readers/markdown/pieces", test_markdown_pieces);
  g_test_add_func ("/nb/import/readers/html/rendering", test_html_rendering);
  g_test_add_func ("/nb/import/readers/html/charsets", test_html_charsets);
  g_test_add_func ("/nb/import/readers/bad", test_bad_input);
  g_test_add_func ("/nb/import/readers/doc", test_doc);

  return g_test_run ();
}
