/* fw-facet-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-facet-box"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fw-app-resources.h"
#include "fw-facet-box.h"

/* One value of the facet.  The widgets are made once per dataset and then
 * only updated, re-ordered and shown or hidden: a click re-counts every
 * facet, and the country facets have some 250 values each. */
typedef struct
{
  guint           value;
  GtkWidget      *box;
  GtkCheckButton *check;
  GtkLabel       *name;         /* the check button's own label */
  GtkLabel       *count_label;
  gulong          toggled_id;
  char           *label;
  char           *folded;       /* for the search entry */
  char           *collate_key;  /* for sorting by name */
  guint           count;
  gboolean        selected;
  gboolean        is_unknown;
} Row;

struct _FwFacetBox
{
  GtkWidget        parent_instance;

  /* Template children */
  GtkLabel        *title_label;
  GtkLabel        *selected_label;
  GtkDropDown     *match_dropdown;
  GtkWidget       *clear_button;
  GtkWidget       *tools_box;
  GtkSearchEntry  *search_entry;
  GtkToggleButton *sort_button;
  GtkWidget       *list_box;
  GtkLabel        *empty_label;
  GtkButton       *more_button;

  FwFacet          facet;
  char            *title;
  FwExplorer      *explorer;
  guint64          generation;  /* of the dataset the rows were made for */
  gulong           match_id;

  Row             *rows;        /* indexed by value */
  guint            n_rows;
  guint           *order;       /* values in the order shown */
  char            *search;      /* casefolded, NULL when empty */
  gboolean         is_long;
  gboolean         by_name;
  gboolean         show_all;
};

G_DEFINE_FINAL_TYPE (FwFacetBox, fw_facet_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FACET,
  PROP_TITLE,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_unknown_bucket (FwFacet facet)
{
  /* Every facet keeps 0 for "unknown" but the fairs, whose values are
   * rows of the fairs table. */
  return facet != FW_FACET_FAIR;
}

static void
clear_rows (FwFacetBox *self)
{
  GtkWidget *child;

  while (self->list_box != NULL && (child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->list_box), child);

  for (guint i = 0; i < self->n_rows; i++)
    {
      g_free (self->rows[i].label);
      g_free (self->rows[i].folded);
      g_free (self->rows[i].collate_key);
    }
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->order, g_free);
  self->n_rows = 0;
}

static void
on_check_toggled (GtkCheckButton *check,
                  FwFacetBox     *self)
{
  Row *row = g_object_get_data (G_OBJECT (check), "fw-row");
  gboolean active = gtk_check_button_get_active (check);

  if (self->explorer == NULL)
    return;

  if (active != fw_filter_has_value (fw_explorer_get_filter (self->explorer), self->facet, row->value))
    fw_explorer_toggle_value (self->explorer, self->facet, row->value);
}

static void
on_count_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkCheckButton  *check)
{
  /* The count belongs to the row: clicking it is clicking the check. */
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static gboolean
on_query_tooltip (GtkWidget  *check,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  Row        *row)
{
  /* Only a shortened name needs its full text in a tooltip. */
  if (row->name == NULL || !pango_layout_is_ellipsized (gtk_label_get_layout (row->name)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, row->label);
  return TRUE;
}

static void
make_row (FwFacetBox *self,
          Row        *row,
          guint       value,
          FwDataset  *dataset)
{
  g_autofree char *normal = NULL;

  row->value = value;
  row->count = G_MAXUINT;
  row->is_unknown = value == 0 && has_unknown_bucket (self->facet);
  row->label = fw_facet_value_label (self->facet, value, dataset);
  normal = g_utf8_normalize (row->label, -1, G_NORMALIZE_NFKC);
  row->folded = g_utf8_casefold (normal != NULL ? normal : row->label, -1);
  row->collate_key = g_utf8_collate_key (row->label, -1);
}

static void set_row_count    (Row      *row,
                              gboolean  force);
static void set_row_selected (Row      *row);

/* A row's widgets are made when it is first shown: a facet can have every
 * country of the world as a value, and a dataset uses few of them. */
static void
ensure_row_widget (FwFacetBox *self,
                   Row        *row)
{
  GtkWidget *label_child;
  GtkGesture *click;

  if (row->box != NULL)
    return;

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (row->label));
  gtk_widget_set_hexpand (GTK_WIDGET (row->check), TRUE);
  g_object_set_data (G_OBJECT (row->check), "fw-row", row);
  /* GTK 4.8 has no gtk_check_button_set_child(): shorten the button's own
   * label so that a long fair name cannot widen the sidebar. */
  label_child = gtk_widget_get_last_child (GTK_WIDGET (row->check));
  if (GTK_IS_LABEL (label_child))
    {
      row->name = GTK_LABEL (label_child);
      gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (row->name, 0);
      gtk_widget_set_has_tooltip (GTK_WIDGET (row->check), TRUE);
      g_signal_connect (row->check, "query-tooltip", G_CALLBACK (on_query_tooltip), row);
    }
  row->toggled_id = g_signal_connect (row->check, "toggled", G_CALLBACK (on_check_toggled), self);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->check));

  row->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->count_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->count_label), "numeric");
  /* The check button's accessible label already says the count. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->count_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_count_released), row->check, 0);
  gtk_widget_add_controller (GTK_WIDGET (row->count_label), GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->count_label));

  gtk_widget_set_visible (row->box, FALSE);
  gtk_box_append (GTK_BOX (self->list_box), row->box);

  set_row_count (row, TRUE);
  set_row_selected (row);
}

/* The order of a facet whose values have a meaning of their own (High,
 * Medium, Low; yes before no): the values' own order, unknown last. */
