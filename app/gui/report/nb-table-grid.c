/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-table-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-enums.h"
#include "nb-problem.h"
#include "nb-table-grid.h"
#include "nb-value.h"

/* One table of the report as the printed template lays it out: merged
 * headers, row titles at the left and one entry per cell.  The layout is
 * built from the template data for the edition the report's table follows,
 * so a 2019 S3 has its one-row （六） and a 2021 S3 its three sub-rows.
 *
 * Entries are edited like a spreadsheet: Enter commits and moves down,
 * Tab moves right, Escape goes back to the report's value.  A value the
 * report refuses stays in the entry, marked, until it is fixed. */

typedef struct
{
  NbTableGrid     *self;
  const NbCellDef *def;
  GtkWidget       *entry;
  int              row;       /* grid position, to move up and down */
  int              column;
  char            *error;     /* why the typed text was refused, or NULL */
  char            *problems;  /* messages of the problems it is part of, or NULL */
  guint            read_only : 1;
} CellView;

struct _NbTableGrid
{
  GtkWidget          parent_instance;

  NbTableId          table;
  NbReport          *report;
  GListModel        *problems;   /* NbProblem, from the report's checker */
  const NbTableDef  *def;        /* the edition the grid is laid out for */

  GtkWidget         *grid;
  GtkWidget         *message;
  GtkSizeGroup      *columns;    /* the column titles */

  GPtrArray         *cells;      /* CellView, in row-major order */
  GHashTable        *by_index;   /* cell index → CellView */

  guint              rebuild_source;
  guint              rebuilding : 1;
};

G_DEFINE_FINAL_TYPE (NbTableGrid, nb_table_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_REPORT,
  PROP_PROBLEMS,
  N_PROPS
};

enum {
  CELL_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GQuark cell_view_quark;

static void rebuild (NbTableGrid *self);

/* ---- Cell views ------------------------------------------------------ */

static void
cell_view_free (gpointer data)
{
  CellView *cv = data;

  /* The entry may outlive us for a moment (a pending focus change):
   * its handlers find no cell view and do nothing. */
  g_object_set_qdata (G_OBJECT (cv->entry), cell_view_quark, NULL);
  g_free (cv->error);
  g_free (cv->problems);
  g_free (cv);
}

static CellView *
cell_view_from_widget (GtkWidget *widget)
{
  return g_object_get_qdata (G_OBJECT (widget), cell_view_quark);
}

static char *
dup_model_text (NbTableGrid     *self,
                const NbCellDef *def)
{
  double value = 0;

  if (self->report == NULL ||
      nb_report_get_cell (self->report, def->index, &value) == NB_CELL_MISSING)
    return g_strdup ("");
  return nb_value_format (value, def->kind);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
cell_view_update_tooltip (CellView *cv)
{
  const char *note = NULL;

  if (cv->error == NULL && cv->self->report != NULL)
    note = nb_report_get_cell_note (cv->self->report, cv->def->index);
  gtk_widget_set_tooltip_text (cv->entry, cv->error ? cv->error : note);
}

/* Shows what the report holds, unless the person's refused text is there. */
static void
cell_view_refresh (CellView *cv)
{
  NbTableGrid *self = cv->self;
  g_autofree char *text = NULL;
  NbCellState state = NB_CELL_MISSING;

  if (cv->error != NULL)
    return;

  if (self->report != NULL)
    state = nb_report_get_cell (self->report, cv->def->index, NULL);
  text = dup_model_text (self, cv->def);

  /* Setting the same text would move the cursor of the cell being typed in. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cv->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (cv->entry), text);

  set_css_class (cv->entry, "missing", state == NB_CELL_MISSING);
  cell_view_update_tooltip (cv);
}

static char *
dup_cell_label (const NbCellDef *def)
{
  /* Translators: how a screen reader names a cell: row title, column title */
  return g_strdup_printf (_("%s, %s"), _(def->row->title), _(def->column->title));
}

static void
update_message (NbTableGrid *self,
                CellView    *preferred)
{
  CellView *shown = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (preferred != NULL && preferred->error != NULL)
    shown = preferred;
  for (guint i = 0; shown == NULL && i < self->cells->len; i++)
    {
      CellView *cv = g_ptr_array_index (self->cells, i);

      if (cv->error != NULL)
        shown = cv;
    }

  if (shown == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->message), "");
      gtk_widget_set_visible (self->message, FALSE);
      return;
    }

