#pragma once
// The wall clock, read only here: core never reads it, so plans stay
// reproducible; "now" matters only for the future-timestamp finding and for
// when a run is recorded.
#include <string>

#include "migmerge/core/timestamp.hpp"

namespace migmerge::sys {

core::Timestamp utc_now();
std::string utc_now_iso8601();  // "2026-01-08T12:00:00Z", as PostgreSQL reads timestamptz

}  // namespace migmerge::sys
