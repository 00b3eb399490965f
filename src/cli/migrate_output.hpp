#pragma once
// What migrate and undo print: a line per migration as it happens (like
// sequelize-cli's "== name: migrating =======") or JSON lines, then a summary.
#include <string>

#include "invocation.hpp"
#include "migmerge/app/migrate.hpp"

namespace migmerge::cli {

enum class RunDirection { up, down };

// -v: which database and folder a run is about to touch.
void print_run_target(const Output& output, const run::RunContext& context);
run::ProgressSink progress_printer(const Output& output, RunDirection direction);
// print_run_target, then progress_printer.
app::RunObserver run_printer(const Output& output, RunDirection direction);
// `folder`: the migrations folder relative to the repository root, for the
// `file=` of GitHub annotations (as check and status write them).
void print_run_summary(const Output& output, const std::string& command,
                       const run::RunReport& report, bool dry_run, const std::string& folder);
void print_run_summary(const Output& output, const std::string& command,
                       const app::RunResult& result);
int run_exit_code(const run::RunReport& report);  // 1 when refused or a migration failed

}  // namespace migmerge::cli
