/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-library-row.h"
#include "nb-library-view-private.h"

/* The agencies flow through list models, so ten thousand reports cost
 * only the rows on screen: the library's agencies → sort → filter (the
 * search) → tree (an agency's years below it) → the list view's recycled
 * rows. */

G_DEFINE_FINAL_TYPE (NbLibraryView, nb_library_view, GTK_TYPE_WIDGET)

/* The sort menu is a property action: its nicks are the menu's targets. */
G_DEFINE_ENUM_TYPE (NbLibrarySort, nb_library_sort,
  G_DEFINE_ENUM_VALUE (NB_LIBRARY_SORT_NAME, "name"),
  G_DEFINE_ENUM_VALUE (NB_LIBRARY_SORT_REGION, "region"),
  G_DEFINE_ENUM_VALUE (NB_LIBRARY_SORT_PROBLEMS, "problems"))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_IMPORTING,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _nb_library_view_signals[N_SIGNALS];

/* ---- Search and sort --------------------------------------------------- */

static gboolean
filter_agency (gpointer item,
               gpointer user_data)
{
  NbLibraryView *self = user_data;

  return self->search == NULL || nb_library_agency_matches (item, self->search);
}

/* The sorters compare keys made once per agency (collation keys,
 * numbers), so ten thousand reports sort in milliseconds.  By name is
 * the library's own order: no sorter at all. */
static gboolean
has_no_region (NbLibraryAgency *agency)
{
  const char *region = nb_library_agency_get_region (agency);

  return region == NULL || *region == '\0';
}

static GtkSorter *
new_sorter (NbLibrarySort sort)
{
  GtkMultiSorter *multi;
  GtkSorter *sorter;

  switch (sort)
    {
    case NB_LIBRARY_SORT_REGION:
      /* Agencies without a region go last; the sort is stable, so names
       * stay in order within a region. */
      multi = gtk_multi_sorter_new ();
      gtk_multi_sorter_append (multi, GTK_SORTER (gtk_numeric_sorter_new (
        gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 0, NULL, G_CALLBACK (has_no_region), NULL, NULL))));
      gtk_multi_sorter_append (multi, GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (NB_TYPE_LIBRARY_AGENCY, NULL, "region"))));
      return GTK_SORTER (multi);
    case NB_LIBRARY_SORT_PROBLEMS:
      sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (NB_TYPE_LIBRARY_AGENCY, NULL,
                                                                                "n-problems")));
      gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
      return sorter;
    case NB_LIBRARY_SORT_NAME:
    default:
      return NULL;
    }
}

#define MAX_EXPANDED 5

static void
update_page (NbLibraryView *self)
{
  const char *page = "list";

  if (self->library == NULL || g_list_model_get_n_items (nb_library_get_agencies (self->library)) == 0)
    page = self->import_cancellable != NULL ? "importing" : "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-results";
  gtk_stack_set_visible_child_name (self->stack, page);
}

void
nb_library_view_set_search (NbLibraryView *self,
                            const char    *text)
{
  g_autofree char *search = NULL;

  g_return_if_fail (NB_IS_LIBRARY_VIEW (self));

  search = text ? g_strstrip (g_strdup (text)) : NULL;
  if (search != NULL && *search == '\0')
    g_clear_pointer (&search, g_free);
  if (g_strcmp0 (search, self->search) == 0)
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);

  /* A search that finds a few agencies shows their years at once; many
   * stay closed, which keeps typing fast in a large library. */
  if (self->search != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) <= MAX_EXPANDED)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), i);

        if (gtk_tree_list_row_get_depth (row) == 0)
          gtk_tree_list_row_set_expanded (row, TRUE);
      }
}

