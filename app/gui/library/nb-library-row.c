/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library-row"

#include "config.h"

#include <glib/gi18n.h>

#include "nb-library.h"
#include "nb-library-row.h"

/* A row reads its item once per bind: agencies and entries are snapshots
 * (the library replaces them when it changes), so nothing is followed. */

struct _NbLibraryRow
{
  GtkWidget       parent_instance;

  GtkTreeListRow *row;

  /* Template children */
  GtkTreeExpander *expander;
  GtkLabel        *title;
  GtkLabel        *names;
  GtkLabel        *subtitle;
  GtkImage        *source_icon;
  GtkLabel        *badge;
  GtkWidget       *menu_button;
};

G_DEFINE_FINAL_TYPE (NbLibraryRow, nb_library_row, GTK_TYPE_WIDGET)

static const char *
level_name (NbAgencyLevel level)
{
  switch (level)
    {
    case NB_AGENCY_LEVEL_GOVERNMENT:
      return _("Government");
    case NB_AGENCY_LEVEL_DEPARTMENT:
      return _("Department");
    case NB_AGENCY_LEVEL_UNKNOWN:
    default:
      return NULL;
    }
}

static GMenuModel *
agency_menu (NbLibraryAgency *agency)
{
  GMenu *menu = g_menu_new ();
  gint64 id = nb_library_agency_get_id (agency);
  const char *const *names = nb_library_agency_get_names (agency);
  g_autoptr(GMenuItem) merge = g_menu_item_new (_("_Merge With…"), NULL);
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Region and Level…"), NULL);

  g_menu_item_set_action_and_target_value (merge, "library.merge", g_variant_new_int64 (id));
  g_menu_append_item (menu, merge);
  if (names != NULL && g_strv_length ((GStrv) names) > 1)
    {
      g_autoptr(GMenuItem) split = g_menu_item_new (_("_Split Names…"), NULL);

      g_menu_item_set_action_and_target_value (split, "library.split", g_variant_new_int64 (id));
      g_menu_append_item (menu, split);
    }
  g_menu_item_set_action_and_target_value (edit, "library.edit", g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);
  return G_MENU_MODEL (menu);
}

/* Tooltips are made when asked for too: setting one on every bind asks
 * the display where the pointer is, each time. */
static gboolean
on_query_tooltip (NbLibraryRow *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autoptr(GObject) item = self->row ? gtk_tree_list_row_get_item (self->row) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_problems = 0;

  if (NB_IS_LIBRARY_AGENCY (item))
    {
      const char *const *names = nb_library_agency_get_names (NB_LIBRARY_AGENCY (item));
      g_autofree char *joined = names ? g_strjoinv ("\n", (GStrv) names) : NULL;

      g_string_append (text, joined ? joined : nb_library_agency_get_name (NB_LIBRARY_AGENCY (item)));
      n_problems = nb_library_agency_get_n_problems (NB_LIBRARY_AGENCY (item));
    }
  else if (NB_IS_LIBRARY_ENTRY (item))
    {
      g_string_append (text, nb_library_entry_get_title (NB_LIBRARY_ENTRY (item)));
      if (!nb_library_entry_get_source_available (NB_LIBRARY_ENTRY (item)))
        g_string_append_printf (text, "\n%s", _("The source is not at hand"));
      n_problems = nb_library_entry_get_n_problems (NB_LIBRARY_ENTRY (item));
    }
  else
    return FALSE;

  if (n_problems > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n_problems),
                              n_problems);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* The menu is made when asked for: making one for every row bound would
 * slow scrolling and typing in a large library. */
