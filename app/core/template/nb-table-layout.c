/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-table-layout"

#include "config.h"

#include "nb-table-layout.h"

/* The printed shape of a table, from its definition: which rows the
 * edition shows, their groups at the left, the groups of columns above,
 * S2's blocks, S4's one row.  Pure: the same definition gives the same
 * boxes, and no report is involved. */

#define MAX_LEVELS 8

struct _NbTableLayout
{
  grefcount         ref_count;
  const NbTableDef *table;
  guint             n_rows;
  guint             n_columns;
  GArray           *header;  /* NbLayoutBox: corners, blocks, column titles */
  GArray           *body;    /* NbLayoutBox: row groups, row titles, cells; row by row */
};

G_DEFINE_BOXED_TYPE (NbTableLayout, nb_table_layout, nb_table_layout_ref, nb_table_layout_unref)

static guint
add_box (GArray          *boxes,
         NbLayoutKind     kind,
         NbLayoutFlags    flags,
         guint            row,
         guint            column,
         guint            row_span,
         guint            col_span,
         const char      *label,
         const char      *title,
         const NbCellDef *cell)
{
  NbLayoutBox box = {
    .kind = kind, .flags = flags,
    .row = row, .column = column, .row_span = row_span, .col_span = col_span,
    .label = label, .title = title, .cell = cell,
  };

  g_array_append_val (boxes, box);
  return boxes->len - 1;
}

/* A 2021 table still shows the （六） aggregate, as the sum of its sub-rows. */
static gboolean
row_shown (const NbTableDef *table,
           const NbRowDef   *row)
{
  return nb_template_row_in_version (row, table->version) || (row->flags & NB_ROW_AGGREGATE);
}

static NbLayoutFlags
row_flags (const NbTableDef *table,
           const NbRowDef   *row)
{
  return nb_template_row_in_version (row, table->version) ? 0 : NB_LAYOUT_DERIVED;
}

/* Its name under its group's title. */
static const char *
row_title (const NbRowDef *row)
{
  return row->short_title != NULL ? row->short_title : row->title;
}

/* The groups around a row or a column, the outermost first. */
static guint
group_chain (const NbGroupDef  *group,
             const NbGroupDef **chain)
{
  guint n = 0;

  for (const NbGroupDef *g = group; g != NULL; g = g->parent)
    n++;
  g_assert (n < MAX_LEVELS);
  for (guint i = n; i > 0; i--, group = group->parent)
    chain[i - 1] = group;
  return n;
}

static void
add_cells (NbTableLayout  *self,
           const NbRowDef *row,
           guint           y,
           guint           x,
           guint           width)
{
  const NbTableDef *table = self->table;

  for (guint c = 0; c < row->n_columns; c++)
    {
      const NbCellDef *cell = nb_template_find_cell (table, row, &table->columns[row->first_column + c]);
      /* A row narrower than its block stretches its last cell. */
      guint span = c + 1 == row->n_columns && width > row->n_columns ? width - c : 1;

      g_assert (cell != NULL);
      add_box (self->body, NB_LAYOUT_CELL, row_flags (table, row), y, x + c, 1, span,
               NULL, NULL, cell);
    }
}

/* ---- Column headers: S3's groups above, S4's groups of five ------------ */

typedef struct
{
  gconstpointer key;    /* what the item is: a group, a row or a column */
  const char   *label;
  const char   *title;
} Item;

typedef struct
{
  Item  items[MAX_LEVELS];
  guint n_items;        /* the last one is the column's own title */
} Path;

typedef struct
{
  Item  item;
  guint level;
  guint span;
  guint column;
  guint n_columns;
  guint leaf : 1;
} Head;

static void
path_add_group (Path             *path,
                const NbGroupDef *group)
{
  g_assert (path->n_items < MAX_LEVELS);
  path->items[path->n_items++] = (Item) { group, group->label, group->title };
}

