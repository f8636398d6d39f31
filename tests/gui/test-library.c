/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library in the window, as a person uses it: import a folder of
 * reports, watch the progress, see the agencies with their years, find
 * one by typing, merge two spellings of one agency, open a year beside its
 * source, save a correction back, cancel an import, and the samples a new
 * library starts with.  Each test has its own library file (the settings
 * are in memory).  Writes screenshots for people to look at. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "nb-application.h"
#include "nb-library-row.h"
#include "nb-source-view.h"
#include "nb-table-grid.h"
#include "nb-test-util.h"
#include "nb-window.h"

static NbApplication *app;

/* ---- Waiting and looking --------------------------------------------- */

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate (50);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
view_loaded (gpointer data)
{
  return !nb_report_view_get_busy (data) && nb_report_view_get_report (data) != NULL;
}

static void
collect (GtkWidget  *widget,
         GType       type,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

/* What a person reads in the sidebar: "title | subtitle" of each row
 * drawn, top to bottom (the list view recycles rows; unbound ones are not
 * shown). */
static char *
shown_rows (NbLibraryView *view)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *model = nb_library_view_get_rows (view);

  iterate (50);
  collect (GTK_WIDGET (view), NB_TYPE_LIBRARY_ROW, rows);
  /* In the model's order, which is the order on screen. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      for (guint j = 0; j < rows->len; j++)
        {
          NbLibraryRow *widget = g_ptr_array_index (rows, j);

          if (nb_library_row_get_row (widget) != row || !gtk_widget_get_mapped (GTK_WIDGET (widget)))
            continue;
          g_string_append_printf (text, "%s%s%s%s|%s\n",
                                  gtk_tree_list_row_get_depth (row) > 0 ? "  " : "",
                                  nb_library_row_get_title (widget),
                                  nb_library_row_get_names (widget) ? " / " : "",
                                  nb_library_row_get_names (widget) ? nb_library_row_get_names (widget) : "",
                                  nb_library_row_get_subtitle (widget) ? nb_library_row_get_subtitle (widget) : "");
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The agencies listed, by name, in the sidebar's order. */
static char *
agency_names (NbLibraryView *view)
{
  GListModel *model = nb_library_view_get_rows (view);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (NB_IS_LIBRARY_AGENCY (item))
        g_string_append_printf (names, "%s%s", names->len ? "," : "",
                                nb_library_agency_get_name (NB_LIBRARY_AGENCY (item)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static guint
count_agencies (NbLibraryView *view)
{
  g_autofree char *names = agency_names (view);
  g_auto(GStrv) split = g_strsplit (names, ",", -1);

  return *names ? g_strv_length (split) : 0;
}

/* The row of an agency (year 0), or of one of its years (shown open). */
static guint
row_position (NbLibraryView *view,
              const char    *agency,
              int            year)
{
  GListModel *model = nb_library_view_get_rows (view);
  gboolean in_agency = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (NB_IS_LIBRARY_AGENCY (item))
        {
          in_agency = g_strcmp0 (nb_library_agency_get_name (NB_LIBRARY_AGENCY (item)), agency) == 0;
          if (in_agency && year == 0)
            return i;
        }
      else if (in_agency && nb_library_entry_get_year (NB_LIBRARY_ENTRY (item)) == year)
        return i;
    }
  g_error ("no row for %s %d", agency, year);
  return 0;
}

static NbLibraryAgency *
agency_at (NbLibraryView *view,
           guint          position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (nb_library_view_get_rows (view), position);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  g_assert_true (NB_IS_LIBRARY_AGENCY (item));
  return NB_LIBRARY_AGENCY (item);   /* the library's list holds it */
}

static void
activate_row (NbLibraryView *view,
              guint          position)
{
  GtkWidget *list = find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);

  g_signal_emit_by_name (list, "activate", position);
  iterate (20);
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

/* Screenshots carry the language: run with LANGUAGE=zh_CN for Chinese. */
static void
write_screenshot (GtkWidget  *window,
                  const char *name)
{
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (window)
                         ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                         : window;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (content);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderNode) background = NULL;
  g_autoptr(GskRenderNode) picture = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  const char *root = g_getenv ("NB_TEST_BUILD_ROOT");
  const char *language = g_getenv ("LANGUAGE");
  int width, height;

  gtk_test_widget_wait_for_draw (window);
  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);
  node = snapshot_paintable (paintable, width, height);
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      iterate (20);
      g_usleep (50000);
      node = snapshot_paintable (paintable, width, height);
    }
  g_assert_nonnull (node);

  background = gsk_color_node_new (&(GdkRGBA) { 0.98, 0.98, 0.98, 1 },
                                   &GRAPHENE_RECT_INIT (0, 0, width, height));
  picture = gsk_container_node_new ((GskRenderNode *[]) { background, node }, 2);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), picture,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("library-%s%s%s.png", name, language && *language ? "-" : "",
                          language ? language : "");
  path = g_build_filename (root ? root : ".", file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* ---- A library of its own, and imports -------------------------------- */

typedef struct
{
  char     *dir;
  NbWindow *window;
  NbLibraryView *view;
  guint     done;        /* the last progress seen */
  guint     total;
  guint     n_progress;
  gboolean  finished;
  gboolean  cancelled;
  NbLibraryImportResult *result;
  GError   *error;
} Fixture;

static void
on_progress (NbLibraryView *view,
             guint          done,
             guint          total,
             Fixture       *fixture)
{
  g_assert_cmpuint (done, <=, total);
  fixture->done = done;
  fixture->total = total;
  fixture->n_progress++;
}

static void
on_finished (NbLibraryView               *view,
             const NbLibraryImportResult *result,
             const GError                *error,
             Fixture                     *fixture)
{
  g_clear_pointer (&fixture->result, nb_library_import_result_free);
  g_clear_error (&fixture->error);
  fixture->result = result ? nb_library_import_result_copy (result) : NULL;
  fixture->error = error ? g_error_copy (error) : NULL;
  fixture->finished = TRUE;
}

/* A window over a new library (no samples: the seed test has them). */
static void
fixture_set_up (Fixture  *fixture,
                gboolean  samples)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *library = NULL;

  fixture->dir = g_dir_make_tmp ("nianbao-library-XXXXXX", NULL);
  library = g_build_filename (fixture->dir, "library.sqlite", NULL);
  g_settings_set_string (settings, "library-path", library);
  if (samples)
    g_unsetenv ("NIANBAO_SAMPLES_DIR");
  else
    g_setenv ("NIANBAO_SAMPLES_DIR", "", TRUE);

  fixture->window = nb_window_new (app);
  fixture->view = nb_window_get_library_view (fixture->window);
  g_signal_connect (fixture->view, "import-progress", G_CALLBACK (on_progress), fixture);
  g_signal_connect (fixture->view, "import-finished", G_CALLBACK (on_finished), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->view)));
  g_assert_nonnull (nb_library_view_get_library (fixture->view));
  g_assert_cmpstr (nb_library_get_path (nb_library_view_get_library (fixture->view)), ==, library);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_signal_handlers_disconnect_by_data (fixture->view, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate (50);
  g_clear_pointer (&fixture->result, nb_library_import_result_free);
  g_clear_error (&fixture->error);

  /* The library's files and the copies made: one level deep. */
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_autoptr(GFileEnumerator) inner = g_file_enumerate_children (child, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    0, NULL, NULL);
      GFileInfo *inner_info;

      while (inner && (inner_info = g_file_enumerator_next_file (inner, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) grandchild = g_file_get_child (child, g_file_info_get_name (inner_info));

          g_file_delete (grandchild, NULL, NULL);
          g_object_unref (inner_info);
        }
      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The sidebar's pages: the list, empty, importing, nothing found. */
static GtkStack *
sidebar_stack (NbLibraryView *view)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect (GTK_WIDGET (view), GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "importing") != NULL)
      return g_ptr_array_index (stacks, i);
  g_assert_not_reached ();
}

