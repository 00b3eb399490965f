#include "support/pg_fixture.hpp"

#include <unistd.h>

#include <fstream>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>

namespace migmerge::test {
namespace {

std::map<std::string, std::string> read_env_file(const std::string& path) {
    std::map<std::string, std::string> values;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto equals = line.find('=');
        if (equals != std::string::npos) values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return values;
}

std::string conninfo(const PgServer& server, const std::string& dbname) {
    return "host=" + server.host + " port=" + server.port + " user=" + server.user +
           " password=" + server.password + " dbname=" + dbname;
}

std::string unique_database_name() {
    std::random_device random;
    return "migmerge_test_" + std::to_string(getpid()) + "_" + std::to_string(random() % 1000000);
}

PgServer require_server() {
    auto server = pg_server();
    if (!server) throw std::runtime_error("no PostgreSQL cluster in " MIGMERGE_PG_STATE);
    return *server;
}

}  // namespace

std::optional<PgServer> pg_server() {
    auto env = read_env_file(std::string(MIGMERGE_PG_STATE) + "/env");
    if (env.count("PGPORT") == 0 || env.count("PGPASSWORD") == 0) return std::nullopt;
    return PgServer{env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGPASSWORD"], env};
}

TestDatabase::TestDatabase(const std::string& create_options)
    : server_(require_server()), name_(unique_database_name()) {
    pqxx::connection admin(conninfo(server_, "postgres"));
    pqxx::nontransaction tx(admin);
    tx.exec0("CREATE DATABASE " + tx.quote_name(name_) + " " + create_options);
}

TestDatabase::~TestDatabase() {
    try {
        pqxx::connection admin(conninfo(server_, "postgres"));
        pqxx::nontransaction tx(admin);
        tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The cluster itself is thrown away when the ctest run ends.
    }
}

std::string TestDatabase::url() const {
    return "postgres://" + server_.user + ":" + server_.password + "@" + server_.host + ":" +
           server_.port + "/" + name_;
}

std::map<std::string, std::string> TestDatabase::params() const {
    return {
        {"host", server_.host}, {"port", server_.port}, {"user", server_.user}, {"dbname", name_}};
}

db::ConnectionTarget TestDatabase::target() const {
    return target_as(server_.user, server_.password);
}

db::ConnectionTarget TestDatabase::target_as(const std::string& user,
                                             const std::string& password) const {
    db::ConnectionTarget target;
    target.params = params();
    target.params["user"] = user;
    target.password = password;
    target.source = "test";
    return target;
}

void TestDatabase::exec(const std::string& sql) const {
    pqxx::connection connection(conninfo(server_, name_));
    pqxx::nontransaction tx(connection);
    tx.exec(sql);
}

std::vector<std::string> TestDatabase::query_column(const std::string& sql) const {
    pqxx::connection connection(conninfo(server_, name_));
    pqxx::nontransaction tx(connection);
    std::vector<std::string> values;
    for (const auto& row : tx.exec(sql)) {
        values.push_back(row[0].is_null() ? "NULL" : row[0].as<std::string>());
    }
    return values;
}

std::string TestDatabase::query_value(const std::string& sql) const {
    auto values = query_column(sql);
    if (values.size() != 1) {
        throw std::runtime_error("expected one row, got " + std::to_string(values.size()) +
                                 " from: " + sql);
    }
    return values.front();
}

}  // namespace migmerge::test
