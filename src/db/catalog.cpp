#include "migmerge/db/catalog.hpp"

#include <pqxx/pqxx>

#include "catalog_sql.hpp"
#include "pg_array.hpp"
#include "pg_errors.hpp"
#include "session.hpp"

namespace migmerge::db {
namespace {

// Every query sees the same catalogue state, and nothing can be written.
using SnapshotTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

constexpr const char* kObjectsStatement = "migmerge_catalog_objects";
constexpr const char* kRowsStatement = "migmerge_catalog_rows";

// Expressions and row text print the same in every database whatever its
// own settings: names schema-qualified (only pg_catalog is on the path),
// times in UTC, dates ISO. The catalogue statement's plan is kept while no
// DDL invalidates it. Local to the transaction, so nothing leaks.
constexpr const char* kCanonicalSettings =
    "SELECT set_config('search_path', 'pg_catalog', true), set_config('TimeZone', 'UTC', true), "
    "set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true), "
    "set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true), "
    "set_config('lc_monetary', 'C', true), set_config('plan_cache_mode', 'force_generic_plan', "
    "true)";

void add_attribute_row(core::SchemaSnapshot& snapshot, const pqxx::row& row) {
    core::SchemaObject object{row[0].as<std::string>(), row[1].as<std::string>(), {}};
    auto [entry, added] = snapshot.objects.try_emplace(object.key(), object);
    (void)added;  // an object's second attribute finds it already there
    if (!row[2].is_null()) {
        entry->second.attributes[row[2].as<std::string>()] = row[3].as<std::string>("");
    }
}

void add_rows(core::SchemaSnapshot& snapshot, pqxx::transaction_base& tx,
              const std::string& prefixes) {
    pqxx::row built = tx.exec_prepared1(kRowsStatement, prefixes);
    if (built[0].is_null()) return;  // no ordinary table
    for (const auto& row : tx.exec(built[0].as<std::string>())) {
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

    std::string what() const { return "cannot read the schema of " + target.display(); }
};

CatalogReader::CatalogReader(const ConnectionTarget& target, SnapshotOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->prefixes = detail::text_array_literal(options.excluded_table_prefixes);
    impl_->options = std::move(options);
    impl_->connection = detail::connect(target);
    // Parsed and planned once per connection, not once per snapshot.
    detail::translating_errors(target, impl_->what(), [&] {
        impl_->connection->prepare(kObjectsStatement, detail::catalog_objects_sql());
        impl_->connection->prepare(kRowsStatement, detail::rows_statement_sql());
    });
}

CatalogReader::~CatalogReader() = default;
CatalogReader::CatalogReader(CatalogReader&&) noexcept = default;
CatalogReader& CatalogReader::operator=(CatalogReader&&) noexcept = default;

core::SchemaSnapshot CatalogReader::read() {
    return detail::translating_errors(impl_->target, impl_->what(), [&] {
        SnapshotTransaction tx(*impl_->connection);
        tx.exec(kCanonicalSettings);
        core::SchemaSnapshot snapshot;
        for (const auto& row : tx.exec_prepared(kObjectsStatement, impl_->prefixes)) {
            add_attribute_row(snapshot, row);
        }
        if (impl_->options.with_data) add_rows(snapshot, tx, impl_->prefixes);
        tx.commit();
        return snapshot;
    });
}

}  // namespace migmerge::db
