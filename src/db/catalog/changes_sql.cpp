// The statements that tell an incremental CatalogReader what changed since
// its last snapshot, so it prints again only the relations that did.
#include "sql.hpp"

namespace migmerge::db::detail {
namespace {

// Every catalogue row a relation's printed objects are read from, grouped
// by relation: DDL inserts, deletes or rewrites such rows (a new xmin), so a
// relation whose row count and newest xmin are unchanged prints the same,
// unless something it names changed (see dependents). 16384 is
// FirstNormalObjectId: nothing below it is the user's. Composite types'
// relations come as relkind 'c': their objects are global (see global_fingerprint).
// " empty": the table's file is empty, so the rows statement skips it.
constexpr const char* relation_fingerprints = R"sql(
SELECT f.rel::bigint, c.relkind::text, count(*)::text || '/' || max(f.x)::text
       || CASE WHEN c.relkind = 'r' AND pg_relation_size(c.oid) = 0 THEN ' empty' ELSE '' END
FROM (SELECT oid AS rel, xmin::text::bigint AS x FROM pg_class WHERE oid >= 16384
      UNION ALL SELECT attrelid, xmin::text::bigint FROM pg_attribute
                WHERE attrelid >= 16384 AND attnum > 0  -- system columns come and go with it
      UNION ALL SELECT adrelid, xmin::text::bigint FROM pg_attrdef WHERE adrelid >= 16384
      UNION ALL SELECT conrelid, xmin::text::bigint FROM pg_constraint WHERE conrelid >= 16384
      UNION ALL SELECT indexrelid, xmin::text::bigint FROM pg_index WHERE indexrelid >= 16384
      UNION ALL SELECT tgrelid, xmin::text::bigint FROM pg_trigger WHERE tgrelid >= 16384
      UNION ALL SELECT seqrelid, xmin::text::bigint FROM pg_sequence WHERE seqrelid >= 16384
      UNION ALL SELECT ev_class, xmin::text::bigint FROM pg_rewrite WHERE ev_class >= 16384
      UNION ALL SELECT inhrelid, xmin::text::bigint FROM pg_inherits WHERE inhrelid >= 16384
      -- on other relations only (an owned sequence's column): a schema or a
      -- type it depends on prints through rows counted above
      UNION ALL SELECT objid, xmin::text::bigint FROM pg_depend
                WHERE classid = 'pg_class'::regclass AND objid >= 16384
                  AND refclassid = 'pg_class'::regclass) f
JOIN pg_class c ON c.oid = f.rel
GROUP BY f.rel, c.relkind, c.oid
)sql";

// One fingerprint for everything that is not a relation's own: schemas,
// extensions, types other than relations' row types and arrays (an array
// changes with its element type), enum labels, domain
// constraints, ranges, collations and functions. When it changes, every
// relation may print differently (a renamed type or function), so the
// reader reads everything again.
constexpr const char* global_fingerprint = R"sql(
SELECT 0::bigint, 'g', count(*)::text || '/' || coalesce(max(g.x), 0)::text
FROM (SELECT xmin::text::bigint AS x FROM pg_namespace WHERE oid >= 16384
      UNION ALL SELECT xmin::text::bigint FROM pg_extension
      UNION ALL SELECT xmin::text::bigint FROM pg_type t
                WHERE oid >= 16384 AND t.typcategory <> 'A' AND (t.typrelid = 0 OR EXISTS (
                    SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
      UNION ALL SELECT xmin::text::bigint FROM pg_enum WHERE enumtypid >= 16384
      UNION ALL SELECT xmin::text::bigint FROM pg_constraint WHERE contypid >= 16384
      UNION ALL SELECT xmin::text::bigint FROM pg_range WHERE rngtypid >= 16384
      UNION ALL SELECT xmin::text::bigint FROM pg_collation WHERE oid >= 16384
      UNION ALL SELECT xmin::text::bigint FROM pg_proc WHERE oid >= 16384) g
)sql";

// The relations in $1 (an oid array) and, transitively, every relation with
// an object that depends on one of them: another table's foreign key, a
// view, a default calling a sequence, an index, an owned sequence. Their
// printed text names the relation, so a rename changes them too.
constexpr const char* dependents = R"sql(
WITH RECURSIVE affected(rel) AS (
    SELECT unnest($1::oid[])
    UNION
    SELECT o.rel
    FROM affected a
    -- two index lookups per relation: an OR in one join scans all of pg_depend
    CROSS JOIN LATERAL (
        SELECT d.classid, d.objid FROM pg_depend d
        WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = a.rel
        UNION ALL
        SELECT d.classid, d.objid FROM pg_class ac JOIN pg_depend d
            ON d.refclassid = 'pg_type'::regclass AND d.refobjid = ac.reltype
        WHERE ac.oid = a.rel) d
    CROSS JOIN LATERAL (SELECT CASE d.classid
        WHEN 'pg_class'::regclass THEN d.objid
        WHEN 'pg_constraint'::regclass THEN (SELECT conrelid FROM pg_constraint WHERE oid = d.objid)
        WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
        WHEN 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid)
        WHEN 'pg_trigger'::regclass THEN (SELECT tgrelid FROM pg_trigger WHERE oid = d.objid)
        END AS rel) o
    WHERE o.rel IS NOT NULL AND o.rel <> 0
)
SELECT rel::bigint FROM affected
)sql";

}  // namespace

std::string fingerprints_sql() {
    return std::string(relation_fingerprints) + "UNION ALL" + global_fingerprint;
}

std::string dependents_sql() {
    return dependents;
}

}  // namespace migmerge::db::detail
