/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-table-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-enums.h"
#include "nb-problem.h"
#include "nb-table-grid-private.h"

/* One table of the report as the printed template lays it out: the boxes
 * of nb-table-layout for the edition the report's table follows, so a 2019
 * S3 has its one-row （六） and a 2021 S3 its three sub-rows.  Titles are
 * shown in the interface's language, the template's own words in their
 * tooltips; each cell is an entry (nb-table-grid-cell.c). */

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

void
_nb_table_grid_cell_selected (NbTableGrid *self,
                              NbCellView  *cv)
{
  g_signal_emit (self, signals[CELL_SELECTED], 0, cv->def->index);
}

/* ---- Building the layout ----------------------------------------------- */

/* A title of the layout: a corner, a block, a group of columns or rows, a
 * column or a row.  It reads in the interface's language; the template's
 * own words are in its tooltip, for whoever reads the printed report. */
static void
add_title (NbTableGrid       *self,
           const NbLayoutBox *box)
{
  const char *text = box->title != NULL ? _(box->title) : box->label;
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (g_strcmp0 (text, box->label) != 0)
    gtk_widget_set_tooltip_text (label, box->label);

  switch (box->kind)
    {
    case NB_LAYOUT_CORNER:
      gtk_widget_add_css_class (label, "corner");
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      break;
    case NB_LAYOUT_BLOCK:
      gtk_widget_add_css_class (label, "block-title");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      break;
    case NB_LAYOUT_COLUMN_GROUP:
    case NB_LAYOUT_COLUMN:
      gtk_widget_add_css_class (label, "header");
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12 * box->col_span);
      /* All value columns as wide as the widest, as in the printed table. */
      if (box->kind == NB_LAYOUT_COLUMN && box->col_span == 1)
        gtk_size_group_add_widget (self->columns, label);
      break;
    case NB_LAYOUT_ROW_GROUP:
      gtk_widget_add_css_class (label, "row-group");
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      break;
    case NB_LAYOUT_ROW:
      gtk_widget_add_css_class (label, "row-title");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      if (box->flags & NB_LAYOUT_DERIVED)
        gtk_widget_add_css_class (label, "derived");
      break;
    case NB_LAYOUT_CELL:
    default:
      g_assert_not_reached ();
    }

  gtk_grid_attach (GTK_GRID (self->grid), label, box->column, box->row, box->col_span, box->row_span);
}

static void
add_cell (NbTableGrid       *self,
          const NbLayoutBox *box)
{
  NbCellView *cv = _nb_cell_view_new (self, box);

  g_ptr_array_add (self->cells, cv);
  g_hash_table_insert (self->by_index, GUINT_TO_POINTER (cv->def->index), cv);
  gtk_grid_attach (GTK_GRID (self->grid), cv->entry, box->column, box->row, box->col_span, box->row_span);
}

static void
build (NbTableGrid *self)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (self->def);
  guint n_header, n_body;
  const NbLayoutBox *header = nb_table_layout_get_header (layout, &n_header);
  const NbLayoutBox *body = nb_table_layout_get_body (layout, &n_body);

  for (guint i = 0; i < n_header; i++)
    add_title (self, &header[i]);
  for (guint i = 0; i < n_body; i++)
    {
      if (body[i].kind == NB_LAYOUT_CELL)
        add_cell (self, &body[i]);
      else
        add_title (self, &body[i]);
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
              NbCellView *cv;
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
      NbCellView *cv = g_ptr_array_index (self->cells, i);

      _nb_cell_view_set_problems (cv, g_hash_table_lookup (messages, cv));
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

  build (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->def->title),
                                  -1);
  gtk_widget_set_sensitive (self->grid, self->report != NULL);

  for (guint i = 0; i < self->cells->len; i++)
    _nb_cell_view_refresh (g_ptr_array_index (self->cells, i));
  update_problem_marks (self);
  _nb_table_grid_update_message (self, NULL);

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
  NbCellView *cv;

  check_edition (self);

  cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (index));
  if (cv != NULL)
    _nb_cell_view_refresh (cv);
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
  _nb_table_grid_class_init_cells ();
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nb_table_grid_init (NbTableGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->cells = g_ptr_array_new_with_free_func (_nb_cell_view_free);
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
  NbCellView *cv;

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
  NbCellView *cv;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  cv = g_hash_table_lookup (self->by_index, GUINT_TO_POINTER (cell_index));
  return cv ? cv->entry : NULL;
}