static guint
natural_rank (FwFacetBox *self,
              guint       value)
{
  if (self->facet == FW_FACET_ADVERSARY)
    return value == FW_ADVERSARY_UNKNOWN ? G_MAXUINT : FW_N_ADVERSARY - value;
  if (value == 0 && has_unknown_bucket (self->facet))
    return G_MAXUINT;
  return value;
}

static void
rebuild_rows (FwFacetBox *self,
              guint       n_values)
{
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);

  clear_rows (self);

  self->rows = g_new0 (Row, n_values);
  self->order = g_new (guint, n_values);
  self->n_rows = n_values;
  self->generation = fw_dataset_get_generation (dataset);
  self->is_long = n_values > FW_FACET_BOX_N_SHORT;
  gtk_widget_set_visible (self->tools_box, self->is_long);

  for (guint v = 0; v < n_values; v++)
    {
      make_row (self, &self->rows[v], v, dataset);
      self->order[v] = v;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  FwFacetBox *self = user_data;
  const Row *ra = &self->rows[*(const guint *) a];
  const Row *rb = &self->rows[*(const guint *) b];
  int cmp;

  if (!self->is_long)
    {
      guint rank_a = natural_rank (self, ra->value);
      guint rank_b = natural_rank (self, rb->value);

      return rank_a < rank_b ? -1 : rank_a > rank_b;
    }

  if (!self->by_name && ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;

  /* By name, "(unknown)" goes last rather than first for its parenthesis. */
  if (ra->is_unknown != rb->is_unknown)
    return ra->is_unknown ? 1 : -1;

  cmp = strcmp (ra->collate_key, rb->collate_key);
  if (cmp != 0)
    return cmp;

  return ra->value < rb->value ? -1 : ra->value > rb->value;
}

static gboolean
matches_search (FwFacetBox *self,
                const Row  *row)
{
  return self->search == NULL || strstr (row->folded, self->search) != NULL;
}

/* Sorts the rows and decides which to show: values no firm has under the
 * other facets are hidden unless selected, and a long facet shows its
 * first rows (and every selected one) until "Show All". */
static void
update_shown (FwFacetBox *self)
{
  GtkWidget *prev = NULL;
  guint n_candidates = 0;

  if (self->n_rows == 0)
    return;

  g_qsort_with_data (self->order, self->n_rows, sizeof (guint), compare_rows, self);

  for (guint i = 0; i < self->n_rows; i++)
    {
      Row *row = &self->rows[self->order[i]];
      gboolean candidate = (row->count > 0 || row->selected) && matches_search (self, row);
      gboolean shown = candidate &&
                       (!self->is_long || self->show_all || row->selected ||
                        n_candidates < FW_FACET_BOX_N_SHORT);

      n_candidates += candidate;
      if (shown)
        ensure_row_widget (self, row);
      if (row->box == NULL)
        continue;

      if (gtk_widget_get_prev_sibling (row->box) != prev)
        gtk_box_reorder_child_after (GTK_BOX (self->list_box), row->box, prev);
      prev = row->box;

      gtk_widget_set_visible (row->box, shown);
    }

  if (self->is_long && n_candidates > FW_FACET_BOX_N_SHORT)
    {
      g_autofree char *text = NULL;

      if (self->show_all)
        text = g_strdup (_("Show Fewer"));
      else
        /* Translators: %u is the number of values the facet can show */
        text = g_strdup_printf (_("Show All (%u)"), n_candidates);
      gtk_button_set_label (self->more_button, text);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);

  if (n_candidates == 0)
    gtk_label_set_label (self->empty_label,
                         self->search != NULL ? _("No matching values")
                                              : _("No firms under the other filters"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_candidates == 0);
}

static void
set_row_count (Row      *row,
               gboolean  force)
{
  char text[16];
  g_autofree char *accessible = NULL;

  if (row->box == NULL)
    return;

  g_snprintf (text, sizeof text, "%u", row->count);
  if (!force && g_strcmp0 (gtk_label_get_label (row->count_label), text) == 0)
    return;
  gtk_label_set_label (row->count_label, text);

  /* Translators: a value of a filter and its count, read by screen
   * readers, e.g. "France, 52 firms" */
  accessible = g_strdup_printf (ngettext ("%s, %u firm", "%s, %u firms", row->count), row->label, row->count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
set_row_selected (Row *row)
{
  if (row->box == NULL)
    return;

  if (row->selected != gtk_check_button_get_active (row->check))
    {
      g_signal_handler_block (row->check, row->toggled_id);
      gtk_check_button_set_active (row->check, row->selected);
      g_signal_handler_unblock (row->check, row->toggled_id);
    }

  /* A selected value no firm has under the other filters stays, dimmed,
   * so that it can be unselected. */
  if (row->selected && row->count == 0)
    gtk_widget_add_css_class (row->box, "dim-label");
  else
    gtk_widget_remove_css_class (row->box, "dim-label");
}

static void
update_row (FwFacetBox *self,
            Row        *row,
            guint       count,
            gboolean    selected)
{
  if (count != row->count)
    {
      row->count = count;
      set_row_count (row, FALSE);
    }

  row->selected = selected;
  set_row_selected (row);
}

static void
refresh (FwFacetBox *self)
{
  const FwFilter *filter;
  const GArray *values;
  const guint32 *counts;
  FwDataset *dataset;
  guint n_values;
  guint n_selected;
  gboolean any;

  if (self->explorer == NULL)
    {
      clear_rows (self);
      gtk_widget_set_visible (self->tools_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->selected_label), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->match_dropdown), FALSE);
      gtk_widget_set_sensitive (self->clear_button, FALSE);
      return;
    }

  dataset = fw_explorer_get_dataset (self->explorer);
  counts = fw_query_get_facet_counts (fw_explorer_get_query (self->explorer), self->facet, &n_values);
  if (self->rows == NULL || n_values != self->n_rows ||
      fw_dataset_get_generation (dataset) != self->generation)
    rebuild_rows (self, n_values);

  filter = fw_explorer_get_filter (self->explorer);
  for (guint v = 0; v < self->n_rows; v++)
    update_row (self, &self->rows[v], v < n_values ? counts[v] : 0,
                fw_filter_has_value (filter, self->facet, v));

  values = fw_filter_get_values (filter, self->facet);
  n_selected = values != NULL ? values->len : 0;
  any = n_selected > 0;

  if (any)
    {
      g_autofree char *text = NULL;

      /* Translators: the number of values selected in one facet */
      text = g_strdup_printf (ngettext ("%u selected", "%u selected", n_selected), n_selected);
      gtk_label_set_label (self->selected_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->selected_label), any);

  g_signal_handler_block (self->match_dropdown, self->match_id);
  gtk_drop_down_set_selected (self->match_dropdown,
                              fw_filter_get_match (filter, self->facet) == FW_MATCH_NONE_OF ? 1 : 0);
  g_signal_handler_unblock (self->match_dropdown, self->match_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->match_dropdown), any);
  gtk_widget_set_sensitive (self->clear_button, any);

  update_shown (self);
}

static void
on_match_selected (FwFacetBox *self)
{
  FwMatch match = gtk_drop_down_get_selected (self->match_dropdown) == 1 ? FW_MATCH_NONE_OF : FW_MATCH_ANY_OF;

  if (self->explorer != NULL)
    fw_explorer_set_match (self->explorer, self->facet, match);
}

static void
on_clear_clicked (FwFacetBox *self)
{
  if (self->explorer != NULL)
    fw_explorer_clear_facet (self->explorer, self->facet);
}

static void
on_search_changed (FwFacetBox *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  g_clear_pointer (&self->search, g_free);
  if (normal != NULL && normal[0] != '\0')
    self->search = g_utf8_casefold (normal, -1);

  update_shown (self);
}

static void
on_stop_search (FwFacetBox *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_sort_toggled (FwFacetBox *self)
{
  self->by_name = gtk_toggle_button_get_active (self->sort_button);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_button),
                               self->by_name ? _("Sort by Count") : _("Sort by Name"));
  gtk_button_set_icon_name (GTK_BUTTON (self->sort_button),
                            self->by_name ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  update_shown (self);
}

static void
on_more_clicked (FwFacetBox *self)
{
  self->show_all = !self->show_all;
  update_shown (self);
}

static void
update_placeholder (FwFacetBox *self)
{
  const char *text;

  switch ((int) self->facet)
    {
    case FW_FACET_HQ_COUNTRY:
    case FW_FACET_HOST_COUNTRY:
      text = _("Filter countries");
      break;
    case FW_FACET_FAIR:
      text = _("Filter fairs");
      break;
    default:
      text = _("Filter values");
      break;
    }

  g_object_set (self->search_entry, "placeholder-text", text, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
fw_facet_box_dispose (GObject *object)
{
  FwFacetBox *self = (FwFacetBox *)object;
  GtkWidget *child;

  if (self->explorer != NULL)
    g_signal_handlers_disconnect_by_data (self->explorer, self);
  g_clear_object (&self->explorer);
  clear_rows (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_FACET_BOX);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_facet_box_parent_class)->dispose (object);
}

static void
fw_facet_box_finalize (GObject *object)
{
  FwFacetBox *self = (FwFacetBox *)object;

  g_free (self->title);
  g_free (self->search);

  G_OBJECT_CLASS (fw_facet_box_parent_class)->finalize (object);
}

static void
fw_facet_box_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FwFacetBox *self = FW_FACET_BOX (object);

  switch (prop_id)
    {
    case PROP_FACET:
      g_value_set_uint (value, self->facet);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_facet_box_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FwFacetBox *self = FW_FACET_BOX (object);

  switch (prop_id)
    {
    case PROP_FACET:
      self->facet = g_value_get_uint (value);
      update_placeholder (self);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_label_set_label (self->title_label, self->title != NULL ? self->title : "");
      break;

    case PROP_EXPLORER:
      fw_facet_box_set_explorer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_facet_box_class_init (FwFacetBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_facet_box_dispose;
  object_class->finalize = fw_facet_box_finalize;
  object_class->get_property = fw_facet_box_get_property;
  object_class->set_property = fw_facet_box_set_property;

  properties[PROP_FACET] =
    g_param_spec_uint ("facet", NULL, NULL,
                       0, FW_N_FACETS - 1, FW_FACET_CONFIDENCE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Resources in a static library are registered only when something
   * references them; the widget may be used without FwApplication. */
  (void) fw_app_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-facet-box.ui");
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, title_label);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, selected_label);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, match_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, tools_box);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, sort_button);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, list_box);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, empty_label);
  gtk_widget_class_bind_template_child (widget_class, FwFacetBox, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_facet_box_init (FwFacetBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->match_id = g_signal_connect_swapped (self->match_dropdown, "notify::selected",
                                             G_CALLBACK (on_match_selected), self);
}

GtkWidget *
fw_facet_box_new (FwFacet     facet,
                  const char *title)
{
  g_return_val_if_fail (facet < FW_N_FACETS, NULL);

  return g_object_new (FW_TYPE_FACET_BOX,
                       "facet", facet,
                       "title", title,
                       NULL);
}

FwFacet
fw_facet_box_get_facet (FwFacetBox *self)
{
  g_return_val_if_fail (FW_IS_FACET_BOX (self), FW_FACET_CONFIDENCE);

  return self->facet;
}

const char *
fw_facet_box_get_title (FwFacetBox *self)
{
  g_return_val_if_fail (FW_IS_FACET_BOX (self), NULL);

  return self->title;
}

FwExplorer *
fw_facet_box_get_explorer (FwFacetBox *self)
{
  g_return_val_if_fail (FW_IS_FACET_BOX (self), NULL);

  return self->explorer;
}

void
fw_facet_box_set_explorer (FwFacetBox *self,
                           FwExplorer *explorer)
{
  g_return_if_fail (FW_IS_FACET_BOX (self));
  g_return_if_fail (explorer == NULL || FW_IS_EXPLORER (explorer));

  if (!fw_explorer_replace (&self->explorer, explorer, self, G_CALLBACK (refresh)))
    return;

  clear_rows (self);
  self->show_all = FALSE;
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

static Row *
get_row (FwFacetBox *self,
         guint       value)
{
  if (value >= self->n_rows)
    return NULL;

  return &self->rows[value];
}

GtkCheckButton *
fw_facet_box_get_check (FwFacetBox *self,
                        guint       value)
{
  Row *row;

  g_return_val_if_fail (FW_IS_FACET_BOX (self), NULL);

  row = get_row (self, value);
  if (row == NULL)
    return NULL;

  ensure_row_widget (self, row);

  return row->check;
}

gboolean
fw_facet_box_is_value_shown (FwFacetBox *self,
                             guint       value)
{
  Row *row;

  g_return_val_if_fail (FW_IS_FACET_BOX (self), FALSE);

  row = get_row (self, value);

  return row != NULL && row->box != NULL && gtk_widget_get_visible (row->box);
}

const char *
fw_facet_box_get_count_text (FwFacetBox *self,
                             guint       value)
{
  Row *row;

  g_return_val_if_fail (FW_IS_FACET_BOX (self), NULL);

  row = get_row (self, value);
  if (row == NULL)
    return NULL;

  ensure_row_widget (self, row);

  return gtk_label_get_label (row->count_label);
}
