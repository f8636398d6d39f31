/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-source-view"

#include "config.h"

#include "nb-source-view-private.h"

/* A text source: the very text the importer decoded, read-only, with the
 * characters a value came from marked and scrolled into view. */

void
_nb_source_view_stop_text_scroll (NbSourceView *self)
{
  if (self->text_scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->text_scroll_tick);
      self->text_scroll_tick = 0;
    }
}

/* GtkTextView places lines it has not measured yet by an estimate, so one
 * scroll to a far line can land short: scroll again, frame after frame,
 * until the mark is in view. */
static gboolean
text_scroll_tick (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  NbSourceView *self = NB_SOURCE_VIEW (widget);
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (self->text_view == NULL)
    {
      self->text_scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  buffer = gtk_text_view_get_buffer (self->text_view);
  mark = gtk_text_buffer_get_mark (buffer, "highlight");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);

  if ((location.y >= visible.y && location.y + location.height <= visible.y + visible.height) ||
      ++self->text_scroll_frames > 120)
    {
      self->text_scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.5);
  return G_SOURCE_CONTINUE;
}

/* The character offset of each line: the document counts bytes, the
 * text buffer characters. */
static GArray *
line_char_offsets (NbSourceDocument *document)
{
  const char *text = nb_source_document_get_text (document);
  guint n_lines = nb_source_document_get_n_lines (document);
  GArray *starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_lines);
  gsize previous_byte = 0;
  guint offset = 0;

  for (guint line = 1; line <= n_lines; line++)
    {
      gsize byte = nb_source_document_get_line_offset (document, line);

      offset += (guint) g_utf8_strlen (text + previous_byte, byte - previous_byte);
      g_array_append_val (starts, offset);
      previous_byte = byte;
    }
  return starts;
}

void
_nb_source_view_show_text (NbSourceView *self)
{
  /* Dark text on a light yellow: it reads on a light and a dark theme. */
  static const GdkRGBA background = { 0.97f, 0.89f, 0.36f, 0.8f };
  static const GdkRGBA foreground = { 0, 0, 0, 0.87f };
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);
  GtkTextIter start;
  GtkWidget *view;

  gtk_text_buffer_create_tag (buffer, "highlight",
                              "background-rgba", &background,
                              "foreground-rgba", &foreground,
                              NULL);
  gtk_text_buffer_set_text (buffer, nb_source_document_get_text (self->document), -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_create_mark (buffer, "highlight", &start, TRUE);
  self->line_starts = line_char_offsets (self->document);
  self->n_chars = gtk_text_buffer_get_char_count (buffer);

  view = g_object_new (GTK_TYPE_TEXT_VIEW,
                       "buffer", buffer,
                       "editable", FALSE,
                       "cursor-visible", FALSE,
                       "monospace", FALSE,
                       "wrap-mode", GTK_WRAP_WORD_CHAR,
                       "left-margin", 12,
                       "right-margin", 12,
                       "top-margin", 12,
                       "bottom-margin", 12,
                       NULL);
  g_object_unref (buffer);
  self->text_view = GTK_TEXT_VIEW (view);
  gtk_scrolled_window_set_child (self->scroller, view);
}

void
_nb_source_view_highlight_text (NbSourceView *self)
{
  const NbSource *source = self->highlight;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  guint first, line_end;

  _nb_source_view_stop_text_scroll (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &start, &end);

  if (source == NULL || source->line == 0 || source->line > self->line_starts->len)
    return;

  /* Offsets from the start of the text, as the importer counted:
   * lines end at "\n" whatever GTK thinks of a lone "\r". */
  line_end = source->line < self->line_starts->len
             ? g_array_index (self->line_starts, guint, source->line) - 1
             : self->n_chars;
  first = g_array_index (self->line_starts, guint, source->line - 1);
  first = MIN (first + (source->column > 0 ? source->column - 1 : 0), line_end);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, first);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (first + source->length, line_end));
  gtk_text_buffer_apply_tag_by_name (buffer, "highlight", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_move_mark_by_name (buffer, "highlight", &start);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_mark (buffer, "highlight"),
                                0.1, TRUE, 0.0, 0.5);
  self->text_scroll_frames = 0;
  if (self->text_scroll_tick == 0)
    self->text_scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                           text_scroll_tick,
                                                           NULL, NULL);
}

/**
 * nb_source_view_dup_highlighted_text:
 * @self: a #NbSourceView
 *
 * The characters the text view shows marked, read back from the text
 * view's buffer (what a person sees, not what was asked for).
 *
 * Returns: (transfer full) (nullable): the marked text, or %NULL when no
 *   text is marked
 */
char *
nb_source_view_dup_highlighted_text (NbSourceView *self)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), NULL);

  if (self->text_view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  if (!gtk_text_iter_forward_to_tag_toggle (&end, tag) || gtk_text_iter_equal (&start, &end))
    return NULL;
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
