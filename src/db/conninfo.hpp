#pragma once
// libpq connection strings: parsing URLs and key=value strings (with libpq's
// own parser, so we accept exactly what libpq accepts) and quoting values.
#include <map>
#include <optional>
#include <string>

namespace migmerge::db::detail {

struct ParsedConninfo {
    std::map<std::string, std::string> params;  // every keyword given, except password
    std::optional<std::string> password;
};

// `text` is a postgres:// URI or a key=value string; `source` names where it
// came from for the Error(bad_input) a malformed one raises, which says what
// is wrong but never quotes the text (a piece of it may be the password). A
// URL with an '@' after its user info (a raw '@' or '/' in the password) is
// malformed: libpq would read the rest of the password as the host.
ParsedConninfo parse_conninfo(const std::string& text, const std::string& source);

// Error(bad_input) when params' port is not a port number (or a list of them,
// one per host), without quoting it. parse_conninfo checks its own result.
void check_port(const std::map<std::string, std::string>& params, const std::string& source);

// A value as a single-quoted conninfo literal: 'it\'s'.
std::string quote_conninfo_value(const std::string& value);

}  // namespace migmerge::db::detail