static void
import_and_wait (Fixture    *fixture,
                 const char *path)
{
  const char *paths[] = { path, NULL };

  fixture->finished = FALSE;
  fixture->n_progress = 0;
  g_assert_true (nb_library_view_import (fixture->view, paths));
  g_assert_true (nb_library_view_get_importing (fixture->view));
  /* An empty library says the reports are coming, not that it is empty. */
  if (g_list_model_get_n_items (nb_library_get_agencies (nb_library_view_get_library (fixture->view))) == 0)
    g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack (fixture->view)), ==, "importing");
  /* One import at a time. */
  g_assert_false (nb_library_view_import (fixture->view, paths));
  wait_until (flag_set, &fixture->finished);
  g_assert_false (nb_library_view_get_importing (fixture->view));
}

/* The expected agency and year of a fixture, from its expected JSON. */
static void
expected_of (const char  *name,
             char       **agency,
             int         *year)
{
  g_autofree char *json = g_strconcat (name, ".expected.json", NULL);
  g_autofree char *path = nb_test_path ("tests", "fixtures", "text", "distinct", json, NULL);
  JsonObject *expected = nb_test_load_json (path);

  *agency = g_strdup (json_object_get_string_member (expected, "agency"));
  *year = json_object_get_int_member (expected, "year");
  json_object_unref (expected);
}

