/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-table-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "nb-checker.h"
#include "nb-error.h"
#include "nb-table-grid.h"
#include "nb-value.h"
#include "../nb-test-util.h"

/* NbTableGrid in a real window under Xvfb: values shown, edits going to
 * the report, refused text kept and explained, problems marked, keyboard
 * moves, the 2019 layout of S3, and pictures of the grids to look at. */

typedef struct
{
  NbReport  *report;
  NbChecker *checker;
  GtkWidget *window;
  GtkWidget *grid;
} Fixture;

static guint
cell (const char *id)
{
  const NbCellDef *def = nb_template_lookup_cell (id);

  g_assert_nonnull (def);
  return def->index;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for the window");
  return G_SOURCE_REMOVE;
}

static void
iterate_until_mapped (GtkWidget *widget)
{
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  /* Let the first layout and frame happen. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (timeout);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static NbReport *
import_sample (void)
{
  g_autofree char *path = nb_test_path ("data", "samples", "002_ff767b4376f9d530.txt", NULL);

  return nb_test_import (path);
}

static void
fixture_open (Fixture   *fixture,
              NbReport  *report,
              NbTableId  table)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->report = report;
  fixture->grid = nb_table_grid_new (table);
  fixture->checker = nb_checker_new (report);
  nb_table_grid_set_report (NB_TABLE_GRID (fixture->grid), report);
  nb_table_grid_set_problems (NB_TABLE_GRID (fixture->grid), nb_checker_get_problems (fixture->checker));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fixture->grid);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate_until_mapped (fixture->grid);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->checker);
  g_clear_object (&fixture->report);
}

static GtkWidget *
entry_of (Fixture    *fixture,
          const char *id)
{
  GtkWidget *entry = nb_table_grid_get_cell_widget (NB_TABLE_GRID (fixture->grid), cell (id));

  g_assert_nonnull (entry);
  g_assert_true (GTK_IS_ENTRY (entry));
  return entry;
}

static const char *
text_of (Fixture    *fixture,
         const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_of (fixture, id)));
}

static void
type_and_activate (GtkWidget  *entry,
                   const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  iterate ();
}

/* Key presses as the entry's own key controller sees them. */
static gboolean
press_key (GtkWidget       *entry,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        break;
    }
  iterate ();
  return handled;
}

static gboolean
has_focus_in (GtkWidget *entry)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static GtkWidget *
find_message (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (fixture->grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "error"))
      return child;

  g_assert_not_reached ();
  return NULL;
}

static void
grid_position (GtkWidget *entry,
               int       *column,
               int       *row)
{
  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (entry)), entry, column, row, NULL, NULL);
}

static GtkWidget *
inner_grid (GtkWidget *table_grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (table_grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_GRID (child))
      return child;

  g_assert_not_reached ();
  return NULL;
}

