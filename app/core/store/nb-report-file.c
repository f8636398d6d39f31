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
#include "nb-report-file-private.h"

static const char *const state_names[] = {
  [NB_CELL_MISSING] = "missing",
  [NB_CELL_FOUND] = "found",
  [NB_CELL_EDITED] = "edited",
  [NB_CELL_DERIVED] = "derived",
};

int
_nb_report_file_state_from_name (const char *name)
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
  if (source->table > 0)
    {
      MEMBER_INT ("table", table);
      MEMBER_INT ("table_row", table_row);
      MEMBER_INT ("table_column", table_column);
    }
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
  json_builder_add_string_value (builder, NB_REPORT_FILE_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, NB_REPORT_FILE_FORMAT_VERSION);

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
