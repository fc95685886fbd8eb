/* fw-chart-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart-widget.h"
#include "fw-view-follow.h"

struct _FwChartWidget
{
  GtkWidget   parent_instance;

  FwView      view;
  FwExplorer *explorer;
  FwChart    *chart;
  gint        focus_mark;     /* keyboard position, -1 when none */
};

G_DEFINE_FINAL_TYPE (FwChartWidget, fw_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_EXPLORER,
  N_PROPS
};

enum {
  FIRM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
fw_chart_widget_get_screen_style (FwChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  g_return_if_fail (style != NULL);

  if (adw_style_manager_get_high_contrast (manager))
    fw_chart_style_init_high_contrast (style, dark);
  else if (dark)
    fw_chart_style_init_dark (style);
  else
    fw_chart_style_init_light (style);
}

void
fw_chart_widget_get_style (FwChartStyle *style)
{
  fw_chart_widget_get_screen_style (style);

  /* The page behind is the chart's background. */
  style->transparent = TRUE;
}

static void
update_accessible (FwChartWidget *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    return;

  description = fw_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fw_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
rebuild (FwChartWidget *self)
{
  g_clear_object (&self->chart);

  if (self->explorer != NULL)
    self->chart = fw_view_build (self->view, self->explorer);

  self->focus_mark = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
fw_chart_widget_snapshot_figure (GtkWidget   *widget,
                                 GtkSnapshot *snapshot,
                                 FwFigure    *figure)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  FwChartStyle style;
  cairo_t *cr;

  if (figure == NULL || width <= 0 || height <= 0)
    return;

  fw_chart_widget_get_style (&style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fw_figure_draw (figure, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
fw_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FwChartWidget *self = FW_CHART_WIDGET (widget);

  fw_chart_widget_snapshot_figure (widget, snapshot, self->chart != NULL ? FW_FIGURE (self->chart) : NULL);
}

static GtkSizeRequestMode
fw_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fw_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  FwChartWidget *self = FW_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 720;
      return;
    }

  /* The chart knows how tall its content is at a width; columns and
   * short charts get a comfortable minimum. */
  if (self->chart == NULL)
    {
      *minimum = *natural = 300;
      return;
    }

  {
    FwChartStyle style;
    double height;

    fw_chart_widget_get_style (&style);
    height = fw_chart_get_natural_height (self->chart, for_size > 0 ? for_size : 720, &style);
    *minimum = 240;
    *natural = MAX ((int) ceil (height), fw_chart_get_kind (self->chart) == FW_CHART_COLUMNS ? 420 : 240);
  }
}

void
fw_chart_widget_activate_mark (FwChartWidget *self,
                               guint          index)
{
  FwChartMark mark;

  g_return_if_fail (FW_IS_CHART_WIDGET (self));

  if (self->chart == NULL || self->explorer == NULL || !fw_chart_get_mark (self->chart, index, &mark))
    return;

  if (mark.firm >= 0)
    {
      g_signal_emit (self, signals[FIRM_ACTIVATED], 0, (guint) mark.firm);
      return;
    }

  if (mark.facet == FW_FACET_YEAR)
    {
      guint16 first, last;

      /* A year column selects that one year; activating it again clears. */
      fw_filter_get_years (fw_explorer_get_filter (self->explorer), &first, &last);
      if (first == mark.value && last == mark.value)
        fw_explorer_set_years (self->explorer, 0, 0);
      else
        fw_explorer_set_years (self->explorer, mark.value, mark.value);
      return;
    }

  if (mark.facet < FW_N_FACETS)
    fw_explorer_toggle_value (self->explorer, mark.facet, mark.value);
}

static void
set_highlight (FwChartWidget *self,
               gint           index)
{
  if (self->chart == NULL || fw_chart_get_highlight (self->chart) == index)
    return;

  fw_chart_set_highlight (self->chart, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FwChartWidget            *self)
{
  FwChartMark mark;

  if (self->chart == NULL)
    return;

  if (fw_chart_hit_test (self->chart, x, y, &mark))
    set_highlight (self, mark.index);
  else
    set_highlight (self, self->focus_mark);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FwChartWidget            *self)
{
  set_highlight (self, self->focus_mark);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             FwChartWidget   *self)
{
  FwChartMark mark;

  if (self->chart == NULL || !fw_chart_hit_test (self->chart, x, y, &mark))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->focus_mark = mark.index;
  fw_chart_widget_activate_mark (self, mark.index);
}

static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  FwChartWidget *self)
{
  g_autofree char *text = NULL;
  FwChartMark mark;

  if (self->chart == NULL)
    return FALSE;

  if (keyboard)
    {
      if (self->focus_mark < 0 || !fw_chart_get_mark (self->chart, self->focus_mark, &mark))
        return FALSE;
    }
  else if (!fw_chart_hit_test (self->chart, x, y, &mark))
    return FALSE;

  text = fw_chart_describe_mark (self->chart, mark.index);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) { mark.x, mark.y, MAX (mark.width, 1), MAX (mark.height, 1) });

