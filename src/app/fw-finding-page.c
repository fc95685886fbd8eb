/* fw-finding-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-finding-page"

#include "config.h"

#include "fw-chart-widget.h"
#include "fw-finding-page.h"

struct _FwFindingPage
{
  AdwBin      parent_instance;

  FwExplorer *explorer;
  GtkBox     *box;
  GPtrArray  *charts;     /* FwChartWidget, owned by the widget tree */
  GPtrArray  *extras;     /* other widgets with an "explorer" property */
};

G_DEFINE_FINAL_TYPE (FwFindingPage, fw_finding_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fw_finding_page_dispose (GObject *object)
{
  FwFindingPage *self = (FwFindingPage *)object;

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->extras, g_ptr_array_unref);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_finding_page_parent_class)->dispose (object);
}

static void
fw_finding_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FwFindingPage *self = FW_FINDING_PAGE (object);

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
fw_finding_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FwFindingPage *self = FW_FINDING_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      if (g_set_object (&self->explorer, g_value_get_object (value)))
        {
          for (guint i = 0; i < self->charts->len; i++)
            fw_chart_widget_set_explorer (g_ptr_array_index (self->charts, i), self->explorer);
          for (guint i = 0; i < self->extras->len; i++)
            g_object_set (g_ptr_array_index (self->extras, i), "explorer", self->explorer, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_finding_page_class_init (FwFindingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_finding_page_dispose;
  object_class->get_property = fw_finding_page_get_property;
  object_class->set_property = fw_finding_page_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fw_finding_page_init (FwFindingPage *self)
{
  self->charts = g_ptr_array_new ();
  self->extras = g_ptr_array_new ();
}

static void
on_firm_activated (FwChartWidget *chart,
                   guint          firm,
                   FwFindingPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-firm", "u", firm);
}

FwFindingPage *
fw_finding_page_new (const char   *title,
                     const char   *description,
                     const FwView *views,
                     guint         n_views)
{
  FwFindingPage *self = g_object_new (FW_TYPE_FINDING_PAGE, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (description);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), body);

  for (guint i = 0; i < n_views; i++)
    {
      GtkWidget *chart = fw_chart_widget_new (views[i]);

      gtk_widget_add_css_class (chart, "card");
      g_signal_connect (chart, "firm-activated", G_CALLBACK (on_firm_activated), self);
      g_ptr_array_add (self->charts, chart);
      gtk_box_append (GTK_BOX (box), chart);
    }

  self->box = GTK_BOX (box);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);

  return self;
}

void
fw_finding_page_add_extra (FwFindingPage *self,
                           GtkWidget     *widget)
{
  g_return_if_fail (FW_IS_FINDING_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_ptr_array_add (self->extras, widget);
  gtk_box_append (self->box, widget);
  if (self->explorer != NULL)
    g_object_set (widget, "explorer", self->explorer, NULL);
}

GPtrArray *
fw_finding_page_get_charts (FwFindingPage *self)
{
  g_return_val_if_fail (FW_IS_FINDING_PAGE (self), NULL);

  return self->charts;
}
