/* fw-adversary-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-adversary-list"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-adversary-list.h"
#include "fw-view-follow.h"

struct _FwAdversaryList
{
  GtkWidget   parent_instance;

  FwExplorer *explorer;
  GtkListBox *list;
  GtkLabel   *more;
};

/* A list of thousands of rows helps nobody; the tables hold them all. */
#define MAX_ROWS 50

G_DEFINE_FINAL_TYPE (FwAdversaryList, fw_adversary_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
join_hosts (FwCountries           *countries,
            const FwAdversaryFirm *firm)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < firm->hosts->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, fw_countries_get_name (countries, g_array_index (firm->hosts, FwCountryId, i)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_years (const FwAdversaryFirm *firm)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < firm->years->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", g_array_index (firm->years, guint16, i));
  if (firm->unknown_years)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", _("(unknown)"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
make_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* Rows are refilled rather than made again on every click. */
static void
fill_row (GtkWidget             *row,
          FwDataset             *dataset,
          const FwAdversaryFirm *firm)
{
  FwCountries *countries = fw_dataset_get_countries (dataset);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail_label = gtk_widget_get_next_sibling (name);
  g_autofree char *hosts = join_hosts (countries, firm);
  g_autofree char *years = join_years (firm);
  g_autofree char *detail = NULL;

  /* Translators: headquarters, confidence, adversary hosts and years of a firm */
  detail = g_strdup_printf (_("Headquartered in %s · %s confidence · at fairs in %s · %s"),
                            fw_countries_get_name (countries, fw_dataset_get_firm_hq (dataset, firm->firm)),
                            fw_confidence_to_label (fw_dataset_get_firm_confidence (dataset, firm->firm)),
                            hosts, years);
  gtk_label_set_label (GTK_LABEL (name), fw_dataset_get_firm_name (dataset, firm->firm));
  gtk_label_set_label (GTK_LABEL (detail_label), detail);
  g_object_set_data (G_OBJECT (row), "fw-firm", GUINT_TO_POINTER (firm->firm));
}

static void
rebuild (FwAdversaryList *self)
{
  GtkListBoxRow *row;
  FwFindings *findings = NULL;
  FwDataset *dataset;
  guint n = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->more), FALSE);

  if (self->explorer != NULL)
    {
      findings = fw_explorer_get_findings (self->explorer);
      dataset = fw_explorer_get_dataset (self->explorer);
      n = MIN (findings->adversary_firms->len, MAX_ROWS);
      for (guint i = 0; i < n; i++)
        {
          row = gtk_list_box_get_row_at_index (self->list, i);
          if (row == NULL)
            {
              row = GTK_LIST_BOX_ROW (make_row ());
              gtk_list_box_append (self->list, GTK_WIDGET (row));
            }
          fill_row (GTK_WIDGET (row), dataset, g_ptr_array_index (findings->adversary_firms, i));
        }
    }

  while ((row = gtk_list_box_get_row_at_index (self->list, n)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));

  if (findings == NULL)
    return;

  if (findings->adversary_firms->len > MAX_ROWS)
    {
      guint rest = findings->adversary_firms->len - MAX_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more firm; the Tables view lists every firm",
                                                         "… and %u more firms; the Tables view lists every firm",
                                                         rest),
                                               rest);

      gtk_label_set_label (self->more, text);
      gtk_widget_set_visible (GTK_WIDGET (self->more), TRUE);
    }
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  FwAdversaryList *self)
{
  guint firm = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fw-firm"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-firm", "u", firm);
}

static void
fw_adversary_list_dispose (GObject *object)
{
  FwAdversaryList *self = (FwAdversaryList *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_adversary_list_parent_class)->dispose (object);
}

static void
fw_adversary_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FwAdversaryList *self = FW_ADVERSARY_LIST (object);

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
fw_adversary_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FwAdversaryList *self = FW_ADVERSARY_LIST (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      if (fw_view_follow_explorer (GTK_WIDGET (self), &self->explorer, g_value_get_object (value),
                                   (FwViewRebuildFunc) rebuild))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_adversary_list_class_init (FwAdversaryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_adversary_list_dispose;
  object_class->get_property = fw_adversary_list_get_property;
  object_class->set_property = fw_adversary_list_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
fw_adversary_list_init (FwAdversaryList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  GtkWidget *placeholder = gtk_label_new (_("No high- or medium-confidence firm exhibited at a fair in an adversary country under the current filter."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Firms at fairs in adversary countries"),
                                  -1);

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->more = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->more, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->more), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->more), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->more), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->more), GTK_WIDGET (self));
}

GtkWidget *
fw_adversary_list_new (void)
{
  return g_object_new (FW_TYPE_ADVERSARY_LIST, NULL);
}
