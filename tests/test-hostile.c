/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nb-document.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-line.h"
#include "nb-pdf-reader.h"
#include "nb-report-file.h"
#include "nb-source-document.h"
#include "nb-test-util.h"
#include "nb-text-reader.h"

/* Hostile and broken input (issue 14): each finding of the audit, made
 * here, and what it must give instead: the right report, or a GError
 * with a clear message.  None of these is timed; what the inputs cost is
 * measured in the README. */

#define SAMPLE "000_f24d835b901d1514"

/* ---- helpers --------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nianbao-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GBytes *
bytes_of (GString *s)
{
  gsize length = s->len;

  return g_bytes_new_take (g_string_free (s, FALSE), length);
}

/* Imports @s and expects NB_ERROR @code, its message with @part in it. */
static void
assert_refused (GString    *s,
                int         code,
                const char *part)
{
  g_autoptr(GBytes) bytes = bytes_of (s);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_bytes (bytes, NULL, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, NB_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in “%s”", part, error->message);
}

static NbReport *
import_string (const char *data,
               GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

  return nb_import_bytes (bytes, NULL, NULL, NULL, error);
}

/* The saved form of a sample report. */
static char *
sample_saved (NbReport **report)
{
  g_autofree char *path = nb_test_path ("data", "samples", SAMPLE ".txt", NULL);
  g_autoptr(NbReport) read = nb_test_import (path);
  char *data = nb_report_file_to_data (read);

  if (report)
    *report = g_steal_pointer (&read);
  return data;
}

static void
assert_invalid_file (const char *data,
                     const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = import_string (data, &error);

  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_FILE);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” is not in “%s”", message_part, error->message);
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_same_cells (NbReport *a,
                   NbReport *b)
{
  guint n_cells;

  nb_template_get_cells (&n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      double va, vb;
      NbCellState sa = nb_report_get_cell (a, i, &va);
      NbCellState sb = nb_report_get_cell (b, i, &vb);

      g_assert_cmpint (sa, ==, sb);
      if (sa != NB_CELL_MISSING)
        g_assert_cmpfloat (va, ==, vb);
    }
}

/* ---- 1. nesting ------------------------------------------------------- */

static void
test_deep_nesting (void)
{
  GString *s = g_string_new ("{\"format\" : \"nianbao\", \"version\" : 1, \"x\" : ");

  /* 75,000 levels: json-glib's recursive parser overflows the stack. */
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  assert_refused (s, NB_ERROR_INVALID_FILE, "nested deeper");
}

/* ---- 2. many lines ---------------------------------------------------- */

static void
test_blank_lines (void)
{
  gsize length = 4 * 1024 * 1024;
  g_autofree char *text = g_malloc (length + 1);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const NbLine *line;

  /* A few words, 4 M blank lines, a few words: blank lines cost nothing. */
  memset (text, '\n', length);
  text[length] = '\0';
  memcpy (text, "first line\n", strlen ("first line\n"));
  memcpy (text + length - strlen ("\nlast line"), "\nlast line", strlen ("\nlast line"));

  lines = nb_text_split_lines (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (line->text, ==, "first line");
  g_assert_cmpuint (line->source.line, ==, 1);
  line = g_ptr_array_index (lines, 1);
  g_assert_true (nb_line_is_blank (line));
  g_assert_cmpuint (line->source.line, ==, 2);
  line = g_ptr_array_index (lines, 2);
  g_assert_cmpstr (line->text, ==, "last line");
  /* Line numbers are those of the file. */
  g_assert_cmpuint (line->source.line, ==, length - strlen ("first line\nlast line") + 2);
}

static void
test_too_many_lines (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i <= NB_LINE_STREAM_MAX_LINES; i++)
    g_string_append (s, "a\n");
  assert_refused (s, NB_ERROR_TOO_LARGE, "too many lines");
}

static void
test_too_many_words (void)
{
  GString *s = g_string_new (NULL);

  /* One line of words: the tokens are capped as well as the lines. */
  for (guint i = 0; i <= NB_LINE_STREAM_MAX_TOKENS; i++)
    g_string_append (s, "a ");
  assert_refused (s, NB_ERROR_TOO_LARGE, "too many words");
}

/* ---- 3. saved reports have their own limits --------------------------- */

static void
test_saved_too_many_values (void)
{
  GString *s = g_string_new ("{\"format\" : \"nianbao\", \"version\" : 1, \"x\" : [0");

  /* 5 MB, 2.5 M values: well within the size limit, but json-glib would
   * build a node for each. */
  for (guint i = 0; i < 2500000; i++)
    g_string_append (s, ",0");
  g_string_append (s, "]}");
  assert_refused (s, NB_ERROR_INVALID_FILE, "more values");
}

static void
test_saved_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.nianbao", NULL);
  g_autoptr(GString) s = g_string_new ("{\"format\" : \"nianbao\", \"version\" : 1, \"title\" : \"%PDF-");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSourceDocument) source = NULL;

  /* "%PDF-" in its head, as a title may have: still a saved report, with
   * the limit of one, not a PDF's. */
  g_string_set_size (s, NB_REPORT_FILE_MAX_SIZE + 16);
  memset (s->str + strlen ("{\"format\" : \"nianbao\", \"version\" : 1, \"title\" : \"%PDF-"), 'a',
          s->len - strlen ("{\"format\" : \"nianbao\", \"version\" : 1, \"title\" : \"%PDF-") - 2);
  memcpy (s->str + s->len - 2, "\"}", 2);
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));

  source = nb_source_document_open (path, NULL, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "saved report"));
  remove_temp_dir (dir);
}

