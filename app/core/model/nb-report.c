/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nb-error.h"
#include "nb-report-private.h"
#include "nb-value.h"

/* NbReport is the single source of truth for one report: its cells with
 * where each came from, and its prose.  Views, the checker, exporters and
 * the library read and change it through this API only; the undo history
 * is in nb-report-history.c. */

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  CELL_CHANGED,
  SECTION_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
nb_report_finalize (GObject *object)
{
  NbReport *self = (NbReport *) object;

  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source_path, g_free);
  g_clear_pointer (&self->source_checksum, g_free);
  g_clear_pointer (&self->file_path, g_free);
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    g_clear_pointer (&self->sections[i], g_free);
  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i].note);
  g_clear_pointer (&self->cells, g_free);
  _nb_report_history_clear (self);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE_PATH:
      g_value_set_string (value, self->source_path);
      break;
    case PROP_FILE_PATH:
      g_value_set_string (value, self->file_path);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nb_report_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nb_report_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      nb_report_set_agency (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      nb_report_set_year (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      nb_report_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_PATH:
      nb_report_set_source_path (self, g_value_get_string (value));
      break;
    case PROP_FILE_PATH:
      nb_report_set_file_path (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      nb_report_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_report_finalize;
  object_class->get_property = nb_report_get_property;
  object_class->set_property = nb_report_set_property;

  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_PATH] =
    g_param_spec_string ("source-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_PATH] =
    g_param_spec_string ("file-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbReport::cell-changed:
   * @index: the cell's index in nb_template_get_cells ()
   *
   * A cell's value, state or source changed.
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SECTION_CHANGED] =
    g_signal_new ("section-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbReport::changed:
   *
   * The cells settled after a change (an edit, with the derived cells that
   * follow from it, or a whole import): the moment to re-run the checks.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nb_report_init (NbReport *self)
{
  self->n_cells = nb_template_get_n_cells ();
  self->cells = g_new0 (Cell, self->n_cells);
  _nb_report_history_init (self);
  for (guint i = 0; i < NB_N_TABLES; i++)
    self->versions[i] = NB_TEMPLATE_2021;
}

NbReport *
nb_report_new (void)
{
  return g_object_new (NB_TYPE_REPORT, NULL);
}

void
_nb_report_notify (NbReport *self,
                   guint     prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* ---- Text fields ----------------------------------------------------- */

static gboolean
set_text (NbReport   *self,
          char      **field,
          const char *text,
          EditKind    kind,
          guint       index)
{
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  if (_nb_report_recording (self))
    {
      Edit edit = { .kind = kind, .index = index };

      edit.text[0] = g_strdup (*field);
      edit.text[1] = g_strdup (text);
      _nb_report_push_edit (self, &edit);
    }

  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

const char *
nb_report_get_agency (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->agency;
}

void
nb_report_set_agency (NbReport   *self,
                      const char *agency)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (set_text (self, &self->agency, agency, EDIT_AGENCY, 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY]);
}

const char *
nb_report_get_title (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->title;
}

void
nb_report_set_title (NbReport   *self,
                     const char *title)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (set_text (self, &self->title, title, EDIT_TITLE, 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->year;
}

void
nb_report_set_year (NbReport *self,
                    int       year)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (self->year == year)
    return;

  if (_nb_report_recording (self))
    {
      Edit edit = { .kind = EDIT_YEAR, .year = { self->year, year } };

      _nb_report_push_edit (self, &edit);
    }

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
nb_report_get_source_path (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->source_path;
}

void
nb_report_set_source_path (NbReport   *self,
                           const char *path)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (g_strcmp0 (self->source_path, path) == 0)
    return;
  g_free (self->source_path);
  self->source_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_PATH]);
}

/* Where the corrected report is saved (a .nianbao file), or NULL. */
const char *
nb_report_get_file_path (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->file_path;
}

void
nb_report_set_file_path (NbReport   *self,
                         const char *path)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (g_strcmp0 (self->file_path, path) == 0)
    return;
  g_free (self->file_path);
  self->file_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_PATH]);
}

