/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-docx-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <libxml/parser.h>
#include <string.h>

#include "nb-docx-reader.h"
#include "nb-error.h"
#include "nb-rendered-text.h"

/* The Word reader: a .docx (as Word and WPS save it) → its text rendering.
 * libgsf opens the zip, libxml2 reads word/document.xml: paragraphs as
 * prose, w:tbl as rows with gridSpan and vMerge expanded (a merged cell's
 * text stays in its first row; the rows below count it, empty).  Binary
 * .doc and .wps files are converted to .docx by LibreOffice first. */

#define W_NS              "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MAX_DOCUMENT_XML  (64 * 1024 * 1024)   /* unpacked; a zip bomb stops here */
#define MAX_SPAN          64
#define MAX_COLUMNS       256
#define CONVERT_TIMEOUT   120                  /* seconds */

static gboolean
is_w (const xmlNode *node,
      const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, W_NS) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

/* Alternatives a reader should not read twice, deleted text, field codes. */
static gboolean
is_skipped (const xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE &&
         (strcmp ((const char *) node->name, "Fallback") == 0 ||
          is_w (node, "del") || is_w (node, "instrText") || is_w (node, "delText") ||
          is_w (node, "sectPr") || is_w (node, "rPr") || is_w (node, "pPr"));
}

static xmlNode *
child_w (xmlNode    *node,
         const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child; child = child->next)
    if (is_w (child, name))
      return child;
  return NULL;
}

