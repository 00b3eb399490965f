#pragma once
// The db layer's edge: libpqxx exceptions become migmerge::Error here, with
// the password scrubbed from whatever libpq said.
#include <string>

#include "migmerge/core/error.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

// A server's message as one line: no "ERROR:  " prefix, no password.
std::string clean_message(std::string message, const ConnectionTarget& target);

// Call only inside a catch block: converts the exception being handled.
// `what` names the operation ("cannot read \"public\".\"SequelizeMeta\"").
Error translate_current_exception(const ConnectionTarget& target, const std::string& what);

// Runs `action`; any non-migmerge exception leaves as Error(resource).
template <class Action>
auto translating_errors(const ConnectionTarget& target, const std::string& what, Action&& action)
    -> decltype(action()) {
    try {
        return action();
    } catch (const Error&) {
        throw;
    } catch (...) {
        throw translate_current_exception(target, what);
    }
}

}  // namespace migmerge::db::detail
