#include "conninfo.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

#include "migmerge/core/error.hpp"

namespace migmerge::db::detail {
namespace {

struct OptionsDeleter {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
struct MessageDeleter {
    void operator()(char* message) const { PQfreemem(message); }
};

// libpq's parse errors quote the token they stopped at (a piece of the
// password, maybe) or the whole URL: only the kind of problem is kept.
std::string describe_parse_error(const char* message) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"invalid percent-encoded token", "a '%' not followed by two hex digits"},
        {"forbidden value %00", "a percent-encoded NUL (%00)"},
        {"invalid URI propagated", "not a postgres:// or postgresql:// URL"},
        {"end of string reached when looking for matching \"]\"",
         "an IPv6 host address without its closing ']'"},
        {"IPv6 host address may not be empty", "an empty IPv6 host address"},
        {"unexpected character", "an unexpected character after the host (':' or '/' expected)"},
        {"extra key/value separator", "a query parameter with more than one '='"},
        {"missing key/value separator", "a query parameter without '='"},
        {"invalid URI query parameter", "an unknown query parameter"},
        {"missing \"=\" after", "a word without '=' in a keyword=value string"},
        {"invalid connection option", "an unknown connection option"},
        {"unterminated quoted string", "an unterminated quoted value"},
        {"connection info string size exceeds", "it is too long"},
    };
    const std::string text = message ? message : "";
    for (const auto& [start, kind] : kinds) {
        if (text.rfind(start, 0) == 0) return kind;
    }
    return "libpq cannot read it";
}

bool is_url(const std::string& text) {
    return text.rfind("postgres://", 0) == 0 || text.rfind("postgresql://", 0) == 0;
}

// libpq's user info ends at the first '@', or is absent when a '/' comes
// first. A raw '@' or '/' in a password leaves an '@' after that point, and
// the rest of the password becomes the host, port and database name, which
// every message then shows: such a URL is refused before libpq sees it.
bool has_stray_at(const std::string& url) {
    std::size_t start = url.find("://") + 3;
    std::size_t stop = url.find_first_of("@/", start);
    if (stop == std::string::npos) return false;
    std::size_t rest = url[stop] == '@' ? stop + 1 : stop;
    std::size_t at = url.find('@', rest);
    return at != std::string::npos && at < url.find('?', rest);
}

// "5432", or one port per host ("5432,,5433"; empty is the default).
bool is_port_list(const std::string& ports) {
    std::size_t begin = 0;
    while (true) {
        std::size_t end = std::min(ports.find(',', begin), ports.size());
        const std::string port = ports.substr(begin, end - begin);
        if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
            return false;
        if (!port.empty() && std::stoi(port) > 65535) return false;
        if (end == ports.size()) return true;
        begin = end + 1;
    }
}

}  // namespace

void check_port(const std::map<std::string, std::string>& params, const std::string& source) {
    auto port = params.find("port");
    if (port == params.end() || is_port_list(port->second)) return;
    // A URL without its '@' ("postgres://user:pw/db") has the password as
    // its port: the value is never quoted.
    throw bad_input("cannot use the database connection from " + source, "its port is not a number",
                    "in a URL, the user name and password end with '@'");
}

ParsedConninfo parse_conninfo(const std::string& text, const std::string& source) {
    const std::string what = "cannot parse the database URL from " + source;
    if (is_url(text) && has_stray_at(text)) {
        throw bad_input(what,
                        "an '@' after the user name and password: percent-encode '@', ':' and "
                        "'/' in them (%40, %3A, %2F)");
    }
    char* raw_message = nullptr;
    std::unique_ptr<PQconninfoOption, OptionsDeleter> options(
        PQconninfoParse(text.c_str(), &raw_message));
    std::unique_ptr<char, MessageDeleter> message(raw_message);
    if (!options) throw bad_input(what, describe_parse_error(message.get()));
    ParsedConninfo parsed;
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val) continue;
        if (std::string(option->keyword) == "password") {
            parsed.password = option->val;
        } else {
            parsed.params[option->keyword] = option->val;
        }
    }
    check_port(parsed.params, source);
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
