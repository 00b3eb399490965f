#include "migmerge/db/catalog.hpp"

#include <pqxx/pqxx>
#include <set>

#include "cache.hpp"
#include "pg_array.hpp"
#include "pg_errors.hpp"
#include "session.hpp"
#include "sql.hpp"

namespace migmerge::db {
namespace {

// Every query sees the same catalogue state, and nothing can be written.
using SnapshotTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

constexpr const char* objects_statement = "migmerge_catalog_objects";
constexpr const char* relation_objects_statement = "migmerge_catalog_relation_objects";
constexpr const char* fingerprints_statement = "migmerge_catalog_fingerprints";
constexpr const char* dependents_statement = "migmerge_catalog_dependents";
constexpr const char* rows_statement_name = "migmerge_catalog_rows";
constexpr const char* table_rows_statement = "migmerge_catalog_table_rows";  // what it builds

// Expressions and row text print the same in every database whatever its
// own settings: names schema-qualified (only pg_catalog is on the path),
// times in UTC, dates ISO. The catalogue statement's plan is kept while no
// DDL invalidates it; no JIT: the recursive statement's estimated cost would
// compile it for 40 ms, to run for 1. Local to the transaction, so nothing leaks.
constexpr const char* canonical_settings =
    "SELECT set_config('search_path', 'pg_catalog', true), set_config('TimeZone', 'UTC', true), "
    "set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true), "
    "set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true), "
    "set_config('lc_monetary', 'C', true), set_config('plan_cache_mode', 'force_generic_plan', "
    "true), set_config('jit', 'off', true)";

// An oid[] parameter, through the text-array literal every statement uses.
std::string oid_array_literal(const std::set<detail::Oid>& oids) {
    std::vector<std::string> texts;
    for (detail::Oid oid : oids) texts.push_back(std::to_string(oid));
    return detail::text_array_literal(texts);
}

std::vector<detail::PrintedRow> printed_rows(const pqxx::result& result) {
    std::vector<detail::PrintedRow> rows;
    rows.reserve(result.size());
    for (const auto& row : result) {
        rows.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                        row[2].as<std::string>(""), row[3].as<std::string>(""), !row[2].is_null(),
                        row[4].as<detail::Oid>()});
    }
    return rows;
}

detail::Fingerprints fingerprints(pqxx::transaction_base& tx) {
    detail::Fingerprints now;
    for (const auto& row : tx.exec_prepared(fingerprints_statement)) {
        const auto relation = row[0].as<detail::Oid>();
        const std::string kind = row[1].as<std::string>();
        // A composite type's attributes are printed with the type, a global object.
        if (relation == detail::global_owner || kind == "c") {
            now.global += std::to_string(relation) + ":" + row[2].as<std::string>() + " ";
        } else {
            now.relations[relation] = row[2].as<std::string>();
            if (kind == "r" || kind == "p") now.tables.insert(relation);
        }
    }
    return now;
}

std::string rows_statement(pqxx::transaction_base& tx, const std::string& prefixes) {
    pqxx::row built = tx.exec_prepared1(rows_statement_name, prefixes);
    return built[0].is_null() ? std::string() : built[0].as<std::string>();  // NULL: no table
}

void add_rows(core::SchemaSnapshot& snapshot, pqxx::transaction_base& tx) {
    for (const auto& row : tx.exec_prepared(table_rows_statement)) {
        snapshot.add({"rows",
                      row[0].as<std::string>(),
                      {{"count", row[1].as<std::string>()}, {"hash", row[2].as<std::string>()}}});
    }
}

}  // namespace

struct CatalogReader::Impl {
    ConnectionTarget target;
    SnapshotOptions options;
    std::string prefixes;  // options.excluded_table_prefixes as one text[] literal
    std::unique_ptr<pqxx::connection> connection;
    detail::CatalogCache cache;
    std::string rows_statement;  // built for the tables of the cached snapshot

    std::string what() const { return "cannot read the schema of " + target.display(); }

