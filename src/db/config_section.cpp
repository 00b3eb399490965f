#include "config_section.hpp"

#include <algorithm>
#include <optional>

#include "conninfo.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/json_text.hpp"

using nlohmann::json;

namespace migmerge::db::detail {
namespace {

// Strings and numbers alike (a port is often a number); null and absent are nothing.
std::optional<std::string> scalar(const json& section, const char* key) {
    if (!section.contains(key)) return std::nullopt;
    const json& value = section[key];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_number() || value.is_boolean()) return sys::json_text(value);
    return std::nullopt;
}

bool truthy(const json& section, const char* key) {
    if (!section.contains(key)) return false;
    const json& value = section[key];
    if (value.is_boolean()) return value.get<bool>();
    return !value.is_null() && value != json(0) && value != json("");
}

// Sequelize accepts `?ssl=true` in a URL; libpq does not know that parameter.
std::string without_ssl_query(const std::string& url, bool& ssl) {
    auto query = url.find('?');
    if (query == std::string::npos) return url;
    std::string kept;
    std::size_t begin = query + 1;
    while (begin <= url.size()) {
        std::size_t end = std::min(url.find('&', begin), url.size());
        std::string parameter = url.substr(begin, end - begin);
        if (parameter == "ssl=true")
            ssl = true;
        else if (!parameter.empty())
            kept += (kept.empty() ? "" : "&") + parameter;
        begin = end + 1;
    }
    return url.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

std::optional<std::string> section_url(const json& section, const std::string& source,
                                       const Environment& environment) {
    if (auto url = scalar(section, "url")) return url;
    auto variable = scalar(section, "use_env_variable");
    if (!variable) return std::nullopt;
    auto value = environment.find(*variable);
    if (value == environment.end() || value->second.empty()) {
        throw bad_input("cannot use " + source, "use_env_variable " + *variable + " is not set");
    }
    return value->second;
}

std::string url_dialect(const std::string& url) {
    auto scheme_end = url.find("://");
    return scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
}

void check_dialect(const std::optional<std::string>& dialect, const std::string& source) {
    if (!dialect || dialect->empty() || *dialect == "postgres" || *dialect == "postgresql") return;
    throw bad_input("cannot use " + source, "dialect '" + *dialect + "' is not postgres",
                    "migmerge supports PostgreSQL only");
}

void apply_fields(const json& section, ConnectionTarget& target) {
    const std::pair<const char*, const char*> fields[] = {
        {"host", "host"}, {"port", "port"}, {"username", "user"}, {"database", "dbname"}};
    for (const auto& [key, keyword] : fields) {
        if (auto value = scalar(section, key)) target.params[keyword] = *value;
    }
    if (auto password = scalar(section, "password")) target.password = password;
    // Sequelize's default; libpq's would be the unix socket.
    target.params.emplace("host", "localhost");
}

void apply_url(const std::string& url, const std::string& source, ConnectionTarget& target) {
    bool ssl = false;
    ParsedConninfo parsed = parse_conninfo(without_ssl_query(url, ssl), source);
    for (const auto& [key, value] : parsed.params) target.params[key] = value;
    if (parsed.password) target.password = parsed.password;
    if (ssl) target.params["sslmode"] = "require";
}

void apply_storage(const json& section, ConnectionTarget& target) {
    if (auto table = scalar(section, "migrationStorageTableName")) target.table = *table;
    if (auto schema = scalar(section, "migrationStorageTableSchema")) target.schema = *schema;
    target.timestamps = truthy(section, "migrationTimestamps");
    bool ssl = truthy(section, "ssl") ||
               (section.contains("dialectOptions") && section["dialectOptions"].is_object() &&
                truthy(section["dialectOptions"], "ssl"));
    if (ssl) target.params["sslmode"] = "require";
}

}  // namespace

ConnectionTarget target_from_section(const json& section, const std::string& source,
                                     const Environment& environment) {
    if (!section.is_object()) throw bad_input("cannot use " + source, "not a JSON object");
    ConnectionTarget target;
    target.source = source;
    apply_fields(section, target);
    auto url = section_url(section, source, environment);
    // As in sequelize-cli, a url overrides the separate fields and its scheme is the dialect.
    check_dialect(url ? url_dialect(*url) : scalar(section, "dialect"), source);
    if (url) apply_url(*url, source, target);
    apply_storage(section, target);
    return target;
}

}  // namespace migmerge::db::detail