  label = dup_cell_label (shown->def);
  /* Translators: the cell ("row, column"), then why its value was refused */
  text = g_strdup_printf (_("%s: %s"), label, shown->error);
  gtk_label_set_text (GTK_LABEL (self->message), text);
  gtk_widget_set_visible (self->message, TRUE);
}

static void
cell_view_set_error (CellView   *cv,
                     const char *message)
{
  g_free (cv->error);
  cv->error = g_strdup (message);

  gtk_widget_add_css_class (cv->entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (cv->entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  cell_view_update_tooltip (cv);
  update_message (cv->self, cv);
}

static void
cell_view_clear_error (CellView *cv)
{
  if (cv->error == NULL)
    return;

  g_clear_pointer (&cv->error, g_free);
  gtk_widget_remove_css_class (cv->entry, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (cv->entry), GTK_ACCESSIBLE_STATE_INVALID);
  cell_view_update_tooltip (cv);
  update_message (cv->self, NULL);
}

static void
cell_view_set_problems (CellView   *cv,
                        const char *problems)
{
  if (g_strcmp0 (cv->problems, problems) == 0)
    return;

  g_free (cv->problems);
  cv->problems = g_strdup (problems);

  /* An icon as well as a colour: the mark must not rely on colour alone. */
  set_css_class (cv->entry, "problem", problems != NULL);
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (cv->entry), GTK_ENTRY_ICON_SECONDARY,
                                     problems ? "dialog-warning-symbolic" : NULL);
  if (problems != NULL)
    {
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (cv->entry), GTK_ENTRY_ICON_SECONDARY,
                                       problems);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cv->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problems,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (cv->entry),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Hands the typed text to the report when it differs from the report's
 * value.  FALSE when the report refuses it: the text stays, marked. */
static gboolean
cell_view_commit (CellView *cv)
{
  NbTableGrid *self = cv->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *model_text = NULL;
  g_autofree char *text = NULL;

  if (self->report == NULL || self->rebuilding ||
      !gtk_editable_get_editable (GTK_EDITABLE (cv->entry)))
    return TRUE;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cv->entry)));
  model_text = dup_model_text (self, cv->def);
  if (g_strcmp0 (text, model_text) == 0)
    {
      cell_view_clear_error (cv);
      return TRUE;
    }

  if (!nb_report_edit_cell_text (self->report, cv->def->index, text, &error))
    {
      cell_view_set_error (cv, error->message);
      return FALSE;
    }

  /* "０２" for 2 changes nothing in the report, so no signal tells us. */
  cell_view_clear_error (cv);
  cell_view_refresh (cv);
  return TRUE;
}

static gboolean
cell_view_revert (CellView *cv)
{
  g_autofree char *model_text = dup_model_text (cv->self, cv->def);

  if (cv->error == NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cv->entry)), model_text) == 0)
    return FALSE;

  cell_view_clear_error (cv);
  cell_view_refresh (cv);
  gtk_editable_select_region (GTK_EDITABLE (cv->entry), 0, -1);
  return TRUE;
}

/* ---- Moving between cells ------------------------------------------ */

/* The nearest cell in the nearest grid row above or below: blocks of S2
 * have different columns, so the closest column wins. */
static CellView *
find_vertical (NbTableGrid *self,
               CellView    *from,
               int          direction)
{
  CellView *best = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      CellView *cv = g_ptr_array_index (self->cells, i);

      if (direction > 0 ? cv->row <= from->row : cv->row >= from->row)
        continue;

      if (best == NULL ||
          (direction > 0 ? cv->row < best->row : cv->row > best->row))
        best = cv;
      else if (cv->row == best->row &&
               ABS (cv->column - from->column) < ABS (best->column - from->column))
        best = cv;
    }

  return best;
}

/* After the last row, Enter goes on at the top of the next column, so a
 * column typed from the printed page runs into the next one. */
