/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nianbao-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nb-enums.h"
#include "nianbao-cli-library.h"

/* nianbao-cli import, list and agencies: the library from the command
 * line.  --library PATH everywhere; without it, the default library
 * ($XDG_DATA_HOME/nianbao/library.sqlite). */

enum {
  EXIT_OK = 0,
  EXIT_UNREADABLE = 2,
  EXIT_USAGE = 3,
};

static char *opt_library;
static const char *opt_list_format = "text";

gboolean
nb_cli_is_library_command (const char *command)
{
  return g_strcmp0 (command, "import") == 0 || g_strcmp0 (command, "list") == 0 ||
         g_strcmp0 (command, "agencies") == 0;
}

NbLibrary *
nb_cli_open_library (const char *path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  NbLibrary *library;

  if (path == NULL)
    path = default_path = nb_library_dup_default_path ();
  library = nb_library_open (path, &error);
  if (library == NULL)
    g_printerr ("nianbao-cli: %s\n", error->message);
  return library;
}

static gboolean
parse_options (const char    *parameter,
               const char    *summary,
               GOptionEntry  *extra,
               int           *argc,
               char        ***argv)
{
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
      N_("The library file (default: library.sqlite in the user's data folder)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- import ---------------------------------------------------------- */

static void
print_progress (guint       done,
                guint       total,
                const char *current_path,
                double      files_per_second,
                gpointer    data)
{
  g_autofree char *name = current_path ? g_path_get_basename (current_path) : g_strdup ("");

  /* One line, rewritten: only on a terminal (see nb_cli_import). */
  g_printerr ("\r\033[K%u/%u  %.0f/s  %s", done, total, files_per_second, name);
  if (done == total)
    g_printerr ("\n");
}

int
nb_cli_import (int    argc,
               char **argv)
{
  g_autoptr(NbLibrary) library = NULL;
  g_autoptr(NbLibraryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean terminal = isatty (STDERR_FILENO);

  if (!parse_options (_("import PATH… — add reports (files, or folders read recursively) to the library"),
                      NULL, NULL, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 3)
    {
      g_printerr (_("nianbao-cli: import needs at least one file or folder\n"));
      return EXIT_USAGE;
    }

  library = nb_cli_open_library (opt_library);
  if (library == NULL)
    return EXIT_UNREADABLE;

  result = nb_library_import (library, (const char *const *) argv + 2, NULL,
                              terminal ? print_progress : NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; i < result->failures->len; i++)
    {
      NbLibraryFailure *failure = g_ptr_array_index (result->failures, i);

      g_printerr ("nianbao-cli: %s: %s\n", failure->path, failure->message);
    }
  g_print (g_dngettext (NULL, "%u report added", "%u reports added", result->n_added), result->n_added);
  g_print (g_dngettext (NULL, ", %u already in the library", ", %u already in the library", result->n_duplicates),
           result->n_duplicates);
  g_print (g_dngettext (NULL, ", %u failed", ", %u failed", result->n_failed), result->n_failed);
  g_print (_(" (library: %s)\n"), nb_library_get_path (library));

  return result->n_failed > 0 ? EXIT_UNREADABLE : EXIT_OK;
}

/* ---- list -------------------------------------------------------------- */

static const char *
level_nick (NbAgencyLevel level)
{
  GEnumClass *klass = g_type_class_peek (NB_TYPE_AGENCY_LEVEL);
  GEnumValue *value = g_enum_get_value (klass, level);

  return value ? value->value_nick : "unknown";
}

static char *
csv_field (const char *text)
{
  g_autoptr(GString) s = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (strpbrk (text, ",\"\n") == NULL)
    return g_strdup (text);
  s = g_string_new ("\"");
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
list_json (NbLibraryAgency *agency)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  GListModel *reports = nb_library_agency_get_reports (agency);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, nb_library_agency_get_id (agency));
  json_builder_set_member_name (builder, "agency");
  json_builder_add_string_value (builder, nb_library_agency_get_name (agency));
  json_builder_set_member_name (builder, "names");
  json_builder_begin_array (builder);
  for (const char *const *n = nb_library_agency_get_names (agency); *n; n++)
    json_builder_add_string_value (builder, *n);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, nb_library_agency_get_region (agency));
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, level_nick (nb_library_agency_get_level (agency)));
  json_builder_set_member_name (builder, "problems");
  json_builder_add_int_value (builder, nb_library_agency_get_n_problems (agency));
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(NbLibraryEntry) entry = g_list_model_get_item (reports, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, nb_library_entry_get_id (entry));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, nb_library_entry_get_year (entry));
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, nb_library_entry_get_agency_name (entry));
      json_builder_set_member_name (builder, "problems");
      json_builder_add_int_value (builder, nb_library_entry_get_n_problems (entry));
      json_builder_set_member_name (builder, "source");
      if (nb_library_entry_get_source_path (entry) != NULL)
        json_builder_add_string_value (builder, nb_library_entry_get_source_path (entry));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  out = json_generator_to_data (generator, NULL);
  g_print ("%s\n", out);
}

