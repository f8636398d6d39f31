/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nb-checker"

#include "config.h"

#include "nb-checker.h"
#include "nb-checks.h"
#include "nb-problem.h"

struct _NbChecker
{
  GObject     parent_instance;

  NbReport   *report;
  GListStore *problems;
};

G_DEFINE_FINAL_TYPE (NbChecker, nb_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
same_problems (GListModel *model,
               GPtrArray  *problems)
{
  if (g_list_model_get_n_items (model) != problems->len)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autoptr(NbProblem) old = g_list_model_get_item (model, i);

      if (!nb_problem_equal (old, g_ptr_array_index (problems, i)))
        return FALSE;
    }
  return TRUE;
}

void
nb_checker_recheck (NbChecker *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (NB_IS_CHECKER (self));

  problems = nb_checks_run (self->report);

  /* Views bound to the list only hear about real changes. */
  if (same_problems (G_LIST_MODEL (self->problems), problems))
    return;

  g_list_store_splice (self->problems, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
}

static void
nb_checker_constructed (GObject *object)
{
  NbChecker *self = NB_CHECKER (object);

  G_OBJECT_CLASS (nb_checker_parent_class)->constructed (object);

  g_assert (NB_IS_REPORT (self->report));
  g_signal_connect_object (self->report, "changed",
                           G_CALLBACK (nb_checker_recheck), self, G_CONNECT_SWAPPED);
  nb_checker_recheck (self);
}

static void
nb_checker_finalize (GObject *object)
{
  NbChecker *self = NB_CHECKER (object);

  g_clear_object (&self->report);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (nb_checker_parent_class)->finalize (object);
}

static void
nb_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NbChecker *self = NB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NbChecker *self = NB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_checker_class_init (NbCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_checker_constructed;
  object_class->finalize = nb_checker_finalize;
  object_class->get_property = nb_checker_get_property;
  object_class->set_property = nb_checker_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_checker_init (NbChecker *self)
{
  self->problems = g_list_store_new (NB_TYPE_PROBLEM);
}

NbChecker *
nb_checker_new (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return g_object_new (NB_TYPE_CHECKER, "report", report, NULL);
}

NbReport *
nb_checker_get_report (NbChecker *self)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  return self->report;
}

GListModel *
nb_checker_get_problems (NbChecker *self)
{
  g_return_val_if_fail (NB_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self->problems);
}
