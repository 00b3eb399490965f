#include "session.hpp"

#include <pqxx/pqxx>

#include "migmerge/core/error.hpp"
#include "secret_scrub.hpp"

namespace migmerge::db::detail {
namespace {

ConnectionTarget session_target(ConnectionTarget target) {
    target.params["application_name"] = "migmerge";
    // An unreachable host must fail in bounded time, not hang a deploy.
    target.params.emplace("connect_timeout", "10");
    return target;
}

std::string first_line_of(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

std::unique_ptr<pqxx::connection> connect(const ConnectionTarget& target) {
    try {
        return std::make_unique<pqxx::connection>(session_target(target).conninfo());
    } catch (const std::exception& error) {
        throw resource_failure("cannot connect to " + target.display(),
                               scrub_secret(first_line_of(error.what()), target.password));
    }
}

}  // namespace migmerge::db::detail
