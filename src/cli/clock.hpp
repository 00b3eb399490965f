#pragma once
// The wall clock, read only here: core never reads it, so plans stay
// reproducible; only the future-timestamp finding needs "now".
#include "migmerge/core/timestamp.hpp"

namespace migmerge::cli {

core::Timestamp utc_now();

}  // namespace migmerge::cli
