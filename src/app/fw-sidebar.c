/* fw-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-app-resources.h"
#include "fw-sidebar.h"

struct _FwSidebar
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkWidget      *all_years_button;
  GtkSpinButton  *from_spin;
  GtkSpinButton  *to_spin;
  GtkLabel       *unknown_years_label;
  GtkWidget      *facets_box;

  FwFacetBox     *boxes[FW_N_FACETS];
  FwExplorer     *explorer;
  char           *sent_search;    /* what this sidebar last asked for */
  guint64         generation;     /* of the dataset the year bounds are for */
  guint16         year_min;       /* 0 when no exhibition has a known year */
  guint16         year_max;
  gulong          from_id;
  gulong          to_id;
};

G_DEFINE_FINAL_TYPE (FwSidebar, fw_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
compute_year_bounds (FwSidebar *self)
{
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  FwColumns c;

  fw_dataset_get_columns (dataset, &c);
  self->year_min = self->year_max = 0;
  for (guint e = 0; e < c.n_exhibitions; e++)
    {
      guint16 year = c.exhibition_year[e];

      if (year == FW_YEAR_UNKNOWN)
        continue;
      if (self->year_min == 0 || year < self->year_min)
        self->year_min = year;
      if (year > self->year_max)
        self->year_max = year;
    }
  self->generation = fw_dataset_get_generation (dataset);

  g_signal_handler_block (self->from_spin, self->from_id);
  g_signal_handler_block (self->to_spin, self->to_id);
  gtk_spin_button_set_range (self->from_spin, self->year_min, self->year_max);
  gtk_spin_button_set_range (self->to_spin, self->year_min, self->year_max);
  g_signal_handler_unblock (self->from_spin, self->from_id);
  g_signal_handler_unblock (self->to_spin, self->to_id);
}

static void
update_years (FwSidebar *self)
{
  const FwFilter *filter = fw_explorer_get_filter (self->explorer);
  const guint32 *counts;
  guint16 first, last;
  guint n_values;
  gboolean known = self->year_max != 0;

  fw_filter_get_years (filter, &first, &last);

  g_signal_handler_block (self->from_spin, self->from_id);
  g_signal_handler_block (self->to_spin, self->to_id);
  gtk_spin_button_set_value (self->from_spin, first != 0 ? first : self->year_min);
  gtk_spin_button_set_value (self->to_spin, last != 0 ? last : self->year_max);
  g_signal_handler_unblock (self->from_spin, self->from_id);
  g_signal_handler_unblock (self->to_spin, self->to_id);

  gtk_widget_set_sensitive (GTK_WIDGET (self->from_spin), known);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_spin), known);
  gtk_widget_set_sensitive (self->all_years_button, first != 0 || last != 0);

  counts = fw_query_get_facet_counts (fw_explorer_get_query (self->explorer), FW_FACET_YEAR, &n_values);
  if (n_values > FW_YEAR_UNKNOWN && counts[FW_YEAR_UNKNOWN] > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the number of firms with an exhibition of unknown year */
      text = g_strdup_printf (_("(unknown year): %u"), counts[FW_YEAR_UNKNOWN]);
      gtk_label_set_label (self->unknown_years_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->unknown_years_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->unknown_years_label), FALSE);
}

static void
update_search (FwSidebar *self)
{
  const char *search = fw_filter_get_search (fw_explorer_get_filter (self->explorer));

  /* Only a search set elsewhere (back, forward, Clear All) replaces the
   * text: the entry may hold typing not yet sent. */
  if (g_strcmp0 (search, self->sent_search) == 0)
    return;

  g_free (self->sent_search);
  self->sent_search = g_strdup (search);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
}

static void
on_explorer_changed (FwSidebar *self)
{
  if (fw_dataset_get_generation (fw_explorer_get_dataset (self->explorer)) != self->generation)
    compute_year_bounds (self);

  update_years (self);
  update_search (self);
}

static void
on_search_changed (FwSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->explorer == NULL)
    return;

  g_free (self->sent_search);
  self->sent_search = text[0] != '\0' ? g_strdup (text) : NULL;
  fw_explorer_set_search (self->explorer, self->sent_search);
}

static void
on_stop_search (FwSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* At a bound, that end of the range is left open: a dataset edited to
 * add a later year is then still shown whole. */
static void
apply_years (FwSidebar *self)
{
  guint16 from = gtk_spin_button_get_value_as_int (self->from_spin);
  guint16 to = gtk_spin_button_get_value_as_int (self->to_spin);

  if (self->explorer == NULL || self->year_max == 0)
    return;

  fw_explorer_set_years (self->explorer,
                         from <= self->year_min ? 0 : from,
                         to >= self->year_max ? 0 : to);
}

static void
on_from_changed (FwSidebar *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_spin);

  if (from > gtk_spin_button_get_value_as_int (self->to_spin))
    {
      g_signal_handler_block (self->to_spin, self->to_id);
      gtk_spin_button_set_value (self->to_spin, from);
      g_signal_handler_unblock (self->to_spin, self->to_id);
    }

  apply_years (self);
}

