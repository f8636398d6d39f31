/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "nb-error.h"
#include "nb-report-export.h"
#include "nb-report-file.h"

#define FORMAT_NAME "nianbao"
#define FORMAT_VERSION 1

static const char *const state_names[] = {
  [NB_CELL_MISSING] = "missing",
  [NB_CELL_FOUND] = "found",
  [NB_CELL_EDITED] = "edited",
  [NB_CELL_DERIVED] = "derived",
};

static int
state_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (state_names[i], name) == 0)
      return i;
  return -1;
}

static void
add_source (JsonBuilder    *builder,
            const NbSource *source)
{
  json_builder_begin_object (builder);
#define MEMBER_INT(name, field) \
  json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, source->field)
#define MEMBER_DOUBLE(name, field) \
  json_builder_set_member_name (builder, name); json_builder_add_double_value (builder, source->field)
  MEMBER_INT ("line", line);
  MEMBER_INT ("column", column);
  MEMBER_INT ("length", length);
  MEMBER_INT ("page", page);
  MEMBER_DOUBLE ("x", x);
  MEMBER_DOUBLE ("y", y);
  MEMBER_DOUBLE ("w", width);
  MEMBER_DOUBLE ("h", height);
#undef MEMBER_INT
#undef MEMBER_DOUBLE
  json_builder_end_object (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
nb_report_file_to_data (NbReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_cells;
  const NbCellDef *cells = nb_template_get_cells (&n_cells);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "path", nb_report_get_source_path (report));
  add_string_or_null (builder, "sha256", nb_report_get_source_checksum (report));
  json_builder_end_object (builder);

  nb_json_add_template_versions (builder, report);

  add_string_or_null (builder, "agency", nb_report_get_agency (report));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, nb_report_get_year (report));
  add_string_or_null (builder, "title", nb_report_get_title (report));

  nb_json_add_sections (builder, report);

  json_builder_set_member_name (builder, "cells");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_cells; i++)
    {
      double value, read_value;
      NbCellState state = nb_report_get_cell (report, i, &value);
      NbCellState read_state = nb_report_get_cell_as_read (report, i, &read_value);
      const NbSource *source = nb_report_get_cell_source (report, i);
      const char *note = nb_report_get_cell_note (report, i);

      if (state == NB_CELL_MISSING && read_state == NB_CELL_MISSING &&
          !nb_source_is_set (source) && note == NULL)
        continue;

      json_builder_set_member_name (builder, cells[i].id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state_names[state]);
      json_builder_set_member_name (builder, "value");
      nb_json_add_cell_value (builder, state, value, cells[i].kind);
      json_builder_set_member_name (builder, "read_state");
      json_builder_add_string_value (builder, state_names[read_state]);
      json_builder_set_member_name (builder, "read_value");
      nb_json_add_cell_value (builder, read_state, read_value, cells[i].kind);
      if (nb_source_is_set (source))
        {
          json_builder_set_member_name (builder, "source");
          add_source (builder, source);
        }
      if (note != NULL)
        add_string_or_null (builder, "note", note);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  /* The corrections, for a person reading the file: cell, as read, now. */
  json_builder_set_member_name (builder, "edits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_cells; i++)
    {
      double value, read_value;
      NbCellState state = nb_report_get_cell (report, i, &value);
      NbCellState read_state = nb_report_get_cell_as_read (report, i, &read_value);

      if (state != NB_CELL_EDITED && !(state == NB_CELL_MISSING && read_state != NB_CELL_MISSING))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "cell");
      json_builder_add_string_value (builder, cells[i].id);
      json_builder_set_member_name (builder, "from");
      nb_json_add_cell_value (builder, read_state, read_value, cells[i].kind);
      json_builder_set_member_name (builder, "to");
      nb_json_add_cell_value (builder, state, value, cells[i].kind);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Where writing @path writes: through symbolic links to their target, as
 * editors do, so a link stays a link. */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (link == NULL)
        break;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }
  return g_steal_pointer (&current);
}

/* The source document is never written to, not even through a link. */
static gboolean
check_not_source (NbReport    *report,
                  const char  *path,
                  GError     **error)
{
  const char *source_path = nb_report_get_source_path (report);
  g_autofree char *target_path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) source = NULL;
  GStatBuf target_st, source_st;

  if (source_path == NULL)
    return TRUE;

  target_path = resolve_target (path);
  target = g_file_new_for_path (target_path);
  source = g_file_new_for_path (source_path);
  if (!g_file_equal (source, target) &&
      !(g_stat (target_path, &target_st) == 0 && g_stat (source_path, &source_st) == 0 &&
        target_st.st_dev == source_st.st_dev && target_st.st_ino == source_st.st_ino))
    return TRUE;

  g_set_error (error, NB_ERROR, NB_ERROR_FAILED, "%s",
               _("Nianbao never writes to the source document: choose another file"));
  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Written to a private (0600) temporary file beside the target, given
 * the target's mode, synced, then renamed over it: a crash leaves the old
 * file or the new one, never half of one, and a 0600 report stays 0600.
 * A symbolic link is written through. */
