/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "nb-error.h"
#include "nb-importer.h"
#include "nb-source-document.h"
#include "nb-source-view.h"
/* tests/gui/ is not on the include path: the helpers are one level up. */
#include "../nb-test-util.h"

/* The source view under Xvfb: the text it shows and marks, the PDF pages
 * it renders lazily, its zoom, and the errors it passes on. */

#define TIMEOUT_MS 20000

typedef struct
{
  GtkWidget    *window;
  NbSourceView *view;
} Fixture;

static gboolean iterate_until (gboolean (*check) (gpointer),
                               gpointer   data);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  fixture->view = NB_SOURCE_VIEW (nb_source_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
view_is_finalized (gpointer data)
{
  return ((Fixture *) data)->view == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* The worker's last results come back and drop the last references. */
  g_assert_true (iterate_until (view_is_finalized, fixture));
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check is true; FALSE after TIMEOUT_MS. */
static gboolean
iterate_until (gboolean (*check) (gpointer),
               gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (TIMEOUT_MS, on_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* Opens @path as the document does (off the main thread there, here at
 * once) and shows it. */
static gboolean
load (NbSourceView  *view,
      const char    *path,
      const char    *password,
      GError       **error)
{
  g_autoptr(NbSourceDocument) document = nb_source_document_open (path, password, NULL, error);

  if (document == NULL)
    return FALSE;
  nb_source_view_set_document (view, document);
  g_assert_true (nb_source_view_get_document (view) == document);
  return TRUE;
}

/* The "kind" property, as a GValue holds it. */
static NbSourceViewKind
get_kind (NbSourceView *view)
{
  NbSourceViewKind kind = NB_SOURCE_VIEW_EMPTY;

  g_object_get (view, "kind", &kind, NULL);
  return kind;
}

static guint
get_n_pages (NbSourceView *view)
{
  guint n_pages = 0;

  g_object_get (view, "n-pages", &n_pages, NULL);
  return n_pages;
}

static GtkScrolledWindow *
get_scroller (NbSourceView *view)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));

  g_assert_true (GTK_IS_SCROLLED_WINDOW (child));
  return GTK_SCROLLED_WINDOW (child);
}

static double
vadjustment_value (NbSourceView *view)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (get_scroller (view)));
}

/* The view's page widgets are private: found by their type's name and
 * read through their "index" and "texture" properties. */