static void
list_csv (NbLibraryAgency *agency)
{
  GListModel *reports = nb_library_agency_get_reports (agency);
  g_autofree char *name = csv_field (nb_library_agency_get_name (agency));
  g_autofree char *region = csv_field (nb_library_agency_get_region (agency));

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(NbLibraryEntry) entry = g_list_model_get_item (reports, i);
      g_autofree char *source = csv_field (nb_library_entry_get_source_path (entry));

      g_print ("%s,%s,%s,%d,%u,%s\n", name, region, level_nick (nb_library_agency_get_level (agency)),
               nb_library_entry_get_year (entry), nb_library_entry_get_n_problems (entry), source);
    }
}

static void
list_text (NbLibraryAgency *agency)
{
  g_autofree char *years = nb_library_agency_dup_years_text (agency);
  const char *region = nb_library_agency_get_region (agency);
  guint n = nb_library_agency_get_n_problems (agency);

  g_print ("%s\t%s\t%s\t", nb_library_agency_get_name (agency), region[0] ? region : "-", years);
  g_print (g_dngettext (NULL, "%u problem\n", "%u problems\n", n), n);
}

int
nb_cli_list (int    argc,
             char **argv)
{
  GOptionEntry extra[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_list_format,
      N_("text (the default), json (one object per agency and line) or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(NbLibrary) library = NULL;
  GListModel *agencies;

  if (!parse_options (_("list — the library's agencies, their years and problem counts"), NULL, extra, &argc, &argv))
    return EXIT_USAGE;
  if (g_strcmp0 (opt_list_format, "text") != 0 && g_strcmp0 (opt_list_format, "json") != 0 &&
      g_strcmp0 (opt_list_format, "csv") != 0)
    {
      g_printerr (_("nianbao-cli: unknown format “%s” (text, json or csv)\n"), opt_list_format);
      return EXIT_USAGE;
    }
  if (argc > 2)
    {
      g_printerr (_("nianbao-cli: list takes no arguments\n"));
      return EXIT_USAGE;
    }

  library = nb_cli_open_library (opt_library);
  if (library == NULL)
    return EXIT_UNREADABLE;

  g_type_class_ref (NB_TYPE_AGENCY_LEVEL);
  agencies = nb_library_get_agencies (library);
  if (g_str_equal (opt_list_format, "csv"))
    g_print ("agency,region,level,year,problems,source\n");
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(NbLibraryAgency) agency = g_list_model_get_item (agencies, i);

      if (g_str_equal (opt_list_format, "json"))
        list_json (agency);
      else if (g_str_equal (opt_list_format, "csv"))
        list_csv (agency);
      else
        list_text (agency);
    }
  return EXIT_OK;
}

/* ---- agencies merge|split ---------------------------------------------- */

static NbLibraryAgency *
find_agency (NbLibrary  *library,
             const char *name)
{
  NbLibraryAgency *agency = nb_library_find_agency (library, name);

  if (agency == NULL)
    g_printerr (_("nianbao-cli: the library has no agency named “%s”\n"), name);
  return agency;
}

int
nb_cli_agencies (int    argc,
                 char **argv)
{
  g_autoptr(NbLibrary) library = NULL;
  g_autoptr(NbLibraryAgency) agency = NULL;
  g_autoptr(NbLibraryAgency) other = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merge;

  if (!parse_options (_("agencies merge NAME OTHER | agencies split NAME"),
                      _("merge: OTHER's reports and names join NAME's agency, now and on later imports.\n"
                        "split: the reports named NAME leave the agency they were grouped or merged into."),
                      NULL, &argc, &argv))
    return EXIT_USAGE;

  merge = argc == 5 && g_str_equal (argv[2], "merge");
  if (!merge && !(argc == 4 && g_str_equal (argv[2], "split")))
    {
      g_printerr (_("nianbao-cli: use agencies merge NAME OTHER, or agencies split NAME\n"));
      return EXIT_USAGE;
    }

  library = nb_cli_open_library (opt_library);
  if (library == NULL)
    return EXIT_UNREADABLE;
  if ((agency = find_agency (library, argv[3])) == NULL ||
      (merge && (other = find_agency (library, argv[4])) == NULL))
    return EXIT_UNREADABLE;

  if (merge ? !nb_library_merge_agencies (library, nb_library_agency_get_id (agency),
                                          nb_library_agency_get_id (other), &error)
            : !nb_library_split_agency (library, nb_library_agency_get_id (agency), argv[3], &error))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (merge)
    g_print (_("“%s” and “%s” are now one agency\n"), argv[3], argv[4]);
  else
    g_print (_("“%s” is now an agency of its own\n"), argv[3]);
  return EXIT_OK;
}

/* ---- extract and check --library ----------------------------------------- */

/**
 * nb_cli_load_stored:
 * @spec: AGENCY:YEAR (the last colon splits them)
 *
 * Returns: (transfer full): the current stored report of that agency
 *   (any of its names) and year
 */
NbReport *
nb_cli_load_stored (NbLibrary   *library,
                    const char  *spec,
                    GError     **error)
{
  const char *colon = strrchr (spec, ':');
  g_autofree char *agency = NULL;
  guint64 year = 0;
  gint64 id;

  if (colon == NULL || colon == spec ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1900, 2999, &year, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not AGENCY:YEAR (such as 扶沟县工业和信息化局:2023)"), spec);
      return NULL;
    }
  agency = g_strndup (spec, colon - spec);
  id = nb_library_find_report (library, agency, year);
  if (id <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The library has no report of “%s” for %u"), agency, (guint) year);
      return NULL;
    }
  return nb_library_load_report (library, id, error);
}