static CellView *
find_next_column_top (NbTableGrid *self,
                      CellView    *from)
{
  CellView *best = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      CellView *cv = g_ptr_array_index (self->cells, i);

      if (cv->column <= from->column)
        continue;
      if (best == NULL || cv->column < best->column ||
          (cv->column == best->column && cv->row < best->row))
        best = cv;
    }

  return best;
}

static CellView *
find_sibling (NbTableGrid *self,
              CellView    *from,
              int          step)
{
  guint position;

  if (!g_ptr_array_find (self->cells, from, &position))
    return NULL;
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= self->cells->len))
    return NULL;
  return g_ptr_array_index (self->cells, position + step);
}

static gboolean
move_to (CellView *from,
         CellView *to)
{
  if (to == NULL)
    return FALSE;

  /* A refused value keeps the focus, so its message is read where it is. */
  if (!cell_view_commit (from))
    return TRUE;

  gtk_widget_grab_focus (to->entry);
  return TRUE;
}

/* ---- Entry handlers ---------------------------------------------------- */

static void
on_cell_activate (GtkEntry *entry,
                  gpointer  user_data)
{
  CellView *cv = cell_view_from_widget (GTK_WIDGET (entry));
  CellView *below;

  if (cv == NULL)
    return;

  below = find_vertical (cv->self, cv, 1);
  if (below == NULL)
    below = find_next_column_top (cv->self, cv);

  if (!move_to (cv, below))
    cell_view_commit (cv);
}

static gboolean
on_cell_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  CellView *cv = cell_view_from_widget (entry);

  if (cv == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      return cell_view_revert (cv);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Past the first or last cell, focus leaves the grid as usual. */
      if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0)
        return move_to (cv, find_sibling (cv->self, cv, -1));
      return move_to (cv, find_sibling (cv->self, cv, 1));

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_to (cv, find_vertical (cv->self, cv, -1));
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_to (cv, find_vertical (cv->self, cv, 1));
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  CellView *cv = cell_view_from_widget (entry);

  if (cv == NULL || cv->self->rebuilding)
    return;

  g_signal_emit (cv->self, signals[CELL_SELECTED], 0, cv->def->index);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  CellView *cv = cell_view_from_widget (entry);

  if (cv == NULL)
    return;

  cell_view_commit (cv);
}

/* ---- Building the layout ----------------------------------------------- */

static GtkWidget *
add_header (NbTableGrid *self,
            const char  *text,
            const char  *tooltip,
            int          column,
            int          row,
            int          width,
            int          height)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12 * width);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_add_css_class (label, "header");
  gtk_grid_attach (GTK_GRID (self->grid), label, column, row, width, height);

  return label;
}

/* One column's title: all of them as wide as the widest, so the value
 * columns line up evenly as in the printed table. */
static void
add_column_title (NbTableGrid       *self,
                  const NbColumnDef *column,
                  int                grid_column,
                  int                grid_row,
                  int                width,
                  int                height)
{
  GtkWidget *label = add_header (self, _(column->title), column->label,
                                 grid_column, grid_row, width, height);

  if (width == 1)
    gtk_size_group_add_widget (self->columns, label);
}

static void
add_corner (NbTableGrid *self,
            int          grid_row,
            int          height)
{
  GtkWidget *corner = gtk_label_new (NULL);

  gtk_widget_add_css_class (corner, "corner");
  gtk_grid_attach (GTK_GRID (self->grid), corner, 0, grid_row, 1, height);
}

static void
add_row_title (NbTableGrid    *self,
               const NbRowDef *row,
               int             grid_row,
               guint           depth)
{
  GtkWidget *label = gtk_label_new (_(row->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  /* The template's own words, for whoever reads the printed report beside. */
  gtk_widget_set_tooltip_text (label, row->label);
  gtk_widget_add_css_class (label, "row-title");
  set_css_class (label, "indented", depth > 0);
  set_css_class (label, "nested", depth > 1);
  set_css_class (label, "derived",
                 (row->flags & NB_ROW_AGGREGATE) &&
                 !nb_template_row_in_version (row, self->def->version));
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, grid_row, 1, 1);
}

static void
add_section_title (NbTableGrid *self,
                   const char  *text,
                   int          grid_row,
                   int          width,
                   guint        depth)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "section-title");
  set_css_class (label, "indented", depth > 0);
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, grid_row, width, 1);
}

