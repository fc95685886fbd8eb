/* fw-firm-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-firm-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-app-resources.h"
#include "fw-chart-widget.h"
#include "fw-firm-detail.h"

/* A chart the window builds itself, drawn as it is: FwChartWidget builds
 * its chart from a view of the explorer. */
#define FW_TYPE_CHART_AREA (fw_chart_area_get_type ())

G_DECLARE_FINAL_TYPE (FwChartArea, fw_chart_area, FW, CHART_AREA, GtkWidget)

struct _FwChartArea
{
  GtkWidget  parent_instance;

  FwChart   *chart;
};

G_DEFINE_FINAL_TYPE (FwChartArea, fw_chart_area, GTK_TYPE_WIDGET)

static void
fw_chart_area_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FwChartArea *self = FW_CHART_AREA (widget);

  fw_chart_widget_snapshot_figure (widget, snapshot, self->chart != NULL ? FW_FIGURE (self->chart) : NULL);
}

static void
fw_chart_area_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FwChartArea *self = FW_CHART_AREA (widget);
  guint n = self->chart != NULL ? fw_chart_get_n_categories (self->chart) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 520;
    }
  else
    {
      /* A row per fair, and room for the legend and the year axis. */
      *minimum = *natural = 96 + 28 * MAX (n, 2);
    }
}

static void
fw_chart_area_set_highlight (FwChartArea *self,
                             gint         index)
{
  if (self->chart == NULL || fw_chart_get_highlight (self->chart) == index)
    return;

  fw_chart_set_highlight (self->chart, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fw_chart_area_on_motion (GtkEventControllerMotion *controller,
                         double                    x,
                         double                    y,
                         FwChartArea              *self)
{
  FwChartMark mark;

  if (self->chart != NULL && fw_chart_hit_test (self->chart, x, y, &mark))
    fw_chart_area_set_highlight (self, mark.index);
  else
    fw_chart_area_set_highlight (self, -1);
}

static void
fw_chart_area_on_leave (GtkEventControllerMotion *controller,
                        FwChartArea              *self)
{
  fw_chart_area_set_highlight (self, -1);
}

static gboolean
fw_chart_area_on_query_tooltip (GtkWidget   *widget,
                                int          x,
                                int          y,
                                gboolean     keyboard,
                                GtkTooltip  *tooltip,
                                FwChartArea *self)
{
  g_autofree char *text = NULL;
  FwChartMark mark;

  if (self->chart == NULL || keyboard || !fw_chart_hit_test (self->chart, x, y, &mark))
    return FALSE;

  text = fw_chart_describe_mark (self->chart, mark.index);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) { mark.x, mark.y, MAX (mark.width, 1), MAX (mark.height, 1) });

  return TRUE;
}

