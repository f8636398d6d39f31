/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-problem.h"
#include "nb-report-view-private.h"
#include "nb-table-grid.h"

/* What the report view shows of its report: the header fields, the
 * problems the checker finds, the tables as grids and the prose. */

/* ---- Header fields ---------------------------------------------------- */

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
  GListModel *problems = nb_report_view_get_problems (self);
  guint n = problems ? g_list_model_get_n_items (problems) : 0;
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
  GListModel *problems = nb_report_view_get_problems (self);
  g_autoptr(NbProblem) problem = NULL;
  const NbCellDef *cell;

  /* The list is bound to the problems: a row's index is its problem's. */
  if (problems != NULL && gtk_list_box_row_get_index (row) >= 0)
    problem = g_list_model_get_item (problems, gtk_list_box_row_get_index (row));
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
      const NbSectionDef *section = nb_template_get_section (def->section);
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
on_report_notify (NbReportView *self)
{
  sync_fields (self);
}

static void
on_problems_changed (NbReportView *self)
{
  update_problems_title (self);
}

/* Shows @report (the document's) in the fields, grids, problems and prose. */
void
_nb_report_view_bind_report (NbReportView *self,
                             NbReport     *report,
                             GListModel   *problems)
{
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_set_object (&self->report, report);

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      nb_table_grid_set_report (NB_TABLE_GRID (self->grids[t]), report);
      nb_table_grid_set_problems (NB_TABLE_GRID (self->grids[t]), problems);
    }
  gtk_list_box_bind_model (self->problems_list, problems, problems ? create_problem_row : NULL,
                           NULL, NULL);
  update_problems_title (self);
  if (report == NULL)
    return;

  g_signal_connect_object (problems, "items-changed",
                           G_CALLBACK (on_problems_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "notify", G_CALLBACK (on_report_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "section-changed", G_CALLBACK (on_section_changed), self,
                           G_CONNECT_SWAPPED);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    sync_section (self, s);
  sync_fields (self);
}

/* Text typed in a section that still has the focus counts too. */
void
_nb_report_view_commit_sections (NbReportView *self)
{
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    commit_section (self, s);
}

void
_nb_report_view_build_content (NbReportView *self)
{
  build_tables (self);
  build_sections (self);
  update_problems_title (self);
}

void
_nb_report_view_class_init_content (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_agency_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_year_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
}
