#pragma once
// What verify prints: a line per migration and check as it runs (on a
// terminal or with -v; JSON lines with --format json), then a table of the
// checks with their verdicts, then the findings.
#include <string>

#include "invocation.hpp"
#include "migmerge/run/verify.hpp"

namespace migmerge::cli {

run::VerifySink verify_progress_printer(const Output& output);
// `folder`: the migrations folder relative to the repository root, for annotations.
void print_verify_report(const Output& output, const run::VerifyReport& report,
                         const std::string& folder);
// "proven", "warning", "failed" or "skipped".
std::string verdict_of(const run::CheckResult& result);
int verify_exit_code(const run::VerifyReport& report);  // 1 when any check found an error

}  // namespace migmerge::cli