/* SHA-256 of the source document as it was read. */
const char *
nb_report_get_source_checksum (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->source_checksum;
}

void
nb_report_set_source_checksum (NbReport   *self,
                               const char *checksum)
{
  g_return_if_fail (NB_IS_REPORT (self));

  g_free (self->source_checksum);
  self->source_checksum = g_strdup (checksum);
}

const char *
nb_report_get_section_text (NbReport  *self,
                            NbSection  section)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (section < NB_N_SECTIONS, NULL);
  return self->sections[section] ? self->sections[section] : "";
}

void
nb_report_set_section_text (NbReport   *self,
                            NbSection   section,
                            const char *text)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (section < NB_N_SECTIONS);

  if (set_text (self, &self->sections[section], text, EDIT_SECTION, section))
    g_signal_emit (self, signals[SECTION_CHANGED], 0, (guint) section);
}

/* ---- Tables ---------------------------------------------------------- */

NbTemplateVersion
nb_report_get_table_version (NbReport  *self,
                             NbTableId  table)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_TEMPLATE_UNKNOWN);
  g_return_val_if_fail (table < NB_N_TABLES, NB_TEMPLATE_UNKNOWN);
  return self->versions[table];
}

void
nb_report_set_table_version (NbReport          *self,
                             NbTableId          table,
                             NbTemplateVersion  version)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (table < NB_N_TABLES);
  g_return_if_fail (version != NB_TEMPLATE_UNKNOWN);

  self->versions[table] = version;
}

const NbTableDef *
nb_report_get_table_def (NbReport  *self,
                         NbTableId  table)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return nb_template_get_table (table, nb_report_get_table_version (self, table));
}

/* Whether the cell belongs to the template edition its table follows here. */
gboolean
nb_report_has_cell (NbReport *self,
                    guint     index)
{
  const NbCellDef *cell;
  const NbTableDef *table;
  const NbRowDef *row;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->n_cells, FALSE);

  cell = &nb_template_get_cells (NULL)[index];
  table = nb_report_get_table_def (self, cell->table->table);
  row = nb_template_find_row (table, cell->row->id);
  if (row == NULL)
    return FALSE;
  for (guint c = 0; c < row->n_columns; c++)
    if (g_str_equal (table->columns[row->first_column + c].id, cell->column->id))
      return (row->flags & NB_ROW_AGGREGATE) || nb_template_row_in_version (row, table->version);
  return FALSE;
}

/* ---- Cells ----------------------------------------------------------- */

NbCellState
nb_report_get_cell (NbReport *self,
                    guint     index,
                    double   *value)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_CELL_MISSING);
  g_return_val_if_fail (index < self->n_cells, NB_CELL_MISSING);

  if (value)
    *value = self->cells[index].value;
  return self->cells[index].state;
}

gboolean
nb_report_lookup_value (NbReport   *self,
                        const char *cell_id,
                        double     *value)
{
  const NbCellDef *def = nb_template_lookup_cell (cell_id);

  g_return_val_if_fail (def != NULL, FALSE);
  return nb_report_get_cell (self, def->index, value) != NB_CELL_MISSING;
}

const NbSource *
nb_report_get_cell_source (NbReport *self,
                           guint     index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return &self->cells[index].source;
}

const char *
nb_report_get_cell_note (NbReport *self,
                         guint     index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return self->cells[index].note;
}

/* The （六） aggregate of a 2021 table is the sum of its three sub-rows,
 * known only when all three are. */
