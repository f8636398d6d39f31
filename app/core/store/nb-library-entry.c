/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-library"

#include "config.h"

#include "nb-library-private.h"

/* One stored report as the library lists it. */

struct _NbLibraryEntry
{
  GObject    parent_instance;

  gint64     id;
  int        year;
  char      *title;
  char      *agency_name;
  char      *source_path;
  guint      n_problems;
  gint64     imported;
  GDateTime *imported_time;    /* made when asked for */
  int        source_available; /* -1 until asked for: a stat per report would slow the list */
};

G_DEFINE_FINAL_TYPE (NbLibraryEntry, nb_library_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_YEAR,
  PROP_TITLE,
  PROP_AGENCY_NAME,
  PROP_SOURCE_PATH,
  PROP_SOURCE_AVAILABLE,
  PROP_N_PROBLEMS,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_library_entry_finalize (GObject *object)
{
  NbLibraryEntry *self = NB_LIBRARY_ENTRY (object);

  g_free (self->title);
  g_free (self->agency_name);
  g_free (self->source_path);
  g_clear_pointer (&self->imported_time, g_date_time_unref);

  G_OBJECT_CLASS (nb_library_entry_parent_class)->finalize (object);
}

static void
nb_library_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NbLibraryEntry *self = NB_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->agency_name);
      break;
    case PROP_SOURCE_PATH:
      g_value_set_string (value, self->source_path);
      break;
    case PROP_SOURCE_AVAILABLE:
      g_value_set_boolean (value, nb_library_entry_get_source_available (self));
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_IMPORTED:
      g_value_set_boxed (value, nb_library_entry_get_imported (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_library_entry_class_init (NbLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_library_entry_finalize;
  object_class->get_property = nb_library_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENCY_NAME] = g_param_spec_string ("agency-name", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_PATH] = g_param_spec_string ("source-path", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_AVAILABLE] = g_param_spec_boolean ("source-available", NULL, NULL, FALSE,
                                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTED] = g_param_spec_boxed ("imported", NULL, NULL, G_TYPE_DATE_TIME,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_library_entry_init (NbLibraryEntry *self)
{
  self->source_available = -1;
}

NbLibraryEntry *
_nb_library_entry_new (gint64      id,
                       int         year,
                       const char *title,
                       const char *agency_name,
                       const char *source_path,
                       guint       n_problems,
                       gint64      imported)
{
  NbLibraryEntry *self = g_object_new (NB_TYPE_LIBRARY_ENTRY, NULL);

  self->id = id;
  self->year = year;
  self->title = g_strdup (title);
  self->agency_name = g_strdup (agency_name);
  self->source_path = g_strdup (source_path);
  self->n_problems = n_problems;
  self->imported = imported;
  return self;
}

gint64
nb_library_entry_get_id (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), 0);
  return self->id;
}

int
nb_library_entry_get_year (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), 0);
  return self->year;
}

const char *
nb_library_entry_get_title (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), NULL);
  return self->title;
}

/* The agency's name as this report writes it. */
const char *
nb_library_entry_get_agency_name (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), NULL);
  return self->agency_name;
}

const char *
nb_library_entry_get_source_path (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), NULL);
  return self->source_path;
}

/* Whether a file is at the recorded path (its bytes are compared when
 * the report opens: nb_library_open_document ()). */
gboolean
nb_library_entry_get_source_available (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), FALSE);

  if (self->source_available < 0)
    self->source_available = self->source_path != NULL &&
                             g_file_test (self->source_path, G_FILE_TEST_IS_REGULAR);
  return self->source_available;
}

guint
nb_library_entry_get_n_problems (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), 0);
  return self->n_problems;
}

/**
 * nb_library_entry_get_imported:
 *
 * Returns: (transfer none): when it was imported, in local time
 */
GDateTime *
nb_library_entry_get_imported (NbLibraryEntry *self)
{
  g_return_val_if_fail (NB_IS_LIBRARY_ENTRY (self), NULL);

  if (self->imported_time == NULL)
    self->imported_time = g_date_time_new_from_unix_local (self->imported);
  return self->imported_time;
}
