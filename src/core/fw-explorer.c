/* fw-explorer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-explorer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-explorer.h"

/* Enough to walk back through an afternoon's clicking, small enough not to
 * matter for memory. */
#define MAX_HISTORY 500

struct _FwExplorer
{
  GObject     parent_instance;

  FwDataset  *dataset;
  FwQuery    *query;
  FwFindings *findings;     /* computed on demand */

  GPtrArray  *history;      /* FwFilter, oldest first */
  guint       position;     /* index of the current filter in history */
};

G_DEFINE_FINAL_TYPE (FwExplorer, fw_explorer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fw_explorer_finalize (GObject *object)
{
  FwExplorer *self = (FwExplorer *)object;

  g_clear_pointer (&self->findings, fw_findings_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_object (&self->query);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (fw_explorer_parent_class)->finalize (object);
}

static void
fw_explorer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwExplorer *self = FW_EXPLORER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, fw_explorer_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, fw_explorer_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_explorer_class_init (FwExplorerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_explorer_finalize;
  object_class->get_property = fw_explorer_get_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         FW_TYPE_DATASET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwExplorer::changed:
   *
   * The filter changed and the query has been re-run: every view should
   * read its results again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fw_explorer_init (FwExplorer *self)
{
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_filter_free);
}

FwExplorer *
fw_explorer_new (FwDataset *dataset)
{
  FwExplorer *self;

  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  self = g_object_new (FW_TYPE_EXPLORER, NULL);
  self->dataset = g_object_ref (dataset);
  self->query = fw_query_new (dataset);
  g_ptr_array_add (self->history, fw_filter_new ());
  fw_query_run (self->query, g_ptr_array_index (self->history, 0));

  return self;
}

FwDataset *
fw_explorer_get_dataset (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), NULL);

  return self->dataset;
}

FwQuery *
fw_explorer_get_query (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), NULL);

  return self->query;
}

FwFindings *
fw_explorer_get_findings (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), NULL);

  if (self->findings == NULL)
    self->findings = fw_findings_compute (self->query);

  return self->findings;
}

const FwFilter *
fw_explorer_get_filter (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), NULL);

  return g_ptr_array_index (self->history, self->position);
}

static void
apply_current (FwExplorer *self)
{
  gboolean could_go_back = self->position > 0;
  gboolean could_go_forward = self->position + 1 < self->history->len;

  g_clear_pointer (&self->findings, fw_findings_free);
  fw_query_run (self->query, fw_explorer_get_filter (self));

  g_signal_emit (self, signals[CHANGED], 0);

  if (could_go_back != fw_explorer_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != fw_explorer_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

void
fw_explorer_set_filter (FwExplorer     *self,
                        const FwFilter *filter)
{
  gboolean could_go_forward;

  g_return_if_fail (FW_IS_EXPLORER (self));
  g_return_if_fail (filter != NULL);

  if (fw_filter_equal (filter, fw_explorer_get_filter (self)))
    return;

  /* A new step after going back replaces the steps ahead, as in a
   * browser; the history is bounded from the old end. */
  could_go_forward = fw_explorer_can_go_forward (self);
  g_ptr_array_set_size (self->history, self->position + 1);
  g_ptr_array_add (self->history, fw_filter_copy (filter));
  if (self->history->len > MAX_HISTORY)
    g_ptr_array_remove_index (self->history, 0);
  self->position = self->history->len - 1;

  apply_current (self);

  if (could_go_forward)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

static FwFilter *
copy_current (FwExplorer *self)
{
  return fw_filter_copy (fw_explorer_get_filter (self));
}

void
fw_explorer_toggle_value (FwExplorer *self,
                          FwFacet     facet,
                          guint       value)
{
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_EXPLORER (self));

  filter = copy_current (self);
  fw_filter_toggle_value (filter, facet, value);
  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_set_match (FwExplorer *self,
                       FwFacet     facet,
                       FwMatch     match)
{
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_EXPLORER (self));

  filter = copy_current (self);
  fw_filter_set_match (filter, facet, match);
  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_clear_facet (FwExplorer *self,
                         FwFacet     facet)
{
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_EXPLORER (self));

  filter = copy_current (self);
  fw_filter_clear_facet (filter, facet);
  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_set_years (FwExplorer *self,
                       guint16     first,
                       guint16     last)
{
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_EXPLORER (self));

  filter = copy_current (self);
  fw_filter_set_years (filter, first, last);
  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_set_search (FwExplorer *self,
                        const char *text)
{
  g_autoptr(FwFilter) filter = NULL;

  g_return_if_fail (FW_IS_EXPLORER (self));

  filter = copy_current (self);
  fw_filter_set_search (filter, text);
  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_clear_filter (FwExplorer *self)
{
  g_autoptr(FwFilter) filter = fw_filter_new ();

  g_return_if_fail (FW_IS_EXPLORER (self));

  fw_explorer_set_filter (self, filter);
}

void
fw_explorer_refresh (FwExplorer *self)
{
  g_return_if_fail (FW_IS_EXPLORER (self));

  apply_current (self);
}

gboolean
fw_explorer_can_go_back (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), FALSE);

  return self->position > 0;
}

gboolean
fw_explorer_can_go_forward (FwExplorer *self)
{
  g_return_val_if_fail (FW_IS_EXPLORER (self), FALSE);

  return self->position + 1 < self->history->len;
}

void
fw_explorer_go_back (FwExplorer *self)
{
  g_return_if_fail (FW_IS_EXPLORER (self));

  if (!fw_explorer_can_go_back (self))
    return;

  self->position--;
  apply_current (self);
}

void
fw_explorer_go_forward (FwExplorer *self)
{
  g_return_if_fail (FW_IS_EXPLORER (self));

  if (!fw_explorer_can_go_forward (self))
    return;

  self->position++;
  apply_current (self);
}

gboolean
fw_explorer_replace (FwExplorer **slot,
                     FwExplorer  *explorer,
                     gpointer     instance,
                     GCallback    on_changed)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer), FALSE);

  if (*slot == explorer)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_changed, instance);
  g_set_object (slot, explorer);
  if (explorer != NULL)
    g_signal_connect_object (explorer, "changed", on_changed, instance, G_CONNECT_SWAPPED);

  return TRUE;
}