static void
update_aggregate (NbReport *self)
{
  const NbTableDef *s3 = nb_report_get_table_def (self, NB_TABLE_S3);
  const NbRowDef *aggregate = NULL;

  if (s3->version != NB_TEMPLATE_2021)
    return;

  for (guint r = 0; r < s3->n_rows; r++)
    if (s3->rows[r].flags & NB_ROW_AGGREGATE)
      aggregate = &s3->rows[r];
  g_assert (aggregate != NULL);

  for (guint c = 0; c < s3->n_columns; c++)
    {
      const NbCellDef *target = nb_template_find_cell (s3, aggregate, &s3->columns[c]);
      Cell *cell = &self->cells[target->index];
      gboolean known = TRUE;
      double sum = 0;

      for (guint r = 0; r < s3->n_rows; r++)
        {
          const NbCellDef *part;

          if (!(s3->rows[r].flags & NB_ROW_SUB))
            continue;
          part = nb_template_find_cell (s3, &s3->rows[r], &s3->columns[c]);
          if (self->cells[part->index].state == NB_CELL_MISSING)
            known = FALSE;
          sum += self->cells[part->index].value;
        }

      if (known == (cell->state == NB_CELL_DERIVED) && (!known || cell->value == sum))
        continue;

      cell->state = known ? NB_CELL_DERIVED : NB_CELL_MISSING;
      cell->value = known ? sum : 0;
      memset (&cell->source, 0, sizeof cell->source);
      g_signal_emit (self, signals[CELL_CHANGED], 0, target->index);
    }
}

static void
store_cell (NbReport       *self,
            guint           index,
            NbCellState     state,
            double          value,
            const NbSource *source,
            const char     *note)
{
  Cell *cell = &self->cells[index];

  cell->state = state;
  cell->value = state == NB_CELL_MISSING ? 0 : value;
  if (source != NULL)
    cell->source = *source;
  if (note != cell->note)
    {
      g_free (cell->note);
      cell->note = g_strdup (note);
    }

  if (self->importing)
    return;

  g_signal_emit (self, signals[CELL_CHANGED], 0, index);
  update_aggregate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nb_report_set_cell (NbReport       *self,
                    guint           index,
                    NbCellState     state,
                    double          value,
                    const NbSource *source,
                    const char     *note)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);

  store_cell (self, index, state, value, source, note);
}

void
nb_report_edit_cell (NbReport    *self,
                     guint        index,
                     NbCellState  state,
                     double       value)
{
  Cell *cell;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);

  cell = &self->cells[index];
  if (state == NB_CELL_MISSING)
    value = 0;
  if (cell->state == state && cell->value == value)
    return;

  if (_nb_report_recording (self))
    {
      Edit edit = {
        .kind = EDIT_CELL,
        .index = index,
        .state = { cell->state, state },
        .value = { cell->value, value },
      };

      _nb_report_push_edit (self, &edit);
    }

  /* An edit keeps the cell's source: it still points at what was read. */
  store_cell (self, index, state, value, NULL, state == NB_CELL_MISSING ? cell->note : NULL);
}

gboolean
nb_report_edit_cell_text (NbReport    *self,
                          guint        index,
                          const char  *text,
                          GError     **error)
{
  const NbCellDef *def;
  g_autofree char *stripped = NULL;
  double value;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->n_cells, FALSE);

  def = &nb_template_get_cells (NULL)[index];
  stripped = g_strstrip (g_strdup (text ? text : ""));

  if (nb_value_is_blank (stripped))
    {
      nb_report_edit_cell (self, index, NB_CELL_MISSING, 0);
      return TRUE;
    }

  if (!nb_value_parse (stripped, def->kind, &value, error))
    return FALSE;

  nb_report_edit_cell (self, index, NB_CELL_EDITED, value);
  return TRUE;
}

/* ---- Import ---------------------------------------------- */

void
nb_report_begin_import (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));
  self->importing = TRUE;
}

void
nb_report_end_import (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));

  self->importing = FALSE;
  update_aggregate (self);
  for (guint i = 0; i < self->n_cells; i++)
    {
      self->cells[i].read_state = self->cells[i].state;
      self->cells[i].read_value = self->cells[i].value;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The cell as it was read, before any edit. */
NbCellState
nb_report_get_cell_as_read (NbReport *self,
                            guint     index,
                            double   *value)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_CELL_MISSING);
  g_return_val_if_fail (index < self->n_cells, NB_CELL_MISSING);

  if (value)
    *value = self->cells[index].read_value;
  return self->cells[index].read_state;
}

void
nb_report_set_cell_as_read (NbReport    *self,
                            guint        index,
                            NbCellState  state,
                            double       value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);

  self->cells[index].read_state = state;
  self->cells[index].read_value = value;
}
