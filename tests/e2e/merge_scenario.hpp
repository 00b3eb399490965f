#pragma once
// The conflict every team meets: production and staging branch off main and
// each add migrations; staging's collide with production's (same timestamp)
// and sort before them (split history).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/git_fixture.hpp"

namespace migmerge::test {

inline constexpr const char* billing = "20260115100000-add-billing.js";           // production
inline constexpr const char* analytics = "20260112090000-add-site-analytics.js";  // staging
inline constexpr const char* audit = "20260115100000-add-audit-log.js";           // staging

// main: two deployed migrations; production: +billing; staging: +analytics, +audit.
// Leaves `checked_out` checked out.
void build_diverged_branches(GitRepo& repo, const std::string& checked_out = "staging");

nlohmann::json parse_json(const ProcessResult& result);
std::vector<std::string> finding_codes(const nlohmann::json& document);
std::vector<std::string> lines_of(const std::string& text);

class MergeScenarioTest : public GitTest {};

}  // namespace migmerge::test
