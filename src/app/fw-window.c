/* fw-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-adversary-list.h"
#include "fw-chart-widget.h"
#include "fw-edit-session.h"
#include "fw-export-actions.h"
#include "fw-finding-page.h"
#include "fw-firm-detail.h"
#include "fw-io.h"
#include "fw-map-page.h"
#include "fw-overview.h"
#include "fw-sidebar.h"
#include "fw-tables-page.h"
#include "fw-window-private.h"


G_DEFINE_FINAL_TYPE (FwWindow, fw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_EXPLORER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_filter_bar (FwWindow *self);

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = (FwWindow *)object;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->document_views, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->explorer);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
fw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EXPLORER:
      g_value_set_object (value, self->explorer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
fw_window_add_toast (FwWindow   *self,
                     const char *text)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_actions (FwWindow *self)
{
  gboolean loaded = self->explorer != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 loaded && fw_explorer_can_go_back (self->explorer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 loaded && fw_explorer_can_go_forward (self->explorer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filter",
                                 loaded && !fw_filter_is_empty (fw_explorer_get_filter (self->explorer)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", self->load_cancellable != NULL);
  fw_export_actions_update (self);
}

static void
on_explorer_changed (FwWindow   *self,
                     FwExplorer *explorer)
{
  update_filter_bar (self);
  update_actions (self);
}

static void
update_filter_bar (FwWindow *self)
{
  FwDataset *dataset;
  g_autofree char *summary = NULL;
  g_autofree char *counts = NULL;
  FwQuery *query;

  if (self->explorer == NULL)
    {
      gtk_label_set_label (self->filter_summary, "");
      gtk_label_set_label (self->filter_counts, "");
      return;
    }

  dataset = fw_explorer_get_dataset (self->explorer);
  query = fw_explorer_get_query (self->explorer);
  summary = fw_filter_describe (fw_explorer_get_filter (self->explorer), dataset);
  /* Translators: the records the filter keeps, out of all */
  counts = g_strdup_printf (_("%u of %u firms · %u of %u exhibitions"),
                            fw_query_get_n_kept (query, FW_TABLE_FIRMS),
                            fw_dataset_get_n_rows (dataset, FW_TABLE_FIRMS),
                            fw_query_get_n_kept (query, FW_TABLE_EXHIBITIONS),
                            fw_dataset_get_n_rows (dataset, FW_TABLE_EXHIBITIONS));

  gtk_label_set_label (self->filter_summary, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_summary), summary);
  gtk_label_set_label (self->filter_counts, counts);
}

static void
set_explorer (FwWindow   *self,
              FwExplorer *explorer)
{
  FwDataset *dataset;
  const char *title;

  fw_explorer_replace (&self->explorer, explorer, self, G_CALLBACK (on_explorer_changed));

  if (explorer == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_revealer_set_reveal_child (self->fictional_banner, FALSE);
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->views->len; i++)
    g_object_set (g_ptr_array_index (self->views, i), "explorer", explorer, NULL);

  dataset = fw_explorer_get_dataset (explorer);
  title = fw_dataset_get_title (dataset);
  adw_view_switcher_title_set_subtitle (self->switcher_title, title != NULL ? title : "");
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Fairwatch"));
  fw_window_update_title (self);
  gtk_revealer_set_reveal_child (self->fictional_banner, fw_dataset_get_fictional (dataset));
  gtk_stack_set_visible_child_name (self->main_stack, "content");

  update_filter_bar (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORER]);
}

static void
show_error (FwWindow   *self,
            const char *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_banner, TRUE);
}

void
fw_window_show_error (FwWindow   *self,
                      const char *message)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  show_error (self, message);
}

FwExplorer *
fw_window_get_explorer (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return self->explorer;
}

void
fw_window_set_document (FwWindow   *self,
                        FwDocument *document)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (FW_IS_DOCUMENT (document));

  for (guint i = 0; i < self->document_views->len; i++)
    g_object_set (g_ptr_array_index (self->document_views, i), "document", document, NULL);
  set_explorer (self, fw_document_get_explorer (document));
  fw_edit_session_set_document (self->session, document);

  /* Only the bundled demonstration data is calibrated to the report; any
   * other file that says its firms are fictional is only that. */
  if (g_strcmp0 (fw_document_get_path (document), "resource://" FW_DEMO_RESOURCE) == 0)
    gtk_label_set_label (self->fictional_label,
                         _("Demonstration data: the firms are fictional, calibrated to the figures the Atlantic Council report publishes. Fairs and countries are real."));
  else
    gtk_label_set_label (self->fictional_label,
                         _("The firms in this dataset are fictional: it is not a record of real companies."));
}

static void
open_resource (FwWindow   *self,
               const char *resource)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strconcat ("resource://", resource, NULL);
  g_autoptr(FwDocument) document = fw_document_load (uri, NULL, NULL, &error);

  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_clear_object (&self->file);
  fw_window_set_document (self, document);
}

void
fw_window_open_demo (FwWindow *self)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  open_resource (self, FW_DEMO_RESOURCE);
}