/* A copy of a fixture that names its agency otherwise, for another year:
 * two spellings of one agency. */
static char *
write_other_spelling (const char *dir)
{
  g_autofree char *source = nb_test_path ("tests", "fixtures", "text", "distinct", "004-tabs.txt", NULL);
  g_autofree char *folder = g_build_filename (dir, "other", NULL);
  g_autofree char *target = g_build_filename (folder, "fugou-2022.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "扶沟县工业和信息化局 2023 年", "扶沟县工信局 2022 年", 0), ==, 1);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, changed->str, changed->len, NULL));
  return g_steal_pointer (&target);
}

static const char *const distinct[] = {
  "000-s4-wrapped", "000-tabs", "001-tabs", "002-pipes", "002-s4-wrapped", "003-lexer", "003-tabs", "004-tabs",
};

/* The distinct fixtures' reports (not their expected JSON), in a folder of
 * the test's own. */
static char *
copy_distinct (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "distinct", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    {
      g_autofree char *name = g_strconcat (distinct[i], ".txt", NULL);
      g_autofree char *source = nb_test_path ("tests", "fixtures", "text", "distinct", name, NULL);
      g_autofree char *target = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &text, &length, NULL));
      g_assert_true (g_file_set_contents (target, text, length, NULL));
    }
  return g_steal_pointer (&folder);
}

/* ---- The tests --------------------------------------------------------- */

static gboolean
has_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Import the distinct fixtures, see every agency with its years, search,
 * merge two spellings, open a year beside its source. */