    void prepare() {
        connection->prepare(objects_statement, detail::catalog_objects_sql());
        connection->prepare(relation_objects_statement, detail::relation_objects_sql());
        connection->prepare(fingerprints_statement, detail::fingerprints_sql());
        connection->prepare(dependents_statement, detail::dependents_sql());
        connection->prepare(rows_statement_name, detail::rows_statement_sql());
    }

    // Prepared while its text stays the same: its plan is kept while no DDL
    // touches the tables.
    void prepare_rows(const std::string& statement) {
        if (statement == rows_statement) return;
        if (!rows_statement.empty()) connection->unprepare(table_rows_statement);
        rows_statement = statement;
        if (!statement.empty()) connection->prepare(table_rows_statement, statement);
    }

    // Prints again what changed since the cached snapshot. True when a
    // table changed (or appeared, or went), so the rows statement is stale.
    bool refresh(pqxx::transaction_base& tx) {
        detail::Fingerprints now = fingerprints(tx);
        detail::CatalogCache::Changes changes = cache.changes_to(now);
        if (!options.incremental) changes.everything = changes.tables = true;
        if (!changes.any()) return false;
        if (changes.everything) {
            cache.update(changes, {}, printed_rows(tx.exec_prepared(objects_statement, prefixes)),
                         std::move(now));
            return true;
        }
        const std::set<detail::Oid> affected = dependents(tx, changes.relations);
        const std::string listed = oid_array_literal(affected);
        cache.update(changes, affected,
                     printed_rows(tx.exec_prepared(relation_objects_statement, prefixes, listed)),
                     std::move(now));
        return changes.tables;
    }

    std::set<detail::Oid> dependents(pqxx::transaction_base& tx,
                                     const std::vector<detail::Oid>& relations) {
        std::set<detail::Oid> affected;
        const std::string seeds = oid_array_literal({relations.begin(), relations.end()});
        for (const auto& row : tx.exec_prepared(dependents_statement, seeds)) {
            affected.insert(row[0].as<detail::Oid>());
        }
        return affected;
    }

    // The self-check: the cached objects must be what a full read prints.
    void compare_with_full_read(pqxx::transaction_base& tx) {
        detail::CatalogCache full;
        full.update({true, {}, {}}, {}, printed_rows(tx.exec_prepared(objects_statement, prefixes)),
                    {});
        const auto differences = core::compare_snapshots(full.snapshot(), cache.snapshot());
        if (differences.empty()) return;
        throw Error(ExitCode::problems,
                    "an incremental snapshot of " + target.display() + " differs from a full one",
                    describe(differences.front(), "the incremental snapshot"));
    }
};

CatalogReader::CatalogReader(const ConnectionTarget& target, SnapshotOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->prefixes = detail::text_array_literal(options.excluded_table_prefixes);
    impl_->options = std::move(options);
    impl_->connection = detail::connect(target);
    // Parsed and planned once per connection, not once per snapshot.
    detail::translating_errors(target, impl_->what(), [&] { impl_->prepare(); });
}

CatalogReader::~CatalogReader() = default;
CatalogReader::CatalogReader(CatalogReader&&) noexcept = default;
CatalogReader& CatalogReader::operator=(CatalogReader&&) noexcept = default;

core::SchemaSnapshot CatalogReader::read() {
    return detail::translating_errors(impl_->target, impl_->what(), [&] {
        SnapshotTransaction tx(*impl_->connection);
        tx.exec(canonical_settings);
        // Data changes leave no trace in the catalogue: the rows are hashed
        // every time, by a statement rebuilt only when the tables changed
        // (their columns, or whether their file is empty).
        const bool tables_changed = impl_->refresh(tx);
        if (impl_->options.cross_check) impl_->compare_with_full_read(tx);
        core::SchemaSnapshot snapshot = impl_->cache.snapshot();
        if (impl_->options.with_data) {
            if (tables_changed) impl_->prepare_rows(rows_statement(tx, impl_->prefixes));
            if (!impl_->rows_statement.empty()) add_rows(snapshot, tx);
        }
        tx.commit();
        return snapshot;
    });
}

}  // namespace migmerge::db
