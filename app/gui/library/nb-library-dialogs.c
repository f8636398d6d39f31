/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-library-dialogs.h"
#include "nb-library-view-private.h"

/* The agency menu's dialogs: short questions with a field or a list in
 * them, answered once.  Each dialog's data lives as long as the dialog. */

typedef struct
{
  NbLibraryView      *view;
  gint64              agency_id;
  char               *search;       /* merge: the other agency's name typed */
  GtkCustomFilter    *filter;       /* merge: other agencies, unowned */
  GtkSingleSelection *selection;    /* merge: unowned */
  GtkEditable        *region;       /* edit: unowned */
  GtkDropDown        *choice;       /* edit: level; split: the name */
} DialogData;

static void
dialog_data_free (gpointer user_data)
{
  DialogData *data = user_data;

  g_clear_object (&data->view);
  g_clear_pointer (&data->search, g_free);
  g_free (data);
}

static void
dialog_data_notify (gpointer  user_data,
                    GClosure *closure)
{
  dialog_data_free (user_data);
}

static DialogData *
dialog_data_new (NbLibraryView   *view,
                 NbLibraryAgency *agency)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->view = g_object_ref (view);
  data->agency_id = nb_library_agency_get_id (agency);
  return data;
}

static AdwMessageDialog *
new_dialog (NbLibraryView *view,
            const char    *heading,
            const char    *body,
            const char    *response_id,
            const char    *response_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response_id, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* ---- Merge: choose the other name from a list ------------------------ */

static gboolean
filter_other (gpointer item,
              gpointer user_data)
{
  DialogData *data = user_data;

  return nb_library_agency_get_id (item) != data->agency_id &&
         (data->search == NULL || nb_library_agency_matches (item, data->search));
}

static void
on_merge_search (GtkSearchEntry *entry,
                 DialogData     *data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (data->search);
  data->search = *text ? g_strdup (text) : NULL;
  gtk_filter_changed (GTK_FILTER (data->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_merge_selected (GtkSingleSelection *selection,
                   GParamSpec         *pspec,
                   AdwMessageDialog   *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "merge",
                                           gtk_single_selection_get_selected_item (selection) != NULL);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_agency_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  NbLibraryAgency *agency = gtk_list_item_get_item (item);
  g_autofree char *years = nb_library_agency_dup_years_text (agency);
  g_autofree char *text = NULL;

  text = years && *years ? g_strdup_printf ("%s  (%s)", nb_library_agency_get_name (agency), years)
                         : g_strdup (nb_library_agency_get_name (agency));
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *data)
{
  NbLibraryAgency *other;

  if (!g_str_equal (response, "merge"))
    return;
  other = gtk_single_selection_get_selected_item (data->selection);
  if (other != NULL)
    nb_library_view_merge (data->view, data->agency_id, nb_library_agency_get_id (other));
}

void
_nb_library_view_show_merge (NbLibraryView   *self,
                             NbLibraryAgency *agency)
{
  DialogData *data = dialog_data_new (self, agency);
  g_autofree char *heading = g_strdup_printf (_("Merge “%s” With…"), nb_library_agency_get_name (agency));
  AdwMessageDialog *dialog;
  GtkFilterListModel *others;
  GtkListItemFactory *factory;
  GtkWidget *box, *search, *scrolled, *list;

  dialog = new_dialog (self, heading,
                       _("Choose another name of the same agency. Its reports join this agency, "
                         "and the library keeps the merge."),
                       "merge", _("_Merge"));
  adw_message_dialog_set_response_enabled (dialog, "merge", FALSE);

  /* The filter owns the data: it lives as long as the dialog's list. */
  data->filter = gtk_custom_filter_new (filter_other, data, dialog_data_free);
  others = gtk_filter_list_model_new (g_object_ref (nb_library_get_agencies (self->library)),
                                      GTK_FILTER (data->filter));
  data->selection = gtk_single_selection_new (G_LIST_MODEL (others));
  gtk_single_selection_set_autoselect (data->selection, FALSE);
  gtk_single_selection_set_can_unselect (data->selection, TRUE);
  gtk_single_selection_set_selected (data->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_agency_label), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (data->selection), factory);
  gtk_widget_add_css_class (list, "navigation-sidebar");

  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Find an agency"), NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scrolled, "card");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (search, "search-changed", G_CALLBACK (on_merge_search), data);
  g_signal_connect_object (data->selection, "notify::selected", G_CALLBACK (on_merge_selected), dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_merge_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Split: one grouped name becomes its own agency ------------------ */

static void
on_split_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *data)
{
  GtkStringObject *name;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "split"))
    return;
  name = gtk_drop_down_get_selected_item (data->choice);
  if (name != NULL &&
      !nb_library_split_agency (nb_library_view_get_library (data->view), data->agency_id,
                                gtk_string_object_get_string (name), &error))
    _nb_library_view_error (data->view, error);
}

void
_nb_library_view_show_split (NbLibraryView   *self,
                             NbLibraryAgency *agency)
{
  DialogData *data = dialog_data_new (self, agency);
  const char *const *names = nb_library_agency_get_names (agency);
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; names && names[i]; i++)
    if (g_strcmp0 (names[i], nb_library_agency_get_name (agency)) != 0)
      gtk_string_list_append (others, names[i]);

  body = g_strdup_printf (_("“%s” groups several names. Choose the name that is another agency: "
                            "its reports become that agency’s."), nb_library_agency_get_name (agency));
  dialog = new_dialog (self, _("Split a Name Off"), body, "split", _("_Split"));
  data->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (others)), NULL));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (data->choice));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_split_response), data,
                         dialog_data_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Region and level ------------------------------------------------- */

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;

  if (!g_str_equal (response, "save"))
    return;
  region = g_strstrip (g_strdup (gtk_editable_get_text (data->region)));
  /* The list's order is NbAgencyLevel's. */
  if (!nb_library_set_agency_info (nb_library_view_get_library (data->view), data->agency_id,
                                   *region ? region : NULL,
                                   (NbAgencyLevel) gtk_drop_down_get_selected (data->choice), &error))
    _nb_library_view_error (data->view, error);
}

