/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source"

#include "config.h"

#include "nb-source.h"

G_DEFINE_BOXED_TYPE (NbSource, nb_source, nb_source_copy, nb_source_free)

NbSource *
nb_source_copy (const NbSource *source)
{
  return g_memdup2 (source, sizeof *source);
}

void
nb_source_free (NbSource *source)
{
  g_free (source);
}

gboolean
nb_source_is_set (const NbSource *source)
{
  return source != NULL && (source->line > 0 || source->page > 0);
}

/* Grows @into to cover @other too: the same line or page, or nothing. */
void
nb_source_union (NbSource       *into,
                 const NbSource *other)
{
  if (!nb_source_is_set (other))
    return;
  if (!nb_source_is_set (into))
    {
      *into = *other;
      return;
    }

  if (into->page > 0 && into->page == other->page)
    {
      double x1 = MAX (into->x + into->width, other->x + other->width);
      double y1 = MAX (into->y + into->height, other->y + other->height);

      into->x = MIN (into->x, other->x);
      into->y = MIN (into->y, other->y);
      into->width = x1 - into->x;
      into->height = y1 - into->y;
    }
  if (into->line > 0 && into->line == other->line)
    {
      guint end = MAX (into->column + into->length, other->column + other->length);

      if (into->table_column != other->table_column)
        into->table_column = 0;

      into->column = MIN (into->column, other->column);
      into->length = end - into->column;
    }
}
