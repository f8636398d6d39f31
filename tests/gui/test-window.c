/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window, as a person uses it: open a seed, read the grid, break
 * s3.balance by editing a cell, see the problem and the marked cell, undo,
 * save, reopen and compare.  Writes screenshots for people to look at;
 * they assert nothing. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nb-application.h"
#include "nb-problem.h"
#include "nb-report-file.h"
#include "nb-source-view.h"
#include "nb-table-grid.h"
#include "nb-test-util.h"
#include "nb-window.h"

static NbApplication *app;

static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* Let the views settle (grids, source pane). */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
view_loaded (gpointer data)
{
  NbReportView *view = data;

  return !nb_report_view_get_busy (view) &&
         (nb_report_view_get_report (view) != NULL || nb_report_view_get_error (view) != NULL);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static guint
cell_index (const char *id)
{
  const NbCellDef *cell = nb_template_lookup_cell (id);

  g_assert_nonnull (cell);
  return cell->index;
}

static GtkWidget *
cell_entry (NbReportView *view,
            NbTableId     table,
            const char   *id)
{
  GtkWidget *grid = nb_report_view_get_grid (view, table);
  GtkWidget *entry = nb_table_grid_get_cell_widget (NB_TABLE_GRID (grid), cell_index (id));

  g_assert_nonnull (entry);
  return entry;
}

static guint
n_problems (NbReportView *view)
{
  return g_list_model_get_n_items (nb_report_view_get_problems (view));
}

static GskRenderNode *
snapshot_paintable (GdkPaintable *paintable,
                    int           width,
                    int           height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
write_screenshot (GtkWidget  *window,
                  const char *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (content);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderNode) background = NULL;
  g_autoptr(GskRenderNode) picture = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *root = g_getenv ("NB_TEST_BUILD_ROOT");
  int width, height;

  gtk_test_widget_wait_for_draw (window);
  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);

  /* Right after a change the widget may have nothing to draw for a frame. */
  node = snapshot_paintable (paintable, width, height);
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (50000);
      node = snapshot_paintable (paintable, width, height);
    }
  g_assert_nonnull (node);

  /* The window's own background is not part of its content. */
  background = gsk_color_node_new (&(GdkRGBA) { 0.98, 0.98, 0.98, 1 },
                                   &GRAPHENE_RECT_INIT (0, 0, width, height));
  picture = gsk_container_node_new ((GskRenderNode *[]) { background, node }, 2);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), picture,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (root ? root : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* What the source file says at @source, read here from the file: the
 * characters of its line (lines end at "\n", as the importer counts). */
static char *
text_at (const char     *path,
         const NbSource *source)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (source->line, >, 0);
  g_assert_cmpuint (source->line, <=, g_strv_length (lines));
  g_assert_cmpuint (source->column, >, 0);
  start = g_utf8_offset_to_pointer (lines[source->line - 1], source->column - 1);
  end = g_utf8_offset_to_pointer (start, source->length);
  return g_strndup (start, end - start);
}

/* Selecting a cell marks, in the source pane, the very characters the
 * value was read from. */
