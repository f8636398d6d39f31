/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-test-util.h"

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The real reports as their agency published them (WPS-made PDFs): every
 * cell, agency and year; the 2023 one's real s4.group_total errors. */
static void
test_corpus (gconstpointer data)
{
  const char *name = data;
  g_autofree char *pdf = g_strconcat (name, ".pdf", NULL);
  g_autofree char *json = g_strconcat (name, ".expected.json", NULL);
  g_autofree char *layout = g_strconcat (name, ".layout.txt", NULL);
  g_autofree char *path = nb_test_shared_path ("corpus", pdf, NULL);
  g_autofree char *expected = nb_test_shared_path ("corpus", json, NULL);
  g_autofree char *layout_path = nb_test_shared_path ("corpus", layout, NULL);
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) from_text = NULL;
  g_autofree char *problems = NULL;
  const NbSource *source;

  if (!nb_test_require_shared (path))
    return;

  report = nb_test_import (path);
  nb_test_assert_expected (report, expected);

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

  /* Every value has its page and rectangle. */
  source = nb_report_get_cell_source (report, nb_template_lookup_cell ("s3.new.natural")->index);
  g_assert_cmpuint (source->page, ==, 3);
  g_assert_cmpfloat (source->x, >, 250);
  g_assert_cmpfloat (source->x, <, 400);
  g_assert_cmpfloat (source->width, >, 3);
  g_assert_cmpfloat (source->height, >, 5);
  g_assert_cmpuint (source->line, ==, 0);

  /* The prose reads as pdftotext's does: the same paragraphs and words
   * (pdftotext pads "2023 年" with spaces the PDF does not have). */
  from_text = nb_test_import (layout_path);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      g_autofree char *a = squeeze (nb_report_get_section_text (report, s));
      g_autofree char *b = squeeze (nb_report_get_section_text (from_text, s));

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s: section %u differs from the layout text's:\n%s\n---\n%s", name, s, a, b);
    }
  g_assert_cmpstr (nb_report_get_title (report), ==, nb_report_get_title (from_text));
}

/* PDFs generated from the seeds with realistic numbers, in the styles real
 * producers make (tests/pdf/make-pdf-fixtures.py). */
static void
test_fixture (gconstpointer data)
{
  JsonObject *entry = (JsonObject *) data;
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures",
                                        json_object_get_string_member (entry, "pdf"), NULL);
  g_autofree char *expected_path = nb_test_path ("tests", "pdf", "fixtures",
                                                 json_object_get_string_member (entry, "expected"), NULL);
  g_autoptr(NbReport) report = NULL;
  g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);

  report = nb_test_import (path);
  nb_test_assert_expected (report, expected_path);

  if (json_object_has_member (expected, "sections"))
    {
      JsonObject *sections = json_object_get_object_member (expected, "sections");
      const char *numerals[] = { "一", "二", "三", "四", "五", "六" };

      /* Paragraphs and words exactly; spaces are not in every PDF's text. */
      for (guint s = 0; s < NB_N_SECTIONS; s++)
        if (json_object_has_member (sections, numerals[s]))
          {
            g_autofree char *got = squeeze (nb_report_get_section_text (report, s));
            g_autofree char *want = squeeze (json_object_get_string_member (sections, numerals[s]));

            g_assert_cmpstr (got, ==, want);
          }
    }
}

static void
test_manifest_unreadable (gconstpointer data)
{
  const GError *error = data;

  g_test_message ("tests/pdf/fixtures/manifest.json: %s", error->message);
  g_test_fail ();
}

static void
assert_pdf_error (const char *name,
                  const char *password,
                  int         code)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", name, NULL);
  NbImportOptions options = { .password = password };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  /* The bad PDFs are committed: a missing one is a failure. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  report = nb_import_file (path, &options, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, code);
}

static void
test_encrypted (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "encrypted.pdf", NULL);
  g_autofree char *expected = nb_test_path ("tests", "pdf", "fixtures", "weishi_2024.expected.json", NULL);
  NbImportOptions options = { .password = "nianbao" };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  assert_pdf_error ("encrypted.pdf", NULL, NB_ERROR_ENCRYPTED);
  assert_pdf_error ("encrypted.pdf", "wrong", NB_ERROR_ENCRYPTED);

  /* With its password it reads as weishi_2024-word.pdf, which it is. */
  report = nb_import_file (path, &options, NULL, &error);
  g_assert_no_error (error);
  nb_test_assert_expected (report, expected);
}

