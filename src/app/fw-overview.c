/* fw-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-overview.h"
#include "fw-view-follow.h"

struct _FwOverview
{
  AdwBin      parent_instance;

  FwExplorer *explorer;
  GtkGrid    *grid;
  GtkLabel   *scope;
  guint       n_rows;
  guint       n_matching;
};

G_DEFINE_FINAL_TYPE (FwOverview, fw_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A headline figure of FACTS.md: what the report publishes, what this data
 * gives, and whether they agree in the report's own terms ("almost 75 %"
 * is 60 of 81; "more than 85 %" is a threshold). */
typedef struct
{
  const char *label;
  char       *report;
  char       *ours;
  gboolean    matches;
} Figure;

static char *
share_text (guint count,
            guint total)
{
  if (total == 0)
    return g_strdup_printf ("%u", count);

  /* Translators: a count and its share, e.g. "60 (74.1 %)" */
  return g_strdup_printf (_("%u (%.1f %%)"), count, 100.0 * count / total);
}

static const char *
top_name (FwDataset *dataset,
          GArray    *entries,
          guint      index,
          gboolean   fairs)
{
  guint key;

  if (index >= entries->len)
    return "";

  key = g_array_index (entries, FwRankEntry, index).key;
  if (fairs)
    return fw_dataset_get_fair_name (dataset, key);

  return fw_countries_get_name (fw_dataset_get_countries (dataset), key);
}