static gboolean
write_data (const char  *path,
            const char  *data,
            GError     **error)
{
  g_autofree char *target = resolve_target (path);
  g_autofree char *tmp = g_strconcat (target, ".XXXXXX", NULL);
  gsize length = strlen (data);
  mode_t mode = 0644;
  GStatBuf st;
  int fd;

  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 07777;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, target, errno);

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto fail;
      data += n, length -= n;
    }
  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, target) != 0)
    goto fail;
  return TRUE;

fail:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp);
    return set_errno_error (error, target, saved_errno);
  }
}

gboolean
nb_report_file_save (NbReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_not_source (report, path, error))
    return FALSE;

  data = nb_report_file_to_data (report);
  if (!write_data (path, data, error))
    return FALSE;

  nb_report_set_file_path (report, path);
  nb_report_set_modified (report, FALSE);
  return TRUE;
}

/* What one save writes, owned by its task: saves in a row each have
 * their own. */
typedef struct
{
  char *path;
  char *data;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_free (save->path);
  g_free (save->data);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!write_data (save->path, save->data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Serialises on the caller's thread (the model is not thread-safe), writes
 * on a worker. */
void
nb_report_file_save_async (NbReport            *report,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *save;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (path != NULL);

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_report_file_save_async);

  save = g_new0 (SaveData, 1);
  save->path = g_strdup (path);
  g_task_set_task_data (task, save, (GDestroyNotify) save_data_free);

  if (!check_not_source (report, path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  save->data = nb_report_file_to_data (report);
  g_task_run_in_thread (task, save_thread);
}

gboolean
nb_report_file_save_finish (NbReport      *report,
                            GAsyncResult  *result,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  SaveData *save;

  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == nb_report_file_save_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  save = g_task_get_task_data (task);
  nb_report_set_file_path (report, save->path);
  nb_report_set_modified (report, FALSE);
  return TRUE;
}

/* A saved report is a few levels deep and has a few thousand values;
 * json-glib's parser recurses, and a node costs a hundred bytes, so a
 * file far beyond either is refused before it is parsed. */
#define MAX_DEPTH  16
#define MAX_VALUES 100000
/* No cell of a report comes near this (counts, or amounts in 万元). */
#define MAX_CELL_VALUE 1e12
#define MAX_COORDINATE 1e6

/* Never NULL, even for no bytes. */
static const char *
bytes_data (GBytes *bytes,
            gsize  *length)
{
  const char *data = g_bytes_get_data (bytes, length);

  return data ? data : "";
}

static gsize
skip_space (const char *data,
            gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i;
}

/* One pass over the bytes, strings skipped: the nesting depth and the
 * number of values, without building anything. */
static gboolean
check_shape (const char  *data,
             gsize        length,
             GError     **error)
{
  guint depth = 0;
  gsize values = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '{':
        case '[':
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                           _("The saved report is damaged: it is nested deeper than any "
                             "saved report (more than %d levels)"), MAX_DEPTH);
              return FALSE;
            }
          values++;
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        case ',':
          if (++values > MAX_VALUES)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                           _("The saved report is damaged: it has more values than any "
                             "saved report (more than %d)"), MAX_VALUES);
              return FALSE;
            }
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/* The JSON root object, parsed only when its shape is sane. */
static JsonParser *
parse (GBytes  *bytes,
       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = bytes_data (bytes, &length);
  gsize start = skip_space (data, length);

  if (!check_shape (data + start, length - start, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data + start, length - start, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("The saved report is damaged (%s)"),
                   local_error ? local_error->message : _("not a JSON object"));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
has_format (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "format");

  return is_string (node) && g_strcmp0 (json_node_get_string (node), FORMAT_NAME) == 0;
}

/**
 * nb_report_file_sniff:
 *
 * Tells a saved report by its content, in any key order and layout: a
 * JSON object whose "format" is "nianbao".  A file that starts like one
 * but is too large or deep to parse, or is damaged and names the format,
 * is a saved report (its loading says what is wrong); other JSON is %NB_REPORT_FILE_OTHER_JSON, and a
 * file that is no JSON %NB_REPORT_FILE_NONE.
 */
NbReportFileKind
nb_report_file_sniff (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize length;
  const char *data = bytes_data (bytes, &length);
  gsize start = skip_space (data, length);

  if (start >= length || (data[start] != '{' && data[start] != '['))
    return NB_REPORT_FILE_NONE;

  if (!check_shape (data + start, length - start, NULL))
    return data[start] == '{' ? NB_REPORT_FILE_SAVED : NB_REPORT_FILE_NONE;
  parser = parse (bytes, NULL);
  if (parser != NULL)
    return has_format (json_node_get_object (json_parser_get_root (parser))) ? NB_REPORT_FILE_SAVED
                                                                             : NB_REPORT_FILE_OTHER_JSON;
  /* Damaged, and naming the format: a saved report that cannot be read.
   * Anything else that does not parse may be a text that happens to
   * start with a bracket. */
  if (g_strstr_len (data + start, MIN (length - start, 4096), "\"" FORMAT_NAME "\"") != NULL)
    return NB_REPORT_FILE_SAVED;
  return NB_REPORT_FILE_NONE;
}

/* ---- Members, their types checked before they are read ---------------- */

static gboolean
type_error (const char  *what,
            const char  *expected,
            GError     **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
               _("The saved report is damaged: %s is not %s"), what, expected);
  return FALSE;
}

