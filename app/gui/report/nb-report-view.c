/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nb-checker.h"
#include "nb-error.h"
#include "nb-importer.h"
#include "nb-problem.h"
#include "nb-report-file.h"
#include "nb-report-view.h"
#include "nb-source-view.h"
#include "nb-table-grid.h"

struct _NbReportView
{
  GtkWidget        parent_instance;

  GFile           *file;
  NbReport        *report;
  NbChecker       *checker;
  GCancellable    *cancellable;
  char            *error;
  char            *password;
  char            *title;
  gboolean         busy;

  GtkWidget       *grids[NB_N_TABLES];
  GtkTextView     *section_views[NB_N_SECTIONS];
  guint            orientation_idle;
  guint            syncing_sections : 1;

  /* Template children */
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkWidget       *password_box;
  GtkPasswordEntry *password_entry;
  GtkPaned        *paned;
  NbSourceView    *source_view;
  GtkBox          *data_box;
  AdwEntryRow     *title_row;
  AdwEntryRow     *agency_row;
  AdwEntryRow     *year_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox      *problems_list;
  GtkBox          *tables_box;
  GtkBox          *sections_box;
};

G_DEFINE_FINAL_TYPE (NbReportView, nb_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_TITLE,
  PROP_BUSY,
  PROP_MODIFIED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Header fields ---------------------------------------------------- */

/* The title is kept, so that the string handed out stays valid until the
 * title changes: "agency year", else the file's name. */
static void
update_title (NbReportView *self)
{
  g_autofree char *title = NULL;

  if (self->report != NULL && nb_report_get_agency (self->report) != NULL)
    {
      if (nb_report_get_year (self->report) > 0)
        title = g_strdup_printf ("%s %d", nb_report_get_agency (self->report),
                                 nb_report_get_year (self->report));
      else
        title = g_strdup (nb_report_get_agency (self->report));
    }
  else if (self->file != NULL)
    title = g_file_get_basename (self->file);

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
sync_fields (NbReportView *self)
{
  g_autofree char *year = NULL;

  if (self->report == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         nb_report_get_title (self->report) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->agency_row),
                         nb_report_get_agency (self->report) ?: "");
  if (nb_report_get_year (self->report) > 0)
    year = g_strdup_printf ("%d", nb_report_get_year (self->report));
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year ? year : "");
  update_title (self);
}

static void
on_title_apply (NbReportView *self)
{
  if (self->report)
    nb_report_set_title (self->report, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_agency_apply (NbReportView *self)
{
  if (self->report)
    nb_report_set_agency (self->report, gtk_editable_get_text (GTK_EDITABLE (self->agency_row)));
}

static void
on_year_apply (NbReportView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->year_row));
  guint64 year = 0;

  if (self->report == NULL)
    return;

  if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 1990, 2100, &year, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->year_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_row),
                                   _("A year is a number such as 2024"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->year_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_row), NULL);
  nb_report_set_year (self->report, (int) year);
}

/* ---- Problems --------------------------------------------------------- */

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  NbProblem *problem = item;
  g_autofree char *cells = g_strjoinv (", ", (char **) nb_problem_get_cells (problem));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", nb_problem_get_rule (problem), cells);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nb_problem_get_message (problem));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
update_problems_title (NbReportView *self)
{
  guint n = self->checker ? g_list_model_get_n_items (nb_checker_get_problems (self->checker)) : 0;
  g_autofree char *title = NULL;

  if (n == 0)
    title = g_strdup (_("No Problems"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);
  adw_preferences_group_set_title (self->problems_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), n > 0);
}

static void
on_problem_activated (NbReportView  *self,
                      GtkListBoxRow *row)
{
  g_autoptr(NbProblem) problem = NULL;
  const NbCellDef *cell;

  /* The list is bound to the problems: a row's index is its problem's. */
  if (self->checker != NULL && gtk_list_box_row_get_index (row) >= 0)
    problem = g_list_model_get_item (nb_checker_get_problems (self->checker),
                                     gtk_list_box_row_get_index (row));
  if (problem == NULL || nb_problem_get_first_cell (problem) == NULL)
    return;
  cell = nb_template_lookup_cell (nb_problem_get_first_cell (problem));
  if (cell != NULL)
    nb_report_view_select_cell (self, cell->index);
}

/* ---- Prose ------------------------------------------------------------ */

static void
sync_section (NbReportView *self,
              guint         section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->section_views[section]);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, nb_report_get_section_text (self->report, section)) == 0)
    return;

  self->syncing_sections = TRUE;
  gtk_text_buffer_set_text (buffer, nb_report_get_section_text (self->report, section), -1);
  self->syncing_sections = FALSE;
}

static void
on_section_changed (NbReportView *self,
                    guint         section)
{
  sync_section (self, section);
}