static void
test_scan (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "scan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  assert_pdf_error ("scan.pdf", NULL, NB_ERROR_NO_TEXT);
  report = nb_import_file (path, NULL, NULL, &error);
  g_assert_nonnull (strstr (error->message, "scan"));
}

static void
test_damaged (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "truncated.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  assert_pdf_error ("not-a-pdf.pdf", NULL, NB_ERROR_NO_REPORT);
  assert_pdf_error ("no-report.pdf", NULL, NB_ERROR_NO_REPORT);

  /* A truncated PDF: Poppler may rebuild what is left, or give up; either
   * way a clear answer, never a crash. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  report = nb_import_file (path, NULL, NULL, &error);
  if (report == NULL)
    g_assert_true (error->domain == NB_ERROR);
  else
    g_assert_no_error (error);
}

/* Hand-made garbage after a PDF header. */
static void
test_garbage (void)
{
  const char data[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_bytes (bytes, "garbage.pdf", NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
}

/* A 500-page PDF with no report in it, made here with cairo. */
static char *
make_long_pdf (guint n_pages)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("nianbao-long-XXXXXX.pdf", &path, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint p = 0; p < n_pages; p++)
    {
      for (guint l = 0; l < 8; l++)
        {
          char text[96];

          g_snprintf (text, sizeof text, "Page %u, line %u: nothing to report here.", p + 1, l + 1);
          cairo_move_to (cr, 72, 100 + l * 20);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static void
test_long (void)
{
  g_autofree char *path = make_long_pdf (500);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_file (path, NULL, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  NbImportOptions pages = { .first_page = 600 };

  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
  g_clear_error (&error);

  /* Cancelled: stops, and says so. */
  g_cancellable_cancel (cancellable);
  report = nb_import_file (path, NULL, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A page range past the end */
  report = nb_import_file (path, &pages, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_FAILED);

  g_unlink (path);
}

/* --pages: only the pages asked for are read. */
static void
test_pages (void)
{
  g_autofree char *path = nb_test_shared_path ("corpus", "hongzequ_2024.pdf", NULL);
  NbImportOptions options = { .first_page = 1, .last_page = 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  double value;

  if (!nb_test_require_shared (path))
    return;
  report = nb_import_file (path, &options, NULL, &error);
  g_assert_no_error (error);
  /* S2 starts on page 2; S3 is on pages 3 and 4, so it is missing */
  g_assert_true (nb_report_lookup_value (report, "s2.normative.new", &value));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_false (nb_report_lookup_value (report, "s3.new.natural", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *manifest_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) manifest_error = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/nb/import/pdf/corpus/2023", "hongzequ_2023", test_corpus);
  g_test_add_data_func ("/nb/import/pdf/corpus/2024", "hongzequ_2024", test_corpus);

  manifest_path = nb_test_path ("tests", "pdf", "fixtures", "manifest.json", NULL);
  if (!json_parser_load_from_file (parser, manifest_path, &manifest_error))
    /* No fixture tests at all would pass in silence. */
    g_test_add_data_func ("/nb/import/pdf/fixture/manifest", manifest_error, test_manifest_unreadable);
  else
    {
      JsonArray *manifest = json_node_get_array (json_parser_get_root (parser));

      for (guint i = 0; i < json_array_get_length (manifest); i++)
        {
          JsonObject *entry = json_array_get_object_element (manifest, i);
          g_autofree char *name = g_strdup_printf ("/nb/import/pdf/fixture/%s",
                                                   json_object_get_string_member (entry, "pdf"));

          /* Entries without expectations are the hard cases, tested below. */
          if (json_object_get_null_member (entry, "expected"))
            continue;
          g_test_add_data_func (name, entry, test_fixture);
        }
    }

  g_test_add_func ("/nb/import/pdf/bad/encrypted", test_encrypted);
  g_test_add_func ("/nb/import/pdf/bad/scan", test_scan);
  g_test_add_func ("/nb/import/pdf/bad/damaged", test_damaged);
  g_test_add_func ("/nb/import/pdf/bad/garbage", test_garbage);
  g_test_add_func ("/nb/import/pdf/bad/500-pages", test_long);
  g_test_add_func ("/nb/import/pdf/pages", test_pages);

  return g_test_run ();
}
