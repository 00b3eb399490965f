#pragma once
// SHA-256 of a byte string, lower-case hex. Checksums of applied migrations
// must be computable where there is no git repository (a container image).
// Error(resource) in the unlikely case libcrypto cannot hash.
#include <string>
#include <string_view>

namespace migmerge::core {

std::string sha256_hex(std::string_view bytes);

}  // namespace migmerge::core