/* ---- 4. a long PDF line ---------------------------------------------- */

/* A PDF of @n_pages pages that share one content stream: one line of
 * @n_glyphs glyphs, "ab" repeated, in Helvetica at one point. */
static GBytes *
make_long_line_pdf (guint n_pages,
                    guint n_glyphs)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GString) content = g_string_new ("BT /F1 1 Tf 10 100 Td (");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) kids = g_string_new (NULL);
  guint n_objects;
  gsize xref;

  for (guint i = 0; i < n_glyphs; i++)
    g_string_append_c (content, i % 2 ? 'b' : 'a');
  g_string_append (content, ") Tj ET");

  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%u 0 R ", 5 + i);

#define OBJECT(...) G_STMT_START { \
    gsize offset = pdf->len; \
    g_array_append_val (offsets, offset); \
    g_string_append_printf (pdf, "%u 0 obj\n", offsets->len); \
    g_string_append_printf (pdf, __VA_ARGS__); \
    g_string_append (pdf, "\nendobj\n"); \
  } G_STMT_END
  OBJECT ("<< /Type /Catalog /Pages 2 0 R >>");
  OBJECT ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n_pages);
  OBJECT ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  OBJECT ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream", content->len, content->str);
  for (guint i = 0; i < n_pages; i++)
    OBJECT ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 23000 200] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
#undef OBJECT

  n_objects = offsets->len;
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < n_objects; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_objects + 1, xref);
  return bytes_of (pdf);
}

/* Two pages, not the audit's 20 (README has their figures): Poppler
 * grows a word 16 glyphs at a time, and under ASan every realloc of the
 * one word of 40,000 is a copy. */
#define N_LONG_PAGES 2

static void
test_pdf_long_line (void)
{
  g_autoptr(GBytes) bytes = make_long_line_pdf (N_LONG_PAGES, 40000);
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  NbImportOptions options = { 0 };

  source = nb_source_document_new_from_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_source_document_get_n_pages (source), ==, N_LONG_PAGES);

  /* Each page: one line, one token of 40,000 glyphs (they touch). */
  lines = nb_pdf_read_lines (source, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, N_LONG_PAGES);
  for (guint i = 0; i < lines->len; i++)
    {
      const NbLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpuint (line->source.page, ==, i + 1);
      g_assert_cmpuint (strlen (line->text), ==, 40000);
      g_assert_true (g_str_has_prefix (line->text, "abab"));
      g_assert_cmpuint (line->tokens->len, ==, 1);
    }

  /* And the import says it is no report. */
  report = nb_import_source (source, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
}