static void
add_cell (NbTableGrid       *self,
          const NbRowDef    *row,
          const NbColumnDef *column,
          int                grid_column,
          int                grid_row,
          int                width)
{
  const NbCellDef *def = nb_template_find_cell (self->def, row, column);
  g_autofree char *label = NULL;
  GtkEventController *controller;
  GtkWidget *entry;
  CellView *cv;

  g_assert (def != NULL);
  if (self->report != NULL && !nb_report_has_cell (self->report, def->index))
    return;

  entry = gtk_entry_new ();
  gtk_widget_add_css_class (entry, "cell");
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  /* Ctrl+Z undoes the report's edits (win.undo), as in a spreadsheet;
   * typing not yet committed is put back with Escape. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), def->kind == NB_VALUE_AMOUNT ? 8 : 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), def->kind == NB_VALUE_AMOUNT ? 12 : 6);
  /* Not a zero: the report does not give this cell. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "—");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry),
                               def->kind == NB_VALUE_COUNT ? GTK_INPUT_PURPOSE_DIGITS
                                                           : GTK_INPUT_PURPOSE_NUMBER);

  label = dup_cell_label (def);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  cv = g_new0 (CellView, 1);
  cv->self = self;
  cv->def = def;
  cv->entry = entry;
  cv->row = grid_row;
  cv->column = grid_column;
  /* In a 2021 table the one-row （六） is the sum of its sub-rows. */
  cv->read_only = (row->flags & NB_ROW_AGGREGATE) &&
                  !nb_template_row_in_version (row, self->def->version);
  gtk_editable_set_editable (GTK_EDITABLE (entry), !cv->read_only);
  set_css_class (entry, "derived", cv->read_only);
  g_object_set_qdata (G_OBJECT (entry), cell_view_quark, cv);
  g_ptr_array_add (self->cells, cv);
  g_hash_table_insert (self->by_index, GUINT_TO_POINTER (def->index), cv);

  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_activate), NULL);

  /* Capture: the entry's text would take the arrows and Escape first. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_cell_key_pressed), NULL);
  gtk_widget_add_controller (entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_cell_focus_enter), NULL);
  g_signal_connect (controller, "leave", G_CALLBACK (on_cell_focus_leave), NULL);
  gtk_widget_add_controller (entry, controller);

  gtk_grid_attach (GTK_GRID (self->grid), entry, grid_column, grid_row, width, 1);
}

static gboolean
row_shown (const NbTableDef *def,
           const NbRowDef   *row)
{
  /* A 2021 table keeps the （六） aggregate, shown as their sum. */
  return nb_template_row_in_version (row, def->version) || (row->flags & NB_ROW_AGGREGATE);
}

/* S2: a block per article of the Regulations, each with its own column
 * titles; a block narrower than the widest stretches its last column, as
 * the printed table does. */
static void
build_s2 (NbTableGrid *self)
{
  const NbTableDef *def = self->def;
  guint width = 0;
  int y = 0;

  for (guint r = 0; r < def->n_rows; r++)
    width = MAX (width, def->rows[r].n_columns);

  for (guint r = 0; r < def->n_rows;)
    {
      const NbRowDef *first = &def->rows[r];
      guint end = r;

      while (end < def->n_rows && g_strcmp0 (def->rows[end].group, first->group) == 0)
        end++;

      if (first->group != NULL)
        add_header (self, first->group, NULL, 0, y++, 1 + width, 1);

      add_corner (self, y, 1);
      for (guint c = 0; c < first->n_columns; c++)
        {
          const NbColumnDef *column = &def->columns[first->first_column + c];
          int span = c + 1 == first->n_columns ? (int) (width - c) : 1;

          add_column_title (self, column, 1 + c, y, span, 1);
        }
      y++;

      for (; r < end; r++)
        {
          const NbRowDef *row = &def->rows[r];

          if (!row_shown (def, row))
            continue;

          add_row_title (self, row, y, 0);
          for (guint c = 0; c < row->n_columns; c++)
            {
              int span = c + 1 == row->n_columns ? (int) (width - c) : 1;

              add_cell (self, row, &def->columns[row->first_column + c], 1 + c, y, span);
            }
          y++;
        }
    }
}