/* The title shown with this text, or NULL. */
static GtkWidget *
find_title (GtkWidget  *table_grid,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (inner_grid (table_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
      return child;
  return NULL;
}

static GtkWidget *
title_of (GtkWidget  *table_grid,
          const char *text)
{
  GtkWidget *label = find_title (table_grid, text);

  if (label == NULL)
    g_error ("no title “%s” in the grid", text);
  return label;
}

static void
grid_area (GtkWidget *widget,
           int       *column,
           int       *row,
           int       *width,
           int       *height)
{
  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (widget)), widget, column, row, width, height);
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* ---- Tests ----------------------------------------------------------- */

static void
test_values (void)
{
  Fixture s3 = { 0 }, s2 = { 0 }, s4 = { 0 };
  NbReport *report = import_sample ();

  fixture_open (&s3, g_object_ref (report), NB_TABLE_S3);
  fixture_open (&s2, g_object_ref (report), NB_TABLE_S2);
  fixture_open (&s4, report, NB_TABLE_S4);

  g_assert_cmpstr (text_of (&s3, "s3.new.natural"), ==, "2");
  g_assert_cmpstr (text_of (&s3, "s3.results_total.total"), ==, "2");
  g_assert_cmpstr (text_of (&s2, "s2.licensing.decisions"), ==, "5188");
  g_assert_cmpstr (text_of (&s2, "s2.fees.amount"), ==, "0");
  g_assert_cmpstr (text_of (&s4, "s4.review.upheld"), ==, "0");

  /* Cells of other tables are not in the grid */
  g_assert_null (nb_table_grid_get_cell_widget (NB_TABLE_GRID (s3.grid), cell ("s2.rules.new")));
  g_assert_false (nb_table_grid_select_cell (NB_TABLE_GRID (s3.grid), cell ("s4.review.total")));

  /* A 2021 S3: the three （六） sub-rows editable, their sum read-only */
  g_assert_cmpint (nb_report_get_table_version (report, NB_TABLE_S3), ==, NB_TEMPLATE_2021);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry_of (&s3, "s3.other_handling.misc.natural"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry_of (&s3, "s3.other_handling.natural"))));
  g_assert_true (gtk_widget_has_css_class (entry_of (&s3, "s3.other_handling.natural"), "derived"));
  g_assert_cmpstr (text_of (&s3, "s3.other_handling.natural"), ==, "0");

  /* Right-aligned digits */
  g_assert_cmpfloat (gtk_editable_get_alignment (GTK_EDITABLE (entry_of (&s3, "s3.new.natural"))), ==, 1.0);

  /* S4 is one row of fifteen cells, in row-major order */
  {
    guint n_cells;
    const NbCellDef *cells = nb_template_get_cells (&n_cells);
    int first_row = -1, last_column = -1;
    guint n = 0;

    for (guint i = 0; i < n_cells; i++)
      {
        GtkWidget *entry;
        int column, row;

        if (cells[i].table->table != NB_TABLE_S4)
          continue;
        entry = nb_table_grid_get_cell_widget (NB_TABLE_GRID (s4.grid), i);
        g_assert_nonnull (entry);
        grid_position (entry, &column, &row);
        if (first_row < 0)
          first_row = row;
        g_assert_cmpint (row, ==, first_row);
        g_assert_cmpint (column, >, last_column);
        last_column = column;
        n++;
      }
    g_assert_cmpuint (n, ==, 15);

    /* Under 行政复议 and 行政诉讼 → 未经复议直接起诉 / 复议后起诉 */
    {
      int column, row, width, height;

      grid_area (title_of (s4.grid, "Administrative review"), &column, &row, &width, &height);
      g_assert_cmpint (column, ==, 0);
      g_assert_cmpint (width, ==, 5);
      g_assert_cmpint (row + height, ==, first_row - 1);
      grid_area (title_of (s4.grid, "Administrative litigation"), &column, &row, &width, &height);
      g_assert_cmpint (column, ==, 5);
      g_assert_cmpint (width, ==, 10);
      grid_area (title_of (s4.grid, "Sued after review"), &column, &row, &width, &height);
      g_assert_cmpint (column, ==, 10);
      g_assert_cmpint (width, ==, 5);
      g_assert_cmpint (row, ==, first_row - 2);
    }
  }

  fixture_close (&s4);
  fixture_close (&s2);
  fixture_close (&s3);
}

static void
test_refused_text (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) expected = NULL;
  GtkWidget *entry, *message;
  double value, before;
  NbCellState state;

  fixture_open (&f, import_sample (), NB_TABLE_S3);
  entry = entry_of (&f, "s3.granted.natural");
  state = nb_report_get_cell (f.report, cell ("s3.granted.natural"), &before);

  type_and_activate (entry, "abc");

  /* The report is unchanged, the text kept and marked, the reason shown */
  g_assert_cmpint (nb_report_get_cell (f.report, cell ("s3.granted.natural"), &value), ==, state);
  g_assert_cmpfloat (value, ==, before);
  g_assert_cmpuint (nb_report_get_n_edits (f.report), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "abc");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (has_focus_in (entry));

  g_assert_false (nb_value_parse ("abc", NB_VALUE_COUNT, &value, &expected));
  message = find_message (&f);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), expected->message));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, expected->message);

  /* The report changing elsewhere leaves the refused text alone */
  nb_report_edit_cell_text (f.report, cell ("s3.granted.business"), "0", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "abc");

  /* Leaving the cell keeps it too */
  gtk_widget_grab_focus (entry_of (&f, "s3.new.natural"));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "abc");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* Escape goes back to the report's value */
  gtk_widget_grab_focus (entry);
  g_assert_true (press_key (entry, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (message));

  /* A valid value after a refused one is taken */
  type_and_activate (entry, "x1");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_and_activate (entry, "3");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (nb_report_lookup_value (f.report, "s3.granted.natural", &value));
  g_assert_cmpfloat (value, ==, 3);

  fixture_close (&f);
}