static void
on_to_changed (FwSidebar *self)
{
  int to = gtk_spin_button_get_value_as_int (self->to_spin);

  if (to < gtk_spin_button_get_value_as_int (self->from_spin))
    {
      g_signal_handler_block (self->from_spin, self->from_id);
      gtk_spin_button_set_value (self->from_spin, to);
      g_signal_handler_unblock (self->from_spin, self->from_id);
    }

  apply_years (self);
}

static void
on_all_years_clicked (FwSidebar *self)
{
  if (self->explorer != NULL)
    fw_explorer_set_years (self->explorer, 0, 0);
}

static void
fw_sidebar_dispose (GObject *object)
{
  FwSidebar *self = (FwSidebar *)object;
  GtkWidget *child;

  if (self->explorer != NULL)
    g_signal_handlers_disconnect_by_data (self->explorer, self);
  g_clear_object (&self->explorer);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_sidebar_parent_class)->dispose (object);
}

static void
fw_sidebar_finalize (GObject *object)
{
  FwSidebar *self = (FwSidebar *)object;

  g_free (self->sent_search);

  G_OBJECT_CLASS (fw_sidebar_parent_class)->finalize (object);
}

static void
fw_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FwSidebar *self = FW_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FwSidebar *self = FW_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      fw_sidebar_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_sidebar_class_init (FwSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_sidebar_dispose;
  object_class->finalize = fw_sidebar_finalize;
  object_class->get_property = fw_sidebar_get_property;
  object_class->set_property = fw_sidebar_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FW_TYPE_FACET_BOX);

  /* Resources in a static library are registered only when something
   * references them; the widget may be used without FwApplication. */
  (void) fw_app_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, all_years_button);
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, from_spin);
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, to_spin);
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, unknown_years_label);
  gtk_widget_class_bind_template_child (widget_class, FwSidebar, facets_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_all_years_clicked);

  gtk_widget_class_set_css_name (widget_class, "fw-sidebar");
}

static void
fw_sidebar_init (FwSidebar *self)
{
  /* The order analysts read a firm's record in: who, where from, where
   * and whom they sell to. */
  const struct {
    FwFacet     facet;
    const char *title;
  } facets[] = {
    { FW_FACET_CONFIDENCE, N_("Confidence") },
    { FW_FACET_HQ_CONTINENT, N_("HQ continent") },
    { FW_FACET_HQ_COUNTRY, N_("HQ country") },
    { FW_FACET_FAIR, N_("Fair") },
    { FW_FACET_HOST_CONTINENT, N_("Host continent") },
    { FW_FACET_HOST_COUNTRY, N_("Host country") },
    { FW_FACET_ADVERSARY, N_("Hosted in an adversary country") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the template to block them by id. */
  self->from_id = g_signal_connect_swapped (self->from_spin, "value-changed", G_CALLBACK (on_from_changed), self);
  self->to_id = g_signal_connect_swapped (self->to_spin, "value-changed", G_CALLBACK (on_to_changed), self);

  for (guint i = 0; i < G_N_ELEMENTS (facets); i++)
    {
      GtkWidget *box = fw_facet_box_new (facets[i].facet, _(facets[i].title));

      self->boxes[facets[i].facet] = FW_FACET_BOX (box);
      gtk_box_append (GTK_BOX (self->facets_box), box);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fw_sidebar_new (void)
{
  return g_object_new (FW_TYPE_SIDEBAR, NULL);
}

FwExplorer *
fw_sidebar_get_explorer (FwSidebar *self)
{
  g_return_val_if_fail (FW_IS_SIDEBAR (self), NULL);

  return self->explorer;
}

void
fw_sidebar_set_explorer (FwSidebar  *self,
                         FwExplorer *explorer)
{
  g_return_if_fail (FW_IS_SIDEBAR (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  if (!fw_explorer_replace (&self->explorer, explorer, self, G_CALLBACK (on_explorer_changed)))
    return;

  for (guint f = 0; f < FW_N_FACETS; f++)
    if (self->boxes[f] != NULL)
      fw_facet_box_set_explorer (self->boxes[f], explorer);

  gtk_widget_set_sensitive (GTK_WIDGET (self), explorer != NULL);

  if (explorer != NULL)
    {
      compute_year_bounds (self);
      g_clear_pointer (&self->sent_search, g_free);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_explorer_changed (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

void
fw_sidebar_focus_search (FwSidebar *self)
{
  g_return_if_fail (FW_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

FwFacetBox *
fw_sidebar_get_facet_box (FwSidebar *self,
                          FwFacet    facet)
{
  g_return_val_if_fail (FW_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (facet < FW_N_FACETS, NULL);

  return self->boxes[facet];
}