/* S3: applicants across, in two header levels; rows down, the result rows
 * indented under their group, sub-groups (（三）不予公开 …) titled. */
static void
build_s3 (NbTableGrid *self)
{
  const NbTableDef *def = self->def;
  g_autoptr(GPtrArray) titled = g_ptr_array_new ();
  const char *top_group = NULL;
  int y;

  add_corner (self, 0, 3);
  add_header (self, _("Applicants"), NULL, 1, 0, def->n_columns, 1);
  for (guint c = 0; c < def->n_columns;)
    {
      const NbColumnDef *column = &def->columns[c];
      guint end = c;

      if (column->group == NULL)
        {
          add_column_title (self, column, 1 + c, 1, 1, 2);
          c++;
          continue;
        }

      while (end < def->n_columns && g_strcmp0 (def->columns[end].group, column->group) == 0)
        end++;
      /* The template's one column group; its own words in the tooltip. */
      add_header (self, _("Legal persons or other organisations"), column->group,
                  1 + c, 1, end - c, 1);
      for (; c < end; c++)
        add_column_title (self, &def->columns[c], 1 + c, 2, 1, 1);
    }

  y = 3;
  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *row = &def->rows[r];
      guint depth = 0;

      if (!row_shown (def, row))
        continue;

      /* The first group after ungrouped rows is the outer one (三、本年度
       * 办理结果); any other group inside it is one of its sub-groups. */
      if (row->group == NULL)
        top_group = NULL;
      else if (top_group == NULL)
        top_group = row->group;
      if (row->group != NULL)
        depth = g_strcmp0 (row->group, top_group) == 0 ? 1 : 2;

      /* Each group is titled once, where it starts: the outer group is
       * not titled again after its sub-groups. */
      if (row->group != NULL && !g_ptr_array_find_with_equal_func (titled, row->group,
                                                                    g_str_equal, NULL))
        {
          add_section_title (self, row->group, y++, 1 + def->n_columns, depth - 1);
          g_ptr_array_add (titled, (gpointer) row->group);
        }

      add_row_title (self, row, y, depth);
      for (guint c = 0; c < row->n_columns; c++)
        add_cell (self, row, &def->columns[row->first_column + c], 1 + c, y, 1);
      y++;
    }
}

/* S4: printed as one row of fifteen cells under three groups, the two
 * lawsuit groups under one "Administrative lawsuit" header. */
static void
build_s4 (NbTableGrid *self)
{
  const NbTableDef *def = self->def;
  int x = 0;

  for (guint r = 0; r < def->n_rows;)
    {
      const NbRowDef *row = &def->rows[r];
      guint end = r;
      int span = 0;

      if (!row_shown (def, row))
        {
          r++;
          continue;
        }

      if (row->group == NULL)
        {
          add_header (self, _(row->title), row->label, x, 0, row->n_columns, 2);
          x += row->n_columns;
          r++;
          continue;
        }

      while (end < def->n_rows && g_strcmp0 (def->rows[end].group, row->group) == 0)
        end++;
      for (guint g = r; g < end; g++)
        if (row_shown (def, &def->rows[g]))
          span += def->rows[g].n_columns;

      /* The template's one row group; its own words in the tooltip. */
      add_header (self, _("Administrative lawsuit"), row->group, x, 0, span, 1);
      for (; r < end; r++)
        {
          if (!row_shown (def, &def->rows[r]))
            continue;
          add_header (self, _(def->rows[r].title), def->rows[r].label,
                      x, 1, def->rows[r].n_columns, 1);
          x += def->rows[r].n_columns;
        }
    }

  x = 0;
  for (guint r = 0; r < def->n_rows; r++)
    {
      const NbRowDef *row = &def->rows[r];

      if (!row_shown (def, row))
        continue;

      for (guint c = 0; c < row->n_columns; c++)
        {
          const NbColumnDef *column = &def->columns[row->first_column + c];

          add_column_title (self, column, x, 2, 1, 1);
          add_cell (self, row, column, x, 3, 1);
          x++;
        }
    }
}