static void
assert_text_highlight (NbReportView *view,
                       const char   *path,
                       const char   *cell_id,
                       const char   *expected)
{
  NbSourceView *source_view = NB_SOURCE_VIEW (nb_report_view_get_source_view (view));
  const NbSource *source = nb_report_get_cell_source (nb_report_view_get_report (view), cell_index (cell_id));
  g_autofree char *in_file = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (nb_report_view_select_cell (view, cell_index (cell_id)));
  wait_until (flag_set, &(gboolean) { TRUE });
  g_assert_nonnull (source);
  g_assert_nonnull (nb_source_view_get_highlight (source_view));
  g_assert_cmpmem (nb_source_view_get_highlight (source_view), sizeof *source, source, sizeof *source);
  in_file = text_at (path, source);
  shown = nb_source_view_dup_highlighted_text (source_view);
  g_assert_cmpstr (shown, ==, in_file);
  g_assert_cmpstr (shown, ==, expected);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_report_view_save_finish (NB_REPORT_VIEW (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_edit_check_undo_save_reopen (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("nianbao-window-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "binzhou.nianbao", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autofree char *source_before = NULL;
  g_autofree char *source_after = NULL;
  NbWindow *window = nb_window_new (app);
  NbReportView *view, *reopened;
  NbReport *report;
  GtkWidget *entry;
  gboolean saved = FALSE;
  guint n_cells;

  g_assert_true (g_file_get_contents (path, &source_before, NULL, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);
  report = nb_report_view_get_report (view);
  g_assert_nonnull (report);
  g_assert_null (nb_report_view_get_error (view));
  g_assert_cmpstr (nb_report_view_get_title (view), ==, "滨州高新技术产业开发区 2024");

  /* The grid shows the report's values, missing cells are not 0. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.new.natural"))), ==, "2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S2, "s2.licensing.decisions"))), ==, "5188");
  g_assert_cmpuint (n_problems (view), ==, 0);
  g_assert_false (gtk_widget_has_css_class (cell_entry (view, NB_TABLE_S3, "s3.new.natural"), "problem"));
  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (view))), ==,
                   NB_SOURCE_VIEW_TEXT);
  assert_text_highlight (view, path, "s3.new.natural", "2");
  assert_text_highlight (view, path, "s2.licensing.decisions", "5188");

  /* Type 1 where the report says 2: s3.balance breaks at once. */
  entry = cell_entry (view, NB_TABLE_S3, "s3.results_total.natural");
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1");
  g_signal_emit_by_name (entry, "activate");
  wait_until (flag_set, &(gboolean) { TRUE });

  g_assert_cmpuint (n_problems (view), ==, 3);
  {
    g_autoptr(NbProblem) first = g_list_model_get_item (nb_report_view_get_problems (view), 0);

    g_assert_cmpstr (nb_problem_get_rule (first), ==, "s3.balance");
  }
  g_assert_true (gtk_widget_has_css_class (cell_entry (view, NB_TABLE_S3, "s3.new.natural"), "problem"));
  g_assert_true (gtk_widget_has_css_class (cell_entry (view, NB_TABLE_S3, "s3.results_total.natural"), "problem"));
  g_assert_true (nb_report_view_get_modified (view));
  /* For people to look at; not an assertion. */
  write_screenshot (GTK_WIDGET (window), "screenshot-window.png");

  /* Undo, through the window's action as Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (flag_set, &(gboolean) { TRUE });
  g_assert_cmpuint (n_problems (view), ==, 0);
  g_assert_false (gtk_widget_has_css_class (cell_entry (view, NB_TABLE_S3, "s3.new.natural"), "problem"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2");

  /* Redo, save, and the source document is untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (n_problems (view), ==, 3);
  nb_report_view_save_async (view, saved_file, on_saved, &saved);
  wait_until (flag_set, &saved);
  g_assert_false (nb_report_view_get_modified (view));
  g_assert_true (g_file_test (saved_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &source_after, NULL, NULL));
  g_assert_cmpstr (source_after, ==, source_before);

  /* Reopen the saved report: every cell, state and source as it was. */
  reopened = nb_window_open_file (window, saved_file);
  g_assert_true (reopened != view);
  wait_until (view_loaded, reopened);
  g_assert_cmpuint (nb_window_get_n_views (window), ==, 2);
  g_assert_nonnull (nb_report_view_get_report (reopened));
  {
    NbReport *again = nb_report_view_get_report (reopened);
    const NbCellDef *cells = nb_template_get_cells (&n_cells);

    for (guint i = 0; i < n_cells; i++)
      {
        double a, b;
        NbCellState sa = nb_report_get_cell (report, i, &a);
        NbCellState sb = nb_report_get_cell (again, i, &b);
        const NbSource *ra = nb_report_get_cell_source (report, i);
        const NbSource *rb = nb_report_get_cell_source (again, i);

        if (sa != sb || a != b || memcmp (ra, rb, sizeof *ra) != 0)
          g_error ("%s differs after reopening", cells[i].id);
      }
    g_assert_cmpint (nb_report_get_cell (again, cell_index ("s3.results_total.natural"), NULL), ==,
                     NB_CELL_EDITED);
    g_assert_cmpstr (nb_report_get_agency (again), ==, nb_report_get_agency (report));
    g_assert_cmpuint (g_list_model_get_n_items (nb_report_view_get_problems (reopened)), ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (reopened, NB_TABLE_S3, "s3.results_total.natural"))),
                     ==, "1");
    g_assert_false (nb_report_view_get_modified (reopened));
  }

  /* Opening the same file again selects its tab. */
  g_assert_true (nb_window_open_file (window, file) == view);
  g_assert_cmpuint (nb_window_get_n_views (window), ==, 2);

  /* Nothing unsaved: the window closes without asking. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (saved_path);
  g_rmdir (dir);
}

/* A file that is no report: the tab says why, nothing crashes. */
static void
test_bad_file (void)
{
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "bad", "binary.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (app);
  NbReportView *view;

  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);
  g_assert_null (nb_report_view_get_report (view));
  g_assert_nonnull (nb_report_view_get_error (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A PDF: the grid is filled and a cell's source is its page rectangle. */
static void
test_pdf (void)
{
  g_autofree char *path = nb_test_shared_path ("corpus", "hongzequ_2024.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  NbWindow *window;
  NbReportView *view;

  if (!nb_test_require_shared (path))
    return;

  file = g_file_new_for_path (path);
  window = nb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.new.natural"))), ==, "95");
  g_assert_true (nb_report_view_select_cell (view, cell_index ("s3.new.natural")));
  wait_until (flag_set, &(gboolean) { TRUE });
  {
    NbSourceView *source_view = NB_SOURCE_VIEW (nb_report_view_get_source_view (view));
    const NbSource *source = nb_report_get_cell_source (nb_report_view_get_report (view),
                                                        cell_index ("s3.new.natural"));
    graphene_rect_t rect;
    guint page = 0;

    /* The page widget draws the cell's rectangle, on the cell's page. */
    g_assert_cmpint (nb_source_view_get_kind (source_view), ==, NB_SOURCE_VIEW_PDF);
    g_assert_cmpuint (source->page, >, 0);
    g_assert_true (nb_source_view_get_highlight_rect (source_view, &page, &rect));
    g_assert_cmpuint (page, ==, source->page);
    g_assert_cmpfloat_with_epsilon (rect.origin.x, source->x, 1e-3);
    g_assert_cmpfloat_with_epsilon (rect.origin.y, source->y, 1e-3);
    g_assert_cmpfloat_with_epsilon (rect.size.width, source->width, 1e-3);
    g_assert_cmpfloat_with_epsilon (rect.size.height, source->height, 1e-3);
    g_assert_null (nb_source_view_dup_highlighted_text (source_view));
  }
  /* For people to look at; not an assertion. */
  write_screenshot (GTK_WIDGET (window), "screenshot-pdf.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found)
        return found;
    }
  return NULL;
}

/* The problems list: its first row titled with the first problem. */
static NbReportView *problem_list_view;

static gboolean
is_problem_list (GtkWidget *widget)
{
  g_autoptr(NbProblem) first = NULL;
  GtkListBoxRow *row;

  if (!GTK_IS_LIST_BOX (widget))
    return FALSE;
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0);
  first = g_list_model_get_item (nb_report_view_get_problems (problem_list_view), 0);
  return row != NULL && first != NULL && ADW_IS_PREFERENCES_ROW (row) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                    nb_problem_get_message (first)) == 0;
}

static gboolean
is_paned (GtkWidget *widget)
{
  return GTK_IS_PANED (widget);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* What a click on a response button does: respond, then close. */
static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL);
}

static gboolean
no_views (gpointer data)
{
  return nb_window_get_n_views (data) == 0;
}

/* Closing a report with corrections asks first; Cancel keeps it, Discard
 * closes it.  Clicking a problem goes to its first cell. */
static void
test_close_asks_and_problem_click (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "000_f24d835b901d1514.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (app);
  NbReportView *view;
  GtkWidget *list, *entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);

  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (view),
                                           cell_index ("s4.review.total"), "3", NULL));
  wait_until (flag_set, &(gboolean) { TRUE });
  g_assert_cmpuint (n_problems (view), ==, 1);

  problem_list_view = view;
  list = find_widget (GTK_WIDGET (view), is_problem_list);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  wait_until (flag_set, &(gboolean) { TRUE });
  entry = cell_entry (view, NB_TABLE_S4, "s4.review.total");
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry) ||
                 gtk_widget_has_focus (gtk_widget_get_first_child (entry)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  wait_until (dialog_shown, NULL);
  answer_dialog ("cancel");
  g_assert_cmpuint (nb_window_get_n_views (window), ==, 1);
  g_assert_true (nb_report_view_get_modified (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  wait_until (dialog_shown, NULL);
  answer_dialog ("discard");
  wait_until (no_views, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a narrow window the source goes above the data. */
static void
test_narrow (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "001_7f28f313131cbcb8.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (app);
  NbReportView *view;
  GtkWidget *paned;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_until (flag_set, &(gboolean) { TRUE });

  paned = find_widget (GTK_WIDGET (view), is_paned);
  g_assert_nonnull (paned);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_VERTICAL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Crashes and dead actions (issue 7) ------------------------------- */

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static guint
count_app_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (NB_IS_WINDOW (l->data))
      n++;
  return n;
}

static gboolean
no_app_windows (gpointer data)
{
  return count_app_windows () == 0;
}

static void
settle (void)
{
  wait_until (flag_set, &(gboolean) { TRUE });
}

static NbReportView *
open_in_new_window (GFile     *file,
                    NbWindow **window_out)
{
  NbWindow *window = nb_window_new (app);
  NbReportView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = nb_window_open_file (window, file);
  wait_until (view_loaded, view);
  *window_out = window;
  return view;
}

static NbWindow *
open_window_with (const char    *sample,
                  NbReportView **view_out)
{
  g_autofree char *path = nb_test_path ("data", "samples", sample, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window;
  NbReportView *view = open_in_new_window (file, &window);

  g_assert_nonnull (nb_report_view_get_report (view));
  if (view_out != NULL)
    *view_out = view;
  return window;
}

/* Ctrl+Q with two windows and nothing unsaved: both go, nothing is read
 * after it is freed (ASan), no window is left open. */
static void
test_quit_two_windows (void)
{
  open_window_with ("000_f24d835b901d1514.txt", NULL);
  open_window_with ("001_7f28f313131cbcb8.txt", NULL);
  g_assert_cmpuint (count_app_windows (), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (no_app_windows, NULL);
  g_assert_cmpuint (count_app_windows (), ==, 0);
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
}

/* Ctrl+Q with unsaved corrections in two windows asks once, listing both;
 * Cancel keeps everything, Discard closes everything. */
static void
test_quit_asks_once (void)
{
  NbReportView *a, *b;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  open_window_with ("000_f24d835b901d1514.txt", &a);
  open_window_with ("002_ff767b4376f9d530.txt", &b);
  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (a),
                                           cell_index ("s4.review.total"), "3", NULL));
  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (b),
                                           cell_index ("s4.review.total"), "3", NULL));
  g_assert_true (nb_report_view_get_modified (a));
  g_assert_true (nb_report_view_get_modified (b));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (dialog_shown, NULL);
  settle ();
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  dialog = find_message_dialog ();
  body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (body, nb_report_view_get_title (a)));
  g_assert_nonnull (strstr (body, nb_report_view_get_title (b)));

  answer_dialog ("cancel");
  settle ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  g_assert_cmpuint (count_app_windows (), ==, 2);
  g_assert_true (nb_report_view_get_modified (a));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (dialog_shown, NULL);
  settle ();
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  answer_dialog ("discard");
  wait_until (no_app_windows, NULL);
  settle ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
}

/* Ctrl+Q, Save All: a report with a file of its own is saved there, then
 * every window goes. */
static void
test_quit_save_all (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nianbao-window-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "quit.nianbao", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NbReportView *view;
  gboolean saved = FALSE;
  double value = 0;
  gsize length = 0;

  open_window_with ("002_ff767b4376f9d530.txt", &view);
  nb_report_view_save_async (view, saved_file, on_saved, &saved);
  wait_until (flag_set, &saved);
  open_window_with ("000_f24d835b901d1514.txt", NULL);
  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (view),
                                           cell_index ("s4.review.total"), "7", NULL));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (dialog_shown, NULL);
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  answer_dialog ("save");
  wait_until (no_app_windows, NULL);

  g_assert_true (g_file_get_contents (saved_path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  loaded = nb_report_file_load_bytes (bytes, saved_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_cell (loaded, cell_index ("s4.review.total"), &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 7);
  g_unlink (saved_path);
  g_rmdir (dir);
}

static gboolean
is_source_view (GtkWidget *widget)
{
  return NB_IS_SOURCE_VIEW (widget);
}

/* Ctrl+plus with the focus in a cell of the grid zooms the PDF. */
/* Finds the shortcut @owner's class binds to @trigger and runs its action
 * as a key press in @focus would: named actions are looked up from there. */
static gboolean
activate_shortcut (GtkWidget  *owner,
                   GtkWidget  *focus,
                   const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (owner);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, focus,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static void
test_zoom_from_grid (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "binzhou_2024-word.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window;
  NbReportView *view = open_in_new_window (file, &window);
  NbSourceView *source;
  GtkWidget *entry;
  double zoom;

  g_assert_nonnull (nb_report_view_get_report (view));
  source = NB_SOURCE_VIEW (find_widget (GTK_WIDGET (view), is_source_view));
  g_assert_true (source == NB_SOURCE_VIEW (nb_report_view_get_source_view (view)));
  g_assert_cmpint (nb_source_view_get_kind (source), ==, NB_SOURCE_VIEW_PDF);

  entry = cell_entry (view, NB_TABLE_S3, "s3.new.natural");
  gtk_widget_grab_focus (entry);
  settle ();
  zoom = nb_source_view_get_zoom (source);
  g_assert_cmpfloat (zoom, ==, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (nb_source_view_get_zoom (source), >, zoom);
  zoom = nb_source_view_get_zoom (source);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (nb_source_view_get_zoom (source), <, zoom);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (nb_source_view_get_zoom (source), >, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (nb_source_view_get_zoom (source), ==, 1.0);

  /* Ctrl+plus itself: the window's shortcut, run from the focused cell. */
  gtk_widget_grab_focus (entry);
  g_assert_true (activate_shortcut (GTK_WIDGET (window), entry, "<Control>plus"));
  g_assert_cmpfloat (nb_source_view_get_zoom (source), >, 1.0);
  g_assert_true (activate_shortcut (GTK_WIDGET (window), entry, "<Control>0"));
  g_assert_cmpfloat (nb_source_view_get_zoom (source), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The title is the view's: a second call does not free the first. */
static void
test_title_stays (void)
{
  NbReportView *view;
  NbWindow *window = open_window_with ("002_ff767b4376f9d530.txt", &view);
  const char *first = nb_report_view_get_title (view);
  const char *second = nb_report_view_get_title (view);

  g_assert_cmpstr (first, ==, "滨州高新技术产业开发区 2024");
  g_assert_true (first == second);
  g_assert_cmpstr (first, ==, second);

  nb_report_set_year (nb_report_view_get_report (view), 2023);
  g_assert_cmpstr (nb_report_view_get_title (view), ==, "滨州高新技术产业开发区 2023");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
view_idle (gpointer data)
{
  return !nb_report_view_get_busy (data);
}

static AdwTabPage *
page_of (NbWindow     *window,
         NbReportView *view)
{
  GtkWidget *tabs = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_TAB_VIEW);

  g_assert_nonnull (tabs);
  return adw_tab_view_get_page (ADW_TAB_VIEW (tabs), GTK_WIDGET (view));
}

/* Undoing back to what was saved is "not modified", and the tab says so. */
static void
test_undo_to_saved (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nianbao-window-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "undo.nianbao", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  NbReportView *view;
  NbWindow *window = open_window_with ("002_ff767b4376f9d530.txt", &view);
  NbReport *report = nb_report_view_get_report (view);
  gboolean saved = FALSE;

  g_assert_true (nb_report_edit_cell_text (report, cell_index ("s3.results_total.natural"), "1", NULL));
  g_assert_true (nb_report_view_get_modified (view));
  nb_report_view_save_async (view, saved_file, on_saved, &saved);
  wait_until (flag_set, &saved);
  g_assert_false (nb_report_view_get_modified (view));
  g_assert_false (g_str_has_prefix (adw_tab_page_get_title (page_of (window, view)), "•"));

  g_assert_true (nb_report_edit_cell_text (report, cell_index ("s4.review.total"), "3", NULL));
  settle ();
  g_assert_true (nb_report_view_get_modified (view));
  g_assert_true (g_str_has_prefix (adw_tab_page_get_title (page_of (window, view)), "•"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_false (nb_report_view_get_modified (view));
  g_assert_false (g_str_has_prefix (adw_tab_page_get_title (page_of (window, view)), "•"));
  g_assert_cmpstr (adw_tab_page_get_title (page_of (window, view)), ==, "滨州高新技术产业开发区 2024");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (saved_path);
  g_rmdir (dir);
}

/* Ctrl+S twice in a row: no crash, the file holds the corrections. */
static void
test_save_twice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nianbao-window-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "twice.nianbao", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  NbReportView *view, *reopened;
  NbWindow *window = open_window_with ("002_ff767b4376f9d530.txt", &view);
  gboolean saved = FALSE;
  double value = 0;

  /* A report with a file of its own, so win.save needs no file chooser. */
  nb_report_view_save_async (view, saved_file, on_saved, &saved);
  wait_until (flag_set, &saved);
  gtk_window_destroy (GTK_WINDOW (window));

  window = nb_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  reopened = nb_window_open_file (window, saved_file);
  wait_until (view_loaded, reopened);
  g_assert_nonnull (nb_report_view_get_report (reopened));
  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (reopened),
                                           cell_index ("s4.review.total"), "3", NULL));

  for (guint round = 0; round < 5; round++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      /* Busy while it saves, which turns win.save off. */
      g_assert_true (nb_report_view_get_busy (reopened));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      wait_until (view_idle, reopened);
    }
  g_assert_false (nb_report_view_get_modified (reopened));

  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (g_file_get_contents (saved_path, &contents, &length, NULL));
    bytes = g_bytes_new (contents, length);
    loaded = nb_report_file_load_bytes (bytes, saved_path, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (loaded);
  g_assert_cmpint (nb_report_get_cell (loaded, cell_index ("s4.review.total"), &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (saved_path);
  g_rmdir (dir);
}

/* ---- The document (issue 7) ------------------------------------------- */

static gboolean is_status_page (GtkWidget *widget);

/* The source pane says it has no document (not a blank pane). */
static void
assert_source_placeholder (NbReportView *view)
{
  GtkWidget *placeholder = find_widget (nb_report_view_get_source_view (view), is_status_page);

  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (view))), ==,
                   NB_SOURCE_VIEW_EMPTY);
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_is_visible (placeholder));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (placeholder)), ==, "No Source Document");
}

/* A reopened report whose source changed, or is gone, still opens with
 * its saved cells, and the source pane says which. */
static void
test_reopen_changed_source (void)
{
  g_autofree char *sample = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("nianbao-window-XXXXXX", NULL);
  g_autofree char *source_path = g_build_filename (dir, "binzhou.txt", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "binzhou.nianbao", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source_path);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  NbWindow *window;
  NbReportView *view;
  gboolean saved = FALSE;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (source_path, contents, -1, NULL));
  view = open_in_new_window (source_file, &window);
  g_assert_null (nb_report_view_get_source_message (view));
  g_assert_true (nb_report_edit_cell_text (nb_report_view_get_report (view),
                                           cell_index ("s3.results_total.natural"), "1", NULL));
  nb_report_view_save_async (view, saved_file, on_saved, &saved);
  wait_until (flag_set, &saved);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The same source: nothing to say. */
  view = open_in_new_window (saved_file, &window);
  g_assert_null (nb_report_view_get_source_message (view));
  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (view))), ==,
                   NB_SOURCE_VIEW_TEXT);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Changed: said, the saved cells shown. */
  changed = g_strconcat (contents, "\n附：本报告有更正。\n", NULL);
  g_assert_true (g_file_set_contents (source_path, changed, -1, NULL));
  view = open_in_new_window (saved_file, &window);
  g_assert_null (nb_report_view_get_error (view));
  g_assert_cmpstr (nb_report_view_get_source_message (view), ==,
                   "The source file has changed since this report was saved");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.results_total.natural"))),
                   ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.new.natural"))), ==, "2");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Gone: said, the saved cells shown, a placeholder for the source. */
  g_assert_cmpint (g_unlink (source_path), ==, 0);
  view = open_in_new_window (saved_file, &window);
  g_assert_null (nb_report_view_get_error (view));
  g_assert_cmpstr (nb_report_view_get_source_message (view), ==,
                   "The source file is gone; the saved cells are shown");
  assert_source_placeholder (view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.new.natural"))), ==, "2");
  g_assert_true (nb_report_view_select_cell (view, cell_index ("s3.new.natural")));
  wait_until (flag_set, &(gboolean) { TRUE });
  g_assert_null (nb_source_view_dup_highlighted_text (NB_SOURCE_VIEW (nb_report_view_get_source_view (view))));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (saved_path);
  g_rmdir (dir);
}

/* A report without a source file (as a library will hold) opens the same
 * way: cells, problems, a placeholder in the source pane. */
static void
test_document_without_source (void)
{
  g_autofree char *sample = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(NbDocument) loaded = NULL;
  g_autoptr(NbDocument) document = NULL;
  NbWindow *window;
  NbReportView *view;
  GtkWidget *toplevel = gtk_window_new ();

  /* The report, read by a document that is then dropped. */
  view = open_in_new_window (file, &window);
  loaded = g_object_ref (nb_report_view_get_document (view));
  gtk_window_destroy (GTK_WINDOW (window));

  document = nb_document_new_for_report (nb_document_get_report (loaded), NULL);
  view = nb_report_view_new_for_document (document);
  g_assert_true (nb_report_view_get_document (view) == document);
  gtk_window_set_default_size (GTK_WINDOW (toplevel), 1280, 900);
  gtk_window_set_child (GTK_WINDOW (toplevel), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (toplevel));
  wait_until (view_loaded, view);

  g_assert_true (nb_report_view_get_report (view) == nb_document_get_report (loaded));
  g_assert_cmpstr (nb_report_view_get_title (view), ==, "滨州高新技术产业开发区 2024");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S2, "s2.licensing.decisions"))), ==, "5188");
  g_assert_cmpuint (n_problems (view), ==, 0);
  g_assert_null (nb_report_view_get_source_message (view));
  assert_source_placeholder (view);
  g_assert_true (nb_report_view_select_cell (view, cell_index ("s3.new.natural")));
  wait_until (flag_set, &(gboolean) { TRUE });
  gtk_window_destroy (GTK_WINDOW (toplevel));
}

