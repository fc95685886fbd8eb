/* fw-map-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-map-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart-widget.h"
#include "fw-geo.h"
#include "fw-map-widget.h"
#include "fw-view-follow.h"

/* A press that moves further than this is a drag, not a click. */
#define DRAG_THRESHOLD 4.0
#define ZOOM_SETTLE_MS 200

struct _FwMapWidget
{
  GtkWidget   parent_instance;

  FwExplorer *explorer;
  FwMap      *map;
  gint        focus_mark;     /* keyboard position, -1 when none */
  double      pointer_x, pointer_y;
  double      drag_x, drag_y; /* offset applied so far in this drag */
  gboolean    dragged;
  gboolean    dragging;       /* a drag moves the map now */
  double      pinch_scale;
  guint       zoom_settle_id; /* the end of a run of zoom steps */
  gint        tooltip_mark;   /* the mark tooltip_text describes */
  char       *tooltip_text;
};

G_DEFINE_FINAL_TYPE (FwMapWidget, fw_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_tooltip (FwMapWidget *self)
{
  self->tooltip_mark = -1;
  g_clear_pointer (&self->tooltip_text, g_free);
}

void
fw_map_widget_refresh (FwMapWidget *self)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FW_IS_MAP_WIDGET (self));

  forget_tooltip (self);
  if ((guint) MAX (self->focus_mark, 0) >= fw_map_get_n_marks (self->map))
    self->focus_mark = -1;
  fw_map_set_highlight (self->map, self->focus_mark);

  if (self->explorer != NULL)
    {
      description = fw_map_describe (self->map);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, fw_map_get_title (self->map),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rebuild (FwMapWidget *self)
{
  FwMapMark focused, mark;
  gboolean had_focus = fw_map_get_mark (self->map, self->focus_mark, &focused);

  if (self->explorer != NULL)
    {
      fw_map_update (self->map, self->explorer);
      fw_map_set_watermark (self->map,
                            fw_dataset_get_fictional (fw_explorer_get_dataset (self->explorer))
                              ? _("Fictional firms: demonstration data") : NULL);
    }

  /* After Enter filters, the keyboard stays on its country. */
  self->focus_mark = -1;
  for (guint i = 0; had_focus && fw_map_get_mark (self->map, i, &mark); i++)
    if (mark.hq == focused.hq && mark.host == focused.host && mark.flow == focused.flow)
      {
        self->focus_mark = i;
        break;
      }
  fw_map_widget_refresh (self);
}

static void
ensure_layout (FwMapWidget *self)
{
  FwChartStyle style;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return;
  fw_chart_widget_get_style (&style);
  fw_map_layout (self->map, width, height, &style);
}

static void
fw_map_widget_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FwMapWidget *self = FW_MAP_WIDGET (widget);

  fw_chart_widget_snapshot_figure (widget, snapshot, self->explorer != NULL ? FW_FIGURE (self->map) : NULL);
}

static void
fw_map_widget_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 900;
    }
  else
    {
      *minimum = 260;
      *natural = 560;
    }
}

