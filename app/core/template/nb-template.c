/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-template"

#include "config.h"

#include <string.h>

#include "nb-template-private.h"

typedef struct
{
  GArray     *cells;   /* NbCellDef, in export order */
  GHashTable *by_id;   /* id → index + 1 */
  guint      *grids[16]; /* per table definition: [row][column] → index + 1 */
} Catalogue;

static char *
make_cell_id (const NbTableDef  *table,
              const NbRowDef    *row,
              const NbColumnDef *column)
{
  return g_strdup_printf ("%s.%s.%s", table->id, row->id, column->id);
}

static void
catalogue_add_table (Catalogue        *cat,
                     const NbTableDef *table,
                     gboolean          always_listed,
                     gboolean          aggregates)
{
  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (!!(row->flags & NB_ROW_AGGREGATE) != aggregates)
        continue;

      for (guint c = 0; c < row->n_columns; c++)
        {
          const NbColumnDef *column = &table->columns[row->first_column + c];
          g_autofree char *id = make_cell_id (table, row, column);
          NbCellDef def = { 0 };

          if (g_hash_table_contains (cat->by_id, id))
            continue;

          def.id = g_intern_string (id);
          def.index = cat->cells->len;
          def.table = table;
          def.row = row;
          def.column = column;
          def.kind = column->kind;
          def.always_listed = always_listed;
          g_array_append_val (cat->cells, def);
          g_hash_table_insert (cat->by_id, (gpointer) def.id, GUINT_TO_POINTER (def.index + 1));
        }
    }
}

static const Catalogue *
get_catalogue (void)
{
  static Catalogue *catalogue;

  if (g_once_init_enter (&catalogue))
    {
      Catalogue *cat = g_new0 (Catalogue, 1);

      cat->cells = g_array_new (FALSE, TRUE, sizeof (NbCellDef));
      cat->by_id = g_hash_table_new (g_str_hash, g_str_equal);

      /* The 2021 tables first: their 207 cells are what every export lists,
       * in this order (the （六） aggregates last, as the corpus lists them);
       * then what only the 2019 edition has. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < nb_template_n_tables; i++)
          if (nb_template_tables[i].version == NB_TEMPLATE_2021)
            catalogue_add_table (cat, &nb_template_tables[i], TRUE, pass == 1);
      for (guint i = 0; i < nb_template_n_tables; i++)
        if (nb_template_tables[i].version != NB_TEMPLATE_2021)
          catalogue_add_table (cat, &nb_template_tables[i], FALSE, FALSE);

      /* Cells are looked up by row and column on every check: a grid per
       * table makes that an array access. */
      g_assert (nb_template_n_tables <= G_N_ELEMENTS (cat->grids));
      for (guint i = 0; i < nb_template_n_tables; i++)
        {
          const NbTableDef *table = &nb_template_tables[i];

          cat->grids[i] = g_new0 (guint, table->n_rows * table->n_columns);
          for (guint r = 0; r < table->n_rows; r++)
            for (guint c = 0; c < table->n_columns; c++)
              {
                g_autofree char *id = make_cell_id (table, &table->rows[r], &table->columns[c]);

                cat->grids[i][r * table->n_columns + c] =
                  GPOINTER_TO_UINT (g_hash_table_lookup (cat->by_id, id));
              }
        }

      g_once_init_leave (&catalogue, cat);
    }

  return catalogue;
}

const NbTableDef *
nb_template_get_table (NbTableId         table,
                       NbTemplateVersion version)
{
  if (version == NB_TEMPLATE_UNKNOWN)
    version = NB_TEMPLATE_2021;

  for (guint i = 0; i < nb_template_n_tables; i++)
    if (nb_template_tables[i].table == table && nb_template_tables[i].version == version)
      return &nb_template_tables[i];

  g_return_val_if_reached (NULL);
}