static gboolean
is_status_page (GtkWidget *widget)
{
  return ADW_IS_STATUS_PAGE (widget);
}

static gboolean
is_password_entry (GtkWidget *widget)
{
  return GTK_IS_PASSWORD_ENTRY (widget);
}

static gboolean
view_has_report (gpointer data)
{
  return !nb_report_view_get_busy (data) && nb_report_view_get_report (data) != NULL;
}

static gboolean
view_error_changed (gpointer data)
{
  NbReportView *view = data;

  return !nb_report_view_get_busy (view) &&
         g_strcmp0 (nb_report_view_get_error (view), "The password of this PDF is not right") == 0;
}

/* An encrypted PDF asks for its password, says when it is wrong, and
 * opens with the right one. */
static void
test_encrypted_asks (void)
{
  g_autofree char *path = nb_test_path ("tests", "pdf", "fixtures", "bad", "encrypted.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window;
  NbReportView *view = open_in_new_window (file, &window);
  GtkWidget *entry;

  g_assert_null (nb_report_view_get_report (view));
  g_assert_nonnull (nb_report_view_get_error (view));
  entry = find_widget (GTK_WIDGET (view), is_password_entry);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_signal_emit_by_name (entry, "activate");
  wait_until (view_error_changed, view);
  g_assert_null (nb_report_view_get_report (view));

  gtk_editable_set_text (GTK_EDITABLE (entry), "nianbao");
  g_signal_emit_by_name (entry, "activate");
  wait_until (view_has_report, view);
  g_assert_null (nb_report_view_get_error (view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, NB_TABLE_S3, "s3.new.natural"))), ==, "14");
  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (view))), ==,
                   NB_SOURCE_VIEW_PDF);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A web page and a Word file open beside their text: selecting a cell
 * marks its value in the rendered text, on its table row. */
