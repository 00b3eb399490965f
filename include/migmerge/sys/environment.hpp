#pragma once
// The process environment, copied once: the layers above read variables from
// this copy (never getenv), so a caller or a test decides what they see.
#include <map>
#include <string>

namespace migmerge::sys {

using Environment = std::map<std::string, std::string>;

Environment read_environment();  // a copy of environ

}  // namespace migmerge::sys