const NbCellDef *
nb_template_get_cells (guint *n_cells)
{
  const Catalogue *cat = get_catalogue ();

  if (n_cells)
    *n_cells = cat->cells->len;
  return (const NbCellDef *) (gpointer) cat->cells->data;
}

guint
nb_template_get_n_cells (void)
{
  return get_catalogue ()->cells->len;
}

const NbCellDef *
nb_template_lookup_cell (const char *cell_id)
{
  const Catalogue *cat = get_catalogue ();
  guint index;

  g_return_val_if_fail (cell_id != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (cat->by_id, cell_id));
  if (index == 0)
    return NULL;
  return &g_array_index (cat->cells, NbCellDef, index - 1);
}

const NbCellDef *
nb_template_find_cell (const NbTableDef  *table,
                       const NbRowDef    *row,
                       const NbColumnDef *column)
{
  const Catalogue *cat = get_catalogue ();
  gsize t = table - nb_template_tables;
  guint index;

  g_return_val_if_fail (t < nb_template_n_tables, NULL);
  g_return_val_if_fail (row >= table->rows && row < table->rows + table->n_rows, NULL);
  g_return_val_if_fail (column >= table->columns && column < table->columns + table->n_columns, NULL);

  index = cat->grids[t][(row - table->rows) * table->n_columns + (column - table->columns)];
  if (index == 0)
    return NULL;
  return &g_array_index (cat->cells, NbCellDef, index - 1);
}

const NbRowDef *
nb_template_find_row (const NbTableDef *table,
                      const char       *row_id)
{
  for (guint r = 0; r < table->n_rows; r++)
    if (strcmp (table->rows[r].id, row_id) == 0)
      return &table->rows[r];
  return NULL;
}

const NbColumnDef *
nb_template_find_column (const NbTableDef *table,
                         const char       *column_id)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (strcmp (table->columns[c].id, column_id) == 0)
      return &table->columns[c];
  return NULL;
}

const NbSectionDef *
nb_template_get_section (NbSection section)
{
  g_return_val_if_fail (section < NB_N_SECTIONS, NULL);
  return &nb_template_sections[section];
}

/* The one-row （六） belongs to the 2019 layout, its three sub-rows to the
 * 2021 one; in a 2021 table the aggregate is still kept, as their sum. */
gboolean
nb_template_row_in_version (const NbRowDef    *row,
                            NbTemplateVersion  version)
{
  if (version == NB_TEMPLATE_2019)
    return (row->flags & NB_ROW_SUB) == 0;
  return (row->flags & NB_ROW_AGGREGATE) == 0;
}

const char *
nb_template_version_to_string (NbTemplateVersion version)
{
  switch (version)
    {
    case NB_TEMPLATE_2021:
      return "2021";
    case NB_TEMPLATE_2019:
      return "2019";
    case NB_TEMPLATE_UNKNOWN:
    default:
      return NULL;
    }
}

NbTemplateVersion
nb_template_version_from_string (const char *str)
{
  if (g_strcmp0 (str, "2021") == 0)
    return NB_TEMPLATE_2021;
  if (g_strcmp0 (str, "2019") == 0)
    return NB_TEMPLATE_2019;
  return NB_TEMPLATE_UNKNOWN;
}

/* "（三）不予公开 1.属于国家秘密 · 自然人": the template's own words, for CSV. */
char *
nb_template_dup_cell_label (const NbCellDef *cell)
{
  GString *s = g_string_new (NULL);

  /* Blocks and S4's groups are not part of a row's name, S3's groups are. */
  if (cell->row->group != NULL && cell->table->shape == NB_TABLE_SHAPE_GRID)
    g_string_append_printf (s, "%s ", cell->row->group->label);
  g_string_append (s, cell->row->label);
  g_string_append (s, " · ");
  if (cell->column->group != NULL)
    g_string_append_printf (s, "%s ", cell->column->group->label);
  g_string_append (s, cell->column->label);

  return g_string_free (s, FALSE);
}
