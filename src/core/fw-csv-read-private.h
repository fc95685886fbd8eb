/* fw-csv-read-private.h: what the parts of the CSV reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <csv.h>
#include <string.h>

#include "fw-csv-private.h"

G_BEGIN_DECLS

#define COUNTRY_ID_MASK 0xffffu
#define COUNTRY_IS_CODE 0x10000u

/* The records collected from one or three files */

enum {
  FIRM_NAME,
  FIRM_HQ,
  FIRM_CONFIDENCE,
  FIRM_WEBSITE,
  FIRM_NOTES,
  FIRM_SOURCE,
  N_FIRM_ATTRS
};

enum {
  FAIR_NAME,
  FAIR_HOST,
  FAIR_CITY,
  N_FAIR_ATTRS
};

/* Strings are ids in the dataset's pool.  A firm's HQ and confidence
 * are kept apart (Builder.firm_hq, .firm_confidence): they are compared
 * on every row of a flat file, and small arrays stay in the cache. */
typedef struct
{
  guint32      id;
  guint32      name;
  guint32      website;
  guint32      notes;
  guint32      source;
  guint        line[N_FIRM_ATTRS];   /* where each value came from */
} FirmRecord;

typedef struct
{
  guint32      id;
  guint32      name;
  guint32      city;
  FwCountryId  host;
  guint        line[N_FAIR_ATTRS];
} FairRecord;

typedef struct
{
  gint         row;    /* -1 when the row was refused */
  guint        line;
} IdEntry;

/* Column by column, as the dataset stores them; plain arrays because a
 * million appends through GArray show in the load time. */
typedef struct
{
  guint32     *firm;
  guint32     *fair;
  guint16     *year;
  guint32     *source;
  guint32     *note;
  guint       *line;
  guint        len;
  guint        size;
} Exhibitions;

/* A direct-mapped cache in front of the hash tables: the values that
 * change from row to row (host countries, fairs, notes) come from a
 * small set, and hashing them with GHashTable on every row shows.  Keys
 * are borrowed from the hash table or string pool behind the cache. */
#define KEY_CACHE_SLOTS 1024

typedef struct
{
  const char *key;
  gsize    len;
  guint32  hash;
  guint    value;
} KeySlot;

typedef struct
{
  KeySlot  slots[KEY_CACHE_SLOTS];
} KeyCache;

static inline guint32
hash_bytes (const char *key,
            gsize       len)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      hash ^= (guchar) key[i];
      hash *= 16777619u;
    }

  return hash;
}

static inline gboolean
key_cache_lookup (KeyCache     *cache,
                  const char   *key,
                  gsize         len,
                  guint32       hash,
                  guint        *out_value,
                  const char  **out_key)
{
  const KeySlot *slot = &cache->slots[hash & (KEY_CACHE_SLOTS - 1)];

  if (slot->key == NULL || slot->hash != hash || slot->len != len || memcmp (slot->key, key, len) != 0)
    return FALSE;

  *out_value = slot->value;
  if (out_key != NULL)
    *out_key = slot->key;
  return TRUE;
}

static inline void
key_cache_insert (KeyCache   *cache,
                  const char *key,
                  gsize       len,
                  guint32     hash,
                  guint       value)
{
  KeySlot *slot = &cache->slots[hash & (KEY_CACHE_SLOTS - 1)];

  slot->key = key;
  slot->len = len;
  slot->hash = hash;
  slot->value = value;
}

/* Open addressing for the firms of a flat file: GHashTable's separate
 * hash, key and value arrays and strcmp() cost a cache miss each, and a
 * file not sorted by firm looks one up on every row.  A slot holds the
 * head of its key, so that most lookups touch no other memory; the
 * whole key is borrowed from the string pool. */
#define INDEX_HEAD 28

typedef struct
{
  const char *key;
  guint32     hash;
  guint32     value;
  guint32     len;
  char        head[INDEX_HEAD];
} IndexSlot;