/* A line whose glyphs sit on two baselines: grouping must still split them. */
static void
test_pdf_overlap_kept (void)
{
  g_autofree char *path = nb_test_path ("tests", "fuzz", "corpus", "pdf", "overlap.pdf", NULL);
  g_autoptr(NbSourceDocument) source = nb_source_document_open (path, NULL, NULL, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  NbImportOptions options = { 0 };

  g_assert_nonnull (source);
  lines = nb_pdf_read_lines (source, &options, NULL, &error);
  g_assert_no_error (error);
  /* "AAAA" at 700, "1234" at 698, "BBBB" at 696: the middle one is
   * within half a line of both, but sits on their glyphs. */
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (((NbLine *) g_ptr_array_index (lines, 0))->text, ==, "AAAA");
  g_assert_cmpstr (((NbLine *) g_ptr_array_index (lines, 1))->text, ==, "1234");
  g_assert_cmpstr (((NbLine *) g_ptr_array_index (lines, 2))->text, ==, "BBBB");
}

/* ---- 5. huge coordinates --------------------------------------------- */

static void
test_pdf_huge_coordinates (void)
{
  g_autofree char *path = nb_test_path ("tests", "fuzz", "corpus", "pdf", "huge-box.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  /* A MediaBox of 1e10 and text at 1e9: no cast overflows (UBSan says). */
  report = nb_import_file (path, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
}

/* ---- 6. a saved report in any layout ---------------------------------- */

static void
test_saved_any_layout (void)
{
  g_autoptr(NbReport) read = NULL;
  g_autofree char *data = sample_saved (&read);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonObject) reordered = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *compact = NULL;
  g_autoptr(NbReport) report = NULL;

  /* Keys in reverse order, no indentation: what python3 -m json.tool or a
   * sort of the keys does to the layout. */
  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  members = json_object_get_members (json_node_get_object (json_parser_get_root (parser)));
  members = g_list_reverse (members);
  g_assert_cmpstr (members->data, ==, "edits");
  for (GList *l = members; l; l = l->next)
    json_object_set_member (reordered, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                                    l->data)));
  json_node_set_object (root, reordered);
  json_generator_set_root (generator, root);
  compact = g_strconcat ("\n\t ", json_generator_to_data (generator, NULL), NULL);
  g_assert_null (strstr (compact, "\"format\" : \"nianbao\""));

  report = import_string (compact, &error);
  g_assert_no_error (error);
  assert_same_cells (report, read);
  g_assert_cmpstr (nb_report_get_agency (report), ==, nb_report_get_agency (read));
}

static void
test_json_not_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = import_string ("{\"name\": \"a list\", \"items\": [1, 2, 3]}\n", &error);

  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_FILE);
  g_assert_cmpstr (error->message, ==, "This is a JSON file, but not a report saved by Nianbao");
}

/* A text that starts with a bracket is still a text. */
static void
test_bracket_text (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", SAMPLE ".txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) expected = nb_test_import (path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_strconcat ("[附件]\n", contents, NULL);
  report = import_string (text, &error);
  g_assert_no_error (error);
  assert_same_cells (report, expected);
}

/* ---- 7. and 8. values and types --------------------------------------- */

static char *
saved_with (const char *find,
            const char *replace)
{
  g_autofree char *data = sample_saved (NULL);
  g_auto(GStrv) parts = g_strsplit (data, find, 2);

  g_assert_nonnull (parts[1]);
  return g_strconcat (parts[0], replace, parts[1], NULL);
}

static void
test_saved_absurd_values (void)
{
  g_autofree char *inf = saved_with ("\"value\" : 0", "\"value\" : 1e999");
  g_autofree char *huge = saved_with ("\"read_value\" : 0", "\"read_value\" : -1e300");
  g_autofree char *line = saved_with ("\"line\" : ", "\"line\" : 1e999, \"x_\" : ");

  assert_invalid_file (inf, "cell s2.rules.new");
  assert_invalid_file (huge, "cell s2.rules.new");
  assert_invalid_file (line, "s2.rules.new.source.line");
}