static void
test_import_search_merge_open (void)
{
  Fixture fixture = { 0 };
  g_autofree char *folder = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;
  AdwMessageDialog *dialog = NULL;
  GtkSingleSelection *choices;
  GtkWidget *search;
  NbLibraryAgency *agency;
  NbReportView *report_view;
  JsonObject *expected;
  g_autofree char *expected_path = NULL;
  guint position;

  fixture_set_up (&fixture, FALSE);
  folder = copy_distinct (fixture.dir);
  g_assert_cmpstr (agency_names (fixture.view), ==, "");
  write_screenshot (GTK_WIDGET (fixture.window), "empty");

  /* Every file is read; the progress reaches the total. */
  import_and_wait (&fixture, folder);
  g_assert_no_error (fixture.error);
  g_assert_nonnull (fixture.result);
  g_assert_cmpuint (fixture.result->n_failed, ==, 0);
  g_assert_cmpuint (fixture.result->n_added + fixture.result->n_duplicates, ==, G_N_ELEMENTS (distinct));
  g_assert_cmpuint (fixture.total, ==, G_N_ELEMENTS (distinct));
  g_assert_cmpuint (fixture.done, ==, fixture.total);
  g_assert_cmpuint (fixture.n_progress, >, 0);

  /* The agencies of the fixtures' expected JSON, each with its year. */
  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    {
      g_autofree char *name = NULL;
      int year;

      expected_of (distinct[i], &name, &year);
      if (!g_hash_table_contains (years, name))
        g_ptr_array_add (names, g_strdup (name));
      g_hash_table_replace (years, g_strdup (name), GINT_TO_POINTER (year));
    }
  g_assert_cmpuint (names->len, ==, 5);
  listed = agency_names (fixture.view);
  for (guint i = 0; i < names->len; i++)
    {
      g_assert_nonnull (strstr (listed, g_ptr_array_index (names, i)));
    }
  g_assert_cmpuint (count_agencies (fixture.view), ==, 5);

  /* Each row shows the agency and its year; 扶沟 reads as a county department. */
  shown = shown_rows (fixture.view);
  g_test_message ("rows:\n%s", shown);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *line = g_strdup_printf ("%s|", name);
      g_autofree char *year = g_strdup_printf ("%d", GPOINTER_TO_INT (g_hash_table_lookup (years, name)));
      const char *at = strstr (shown, line);

      g_assert_nonnull (at);
      g_assert_nonnull (strstr (at, year));
      g_assert_true (strstr (at, year) < strchr (at, '\n'));
    }
  {
    g_autofree char *line = g_strdup_printf ("扶沟县工业和信息化局|扶沟县 · %s · 2023\n", _("Department"));

    g_assert_nonnull (strstr (shown, line));
  }
  g_free (shown);

  /* An agency opens to its years: 西工区 has one, 2024. */
  position = row_position (fixture.view, "西工区民营经济发展局", 0);
  activate_row (fixture.view, position);
  shown = shown_rows (fixture.view);
  g_assert_nonnull (strstr (shown, "西工区民营经济发展局|"));
  g_assert_nonnull (strstr (shown, "\n  2024|\n"));
  write_screenshot (GTK_WIDGET (fixture.window), "agencies");

  /* Typing filters: a name, a year, a region-less nothing. */
  search = find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "滨州");
  wait_until (flag_set, &(gboolean) { TRUE });
  g_usleep (300000);  /* search-changed waits for the typing to pause */
  iterate (100);
  g_assert_cmpstr (agency_names (fixture.view), ==, "滨州高新技术产业开发区");
  gtk_editable_set_text (GTK_EDITABLE (search), "2023");
  g_usleep (300000);
  iterate (100);
  g_assert_cmpstr (agency_names (fixture.view), ==, "扶沟县工业和信息化局");
  nb_library_view_set_search (fixture.view, "no such agency");
  g_assert_cmpstr (agency_names (fixture.view), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack (fixture.view)), ==, "no-results");
  nb_library_view_set_search (fixture.view, NULL);
  g_assert_cmpuint (count_agencies (fixture.view), ==, 5);

  /* The other spelling comes in as an agency of its own. */
  other = write_other_spelling (fixture.dir);
  {
    g_autofree char *other_folder = g_path_get_dirname (other);

    import_and_wait (&fixture, other_folder);
  }
  g_assert_cmpuint (fixture.result->n_added, ==, 1);
  listed = (g_free (listed), agency_names (fixture.view));
  g_assert_nonnull (strstr (listed, "扶沟县工信局"));
  g_assert_nonnull (strstr (listed, "扶沟县工业和信息化局"));

  /* Merge them from the agency's menu: choose the other in the dialog. */
  agency = agency_at (fixture.view, row_position (fixture.view, "扶沟县工业和信息化局", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "library.merge", "x",
                                             nb_library_agency_get_id (agency)));
  wait_until (has_dialog, &dialog);
  choices = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    {
      g_autoptr(NbLibraryAgency) choice = g_list_model_get_item (G_LIST_MODEL (choices), i);

      g_assert_cmpstr (nb_library_agency_get_name (choice), !=, "扶沟县工业和信息化局");
      if (g_str_equal (nb_library_agency_get_name (choice), "扶沟县工信局"))
        gtk_single_selection_set_selected (choices, i);
    }
  g_assert_nonnull (gtk_single_selection_get_selected_item (choices));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
  write_screenshot (GTK_WIDGET (dialog), "merge-dialog");
  adw_message_dialog_response (dialog, "merge");
  iterate (100);

  /* One agency with both spellings and both years; typing either finds it. */
  g_assert_cmpuint (count_agencies (fixture.view), ==, 5);
  nb_library_view_set_search (fixture.view, "工信局");
  listed = (g_free (listed), agency_names (fixture.view));
  g_assert_cmpstr (listed, ==, "扶沟县工业和信息化局");
  agency = agency_at (fixture.view, 0);
  g_assert_true (g_strv_contains (nb_library_agency_get_names (agency), "扶沟县工信局"));
  g_assert_true (g_strv_contains (nb_library_agency_get_names (agency), "扶沟县工业和信息化局"));
  g_assert_cmpuint (nb_library_agency_get_n_reports (agency), ==, 2);
  shown = (g_free (shown), shown_rows (fixture.view));
  g_test_message ("after merge:\n%s", shown);
  {
    g_autofree char *also = g_strdup_printf (_("Also %s"), "扶沟县工信局");
    g_autofree char *line = g_strdup_printf ("扶沟县工业和信息化局 / %s|扶沟县 · %s · 2022–2023\n",
                                             also, _("Department"));

    g_assert_nonnull (strstr (shown, line));
  }
  g_assert_nonnull (strstr (shown, "  2022|"));
  g_assert_nonnull (strstr (shown, "  2023|"));
  write_screenshot (GTK_WIDGET (fixture.window), "merged");

  /* Open 2023 beside its source: the cells are the fixture's. */
  activate_row (fixture.view, row_position (fixture.view, "扶沟县工业和信息化局", 2023));
  g_assert_cmpuint (nb_window_get_n_views (fixture.window), ==, 1);
  report_view = nb_window_get_visible_view (fixture.window);
  wait_until (view_loaded, report_view);
  g_assert_cmpstr (nb_report_view_get_title (report_view), ==, "扶沟县工业和信息化局 2023");
  expected_path = nb_test_path ("tests", "fixtures", "text", "distinct", "004-tabs.expected.json", NULL);
  expected = nb_test_load_json (expected_path);
  {
    JsonObject *cells = json_object_get_object_member (expected, "cells");
    g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              json_object_get_int_member (cells, "s2.rules.in_force"));
    GtkWidget *grid = nb_report_view_get_grid (report_view, NB_TABLE_S2);
    GtkWidget *entry = nb_table_grid_get_cell_widget (NB_TABLE_GRID (grid),
                                                      nb_template_lookup_cell ("s2.rules.in_force")->index);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, value);
  }
  json_object_unref (expected);
  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (report_view))), ==,
                   NB_SOURCE_VIEW_TEXT);
  g_assert_null (nb_report_view_get_source_message (report_view));
  write_screenshot (GTK_WIDGET (fixture.window), "opened");

  /* Opening it again shows the same tab. */
  activate_row (fixture.view, row_position (fixture.view, "扶沟县工业和信息化局", 2023));
  g_assert_cmpuint (nb_window_get_n_views (fixture.window), ==, 1);

  /* A year whose source has gone opens without it, and says so. */
  g_assert_cmpint (g_remove (other), ==, 0);
  activate_row (fixture.view, row_position (fixture.view, "扶沟县工业和信息化局", 2022));
  g_assert_cmpuint (nb_window_get_n_views (fixture.window), ==, 2);
  report_view = nb_window_get_visible_view (fixture.window);
  wait_until (view_loaded, report_view);
  g_assert_cmpstr (nb_report_view_get_title (report_view), ==, "扶沟县工信局 2022");
  g_assert_cmpint (nb_source_view_get_kind (NB_SOURCE_VIEW (nb_report_view_get_source_view (report_view))), !=,
                   NB_SOURCE_VIEW_TEXT);
  g_assert_cmpstr (nb_report_view_get_source_message (report_view), ==,
                   _("The source is not at hand; the cells stored in the library are shown"));

  fixture_tear_down (&fixture);
}