void
_nb_library_view_show_edit (NbLibraryView   *self,
                            NbLibraryAgency *agency)
{
  DialogData *data = dialog_data_new (self, agency);
  const char *const levels[] = { _("Not set"), _("Government"), _("Department"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *box, *region;
  const char *current = nb_library_agency_get_region (agency);

  dialog = new_dialog (self, _("Region and Level"),
                       _("Evaluators compare agencies of one region and level."),
                       "save", _("_Save"));
  region = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (region), _("Province, city or county"));
  gtk_entry_set_activates_default (GTK_ENTRY (region), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (region), current ? current : "");
  data->region = GTK_EDITABLE (region);
  data->choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (levels));
  gtk_drop_down_set_selected (data->choice, nb_library_agency_get_level (agency));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), region);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->choice));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_edit_response), data,
                         dialog_data_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Failures of an import ------------------------------------------- */

GtkWindow *
nb_library_failures_dialog_new (GtkWindow                   *parent,
                                const NbLibraryImportResult *result)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list, *scrolled;

  g_return_val_if_fail (result != NULL, NULL);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u file could not be read; the others were imported.",
                                       "%u files could not be read; the others were imported.",
                                       result->n_failed),
                          result->n_failed);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Some Files Were Not Imported"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; result->failures && i < result->failures->len; i++)
    {
      const NbLibraryFailure *failure = g_ptr_array_index (result->failures, i);
      g_autofree char *name = g_filename_display_basename (failure->path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), failure->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_tooltip_text (row, failure->path);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  return GTK_WINDOW (dialog);
}