typedef struct
{
  IndexSlot *slots;
  guint      mask;
  guint      n;
} KeyIndex;

typedef struct
{
  FwDataset   *dataset;
  FwCountries *countries;
  FwStrPool   *strings;
  FwProblems  *problems;

  GArray      *firms;          /* FirmRecord */
  GArray      *firm_hq;        /* FwCountryId */
  GArray      *firm_confidence; /* guint8 */
  GArray      *fairs;          /* FairRecord */
  Exhibitions  ex;
  GPtrArray   *extra_names[FW_N_TABLES];
  GArray      *extra_values[FW_N_TABLES];  /* guint32, row by row */
  const char  *exhibitions_file;

  /* flat: firms by name or id, fairs by id or name and host */
  KeyIndex     firm_by_name;
  KeyIndex     firm_by_id;
  GHashTable  *fair_by_key;
  KeyCache    *fair_fast;
  /* tables: id -> IdEntry index + 1 */
  GArray      *id_entries;
  GHashTable  *ids[FW_N_TABLES];

  GHashTable  *country_cache;  /* text -> id | COUNTRY_IS_CODE */
  KeyCache    *country_fast;   /* in front of country_cache */
  KeyCache    *intern_fast;    /* text -> string id */
} Builder;

/* One file */

typedef struct
{
  gsize  offset;   /* in the row buffer */
  gsize  len;
  guint  line;     /* where the field starts */
} Field;

typedef struct
{
  const char *last;         /* borrowed from the builder's cache */
  gsize       last_len;
  guint       last_value;
  gboolean    any;
  gboolean    all_codes;
} CountryColumn;

/* Recent spellings of a confidence level and what they mean. */
#define CONFIDENCE_CACHE 4

typedef struct
{
  char          text[16];
  gsize         len;
  FwConfidence  value;
  gboolean      valid;
} ConfidenceEntry;

typedef struct _Reader Reader;
typedef void (*RowFunc) (Reader *r);

struct _Reader
{
  Builder           *builder;
  const char        *file;          /* for messages */
  FwTable            table;         /* whose extras unknown columns are */
  const ColumnSpecs *specs;
  RowFunc            row_func;
  LayoutFile        *layout;

  struct csv_parser  parser;
  gboolean           stop;          /* a problem that ends reading */
  guint              line;          /* physical line being fed */
  guint              row_line;
  guint              field_line;

  char              *buf;           /* the current row's fields, trimmed, NUL-terminated */
  gsize              buf_len;
  gsize              buf_size;
  Field             *fields;
  guint              max_fields;    /* fields kept per row */
  guint              n_row_fields;  /* fields seen in the row, kept or not */
  gboolean           row_has_text;

  gboolean           have_header;
  guint              n_columns;
  char             **headers;
  gint               field_column[FW_N_FIELDS];
  guint             *extra_columns; /* extra index -> column */
  guint              n_extra;
  guint              n_rows;

  CountryColumn      hq;
  CountryColumn      host;
  ConfidenceEntry    confidence[CONFIDENCE_CACHE];
  guint              confidence_next;

  /* flat */
  KeyIndex          *prefetch_index;  /* the firms, when not sorted by firm */
  gint               prefetch_column;
  guint32            prefetch_hash;
  gboolean           prefetched;
  guint              last_firm;
  gboolean           last_firm_by_id;
  const char        *last_firm_key;   /* last_firm_copy or in the string pool */
  gsize              last_firm_key_len;
  char               last_firm_copy[64];
  char              *key;
  gsize              key_size;
};

#define reader_add(r, severity, code, line, column, table, row, ...) \
  fw_problems_report ((r)->builder->problems, (severity), (code), (r)->file, \
                      (line), (column), (table), (row), __VA_ARGS__)

#define reader_error(r, code, line, column, ...) \
  reader_add ((r), FW_SEVERITY_ERROR, (code), (line), (column), (r)->table, -1, __VA_ARGS__)