static void
clear_cells (NbTableGrid *self)
{
  g_hash_table_remove_all (self->by_index);
  g_ptr_array_set_size (self->cells, 0);
}

static void
update_problem_marks (NbTableGrid *self)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (self->problems != NULL)
    {
      GListModel *problems = self->problems;
      guint n = g_list_model_get_n_items (problems);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);
          const char *const *ids = nb_problem_get_cells (problem);

          for (guint j = 0; ids[j] != NULL; j++)
            {
              const NbCellDef *def = nb_template_lookup_cell (ids[j]);
              CellView *cv;
              char *old;

              if (def == NULL)
                continue;
              cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (def->index));
              if (cv == NULL)
                continue;

              old = g_hash_table_lookup (messages, cv);
              g_hash_table_insert (messages, cv,
                                   old ? g_strconcat (old, "\n", nb_problem_get_message (problem), NULL)
                                       : g_strdup (nb_problem_get_message (problem)));
            }
        }
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      CellView *cv = g_ptr_array_index (self->cells, i);

      cell_view_set_problems (cv, g_hash_table_lookup (messages, cv));
    }
}

static void
rebuild (NbTableGrid *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  /* Focus leaves the old entries as they go: they have no cell view by
   * then, so nothing is committed. */
  self->rebuilding = TRUE;
  clear_cells (self);
  if (self->grid != NULL)
    gtk_widget_unparent (self->grid);

  self->def = self->report != NULL ? nb_report_get_table_def (self->report, self->table)
                                   : nb_template_get_table (self->table, NB_TEMPLATE_2021);

  g_clear_object (&self->columns);
  self->columns = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->grid = gtk_grid_new ();
  gtk_widget_add_css_class (self->grid, "table");
  gtk_widget_set_halign (self->grid, GTK_ALIGN_START);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_insert_before (self->grid, GTK_WIDGET (self), self->message);

  switch (self->table)
    {
    case NB_TABLE_S2:
      build_s2 (self);
      break;
    case NB_TABLE_S3:
      build_s3 (self);
      break;
    case NB_TABLE_S4:
      build_s4 (self);
      break;
    case NB_N_TABLES:
    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->def->title),
                                  -1);
  gtk_widget_set_sensitive (self->grid, self->report != NULL);

  for (guint i = 0; i < self->cells->len; i++)
    cell_view_refresh (g_ptr_array_index (self->cells, i));
  update_problem_marks (self);
  update_message (self, NULL);

  self->rebuilding = FALSE;
}

/* ---- The report ------------------------------------------------------ */

static void
rebuild_cb (gpointer user_data)
{
  NbTableGrid *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
}

/* The report does not announce a change of edition: notice it when its
 * cells change, and rebuild once the current handler has returned (it may
 * be running for one of the entries a rebuild removes). */
static void
check_edition (NbTableGrid *self)
{
  if (self->report == NULL || self->rebuild_source != 0 ||
      nb_report_get_table_def (self->report, self->table) == self->def)
    return;

  self->rebuild_source = g_idle_add_once (rebuild_cb, self);
}

static void
on_cell_changed (NbTableGrid *self,
                 guint        index,
                 NbReport    *report)
{
  CellView *cv;

  check_edition (self);

  cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (index));
  if (cv != NULL)
    cell_view_refresh (cv);
}