static void
fw_chart_area_on_style_changed (FwChartArea *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fw_chart_area_dispose (GObject *object)
{
  FwChartArea *self = FW_CHART_AREA (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (fw_chart_area_parent_class)->dispose (object);
}

static void
fw_chart_area_class_init (FwChartAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_chart_area_dispose;

  widget_class->snapshot = fw_chart_area_snapshot;
  widget_class->measure = fw_chart_area_measure;

  gtk_widget_class_set_css_name (widget_class, "fw-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fw_chart_area_init (FwChartArea *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (fw_chart_area_on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (fw_chart_area_on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (fw_chart_area_on_query_tooltip), self);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (fw_chart_area_on_style_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (fw_chart_area_on_style_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
fw_chart_area_set_chart (FwChartArea *self,
                         FwChart     *chart)
{
  g_autofree char *description = NULL;

  g_set_object (&self->chart, chart);

  if (chart != NULL)
    {
      description = fw_chart_describe (chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Exhibitions by year"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Where a fair's host lies as seen from the firm's headquarters; the
 * same classes (and colours) as the by-year view of the report. */
typedef enum
{
  REGION_HOME_COUNTRY,
  REGION_HOME_CONTINENT,
  REGION_OTHER_CONTINENT,
  REGION_UNKNOWN,
  N_REGIONS
} Region;

typedef struct
{
  guint    row;
  guint    fair;
  guint16  year;
  gboolean kept;
  Region   region;
} Exhibition;

struct _FwFirmDetail
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkLabel       *hq_label;
  GtkLabel       *confidence_label;
  GtkLabel       *confidence_explanation;
  GtkWidget      *website_key;
  GtkBox         *website_box;
  GtkWidget      *notes_key;
  GtkLabel       *notes_label;
  GtkWidget      *source_key;
  GtkLabel       *source_label;
  GtkLabel       *summary_label;
  GtkFrame       *chart_frame;
  GtkListBox     *exhibitions_list;

  FwChartArea    *chart_area;
  FwExplorer     *explorer;
  guint           firm;
  guint           n_exhibitions;
  guint           n_kept;
};

G_DEFINE_FINAL_TYPE (FwFirmDetail, fw_firm_detail, ADW_TYPE_WINDOW)

static const char *
confidence_explanation (FwConfidence confidence)
{
  switch (confidence)
    {
    case FW_CONFIDENCE_HIGH:
      return _("The authors are confident that this firm markets interception or intrusion "
               "technology at the fairs it attends.");
    case FW_CONFIDENCE_MEDIUM:
      return _("The authors think it likely, but are not sure, that this firm markets "
               "interception or intrusion technology at the fairs it attends.");
    case FW_CONFIDENCE_LOW:
      return _("The firm exhibited at the fairs, but the authors found little evidence that "
               "it markets interception or intrusion technology there.");
    case FW_CONFIDENCE_UNKNOWN:
    case FW_N_CONFIDENCE:
    default:
      return _("The data does not say how confident the authors are about this firm.");
    }
}

/* A website as people write it: with or without the scheme. */
static char *
website_uri (const char *text)
{
  g_autofree char *uri = NULL;

  if (text == NULL || text[0] == '\0' || strpbrk (text, " \t\n") != NULL)
    return NULL;

  if (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://"))
    uri = g_strdup (text);
  else if (strchr (text, '.') != NULL && strchr (text, '@') == NULL)
    uri = g_strconcat ("https://", text, NULL);
  else
    return NULL;

  if (!g_uri_is_valid (uri, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return NULL;

  return g_steal_pointer (&uri);
}

static void
set_optional (GtkWidget  *key,
              GtkLabel   *value,
              const char *text)
{
  gboolean visible = text != NULL && text[0] != '\0';
  g_autofree char *uri = visible ? website_uri (text) : NULL;

  gtk_widget_set_visible (key, visible);
  gtk_widget_set_visible (GTK_WIDGET (value), visible);

  if (uri != NULL)
    {
      g_autofree char *escaped_uri = g_markup_escape_text (uri, -1);
      g_autofree char *escaped_text = g_markup_escape_text (text, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped_uri, escaped_text);

      gtk_label_set_markup (value, markup);
    }
  else
    gtk_label_set_text (value, visible ? text : "");
}

static void
populate_record (FwFirmDetail *self)
{
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwFirmValues values;
  GtkWidget *child;
  g_autofree char *uri = NULL;
  const char *name;

  fw_dataset_get_firm (dataset, self->firm, &values);
  name = values.name != NULL ? values.name : _("(unknown)");

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, C_("window subtitle", "Firm"));

  if (values.hq == FW_COUNTRY_UNKNOWN)
    {
      gtk_label_set_text (self->hq_label, _("(unknown)"));
      gtk_widget_add_css_class (GTK_WIDGET (self->hq_label), "dim-label");
    }
  else
    {
      FwContinent continent = fw_countries_get_continent (countries, values.hq);
      g_autofree char *continent_name = fw_facet_value_label (FW_FACET_HQ_CONTINENT, continent, dataset);
      /* Translators: a country and its continent, e.g. "Switzerland · Europe" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), fw_countries_get_name (countries, values.hq),
                                               continent_name);

      gtk_label_set_text (self->hq_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hq_label), "dim-label");
    }

  gtk_label_set_text (self->confidence_label, fw_confidence_to_label (values.confidence));
  gtk_label_set_text (self->confidence_explanation, confidence_explanation (values.confidence));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->website_box))) != NULL)
    gtk_box_remove (self->website_box, child);
  gtk_widget_set_visible (self->website_key, values.website != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->website_box), values.website != NULL);
  if (values.website != NULL)
    {
      uri = website_uri (values.website);
      if (uri != NULL)
        {
          child = gtk_link_button_new_with_label (uri, values.website);
          gtk_widget_set_halign (child, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (child, uri);
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (child))), PANGO_ELLIPSIZE_MIDDLE);
        }
      else
        {
          child = gtk_label_new (values.website);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_selectable (GTK_LABEL (child), TRUE);
        }
      gtk_box_append (self->website_box, child);
    }

  set_optional (self->notes_key, self->notes_label, values.notes);
  set_optional (self->source_key, self->source_label, values.source);
}

static Region
region_of (FwCountries *countries,
           FwCountryId  hq,
           FwCountryId  host)
{
  FwContinent home;

  if (hq == FW_COUNTRY_UNKNOWN || host == FW_COUNTRY_UNKNOWN)
    return REGION_UNKNOWN;
  if (hq == host)
    return REGION_HOME_COUNTRY;

  home = fw_countries_get_continent (countries, hq);
  if (home != FW_CONTINENT_UNKNOWN && home == fw_countries_get_continent (countries, host))
    return REGION_HOME_CONTINENT;

  return REGION_OTHER_CONTINENT;
}

typedef struct
{
  const guint32 *fair_rank;
} SortData;

/* By year, unknown years last, then by fair name. */
static int
compare_exhibitions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const Exhibition *ea = a;
  const Exhibition *eb = b;
  const SortData *data = user_data;
  guint ya = ea->year == FW_YEAR_UNKNOWN ? G_MAXUINT16 + 1 : ea->year;
  guint yb = eb->year == FW_YEAR_UNKNOWN ? G_MAXUINT16 + 1 : eb->year;

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (data->fair_rank[ea->fair] != data->fair_rank[eb->fair])
    return data->fair_rank[ea->fair] < data->fair_rank[eb->fair] ? -1 : 1;

  return (ea->row > eb->row) - (ea->row < eb->row);
}

static GArray *
collect_exhibitions (FwFirmDetail *self)
{
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  FwQuery *query = fw_explorer_get_query (self->explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  const guint8 *mask = fw_query_get_exhibition_mask (query);
  const guint32 *start;
  const guint32 *by_firm = fw_query_get_exhibitions_by_firm (query, &start);
  FwCountryId hq = fw_dataset_get_firm_hq (dataset, self->firm);
  GArray *exhibitions = g_array_new (FALSE, FALSE, sizeof (Exhibition));
  SortData data = { fw_query_get_name_rank (query, FW_TABLE_FAIRS) };
  FwColumns c;

  fw_dataset_get_columns (dataset, &c);

  for (guint i = start[self->firm]; i < start[self->firm + 1]; i++)
    {
      guint e = by_firm[i];
      Exhibition exhibition = {
        .row = e,
        .fair = c.exhibition_fair[e],
        .year = c.exhibition_year[e],
        .kept = mask[e] != 0,
        .region = region_of (countries, hq, c.fair_host[c.exhibition_fair[e]]),
      };

      g_array_append_val (exhibitions, exhibition);
    }

  g_array_sort_with_data (exhibitions, compare_exhibitions, &data);

  return exhibitions;
}

static char *
fair_label (FwDataset *dataset,
            guint      fair)
{
  return fw_facet_value_label (FW_FACET_FAIR, fair, dataset);
}

static FwChart *
build_chart (FwFirmDetail *self,
             GArray       *exhibitions)
{
  static const guint region_colors[N_REGIONS] = { 0, 4, 5, 7 };
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  const char *region_names[N_REGIONS] = {
    _("home country"),
    _("home continent"),
    _("another continent"),
    _("host or headquarters unknown"),
  };
  FwChart *chart = fw_chart_new (FW_CHART_TIMELINE);
  g_autoptr(GHashTable) categories = g_hash_table_new (NULL, NULL);
  guint series[N_REGIONS] = { 0 };
  guint outside = G_MAXUINT;
  gboolean has_unknown = FALSE;
  gboolean has_outside = FALSE;
  guint16 first = G_MAXUINT16, last = 0;

  for (guint i = 0; i < exhibitions->len; i++)
    {
      Exhibition *e = &g_array_index (exhibitions, Exhibition, i);

      if (e->year == FW_YEAR_UNKNOWN)
        continue;
      has_unknown |= e->kept && e->region == REGION_UNKNOWN;
      has_outside |= !e->kept;
      first = MIN (first, e->year);
      last = MAX (last, e->year);
    }

  fw_chart_set_empty_text (chart, _("No exhibition of known year"));

  /* The three regions always, so that the legend explains the colours;
   * the rest only when some dot needs them. */
  for (guint r = 0; r < N_REGIONS; r++)
    if (r != REGION_UNKNOWN || has_unknown)
      series[r] = fw_chart_add_series (chart, region_names[r], region_colors[r]);
  if (has_outside)
    outside = fw_chart_add_series (chart, _("not under the current filter"), FW_CHART_COLOR_NEUTRAL);

  if (first <= last)
    fw_chart_set_x_range (chart, first, last);

  /* Fairs in the order the firm first went to them. */
  for (guint i = 0; i < exhibitions->len; i++)
    {
      Exhibition *e = &g_array_index (exhibitions, Exhibition, i);
      gpointer found;
      guint category;

      if (e->year == FW_YEAR_UNKNOWN)
        continue;

      if (g_hash_table_lookup_extended (categories, GUINT_TO_POINTER (e->fair), NULL, &found))
        category = GPOINTER_TO_UINT (found);
      else
        {
          g_autofree char *label = fair_label (dataset, e->fair);
          g_autofree char *full_label = NULL;
          FwCountryId host = fw_dataset_get_fair_host (dataset, e->fair);

          if (host != FW_COUNTRY_UNKNOWN)
            /* Translators: a fair and its host country, e.g. "Milipol France (France)" */
            full_label = g_strdup_printf (_("%s (%s)"), label, fw_countries_get_name (countries, host));

          category = fw_chart_add_category (chart, label, full_label, FW_FACET_FAIR, e->fair);
          g_hash_table_insert (categories, GUINT_TO_POINTER (e->fair), GUINT_TO_POINTER (category));
        }

      fw_chart_add_point (chart, category, e->year, e->kept ? series[e->region] : outside);
    }

  return chart;
}

static GtkWidget *
make_row (FwFirmDetail     *self,
          const Exhibition *e)
{
  FwDataset *dataset = fw_explorer_get_dataset (self->explorer);
  FwCountries *countries = fw_dataset_get_countries (dataset);
  FwCountryId host = fw_dataset_get_fair_host (dataset, e->fair);
  FwExhibitionValues values;
  g_autofree char *fair = fair_label (dataset, e->fair);
  g_autofree char *year = NULL;
  g_autofree char *source_uri = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *mark;
  GtkWidget *label;

  fw_dataset_get_exhibition (dataset, e->row, &values);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_opacity (mark, e->kept ? 1.0 : 0.0);
  if (e->kept)
    gtk_widget_set_tooltip_text (mark, _("Under the current filter"));
  gtk_box_append (GTK_BOX (box), mark);

  year = e->year != FW_YEAR_UNKNOWN ? g_strdup_printf ("%u", e->year) : g_strdup (_("(unknown)"));
  label = gtk_label_new (year);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  if (e->year == FW_YEAR_UNKNOWN)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (fair);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, fair);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (host != FW_COUNTRY_UNKNOWN ? fw_countries_get_name (countries, host) : _("(unknown)"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (values.source != NULL)
    {
      source_uri = website_uri (values.source);
      if (source_uri != NULL && (g_str_has_prefix (values.source, "http://") ||
                                 g_str_has_prefix (values.source, "https://")))
        {
          GtkWidget *link = gtk_link_button_new_with_label (source_uri, _("Source"));

          gtk_widget_set_tooltip_text (link, source_uri);
          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), link);
        }
      else
        {
          label = gtk_label_new (values.source);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
          gtk_widget_set_tooltip_text (label, values.source);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (box), label);
        }
    }

  if (!e->kept)
    gtk_widget_add_css_class (box, "dim-label");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static char *
summary_text (FwFirmDetail *self,
              GArray       *exhibitions)
{
  g_autoptr(GHashTable) fairs = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint16 first = G_MAXUINT16, last = 0;
  guint n_unknown_year = 0;
  guint n = exhibitions->len;

  if (n == 0)
    return g_strdup (_("No exhibition recorded"));

  for (guint i = 0; i < n; i++)
    {
      Exhibition *e = &g_array_index (exhibitions, Exhibition, i);

      g_hash_table_add (fairs, GUINT_TO_POINTER (e->fair));
      if (e->year == FW_YEAR_UNKNOWN)
        n_unknown_year++;
      else
        {
          first = MIN (first, e->year);
          last = MAX (last, e->year);
        }
    }

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u exhibition", "%u exhibitions", n), n));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u fair", "%u fairs", g_hash_table_size (fairs)),
                                           g_hash_table_size (fairs)));
  if (first < last)
    /* Translators: a range of years */
    g_ptr_array_add (parts, g_strdup_printf (_("%u–%u"), first, last));
  else if (first == last)
    g_ptr_array_add (parts, g_strdup_printf ("%u", first));
  if (n_unknown_year > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u of unknown year", "%u of unknown year", n_unknown_year),
                                             n_unknown_year));
  if (!fw_filter_is_empty (fw_explorer_get_filter (self->explorer)))
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u under the current filter",
                                                       "%u under the current filter", self->n_kept),
                                             self->n_kept));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between facts, e.g. "14 exhibitions · 6 fairs" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
populate_exhibitions (FwFirmDetail *self)
{
  g_autoptr(GArray) exhibitions = collect_exhibitions (self);
  g_autoptr(FwChart) chart = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  self->n_exhibitions = exhibitions->len;
  self->n_kept = 0;
  for (guint i = 0; i < exhibitions->len; i++)
    self->n_kept += g_array_index (exhibitions, Exhibition, i).kept;

  summary = summary_text (self, exhibitions);
  gtk_label_set_text (self->summary_label, summary);

  chart = build_chart (self, exhibitions);
  fw_chart_area_set_chart (self->chart_area, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_frame), !fw_chart_is_empty (chart));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exhibitions_list))) != NULL)
    gtk_list_box_remove (self->exhibitions_list, child);
  for (guint i = 0; i < exhibitions->len; i++)
    gtk_list_box_append (self->exhibitions_list, make_row (self, &g_array_index (exhibitions, Exhibition, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->exhibitions_list), exhibitions->len > 0);
}