static char *
w_val (xmlNode *node)
{
  xmlChar *value = node ? xmlGetNsProp (node, (const xmlChar *) "val", (const xmlChar *) W_NS) : NULL;
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static guint
w_val_uint (xmlNode *node,
            guint    fallback,
            guint    limit)
{
  g_autofree char *value = w_val (node);
  guint64 n;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoull (value, NULL, 10);
  return CLAMP (n, 1, limit);
}

/* The text of @root: its runs, paragraphs (and tabs, breaks) joined. */
static char *
text_of (xmlNode *root)
{
  GString *text = g_string_new (NULL);
  gboolean pending = FALSE;

  for (xmlNode *node = root->children; node != NULL;)
    {
      gboolean descend = !is_skipped (node);

      if (!descend)
        ;
      else if (is_w (node, "t"))
        {
          xmlChar *content = xmlNodeGetContent (node);

          nb_text_append_collapsed (text, (const char *) content, -1, &pending);
          xmlFree (content);
          descend = FALSE;
        }
      else if (is_w (node, "p") || is_w (node, "tab") || is_w (node, "br") || is_w (node, "cr"))
        pending = TRUE;
      else if (is_w (node, "noBreakHyphen"))
        nb_text_append_collapsed (text, "-", 1, &pending);
      node = nb_xml_next_node (node, root, descend);
    }
  return g_string_free (text, FALSE);
}

/* The w:tr of a table or the w:tc of a row, w:sdt and w:customXml looked
 * through, never into what is found. */
static void
collect (xmlNode    *root,
         const char *name,
         GPtrArray  *found)
{
  for (xmlNode *node = root->children; node != NULL;)
    {
      gboolean descend = !is_skipped (node);

      if (is_w (node, name))
        {
          g_ptr_array_add (found, node);
          descend = FALSE;
        }
      node = nb_xml_next_node (node, root, descend);
    }
}

/* Cells of a row, spans counted; a row with gridBefore starts further in. */
static guint
row_width (xmlNode *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n = w_val_uint (child_w (child_w (row, "trPr"), "gridBefore"), 0, MAX_SPAN);

  collect (row, "tc", cells);
  for (guint i = 0; i < cells->len; i++)
    n += w_val_uint (child_w (child_w (cells->pdata[i], "tcPr"), "gridSpan"), 1, MAX_SPAN);
  return n;
}

/* A table of data: two columns somewhere and no table inside. */
static gboolean
is_data_table (xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean wide = FALSE;

  for (xmlNode *node = table->children; node != NULL; node = nb_xml_next_node (node, table, TRUE))
    if (is_w (node, "tbl"))
      return FALSE;
  collect (table, "tr", rows);
  for (guint i = 0; i < rows->len && !wide; i++)
    wide = row_width (rows->pdata[i]) >= 2;
  return wide;
}

static void
add_table (NbRenderedText *out,
           xmlNode        *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (table, "tr", rows);
  nb_rendered_text_begin_table (out);
  for (guint r = 0; r < rows->len; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      guint before = w_val_uint (child_w (child_w (rows->pdata[r], "trPr"), "gridBefore"), 0, MAX_SPAN);

      for (guint k = 0; k < before; k++)
        g_ptr_array_add (texts, NULL);
      collect (rows->pdata[r], "tc", cells);
      for (guint c = 0; c < cells->len && texts->len < MAX_COLUMNS; c++)
        {
          xmlNode *properties = child_w (cells->pdata[c], "tcPr");
          xmlNode *merge = child_w (properties, "vMerge");
          g_autofree char *merge_val = w_val (merge);
          guint span = w_val_uint (child_w (properties, "gridSpan"), 1, MAX_SPAN);

          /* A vMerge without "restart" continues the cell above: empty here. */
          if (merge != NULL && g_strcmp0 (merge_val, "restart") != 0)
            g_ptr_array_add (texts, NULL);
          else
            g_ptr_array_add (texts, text_of (cells->pdata[c]));
          for (guint k = 1; k < span; k++)
            g_ptr_array_add (texts, NULL);
        }
      nb_rendered_text_add_row (out, (char **) texts->pdata, texts->len);
    }
}

static void
render_body (NbRenderedText *out,
             xmlNode        *body)
{
  for (xmlNode *node = body->children; node != NULL;)
    {
      gboolean descend = !is_skipped (node);

      if (descend && is_w (node, "p"))
        {
          g_autofree char *text = text_of (node);

          nb_rendered_text_add_paragraph (out, text);
          descend = FALSE;
        }
      else if (descend && is_w (node, "tbl") && is_data_table (node))
        {
          add_table (out, node);
          descend = FALSE;
        }
      node = nb_xml_next_node (node, body, descend);
    }
}

gboolean
nb_docx_looks_like (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

/* The compound file of Word 97–2003 and of WPS, or RTF (sites publish
 * it as .doc): LibreOffice reads both. */
gboolean
nb_doc_looks_like (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) ||
         (length >= 5 && memcmp (data, "{\\rtf", 5) == 0);
}

static void
init_once (void)
{
  static gsize done = 0;

  nb_xml_init ();
  if (g_once_init_enter (&done))
    {
      gsf_init ();
      g_once_init_leave (&done, 1);
    }
}

/* word/document.xml, unpacked, within the limit. */
static GBytes *
read_member (GsfInfile  *zip,
             GError    **error)
{
  g_autoptr(GObject) member = G_OBJECT (gsf_infile_child_by_vname (zip, "word", "document.xml", NULL));
  gsf_off_t size;
  guint8 *data;

  if (member == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The zip archive holds no Word document (word/document.xml is missing)"));
      return NULL;
    }
  size = gsf_input_size (GSF_INPUT (member));
  if (size <= 0 || size > MAX_DOCUMENT_XML)
    {
      g_set_error (error, NB_ERROR, size <= 0 ? NB_ERROR_DAMAGED : NB_ERROR_TOO_LARGE,
                   _("The Word document's text is empty or far larger than a report"));
      return NULL;
    }
  data = g_malloc (size);
  if (gsf_input_read (GSF_INPUT (member), size, data) == NULL)
    {
      g_free (data);
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word file is damaged: its text cannot be unpacked"));
      return NULL;
    }
  return g_bytes_new_take (data, size);
}

/* word/document.xml, unpacked, within the limit. */
static GBytes *
read_document_xml (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(GObject) input = NULL;
  g_autoptr(GObject) zip = NULL;
  g_autoptr(GError) zip_error = NULL;

  input = G_OBJECT (gsf_input_memory_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE));
  zip = (GObject *) gsf_infile_zip_new (GSF_INPUT (input), &zip_error);
  if (zip == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word file is damaged or cut short: its zip archive cannot be opened"));
      return NULL;
    }
  return read_member (GSF_INFILE (zip), error);
}

