#include "session.hpp"

#include <pqxx/pqxx>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/secret_scrub.hpp"
#include "migmerge/sys/text_file.hpp"

namespace migmerge::db::detail {
namespace {

ConnectionTarget session_target(ConnectionTarget target) {
    target.params["application_name"] = "migmerge";
    // An unreachable host must fail in bounded time, not hang a deploy.
    target.params.emplace("connect_timeout", "10");
    return target;
}

}  // namespace

std::unique_ptr<pqxx::connection> connect(const ConnectionTarget& target) {
    try {
        return std::make_unique<pqxx::connection>(session_target(target).conninfo());
    } catch (const std::exception& error) {
        throw resource_failure("cannot connect to " + target.display(),
                               sys::scrub_secret(sys::first_line(error.what()), target.password));
    }
}

}  // namespace migmerge::db::detail
