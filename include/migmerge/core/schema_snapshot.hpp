#pragma once
// A database schema as canonical catalogue objects, and the per-object
// difference of two of them. `verify` compares schemas this way rather than
// diffing dump text: a dump's statement order, OIDs and owners differ between
// databases that are the same schema, and its diff names no object. Pure; the
// db layer's CatalogReader fills a snapshot.
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace migmerge::core {

// One catalogue object, canonical: `kind` is one of "extension", "schema",
// "type" (enum/domain), "sequence", "table", "column", "constraint", "index",
// "view", "function", "trigger", "rows" ("rows" = the data of one table:
// attributes "count" and "hash"). `name` is schema-qualified ("public.users",
// "public.users.email" for a column, "public.users.users_pkey" for a
// constraint, "public.lower(text)" for a function).
struct SchemaObject {
    std::string kind;
    std::string name;
    std::map<std::string, std::string> attributes;  // type, nullable, default, position, ...

    std::string key() const { return kind + " " + name; }

    friend bool operator==(const SchemaObject& a, const SchemaObject& b) {
        return a.kind == b.kind && a.name == b.name && a.attributes == b.attributes;
    }
    friend bool operator!=(const SchemaObject& a, const SchemaObject& b) { return !(a == b); }
};

struct SchemaSnapshot {
    std::map<std::string, SchemaObject> objects;  // by key()

    // A second object with the same key replaces the first.
    void add(SchemaObject object);

    friend bool operator==(const SchemaSnapshot& a, const SchemaSnapshot& b) {
        return a.objects == b.objects;
    }
    friend bool operator!=(const SchemaSnapshot& a, const SchemaSnapshot& b) { return !(a == b); }
};

struct ObjectDifference {
    enum class Kind {
        missing,
        extra,
        changed
    };  // missing: in expected only; extra: in actual only
    Kind kind;
    std::string object;  // key(), e.g. "index public.users_email_idx"
    std::vector<std::string>
        details;                 // changed: "type: character varying(255) -> text", by attribute
    bool position_only = false;  // changed, and only the column "position" attribute differs

    friend bool operator==(const ObjectDifference& a, const ObjectDifference& b) {
        return a.kind == b.kind && a.object == b.object && a.details == b.details &&
               a.position_only == b.position_only;
    }
    friend bool operator!=(const ObjectDifference& a, const ObjectDifference& b) {
        return !(a == b);
    }
};

// Every difference, in key order. Deterministic.
std::vector<ObjectDifference> compare_snapshots(const SchemaSnapshot& expected,
                                                const SchemaSnapshot& actual);

// True when there are differences and every one is position_only (column order alone).
bool only_column_order(const std::vector<ObjectDifference>& differences);

// True when there are differences and every one is a table's rows with the
// same count and another content hash: the same rows, other values.
bool only_row_content(const std::vector<ObjectDifference>& differences);

// One line: "<object>: only in <actual_label>" / "<object>: missing from
// <actual_label>" / "<object>: <details joined by ", ">".
std::string describe(const ObjectDifference& difference, const std::string& actual_label);

// How a changed attribute's absent side is spelled in details.
inline constexpr const char* absent_attribute = "(none)";

std::string to_string(ObjectDifference::Kind kind);  // "missing", "extra", "changed"

// For test failure messages.
std::ostream& operator<<(std::ostream& out, const SchemaObject& object);
std::ostream& operator<<(std::ostream& out, const SchemaSnapshot& snapshot);
std::ostream& operator<<(std::ostream& out, const ObjectDifference& difference);

}  // namespace migmerge::core
