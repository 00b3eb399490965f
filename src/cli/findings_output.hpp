#pragma once
// Findings and renames in each output format; shared by every command that
// reports findings (check, plan, fix, status, repair, migrate).
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "invocation.hpp"
#include "migmerge/core/finding.hpp"
#include "migmerge/core/planner.hpp"

namespace migmerge::cli {

nlohmann::json to_json(const core::Finding& finding);
nlohmann::json to_json(const core::Rename& rename);
nlohmann::json to_json(const std::vector<core::Finding>& findings);
nlohmann::json to_json(const std::vector<core::Rename>& renames);

// Errors first, then warnings; each with its files, message, and the command
// that fixes it (`fix_command`, when the finding is fixable) or its advice.
void print_findings_text(const Output& output, const std::vector<core::Finding>& findings,
                         const std::string& fix_command);
// Findings that do not count (pre-existing ones), each labelled "note".
void print_notes_text(const Output& output, const std::vector<core::Finding>& findings);
// "2 errors, 1 warning." (or "No problems found.")
std::string summary_line(const std::vector<core::Finding>& findings);

// `::error file=PATH,title=...::message` lines for GitHub Actions, PATH being
// the finding's first file under `folder` (relative to the repository root).
void print_findings_github(std::ostream& out, const std::vector<core::Finding>& findings,
                           const std::string& folder);
// One such line, escaped as GitHub requires; no `file=` when `file` is empty.
void print_github_annotation(std::ostream& out, core::Severity severity, const std::string& file,
                             const std::string& title, const std::string& message);
// `name` under `folder` (empty: the repository root), as annotations name files.
std::string annotated_path(const std::string& folder, const std::string& name);

// The JSON documents' contract version (docs/DESIGN.md). 2: a finding's
// `files` may be bounded, `fileCount` says how many it concerns.
inline constexpr int json_version = 2;

void print_json(const Output& output, nlohmann::json document);  // adds "version"
// The one way JSON reaches stdout (`indent` as dump()'s): bytes that are not
// UTF-8 (a file name) become U+FFFD, and stderr gets one warning line per such
// string, showing its bytes escaped ("caf\xff.js").
void write_json(const Output& output, const nlohmann::json& document, int indent = -1);

}  // namespace migmerge::cli
