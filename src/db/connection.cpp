#include "migmerge/db/connection.hpp"

#include "conninfo.hpp"
#include "sql_names.hpp"

namespace migmerge::db {
namespace {

std::string param_or(const ConnectionTarget& target, const std::string& key,
                     const std::string& fallback) {
    auto found = target.params.find(key);
    return found == target.params.end() || found->second.empty() ? fallback : found->second;
}

}  // namespace

std::string ConnectionTarget::conninfo() const {
    std::string text;
    for (const auto& [key, value] : params) {
        text += key + "=" + detail::quote_conninfo_value(value) + " ";
    }
    if (password) text += "password=" + detail::quote_conninfo_value(*password);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// libpq's own defaults stand in for what was not given, so the message names
// the server a connection attempt really went to.
std::string ConnectionTarget::display() const {
    std::string host = param_or(*this, "host", param_or(*this, "hostaddr", "localhost"));
    std::string port = param_or(*this, "port", "5432");
    // libpq's default database is the user's name.
    std::string dbname = param_or(*this, "dbname", param_or(*this, "user", ""));
    std::string text = host + ":" + port + "/" + dbname;
    auto user = params.find("user");
    if (user != params.end() && !user->second.empty()) text += " as " + user->second;
    return text;
}

std::string ConnectionTarget::qualified_table() const {
    return detail::quote_identifier(schema) + "." + detail::quote_identifier(table);
}

}  // namespace migmerge::db
