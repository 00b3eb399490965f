#include "migmerge/sys/random_hex.hpp"

#include <fmt/format.h>

#include <random>

namespace migmerge::sys {

std::string random_hex(std::size_t digits) {
    std::random_device random;  // 32 bits, 8 digits, a call
    std::string hex;
    while (hex.size() < digits) hex += fmt::format("{:08x}", random());
    hex.resize(digits);
    return hex;
}

}  // namespace migmerge::sys