typedef struct
{
  char       *path;
  FwProblems *problems;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->problems, fw_problems_free);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  FwDocument *document;

  document = fw_document_load (data->path, data->problems, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    g_object_unref (document);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (object);
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_warnings;

  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->loading_spinner);

  document = g_task_propagate_pointer (task, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      /* The dataset on screen stays. */
      gtk_stack_set_visible_child_name (self->main_stack, self->explorer != NULL ? "content" : "empty");
      update_actions (self);
      return;
    }

  file = g_file_new_for_path (data->path);
  g_set_object (&self->file, file);
  gtk_revealer_set_reveal_child (self->error_banner, FALSE);

  fw_window_set_document (self, document);

  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    if (self->settings != NULL)
      g_settings_set_string (self->settings, "last-dataset", data->path);
  }

  n_warnings = fw_problems_get_n_warnings (data->problems);
  if (n_warnings > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Opened with %u warning; “fairwatch validate” lists it",
                                                         "Opened with %u warnings; “fairwatch validate” lists them",
                                                         n_warnings),
                                               n_warnings);
      fw_window_add_toast (self, text);
    }
}

void
fw_window_open_file (FwWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  LoadData *data;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (g_file_get_path (file) == NULL)
    {
      show_error (self, _("Only local files can be opened"));
      return;
    }

  /* An exported figure brings back its view and filter. */
  if (fw_export_is_figure_file (file))
    {
      g_autoptr(GError) error = NULL;

      if (fw_export_restore (self, file, &error))
        gtk_revealer_set_reveal_child (self->error_banner, FALSE);
      else
        show_error (self, error->message);
      return;
    }

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->path = g_file_get_path (file);
  data->problems = fw_problems_new (1000);

  name = g_file_get_basename (file);
  label = g_strdup_printf (_("Opening %s…"), name);
  gtk_label_set_label (self->loading_label, label);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_revealer_set_reveal_child (self->error_banner, FALSE);
  update_actions (self);

  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, fw_window_open_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
fw_window_show_view (FwWindow   *self,
                     const char *name)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
fw_window_get_visible_view (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child (self->view_stack);
}

gboolean
fw_window_show_chart (FwWindow *self,
                      FwView    view)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < self->views->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->views, i);
      GPtrArray *charts;

      if (FW_VIEW_IS_MAP (view) && FW_IS_MAP_PAGE (page))
        {
          fw_map_page_set_kind (FW_MAP_PAGE (page), view - FW_VIEW_MAP_HQ);
          adw_view_stack_set_visible_child (self->view_stack, page);
          gtk_widget_grab_focus (GTK_WIDGET (fw_map_page_get_map_widget (FW_MAP_PAGE (page))));
          return TRUE;
        }
      if (!FW_IS_FINDING_PAGE (page))
        continue;

      charts = fw_finding_page_get_charts (FW_FINDING_PAGE (page));
      for (guint j = 0; j < charts->len; j++)
        {
          if (fw_chart_widget_get_view (g_ptr_array_index (charts, j)) == view)
            {
              adw_view_stack_set_visible_child (self->view_stack, page);
              gtk_widget_grab_focus (g_ptr_array_index (charts, j));
              return TRUE;
            }
        }
    }

  return FALSE;
}

GtkWidget *
fw_window_get_view (FwWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
fw_window_show_firm (FwWindow *self,
                     guint     firm)
{
  GtkWindow *detail;

  g_return_if_fail (FW_IS_WINDOW (self));

  if (self->explorer == NULL ||
      firm >= fw_dataset_get_n_rows (fw_explorer_get_dataset (self->explorer), FW_TABLE_FIRMS))
    return;

  detail = fw_firm_detail_new (GTK_WINDOW (self), self->explorer, firm);
  fw_window_add_firm_form (self, FW_FIRM_DETAIL (detail), firm);
  gtk_window_present (detail);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      fw_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  /* GtkFileDialog is newer than GTK 4.8. */
  dialog = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (all, _("Datasets (CSV, Fairwatch)"));
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_add_suffix (all, "tsv");
  gtk_file_filter_add_suffix (all, "json");
  /* Exported figures reopen their view and filter. */
  gtk_file_filter_add_suffix (all, "png");
  gtk_file_filter_add_suffix (all, "svg");
  gtk_file_filter_add_suffix (all, "pdf");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_set_name (json, _("Fairwatch datasets"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fw_window_open_demo (FW_WINDOW (widget));
}

static void
open_report_firms_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_resource (FW_WINDOW (widget), FW_REPORT_RESOURCE);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  fw_window_open_file (FW_WINDOW (widget), file);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->explorer != NULL)
    fw_explorer_go_back (self->explorer);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->explorer != NULL)
    fw_explorer_go_forward (self->explorer);
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->explorer != NULL)
    fw_explorer_clear_filter (self->explorer);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button,
                                !gtk_toggle_button_get_active (self->sidebar_button));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (FW_WINDOW (widget)->error_banner, FALSE);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
