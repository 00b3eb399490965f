#include "conninfo.hpp"

#include <libpq-fe.h>

#include <memory>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/secret_scrub.hpp"

namespace migmerge::db::detail {
namespace {

struct OptionsDeleter {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
struct MessageDeleter {
    void operator()(char* message) const { PQfreemem(message); }
};

// libpq quotes a bad token in its message; for a URL that token may be the
// password, so the whole user-info part is hidden.
std::string describe_parse_error(const char* message, const std::string& text) {
    std::string cause = message ? message : "not a connection string";
    return sys::scrub_url_userinfo(cause, text);
}

}  // namespace

ParsedConninfo parse_conninfo(const std::string& text, const std::string& source) {
    char* raw_message = nullptr;
    std::unique_ptr<PQconninfoOption, OptionsDeleter> options(
        PQconninfoParse(text.c_str(), &raw_message));
    std::unique_ptr<char, MessageDeleter> message(raw_message);
    if (!options) {
        throw bad_input("cannot parse the connection string from " + source,
                        describe_parse_error(message.get(), text));
    }
    ParsedConninfo parsed;
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val) continue;
        if (std::string(option->keyword) == "password") {
            parsed.password = option->val;
        } else {
            parsed.params[option->keyword] = option->val;
        }
    }
    return parsed;
}

std::string quote_conninfo_value(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

}  // namespace migmerge::db::detail