static void
on_search_changed (NbLibraryView *self)
{
  nb_library_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
nb_library_view_focus_search (NbLibraryView *self)
{
  g_return_if_fail (NB_IS_LIBRARY_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
nb_library_view_set_sort (NbLibraryView *self,
                          NbLibrarySort  sort)
{
  GtkSorter *sorter;

  g_return_if_fail (NB_IS_LIBRARY_VIEW (self));
  g_return_if_fail (sort <= NB_LIBRARY_SORT_PROBLEMS);

  if (self->sort == sort)
    return;
  self->sort = sort;
  sorter = new_sorter (sort);
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
  g_clear_object (&sorter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

NbLibrarySort
nb_library_view_get_sort (NbLibraryView *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), NB_LIBRARY_SORT_NAME);
  return self->sort;
}

/* ---- Rows -------------------------------------------------------------- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (NB_IS_LIBRARY_AGENCY (item))
    return g_object_ref (nb_library_agency_get_reports (item));
  return NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, nb_library_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  nb_library_row_set_row (NB_LIBRARY_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  nb_library_row_set_row (NB_LIBRARY_ROW (gtk_list_item_get_child (item)), NULL);
}

/* An agency opens or closes its years; a year opens its report. */
static void
on_activate (NbLibraryView *self,
             guint          position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (NB_IS_LIBRARY_AGENCY (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (NB_IS_LIBRARY_ENTRY (item))
    g_signal_emit (self, _nb_library_view_signals[SIGNAL_OPEN_REPORT], 0,
                   nb_library_entry_get_id (NB_LIBRARY_ENTRY (item)));
}

/* The rows shown, GtkTreeListRow each: an agency, or a year below it. */
GListModel *
nb_library_view_get_rows (NbLibraryView *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), NULL);
  return G_LIST_MODEL (self->tree_model);
}

/* ---- Agencies ---------------------------------------------------------- */

NbLibraryAgency *
_nb_library_view_find_agency (NbLibraryView *self,
                              gint64         agency_id)
{
  GListModel *agencies;

  if (self->library == NULL)
    return NULL;
  agencies = nb_library_get_agencies (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(NbLibraryAgency) agency = g_list_model_get_item (agencies, i);

      if (nb_library_agency_get_id (agency) == agency_id)
        return agency;
    }
  return NULL;
}

void
_nb_library_view_error (NbLibraryView *self,
                        const GError  *error)
{
  g_signal_emit (self, _nb_library_view_signals[SIGNAL_MESSAGE], 0, error->message);
}

/**
 * nb_library_view_merge:
 * @self: a #NbLibraryView
 * @agency_id: the agency that stays
 * @other_id: another name of it, which joins it
 *
 * Merges two agencies of the library; a failure is said as a message.
 *
 * Returns: whether they were merged
 */
gboolean
nb_library_view_merge (NbLibraryView *self,
                       gint64         agency_id,
                       gint64         other_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (self->library != NULL, FALSE);

  if (!nb_library_merge_agencies (self->library, agency_id, other_id, &error))
    {
      _nb_library_view_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
agency_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbLibraryView *self = NB_LIBRARY_VIEW (widget);
  NbLibraryAgency *agency = _nb_library_view_find_agency (self, g_variant_get_int64 (parameter));

  if (agency == NULL)
    return;
  if (g_str_equal (action_name, "library.merge"))
    _nb_library_view_show_merge (self, agency);
  else if (g_str_equal (action_name, "library.split"))
    _nb_library_view_show_split (self, agency);
  else
    _nb_library_view_show_edit (self, agency);
}

/* ---- The library ------------------------------------------------------- */

void
nb_library_view_set_library (NbLibraryView *self,
                             NbLibrary     *library)
{
  g_return_if_fail (NB_IS_LIBRARY_VIEW (self));
  g_return_if_fail (!library || NB_IS_LIBRARY (library));

  if (self->library == library)
    return;

  nb_library_view_cancel_import (self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (nb_library_get_agencies (self->library), self);
  g_set_object (&self->library, library);
  gtk_sort_list_model_set_model (self->sort_model, library ? nb_library_get_agencies (library) : NULL);
  if (library != NULL)
    g_signal_connect_object (nb_library_get_agencies (library), "items-changed",
                             G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

NbLibrary *
nb_library_view_get_library (NbLibraryView *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_VIEW (self), NULL);
  return self->library;
}

void
_nb_library_view_notify_importing (NbLibraryView *self)
{
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

/* ---- Construction ------------------------------------------------------ */

static void
nb_library_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NbLibraryView *self = NB_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, nb_library_view_get_importing (self));
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_library_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NbLibraryView *self = NB_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      nb_library_view_set_library (self, g_value_get_object (value));
      break;
    case PROP_SORT:
      nb_library_view_set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_library_view_dispose (GObject *object)
{
  NbLibraryView *self = NB_LIBRARY_VIEW (object);
  GtkWidget *child;

  nb_library_view_cancel_import (self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (nb_library_get_agencies (self->library), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_LIBRARY_VIEW);
  /* The template's outer box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->tree_model);

  G_OBJECT_CLASS (nb_library_view_parent_class)->dispose (object);
}

static void
nb_library_view_finalize (GObject *object)
{
  NbLibraryView *self = NB_LIBRARY_VIEW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (nb_library_view_parent_class)->finalize (object);
}

static void
nb_library_view_class_init (NbLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_library_view_dispose;
  object_class->finalize = nb_library_view_finalize;
  object_class->get_property = nb_library_view_get_property;
  object_class->set_property = nb_library_view_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, NB_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, NB_TYPE_LIBRARY_SORT, NB_LIBRARY_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nb_library_view_signals[SIGNAL_OPEN_REPORT] =
    g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  _nb_library_view_signals[SIGNAL_IMPORT_PROGRESS] =
    g_signal_new ("import-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  _nb_library_view_signals[SIGNAL_IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, NB_TYPE_LIBRARY_IMPORT_RESULT, G_TYPE_ERROR);
  _nb_library_view_signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "library.sort", "sort");
  gtk_widget_class_install_action (widget_class, "library.merge", "x", agency_action);
  gtk_widget_class_install_action (widget_class, "library.split", "x", agency_action);
  gtk_widget_class_install_action (widget_class, "library.edit", "x", agency_action);
  _nb_library_view_class_init_import (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "libraryview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, progress_file);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryView, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  g_type_ensure (NB_TYPE_LIBRARY_ROW);
}

static void
nb_library_view_init (NbLibraryView *self)
{
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_agency, self, NULL);
  /* Sorted before filtered: typing does not sort again. */
  self->sort_model = gtk_sort_list_model_new (NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  GTK_FILTER (self->filter));
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              FALSE, FALSE, create_children, NULL, NULL);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  _nb_library_view_init_import (self);
  update_page (self);
}

GtkWidget *
nb_library_view_new (void)
{
  return g_object_new (NB_TYPE_LIBRARY_VIEW, NULL);
}
