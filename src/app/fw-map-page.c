/* fw-map-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-application.h"
#include "fw-map-page.h"

struct _FwMapPage
{
  AdwBin          parent_instance;

  GtkToggleButton *hq_button;
  GtkToggleButton *hosts_button;
  GtkToggleButton *flows_button;
  GtkStack        *options_stack;
  GtkDropDown     *classify_dropdown;
  GtkSpinButton   *classes_spin;
  GtkCheckButton  *split_check;
  GtkScale        *min_flow_scale;
  GtkDropDown     *projection_dropdown;
  GtkCheckButton  *graticule_button;
  FwMapWidget     *map_widget;

  FwExplorer      *explorer;
  GSettings       *settings;     /* NULL without the schema */
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (FwMapPage, fw_map_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *stack_pages[FW_N_MAP_KINDS] = { "hq", "hosts", "flows" };

static FwMapKind
selected_kind (FwMapPage *self)
{
  if (gtk_toggle_button_get_active (self->hosts_button))
    return FW_MAP_HOSTS;
  if (gtk_toggle_button_get_active (self->flows_button))
    return FW_MAP_FLOWS;

  return FW_MAP_HQ;
}

/* The slider spans the flows the current filter has. */
static void
update_flow_range (FwMapPage *self)
{
  FwMap *map = fw_map_widget_get_map (self->map_widget);
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (self->min_flow_scale));
  guint max = fw_map_get_max_flow (map);

  /* A filter that leaves only smaller flows lowers the minimum with it,
   * rather than draw nothing. */
  if (fw_map_get_min_flow (map) > max)
    {
      fw_map_set_min_flow (map, max);
      fw_map_widget_refresh (self->map_widget);
    }

  self->syncing = TRUE;
  gtk_adjustment_set_upper (adjustment, MAX (max, 2));
  gtk_adjustment_set_value (adjustment, fw_map_get_min_flow (map));
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->min_flow_scale), max > 1);
}

static void
on_options_changed (FwMapPage *self)
{
  FwMap *map = fw_map_widget_get_map (self->map_widget);
  guint projection = gtk_drop_down_get_selected (self->projection_dropdown);
  guint method = gtk_drop_down_get_selected (self->classify_dropdown);

  if (self->syncing)
    return;

  if (projection < FW_N_PROJECTIONS)
    fw_map_set_projection (map, projection);
  if (method < FW_N_CLASSIFY)
    fw_map_set_classify (map, method, gtk_spin_button_get_value_as_int (self->classes_spin));
  fw_map_set_split_confidence (map, gtk_check_button_get_active (self->split_check));
  fw_map_set_min_flow (map, (guint) gtk_range_get_value (GTK_RANGE (self->min_flow_scale)));
  fw_map_set_graticule (map, gtk_check_button_get_active (self->graticule_button));
  fw_map_widget_refresh (self->map_widget);

  /* The minimum flow depends on the data, so it is not remembered. */
  if (self->settings != NULL)
    {
      g_settings_set_uint (self->settings, "map-projection", fw_map_get_projection (map));
      g_settings_set_uint (self->settings, "map-classify", fw_map_get_classify (map));
      g_settings_set_uint (self->settings, "map-classes", fw_map_get_n_classes (map));
      g_settings_set_boolean (self->settings, "map-graticule", fw_map_get_graticule (map));
      g_settings_set_boolean (self->settings, "map-split-confidence", fw_map_get_split_confidence (map));
    }
}

static void
on_kind_toggled (FwMapPage       *self,
                 GtkToggleButton *button)
{
  FwMapKind kind;

  if (!gtk_toggle_button_get_active (button))
    return;

  kind = selected_kind (self);
  gtk_stack_set_visible_child_name (self->options_stack, stack_pages[kind]);
  fw_map_widget_set_kind (self->map_widget, kind);
  if (kind == FW_MAP_FLOWS)
    update_flow_range (self);
}

static void
on_reset_clicked (FwMapPage *self)
{
  fw_map_widget_reset_view (self->map_widget);
}

