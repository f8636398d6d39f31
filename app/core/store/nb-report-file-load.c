/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-report-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "nb-error.h"
#include "nb-report-file-private.h"

/* Reading a .nianbao file, which may come from anyone: its shape is
 * checked before it is parsed, every member's type before it is read,
 * and the report is filled only from what passed. */

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

  return is_string (node) && g_strcmp0 (json_node_get_string (node), NB_REPORT_FILE_FORMAT_NAME) == 0;
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
  if (g_strstr_len (data + start, MIN (length - start, 4096), "\"" NB_REPORT_FILE_FORMAT_NAME "\"") != NULL)
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
  static const char *const int_names[] = { "line", "column", "length", "page",
                                           "table", "table_row", "table_column" };
  static const char *const double_names[] = { "x", "y", "w", "h" };
  guint *ints[] = { &source->line, &source->column, &source->length, &source->page,
                    &source->table, &source->table_row, &source->table_column };
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
  found = _nb_report_file_state_from_name (name);
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
      version != NB_REPORT_FILE_FORMAT_VERSION)
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