static void
on_menu_closed (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

static void
on_menu_clicked (NbLibraryRow *self)
{
  g_autoptr(GObject) item = self->row ? gtk_tree_list_row_get_item (self->row) : NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;

  if (!NB_IS_LIBRARY_AGENCY (item))
    return;
  menu = agency_menu (NB_LIBRARY_AGENCY (item));
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, self->menu_button);
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
set_badge (NbLibraryRow *self,
           guint         n_problems)
{
  g_autofree char *text = g_strdup_printf ("%u", n_problems);

  gtk_label_set_label (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n_problems > 0);
}

static void
bind_agency (NbLibraryRow    *self,
             NbLibraryAgency *agency)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *years = nb_library_agency_dup_years_text (agency);
  const char *const *names = nb_library_agency_get_names (agency);
  const char *region = nb_library_agency_get_region (agency);
  const char *level = level_name (nb_library_agency_get_level (agency));

  if (region != NULL && *region != '\0')
    g_string_append (subtitle, region);
  if (level != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", level);
  if (years != NULL && *years != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", years);

  gtk_label_set_label (self->title, nb_library_agency_get_name (agency));
  gtk_label_set_label (self->subtitle, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle->len > 0);
  /* Grouped and merged spellings show under the name. */
  if (names != NULL && g_strv_length ((GStrv) names) > 1)
    {
      g_autoptr(GString) others = g_string_new (NULL);
      g_autofree char *also = NULL;

      for (guint i = 0; names[i]; i++)
        if (g_strcmp0 (names[i], nb_library_agency_get_name (agency)) != 0)
          g_string_append_printf (others, "%s%s", others->len ? _(", ") : "", names[i]);
      /* Translators: the other names of an agency */
      also = g_strdup_printf (_("Also %s"), others->str);
      gtk_label_set_label (self->names, also);
      gtk_widget_set_visible (GTK_WIDGET (self->names), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->names), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->source_icon), FALSE);
  gtk_widget_set_visible (self->menu_button, TRUE);
  set_badge (self, nb_library_agency_get_n_problems (agency));
  gtk_widget_remove_css_class (GTK_WIDGET (self), "year");
}

static void
bind_entry (NbLibraryRow   *self,
            NbLibraryEntry *entry)
{
  g_autofree char *year = g_strdup_printf ("%d", nb_library_entry_get_year (entry));

  gtk_label_set_label (self->title, year);
  gtk_widget_set_visible (GTK_WIDGET (self->names), FALSE);
  gtk_label_set_label (self->subtitle, nb_library_entry_get_source_available (entry)
                                         ? NULL : _("The source is not at hand"));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), !nb_library_entry_get_source_available (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->source_icon), !nb_library_entry_get_source_available (entry));
  gtk_widget_set_visible (self->menu_button, FALSE);
  set_badge (self, nb_library_entry_get_n_problems (entry));
  gtk_widget_add_css_class (GTK_WIDGET (self), "year");
}

void
nb_library_row_set_row (NbLibraryRow   *self,
                        GtkTreeListRow *row)
{
  gpointer item;

  g_return_if_fail (NB_IS_LIBRARY_ROW (self));

  if (!g_set_object (&self->row, row))
    return;
  gtk_tree_expander_set_list_row (self->expander, row);
  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (NB_IS_LIBRARY_AGENCY (item))
    bind_agency (self, item);
  else if (NB_IS_LIBRARY_ENTRY (item))
    bind_entry (self, item);
  g_clear_object (&item);
}

GtkTreeListRow *
nb_library_row_get_row (NbLibraryRow *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ROW (self), NULL);
  return self->row;
}

const char *
nb_library_row_get_title (NbLibraryRow *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ROW (self), NULL);
  return gtk_label_get_label (self->title);
}

/* The agency's other names as shown, or NULL. */
const char *
nb_library_row_get_names (NbLibraryRow *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->names)) ? gtk_label_get_label (self->names) : NULL;
}

const char *
nb_library_row_get_subtitle (NbLibraryRow *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle);
}

static void
nb_library_row_dispose (GObject *object)
{
  NbLibraryRow *self = NB_LIBRARY_ROW (object);

  g_clear_object (&self->row);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_LIBRARY_ROW);

  G_OBJECT_CLASS (nb_library_row_parent_class)->dispose (object);
}

static void
nb_library_row_class_init (NbLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_library_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "libraryrow");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, expander);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, title);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, names);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, source_icon);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, badge);
  gtk_widget_class_bind_template_child (widget_class, NbLibraryRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);
}

static void
nb_library_row_init (NbLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nb_library_row_new (void)
{
  return g_object_new (NB_TYPE_LIBRARY_ROW, NULL);
}
