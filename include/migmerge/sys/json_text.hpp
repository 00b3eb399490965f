#pragma once
// JSON text, written once for every layer that prints or sends JSON. A file
// name is bytes: one that is not UTF-8 made nlohmann's dump() throw
// (type_error.316) and took the whole command down.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "migmerge/core/error.hpp"

namespace migmerge::sys {

// The document as text (`indent` as dump()'s: -1 is one line); bytes that
// are not UTF-8 come out as U+FFFD, never as an exception.
std::string json_text(const nlohmann::json& document, int indent = -1);

// The distinct strings (keys and values) that are not UTF-8, in document
// order: what json_text changes, for the caller to warn about.
std::vector<std::string> non_utf8_strings(const nlohmann::json& document);

// `text` as JSON, or Error(code, what, "not JSON at line L, column C: <kind>").
// nlohmann's own message quotes the token it stopped at ("last read:
// '\"s3cret-PW..."), which may be a password: none of its text is passed on.
nlohmann::json parse_json(const std::string& text, ExitCode code, const std::string& what);

}  // namespace migmerge::sys
