#pragma once
// Whether an edit to a JavaScript/TypeScript migration is cosmetic: a deployed
// migration edited only in whitespace or comments changes nothing that ran.
#include <string>

namespace migmerge::core {

// True when `a` and `b` are the same program once comments and whitespace between tokens are set
// aside (see src/core/js_source.cpp's header comment for the exact rule). When unsure it says
// false: a real change must never pass for a cosmetic one.
bool same_code_ignoring_layout(const std::string& a, const std::string& b);

}  // namespace migmerge::core