/* Typing in a section is one edit of the report when the view is left. */
static void
commit_section (NbReportView *self,
                guint         section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->section_views[section]);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->report == NULL || self->syncing_sections)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  nb_report_set_section_text (self->report, section, text);
}

static void
on_section_focus_leave (GtkEventControllerFocus *controller,
                        NbReportView            *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (GTK_WIDGET (self->section_views[s]) == view)
      commit_section (self, s);
}

static void
build_sections (NbReportView *self)
{
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *def = nb_template_get_section (s);
      g_autofree char *heading = g_strdup_printf ("%s、%s", def->numeral, _(def->title));
      GtkWidget *label = gtk_label_new (heading);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      g_signal_connect (focus, "leave", G_CALLBACK (on_section_focus_leave), self);
      gtk_widget_add_controller (view, focus);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_widget_add_css_class (frame, "view");
      gtk_box_append (self->sections_box, label);
      gtk_box_append (self->sections_box, frame);
      self->section_views[s] = GTK_TEXT_VIEW (view);
    }
}

/* ---- Tables ----------------------------------------------------------- */

static void
on_cell_selected (NbReportView *self,
                  guint         cell_index,
                  NbTableGrid  *grid)
{
  if (self->report == NULL)
    return;
  nb_source_view_highlight (self->source_view, nb_report_get_cell_source (self->report, cell_index));
}

static void
build_tables (NbReportView *self)
{
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *def = nb_template_get_table (t, NB_TEMPLATE_2021);
      const NbSectionDef *section = nb_template_get_section (NB_SECTION_ACTIVE + t);
      g_autofree char *heading = g_strdup_printf ("%s、%s", section->numeral, _(def->title));
      GtkWidget *label = gtk_label_new (heading);
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      self->grids[t] = nb_table_grid_new (t);
      g_signal_connect_object (self->grids[t], "cell-selected", G_CALLBACK (on_cell_selected), self,
                               G_CONNECT_SWAPPED);
      /* Wide tables scroll sideways on their own, the page scrolls down. */
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->grids[t]);
      gtk_box_append (self->tables_box, label);
      gtk_box_append (self->tables_box, scroller);
    }
}

/* ---- The report ------------------------------------------------------- */

static void
on_report_notify (NbReportView *self,
                  GParamSpec   *pspec,
                  NbReport     *report)
{
  if (g_str_equal (pspec->name, "modified"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  else
    sync_fields (self);
}

static void
on_problems_changed (NbReportView *self)
{
  update_problems_title (self);
}

static void
set_report (NbReportView *self,
            NbReport     *report)
{
  GListModel *problems;

  if (!g_set_object (&self->report, report))
    return;

  g_clear_object (&self->checker);
  self->checker = nb_checker_new (report);
  problems = nb_checker_get_problems (self->checker);

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      nb_table_grid_set_report (NB_TABLE_GRID (self->grids[t]), report);
      nb_table_grid_set_problems (NB_TABLE_GRID (self->grids[t]), problems);
    }

  gtk_list_box_bind_model (self->problems_list, problems, create_problem_row, NULL, NULL);
  g_signal_connect_object (problems, "items-changed",
                           G_CALLBACK (on_problems_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "notify", G_CALLBACK (on_report_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "section-changed", G_CALLBACK (on_section_changed), self,
                           G_CONNECT_SWAPPED);

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    sync_section (self, s);
  sync_fields (self);
  update_problems_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_busy (NbReportView *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (NbReportView *self,
            const GError *error)
{
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : NULL;

  g_free (self->error);
  self->error = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->password_box, g_error_matches (error, NB_ERROR, NB_ERROR_ENCRYPTED));
  gtk_stack_set_visible_child_name (self->stack, "error");
  if (gtk_widget_get_visible (self->password_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
on_source_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The data is there even when the source is not: say so quietly. */
  if (!nb_source_view_load_finish (NB_SOURCE_VIEW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The source could not be shown: %s", error->message);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NbReportView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_import_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        {
          set_busy (self, FALSE);
          show_error (self, error);
        }
      return;
    }

  set_busy (self, FALSE);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }

  set_report (self, report);
  gtk_stack_set_visible_child_name (self->stack, "report");

  if (nb_report_get_source_path (report) != NULL)
    nb_source_view_load_async (self->source_view, nb_report_get_source_path (report),
                               self->password, self->cancellable, on_source_loaded, NULL);
}

void
nb_report_view_load (NbReportView *self,
                     GFile        *file,
                     const char   *password)
{
  NbImportOptions options = { .password = password };
  g_autofree char *path = NULL;

  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->password);
  self->password = g_strdup (password);
  g_clear_pointer (&self->error, g_free);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  path = g_file_get_path (file);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_busy (self, TRUE);
  update_title (self);

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Only local files can be opened"));

      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  nb_import_file_async (path, &options, self->cancellable, on_imported, g_object_ref (self));
}

static void
on_unlock (NbReportView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->file != NULL && *password != '\0')
    nb_report_view_load (self, self->file, password);
}

void
nb_report_view_cancel (NbReportView *self)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_cancellable_cancel (self->cancellable);
}

/**
 * nb_report_view_zoom:
 * @self: a #NbReportView
 * @step: in, out or back to 100 %
 *
 * Zooms the source pane, wherever the focus is in the view.
 */
void
nb_report_view_zoom (NbReportView *self,
                     NbZoom        step)
{
  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  nb_source_view_zoom (self->source_view, step);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nb_report_view_cancel (NB_REPORT_VIEW (widget));
}

gboolean
nb_report_view_select_cell (NbReportView *self,
                            guint         cell_index)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);

  for (guint t = 0; t < NB_N_TABLES; t++)
    if (nb_table_grid_select_cell (NB_TABLE_GRID (self->grids[t]), cell_index))
      return TRUE;
  return FALSE;
}

