/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/* The source document is never written to. */
static gboolean
check_not_source (NbReport    *report,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) source = NULL;

  if (nb_report_get_source_path (report) == NULL)
    return TRUE;

  target = g_file_new_for_path (path);
  source = g_file_new_for_path (nb_report_get_source_path (report));
  if (!g_file_equal (source, target))
    return TRUE;

  g_set_error (error, NB_ERROR, NB_ERROR_FAILED, "%s",
               _("Nianbao never writes to the source document: choose another file"));
  return FALSE;
}

/* Written to a temporary file, synced, then renamed over the target: a
 * crash leaves the old file or the new one, never half of one. */
static gboolean
write_data (const char  *path,
            const char  *data,
            GError     **error)
{
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
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

gboolean
nb_report_file_is_saved_report (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] != '{')
    return FALSE;
  return g_strstr_len (data + i, MIN (length - i, 256), "\"format\" : \"" FORMAT_NAME "\"") != NULL ||
         g_strstr_len (data + i, MIN (length - i, 256), "\"format\":\"" FORMAT_NAME "\"") != NULL;
}

/* json-glib 1.6 has no json_object_get_object_member_with_default (). */
static JsonObject *
object_member (JsonObject *object,
               const char *member,
               JsonObject *default_value)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : default_value;
}

static gboolean
read_source (JsonObject *object,
             NbSource   *source)
{
  memset (source, 0, sizeof *source);
  if (object == NULL)
    return FALSE;
  source->line = json_object_get_int_member_with_default (object, "line", 0);
  source->column = json_object_get_int_member_with_default (object, "column", 0);
  source->length = json_object_get_int_member_with_default (object, "length", 0);
  source->page = json_object_get_int_member_with_default (object, "page", 0);
  source->x = json_object_get_double_member_with_default (object, "x", 0);
  source->y = json_object_get_double_member_with_default (object, "y", 0);
  source->width = json_object_get_double_member_with_default (object, "w", 0);
  source->height = json_object_get_double_member_with_default (object, "h", 0);
  source->table = json_object_get_int_member_with_default (object, "table", 0);
  source->table_row = json_object_get_int_member_with_default (object, "table_row", 0);
  source->table_column = json_object_get_int_member_with_default (object, "table_column", 0);
  return TRUE;
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

/* A cell's state and value; missing when either is absent or unknown. */
static NbCellState
read_cell (JsonObject *object,
           const char *state_member,
           const char *value_member,
           double     *value)
{
  int state = state_from_name (json_object_get_string_member_with_default (object, state_member, NULL));

  if (state < 0 || !read_number (object, value_member, value))
    {
      *value = 0;
      return NB_CELL_MISSING;
    }
  return state;
}

NbReport *
nb_report_file_load_bytes (GBytes      *bytes,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GList) ids = NULL;
  JsonObject *root, *source, *template, *sections, *cells;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("The saved report is damaged (%s)"),
                   local_error ? local_error->message : _("not a JSON object"));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), FORMAT_NAME) != 0 ||
      json_object_get_int_member_with_default (root, "version", 0) != FORMAT_VERSION)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID_FILE,
                   _("This is not a report saved by this version of Nianbao"));
      return NULL;
    }

  report = nb_report_new ();
  nb_report_begin_import (report);

  source = object_member (root, "source", NULL);
  if (source != NULL)
    {
      nb_report_set_source_path (report, json_object_get_string_member_with_default (source, "path", NULL));
      nb_report_set_source_checksum (report, json_object_get_string_member_with_default (source, "sha256", NULL));
    }

  template = object_member (root, "template", NULL);
  for (guint t = 0; template != NULL && t < NB_N_TABLES; t++)
    {
      NbTemplateVersion version =
        nb_template_version_from_string (json_object_get_string_member_with_default (template,
                                                                              nb_template_get_table (t, NB_TEMPLATE_2021)->id,
                                                                              NULL));

      if (version != NB_TEMPLATE_UNKNOWN)
        nb_report_set_table_version (report, t, version);
    }

  nb_report_set_agency (report, json_object_get_string_member_with_default (root, "agency", NULL));
  nb_report_set_year (report, CLAMP (json_object_get_int_member_with_default (root, "year", 0), 0, 9999));
  nb_report_set_title (report, json_object_get_string_member_with_default (root, "title", NULL));

  sections = object_member (root, "sections", NULL);
  for (guint s = 0; sections != NULL && s < NB_N_SECTIONS; s++)
    nb_report_set_section_text (report, s,
                                json_object_get_string_member_with_default (sections,
                                                                            nb_template_get_section (s)->numeral,
                                                                            ""));

  cells = object_member (root, "cells", NULL);
  if (cells != NULL)
    ids = json_object_get_members (cells);
  for (GList *l = ids; l; l = l->next)
    {
      const NbCellDef *cell = nb_template_lookup_cell (l->data);
      JsonNode *node = json_object_get_member (cells, l->data);
      JsonObject *object;
      NbSource cell_source;
      int state;
      double value;

      if (cell == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      state = read_cell (object, "state", "value", &value);
      read_source (object_member (object, "source", NULL), &cell_source);
      nb_report_set_cell (report, cell->index, state, value, &cell_source,
                          json_object_get_string_member_with_default (object, "note", NULL));
    }

  nb_report_end_import (report);

  /* What was read stays what was read, across saves. */
  for (GList *l = ids; l; l = l->next)
    {
      const NbCellDef *cell = nb_template_lookup_cell (l->data);
      JsonNode *node = json_object_get_member (cells, l->data);
      JsonObject *object;
      int state;
      double value;

      if (cell == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      state = read_cell (object, "read_state", "read_value", &value);
      nb_report_set_cell_as_read (report, cell->index, state, value);
    }

  nb_report_set_file_path (report, path);
  nb_report_set_modified (report, FALSE);
  return g_steal_pointer (&report);
}