static void
path_add_groups (Path             *path,
                 const NbGroupDef *group)
{
  const NbGroupDef *chain[MAX_LEVELS];
  guint n = group_chain (group, chain);

  for (guint i = 0; i < n; i++)
    path_add_group (path, chain[i]);
}

static gboolean
same_prefix (const Path *a,
             const Path *b,
             guint       level)
{
  for (guint i = 0; i <= level; i++)
    if (a->items[i].key != b->items[i].key)
      return FALSE;
  return TRUE;
}

static int
compare_heads (gconstpointer a,
               gconstpointer b)
{
  const Head *ha = a, *hb = b;

  if (ha->level != hb->level)
    return ha->level < hb->level ? -1 : 1;
  return ha->column < hb->column ? -1 : ha->column > hb->column;
}

/* Groups stand at the top, merged over the columns they share; every
 * column's own title on the bottom row.  A group with nothing under it
 * reaches down (S4's 行政复议), a title with nothing above it reaches up
 * (S3's 自然人), as the printed tables do.  Returns the number of rows. */
static guint
add_column_headers (NbTableLayout *self,
                    const Path    *paths,
                    guint          n_paths,
                    guint          first_column)
{
  g_autoptr(GArray) heads = g_array_new (FALSE, FALSE, sizeof (Head));
  g_autofree int *taken = NULL;
  guint n_levels = 0;

#define TAKEN(level, column) taken[(level) * n_paths + (column)]

  for (guint j = 0; j < n_paths; j++)
    n_levels = MAX (n_levels, paths[j].n_items);
  taken = g_new (int, n_levels * n_paths);
  for (guint i = 0; i < n_levels * n_paths; i++)
    taken[i] = -1;

  for (guint j = 0; j < n_paths; j++)
    {
      const Path *path = &paths[j];

      for (guint i = 0; i < path->n_items; i++)
        {
          gboolean leaf = i + 1 == path->n_items;
          guint level = leaf ? n_levels - 1 : i;
          Head head = { path->items[i], level, 1, j, 1, leaf };

          if (!leaf && j > 0 && paths[j - 1].n_items > i + 1 && same_prefix (&paths[j - 1], path, i))
            {
              int previous = TAKEN (level, j - 1);

              g_array_index (heads, Head, previous).n_columns++;
              TAKEN (level, j) = previous;
              continue;
            }

          g_array_append_val (heads, head);
          TAKEN (level, j) = heads->len - 1;
        }
    }

  for (guint h = 0; h < heads->len; h++)
    {
      Head *head = &g_array_index (heads, Head, h);

      while (!head->leaf && head->level + head->span < n_levels - 1)
        {
          guint below = head->level + head->span;
          gboolean free = TRUE;

          for (guint j = head->column; j < head->column + head->n_columns; j++)
            free = free && TAKEN (below, j) < 0;
          if (!free)
            break;
          for (guint j = head->column; j < head->column + head->n_columns; j++)
            TAKEN (below, j) = h;
          head->span++;
        }
    }

  for (guint h = 0; h < heads->len; h++)
    {
      Head *head = &g_array_index (heads, Head, h);

      while (head->leaf && head->level > 0 && TAKEN (head->level - 1, head->column) < 0)
        {
          head->level--;
          head->span++;
          TAKEN (head->level, head->column) = h;
        }
    }

#undef TAKEN

  g_array_sort (heads, compare_heads);
  for (guint h = 0; h < heads->len; h++)
    {
      const Head *head = &g_array_index (heads, Head, h);

      add_box (self->header, head->leaf ? NB_LAYOUT_COLUMN : NB_LAYOUT_COLUMN_GROUP, 0,
               head->level, first_column + head->column, head->span, head->n_columns,
               head->item.label, head->item.title, NULL);
    }

  return n_levels;
}

static void
add_corner (NbTableLayout *self,
            guint          row,
            guint          row_span,
            guint          col_span)
{
  const NbGroupDef *corner = self->table->corner;

  add_box (self->header, NB_LAYOUT_CORNER, 0, row, 0, row_span, col_span,
           corner ? corner->label : NULL, corner ? corner->title : NULL, NULL);
}