/**
 * nb_docx_render:
 * @lines: (out): what each line of the rendering is
 *
 * Returns: the document's text rendering, or %NULL with @error set
 */
char *
nb_docx_render (GBytes  *bytes,
                GArray **lines,
                GError **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(NbRenderedText) out = NULL;
  xmlDocPtr doc;
  xmlNode *root, *body;

  init_once ();

  xml = read_document_xml (bytes, error);
  if (xml == NULL)
    return NULL;

  /* No entities expanded, nothing fetched; libxml2's depth limit holds. */
  doc = xmlReadMemory (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "document.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  body = child_w (root, "body");
  if (body == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word file is damaged: its text cannot be read"));
      return NULL;
    }

  out = nb_rendered_text_new ();
  render_body (out, body);
  xmlFreeDoc (doc);
  return nb_rendered_text_finish (g_steal_pointer (&out), lines);
}

/* ---- .doc and .wps through LibreOffice ---------------------------------- */

typedef struct
{
  gboolean done;
  gboolean timed_out;
  GError  *error;
} Wait;

static void
on_wait_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs LibreOffice and waits for it, at most CONVERT_TIMEOUT seconds. */
static gboolean
run_converter (const char *const *argv,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSource) timeout = NULL;
  Wait wait = { 0 };

  g_main_context_push_thread_default (context);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               error);
  if (process != NULL)
    {
      timeout = g_timeout_source_new_seconds (CONVERT_TIMEOUT);
      g_source_set_callback (timeout, on_timeout, &wait, NULL);
      g_source_attach (timeout, context);
      g_subprocess_wait_async (process, cancellable, on_wait_done, &wait);
      while (!wait.done)
        {
          if (wait.timed_out)
            g_subprocess_force_exit (process);
          g_main_context_iteration (context, TRUE);
        }
      g_source_destroy (timeout);
    }
  g_main_context_pop_thread_default (context);

  if (process == NULL)
    return FALSE;
  if (wait.error != NULL)
    {
      /* Cancelled: LibreOffice must not run on. */
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_propagate_error (error, wait.error);
      return FALSE;
    }
  if (wait.timed_out || !g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   _("LibreOffice could not convert the Word file to .docx"));
      return FALSE;
    }
  return TRUE;
}

/* The temporary folder, LibreOffice's profile in it, all gone. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/**
 * nb_doc_render:
 *
 * A Word 97–2003 or WPS file: LibreOffice converts it to .docx in a
 * private temporary folder (mode 0700, removed after), which is read as
 * any .docx.  Its profile is in that folder too: a LibreOffice already
 * running on a profile takes a conversion over and does nothing with it.
 * Blocking, up to CONVERT_TIMEOUT seconds.
 */
char *
nb_doc_render (GBytes        *bytes,
               GArray       **lines,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *folder = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *converted = NULL;
  gsize converted_length = 0;
  char *text = NULL;
  gboolean ok;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   _("This is a Word 97–2003 (.doc) or WPS file. Nianbao reads these through "
                     "LibreOffice, which is not installed: install LibreOffice, or open the file "
                     "in Word or WPS and save it as .docx"));
      return NULL;
    }

  folder = g_dir_make_tmp ("nianbao-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  input = g_build_filename (folder, "report.doc", NULL);
  output = g_build_filename (folder, "report.docx", NULL);
  profile = g_build_filename (folder, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  ok = g_file_set_contents_full (input, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_NONE, 0600, error);
  if (ok)
    {
      const char *argv[] = {
        soffice, "--headless", "--norestore", "--nolockcheck", "--nologo", profile_arg,
        "--convert-to", "docx", "--outdir", folder, input, NULL
      };

      ok = run_converter (argv, cancellable, error);
    }
  if (ok && !g_file_get_contents (output, &converted, &converted_length, NULL))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_FAILED,
                   _("LibreOffice could not convert the Word file to .docx"));
      ok = FALSE;
    }

  remove_tree (folder);

  if (ok)
    {
      g_autoptr(GBytes) docx = g_bytes_new_take (g_steal_pointer (&converted), converted_length);

      text = nb_docx_render (docx, lines, error);
    }
  return text;
}
