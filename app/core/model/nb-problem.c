/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-problem"

#include "config.h"

#include "nb-enums.h"
#include "nb-problem.h"

/* One broken rule of a report: which rule, every cell involved, and what a
 * person should read.  Immutable, so lists can share them. */
struct _NbProblem
{
  GObject   parent_instance;

  char      *rule;
  NbSeverity severity;
  char     **cells;
  char      *message;
};

G_DEFINE_FINAL_TYPE (NbProblem, nb_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_CELLS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_problem_finalize (GObject *object)
{
  NbProblem *self = (NbProblem *) object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->cells, g_strfreev);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (nb_problem_parent_class)->finalize (object);
}

static void
nb_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NbProblem *self = NB_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_CELLS:
      g_value_set_boxed (value, self->cells);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_problem_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NbProblem *self = NB_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_RULE:
      self->rule = g_value_dup_string (value);
      break;
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_CELLS:
      self->cells = g_value_dup_boxed (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_problem_class_init (NbProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_problem_finalize;
  object_class->get_property = nb_problem_get_property;
  object_class->set_property = nb_problem_set_property;

  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, NB_TYPE_SEVERITY, NB_SEVERITY_ERROR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CELLS] =
    g_param_spec_boxed ("cells", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_problem_init (NbProblem *self)
{
}

NbProblem *
nb_problem_new (const char        *rule,
                NbSeverity         severity,
                const char *const *cells,
                const char        *message)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return g_object_new (NB_TYPE_PROBLEM,
                       "rule", rule,
                       "severity", severity,
                       "cells", cells,
                       "message", message,
                       NULL);
}

const char *
nb_problem_get_rule (NbProblem *self)
{
  g_return_val_if_fail (NB_IS_PROBLEM (self), NULL);
  return self->rule;
}

NbSeverity
nb_problem_get_severity (NbProblem *self)
{
  g_return_val_if_fail (NB_IS_PROBLEM (self), NB_SEVERITY_ERROR);
  return self->severity;
}

const char *const *
nb_problem_get_cells (NbProblem *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (NB_IS_PROBLEM (self), NULL);
  return self->cells ? (const char *const *) self->cells : none;
}

const char *
nb_problem_get_first_cell (NbProblem *self)
{
  g_return_val_if_fail (NB_IS_PROBLEM (self), NULL);
  return self->cells ? self->cells[0] : NULL;
}

const char *
nb_problem_get_message (NbProblem *self)
{
  g_return_val_if_fail (NB_IS_PROBLEM (self), NULL);
  return self->message;
}

gboolean
nb_problem_involves (NbProblem  *self,
                     const char *cell_id)
{
  g_return_val_if_fail (NB_IS_PROBLEM (self), FALSE);
  return self->cells != NULL && g_strv_contains ((const char *const *) self->cells, cell_id);
}

gboolean
nb_problem_equal (NbProblem *a,
                  NbProblem *b)
{
  return g_strcmp0 (a->rule, b->rule) == 0 &&
         a->severity == b->severity &&
         g_strcmp0 (a->message, b->message) == 0 &&
         ((a->cells == NULL && b->cells == NULL) ||
          (a->cells != NULL && b->cells != NULL &&
           g_strv_equal ((const char *const *) a->cells, (const char *const *) b->cells)));
}