/* ---- The shapes -------------------------------------------------------- */

/* S2: a block per group of rows, headed by its title across the table and
 * its own column titles; a block narrower than the widest stretches its
 * last column, as the printed table does. */
static void
layout_blocks (NbTableLayout *self)
{
  const NbTableDef *table = self->table;
  guint width = 0;
  guint y = 0;

  for (guint r = 0; r < table->n_rows; r++)
    if (row_shown (table, &table->rows[r]))
      width = MAX (width, table->rows[r].n_columns);

  for (guint r = 0; r < table->n_rows;)
    {
      const NbRowDef *first = &table->rows[r];
      guint end = r;

      while (end < table->n_rows && table->rows[end].group == first->group)
        end++;

      if (first->group != NULL)
        add_box (self->header, NB_LAYOUT_BLOCK, 0, y++, 0, 1, 1 + width,
                 first->group->label, first->group->title, NULL);

      add_corner (self, y, 1, 1);
      for (guint c = 0; c < first->n_columns; c++)
        {
          const NbColumnDef *column = &table->columns[first->first_column + c];
          guint span = c + 1 == first->n_columns ? width - c : 1;

          add_box (self->header, NB_LAYOUT_COLUMN, 0, y, 1 + c, 1, span,
                   column->label, column->title, NULL);
        }
      y++;

      for (; r < end; r++)
        {
          const NbRowDef *row = &table->rows[r];

          if (!row_shown (table, row))
            continue;
          g_assert (row->first_column == first->first_column && row->n_columns == first->n_columns);
          add_box (self->body, NB_LAYOUT_ROW, row_flags (table, row), y, 0, 1, 1,
                   row->label, row_title (row), NULL);
          add_cells (self, row, y, 1, width);
          y++;
        }
    }

  self->n_rows = y;
  self->n_columns = 1 + width;
}

/* S3: columns across under their groups; rows down, each group of rows
 * titled in a column of its own at the left, spanning its rows. */
static void
layout_grid (NbTableLayout *self)
{
  const NbTableDef *table = self->table;
  g_autofree Path *paths = g_new0 (Path, table->n_columns);
  const NbGroupDef *open[MAX_LEVELS];
  guint open_box[MAX_LEVELS];
  guint n_open = 0;
  guint label_columns = 1;
  guint n_levels;
  guint y;

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbGroupDef *chain[MAX_LEVELS];

      if (row_shown (table, &table->rows[r]))
        label_columns = MAX (label_columns, 1 + group_chain (table->rows[r].group, chain));
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      const NbColumnDef *column = &table->columns[c];

      if (table->column_group != NULL)
        path_add_group (&paths[c], table->column_group);
      path_add_groups (&paths[c], column->group);
      paths[c].items[paths[c].n_items++] = (Item) { column, column->label, column->title };
    }
  n_levels = add_column_headers (self, paths, table->n_columns, label_columns);
  add_corner (self, 0, n_levels, label_columns);

  y = n_levels;
  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];
      const NbGroupDef *chain[MAX_LEVELS];
      guint depth, k = 0;

      if (!row_shown (table, row))
        continue;

      /* The groups it shares with the row above grow by a row; the
       * others start here. */
      depth = group_chain (row->group, chain);
      while (k < n_open && k < depth && open[k] == chain[k])
        {
          g_array_index (self->body, NbLayoutBox, open_box[k]).row_span++;
          k++;
        }
      for (n_open = k; n_open < depth; n_open++)
        {
          open[n_open] = chain[n_open];
          open_box[n_open] = add_box (self->body, NB_LAYOUT_ROW_GROUP, 0, y, n_open, 1, 1,
                                      chain[n_open]->label, chain[n_open]->title, NULL);
        }

      add_box (self->body, NB_LAYOUT_ROW, row_flags (table, row), y, depth, 1, label_columns - depth,
               row->label, row_title (row), NULL);
      add_cells (self, row, y, label_columns + row->first_column, 0);
      y++;
    }

  self->n_rows = y;
  self->n_columns = label_columns + table->n_columns;
}