/* A string or null (NULL); absent is null. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *what,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  /* json-glib lets an escaped lone surrogate ("\ud800") through as
   * invalid UTF-8, which no save could write back. */
  if (!is_string (node) || !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return type_error (what, _("a text"), error);
  *value = json_node_get_string (node);
  return TRUE;
}

/* A whole number in [min, max]; absent is @fallback. */
static gboolean
get_int (JsonObject  *object,
         const char  *member,
         const char  *what,
         gint64       min,
         gint64       max,
         gint64       fallback,
         gint64      *value,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    return type_error (what, _("a whole number in range"), error);
  *value = json_node_get_int (node);
  return TRUE;
}

/* A finite number within ±@limit (whole numbers included); absent or null
 * is FALSE in @present. */
static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *what,
            double       limit,
            gboolean    *present,
            double      *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *value = 0;
  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return type_error (what, _("a number"), error);
  if (!isfinite (*value) || fabs (*value) > limit)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("The saved report is damaged: %s is %g, which no report has"), what, *value);
      return FALSE;
    }
  *present = TRUE;
  return TRUE;
}

/* An object, or NULL when absent or null. */
static gboolean
get_object (JsonObject  *object,
            const char  *member,
            const char  *what,
            JsonObject **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (what, _("an object"), error);
  *value = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_source (JsonObject  *object,
             const char  *cell_id,
             NbSource    *source,
             GError     **error)
{
  static const char *const int_names[] = { "line", "column", "length", "page" };
  static const char *const double_names[] = { "x", "y", "w", "h" };
  guint *ints[] = { &source->line, &source->column, &source->length, &source->page };
  double *doubles[] = { &source->x, &source->y, &source->width, &source->height };

  memset (source, 0, sizeof *source);
  if (object == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (int_names); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s.source.%s", cell_id, int_names[i]);
      gint64 value;

      if (!get_int (object, int_names[i], what, 0, G_MAXINT, 0, &value, error))
        return FALSE;
      *ints[i] = value;
    }
  for (guint i = 0; i < G_N_ELEMENTS (double_names); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s.source.%s", cell_id, double_names[i]);
      gboolean present;

      if (!get_number (object, double_names[i], what, MAX_COORDINATE, &present, doubles[i], error))
        return FALSE;
    }
  return TRUE;
}

/* A cell's state and value; missing when either is absent or the state
 * unknown.  A value that is no number, or absurd, names the cell. */
static gboolean
read_cell (JsonObject   *object,
           const char   *cell_id,
           const char   *state_member,
           const char   *value_member,
           NbCellState  *state,
           double       *value,
           GError      **error)
{
  g_autofree char *state_what = g_strdup_printf (_("the state of cell %s"), cell_id);
  g_autofree char *value_what = g_strdup_printf (_("the value of cell %s"), cell_id);
  const char *name;
  gboolean present;
  int found;

  if (!get_string (object, state_member, state_what, &name, error) ||
      !get_number (object, value_member, value_what, MAX_CELL_VALUE, &present, value, error))
    return FALSE;
  found = state_from_name (name);
  if (found < 0 || !present)
    {
      *value = 0;
      *state = NB_CELL_MISSING;
    }
  else
    *state = found;
  return TRUE;
}

typedef struct
{
  const NbCellDef *cell;
  NbCellState      state, read_state;
  double           value, read_value;
  NbSource         source;
  const char      *note;
} CellData;

static gboolean
read_cells (JsonObject  *cells,
            GArray      *out,
            GError     **error)
{
  g_autoptr(GList) ids = cells ? json_object_get_members (cells) : NULL;

  for (GList *l = ids; l; l = l->next)
    {
      CellData data = { nb_template_lookup_cell (l->data) };
      g_autofree char *note_what = NULL;
      JsonObject *object, *source;

      if (data.cell == NULL)
        continue;
      if (!get_object (cells, l->data, data.cell->id, &object, error))
        return FALSE;
      if (object == NULL)
        continue;
      note_what = g_strdup_printf (_("the note of cell %s"), data.cell->id);
      if (!read_cell (object, data.cell->id, "state", "value", &data.state, &data.value, error) ||
          !read_cell (object, data.cell->id, "read_state", "read_value",
                      &data.read_state, &data.read_value, error) ||
          !get_object (object, "source", data.cell->id, &source, error) ||
          !read_source (source, data.cell->id, &data.source, error) ||
          !get_string (object, "note", note_what, &data.note, error))
        return FALSE;
      g_array_append_val (out, data);
    }
  return TRUE;
}

NbReport *
nb_report_file_load_bytes (GBytes      *bytes,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GArray) cell_data = g_array_new (FALSE, FALSE, sizeof (CellData));
  JsonObject *root, *source, *template, *sections, *cells;
  const char *source_path, *source_sum, *agency, *title;
  gint64 version, year;

  g_return_val_if_fail (bytes != NULL, NULL);

  parser = parse (bytes, error);
  if (parser == NULL)
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  if (!has_format (root) ||
      !get_int (root, "version", "version", G_MININT64, G_MAXINT64, 0, &version, NULL) ||
      version != FORMAT_VERSION)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("This is not a report saved by this version of Nianbao"));
      return NULL;
    }

  /* The members are checked before they are read. */
  if (!get_object (root, "source", "source", &source, error) ||
      (source != NULL &&
       (!get_string (source, "path", "source.path", &source_path, error) ||
        !get_string (source, "sha256", "source.sha256", &source_sum, error))) ||
      !get_object (root, "template", "template", &template, error) ||
      !get_string (root, "agency", "agency", &agency, error) ||
      !get_int (root, "year", "year", 0, 9999, 0, &year, error) ||
      !get_string (root, "title", "title", &title, error) ||
      !get_object (root, "sections", "sections", &sections, error) ||
      !get_object (root, "cells", "cells", &cells, error) ||
      !read_cells (cells, cell_data, error))
    return NULL;
  if (source == NULL)
    source_path = source_sum = NULL;

  report = nb_report_new ();
  nb_report_begin_import (report);

  nb_report_set_source_path (report, source_path);
  nb_report_set_source_checksum (report, source_sum);

  for (guint t = 0; template != NULL && t < NB_N_TABLES; t++)
    {
      const char *id = nb_template_get_table (t, NB_TEMPLATE_2021)->id;
      const char *name;
      NbTemplateVersion table_version;

      if (!get_string (template, id, "template", &name, error))
        return NULL;
      table_version = nb_template_version_from_string (name);
      if (table_version != NB_TEMPLATE_UNKNOWN)
        nb_report_set_table_version (report, t, table_version);
    }

  nb_report_set_agency (report, agency);
  nb_report_set_year (report, year);
  nb_report_set_title (report, title);

  for (guint s = 0; sections != NULL && s < NB_N_SECTIONS; s++)
    {
      const char *text;

      if (!get_string (sections, nb_template_get_section (s)->numeral, "sections", &text, error))
        return NULL;
      nb_report_set_section_text (report, s, text ? text : "");
    }

  for (guint i = 0; i < cell_data->len; i++)
    {
      const CellData *data = &g_array_index (cell_data, CellData, i);

      nb_report_set_cell (report, data->cell->index, data->state, data->value, &data->source, data->note);
    }

  nb_report_end_import (report);

  /* What was read stays what was read, across saves. */
  for (guint i = 0; i < cell_data->len; i++)
    {
      const CellData *data = &g_array_index (cell_data, CellData, i);

      nb_report_set_cell_as_read (report, data->cell->index, data->read_state, data->read_value);
    }

  nb_report_set_file_path (report, path);
  nb_report_set_modified (report, FALSE);
  return g_steal_pointer (&report);
}
