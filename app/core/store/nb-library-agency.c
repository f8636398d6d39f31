/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-enums.h"
#include "nb-library-private.h"

/* An agency as the library lists it: a snapshot made by _nb_library_reload
 * with its current reports, by year. */

struct _NbLibraryAgency
{
  GObject        parent_instance;

  gint64         id;
  char          *name;
  GStrv          names;
  char          *region;
  NbAgencyLevel  level;
  GListStore    *reports;
  guint          n_problems;
  char          *search_text;  /* names, region and years, folded: what a search looks in */
};

G_DEFINE_FINAL_TYPE (NbLibraryAgency, nb_library_agency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  PROP_LEVEL,
  PROP_N_PROBLEMS,
  PROP_N_REPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_library_agency_finalize (GObject *object)
{
  NbLibraryAgency *self = NB_LIBRARY_AGENCY (object);

  g_free (self->name);
  g_strfreev (self->names);
  g_free (self->region);
  g_clear_object (&self->reports);
  g_free (self->search_text);

  G_OBJECT_CLASS (nb_library_agency_parent_class)->finalize (object);
}

static void
nb_library_agency_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NbLibraryAgency *self = NB_LIBRARY_AGENCY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, nb_library_agency_get_name (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_N_REPORTS:
      g_value_set_uint (value, nb_library_agency_get_n_reports (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_library_agency_class_init (NbLibraryAgencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_library_agency_finalize;
  object_class->get_property = nb_library_agency_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, NB_TYPE_AGENCY_LEVEL, NB_AGENCY_LEVEL_UNKNOWN,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REPORTS] = g_param_spec_uint ("n-reports", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_library_agency_init (NbLibraryAgency *self)
{
}

/* Folded for search: NFKC, case-folded. */
static char *
fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return nfkc != NULL ? g_utf8_casefold (nfkc, -1) : g_strdup ("");
}

NbLibraryAgency *
_nb_library_agency_new (gint64         id,
                        const char    *name,
                        GStrv          names,
                        const char    *region,
                        NbAgencyLevel  level,
                        GPtrArray     *entries)
{
  NbLibraryAgency *self = g_object_new (NB_TYPE_LIBRARY_AGENCY, NULL);
  g_autoptr(GString) each_year = NULL;
  g_autofree char *years = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;

  self->id = id;
  self->name = g_strdup (name);
  self->names = g_strdupv (names);
  self->region = g_strdup (region ? region : "");
  self->level = level;
  self->reports = g_list_store_new (NB_TYPE_LIBRARY_ENTRY);
  g_list_store_splice (self->reports, 0, 0, entries->pdata, entries->len);
  for (guint i = 0; i < entries->len; i++)
    self->n_problems += nb_library_entry_get_n_problems (g_ptr_array_index (entries, i));

  /* every year, not only the runs "2020–2024" shows, so 2022 finds it */
  each_year = g_string_new (NULL);
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (each_year, "%d\n", nb_library_entry_get_year (g_ptr_array_index (entries, i)));
  years = g_string_free (g_steal_pointer (&each_year), FALSE);
  joined = g_strjoinv ("\n", self->names);
  all = g_strjoin ("\n", self->name, joined, self->region, years, NULL);
  self->search_text = fold (all);
  return self;
}

gint64
nb_library_agency_get_id (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), 0);
  return self->id;
}

/**
 * nb_library_agency_get_name:
 *
 * Returns: the name to show: the name it was first imported under, or
 *   "Unknown agency" for reports that name none
 */
const char *
nb_library_agency_get_name (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), NULL);
  return self->name[0] != '\0' ? self->name : _("Unknown agency");
}

/**
 * nb_library_agency_get_names:
 *
 * Returns: (transfer none): every normalised name its reports give,
 *   grouped or merged; each can be split off (nb_library_split_agency ())
 */
const char *const *
nb_library_agency_get_names (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), NULL);
  return (const char *const *) self->names;
}

const char *
nb_library_agency_get_region (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), NULL);
  return self->region;
}

NbAgencyLevel
nb_library_agency_get_level (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), NB_AGENCY_LEVEL_UNKNOWN);
  return self->level;
}

/**
 * nb_library_agency_get_reports:
 *
 * Returns: (transfer none): its current reports (#NbLibraryEntry), by year
 */
GListModel *
nb_library_agency_get_reports (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), NULL);
  return G_LIST_MODEL (self->reports);
}

guint
nb_library_agency_get_n_reports (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->reports));
}

guint
nb_library_agency_get_n_problems (NbLibraryAgency *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), 0);
  return self->n_problems;
}

/**
 * nb_library_agency_dup_years_text:
 *
 * Returns: its years, runs joined: "2022–2024", "2021, 2023", or "" when
 *   no report gives a year
 */
char *
nb_library_agency_dup_years_text (NbLibraryAgency *self)
{
  GListModel *reports = G_LIST_MODEL (self->reports);
  guint n = g_list_model_get_n_items (reports);
  GString *s = g_string_new (NULL);
  int start = 0, previous = 0;

  for (guint i = 0; i <= n; i++)
    {
      int year = 0;

      if (i < n)
        {
          g_autoptr(NbLibraryEntry) entry = g_list_model_get_item (reports, i);

          year = nb_library_entry_get_year (entry);
          if (year <= 0 || year == previous)
            continue;
          if (year == previous + 1 && start > 0)
            {
              previous = year;
              continue;
            }
        }
      if (start > 0)
        {
          if (s->len > 0)
            g_string_append (s, ", ");
          if (previous > start)
            g_string_append_printf (s, "%d–%d", start, previous);
          else
            g_string_append_printf (s, "%d", start);
        }
      start = previous = year;
    }
  return g_string_free (s, FALSE);
}

/**
 * nb_library_agency_matches:
 * @query: what a person typed; words separated by spaces must all match
 *
 * Returns: whether each word of @query is in one of the agency's names,
 *   its region or its years (case and width ignored); an empty query
 *   matches every agency
 */
gboolean
nb_library_agency_matches (NbLibraryAgency *self,
                           const char      *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (NB_IS_LIBRARY_AGENCY (self), FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;
  folded = fold (query);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (self->search_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