GtkWidget *
nb_report_view_get_grid (NbReportView *self,
                         NbTableId     table)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  g_return_val_if_fail (table < NB_N_TABLES, NULL);
  return self->grids[table];
}

/* The source pane, for tests that look at what it shows. */
GtkWidget *
nb_report_view_get_source_view (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return GTK_WIDGET (self->source_view);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  set_busy (g_task_get_source_object (task), FALSE);

  if (!nb_report_file_save_finish (NB_REPORT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
nb_report_view_save_async (NbReportView        *self,
                           const char          *path,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (self->report != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, nb_report_view_save_async);

  /* One save at a time: win.save is off while the view is busy. */
  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The report is being saved already"));
      g_object_unref (task);
      return;
    }

  /* Text typed in a section that still has the focus counts too. */
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    commit_section (self, s);

  set_busy (self, TRUE);

  nb_report_file_save_async (self->report, path, NULL, on_saved, task);
}

gboolean
nb_report_view_save_finish (NbReportView  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Narrow windows ---------------------------------------------------- */

/* Below this width the source goes above the data instead of beside it. */
#define NARROW_WIDTH 900

static gboolean
apply_orientation (gpointer data)
{
  NbReportView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkOrientation orientation = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                                    : GTK_ORIENTATION_HORIZONTAL;

  self->orientation_idle = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != orientation)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
      gtk_paned_set_position (self->paned, orientation == GTK_ORIENTATION_VERTICAL
                                             ? gtk_widget_get_height (GTK_WIDGET (self)) / 3
                                             : width * 2 / 5);
    }
  return G_SOURCE_REMOVE;
}

static void
nb_report_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (NB_REPORT_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
nb_report_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NbReportView *self = NB_REPORT_VIEW (widget);
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  /* The layout cannot change during an allocation: on the next idle. */
  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) &&
      self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (apply_orientation, self);
}

/* ---- Properties ------------------------------------------------------- */

NbReport *
nb_report_view_get_report (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->report;
}

/* The problems the checks find in the report, or NULL before it loads. */
GListModel *
nb_report_view_get_problems (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->checker ? nb_checker_get_problems (self->checker) : NULL;
}

GFile *
nb_report_view_get_file (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->file;
}

/* Valid until the title changes ("notify::title"). */
const char *
nb_report_view_get_title (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->title ? self->title : _("Report");
}

gboolean
nb_report_view_get_busy (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);
  return self->busy;
}

gboolean
nb_report_view_get_modified (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);
  return self->report != NULL && nb_report_get_modified (self->report);
}

const char *
nb_report_view_get_error (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);
  return self->error;
}

static void
nb_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_TITLE:
      g_value_set_string (value, nb_report_view_get_title (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, nb_report_view_get_modified (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_view_dispose (GObject *object)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_REPORT_VIEW);

  G_OBJECT_CLASS (nb_report_view_parent_class)->dispose (object);
}

static void
nb_report_view_finalize (GObject *object)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->checker);
  g_clear_object (&self->report);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (nb_report_view_parent_class)->finalize (object);
}

static void
nb_report_view_class_init (NbReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_report_view_dispose;
  object_class->finalize = nb_report_view_finalize;
  object_class->get_property = nb_report_view_get_property;
  widget_class->measure = nb_report_view_measure;
  widget_class->size_allocate = nb_report_view_size_allocate;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "view.cancel", NULL, cancel_action);

  gtk_widget_class_set_css_name (widget_class, "reportview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, spinner);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, password_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, paned);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, source_view);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, data_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, title_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, agency_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, year_row);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, problems_group);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, tables_box);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_agency_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_year_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);

  g_type_ensure (NB_TYPE_SOURCE_VIEW);
}

static void
nb_report_view_init (NbReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_tables (self);
  build_sections (self);
  update_problems_title (self);
}

NbReportView *
nb_report_view_new (void)
{
  return g_object_new (NB_TYPE_REPORT_VIEW, NULL);
}