static void
test_saved_wrong_types (void)
{
  static const char *const cases[][3] = {
    { "\"version\" : 1", "\"version\" : {}", NULL },
    { "\"version\" : 1", "\"version\" : \"1\"", NULL },
    { "\"format\" : \"nianbao\"", "\"format\" : [\"nianbao\"]", "\"nianbao\"" },
    { "\"agency\" : ", "\"agency\" : {}, \"x\" : ", "agency" },
    { "\"year\" : 2024", "\"year\" : \"2024\"", "year" },
    { "\"year\" : 2024", "\"year\" : 2024.5", "year" },
    { "\"year\" : 2024", "\"year\" : 1e999", "year" },
    { "\"source\" : {", "\"source\" : [], \"x\" : {", "source" },
    { "\"path\" : ", "\"path\" : 7, \"x\" : ", "source.path" },
    { "\"sections\" : {", "\"sections\" : 1, \"x\" : {", "sections" },
    { "\"cells\" : {", "\"cells\" : [], \"x\" : {", "cells" },
    { "\"s2.rules.new\" : {", "\"s2.rules.new\" : 5, \"x\" : {", "s2.rules.new" },
    { "\"state\" : \"found\"", "\"state\" : true", "cell s2.rules.new" },
    { "\"value\" : 0", "\"value\" : \"0\"", "cell s2.rules.new" },
    /* Found by fuzz-saved: it loaded, and its save did not load back. */
    { "\"title\" : \"", "\"title\" : \"\\ud800", "title" },
    { "\"agency\" : \"", "\"agency\" : \"\\udc00", "agency" },
    { "\"source\" : {\n        \"line\"", "\"source\" : null, \"x\" : {\n        \"line\"", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = saved_with (cases[i][0], cases[i][1]);

      if (i == G_N_ELEMENTS (cases) - 1)
        {
          /* A null source is no source: that loads. */
          g_autoptr(GError) error = NULL;
          g_autoptr(NbReport) report = import_string (data, &error);

          g_assert_no_error (error);
          g_assert_nonnull (report);
          continue;
        }
      if (i < 2)
        assert_invalid_file (data, "not a report saved by this version");
      else if (i == 2)
        {
          /* Without its format the file is JSON, not a saved report. */
          g_autoptr(GError) error = NULL;
          g_autoptr(NbReport) report = import_string (data, &error);

          g_assert_null (report);
          g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_FILE);
        }
      else
        assert_invalid_file (data, cases[i][2]);
    }
}

/* ---- 9. files that are no files --------------------------------------- */

static void
test_not_regular_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "report.txt", NULL);
  const char *paths[] = { fifo, "/dev/zero", "/dev/null", dir };

  /* A named pipe with no writer: open () would wait for one forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_import_file (paths[i], NULL, NULL, &error);

      int code = paths[i] == dir ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_FAILED;

      g_assert_null (report);
      g_assert_error (error, G_FILE_ERROR, code);
      g_assert_cmpstr (error->message, ==,
                       paths[i] == dir ? "It is a folder, not a file"
                                       : "It is not a regular file (a device, a pipe or a socket): "
                                         "Nianbao reads only files");
    }
  remove_temp_dir (dir);
}

/* ---- 10. saving keeps the mode and the link ---------------------------- */

