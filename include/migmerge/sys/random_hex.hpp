#pragma once
// Random lowercase hex digits from the system's entropy source, for names
// that must not collide (scratch databases, a run's application_name) and
// throwaway passwords.
#include <cstddef>
#include <string>

namespace migmerge::sys {

// `digits` characters of [0-9a-f].
std::string random_hex(std::size_t digits);

}  // namespace migmerge::sys
