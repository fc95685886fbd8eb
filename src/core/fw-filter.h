/* fw-filter.h: what the user has asked to see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fw-dataset.h"

G_BEGIN_DECLS

/* The facets the sidebar shows and counts.  Firm facets describe a firm;
 * exhibition facets describe one exhibition (where and when). */
typedef enum
{
  FW_FACET_CONFIDENCE,      /* FwConfidence */
  FW_FACET_HQ_CONTINENT,    /* FwContinent */
  FW_FACET_HQ_COUNTRY,      /* FwCountryId */
  FW_FACET_FAIR,            /* row in the fairs table */
  FW_FACET_HOST_CONTINENT,  /* FwContinent */
  FW_FACET_HOST_COUNTRY,    /* FwCountryId */
  FW_FACET_ADVERSARY,       /* FwAdversaryValue */
  FW_FACET_YEAR,            /* the year, FW_YEAR_UNKNOWN for unknown */
  FW_N_FACETS
} FwFacet;

#define FW_FACET_IS_FIRM_LEVEL(f) ((f) <= FW_FACET_HQ_COUNTRY)

typedef enum
{
  FW_ADVERSARY_UNKNOWN = 0,  /* host country unknown */
  FW_ADVERSARY_NO,
  FW_ADVERSARY_YES,
  FW_N_ADVERSARY
} FwAdversaryValue;

typedef enum
{
  FW_MATCH_ANY_OF,
  FW_MATCH_NONE_OF,
} FwMatch;

typedef struct _FwFilter FwFilter;

#define FW_TYPE_FILTER (fw_filter_get_type ())

GType         fw_filter_get_type        (void) G_GNUC_CONST;

FwFilter     *fw_filter_new             (void);
FwFilter     *fw_filter_copy            (const FwFilter *self);
void          fw_filter_free            (FwFilter       *self);
gboolean      fw_filter_equal           (const FwFilter *a,
                                         const FwFilter *b);
gboolean      fw_filter_is_empty        (const FwFilter *self);
void          fw_filter_clear           (FwFilter       *self);

/* Values of a facet: a set with any-of or none-of.  The year facet is
 * filtered by range instead (the set is ignored for it). */
void          fw_filter_add_value       (FwFilter       *self,
                                         FwFacet         facet,
                                         guint           value);
void          fw_filter_remove_value    (FwFilter       *self,
                                         FwFacet         facet,
                                         guint           value);
gboolean      fw_filter_has_value       (const FwFilter *self,
                                         FwFacet         facet,
                                         guint           value);
void          fw_filter_toggle_value    (FwFilter       *self,
                                         FwFacet         facet,
                                         guint           value);
void          fw_filter_clear_facet     (FwFilter       *self,
                                         FwFacet         facet);
/* Sorted values, or NULL when the facet has none. */
const GArray *fw_filter_get_values      (const FwFilter *self,
                                         FwFacet         facet);
void          fw_filter_set_match       (FwFilter       *self,
                                         FwFacet         facet,
                                         FwMatch         match);
FwMatch       fw_filter_get_match       (const FwFilter *self,
                                         FwFacet         facet);
gboolean      fw_filter_facet_is_active (const FwFilter *self,
                                         FwFacet         facet);

/* Inclusive; 0 leaves that end open.  With a range set, exhibitions of
 * unknown year are left out. */
void          fw_filter_set_years       (FwFilter       *self,
                                         guint16         first,
                                         guint16         last);
void          fw_filter_get_years       (const FwFilter *self,
                                         guint16        *first,
                                         guint16        *last);

/* Case-insensitive substring of the firm name. */
void          fw_filter_set_search      (FwFilter       *self,
                                         const char     *text);
const char   *fw_filter_get_search      (const FwFilter *self);

/* A stable description of the filter with countries as ISO codes and fairs
 * by name, for files and figure metadata. */
JsonNode     *fw_filter_to_json         (const FwFilter *self,
                                         FwDataset      *dataset);
FwFilter     *fw_filter_from_json       (JsonNode       *node,
                                         FwDataset      *dataset,
                                         GError        **error);

const char   *fw_facet_to_string        (FwFacet         facet);
guint         fw_facet_get_n_values     (FwFacet         facet,
                                         FwDataset      *dataset);
/* The value's label as a person reads it: "High", "France", "(unknown)". */
char         *fw_facet_value_label      (FwFacet         facet,
                                         guint           value,
                                         FwDataset      *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwFilter, fw_filter_free)

G_END_DECLS
