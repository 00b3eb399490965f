#pragma once
// Database-side findings that both `repair` planning and `status` report, so
// they read the same wherever they come from. Internal to the core layer.
#include <string>

#include "migmerge/core/finding.hpp"

namespace migmerge::core {

Finding orphaned_finding(const std::string& row);
Finding double_applied_finding(const std::string& old_name, const std::string& new_name);

}  // namespace migmerge::core
