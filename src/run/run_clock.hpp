#pragma once
// The facts about "here and now" a run records: kept apart so the rest of
// the run layer stays free of clocks and system calls.
#include <string>

#include "migmerge/core/timestamp.hpp"

namespace migmerge::run {

core::Timestamp utc_now();
std::string utc_now_iso8601();  // "2026-01-08T12:00:00Z", as PostgreSQL reads timestamptz
std::string host_name();

}  // namespace migmerge::run