static void
append_values (GString        *out,
               const FwFilter *filter,
               FwFacet         facet,
               FwDataset      *dataset,
               const char     *any_of,
               const char     *none_of)
{
  const GArray *values = fw_filter_get_values (filter, facet);
  g_autoptr(GString) list = NULL;

  if (values == NULL)
    return;

  list = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *label = fw_facet_value_label (facet, g_array_index (values, guint, i), dataset);

      if (i > 0)
        /* Translators: joins the values of one filter, e.g. "France or Germany" */
        g_string_append (list, i + 1 == values->len ? _(" or ") : _(", "));
      g_string_append (list, label);
    }

  if (out->len > 0)
    g_string_append (out, " · ");
  /* The formats are translations of literals checked at the call sites. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_string_append_printf (out,
                          fw_filter_get_match (filter, facet) == FW_MATCH_NONE_OF ? none_of : any_of,
                          list->str);
#pragma GCC diagnostic pop
}

char *
fw_filter_describe (const FwFilter *filter,
                    FwDataset      *dataset)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint16 first, last;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (FW_IS_DATASET (dataset), NULL);

  /* Translators: %s is a list of confidence levels, e.g. "High or Medium" */
  append_values (out, filter, FW_FACET_CONFIDENCE, dataset, _("%s confidence"), _("confidence not %s"));
  append_values (out, filter, FW_FACET_HQ_CONTINENT, dataset, _("headquartered in %s"), _("not headquartered in %s"));
  append_values (out, filter, FW_FACET_HQ_COUNTRY, dataset, _("headquartered in %s"), _("not headquartered in %s"));
  append_values (out, filter, FW_FACET_FAIR, dataset, _("at %s"), _("not at %s"));
  append_values (out, filter, FW_FACET_HOST_CONTINENT, dataset, _("hosted in %s"), _("not hosted in %s"));
  append_values (out, filter, FW_FACET_HOST_COUNTRY, dataset, _("hosted in %s"), _("not hosted in %s"));
  append_values (out, filter, FW_FACET_ADVERSARY, dataset, "%s", _("not: %s"));

  fw_filter_get_years (filter, &first, &last);
  if (first != 0 || last != 0)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      if (first != 0 && last != 0 && first == last)
        g_string_append_printf (out, _("in %u"), first);
      else if (first != 0 && last != 0)
        /* Translators: a range of years */
        g_string_append_printf (out, _("%u–%u"), first, last);
      else if (first != 0)
        g_string_append_printf (out, _("from %u"), first);
      else
        g_string_append_printf (out, _("until %u"), last);
    }

  if (fw_filter_get_search (filter) != NULL)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, _("name contains “%s”"), fw_filter_get_search (filter));
    }

  if (out->len == 0)
    return g_strdup (_("All records"));

  /* Sentence case for the first word. */
  if (g_ascii_islower (out->str[0]))
    out->str[0] = g_ascii_toupper (out->str[0]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