static GtkWidget *
find_page (GtkWidget *widget,
           guint      index)
{
  GType page_type = g_type_from_name ("NbPdfPage");

  if (page_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, page_type))
    {
      guint page_index = G_MAXUINT;

      g_object_get (widget, "index", &page_index, NULL);
      return page_index == index ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page (child, index);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GdkTexture *
page_texture (GtkWidget *page)
{
  GdkTexture *texture = NULL;

  g_object_get (page, "texture", &texture, NULL);
  return texture;
}

static gboolean
page_is_rendered (gpointer data)
{
  g_autoptr(GdkTexture) texture = page_texture (data);

  return texture != NULL;
}

static guint
count_rendered (NbSourceView *view)
{
  guint n = 0;

  for (guint i = 0; i < get_n_pages (view); i++)
    {
      g_autoptr(GdkTexture) texture = page_texture (find_page (GTK_WIDGET (view), i));

      n += texture != NULL;
    }
  return n;
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
wait_for_draw (GtkWidget *widget)
{
  g_assert_true (iterate_until (is_drawn, widget));
  gtk_test_widget_wait_for_draw (widget);
}

/* The window as the user sees it, for a person to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *root = g_getenv ("NB_TEST_BUILD_ROOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (root == NULL)
    return;

  /* In device pixels, as on the screen. */
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  path = g_build_filename (root, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autoptr(GError) error = NULL;
  NbSourceViewKind kind;
  g_autofree char *marked = NULL;
  GtkWidget *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end, iter;
  NbSource source = { .line = 14, .column = 8, .length = 4 };

  g_assert_true (load (fixture->view, path, NULL, &error));
  g_assert_no_error (error);
  kind = get_kind (fixture->view);
  g_assert_cmpint (kind, ==, NB_SOURCE_VIEW_TEXT);
  g_assert_cmpint (nb_source_view_get_kind (fixture->view), ==, NB_SOURCE_VIEW_TEXT);
  g_assert_cmpuint (get_n_pages (fixture->view), ==, 0);

  text_view = gtk_scrolled_window_get_child (get_scroller (fixture->view));
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  g_assert_false (gtk_text_view_get_monospace (GTK_TEXT_VIEW (text_view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  g_assert_nonnull (tag);

  wait_for_draw (fixture->window);
  nb_source_view_highlight (fixture->view, &source);

  /* Exactly one range carries the tag, and it is the value. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
  start = end = iter;
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, tag));
  g_assert_true (gtk_text_iter_ends_tag (&end, tag));
  marked = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (marked, ==, "5188");
  g_assert_cmpint (gtk_text_iter_get_line (&start), ==, 13);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&start), ==, 7);
  iter = end;
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  /* The marked value is on screen. */
  {
    GdkRectangle visible, location;

    wait_for_draw (fixture->window);
    gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (text_view), &visible);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &start, &location);
    g_assert_true (gdk_rectangle_intersect (&visible, &location, NULL));
    save_screenshot (fixture->window, "source-view-text.png");
  }

  /* NULL clears it. */
  nb_source_view_highlight (fixture->view, NULL);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  /* No zoom for text: the action is disabled. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "source.zoom-in", NULL);
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), ==, 1.0);
}

static char *
tagged_text (NbSourceView *view)
{
  GtkWidget *text_view = gtk_scrolled_window_get_child (get_scroller (view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The start of the highlighted range lies in the visible part. */
static gboolean
highlight_in_view (gpointer data)
{
  GtkTextView *text_view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return FALSE;
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* Lines are counted as the importer counts them (a lone "\r" ends no
 * line), in the encoding the importer decodes, and a far line is scrolled
 * into view. */
static void
test_text_lines (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("nb-source-view-XXXXXX", NULL);
  g_autofree char *mixed = g_build_filename (dir, "mixed.txt", NULL);
  g_autofree char *gbk = g_build_filename (dir, "gbk.txt", NULL);
  g_autofree char *gbk_text = NULL;
  g_autofree char *lines = g_build_filename (dir, "long.txt", NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize gbk_length = 0;

  g_assert_true (g_file_set_contents (mixed, "\xEF\xBB\xBF" "a\tb\r\nx\ry 12\n\tTARGET 7", -1, NULL));
  g_assert_true (load (fixture->view, mixed, NULL, &error));
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 2, .column = 5, .length = 2 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_cmpstr (tagged, ==, "12");
  }
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 3, .column = 2, .length = 6 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_cmpstr (tagged, ==, "TARGET");
  }
  /* Past the end of the line or of the text: clamped, no crash. */
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 1, .column = 3, .length = 99 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_cmpstr (tagged, ==, "b\r");
  }
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 99, .column = 1, .length = 1 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_null (tagged);
  }

  gbk_text = g_convert ("行政许可 | 5188 |\n", -1, "GB18030", "UTF-8", NULL, &gbk_length, NULL);
  g_assert_nonnull (gbk_text);
  g_assert_true (g_file_set_contents (gbk, gbk_text, gbk_length, NULL));
  g_assert_true (load (fixture->view, gbk, NULL, &error));
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 1, .column = 8, .length = 4 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_cmpstr (tagged, ==, "5188");
  }

  for (int i = 1; i <= 3000; i++)
    g_string_append_printf (long_text, "第%d行 | %d |\n", i, i * 7);
  g_assert_true (g_file_set_contents (lines, long_text->str, long_text->len, NULL));
  g_assert_true (load (fixture->view, lines, NULL, &error));
  wait_for_draw (fixture->window);
  nb_source_view_highlight (fixture->view, &(NbSource) { .line = 2500, .column = 10, .length = 5 });
  {
    g_autofree char *tagged = tagged_text (fixture->view);

    g_assert_cmpstr (tagged, ==, "17500");
  }
  {
    GtkTextView *text_view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (get_scroller (fixture->view)));

    g_assert_true (iterate_until (highlight_in_view, text_view));
    g_assert_cmpfloat (vadjustment_value (fixture->view), >, 0);
  }

  g_assert_cmpint (g_remove (mixed), ==, 0);
  g_assert_cmpint (g_remove (gbk), ==, 0);
  g_assert_cmpint (g_remove (lines), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  NbSourceView *view;
  GtkWidget    *page;
} PageCheck;

static gboolean
page_is_shown (gpointer data)
{
  PageCheck *check = data;
  g_autoptr(GdkTexture) texture = page_texture (check->page);

  return texture != NULL && vadjustment_value (check->view) > 0 &&
         gtk_widget_get_mapped (check->page);
}

/* The highlighted rectangle lies inside the viewport. */
static void
assert_rect_visible (NbSourceView *view,
                     GtkWidget    *page,
                     double        x,
                     double        y,
                     double        width,
                     double        height)
{
  GtkScrolledWindow *scroller = get_scroller (view);
  double zoom = nb_source_view_get_zoom (view);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (page, GTK_WIDGET (scroller), &bounds));
  g_assert_cmpfloat (bounds.origin.y + y * zoom, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + (y + height) * zoom, <=, gtk_widget_get_height (GTK_WIDGET (scroller)));
  g_assert_cmpfloat (bounds.origin.x + x * zoom, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + (x + width) * zoom, <=, gtk_widget_get_width (GTK_WIDGET (scroller)));
}