/* A correction saved in a library tab goes back into the library. */
static void
test_save_into_library (void)
{
  Fixture fixture = { 0 };
  g_autofree char *folder = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  NbReportView *report_view;
  NbLibrary *library;
  GtkWidget *entry;
  gint64 id;
  guint index = nb_template_lookup_cell ("s2.rules.in_force")->index;

  fixture_set_up (&fixture, FALSE);
  folder = copy_distinct (fixture.dir);
  import_and_wait (&fixture, folder);
  library = nb_library_view_get_library (fixture.view);
  id = nb_library_find_report (library, "西工区民营经济发展局", 2024);
  g_assert_cmpint (id, >, 0);

  report_view = nb_window_open_library_report (fixture.window, id);
  g_assert_nonnull (report_view);
  wait_until (view_loaded, report_view);
  entry = nb_table_grid_get_cell_widget (NB_TABLE_GRID (nb_report_view_get_grid (report_view, NB_TABLE_S2)), index);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "4321");
  g_signal_emit_by_name (entry, "activate");
  iterate (20);
  g_assert_true (nb_report_view_get_modified (report_view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.save", NULL));
  iterate (50);
  g_assert_false (nb_report_view_get_modified (report_view));
  stored = nb_library_load_report (library, id, &error);
  g_assert_no_error (error);
  {
    double value = 0;

    g_assert_true (nb_report_lookup_value (stored, "s2.rules.in_force", &value));
    g_assert_cmpfloat (value, ==, 4321);
  }

  fixture_tear_down (&fixture);
}

/* Once it is under way: look, then cancel. */
static void
on_progress_cancel (NbLibraryView *view,
                    guint          done,
                    guint          total,
                    Fixture       *fixture)
{
  GtkWidget *revealer = find_widget (GTK_WIDGET (view), GTK_TYPE_REVEALER);
  GtkWidget *bar = find_widget (revealer, GTK_TYPE_PROGRESS_BAR);
  GtkWidget *status = find_widget (revealer, GTK_TYPE_LABEL);
  g_autofree char *counts = g_strdup_printf ("%u of %u · ", done, total);

  if (fixture->cancelled || done == 0 || done >= total)
    return;
  fixture->cancelled = TRUE;
  nb_library_view_cancel_import (view);

  /* The progress as shown: done of total, the rate, the bar. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)),
                                  (double) done / total, 1e-9);
  /* (In English: other languages word it otherwise.) */
  if (g_str_equal (_("Department"), "Department"))
    {
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (status)), counts));
      g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (status)), " files/s"));
    }
}

