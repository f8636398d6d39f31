/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nianbao-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb-checker.h"
#include "nb-document.h"
#include "nb-importer.h"
#include "nb-problem.h"
#include "nb-report-export.h"
#include "nianbao-cli-library.h"

/* nianbao-cli: the batch side of Nianbao.  Files are imported in parallel,
 * one per core, and printed in the order given. */

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNREADABLE = 2,
  EXIT_USAGE = 3,
};

typedef struct
{
  const char    *path;
  NbReport      *report;
  NbChecker     *checker;
  NbSourceState  source_state;   /* of a saved report */
  GError        *error;
} Job;

typedef enum
{
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_TEXT,
} Format;

static const char *opt_format = "json";
static Format format;
static char *opt_password;
static char *opt_pages;
static gboolean opt_version;
static char *opt_library;
static char *opt_agency;
static int opt_year;
static NbImportOptions import_options;

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  (void) user_data;
  job->report = nb_import_file (job->path, &import_options, NULL, &job->error);
  if (job->report == NULL)
    return;
  job->checker = nb_checker_new (job->report);

  /* A saved report: is its source still the one it was read from?  Only
   * the SHA-256 is compared; the source is not opened. */
  if (nb_report_get_file_path (job->report) != NULL)
    nb_document_check_saved_source (job->report, job->path, NULL, NULL,
                                    &job->source_state, NULL, NULL);
}