static gboolean
zoom_is_laid_out (gpointer data)
{
  PageCheck *check = data;
  double zoom = nb_source_view_get_zoom (check->view);
  g_autoptr(GdkTexture) texture = page_texture (check->page);

  return texture != NULL &&
         gtk_widget_get_width (check->page) == (int) ceil (595 * zoom - 0.001) &&
         gdk_texture_get_width (texture) ==
         gtk_widget_get_width (check->page) * gtk_widget_get_scale_factor (check->page);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = nb_test_shared_path ("corpus", "hongzequ_2024.pdf", NULL);
  g_autoptr(GError) error = NULL;
  NbSourceViewKind kind;
  NbSource source = { .page = 3, .x = 318.72, .y = 501.22, .width = 14.1, .height = 14.04 };
  PageCheck check = { fixture->view, NULL };
  double zoom;

  if (!nb_test_require_shared (path))
    return;

  g_assert_true (load (fixture->view, path, NULL, &error));
  g_assert_no_error (error);
  kind = get_kind (fixture->view);
  g_assert_cmpint (kind, ==, NB_SOURCE_VIEW_PDF);
  g_assert_cmpuint (get_n_pages (fixture->view), ==, 5);
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), ==, 1.0);

  /* Page 1 shows first; page 3 waits until it comes near. */
  check.page = find_page (GTK_WIDGET (fixture->view), 0);
  g_assert_nonnull (check.page);
  g_assert_true (iterate_until (page_is_rendered, check.page));
  wait_for_draw (fixture->window);
  g_assert_cmpfloat (vadjustment_value (fixture->view), ==, 0);
  {
    g_autoptr(GdkTexture) texture = page_texture (find_page (GTK_WIDGET (fixture->view), 4));

    g_assert_null (texture);
  }

  nb_source_view_highlight (fixture->view, &source);
  check.page = find_page (GTK_WIDGET (fixture->view), 2);
  g_assert_nonnull (check.page);
  g_assert_true (iterate_until (page_is_shown, &check));
  wait_for_draw (fixture->window);
  g_assert_cmpfloat (vadjustment_value (fixture->view), >, 0);
  assert_rect_visible (fixture->view, check.page, source.x, source.y, source.width, source.height);
  {
    g_autoptr(GdkTexture) texture = page_texture (check.page);

    /* Crisp: one texture pixel per device pixel. */
    g_assert_cmpint (gdk_texture_get_width (texture), ==,
                     gtk_widget_get_width (check.page) * gtk_widget_get_scale_factor (check.page));
  }
  /* Every page in view gets its texture, the one below page 3 too. */
  check.page = find_page (GTK_WIDGET (fixture->view), 3);
  g_assert_true (iterate_until (page_is_rendered, check.page));
  check.page = find_page (GTK_WIDGET (fixture->view), 2);
  wait_for_draw (fixture->window);
  save_screenshot (fixture->window, "source-view.png");

  /* Once laid out, the highlight's scroll is done with: the user's own
   * scrolling is not undone when the layout changes. */
  {
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (get_scroller (fixture->view));
    double value = gtk_adjustment_get_value (vadj);

    gtk_adjustment_set_value (vadj, value - 100);
    g_signal_emit_by_name (vadj, "changed");
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value - 100);
    gtk_adjustment_set_value (vadj, value);
  }

  /* Zoom in: bigger pages, rendered again, the value still in view. */
  zoom = nb_source_view_get_zoom (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "source.zoom-in", NULL));
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), >, zoom);
  g_assert_true (iterate_until (zoom_is_laid_out, &check));
  wait_for_draw (fixture->window);
  assert_rect_visible (fixture->view, check.page, source.x, source.y, source.width, source.height);
  save_screenshot (fixture->window, "source-view-zoomed.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "source.zoom-reset", NULL));
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), ==, 1.0);
  nb_source_view_set_zoom (fixture->view, 100);
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), ==, 4.0);
  nb_source_view_set_zoom (fixture->view, 0);
  g_assert_cmpfloat (nb_source_view_get_zoom (fixture->view), ==, 0.25);

  /* NULL clears the highlight. */
  nb_source_view_highlight (fixture->view, NULL);

  /* The same view takes a text file after a PDF. */
  {
    g_autofree char *text_path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
    NbSourceViewKind text_kind;

    g_assert_true (load (fixture->view, text_path, NULL, &error));
    text_kind = get_kind (fixture->view);
    g_assert_cmpint (text_kind, ==, NB_SOURCE_VIEW_TEXT);
    g_assert_cmpuint (get_n_pages (fixture->view), ==, 0);
  }
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "encrypted.pdf", NULL);
  g_autoptr(GError) error = NULL;
  NbSourceViewKind kind;

  /* A committed fixture: never skipped. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_false (load (fixture->view, path, NULL, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_ENCRYPTED);
  g_clear_error (&error);
  g_assert_cmpint (nb_source_view_get_kind (fixture->view), ==, NB_SOURCE_VIEW_EMPTY);

  g_assert_false (load (fixture->view, path, "wrong", &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_ENCRYPTED);
  g_clear_error (&error);

  g_assert_true (load (fixture->view, path, "nianbao", &error));
  g_assert_no_error (error);
  kind = get_kind (fixture->view);
  g_assert_cmpint (kind, ==, NB_SOURCE_VIEW_PDF);
  g_assert_cmpuint (get_n_pages (fixture->view), >, 0);
}

/* A 500-page PDF opens at once and renders only what is in view. */
static void
test_long_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("nb-source-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PageCheck check = { fixture->view, NULL };
  NbSource source = { .page = 400, .x = 72, .y = 400, .width = 100, .height = 20 };
  gint64 start;

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  for (int i = 1; i <= 500; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Page %d of 500", i);
      cairo_set_font_size (cr, 24);
      cairo_move_to (cr, 72, 420);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  start = g_get_monotonic_time ();
  g_assert_true (load (fixture->view, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (get_n_pages (fixture->view), ==, 500);
  g_test_message ("500 pages opened in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  wait_for_draw (fixture->window);
  check.page = find_page (GTK_WIDGET (fixture->view), 0);
  g_assert_true (iterate_until (page_is_rendered, check.page));

  nb_source_view_highlight (fixture->view, &source);
  check.page = find_page (GTK_WIDGET (fixture->view), 399);
  g_assert_true (iterate_until (page_is_shown, &check));
  wait_for_draw (fixture->window);
  assert_rect_visible (fixture->view, check.page, source.x, source.y, source.width, source.height);

  /* Page 1 was let go; only pages near 400 hold textures. */
  g_assert_cmpuint (count_rendered (fixture->view), <=, 2 * 3 + 3);
  {
    g_autoptr(GdkTexture) texture = page_texture (find_page (GTK_WIDGET (fixture->view), 0));

    g_assert_null (texture);
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A document replaced by another shows the other; a view closed while its
 * pages render leaves nothing behind. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autofree char *pdf = nb_test_path ("tests", "pdf", "fixtures", "binzhou_2024-word.pdf", NULL);
  g_autoptr(GError) error = NULL;
  NbSource source = { .page = 1, .x = 100, .y = 200, .width = 14.1, .height = 14.04 };

  g_assert_true (load (fixture->view, text, NULL, &error));
  g_assert_cmpint (nb_source_view_get_kind (fixture->view), ==, NB_SOURCE_VIEW_TEXT);
  g_assert_true (load (fixture->view, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nb_source_view_get_kind (fixture->view), ==, NB_SOURCE_VIEW_PDF);
  g_assert_null (nb_source_view_dup_highlighted_text (fixture->view));

  /* No document: a placeholder, no pages. */
  nb_source_view_set_document (fixture->view, NULL);
  g_assert_cmpint (nb_source_view_get_kind (fixture->view), ==, NB_SOURCE_VIEW_EMPTY);
  g_assert_cmpuint (get_n_pages (fixture->view), ==, 0);
  g_assert_true (load (fixture->view, pdf, NULL, &error));

  /* Pages rendering when the window goes. */
  wait_for_draw (fixture->window);
  nb_source_view_highlight (fixture->view, &source);
  nb_source_view_set_zoom (fixture->view, 2.0);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (iterate_until (view_is_finalized, fixture));
}

static void
no_tear_down (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_null (fixture->view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/nb/gui/source-view/text", Fixture, NULL,
              fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/nb/gui/source-view/text-lines", Fixture, NULL,
              fixture_set_up, test_text_lines, fixture_tear_down);
  g_test_add ("/nb/gui/source-view/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, no_tear_down);
  g_test_add ("/nb/gui/source-view/pdf", Fixture, NULL,
              fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/nb/gui/source-view/encrypted", Fixture, NULL,
              fixture_set_up, test_encrypted, fixture_tear_down);
  g_test_add ("/nb/gui/source-view/long-pdf", Fixture, NULL,
              fixture_set_up, test_long_pdf, fixture_tear_down);

  return g_test_run ();
}