/* A long import shows its progress and stops when cancelled, keeping
 * what it had read. */
static void
test_cancel (void)
{
  static const char *const seeds[] = {
    "000_f24d835b901d1514", "001_7f28f313131cbcb8", "002_ff767b4376f9d530", "003_e0396cda2f552dd2",
    "004_d75dc64ce6227108",
  };
  Fixture fixture = { 0 };
  g_autofree char *folder = NULL;
  const guint n_files = 1000;
  guint n_reports;

  fixture_set_up (&fixture, FALSE);
  folder = g_build_filename (fixture.dir, "many", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* The five samples, each for 30 years (some twice, as new versions):
   * a thousand reports. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *sample = g_strconcat (seeds[i % 5], ".txt", NULL);
      g_autofree char *json = g_strconcat (seeds[i % 5], ".json", NULL);
      g_autofree char *sample_path = nb_test_path ("data", "samples", sample, NULL);
      g_autofree char *json_path = nb_test_path ("tests", "expected", json, NULL);
      g_autofree char *name = g_strdup_printf ("report-%04u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *year = NULL;
      g_autofree char *other_year = g_strdup_printf ("%u", 1995 + i / 5 % 30);
      JsonObject *expected = nb_test_load_json (json_path);
      g_autoptr(GString) changed = NULL;

      year = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (expected, "year"));
      json_object_unref (expected);
      g_assert_true (g_file_get_contents (sample_path, &text, NULL, NULL));
      changed = g_string_new (text);
      g_string_replace (changed, year, other_year, 0);
      g_assert_true (g_file_set_contents (path, changed->str, changed->len, NULL));
    }

  g_signal_connect (fixture.view, "import-progress", G_CALLBACK (on_progress_cancel), &fixture);
  import_and_wait (&fixture, folder);
  g_test_message ("cancelled at %u of %u", fixture.done, fixture.total);
  g_assert_true (fixture.cancelled);
  g_assert_cmpuint (fixture.total, ==, n_files);
  if (fixture.result != NULL)
    g_assert_cmpuint (fixture.result->n_added + fixture.result->n_duplicates, <, n_files);
  else
    g_assert_error (fixture.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* What was read before is kept; the sidebar is calm again. */
  n_reports = nb_library_get_n_reports (nb_library_view_get_library (fixture.view));
  g_assert_cmpuint (n_reports, <, n_files);
  g_assert_cmpuint (count_agencies (fixture.view), <=, 5);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find_widget (GTK_WIDGET (fixture.view),
                                                                             GTK_TYPE_REVEALER))));

  fixture_tear_down (&fixture);
}