static void
test_problem_marks (void)
{
  Fixture f = { 0 };
  GtkWidget *total, *natural;
  const char *tooltip;
  double value;

  fixture_open (&f, import_sample (), NB_TABLE_S3);
  total = entry_of (&f, "s3.results_total.natural");
  natural = entry_of (&f, "s3.new.natural");
  g_assert_false (gtk_widget_has_css_class (natural, "problem"));
  g_assert_null (gtk_entry_get_icon_name (GTK_ENTRY (natural), GTK_ENTRY_ICON_SECONDARY));

  type_and_activate (total, "1");
  g_assert_true (nb_report_lookup_value (f.report, "s3.results_total.natural", &value));
  g_assert_cmpfloat (value, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (total)), ==, "1");

  /* Enter moved down, to the next row's cell */
  g_assert_true (has_focus_in (entry_of (&f, "s3.carried_over.natural")));

  /* new + carried_in ≠ results_total + carried_over: the balance is broken */
  g_assert_true (gtk_widget_has_css_class (natural, "problem"));
  g_assert_true (gtk_widget_has_css_class (total, "problem"));
  g_assert_cmpstr (gtk_entry_get_icon_name (GTK_ENTRY (natural), GTK_ENTRY_ICON_SECONDARY),
                   ==, "dialog-warning-symbolic");
  tooltip = gtk_entry_get_icon_tooltip_text (GTK_ENTRY (natural), GTK_ENTRY_ICON_SECONDARY);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "≠"));
  g_assert_false (gtk_widget_has_css_class (entry_of (&f, "s3.new.business"), "problem"));

  nb_report_undo (f.report);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (total)), ==, "2");
  g_assert_false (gtk_widget_has_css_class (natural, "problem"));
  g_assert_false (gtk_widget_has_css_class (total, "problem"));
  g_assert_null (gtk_entry_get_icon_name (GTK_ENTRY (natural), GTK_ENTRY_ICON_SECONDARY));

  fixture_close (&f);
}

static void
test_missing (void)
{
  Fixture f = { 0 };
  GtkWidget *entry;

  fixture_open (&f, import_sample (), NB_TABLE_S3);
  entry = entry_of (&f, "s3.carried_in.legal");
  g_assert_false (gtk_widget_has_css_class (entry, "missing"));

  type_and_activate (entry, "");
  g_assert_cmpint (nb_report_get_cell (f.report, cell ("s3.carried_in.legal"), NULL), ==,
                   NB_CELL_MISSING);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "—");
  g_assert_true (gtk_widget_has_css_class (entry, "missing"));
  /* cell.missing points at it */
  g_assert_true (gtk_widget_has_css_class (entry, "problem"));

  /* From the report's side: undo brings the value back */
  nb_report_undo (f.report);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  g_assert_false (gtk_widget_has_css_class (entry, "missing"));
  g_assert_false (gtk_widget_has_css_class (entry, "problem"));

  fixture_close (&f);
}

static void
on_cell_selected (NbTableGrid *grid,
                  guint        index,
                  gpointer     user_data)
{
  GArray *selected = user_data;

  g_array_append_val (selected, index);
}