static void
test_save_keeps_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "private.nianbao", NULL);
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = sample_saved (&report);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_nonnull (data);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (nb_report_file_save (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (nb_report_file_save (report, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  remove_temp_dir (dir);
}

static void
test_save_through_link (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.nianbao", NULL);
  g_autofree char *link = g_build_filename (dir, "link.nianbao", NULL);
  g_autofree char *source_link = g_build_filename (dir, "source-link.nianbao", NULL);
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = sample_saved (&report);
  g_autofree char *contents = NULL;
  g_autofree char *link_target = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.nianbao", link), ==, 0);
  g_assert_true (nb_report_file_save (report, link, &error));
  g_assert_no_error (error);

  /* Still a link, to the same file, which has the report now. */
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_target = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_target, ==, "target.nianbao");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, data);

  /* A link to the source is the source: never written. */
  g_assert_cmpint (symlink (nb_report_get_source_path (report), source_link), ==, 0);
  g_assert_false (nb_report_file_save (report, source_link, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);
  g_unlink (source_link);
  remove_temp_dir (dir);
}

/* ---- 11. the source a saved report names ------------------------------ */

static char *
save_with_source (const char *dir,
                  const char *recorded_path,
                  NbReport  **out)
{
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = sample_saved (&report);
  char *path = g_build_filename (dir, "report.nianbao", NULL);

  g_assert_nonnull (data);
  if (recorded_path != NULL)
    nb_report_set_source_path (report, recorded_path);
  g_assert_true (nb_report_file_save (report, path, NULL));
  if (out)
    *out = g_steal_pointer (&report);
  return path;
}

static NbReport *
load_saved (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_import_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_saved_source_checked (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *path = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbSourceDocument) source = NULL;
  g_autoptr(GError) error = NULL;
  NbSourceState state;

  /* The source as it was: opened. */
  path = save_with_source (dir, NULL, NULL);
  report = load_saved (path);
  g_assert_true (nb_document_check_saved_source (report, path, NULL, NULL, &state, &source, &error));
  g_assert_cmpint (state, ==, NB_SOURCE_STATE_SAME);
  g_assert_nonnull (source);
  g_assert_cmpstr (nb_source_document_get_checksum (source), ==, nb_report_get_source_checksum (report));
  g_clear_object (&source);
  g_clear_object (&report);
  g_clear_pointer (&path, g_free);

  /* Another file under the recorded name: changed, and never opened. */
  g_assert_true (g_file_set_contents (other, "private key", -1, NULL));
  path = save_with_source (dir, other, NULL);
  report = load_saved (path);
  g_assert_true (nb_document_check_saved_source (report, path, NULL, NULL, &state, &source, &error));
  g_assert_cmpint (state, ==, NB_SOURCE_STATE_CHANGED);
  g_assert_null (source);
  g_clear_object (&report);
  g_clear_pointer (&path, g_free);

  /* A named pipe under it: no hang, changed. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  path = save_with_source (dir, "fifo.txt", NULL);
  report = load_saved (path);
  g_assert_true (nb_document_check_saved_source (report, path, NULL, NULL, &state, &source, &error));
  g_assert_cmpint (state, ==, NB_SOURCE_STATE_CHANGED);
  g_assert_null (source);
  g_clear_object (&report);
  g_clear_pointer (&path, g_free);

  /* Gone: missing. */
  path = save_with_source (dir, "gone.txt", NULL);
  report = load_saved (path);
  g_assert_true (nb_document_check_saved_source (report, path, NULL, NULL, &state, &source, &error));
  g_assert_cmpint (state, ==, NB_SOURCE_STATE_MISSING);
  g_assert_null (source);

  remove_temp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nb/hostile/saved/deep-nesting", test_deep_nesting);
  g_test_add_func ("/nb/hostile/text/blank-lines", test_blank_lines);
  g_test_add_func ("/nb/hostile/text/too-many-lines", test_too_many_lines);
  g_test_add_func ("/nb/hostile/text/too-many-words", test_too_many_words);
  g_test_add_func ("/nb/hostile/saved/too-many-values", test_saved_too_many_values);
  g_test_add_func ("/nb/hostile/saved/too-large", test_saved_too_large);
  g_test_add_func ("/nb/hostile/pdf/long-line", test_pdf_long_line);
  g_test_add_func ("/nb/hostile/pdf/overlap-kept", test_pdf_overlap_kept);
  g_test_add_func ("/nb/hostile/pdf/huge-coordinates", test_pdf_huge_coordinates);
  g_test_add_func ("/nb/hostile/saved/any-layout", test_saved_any_layout);
  g_test_add_func ("/nb/hostile/saved/json-not-saved", test_json_not_saved);
  g_test_add_func ("/nb/hostile/text/bracket", test_bracket_text);
  g_test_add_func ("/nb/hostile/saved/absurd-values", test_saved_absurd_values);
  g_test_add_func ("/nb/hostile/saved/wrong-types", test_saved_wrong_types);
  g_test_add_func ("/nb/hostile/files/not-regular", test_not_regular_files);
  g_test_add_func ("/nb/hostile/save/keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/nb/hostile/save/through-link", test_save_through_link);
  g_test_add_func ("/nb/hostile/saved/source-checked", test_saved_source_checked);

  return g_test_run ();
}
