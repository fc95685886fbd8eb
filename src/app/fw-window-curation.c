/* fw-window-curation.c: the window's side of curation: the document's
 * title, the Problems and Changes views, the firm form, selecting a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-changes-page.h"
#include "fw-edit-form.h"
#include "fw-problems-page.h"
#include "fw-tables-page.h"
#include "fw-window-private.h"

void
fw_window_update_title (FwWindow *self)
{
  FwDocument *document;
  g_autofree char *title = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));

  document = fw_window_get_document (self);
  if (document == NULL)
    return;

  /* Translators: the title of a dataset with unsaved edits */
  title = fw_document_get_modified (document) ? g_strdup_printf (_("• %s"), fw_document_get_title (document))
                                              : g_strdup (fw_document_get_title (document));
  adw_view_switcher_title_set_subtitle (self->switcher_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

FwDocument *
fw_window_get_document (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return fw_edit_session_get_document (self->session);
}

FwEditSession *
fw_window_get_session (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return self->session;
}

/* The detail follows its firm when edits move it, and goes with it. */
static void
on_form_row (FwEditForm   *form,
             GParamSpec   *pspec,
             FwFirmDetail *detail)
{
  gint row = fw_edit_form_get_row (form);

  if (row < 0)
    gtk_window_destroy (GTK_WINDOW (detail));
  else
    fw_firm_detail_set_firm (detail, (guint) row);
}

/* Problems and Changes sit beside the tables they point into, not in
 * the view switcher, which has no room left for them. */
static void
add_document_view (FwWindow   *self,
                   GtkWidget  *page,
                   const char *name,
                   const char *title)
{
  FwTablesPage *tables = FW_TABLES_PAGE (fw_window_get_view (self, "tables"));

  fw_tables_page_add_panel (tables, page, name, title);
  g_ptr_array_add (self->document_views, page);
}

void
fw_window_add_curation_views (FwWindow *self)
{
  add_document_view (self, GTK_WIDGET (fw_problems_page_new ()), "problems", _("Problems"));
  add_document_view (self, GTK_WIDGET (fw_changes_page_new ()), "changes", _("Changes"));
}

GtkWidget *
fw_window_get_curation_view (FwWindow   *self,
                             const char *name)
{
  FwTablesPage *tables;

  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  tables = FW_TABLES_PAGE (fw_window_get_view (self, "tables"));

  return fw_tables_page_get_panel (tables, name);
}

void
fw_window_show_curation_view (FwWindow   *self,
                              const char *name)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  fw_window_show_view (self, "tables");
  fw_tables_page_show_panel (FW_TABLES_PAGE (fw_window_get_view (self, "tables")), name);
}

void
fw_window_add_firm_form (FwWindow     *self,
                         FwFirmDetail *detail,
                         guint         firm)
{
  GtkWidget *form;

  if (fw_window_get_document (self) == NULL)
    return;

  form = fw_edit_form_new (fw_window_get_document (self), FW_TABLE_FIRMS, firm);
  fw_edit_session_attach (self->session, GTK_WIDGET (detail));
  fw_firm_detail_add_section (detail, form);
  g_signal_connect_object (form, "notify::row", G_CALLBACK (on_form_row), detail, 0);
}

void
fw_window_select_record (FwWindow *self,
                         FwTable   table,
                         guint     row)
{
  FwTablesPage *tables;

  g_return_if_fail (FW_IS_WINDOW (self));

  tables = FW_TABLES_PAGE (fw_window_get_view (self, "tables"));
  fw_window_show_view (self, "tables");
  fw_tables_page_show_table (tables, table);
  if (!fw_table_view_select_row (fw_tables_page_get_view (tables, table), row) && self->explorer != NULL)
    {
      /* The filter hides it: show everything, then select. */
      fw_explorer_clear_filter (self->explorer);
      fw_table_view_select_row (fw_tables_page_get_view (tables, table), row);
    }
}
