#include "migmerge/core/error.hpp"

#include <utility>

namespace migmerge {
namespace {

std::string join_line(const std::string& what, const std::string& cause) {
    std::string line = cause.empty() ? what : what + ": " + cause;
    // One line, always: a cause from a library may carry newlines.
    for (char& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

Error::Error(ExitCode code, std::string what, std::string cause, std::string hint)
    : std::runtime_error(join_line(what, cause)),
      code_(code),
      context_(std::move(what)),
      cause_(std::move(cause)),
      hint_(std::move(hint)) {}

std::string Error::one_line() const {
    return std::runtime_error::what();
}

Error bad_input(std::string what, std::string cause, std::string hint) {
    return Error(ExitCode::bad_input, std::move(what), std::move(cause), std::move(hint));
}

Error resource_failure(std::string what, std::string cause, std::string hint) {
    return Error(ExitCode::resource, std::move(what), std::move(cause), std::move(hint));
}

Error stopped_by_signal(int signal_number, std::string what, std::string cause) {
    const int code = static_cast<int>(ExitCode::signal_base) + signal_number;
    return Error(static_cast<ExitCode>(code), std::move(what), std::move(cause));
}

}  // namespace migmerge