static inline const char *
builder_string (Builder *b,
                guint32  id)
{
  return fw_str_pool_get (b->strings, id);
}

static inline const char *
reader_header (Reader *r,
               guint   column)
{
  if (r->headers != NULL && column < r->n_columns)
    return r->headers[column];
  return "";
}

/* The trimmed text of a field of the current row, "" when the file has
 * no such column. */
static inline const char *
reader_text (Reader  *r,
             FwField  field,
             gsize   *out_len)
{
  gint column = r->field_column[field];

  if (column < 0)
    {
      *out_len = 0;
      return "";
    }

  *out_len = r->fields[column].len;
  return r->buf + r->fields[column].offset;
}

static inline guint
reader_line (Reader  *r,
             FwField  field)
{
  gint column = r->field_column[field];

  return column >= 0 ? r->fields[column].line : r->row_line;
}

static inline guint
reader_column (Reader  *r,
               FwField  field)
{
  return (guint) (r->field_column[field] + 1);
}

static inline const char *
reader_field_header (Reader  *r,
                     FwField  field)
{
  return reader_header (r, (guint) r->field_column[field]);
}

/* fw-csv-records.c */
void              fw_csv_builder_init           (Builder           *b,
                                                 FwCountries       *countries,
                                                 FwProblems        *problems);
void              fw_csv_builder_clear          (Builder           *b);
guint             fw_csv_builder_lookup_country (Builder           *b,
                                                 const char        *text,
                                                 gsize              len,
                                                 const char       **out_key);
guint32           fw_csv_builder_intern         (Builder           *b,
                                                 const char        *text,
                                                 gsize              len);
void              fw_csv_builder_add_exhibition (Builder           *b,
                                                 guint32            firm,
                                                 guint32            fair,
                                                 guint16            year,
                                                 guint32            source,
                                                 guint32            note,
                                                 guint              line);
void              fw_csv_exhibitions_reserve    (Exhibitions       *ex,
                                                 guint              size);
FwDataset        *fw_csv_builder_finish         (Builder           *b,
                                                 guint              n_errors_before,
                                                 FwCsvLayout       *layout,
                                                 GError           **error);
const IndexSlot  *fw_csv_key_index_lookup       (KeyIndex          *index,
                                                 const char        *key,
                                                 gsize              len,
                                                 guint32            hash);
void              fw_csv_key_index_insert       (KeyIndex          *index,
                                                 const char        *key,
                                                 gsize              len,
                                                 guint32            hash,
                                                 guint              value);

/* fw-csv-scan.c */
void              fw_csv_reader_init            (Reader            *r,
                                                 Builder           *builder,
                                                 const char        *file,
                                                 FwTable            table,
                                                 const ColumnSpecs *specs,
                                                 RowFunc            row_func,
                                                 LayoutFile        *layout);
void              fw_csv_reader_clear           (Reader            *r);
gboolean          fw_csv_reader_run             (Reader            *r,
                                                 GBytes            *bytes);

/* fw-csv-read.c: row values both layouts read */
gboolean          fw_csv_reader_firm_name       (Reader            *r);
gboolean          fw_csv_reader_country         (Reader            *r,
                                                 FwField            field,
                                                 FwCountryId       *out_id);
gboolean          fw_csv_reader_confidence      (Reader            *r,
                                                 FwConfidence      *out_confidence);
gboolean          fw_csv_reader_year            (Reader            *r,
                                                 guint16           *out_year);
guint32           fw_csv_reader_intern          (Reader            *r,
                                                 FwField            field);
void              fw_csv_reader_push_extras     (Reader            *r);
guint             fw_csv_reader_new_firm        (Reader            *r,
                                                 FwCountryId        hq,
                                                 FwConfidence       confidence);
guint             fw_csv_reader_new_fair        (Reader            *r,
                                                 FwCountryId        host);

G_END_DECLS
