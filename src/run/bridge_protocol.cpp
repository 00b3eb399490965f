#include "bridge_protocol.hpp"

#include <nlohmann/json.hpp>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/json_text.hpp"

namespace migmerge::run::protocol {
namespace {

using nlohmann::json;

bool wants_ssl(const db::ConnectionTarget& target) {
    auto mode = target.params.find("sslmode");
    if (mode == target.params.end()) return false;
    return mode->second == "require" || mode->second == "verify-ca" ||
           mode->second == "verify-full";
}

int port_number(const std::string& text) {
    try {
        return std::stoi(text);
    } catch (const std::exception&) {
        throw bad_input("invalid database port", "'" + text + "'");
    }
}

// libpq keywords to node-postgres options; absent ones stay absent so that
// pg falls back to the same PG* variables libpq would.
json connection_of(const db::ConnectionTarget& target) {
    json connection = {{"ssl", wants_ssl(target)}};
    const std::pair<const char*, const char*> keywords[] = {
        {"host", "host"}, {"hostaddr", "host"}, {"user", "user"}, {"dbname", "database"}};
    for (const auto& [libpq, pg] : keywords) {
        auto it = target.params.find(libpq);
        if (it != target.params.end()) connection[pg] = it->second;
    }
    if (auto port = target.params.find("port"); port != target.params.end()) {
        connection["port"] = port_number(port->second);
    }
    if (target.password) connection["password"] = *target.password;
    return connection;
}

std::vector<SentStatement> statements_of(const json& reply) {
    std::vector<SentStatement> statements;
    for (const json& sent : reply.value("statements", json::array())) {
        SentStatement statement{sent.at("sql").get<std::string>(), {}};
        for (const json& value : sent.value("bind", json::array())) {
            if (value.is_null())
                statement.bind.emplace_back(std::nullopt);
            else
                statement.bind.emplace_back(value.get<std::string>());
        }
        statements.push_back(std::move(statement));
    }
    return statements;
}

}  // namespace

// The config travels as read; node prefers the one it evaluated itself (which
// keeps functions such as a logging callback).
std::string init_command(const db::ConnectionTarget& target, const std::string& application_name) {
    json config = json::parse(target.config_json, nullptr, false);
    json connection = connection_of(target);
    connection["applicationName"] = application_name;
    return sys::json_text(json{{"cmd", "init"},
                               {"env", target.config_env},
                               {"config", config.is_discarded() ? json(nullptr) : config},
                               {"connection", connection}});
}

std::string step_command(const std::string& direction, const LocalMigration& migration) {
    return sys::json_text(
        json{{"cmd", direction}, {"name", migration.name}, {"path", migration.path}});
}

std::string capturing_step_command(const LocalMigration& migration) {
    return sys::json_text(
        json{{"cmd", "up"}, {"name", migration.name}, {"path", migration.path}, {"capture", true}});
}

std::string transactional_step_command(const LocalMigration& migration,
                                       const db::RecordStatement& record) {
    json statement = {{"sql", record.sql}, {"bind", record.parameters}};
    if (record.duration_parameter) statement["durationAt"] = *record.duration_parameter;
    return sys::json_text(json{{"cmd", "up"},
                               {"name", migration.name},
                               {"path", migration.path},
                               {"transaction", true},
                               {"record", statement}});
}

Reply parse_reply(const std::string& line) {
    try {
        json reply =
            sys::parse_json(line, ExitCode::resource, "unreadable reply from the node bridge");
        Reply parsed;
        parsed.ok = reply.value("ok", false);
        parsed.kind = reply.value("error", "");
        parsed.name = reply.value("name", "");
        parsed.ms = reply.value("ms", std::int64_t{0});
        parsed.message = reply.value("message", "");
        parsed.recorded = reply.value("recorded", false);
        parsed.statements = statements_of(reply);
        return parsed;
    } catch (const json::exception& error) {
        throw resource_failure("unreadable reply from the node bridge", error.what());
    }
}

}  // namespace migmerge::run::protocol