static void
on_explorer_changed (FwFirmDetail *self)
{
  fw_query_ensure_current (fw_explorer_get_query (self->explorer));

  /* The firm may have gone with an edit of the dataset. */
  if (self->firm >= fw_dataset_get_n_rows (fw_explorer_get_dataset (self->explorer), FW_TABLE_FIRMS))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  populate_record (self);
  populate_exhibitions (self);
}

static void
on_filter_clicked (FwFirmDetail *self,
                   GtkButton    *button)
{
  fw_firm_detail_filter_to_firm (self);
}

static void
fw_firm_detail_dispose (GObject *object)
{
  FwFirmDetail *self = (FwFirmDetail *)object;

  if (self->explorer != NULL)
    g_signal_handlers_disconnect_by_data (self->explorer, self);
  g_clear_object (&self->explorer);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_FIRM_DETAIL);

  G_OBJECT_CLASS (fw_firm_detail_parent_class)->dispose (object);
}

static void
fw_firm_detail_class_init (FwFirmDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_firm_detail_dispose;

  /* Resources in a static library are registered only when something
   * references them; the widget may be used without FwApplication. */
  (void) fw_app_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-firm-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, window_title);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, hq_label);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, confidence_label);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, confidence_explanation);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, website_key);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, website_box);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, notes_key);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, source_key);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, source_label);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, chart_frame);
  gtk_widget_class_bind_template_child (widget_class, FwFirmDetail, exhibitions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fw_firm_detail_init (FwFirmDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart_area = g_object_new (FW_TYPE_CHART_AREA, NULL);
  gtk_frame_set_child (self->chart_frame, GTK_WIDGET (self->chart_area));
}

GtkWindow *
fw_firm_detail_new (GtkWindow  *parent,
                    FwExplorer *explorer,
                    guint       firm)
{
  FwFirmDetail *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FW_IS_EXPLORER (explorer), NULL);
  g_return_val_if_fail (firm < fw_dataset_get_n_rows (fw_explorer_get_dataset (explorer), FW_TABLE_FIRMS), NULL);

  self = g_object_new (FW_TYPE_FIRM_DETAIL,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->explorer = g_object_ref (explorer);
  self->firm = firm;

  g_signal_connect_object (explorer, "changed", G_CALLBACK (on_explorer_changed), self, G_CONNECT_SWAPPED);
  on_explorer_changed (self);

  return GTK_WINDOW (self);
}

void
fw_firm_detail_set_firm (FwFirmDetail *self,
                         guint         firm)
{
  g_return_if_fail (FW_IS_FIRM_DETAIL (self));

  if (self->firm == firm)
    return;
  self->firm = firm;
  on_explorer_changed (self);
}

void
fw_firm_detail_add_section (FwFirmDetail *self,
                            GtkWidget    *widget)
{
  GtkWidget *grid;

  g_return_if_fail (FW_IS_FIRM_DETAIL (self));

  grid = gtk_widget_get_parent (GTK_WIDGET (self->hq_label));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (grid)), widget, grid);
  gtk_widget_set_visible (grid, FALSE);
}

guint
fw_firm_detail_get_firm (FwFirmDetail *self)
{
  g_return_val_if_fail (FW_IS_FIRM_DETAIL (self), 0);

  return self->firm;
}

guint
fw_firm_detail_get_n_exhibitions (FwFirmDetail *self)
{
  g_return_val_if_fail (FW_IS_FIRM_DETAIL (self), 0);

  return self->n_exhibitions;
}

guint
fw_firm_detail_get_n_kept (FwFirmDetail *self)
{
  g_return_val_if_fail (FW_IS_FIRM_DETAIL (self), 0);

  return self->n_kept;
}

FwChart *
fw_firm_detail_get_chart (FwFirmDetail *self)
{
  g_return_val_if_fail (FW_IS_FIRM_DETAIL (self), NULL);

  return self->chart_area->chart;
}

void
fw_firm_detail_filter_to_firm (FwFirmDetail *self)
{
  g_return_if_fail (FW_IS_FIRM_DETAIL (self));

  fw_explorer_set_search (self->explorer, fw_dataset_get_firm_name (fw_explorer_get_dataset (self->explorer),
                                                                     self->firm));
}
