#include "sql.hpp"

namespace migmerge::db::detail {
namespace {

// The relations a snapshot covers, shared by both statements: user schemas
// only, no extension's members, no table with an excluded prefix ($1, a text
// array) and nothing that depends on one automatically (its indexes, its
// serial and identity sequences).
constexpr const char* relations_sql = R"sql(
WITH user_schema AS (
    SELECT n.oid, n.nspname FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT starts_with(n.nspname, 'pg_toast') AND NOT starts_with(n.nspname, 'pg_temp')
), extension_member AS (
    SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e'
), excluded_table AS (
    SELECT c.oid FROM pg_class c
    WHERE c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE starts_with(c.relname, p))
), rel AS (
    SELECT c.oid, c.relkind, c.relname, c.relpersistence, c.relispartition, c.relpartbound,
           c.relrowsecurity, c.relhassubclass, s.nspname, s.nspname || '.' || c.relname AS name
    FROM pg_class c JOIN user_schema s ON s.oid = c.relnamespace
    WHERE c.oid NOT IN (SELECT oid FROM excluded_table)
      AND c.oid NOT IN (SELECT objid FROM extension_member
                          WHERE classid = 'pg_class'::regclass)
      -- an excluded table's indexes and owned sequences depend on it automatically
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                        AND d.refobjid IN (SELECT oid FROM excluded_table)))sql";

// Closes the relations CTE: every relation, or only those in $2 (an oid array).
constexpr const char* every_relation = "\n)";
constexpr const char* listed_relations = "\n      AND c.oid = ANY($2::oid[])\n)";

// One row per (object, attribute), and one with a NULL key for an object
// without attributes (a schema). Each kind lists its attributes in a VALUES
// list; those an object lacks are NULL and left out. The last column is the
// object's owner: the relation whose catalogue rows it is printed from.
constexpr const char* relation_objects = R"sql(
SELECT 'table', r.name, v.key, v.value, r.oid
FROM rel r
LEFT JOIN LATERAL (SELECT string_agg(pn.nspname || '.' || pc.relname, ',' ORDER BY i.inhseqno)
                   FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
                   JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                   WHERE i.inhrelid = r.oid) parents(names) ON true
CROSS JOIN LATERAL (VALUES
    ('persistence', CASE r.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'permanent' END),
    ('partitioning', CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END),
    ('bound', CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END),
    ('inherits', parents.names),
    ('row_security', CASE WHEN r.relrowsecurity THEN 'enabled' END)) v(key, value)
WHERE r.relkind IN ('r', 'p') AND v.value IS NOT NULL
UNION ALL
SELECT 'column', a.table_name || '.' || a.attname, v.key, v.value, a.attrelid
FROM (SELECT r.name AS table_name, a.*,
             -- among live columns only: a dropped column's gap is no difference
             row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS position
      FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE r.relkind IN ('r', 'p')) a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