/* S4: one printed row; each row of the definition is a group of columns
 * with its own title, under the groups it belongs to. */
static void
layout_one_row (NbTableLayout *self)
{
  const NbTableDef *table = self->table;
  g_autoptr(GArray) paths = g_array_new (FALSE, TRUE, sizeof (Path));
  guint n_levels;
  guint x = 0;

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (!row_shown (table, row))
        continue;
      for (guint c = 0; c < row->n_columns; c++)
        {
          const NbColumnDef *column = &table->columns[row->first_column + c];
          Path path = { 0 };

          if (table->column_group != NULL)
            path_add_group (&path, table->column_group);
          path_add_groups (&path, row->group);
          path.items[path.n_items++] = (Item) { row, row->label, row_title (row) };
          path.items[path.n_items++] = (Item) { column, column->label, column->title };
          g_array_append_val (paths, path);
        }
    }

  n_levels = add_column_headers (self, (const Path *) (gpointer) paths->data, paths->len, 0);

  for (guint r = 0; r < table->n_rows; r++)
    {
      const NbRowDef *row = &table->rows[r];

      if (!row_shown (table, row))
        continue;
      add_cells (self, row, n_levels, x, 0);
      x += row->n_columns;
    }

  self->n_rows = n_levels + 1;
  self->n_columns = x;
}

/* ---- API --------------------------------------------------------------- */

/**
 * nb_table_layout_new:
 * @table: a table definition, of one edition
 *
 * Lays the table out as its edition prints it.
 *
 * Returns: (transfer full): the layout
 */
NbTableLayout *
nb_table_layout_new (const NbTableDef *table)
{
  NbTableLayout *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (NbTableLayout, 1);
  g_ref_count_init (&self->ref_count);
  self->table = table;
  self->header = g_array_new (FALSE, FALSE, sizeof (NbLayoutBox));
  self->body = g_array_new (FALSE, FALSE, sizeof (NbLayoutBox));

  switch (table->shape)
    {
    case NB_TABLE_SHAPE_BLOCKS:
      layout_blocks (self);
      break;
    case NB_TABLE_SHAPE_GRID:
      layout_grid (self);
      break;
    case NB_TABLE_SHAPE_ONE_ROW:
      layout_one_row (self);
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

NbTableLayout *
nb_table_layout_ref (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
nb_table_layout_unref (NbTableLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->header);
  g_array_unref (self->body);
  g_free (self);
}

const NbTableDef *
nb_table_layout_get_table (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->table;
}

guint
nb_table_layout_get_n_rows (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
nb_table_layout_get_n_columns (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/* The titles above and between the rows, top to bottom, left to right. */
const NbLayoutBox *
nb_table_layout_get_header (NbTableLayout *self,
                            guint         *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_boxes)
    *n_boxes = self->header->len;
  return (const NbLayoutBox *) (gpointer) self->header->data;
}

/* Row groups, row titles and cells, row by row, left to right: the order
 * in which Tab runs through the cells. */
const NbLayoutBox *
nb_table_layout_get_body (NbTableLayout *self,
                          guint         *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_boxes)
    *n_boxes = self->body->len;
  return (const NbLayoutBox *) (gpointer) self->body->data;
}

/* The box of a cell, or NULL when this edition does not print it. */
const NbLayoutBox *
nb_table_layout_find_cell (NbTableLayout *self,
                           guint          cell_index)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->body->len; i++)
    {
      const NbLayoutBox *box = &g_array_index (self->body, NbLayoutBox, i);

      if (box->kind == NB_LAYOUT_CELL && box->cell->index == cell_index)
        return box;
    }
  return NULL;
}