static void
add_row (FwOverview *self,
         guint       row,
         Figure     *figure)
{
  GtkWidget *label = gtk_label_new (figure->label);
  GtkWidget *ours = gtk_label_new (figure->ours);
  GtkWidget *report = gtk_label_new (figure->report);
  GtkWidget *mark = gtk_image_new_from_icon_name (figure->matches ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  const char *status = figure->matches ? _("Matches the report") : _("Differs from the report");

  /* The figure's name gets the room; the values wrap rather than squeeze
   * it into a narrow column. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (ours), 1);
  gtk_label_set_wrap (GTK_LABEL (ours), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (ours), 22);
  gtk_label_set_justify (GTK_LABEL (ours), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (report), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (report), 22);
  gtk_label_set_justify (GTK_LABEL (report), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (ours, "numeric");
  gtk_widget_add_css_class (ours, "heading");
  gtk_label_set_xalign (GTK_LABEL (report), 1);
  gtk_widget_add_css_class (report, "dim-label");
  gtk_widget_set_tooltip_text (mark, status);
  gtk_widget_add_css_class (mark, figure->matches ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);

  gtk_grid_attach (self->grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->grid, ours, 1, row, 1, 1);
  gtk_grid_attach (self->grid, report, 2, row, 1, 1);
  gtk_grid_attach (self->grid, mark, 3, row, 1, 1);

  self->n_rows++;
  self->n_matching += figure->matches;
}

static void
add_header (FwOverview *self)
{
  const char *titles[] = { _("Figure"), _("This data"), _("Report") };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (titles[i]);

      gtk_label_set_xalign (GTK_LABEL (label), i == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }
}

static void
rebuild (FwOverview *self)
{
  GtkWidget *child;
  FwFindings *f;
  FwDataset *dataset;
  guint base, share_country_ok;
  g_autofree char *top_fairs = NULL;
  g_autofree char *top_hosts = NULL;
  Figure figures[12];
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = self->n_matching = 0;

  if (self->explorer == NULL)
    return;

  f = fw_explorer_get_findings (self->explorer);
  dataset = fw_explorer_get_dataset (self->explorer);
  base = f->base_firms;
  share_country_ok = base > 0 && f->outside_home_country * 100 > 85 * base;

  gtk_label_set_label (self->scope,
                       fw_filter_is_empty (fw_explorer_get_filter (self->explorer))
                       ? _("The report’s published figures beside the same figures computed from this dataset.")
                       : _("Figures for the records the current filter keeps; the report’s are for its whole dataset."));

#define FIGURE(l, r, o, m) figures[n++] = (Figure) { l, r, o, m }
  FIGURE (_("Firms"), g_strdup ("224"), g_strdup_printf ("%u", f->n_firms), f->n_firms == 224);
  FIGURE (_("Countries the firms are headquartered in"), g_strdup ("33"),
          g_strdup_printf ("%u", f->n_hq_countries), f->n_hq_countries == 33);
  FIGURE (_("High-confidence firms"), g_strdup ("59"),
          g_strdup_printf ("%u", f->confidence[FW_CONFIDENCE_HIGH]), f->confidence[FW_CONFIDENCE_HIGH] == 59);
  FIGURE (_("High- or medium-confidence firms"), g_strdup ("81"), g_strdup_printf ("%u", base), base == 81);
  FIGURE (_("Medium-confidence firms"), g_strdup ("22"),
          g_strdup_printf ("%u", f->confidence[FW_CONFIDENCE_MEDIUM]), f->confidence[FW_CONFIDENCE_MEDIUM] == 22);
  FIGURE (_("Low-confidence firms"), g_strdup ("143"),
          g_strdup_printf ("%u", f->confidence[FW_CONFIDENCE_LOW]), f->confidence[FW_CONFIDENCE_LOW] == 143);
  FIGURE (_("Of those, exhibited outside their home continent"), g_strdup (_("almost 75 % (60)")),
          share_text (f->outside_home_continent, base), f->outside_home_continent == 60 && base == 81);
  FIGURE (_("Of those, exhibited outside their home country"), g_strdup (_("more than 85 %")),
          share_text (f->outside_home_country, base), share_country_ok);
  FIGURE (_("Five-Eyes-only firms, left out of both shares"), g_strdup ("2"),
          g_strdup_printf ("%u", f->five_eyes_only), f->five_eyes_only == 2);
  FIGURE (_("Firms at fairs in Russia or China, not headquartered there"), g_strdup ("5"),
          g_strdup_printf ("%u", f->adversary_firms->len), f->adversary_firms->len == 5);

  /* Translators: the two top fairs, e.g. "Milipol France, Security & Policing" */
  top_fairs = g_strdup_printf (_("%s, %s"), top_name (dataset, f->fairs, 0, TRUE), top_name (dataset, f->fairs, 1, TRUE));
  FIGURE (_("The two most attended fairs"), g_strdup (_("Milipol France, Security & Policing")),
          g_strdup (top_fairs),
          g_strcmp0 (top_name (dataset, f->fairs, 0, TRUE), "Milipol France") == 0 &&
          g_strcmp0 (top_name (dataset, f->fairs, 1, TRUE), "Security & Policing") == 0);
  top_hosts = g_strdup_printf (_("%s, %s"), top_name (dataset, f->host_countries, 0, FALSE),
                               top_name (dataset, f->host_countries, 1, FALSE));
  FIGURE (_("The two top host countries"), g_strdup (_("France, United Kingdom")),
          g_strdup (top_hosts),
          f->host_countries->len >= 2 &&
          g_array_index (f->host_countries, FwRankEntry, 0).key == fw_countries_lookup_code (fw_dataset_get_countries (dataset), "FR") &&
          g_array_index (f->host_countries, FwRankEntry, 1).key == fw_countries_lookup_code (fw_dataset_get_countries (dataset), "GB"));
#undef FIGURE

  add_header (self);
  for (guint i = 0; i < n; i++)
    {
      add_row (self, i + 1, &figures[i]);
      g_free (figures[i].report);
      g_free (figures[i].ours);
    }
}

static void
fw_overview_dispose (GObject *object)
{
  FwOverview *self = (FwOverview *)object;

  g_clear_object (&self->explorer);

  G_OBJECT_CLASS (fw_overview_parent_class)->dispose (object);
}

static void
fw_overview_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwOverview *self = FW_OVERVIEW (object);

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
fw_overview_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FwOverview *self = FW_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      /* The findings are computed only when a page shows them. */
      if (fw_view_follow_explorer (GTK_WIDGET (self), &self->explorer, g_value_get_object (value),
                                   (FwViewRebuildFunc) rebuild))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_overview_class_init (FwOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_overview_dispose;
  object_class->get_property = fw_overview_get_property;
  object_class->set_property = fw_overview_set_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

}

static void
fw_overview_init (FwOverview *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("The report’s headline figures"));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (box), heading);

  self->scope = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->scope, 0);
  gtk_label_set_wrap (self->scope, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->scope), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scope));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 10);
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 18);
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (box), card);

  {
    GtkWidget *source = gtk_label_new (_("Source: Winnona DeSombre, Lars Gjesvik and Johann Ole Willers, "
                                         "“Surveillance Technology at the Fair: Proliferation of Cyber "
                                         "Capabilities in International Arms Markets”, Atlantic Council, "
                                         "8 November 2021."));

    gtk_label_set_xalign (GTK_LABEL (source), 0);
    gtk_label_set_wrap (GTK_LABEL (source), TRUE);
    gtk_widget_add_css_class (source, "caption");
    gtk_widget_add_css_class (source, "dim-label");
    gtk_box_append (GTK_BOX (box), source);
  }

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

FwOverview *
fw_overview_new (void)
{
  return g_object_new (FW_TYPE_OVERVIEW, NULL);
}

guint
fw_overview_get_n_matching (FwOverview *self)
{
  g_return_val_if_fail (FW_IS_OVERVIEW (self), 0);

  return self->n_matching;
}

guint
fw_overview_get_n_rows (FwOverview *self)
{
  g_return_val_if_fail (FW_IS_OVERVIEW (self), 0);

  return self->n_rows;
}
