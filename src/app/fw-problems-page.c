/* fw-problems-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-problems-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-problems-page.h"
#include "fw-validate.h"

/* Enough to work through; the count says how many more there are. */
#define MAX_LISTED 1000

struct _FwProblemsPage
{
  AdwBin         parent_instance;

  FwDocument    *document;
  FwProblems    *problems;
  GtkStack      *stack;
  GtkListBox    *list;
  GtkLabel      *count;
};

G_DEFINE_FINAL_TYPE (FwProblemsPage, fw_problems_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void recheck (FwProblemsPage *self);

static void
fw_problems_page_dispose (GObject *object)
{
  FwProblemsPage *self = (FwProblemsPage *)object;

  fw_document_replace (&self->document, NULL, self, G_CALLBACK (recheck));
  g_clear_pointer (&self->problems, fw_problems_free);

  G_OBJECT_CLASS (fw_problems_page_parent_class)->dispose (object);
}

static void
fw_problems_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FwProblemsPage *self = FW_PROBLEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_problems_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FwProblemsPage *self = FW_PROBLEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      fw_problems_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_problems_page_class_init (FwProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_problems_page_dispose;
  object_class->get_property = fw_problems_page_get_property;
  object_class->set_property = fw_problems_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FW_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_row_activated (FwProblemsPage *self,
                  GtkListBoxRow  *row)
{
  const FwProblem *problem = fw_problems_get (self->problems, (guint) gtk_list_box_row_get_index (row));

  if (problem->row >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "doc.select-record", "(uu)",
                                (guint) problem->table, (guint) problem->row);
}

static void
fw_problems_page_init (FwProblemsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  self->count = GTK_LABEL (gtk_label_new (NULL));

  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_label_set_xalign (self->count, 0.0);
  gtk_label_set_wrap (self->count, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every country is known, every year in range, every exhibition has a firm "
                                     "and a fair, no exhibition is listed twice and every firm with exhibitions "
                                     "has an HQ country."));

  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

static const char *
table_label (FwTable table)
{
  return table == FW_TABLE_FIRMS ? C_("table", "Firms")
       : table == FW_TABLE_FAIRS ? C_("table", "Fairs")
       : C_("table", "Exhibitions");
}

static GtkWidget *
problem_row (const FwProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == FW_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  g_autofree char *title = g_markup_escape_text (problem->message, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (problem->row >= 0)
    {
      /* Translators: where a problem is, e.g. "Firms, row 12" */
      g_autofree char *where = g_strdup_printf (_("%s, row %d"), table_label (problem->table), problem->row + 1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  gtk_widget_add_css_class (icon, problem->severity == FW_SEVERITY_ERROR ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
recheck (FwProblemsPage *self)
{
  GtkWidget *child;
  guint n_errors, n_warnings, n_kept;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->problems, fw_problems_free);
  self->problems = fw_problems_new (MAX_LISTED);

  if (self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    const char *path = fw_document_get_path (self->document);
    g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;

    /* Named as fairwatch validate names them. */
    fw_validate_dataset (fw_document_get_dataset (self->document), name, self->problems);
  }
  n_kept = fw_problems_get_n_kept (self->problems);
  for (guint i = 0; i < n_kept; i++)
    gtk_list_box_append (self->list, problem_row (fw_problems_get (self->problems, i)));

  n_errors = fw_problems_get_n_errors (self->problems);
  n_warnings = fw_problems_get_n_warnings (self->problems);
  {
    g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
    g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

    /* Translators: e.g. "2 errors, 5 warnings. Click one to select its record." */
    count = g_strdup_printf (_("%s, %s. Click one to select its record."), errors, warnings);
  }
  gtk_label_set_label (self->count, count);
  gtk_stack_set_visible_child_name (self->stack, n_kept > 0 ? "list" : "empty");
}

FwProblemsPage *
fw_problems_page_new (void)
{
  return g_object_new (FW_TYPE_PROBLEMS_PAGE, NULL);
}

void
fw_problems_page_set_document (FwProblemsPage *self,
                               FwDocument     *document)
{
  g_return_if_fail (FW_IS_PROBLEMS_PAGE (self));
  g_return_if_fail (document == NULL || FW_IS_DOCUMENT (document));

  if (!fw_document_replace (&self->document, document, self, G_CALLBACK (recheck)))
    return;
  recheck (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GPtrArray *
fw_problems_page_get_lines (FwProblemsPage *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (FW_IS_PROBLEMS_PAGE (self), lines);

  for (guint i = 0; self->problems != NULL && i < fw_problems_get_n_kept (self->problems); i++)
    g_ptr_array_add (lines, fw_problem_to_string (fw_problems_get (self->problems, i)));

  return lines;
}

GtkListBox *
fw_problems_page_get_list (FwProblemsPage *self)
{
  g_return_val_if_fail (FW_IS_PROBLEMS_PAGE (self), NULL);

  return self->list;
}