  return TRUE;
}

static void
move_focus_mark (FwChartWidget *self,
                 gint           delta)
{
  guint n = self->chart != NULL ? fw_chart_get_n_marks (self->chart) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    return;

  if (self->focus_mark < 0)
    self->focus_mark = delta >= 0 ? 0 : (gint) n - 1;
  else
    self->focus_mark = CLAMP (self->focus_mark + delta, 0, (gint) n - 1);

  set_highlight (self, self->focus_mark);

  /* Screen readers announce the mark the keyboard is on. */
  text = fw_chart_describe_mark (self->chart, self->focus_mark);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwChartWidget         *self)
{
  guint n = self->chart != NULL ? fw_chart_get_n_marks (self->chart) : 0;
  FwChartMark mark;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      move_focus_mark (self, -1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      move_focus_mark (self, 1);
      return TRUE;

    case GDK_KEY_Home:
      self->focus_mark = -1;
      move_focus_mark (self, 1);
      return TRUE;

    case GDK_KEY_End:
      self->focus_mark = -1;
      move_focus_mark (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_mark >= 0 && (guint) self->focus_mark < n)
        fw_chart_widget_activate_mark (self, self->focus_mark);
      return TRUE;

    case GDK_KEY_Escape:
      /* Removes the filter this chart's marks set, if any. */
      if (self->explorer != NULL && n > 0 && fw_chart_get_mark (self->chart, 0, &mark) &&
          mark.facet < FW_N_FACETS &&
          fw_filter_facet_is_active (fw_explorer_get_filter (self->explorer), mark.facet))
        {
          fw_explorer_clear_facet (self->explorer, mark.facet);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                FwChartWidget           *self)
{
  self->focus_mark = -1;
  set_highlight (self, -1);
}

static void
fw_chart_widget_dispose (GObject *object)
{
  FwChartWidget *self = (FwChartWidget *)object;

  g_clear_object (&self->chart);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_chart_widget_parent_class)->dispose (object);
}

static void
fw_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FwChartWidget *self = FW_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;

    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FwChartWidget *self = FW_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_get_int (value);
      break;

    case PROP_EXPLORER:
      fw_chart_widget_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_widget_class_init (FwChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_chart_widget_dispose;
  object_class->get_property = fw_chart_widget_get_property;
  object_class->set_property = fw_chart_widget_set_property;

  widget_class->snapshot = fw_chart_widget_snapshot;
  widget_class->measure = fw_chart_widget_measure;
  widget_class->get_request_mode = fw_chart_widget_get_request_mode;

  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL,
                      0, FW_N_VIEWS - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwChartWidget::firm-activated:
   * @firm: the firm's row
   *
   * A mark that stands for one firm (a timeline dot) was activated.
   */
  signals[FIRM_ACTIVATED] =
    g_signal_new ("firm-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "fw-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_style_changed (FwChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fw_chart_widget_init (FwChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->focus_mark = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fw_chart_widget_new (FwView view)
{
  return g_object_new (FW_TYPE_CHART_WIDGET, "view", view, NULL);
}

FwView
fw_chart_widget_get_view (FwChartWidget *self)
{
  g_return_val_if_fail (FW_IS_CHART_WIDGET (self), 0);

  return self->view;
}

FwChart *
fw_chart_widget_get_chart (FwChartWidget *self)
{
  g_return_val_if_fail (FW_IS_CHART_WIDGET (self), NULL);

  fw_view_follow_ensure (GTK_WIDGET (self));

  return self->chart;
}

void
fw_chart_widget_set_explorer (FwChartWidget *self,
                              FwExplorer    *explorer)
{
  g_return_if_fail (FW_IS_CHART_WIDGET (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  /* Charts on pages nobody is looking at wait until they are shown. */
  if (!fw_view_follow_explorer (GTK_WIDGET (self), &self->explorer, explorer, (FwViewRebuildFunc) rebuild))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}
