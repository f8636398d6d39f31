/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-table-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-grid-private.h"
#include "nb-value.h"

/* One cell of the grid: an entry edited like a spreadsheet's.  Enter
 * commits and moves down, Tab moves right, Escape goes back to the
 * report's value.  A value the report refuses stays in the entry, marked,
 * until it is fixed. */

static GQuark cell_view_quark;

void
_nb_table_grid_class_init_cells (void)
{
  cell_view_quark = g_quark_from_static_string ("nb-table-grid-cell-view");
}

void
_nb_cell_view_free (gpointer data)
{
  NbCellView *cv = data;

  /* The entry may outlive us for a moment (a pending focus change):
   * its handlers find no cell view and do nothing. */
  g_object_set_qdata (G_OBJECT (cv->entry), cell_view_quark, NULL);
  g_free (cv->error);
  g_free (cv->problems);
  g_free (cv);
}

static NbCellView *
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
cell_view_update_tooltip (NbCellView *cv)
{
  const char *note = NULL;

  if (cv->error == NULL && cv->self->report != NULL)
    note = nb_report_get_cell_note (cv->self->report, cv->def->index);
  gtk_widget_set_tooltip_text (cv->entry, cv->error ? cv->error : note);
}

/* Shows what the report holds, unless the person's refused text is there. */
void
_nb_cell_view_refresh (NbCellView *cv)
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

void
_nb_table_grid_update_message (NbTableGrid *self,
                               NbCellView  *preferred)
{
  NbCellView *shown = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (preferred != NULL && preferred->error != NULL)
    shown = preferred;
  for (guint i = 0; shown == NULL && i < self->cells->len; i++)
    {
      NbCellView *cv = g_ptr_array_index (self->cells, i);

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
cell_view_set_error (NbCellView *cv,
                     const char *message)
{
  g_free (cv->error);
  cv->error = g_strdup (message);

  gtk_widget_add_css_class (cv->entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (cv->entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  cell_view_update_tooltip (cv);
  _nb_table_grid_update_message (cv->self, cv);
}

static void
cell_view_clear_error (NbCellView *cv)
{
  if (cv->error == NULL)
    return;

  g_clear_pointer (&cv->error, g_free);
  gtk_widget_remove_css_class (cv->entry, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (cv->entry), GTK_ACCESSIBLE_STATE_INVALID);
  cell_view_update_tooltip (cv);
  _nb_table_grid_update_message (cv->self, NULL);
}

void
_nb_cell_view_set_problems (NbCellView *cv,
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
cell_view_commit (NbCellView *cv)
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
  _nb_cell_view_refresh (cv);
  return TRUE;
}

static gboolean
cell_view_revert (NbCellView *cv)
{
  g_autofree char *model_text = dup_model_text (cv->self, cv->def);

  if (cv->error == NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cv->entry)), model_text) == 0)
    return FALSE;

  cell_view_clear_error (cv);
  _nb_cell_view_refresh (cv);
  gtk_editable_select_region (GTK_EDITABLE (cv->entry), 0, -1);
  return TRUE;
}

/* ---- Moving between cells ------------------------------------------ */

/* The nearest cell in the nearest grid row above or below: blocks of S2
 * have different columns, so the closest column wins. */
static NbCellView *
find_vertical (NbTableGrid *self,
               NbCellView  *from,
               int          direction)
{
  NbCellView *best = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      NbCellView *cv = g_ptr_array_index (self->cells, i);

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
static NbCellView *
find_next_column_top (NbTableGrid *self,
                      NbCellView  *from)
{
  NbCellView *best = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      NbCellView *cv = g_ptr_array_index (self->cells, i);

      if (cv->column <= from->column)
        continue;
      if (best == NULL || cv->column < best->column ||
          (cv->column == best->column && cv->row < best->row))
        best = cv;
    }

  return best;
}

static NbCellView *
find_sibling (NbTableGrid *self,
              NbCellView  *from,
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
move_to (NbCellView *from,
         NbCellView *to)
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
  NbCellView *cv = cell_view_from_widget (GTK_WIDGET (entry));
  NbCellView *below;

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
  NbCellView *cv = cell_view_from_widget (entry);

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
  NbCellView *cv = cell_view_from_widget (entry);

  if (cv == NULL || cv->self->rebuilding)
    return;

  _nb_table_grid_cell_selected (cv->self, cv);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  NbCellView *cv = cell_view_from_widget (entry);

  if (cv == NULL)
    return;

  cell_view_commit (cv);
}

/* ---- The entry ------------------------------------------------------- */

/* The entry of a cell box of the layout; the caller attaches it. */
NbCellView *
_nb_cell_view_new (NbTableGrid       *self,
                   const NbLayoutBox *box)
{
  const NbCellDef *def = box->cell;
  g_autofree char *label = NULL;
  GtkEventController *controller;
  GtkWidget *entry;
  NbCellView *cv;

  g_assert (box->kind == NB_LAYOUT_CELL);

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

  cv = g_new0 (NbCellView, 1);
  cv->self = self;
  cv->def = def;
  cv->entry = entry;
  cv->row = box->row;
  cv->column = box->column;
  /* In a 2021 table the one-row （六） is the sum of its sub-rows. */
  cv->read_only = (box->flags & NB_LAYOUT_DERIVED) != 0;
  gtk_editable_set_editable (GTK_EDITABLE (entry), !cv->read_only);
  set_css_class (entry, "derived", cv->read_only);
  g_object_set_qdata (G_OBJECT (entry), cell_view_quark, cv);

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

  return cv;
}