/* A name or a message on one line of the terminal: control characters
 * (a newline in a file name, say) are escaped. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
print_source_state (const Job *job)
{
  g_autofree char *path = one_line (job->path);
  g_autofree char *source = one_line (nb_report_get_source_path (job->report));

  switch (job->source_state)
    {
    case NB_SOURCE_STATE_CHANGED:
      g_printerr (_("nianbao-cli: %s: its source %s has changed since the report was saved\n"),
                  path, source);
      break;
    case NB_SOURCE_STATE_MISSING:
      g_printerr (_("nianbao-cli: %s: its source %s is missing\n"), path, source);
      break;
    case NB_SOURCE_STATE_NONE:
    case NB_SOURCE_STATE_SAME:
    default:
      break;
    }
}

/* "--" ends the options: GOption leaves it in place, among the files. */
static void
drop_option_end (int   *argc,
                 char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (&argv[i], &argv[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

static void
import_all (Job   *jobs,
            guint  n_jobs)
{
  GThreadPool *pool;

  if (n_jobs == 1)
    {
      run_job (&jobs[0], NULL);
      return;
    }

  pool = g_thread_pool_new (run_job, NULL, MIN (g_get_num_processors (), n_jobs), TRUE, NULL);
  for (guint i = 0; i < n_jobs; i++)
    g_thread_pool_push (pool, &jobs[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* extract and check --library: the stored reports, by AGENCY:YEAR. */
static gboolean
load_stored (Job   *jobs,
             guint  n_jobs)
{
  g_autoptr(NbLibrary) library = nb_cli_open_library (opt_library);

  if (library == NULL)
    return FALSE;
  for (guint i = 0; i < n_jobs; i++)
    {
      jobs[i].report = nb_cli_load_stored (library, jobs[i].path, &jobs[i].error);
      if (jobs[i].report != NULL)
        jobs[i].checker = nb_checker_new (jobs[i].report);
    }
  return TRUE;
}

static gboolean
parse_pages (const char  *text,
             GError     **error)
{
  guint64 first = 0, last = 0;
  g_auto(GStrv) parts = g_strsplit (text, "-", 2);

  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &first, NULL))
    goto bad;
  last = first;
  if (parts[1] != NULL && parts[1][0] != '\0' &&
      !g_ascii_string_to_unsigned (parts[1], 10, first, G_MAXUINT, &last, NULL))
    goto bad;
  if (parts[1] != NULL && parts[1][0] == '\0')
    last = 0;

  import_options.first_page = first;
  import_options.last_page = last;
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--pages takes a page or a range such as 2-5 or 3-, not “%s”"), text);
  return FALSE;
}

static void
print_problems (Job *job)
{
  GListModel *problems = nb_checker_get_problems (job->checker);
  guint n = g_list_model_get_n_items (problems);

  if (n == 0)
    {
      g_print (_("%s: no problems\n"), job->path);
      return;
    }

  g_print (g_dngettext (NULL, "%s: %u problem\n", "%s: %u problems\n", n), job->path, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *cells = g_strjoinv (",", (char **) nb_problem_get_cells (problem));

      g_print ("  %s\t%s\t%s\n", nb_problem_get_rule (problem), cells,
               nb_problem_get_message (problem));
    }
}

static int
print_extract (Job   *jobs,
               guint  n_jobs)
{
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autofree char *out = NULL;

      if (jobs[i].report == NULL)
        continue;

      if (format == FORMAT_JSON)
        {
          out = nb_report_export_json (jobs[i].report,
                                       nb_checker_get_problems (jobs[i].checker),
                                       jobs[i].path);
          g_print ("%s\n", out);
        }
      else if (format == FORMAT_CSV)
        {
          if (i == 0)
            g_print (n_jobs > 1 ? "file,cell_id,label,value\n" : "cell_id,label,value\n");
          out = nb_report_export_csv (jobs[i].report, n_jobs > 1 ? jobs[i].path : NULL);
          g_print ("%s", out);
        }
      else
        {
          out = nb_report_export_text (jobs[i].report,
                                       nb_checker_get_problems (jobs[i].checker));
          if (n_jobs > 1)
            g_print ("==> %s <==\n", jobs[i].path);
          g_print ("%s%s", out, i + 1 < n_jobs ? "\n" : "");
        }
    }
  return EXIT_OK;
}

static int
print_check (Job   *jobs,
             guint  n_jobs)
{
  int status = EXIT_OK;

  for (guint i = 0; i < n_jobs; i++)
    {
      if (jobs[i].report == NULL)
        continue;
      print_problems (&jobs[i]);
      if (g_list_model_get_n_items (nb_checker_get_problems (jobs[i].checker)) > 0)
        status = EXIT_PROBLEMS;
    }
  return status;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
      N_("Output of extract: json (one object per line, the default), csv or text"), N_("FORMAT") },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &opt_password,
      N_("Password of encrypted PDF files"), N_("PASSWORD") },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &opt_pages,
      N_("Read only these pages of PDF files: 3, 2-5 or 4-"), N_("RANGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, N_("Show the version"), NULL },
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library,
      N_("Read stored reports from this library: give AGENCY:YEAR instead of files"), N_("PATH") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &opt_agency,
      N_("With --library: the agency (any of its names)"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_INT, &opt_year, N_("With --library: the year"), N_("YEAR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree Job *jobs = NULL;
  g_autofree char *agency_spec = NULL;
  const char *command;
  guint n_jobs;
  int status;

  setlocale (LC_ALL, "");
  /* NIANBAO_LOCALEDIR: translations of an uninstalled build (tests, devenv) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NIANBAO_LOCALEDIR") ? g_getenv ("NIANBAO_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  nb_cli_command_first (argc, argv);
  if (argc >= 2 && nb_cli_is_library_command (argv[1]))
    return g_str_equal (argv[1], "import") ? nb_cli_import (argc, argv)
         : g_str_equal (argv[1], "list") ? nb_cli_list (argc, argv)
         : nb_cli_agencies (argc, argv);

  context = g_option_context_new (_("extract|check FILE… — read annual reports on government "
                                    "information disclosure"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Commands:\n"
      "  extract FILE…   print every cell of each report (text, PDF, web page, Word or "
      "Markdown)\n"
      "  check FILE…     print the problems the consistency rules find\n"
      "  import PATH…    add reports (files, folders) to the library\n"
      "  list            list the library's agencies, years and problems\n"
      "  agencies merge NAME OTHER | agencies split NAME\n"
      "\n"
      "extract and check read stored reports with --library PATH and AGENCY:YEAR\n"
      "arguments (or --agency NAME --year YEAR)."));
  g_option_context_set_description (context,
    _("Files may be text (UTF-8, UTF-16 or GB18030), PDF, web pages (.html, .htm, .shtml, "
      "saved pages and .mhtml archives), Word files (.docx; .doc and .wps through LibreOffice "
      "when it is installed), Markdown, or reports saved by Nianbao (.nianbao).\n"
      "\n"
      "extract --format json prints one JSON object per file and line: file, template "
      "(per table), agency, year, title, cells (null when missing), sources, problems "
      "(rule, cells, message) and sections.\n"
      "extract --format csv prints cell_id,label,value rows (with a leading file column "
      "when several files are given); --format text prints a plain reading.\n"
      "\n"
      "Exit status: 0 when all is well; 1 when check finds problems; 2 when a file could "
      "not be read (the reason is printed on standard error); 3 on a usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  drop_option_end (&argc, argv);

  if (opt_version)
    {
      g_print ("nianbao-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < (opt_agency != NULL ? 2 : 3) ||
      (!g_str_equal (argv[1], "extract") && !g_str_equal (argv[1], "check")))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (g_str_equal (opt_format, "json"))
    format = FORMAT_JSON;
  else if (g_str_equal (opt_format, "csv"))
    format = FORMAT_CSV;
  else if (g_str_equal (opt_format, "text"))
    format = FORMAT_TEXT;
  else
    {
      g_printerr (_("nianbao-cli: unknown format “%s” (json, csv or text)\n"), opt_format);
      return EXIT_USAGE;
    }

  if (opt_pages != NULL && !parse_pages (opt_pages, &error))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return EXIT_USAGE;
    }
  import_options.password = opt_password;

  command = argv[1];
  n_jobs = argc - 2 + (opt_agency != NULL);
  jobs = g_new0 (Job, n_jobs);
  for (guint i = 0; i < (guint) argc - 2; i++)
    jobs[i].path = argv[i + 2];
  if (opt_agency != NULL)
    jobs[n_jobs - 1].path = agency_spec = g_strdup_printf ("%s:%d", opt_agency, opt_year);

  if (opt_library != NULL)
    {
      if (!load_stored (jobs, n_jobs))
        return EXIT_UNREADABLE;
    }
  else if (opt_agency != NULL)
    {
      g_printerr (_("nianbao-cli: --agency and --year need --library\n"));
      return EXIT_USAGE;
    }
  else
    import_all (jobs, n_jobs);

  status = g_str_equal (command, "extract") ? print_extract (jobs, n_jobs)
                                            : print_check (jobs, n_jobs);

  for (guint i = 0; i < n_jobs; i++)
    {
      if (jobs[i].error != NULL)
        {
          g_autofree char *path = one_line (jobs[i].path);
          g_autofree char *message = one_line (jobs[i].error->message);

          g_printerr ("nianbao-cli: %s: %s\n", path, message);
          status = EXIT_UNREADABLE;
        }
      else if (jobs[i].report != NULL)
        print_source_state (&jobs[i]);
      g_clear_error (&jobs[i].error);
      g_clear_object (&jobs[i].checker);
      g_clear_object (&jobs[i].report);
    }

  return status;
}