static void
set_highlight (FwMapWidget *self,
               gint         index)
{
  if (fw_map_get_highlight (self->map) == index)
    return;
  fw_map_set_highlight (self->map, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fw_map_widget_activate_mark (FwMapWidget *self,
                             guint        index)
{
  g_return_if_fail (FW_IS_MAP_WIDGET (self));

  if (self->explorer != NULL && index < fw_map_get_n_marks (self->map))
    fw_map_activate_mark (self->map, index, self->explorer);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FwMapWidget              *self)
{
  FwMapMark mark;

  self->pointer_x = x;
  self->pointer_y = y;
  ensure_layout (self);
  if (fw_map_hit_test (self->map, x, y, &mark))
    set_highlight (self, mark.index);
  else
    set_highlight (self, self->focus_mark);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FwMapWidget              *self)
{
  set_highlight (self, self->focus_mark);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             FwMapWidget     *self)
{
  FwMapMark mark;

  if (self->dragged)
    return;
  ensure_layout (self);
  if (!fw_map_hit_test (self->map, x, y, &mark))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->focus_mark = mark.index;
  fw_map_widget_activate_mark (self, mark.index);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FwMapWidget    *self)
{
  self->drag_x = self->drag_y = 0;
  self->dragged = FALSE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FwMapWidget    *self)
{
  if (!self->dragged && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!self->dragged)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      fw_map_set_interactive (self->map, TRUE);
      self->dragging = TRUE;
    }
  self->dragged = TRUE;
  fw_map_pan (self->map, dx - self->drag_x, dy - self->drag_y);
  self->drag_x = dx;
  self->drag_y = dy;
  forget_tooltip (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             FwMapWidget    *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  self->dragging = FALSE;
  if (self->zoom_settle_id == 0)
    fw_map_set_interactive (self->map, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_zoom_settled (gpointer data)
{
  FwMapWidget *self = data;

  self->zoom_settle_id = 0;
  if (!self->dragging)
    fw_map_set_interactive (self->map, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* Each step of a wheel or pinch shows the last image scaled; the map is
 * drawn anew, crisp, once the steps stop. */
static void
zoom (FwMapWidget *self,
      double       factor,
      double       x,
      double       y)
{
  ensure_layout (self);
  fw_map_set_interactive (self->map, TRUE);
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
  self->zoom_settle_id = g_timeout_add (ZOOM_SETTLE_MS, on_zoom_settled, self);
  fw_map_zoom_at (self->map, factor, x, y);
  forget_tooltip (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           FwMapWidget              *self)
{
  zoom (self, pow (1.25, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                FwMapWidget      *self)
{
  self->pinch_scale = 1;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          FwMapWidget    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  zoom (self, scale / self->pinch_scale, x, y);
  self->pinch_scale = scale;
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  FwMapWidget *self)
{
  FwMapMark mark;

  if (self->explorer == NULL)
    return FALSE;

  ensure_layout (self);
  if (keyboard)
    {
      if (!fw_map_get_mark (self->map, self->focus_mark, &mark))
        return FALSE;
    }
  else if (!fw_map_hit_test (self->map, x, y, &mark))
    return FALSE;

  /* The top fairs take a pass over the data: once per mark. */
  if (self->tooltip_mark != mark.index)
    {
      g_free (self->tooltip_text);
      self->tooltip_text = fw_map_describe_mark (self->map, mark.index);
      self->tooltip_mark = mark.index;
    }
  /* No tip area: a country's shape is no rectangle; moving on to the
   * next country re-asks and changes the text. */
  gtk_tooltip_set_text (tooltip, self->tooltip_text);

  return TRUE;
}

static void
move_focus_mark (FwMapWidget *self,
                 double       dx,
                 double       dy)
{
  gint next;
  g_autofree char *text = NULL;

  ensure_layout (self);
  next = fw_map_get_neighbour (self->map, self->focus_mark, dx, dy);
  if (next < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->focus_mark = next;
  set_highlight (self, next);

  /* Screen readers announce the country the keyboard is on. */
  text = fw_map_describe_mark (self->map, next);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwMapWidget           *self)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus_mark (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus_mark (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus_mark (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus_mark (self, 0, 1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_mark >= 0)
        fw_map_widget_activate_mark (self, self->focus_mark);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom (self, 1.5, cx, cy);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom (self, 1 / 1.5, cx, cy);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      fw_map_widget_reset_view (self);
      return TRUE;

    case GDK_KEY_Escape:
      /* Removes the filter this map's countries set, if any. */
      if (self->explorer != NULL)
        {
          FwMapKind kind = fw_map_get_kind (self->map);
          g_autoptr(FwFilter) filter = fw_filter_copy (fw_explorer_get_filter (self->explorer));

          /* A flow map's filter is both countries, in one step. */
          if (kind != FW_MAP_HOSTS)
            fw_filter_clear_facet (filter, FW_FACET_HQ_COUNTRY);
          if (kind != FW_MAP_HQ)
            fw_filter_clear_facet (filter, FW_FACET_HOST_COUNTRY);
          if (!fw_filter_equal (filter, fw_explorer_get_filter (self->explorer)))
            {
              fw_explorer_set_filter (self->explorer, filter);
              return TRUE;
            }
        }
      return FALSE;

    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                FwMapWidget             *self)
{
  self->focus_mark = -1;
  set_highlight (self, -1);
}

static void
on_style_changed (FwMapWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fw_map_widget_dispose (GObject *object)
{
  FwMapWidget *self = (FwMapWidget *)object;

  forget_tooltip (self);
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
  g_clear_object (&self->map);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_map_widget_parent_class)->dispose (object);
}

static void
fw_map_widget_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwMapWidget *self = FW_MAP_WIDGET (object);

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
fw_map_widget_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwMapWidget *self = FW_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      fw_map_widget_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_map_widget_class_init (FwMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_map_widget_dispose;
  object_class->get_property = fw_map_widget_get_property;
  object_class->set_property = fw_map_widget_set_property;

  widget_class->snapshot = fw_map_widget_snapshot;
  widget_class->measure = fw_map_widget_measure;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fw-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static gpointer
decode_shapes (gpointer data)
{
  fw_geo_get_default ();

  return NULL;
}

static gboolean
start_decoding (gpointer data)
{
  g_thread_unref (g_thread_new ("fw-geo", decode_shapes, NULL));

  return G_SOURCE_REMOVE;
}

static void
fw_map_widget_init (FwMapWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->map = fw_map_new (FW_MAP_HQ);
  self->focus_mark = -1;

  /* The shapes take a while to decode: on another core, once the window
   * is up (not competing with its first frame), before anyone opens the
   * maps. */
  {
    static gsize started;

    if (g_once_init_enter (&started))
      {
        g_timeout_add_seconds (1, start_decoding, NULL);
        g_once_init_leave (&started, 1);
      }
  }
  self->tooltip_mark = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fw_map_widget_new (FwMapKind kind)
{
  FwMapWidget *self = g_object_new (FW_TYPE_MAP_WIDGET, NULL);

  fw_map_set_kind (self->map, kind);

  return GTK_WIDGET (self);
}

FwMap *
fw_map_widget_get_map (FwMapWidget *self)
{
  g_return_val_if_fail (FW_IS_MAP_WIDGET (self), NULL);

  return self->map;
}

void
fw_map_widget_set_kind (FwMapWidget *self,
                        FwMapKind    kind)
{
  g_return_if_fail (FW_IS_MAP_WIDGET (self));

  if (fw_map_get_kind (self->map) == kind)
    return;
  fw_map_set_kind (self->map, kind);
  self->focus_mark = -1;
  fw_map_widget_refresh (self);
}

void
fw_map_widget_set_explorer (FwMapWidget *self,
                            FwExplorer  *explorer)
{
  g_return_if_fail (FW_IS_MAP_WIDGET (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  /* A map nobody is looking at waits until it is shown. */
  if (!fw_view_follow_explorer (GTK_WIDGET (self), &self->explorer, explorer, (FwViewRebuildFunc) rebuild))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

void
fw_map_widget_reset_view (FwMapWidget *self)
{
  g_return_if_fail (FW_IS_MAP_WIDGET (self));

  fw_map_reset_view (self->map);
  forget_tooltip (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
