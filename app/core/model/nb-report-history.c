/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report"

#include "config.h"

#include <string.h>

#include "nb-report-private.h"

/* What a person did to a report, to undo and redo, and the save point: the
 * report is modified exactly when its newest edit is not the one it had when
 * it was last saved (undoing back to the saved state is not a change). */

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  g_clear_pointer (&edit->text[0], g_free);
  g_clear_pointer (&edit->text[1], g_free);
}

void
_nb_report_history_init (NbReport *self)
{
  self->undo = g_array_new (FALSE, TRUE, sizeof (Edit));
  self->redo = g_array_new (FALSE, TRUE, sizeof (Edit));
  g_array_set_clear_func (self->undo, edit_clear);
  g_array_set_clear_func (self->redo, edit_clear);
  self->next_serial = 1;
  self->saved_reachable = TRUE;
}

void
_nb_report_history_clear (NbReport *self)
{
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
}

static guint64
top_serial (NbReport *self)
{
  return self->undo->len ? g_array_index (self->undo, Edit, self->undo->len - 1).serial : 0;
}

static void
update_modified (NbReport *self)
{
  gboolean modified = !self->saved_reachable || top_serial (self) != self->saved_serial;

  if (self->modified == (guint) modified)
    return;
  self->modified = modified;
  _nb_report_notify (self, PROP_MODIFIED);
}

static void
notify_history (NbReport *self)
{
  _nb_report_notify (self, PROP_CAN_UNDO);
  _nb_report_notify (self, PROP_CAN_REDO);
  update_modified (self);
}

gboolean
_nb_report_recording (NbReport *self)
{
  return !self->importing && !self->replaying;
}

void
_nb_report_push_edit (NbReport *self,
                      Edit     *edit)
{
  /* The saved state was undone past: dropping the redo stack loses it. */
  for (guint i = 0; i < self->redo->len; i++)
    if (g_array_index (self->redo, Edit, i).serial == self->saved_serial)
      self->saved_reachable = FALSE;

  edit->serial = self->next_serial++;
  g_array_append_val (self->undo, *edit);
  g_array_set_size (self->redo, 0);
  notify_history (self);
}

static void apply_edit (NbReport *self, const Edit *edit, guint side);

static void
move_edit (NbReport *self,
           GArray   *from,
           GArray   *to,
           guint     side)
{
  Edit edit;

  if (from->len == 0)
    return;

  /* Take the edit out without running its clear func: it moves. */
  edit = g_array_index (from, Edit, from->len - 1);
  memset (&g_array_index (from, Edit, from->len - 1), 0, sizeof (Edit));
  g_array_set_size (from, from->len - 1);

  self->replaying = TRUE;
  apply_edit (self, &edit, side);
  self->replaying = FALSE;

  g_array_append_val (to, edit);
  notify_history (self);
}

gboolean
nb_report_can_undo (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
nb_report_can_redo (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->redo->len > 0;
}

void
nb_report_undo (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));
  move_edit (self, self->undo, self->redo, 0);
}

void
nb_report_redo (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));
  move_edit (self, self->redo, self->undo, 1);
}

guint
nb_report_get_n_edits (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->undo->len;
}

gboolean
nb_report_get_modified (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->modified;
}

/* FALSE marks the save point: the report as it is now is the saved one.
 * TRUE says the saved state is gone whatever is undone. */
void
nb_report_set_modified (NbReport *self,
                        gboolean  modified)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (modified)
    self->saved_reachable = FALSE;
  else
    {
      self->saved_serial = top_serial (self);
      self->saved_reachable = TRUE;
    }
  update_modified (self);
}

static void
apply_edit (NbReport   *self,
            const Edit *edit,
            guint       side)
{
  switch (edit->kind)
    {
    case EDIT_CELL:
      nb_report_edit_cell (self, edit->index, edit->state[side], edit->value[side]);
      break;
    case EDIT_AGENCY:
      nb_report_set_agency (self, edit->text[side]);
      break;
    case EDIT_TITLE:
      nb_report_set_title (self, edit->text[side]);
      break;
    case EDIT_YEAR:
      nb_report_set_year (self, edit->year[side]);
      break;
    case EDIT_SECTION:
      nb_report_set_section_text (self, edit->index, edit->text[side]);
      break;
    default:
      g_assert_not_reached ();
    }
}