static void
on_explorer_changed (FwMapPage *self)
{
  update_flow_range (self);
}

static void
fw_map_page_dispose (GObject *object)
{
  FwMapPage *self = (FwMapPage *)object;

  fw_explorer_replace (&self->explorer, NULL, self, G_CALLBACK (on_explorer_changed));
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_MAP_PAGE);

  G_OBJECT_CLASS (fw_map_page_parent_class)->dispose (object);
}

static void
fw_map_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwMapPage *self = FW_MAP_PAGE (object);

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
fw_map_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FwMapPage *self = FW_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      /* The map widget connects first, so its counts are current here. */
      fw_map_widget_set_explorer (self->map_widget, g_value_get_object (value));
      if (fw_explorer_replace (&self->explorer, g_value_get_object (value), self,
                               G_CALLBACK (on_explorer_changed)))
        {
          if (self->explorer != NULL)
            update_flow_range (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_map_page_class_init (FwMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_map_page_dispose;
  object_class->get_property = fw_map_page_get_property;
  object_class->set_property = fw_map_page_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FW_TYPE_MAP_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, hq_button);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, hosts_button);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, flows_button);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, options_stack);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, classify_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, classes_spin);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, split_check);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, min_flow_scale);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, projection_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, graticule_button);
  gtk_widget_class_bind_template_child (widget_class, FwMapPage, map_widget);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
fw_map_page_init (FwMapPage *self)
{
  g_autoptr(GtkStringList) projections = gtk_string_list_new (NULL);
  FwMap *map;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < FW_N_PROJECTIONS; i++)
    gtk_string_list_append (projections, fw_projection_get_label (i));
  gtk_drop_down_set_model (self->projection_dropdown, G_LIST_MODEL (projections));

  /* The map starts as it was last left, and the controls from the map. */
  map = fw_map_widget_get_map (self->map_widget);
  self->settings = fw_application_dup_settings ();
  if (self->settings != NULL)
    {
      fw_map_set_projection (map, MIN (g_settings_get_uint (self->settings, "map-projection"), FW_N_PROJECTIONS - 1));
      fw_map_set_classify (map, MIN (g_settings_get_uint (self->settings, "map-classify"), FW_N_CLASSIFY - 1),
                           g_settings_get_uint (self->settings, "map-classes"));
      fw_map_set_graticule (map, g_settings_get_boolean (self->settings, "map-graticule"));
      fw_map_set_split_confidence (map, g_settings_get_boolean (self->settings, "map-split-confidence"));
    }
  gtk_drop_down_set_selected (self->projection_dropdown, fw_map_get_projection (map));
  gtk_drop_down_set_selected (self->classify_dropdown, fw_map_get_classify (map));
  gtk_spin_button_set_value (self->classes_spin, fw_map_get_n_classes (map));
  gtk_check_button_set_active (self->graticule_button, fw_map_get_graticule (map));
  gtk_check_button_set_active (self->split_check, fw_map_get_split_confidence (map));
  self->syncing = FALSE;

  /* A map shown after the filter changed has just recounted (in a "map"
   * handler of its own: this one runs after it). */
  g_signal_connect_object (self->map_widget, "map", G_CALLBACK (update_flow_range), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
fw_map_page_new (void)
{
  return g_object_new (FW_TYPE_MAP_PAGE, NULL);
}

FwMapWidget *
fw_map_page_get_map_widget (FwMapPage *self)
{
  g_return_val_if_fail (FW_IS_MAP_PAGE (self), NULL);

  return self->map_widget;
}

void
fw_map_page_set_kind (FwMapPage *self,
                      FwMapKind  kind)
{
  GtkToggleButton *buttons[] = { self->hq_button, self->hosts_button, self->flows_button };

  g_return_if_fail (FW_IS_MAP_PAGE (self));
  g_return_if_fail (kind < FW_N_MAP_KINDS);

  gtk_toggle_button_set_active (buttons[kind], TRUE);
}