static void
test_web_page_and_word (void)
{
  const char *files[][3] = {
    { "html", "report.html", "screenshot-html.png" },
    { "docx", "report.docx", "screenshot-docx.png" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = nb_test_path ("tests", "fixtures", files[f][0], files[f][1], NULL);
      g_autofree char *expected_path = nb_test_path ("tests", "fixtures", files[f][0], "report.expected.json", NULL);
      g_autoptr(JsonObject) expected = nb_test_load_json (expected_path);
      JsonObject *cells = json_object_get_object_member (expected, "cells");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      NbWindow *window = nb_window_new (app);
      const char *ids[] = { "s3.refused.state_secret.natural", "s2.licensing.decisions", "s4.review.total" };
      NbSourceView *source_view;
      NbReportView *view;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
      gtk_window_present (GTK_WINDOW (window));
      view = nb_window_open_file (window, file);
      wait_until (view_loaded, view);
      g_assert_null (nb_report_view_get_error (view));
      source_view = NB_SOURCE_VIEW (nb_report_view_get_source_view (view));
      g_assert_cmpint (nb_source_view_get_kind (source_view), ==, NB_SOURCE_VIEW_TEXT);

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    json_object_get_int_member (cells, ids[i]));
          const NbSource *source = nb_report_get_cell_source (nb_report_view_get_report (view),
                                                              cell_index (ids[i]));
          g_autofree char *shown = NULL;

          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_entry (view, i == 1 ? NB_TABLE_S2 : i == 0 ? NB_TABLE_S3 : NB_TABLE_S4, ids[i]))),
                           ==, value);
          g_assert_true (nb_report_view_select_cell (view, cell_index (ids[i])));
          wait_until (flag_set, &(gboolean) { TRUE });
          g_assert_cmpmem (nb_source_view_get_highlight (source_view), sizeof *source, source, sizeof *source);
          g_assert_cmpuint (source->table, >, 0);
          shown = nb_source_view_dup_highlighted_text (source_view);
          g_assert_cmpstr (shown, ==, value);
        }
      write_screenshot (GTK_WIDGET (window), files[f][2]);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = nb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/nb/window/edit-check-undo-save-reopen", test_edit_check_undo_save_reopen);
  g_test_add_func ("/nb/window/bad-file", test_bad_file);
  g_test_add_func ("/nb/window/pdf", test_pdf);
  g_test_add_func ("/nb/window/web-page-and-word", test_web_page_and_word);
  g_test_add_func ("/nb/window/close-asks-and-problem-click", test_close_asks_and_problem_click);
  g_test_add_func ("/nb/window/narrow", test_narrow);
  g_test_add_func ("/nb/window/zoom-from-grid", test_zoom_from_grid);
  g_test_add_func ("/nb/window/title-stays", test_title_stays);
  g_test_add_func ("/nb/window/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/nb/window/save-twice", test_save_twice);
  g_test_add_func ("/nb/window/reopen-changed-source", test_reopen_changed_source);
  g_test_add_func ("/nb/window/document-without-source", test_document_without_source);
  g_test_add_func ("/nb/window/encrypted-asks", test_encrypted_asks);
  /* Last: they close every window of the application. */
  g_test_add_func ("/nb/window/quit-two-windows", test_quit_two_windows);
  g_test_add_func ("/nb/window/quit-asks-once", test_quit_asks_once);
  g_test_add_func ("/nb/window/quit-save-all", test_quit_save_all);

  return g_test_run ();
}