/* A file that cannot be read is listed with its reason; the rest go in. */
static void
test_failures_listed (void)
{
  Fixture fixture = { 0 };
  g_autofree char *good = nb_test_path ("tests", "fixtures", "text", "distinct", "001-tabs.txt", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog = NULL;

  fixture_set_up (&fixture, FALSE);
  folder = g_build_filename (fixture.dir, "mixed", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  copy = g_build_filename (folder, "good.txt", NULL);
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  bad = g_build_filename (folder, "broken.pdf", NULL);
  g_assert_true (g_file_set_contents (bad, "%PDF-1.4 not really", -1, NULL));

  import_and_wait (&fixture, folder);
  g_assert_nonnull (fixture.result);
  g_assert_cmpuint (fixture.result->n_added, ==, 1);
  g_assert_cmpuint (fixture.result->n_failed, ==, 1);
  g_assert_cmpstr (agency_names (fixture.view), ==, "文峰区行政审批和政务信息管理局");

  wait_until (has_dialog, &dialog);
  {
    GtkWidget *row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "broken.pdf");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     ((NbLibraryFailure *) g_ptr_array_index (fixture.result->failures, 0))->message);
    g_assert_cmpstr (((NbLibraryFailure *) g_ptr_array_index (fixture.result->failures, 0))->path, ==, bad);
  }
  write_screenshot (GTK_WIDGET (dialog), "failures");
  adw_message_dialog_response (dialog, "close");
  iterate (50);

  fixture_tear_down (&fixture);
}

/* A new library starts with the bundled samples. */
static void
test_seed (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GDir) samples = NULL;
  g_autofree char *dir = nb_test_path ("data", "samples", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;
  const char *name;

  /* The import starts with the window; wait for its end. */
  fixture_set_up (&fixture, TRUE);
  wait_until (flag_set, &fixture.finished);
  g_assert_no_error (fixture.error);

  samples = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *seed = g_strndup (name, strlen (name) - strlen (".txt"));
      g_autofree char *json = g_strconcat (seed, ".json", NULL);
      g_autofree char *path = nb_test_path ("tests", "expected", json, NULL);
      JsonObject *expected = nb_test_load_json (path);

      g_ptr_array_add (names, g_strdup (json_object_get_string_member (expected, "agency")));
      json_object_unref (expected);
    }
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpuint (fixture.result->n_added, ==, 5);
  listed = agency_names (fixture.view);
  for (guint i = 0; i < names->len; i++)
    g_assert_nonnull (strstr (listed, g_ptr_array_index (names, i)));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  /* Screenshots in another language: LANGUAGE=zh_CN NB_TEST_LOCALEDIR=build/po */
  if (g_getenv ("NB_TEST_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NB_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = nb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/nb/library/import-search-merge-open", test_import_search_merge_open);
  g_test_add_func ("/nb/library/save-into-library", test_save_into_library);
  g_test_add_func ("/nb/library/cancel", test_cancel);
  g_test_add_func ("/nb/library/failures-listed", test_failures_listed);
  g_test_add_func ("/nb/library/seed", test_seed);

  return g_test_run ();
}