static void
test_select_and_move (void)
{
  Fixture f = { 0 };
  g_autoptr(GArray) selected = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *entry;

  fixture_open (&f, import_sample (), NB_TABLE_S3);
  g_signal_connect (f.grid, "cell-selected", G_CALLBACK (on_cell_selected), selected);

  g_assert_true (nb_table_grid_select_cell (NB_TABLE_GRID (f.grid), cell ("s3.carried_over.total")));
  iterate ();
  g_assert_true (has_focus_in (entry_of (&f, "s3.carried_over.total")));
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpuint (g_array_index (selected, guint, 0), ==, cell ("s3.carried_over.total"));

  /* Tab runs along the row, then to the next row's first cell */
  g_assert_true (nb_table_grid_select_cell (NB_TABLE_GRID (f.grid), cell ("s3.new.other_org")));
  entry = entry_of (&f, "s3.new.other_org");
  g_assert_true (press_key (entry, GDK_KEY_Tab, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s3.new.total")));
  g_assert_true (press_key (entry_of (&f, "s3.new.total"), GDK_KEY_Tab, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s3.carried_in.natural")));
  g_assert_true (press_key (entry_of (&f, "s3.carried_in.natural"), GDK_KEY_ISO_Left_Tab,
                            GDK_SHIFT_MASK));
  g_assert_true (has_focus_in (entry_of (&f, "s3.new.total")));

  /* The arrows move up and down, over the group titles */
  g_assert_true (press_key (entry_of (&f, "s3.new.total"), GDK_KEY_Down, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s3.carried_in.total")));
  g_assert_true (press_key (entry_of (&f, "s3.carried_in.total"), GDK_KEY_Down, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s3.granted.total")));
  g_assert_true (press_key (entry_of (&f, "s3.granted.total"), GDK_KEY_Up, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s3.carried_in.total")));

  /* Every move told the view which cell it is on */
  g_assert_cmpuint (g_array_index (selected, guint, selected->len - 1), ==,
                    cell ("s3.carried_in.total"));

  /* The first cell of the last row ends the grid; Enter on the last cell
   * of a column goes on at the top of the next one */
  type_and_activate (entry_of (&f, "s3.carried_over.natural"), "0");
  g_assert_true (has_focus_in (entry_of (&f, "s3.new.business")));

  fixture_close (&f);
}

static void
test_s2_moves (void)
{
  Fixture f = { 0 };

  fixture_open (&f, import_sample (), NB_TABLE_S2);

  /* Blocks have different columns: Down goes to the nearest cell below */
  g_assert_true (nb_table_grid_select_cell (NB_TABLE_GRID (f.grid), cell ("s2.normative.in_force")));
  g_assert_true (press_key (entry_of (&f, "s2.normative.in_force"), GDK_KEY_Down, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s2.licensing.decisions")));
  g_assert_true (press_key (entry_of (&f, "s2.licensing.decisions"), GDK_KEY_Up, 0));
  g_assert_true (has_focus_in (entry_of (&f, "s2.normative.new")));

  /* The fee is a decimal, and wider */
  g_assert_cmpint (gtk_editable_get_max_width_chars (GTK_EDITABLE (entry_of (&f, "s2.fees.amount"))), >,
                   gtk_editable_get_max_width_chars (GTK_EDITABLE (entry_of (&f, "s2.rules.new"))));
  type_and_activate (entry_of (&f, "s2.fees.amount"), "7730.28");
  g_assert_cmpstr (text_of (&f, "s2.fees.amount"), ==, "7730.28");

  fixture_close (&f);
}

/* The 2019 layout of S3: （六） is one row, given, and editable. */
static void
test_s3_2019 (void)
{
  g_autofree char *path = nb_test_shared_path ("corpus", "hongzequ_2023.layout.txt", NULL);
  Fixture f = { 0 };
  NbReport *report;
  GtkWidget *entry;
  double value;

  if (!nb_test_require_shared (path))
    return;

  /* A grid that showed a 2021 report rebuilds for the 2019 one */
  fixture_open (&f, import_sample (), NB_TABLE_S3);
  g_assert_nonnull (nb_table_grid_get_cell_widget (NB_TABLE_GRID (f.grid),
                                                   cell ("s3.other_handling.misc.natural")));
  report = nb_test_import (path);
  g_assert_cmpint (nb_report_get_table_version (report, NB_TABLE_S3), ==, NB_TEMPLATE_2019);
  nb_table_grid_set_report (NB_TABLE_GRID (f.grid), report);
  g_clear_object (&f.report);
  f.report = report;
  iterate ();

  g_assert_null (nb_table_grid_get_cell_widget (NB_TABLE_GRID (f.grid),
                                                cell ("s3.other_handling.no_correction.natural")));
  g_assert_null (nb_table_grid_get_cell_widget (NB_TABLE_GRID (f.grid),
                                                cell ("s3.other_handling.misc.total")));
  g_assert_false (nb_table_grid_select_cell (NB_TABLE_GRID (f.grid),
                                             cell ("s3.other_handling.no_fee.legal")));

  entry = entry_of (&f, "s3.other_handling.natural");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_false (gtk_widget_has_css_class (entry, "derived"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  g_assert_cmpstr (text_of (&f, "s3.new.natural"), ==, "21");

  type_and_activate (entry, "4");
  g_assert_true (nb_report_lookup_value (report, "s3.other_handling.natural", &value));
  g_assert_cmpfloat (value, ==, 4);

  fixture_close (&f);
}

/* The report changing its edition under the grid rebuilds it. */
static void
test_edition_change (void)
{
  Fixture f = { 0 };

  fixture_open (&f, import_sample (), NB_TABLE_S3);
  g_assert_nonnull (nb_table_grid_get_cell_widget (NB_TABLE_GRID (f.grid),
                                                   cell ("s3.other_handling.no_fee.natural")));

  nb_report_set_table_version (f.report, NB_TABLE_S3, NB_TEMPLATE_2019);
  nb_checker_recheck (f.checker);
  nb_report_edit_cell_text (f.report, cell ("s3.new.natural"), "3", NULL);
  iterate ();

  g_assert_null (nb_table_grid_get_cell_widget (NB_TABLE_GRID (f.grid),
                                                cell ("s3.other_handling.no_fee.natural")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry_of (&f, "s3.other_handling.natural"))));
  g_assert_cmpstr (text_of (&f, "s3.new.natural"), ==, "3");

  fixture_close (&f);
}

static void
save_png (GtkWidget  *window,
          const char *name)
{
  const char *root = g_getenv ("NB_TEST_BUILD_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  path = root ? g_build_filename (root, "tests", "gui", name, NULL)
              : g_test_build_filename (G_TEST_BUILT, name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* ---- Titles ------------------------------------------------------------ */

/* Every title of every grid, in both editions, reads in English: no
 * template text left untranslated. */
static void
test_english_titles (void)
{
  for (NbTemplateVersion version = NB_TEMPLATE_2021; version <= NB_TEMPLATE_2019; version++)
    for (NbTableId table = 0; table < NB_N_TABLES; table++)
      {
        Fixture f = { 0 };
        NbReport *report = import_sample ();
        guint n_titles = 0;

        nb_report_set_table_version (report, table, version);
        fixture_open (&f, report, table);
        for (GtkWidget *child = gtk_widget_get_first_child (inner_grid (f.grid));
             child != NULL;
             child = gtk_widget_get_next_sibling (child))
          {
            const char *text;

            if (!GTK_IS_LABEL (child))
              continue;
            text = gtk_label_get_text (GTK_LABEL (child));
            if (has_han (text))
              g_error ("untranslated title in %s (%s): %s", nb_template_get_table (table, version)->id,
                       nb_template_version_to_string (version), text);
            n_titles++;
          }
        g_assert_cmpuint (n_titles, >, 10);
        fixture_close (&f);
      }
}

static void
test_group_titles (void)
{
  Fixture s3 = { 0 }, s2 = { 0 };
  GtkWidget *title;
  int column, row, width, height;

  fixture_open (&s3, import_sample (), NB_TABLE_S3);

  /* 申请人情况 over all seven columns, 法人或其他组织 over five */
  title = title_of (s3.grid, "Applicants");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, "申请人情况");
  grid_area (title, &column, &row, &width, &height);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpint (width, ==, 7);
  grid_area (entry_of (&s3, "s3.new.natural"), &column, &row, NULL, NULL);
  g_assert_cmpint (column, ==, 3);
  grid_area (title_of (s3.grid, "Legal persons or other organisations"), &column, &row, &width, &height);
  g_assert_cmpint (column, ==, 4);
  g_assert_cmpint (width, ==, 5);

  /* （三）不予公开 beside its eight rows */
  title = title_of (s3.grid, "Not disclosed");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, "（三）不予公开");
  grid_area (title, &column, &row, &width, &height);
  g_assert_cmpint (height, ==, 8);
  {
    int entry_row;

    grid_area (entry_of (&s3, "s3.refused.state_secret.natural"), NULL, &entry_row, NULL, NULL);
    g_assert_cmpint (entry_row, ==, row);
  }
  g_assert_nonnull (title_of (s3.grid, "Cannot be provided"));
  g_assert_nonnull (title_of (s3.grid, "Not processed"));
  g_assert_nonnull (title_of (s3.grid, "Results of handling"));
  g_assert_nonnull (title_of (s3.grid, "State secret"));

  fixture_open (&s2, import_sample (), NB_TABLE_S2);
  title = title_of (s2.grid, "Article 20 (8)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, "第二十条第（八）项");

  fixture_close (&s2);
  fixture_close (&s3);
}

/* With LC_ALL=zh_CN.UTF-8 and the built translations, the titles are the
 * template's Chinese. */
static void
test_chinese_titles (void)
{
  const char *build_root = g_getenv ("NB_TEST_BUILD_ROOT");
  g_autofree char *mo = NULL;
  Fixture s3 = { 0 }, s4 = { 0 };

  if (build_root != NULL)
    mo = g_build_filename (build_root, "po", "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no built translations");
      return;
    }
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }

  fixture_open (&s3, import_sample (), NB_TABLE_S3);
  fixture_open (&s4, import_sample (), NB_TABLE_S4);
  setlocale (LC_ALL, "");

  g_assert_nonnull (title_of (s3.grid, "申请人情况"));
  g_assert_nonnull (title_of (s3.grid, "法人或其他组织"));
  g_assert_nonnull (title_of (s3.grid, "不予公开"));
  g_assert_nonnull (title_of (s3.grid, "无法提供"));
  g_assert_nonnull (title_of (s3.grid, "本年度办理结果"));
  g_assert_nonnull (title_of (s3.grid, "自然人"));
  g_assert_null (find_title (s3.grid, "Applicants"));
  g_assert_nonnull (title_of (s4.grid, "行政诉讼"));
  g_assert_nonnull (title_of (s4.grid, "未经复议直接起诉"));
  g_assert_nonnull (title_of (s4.grid, "结果维持"));

  /* For people to look at */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      iterate ();
    }
  save_png (s3.window, "table-grid-s3-zh.png");
  save_png (s4.window, "table-grid-s4-zh.png");

  fixture_close (&s4);
  fixture_close (&s3);
}

/* ---- Pictures -------------------------------------------------------- */

static graphene_rect_t
bounds_of (GtkWidget *widget,
           GtkWidget *relative)
{
  graphene_rect_t rect;

  g_assert_true (gtk_widget_compute_bounds (widget, relative, &rect));
  return rect;
}

#define assert_near(a, b) g_assert_cmpfloat (ABS ((a) - (b)), <, 1.5)

/* @widget stands over (or under) the cells from @first to @last, no wider. */
static void
assert_across (Fixture    *f,
               GtkWidget  *widget,
               const char *first,
               const char *last)
{
  graphene_rect_t a = bounds_of (widget, f->grid);
  graphene_rect_t b = bounds_of (entry_of (f, first), f->grid);
  graphene_rect_t c = bounds_of (entry_of (f, last), f->grid);

  assert_near (a.origin.x, b.origin.x);
  assert_near (a.origin.x + a.size.width, c.origin.x + c.size.width);
}

/* The shape as drawn: what a person sees lines up as on the page. */
static void
assert_drawn_shape (Fixture   *f,
                    NbTableId  table)
{
  graphene_rect_t a, b, c;

  switch (table)
    {
    case NB_TABLE_S2:
      /* A block with one column stretches it under all three */
      assert_across (f, entry_of (f, "s2.licensing.decisions"), "s2.rules.new", "s2.rules.in_force");
      break;

    case NB_TABLE_S3:
      /* 申请人情况 spans the value columns; 本年度办理结果 its rows */
      assert_across (f, title_of (f->grid, "Applicants"), "s3.new.natural", "s3.new.total");
      a = bounds_of (title_of (f->grid, "Applicants"), f->grid);
      b = bounds_of (entry_of (f, "s3.new.natural"), f->grid);
      g_assert_cmpfloat (a.origin.y + a.size.height, <, b.origin.y);
      a = bounds_of (title_of (f->grid, "Results of handling"), f->grid);
      b = bounds_of (entry_of (f, "s3.granted.natural"), f->grid);
      c = bounds_of (entry_of (f, "s3.results_total.natural"), f->grid);
      assert_near (a.origin.y, b.origin.y);
      assert_near (a.origin.y + a.size.height, c.origin.y + c.size.height);
      g_assert_cmpfloat (a.origin.x + a.size.width, <, b.origin.x);
      break;

    case NB_TABLE_S4:
      {
        /* Fifteen cells side by side on one line, under their groups */
        static const char *const groups[] = { "review", "suit_direct", "suit_after_review" };
        static const char *const columns[] = { "upheld", "corrected", "other", "pending", "total" };
        double right = -1;

        a = bounds_of (entry_of (f, "s4.review.upheld"), f->grid);
        for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
          for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
            {
              g_autofree char *id = g_strdup_printf ("s4.%s.%s", groups[g], columns[k]);

              b = bounds_of (entry_of (f, id), f->grid);
              assert_near (b.origin.y, a.origin.y);
              g_assert_cmpfloat (b.origin.x, >, right);
              right = b.origin.x + b.size.width;
            }
        assert_across (f, title_of (f->grid, "Sued directly"), "s4.suit_direct.upheld", "s4.suit_direct.total");
        assert_across (f, title_of (f->grid, "Administrative litigation"),
                       "s4.suit_direct.upheld", "s4.suit_after_review.total");
      }
      break;

    case NB_N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

static void
picture (NbTableId   table,
         gboolean    dark,
         const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture f = { 0 };

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  f.report = import_sample ();
  f.grid = nb_table_grid_new (table);
  nb_table_grid_set_report (NB_TABLE_GRID (f.grid), f.report);
  gtk_widget_set_margin_start (f.grid, 12);
  gtk_widget_set_margin_end (f.grid, 12);
  gtk_widget_set_margin_top (f.grid, 12);
  gtk_widget_set_margin_bottom (f.grid, 12);

  /* Show the marks: a broken balance, a missing cell, a refused text */
  if (table == NB_TABLE_S3)
    {
      nb_report_edit_cell_text (f.report, cell ("s3.results_total.natural"), "1", NULL);
      nb_report_edit_cell_text (f.report, cell ("s3.carried_in.legal"), "", NULL);
    }

  f.window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f.window), f.grid);
  gtk_window_present (GTK_WINDOW (f.window));
  iterate_until_mapped (f.grid);

  if (table == NB_TABLE_S3)
    {
      GtkWidget *entry = entry_of (&f, "s3.granted.business");

      gtk_widget_grab_focus (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
      g_signal_emit_by_name (entry, "activate");
    }
  iterate ();
  /* Wait for a frame after the last changes */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      iterate ();
    }

  assert_drawn_shape (&f, table);
  /* For people to look at; nothing checks the picture itself. */
  save_png (f.window, name);
  fixture_close (&f);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_drawn (void)
{
  picture (NB_TABLE_S3, FALSE, "table-grid-s3.png");
  picture (NB_TABLE_S3, TRUE, "table-grid-s3-dark.png");
  picture (NB_TABLE_S2, FALSE, "table-grid-s2.png");
  picture (NB_TABLE_S4, FALSE, "table-grid-s4.png");
}

static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection  *section,
              GError         *error,
              gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("style.css: %s: %s", where, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;
  const char *build_root = g_getenv ("NB_TEST_BUILD_ROOT");

  /* The built translations, for looking at the grids in another language */
  if (build_root != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_root, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  /* What NbApplication loads from the resource */
  provider = gtk_css_provider_new ();
  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_css_error), NULL);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/nb/table-grid/values", test_values);
  g_test_add_func ("/nb/table-grid/refused-text", test_refused_text);
  g_test_add_func ("/nb/table-grid/problem-marks", test_problem_marks);
  g_test_add_func ("/nb/table-grid/missing", test_missing);
  g_test_add_func ("/nb/table-grid/select-and-move", test_select_and_move);
  g_test_add_func ("/nb/table-grid/s2-moves", test_s2_moves);
  g_test_add_func ("/nb/table-grid/s3-2019", test_s3_2019);
  g_test_add_func ("/nb/table-grid/edition-change", test_edition_change);
  g_test_add_func ("/nb/table-grid/english-titles", test_english_titles);
  g_test_add_func ("/nb/table-grid/group-titles", test_group_titles);
  g_test_add_func ("/nb/table-grid/chinese-titles", test_chinese_titles);
  g_test_add_func ("/nb/table-grid/drawn", test_drawn);

  return g_test_run ();
}