static void
on_problems_changed (NbTableGrid *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *problems)
{
  check_edition (self);
  update_problem_marks (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
nb_table_grid_constructed (GObject *object)
{
  NbTableGrid *self = NB_TABLE_GRID (object);

  G_OBJECT_CLASS (nb_table_grid_parent_class)->constructed (object);

  rebuild (self);
}

static void
nb_table_grid_dispose (GObject *object)
{
  NbTableGrid *self = NB_TABLE_GRID (object);
  GtkWidget *child;

  self->rebuilding = TRUE;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  clear_cells (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->grid = NULL;
  self->message = NULL;
  g_clear_object (&self->columns);

  if (self->report != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->report, self);
      g_clear_object (&self->report);
    }
  if (self->problems != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->problems, self);
      g_clear_object (&self->problems);
    }

  G_OBJECT_CLASS (nb_table_grid_parent_class)->dispose (object);
}

static void
nb_table_grid_finalize (GObject *object)
{
  NbTableGrid *self = NB_TABLE_GRID (object);

  g_clear_pointer (&self->by_index, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_table_grid_parent_class)->finalize (object);
}

static void
nb_table_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NbTableGrid *self = NB_TABLE_GRID (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_enum (value, self->table);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NbTableGrid *self = NB_TABLE_GRID (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_enum (value);
      break;
    case PROP_REPORT:
      nb_table_grid_set_report (self, g_value_get_object (value));
      break;
    case PROP_PROBLEMS:
      nb_table_grid_set_problems (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_grid_class_init (NbTableGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_table_grid_constructed;
  object_class->dispose = nb_table_grid_dispose;
  object_class->finalize = nb_table_grid_finalize;
  object_class->get_property = nb_table_grid_get_property;
  object_class->set_property = nb_table_grid_set_property;

  properties[PROP_TABLE] =
    g_param_spec_enum ("table", NULL, NULL, NB_TYPE_TABLE_ID, NB_TABLE_S2,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbTableGrid::cell-selected:
   * @cell_index: the cell's index in nb_template_get_cells ()
   *
   * A cell's entry got the focus.
   */
  signals[CELL_SELECTED] =
    g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "tablegrid");
  cell_view_quark = g_quark_from_static_string ("nb-table-grid-cell-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nb_table_grid_init (NbTableGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->cells = g_ptr_array_new_with_free_func (cell_view_free);
  self->by_index = g_hash_table_new (NULL, NULL);

  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_widget_set_parent (self->message, GTK_WIDGET (self));
}

/* ---- API ------------------------------------------------------------- */

GtkWidget *
nb_table_grid_new (NbTableId table)
{
  g_return_val_if_fail (table < NB_N_TABLES, NULL);

  return g_object_new (NB_TYPE_TABLE_GRID, "table", table, NULL);
}

NbTableId
nb_table_grid_get_table (NbTableGrid *self)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NB_TABLE_S2);

  return self->table;
}

NbReport *
nb_table_grid_get_report (NbTableGrid *self)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  return self->report;
}

void
nb_table_grid_set_report (NbTableGrid *self,
                          NbReport    *report)
{
  g_return_if_fail (NB_IS_TABLE_GRID (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  if (self->report == report)
    return;

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);

  g_set_object (&self->report, report);

  if (report != NULL)
    g_signal_connect_object (report, "cell-changed",
                             G_CALLBACK (on_cell_changed), self,
                             G_CONNECT_SWAPPED);

  /* Constructing with a report builds once, in constructed. */
  if (self->grid != NULL)
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

GListModel *
nb_table_grid_get_problems (NbTableGrid *self)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  return self->problems;
}

/* The problems to mark in the grid: the report's checker's list. */
void
nb_table_grid_set_problems (NbTableGrid *self,
                            GListModel  *problems)
{
  g_return_if_fail (NB_IS_TABLE_GRID (self));
  g_return_if_fail (problems == NULL || G_IS_LIST_MODEL (problems));

  if (self->problems == problems)
    return;

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);

  g_set_object (&self->problems, problems);

  if (problems != NULL)
    g_signal_connect_object (problems, "items-changed",
                             G_CALLBACK (on_problems_changed), self,
                             G_CONNECT_SWAPPED);

  update_problem_marks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

/**
 * nb_table_grid_select_cell:
 * @cell_index: the cell's index in nb_template_get_cells ()
 *
 * Focuses the cell's entry, which a scrolled window around the grid
 * brings into view.
 *
 * Returns: %FALSE if the cell is not shown in this grid
 */
gboolean
nb_table_grid_select_cell (NbTableGrid *self,
                           guint        cell_index)
{
  CellView *cv;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), FALSE);

  cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (cell_index));
  if (cv == NULL)
    return FALSE;

  gtk_widget_grab_focus (cv->entry);
  return TRUE;
}

GtkWidget *
nb_table_grid_get_cell_widget (NbTableGrid *self,
                               guint        cell_index)
{
  CellView *cv;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (cell_index));
  return cv ? cv->entry : NULL;
}
