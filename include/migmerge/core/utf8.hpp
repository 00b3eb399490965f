#pragma once
// File names are bytes; JSON, node's require() and SequelizeMeta (a UTF8
// column) need UTF-8. These say whether a name is, and show it when not.
#include <string>
#include <string_view>

namespace migmerge::core {

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every byte that is not part of a well-formed UTF-8 sequence
// written as \xHH ("caf\xff.js"); valid text comes back unchanged.
std::string escape_invalid_utf8(std::string_view text);

}  // namespace migmerge::core