CROSS JOIN LATERAL (VALUES
    ('type', format_type(a.atttypid, a.atttypmod)),
    ('nullable', (NOT a.attnotnull)::text),
    ('default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END),
    ('generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END),
    ('identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END),
    ('collation', cn.nspname || '.' || co.collname),
    ('position', a.position::text)) v(key, value)
WHERE v.value IS NOT NULL
UNION ALL
SELECT 'constraint', r.name || '.' || c.conname, v.key, v.value, r.oid
FROM rel r JOIN pg_constraint c ON c.conrelid = r.oid
CROSS JOIN LATERAL (VALUES
    ('type', CASE c.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique'
             WHEN 'f' THEN 'foreign key' WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion'
             ELSE c.contype::text END),
    ('definition', pg_get_constraintdef(c.oid))) v(key, value)
WHERE c.contype <> 't'  -- a constraint trigger is a trigger, below
UNION ALL
-- A primary key's, unique or exclusion constraint's own index is that
-- constraint: its definition says all the index would.
SELECT 'index', ri.name, v.key, v.value, ri.oid
FROM pg_index i JOIN rel ri ON ri.oid = i.indexrelid
-- the table from pg_class: it may be outside a listed $2
JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
CROSS JOIN LATERAL (VALUES ('table', tn.nspname || '.' || tc.relname),
                           ('definition', pg_get_indexdef(i.indexrelid))) v(key, value)
WHERE i.indrelid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_class'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                  WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid
                    AND c.contype IN ('p', 'u', 'x'))
UNION ALL
SELECT 'sequence', r.name, v.key, v.value, r.oid
FROM rel r JOIN pg_sequence q ON q.seqrelid = r.oid
-- by index lookups: a join would hash all of pg_attribute
LEFT JOIN LATERAL (SELECT d.refobjid, d.refobjsubid FROM pg_depend d
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                     AND d.refobjsubid > 0
                   LIMIT 1) d ON true
CROSS JOIN LATERAL (VALUES
    ('type', format_type(q.seqtypid, NULL)), ('start', q.seqstart::text),
    ('increment', q.seqincrement::text), ('minimum', q.seqmin::text),
    ('maximum', q.seqmax::text), ('cycle', q.seqcycle::text), ('cache', q.seqcache::text),
    ('owned_by', (SELECT n.nspname || '.' || c.relname || '.' || a.attname
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
                  WHERE c.oid = d.refobjid))) v(key, value)
WHERE v.value IS NOT NULL
UNION ALL
SELECT 'view', r.name, v.key, v.value, r.oid
FROM rel r
CROSS JOIN LATERAL (VALUES
    ('kind', CASE r.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END),
    ('definition', pg_get_viewdef(r.oid))) v(key, value)
WHERE r.relkind IN ('v', 'm')
UNION ALL
SELECT 'trigger', r.name || '.' || g.tgname, v.key, v.value, r.oid
FROM pg_trigger g JOIN rel r ON r.oid = g.tgrelid
CROSS JOIN LATERAL (VALUES
    ('definition', pg_get_triggerdef(g.oid)),
    ('enabled', CASE g.tgenabled WHEN 'O' THEN 'origin' WHEN 'D' THEN 'disabled'
                WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END)) v(key, value)
WHERE NOT g.tgisinternal
)sql";

// Objects that belong to no relation, all with owner 0.
constexpr const char* global_objects = R"sql(
SELECT 'schema', s.nspname, NULL, NULL, 0::oid FROM user_schema s
WHERE s.nspname <> 'public'
  AND s.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_namespace'::regclass)
UNION ALL
SELECT 'extension', e.extname, v.key, v.value, 0::oid
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
CROSS JOIN LATERAL (VALUES ('version', e.extversion), ('schema', n.nspname::text)) v(key, value)
WHERE e.extname <> 'plpgsql'
UNION ALL
SELECT 'type', s.nspname || '.' || t.typname, v.key, v.value, 0::oid
FROM pg_type t JOIN user_schema s ON s.oid = t.typnamespace
CROSS JOIN LATERAL (VALUES
    ('kind', CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain'
             WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range' END),
    ('labels', (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                FROM pg_enum e WHERE e.enumtypid = t.oid)),
    ('base_type', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END),
    ('not_null', CASE WHEN t.typtype = 'd' THEN t.typnotnull::text END),
    ('default', pg_get_expr(t.typdefaultbin, 0)),
    ('checks', (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', '
                                  ORDER BY c.conname)
                FROM pg_constraint c WHERE c.contypid = t.oid)),
    ('attributes', (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod),
                                      ', ' ORDER BY a.attnum)
                    FROM pg_attribute a
                    WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
                      AND NOT a.attisdropped)),
    ('subtype', (SELECT format_type(g.rngsubtype, NULL) FROM pg_range g
                 WHERE g.rngtypid = t.oid))) v(key, value)
WHERE (t.typtype IN ('e', 'd', 'r')
       OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
  AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
  AND v.value IS NOT NULL
UNION ALL
SELECT 'function', s.nspname || '.' || p.proname || '('
                   || pg_get_function_identity_arguments(p.oid) || ')', v.key, v.value, 0::oid
FROM pg_proc p JOIN user_schema s ON s.oid = p.pronamespace
CROSS JOIN LATERAL (VALUES
    ('kind', CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END),
    ('definition', pg_get_functiondef(p.oid))) v(key, value)
WHERE p.prokind IN ('f', 'p')
  AND p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
)sql";

// One statement hashing every ordinary table: a single round trip whatever
// their number. Columns go by name, so column order alone never changes a
// hash, and row text is sorted in "C" order, not the database's collation.
// A table whose file is empty (and that has no children, whose rows a scan
// would include) holds no row: it is not scanned. Emptiness is part of its
// fingerprint, so the statement is built again when that changes.
constexpr const char* rows_statement_name = R"sql(
SELECT string_agg(CASE
    WHEN NOT r.relhassubclass AND pg_relation_size(r.oid) = 0
    THEN format('SELECT %L::text, ''0'', md5('''')', r.name)
    ELSE format(
        'SELECT %L::text, count(*)::text, md5(coalesce(string_agg(ROW(%s)::text, E''\n'' '
        'ORDER BY ROW(%s)::text COLLATE "C"), '''')) FROM %I.%I r',
        r.name, c.columns, c.columns, r.nspname, r.relname) END, ' UNION ALL ' ORDER BY r.name)
FROM rel r
CROSS JOIN LATERAL (
    SELECT coalesce(string_agg('r.' || quote_ident(a.attname), ', '
                               ORDER BY a.attname COLLATE "C"), '') AS columns
    FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped) c
WHERE r.relkind = 'r'
)sql";

}  // namespace

std::string catalog_objects_sql() {
    return std::string(relations_sql) + every_relation + relation_objects + "UNION ALL" +
           global_objects;
}

std::string relation_objects_sql() {
    return std::string(relations_sql) + listed_relations + relation_objects;
}

std::string rows_statement_sql() {
    return std::string(relations_sql) + every_relation + rows_statement_name;
}

}  // namespace migmerge::db::detail