show_firm_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fw_window_show_firm (FW_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  fw_sidebar_focus_search (self->sidebar);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fw_window_show_view (FW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  fw_window_open_file (self, files->data);

  return TRUE;
}

static void
populate_recent_menu (FwWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);

  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      if (!gtk_recent_info_has_application (info, g_get_application_name ()) ||
          !gtk_recent_info_exists (info))
        continue;

      {
        g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

        g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
        g_menu_append_item (self->recent_menu, item);
      }
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
add_view (FwWindow   *self,
          GtkWidget  *page,
          const char *name,
          const char *title,
          const char *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  g_ptr_array_add (self->views, page);
}

static void
add_finding_pages (FwWindow *self)
{
  static const FwView firms_views[] = { FW_VIEW_CONFIDENCE, FW_VIEW_HQ_COUNTRIES };
  static const FwView regions_views[] = { FW_VIEW_BY_YEAR };
  static const FwView fairs_views[] = { FW_VIEW_FAIRS, FW_VIEW_HOSTS, FW_VIEW_HOSTS_ALL };
  static const FwView adversary_views[] = { FW_VIEW_ADVERSARY };
  FwFindingPage *adversaries;

  add_view (self, GTK_WIDGET (fw_overview_new ()), "overview", _("Overview"), "view-grid-symbolic");
  add_view (self,
            GTK_WIDGET (fw_finding_page_new (_("Which firms market interception and intrusion tools at arms fairs?"),
                                             _("Every firm in the dataset by how confident the authors are that it "
                                               "markets interception or intrusion technology at the fairs it attends, "
                                               "and where the firms are headquartered."),
                                             firms_views, G_N_ELEMENTS (firms_views))),
            "firms", _("Firms"), "system-users-symbolic");
  add_view (self,
            GTK_WIDGET (fw_finding_page_new (_("Which firms market outside their home region?"),
                                             _("High- and medium-confidence firms, each year, by where they exhibited: "
                                               "only in their home country, elsewhere on their home continent, or on "
                                               "another continent."),
                                             regions_views, G_N_ELEMENTS (regions_views))),
            "regions", _("Regions"), "mark-location-symbolic");
  add_view (self,
            GTK_WIDGET (fw_finding_page_new (_("Which fairs and host countries attract the most firms?"),
                                             _("Fairs and host countries ranked by the number of distinct high- and "
                                               "medium-confidence firms that exhibited there in any year, and host "
                                               "countries by firms of every confidence level."),
                                             fairs_views, G_N_ELEMENTS (fairs_views))),
            "fairs", _("Fairs"), "x-office-calendar-symbolic");
  adversaries = fw_finding_page_new (_("Which firms market to US and NATO adversaries?"),
                                     _("High- and medium-confidence firms, not headquartered in an adversary "
                                       "country, that exhibited at fairs hosted in one, by year."),
                                     adversary_views, G_N_ELEMENTS (adversary_views));
  fw_finding_page_add_extra (adversaries, fw_adversary_list_new ());
  add_view (self, GTK_WIDGET (adversaries), "adversaries", _("Adversaries"), "dialog-warning-symbolic");
  add_view (self, fw_map_page_new (), "maps", _("Maps"), "find-location-symbolic");
  add_view (self, GTK_WIDGET (fw_tables_page_new ()), "tables", _("Tables"), "view-list-symbolic");
  fw_window_add_curation_views (self);
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_window_dispose;
  object_class->get_property = fw_window_get_property;

  properties[PROP_EXPLORER] =
    g_param_spec_object ("explorer", NULL, NULL,
                         FW_TYPE_EXPLORER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/fairwatch/Fairwatch/ui/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, fictional_banner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, fictional_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, filter_summary);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, filter_counts);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, curation_box);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-report-firms", NULL, open_report_firms_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filter", NULL, clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-firm", "u", show_firm_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  fw_export_actions_install (widget_class);
}

static void
fw_window_init (FwWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_ptr_array_new ();
  self->document_views = g_ptr_array_new ();
  self->session = fw_edit_session_new (ADW_APPLICATION_WINDOW (self));
  fw_edit_session_fill_header (self->session, self->curation_box);
  /* Run from a build tree without its schema, the window still opens; it
   * just remembers nothing. */
  self->settings = fw_application_dup_settings ();
  if (self->settings == NULL)
    g_message ("The settings schema %s is not installed; window size and recent state are not remembered", APP_ID);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "sidebar-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
    }

  g_object_bind_property (self->sidebar_button, "active", self->sidebar_scroller, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_toggle_button_set_active (self->sidebar_button, TRUE);

  self->sidebar = FW_SIDEBAR (fw_sidebar_new ());
  gtk_scrolled_window_set_child (self->sidebar_scroller, GTK_WIDGET (self->sidebar));
  g_ptr_array_add (self->views, self->sidebar);

  add_finding_pages (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (populate_recent_menu), self, G_CONNECT_SWAPPED);
  populate_recent_menu (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_actions (self);
}

FwWindow *
fw_window_new (FwApplication *application)
{
  return g_object_new (FW_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
