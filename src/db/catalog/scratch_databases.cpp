#include "migmerge/db/catalog.hpp"

#include <algorithm>
#include <pqxx/pqxx>

#include "migmerge/sys/random_hex.hpp"
#include "pg_errors.hpp"
#include "session.hpp"
#include "sql_names.hpp"

namespace migmerge::db {
namespace {

// "migmerge_verify_" + 8 hex + "_" leaves 38 of PostgreSQL's 63 bytes.
constexpr std::size_t max_label = 63 - 16 - 8 - 1;
constexpr const char* object_in_use = "55006";  // a template database has connections

void check_label(const std::string& label) {
    bool allowed = std::all_of(label.begin(), label.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!allowed || label.empty() || label.size() > max_label) {
        throw bad_input("bad scratch database label '" + label + "'",
                        "use a-z, 0-9 and _, 1 to " + std::to_string(max_label) + " characters");
    }
}

std::string param(const ConnectionTarget& target, const std::string& key) {
    auto found = target.params.find(key);
    return found == target.params.end() ? std::string() : found->second;
}

bool same_server(const ConnectionTarget& a, const ConnectionTarget& b) {
    return param(a, "host") == param(b, "host") && param(a, "port") == param(b, "port");
}

}  // namespace

struct ScratchDatabases::Impl {
    ConnectionTarget admin;
    std::unique_ptr<pqxx::connection> connection;
    std::string run_id;
    std::vector<std::string> created;

    // CREATE and DROP DATABASE refuse to run in a transaction block.
    pqxx::result execute(const std::string& sql) {
        pqxx::nontransaction tx(*connection);
        return tx.exec(sql);
    }
    pqxx::result execute(const std::string& sql, const std::string& argument) {
        pqxx::nontransaction tx(*connection);
        return tx.exec_params(sql, argument);
    }
    std::string database_name(const ConnectionTarget& database, const std::string& use) const;
    void require_createdb();
    std::string unused_run_id();
    void create_database(const std::string& name, const std::optional<std::string>& from);
    void drop_database(const std::string& name);
};

// A database named in `database` on our server; Error(bad_input) otherwise.
std::string ScratchDatabases::Impl::database_name(const ConnectionTarget& database,
                                                  const std::string& use) const {
    std::string name = param(database, "dbname");
    if (name.empty() || !same_server(database, admin)) {
        throw bad_input("cannot " + use + " database " + database.display(),
                        "it is not a database on " + admin.display());
    }
    return name;
}

void ScratchDatabases::Impl::require_createdb() {
    pqxx::row role = execute(
        "SELECT rolname, rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")[0];
    if (role[1].as<bool>()) return;
    const std::string name = role[0].as<std::string>();
    throw resource_failure("cannot make scratch databases on " + admin.display(),
                           "role " + name + " may not create databases (CREATEDB)",
                           "grant it (ALTER ROLE " + detail::quote_identifier(name) +
                               " CREATEDB) or use a server where it may");
}

// Random, and checked: no database on the server starts with our prefix yet.
std::string ScratchDatabases::Impl::unused_run_id() {
    for (;;) {
        std::string id = sys::random_hex(8);
        std::string prefix = scratch_database_prefix + id + "_";
        if (execute("SELECT 1 FROM pg_database WHERE left(datname, length($1)) = $1", prefix)
                .empty())
            return id;
    }
}

void ScratchDatabases::Impl::create_database(const std::string& name,
                                             const std::optional<std::string>& from) {
    const std::string what = "cannot create scratch database " + name;
    try {
        execute("CREATE DATABASE " + detail::quote_identifier(name) + " TEMPLATE " +
                detail::quote_identifier(from.value_or("template0")));
    } catch (const pqxx::sql_error& error) {
        if (!from || error.sqlstate() != object_in_use) throw;
        throw resource_failure(
            what + " as a copy of " + *from, detail::clean_message(error.what(), admin),
            "PostgreSQL copies only a database nobody is connected to: close every "
            "connection to " +
                *from + " first");
    }
}

// WITH (FORCE) ends the database's connections; before PostgreSQL 13 we do.
void ScratchDatabases::Impl::drop_database(const std::string& name) {
    const std::string quoted = detail::quote_identifier(name);
    if (connection->server_version() >= 130000) {
        execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
        return;
    }
    execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name);
    execute("DROP DATABASE IF EXISTS " + quoted);
}

ScratchDatabases::ScratchDatabases(ConnectionTarget admin) : impl_(std::make_unique<Impl>()) {
    if (param(admin, "dbname").empty()) admin.params["dbname"] = "postgres";
    impl_->admin = std::move(admin);
    impl_->connection = detail::connect(impl_->admin);
    detail::translating_errors(impl_->admin, "cannot inspect " + impl_->admin.display(), [&] {
        impl_->require_createdb();
        impl_->run_id = impl_->unused_run_id();
    });
}

ScratchDatabases::~ScratchDatabases() {
    for (auto name = impl_->created.rbegin(); name != impl_->created.rend(); ++name) {
        try {
            impl_->drop_database(*name);
        } catch (...) {
            // A leftover scratch database is litter, not harm: its prefix says what it is.
        }
    }
}

ConnectionTarget ScratchDatabases::create(const std::string& label,
                                          const std::optional<ConnectionTarget>& from) {
    check_label(label);
    std::optional<std::string> template_name;
    if (from) template_name = impl_->database_name(*from, "copy");
    const std::string name = scratch_database_prefix + impl_->run_id + "_" + label;
    detail::translating_errors(impl_->admin, "cannot create scratch database " + name,
                               [&] { impl_->create_database(name, template_name); });
    impl_->created.push_back(name);
    ConnectionTarget database = impl_->admin;
    database.params["dbname"] = name;
    return database;
}

void ScratchDatabases::drop(const ConnectionTarget& database) {
    const std::string name = impl_->database_name(database, "drop");
    if (name.rfind(scratch_database_prefix, 0) != 0) {
        throw bad_input("refusing to drop database " + name,
                        std::string("migmerge drops only its scratch databases, named ") +
                            scratch_database_prefix + "*");
    }
    detail::translating_errors(impl_->admin, "cannot drop scratch database " + name,
                               [&] { impl_->drop_database(name); });
    auto& created = impl_->created;
    created.erase(std::remove(created.begin(), created.end(), name), created.end());
}

const std::string& ScratchDatabases::run_id() const {
    return impl_->run_id;
}

const std::vector<std::string>& ScratchDatabases::created() const {
    return impl_->created;
}

}  // namespace migmerge::db
