#pragma once
// What `migmerge sql` (and `migrate --dry-run --sql`) prints: one SQL script
// (text), one object per statement (JSON), or a job summary section per
// migration (GitHub). Statements whose lock blocks writes are marked.
#include "invocation.hpp"
#include "migmerge/run/sql_capture.hpp"

namespace migmerge::cli {

void print_sql_report(const Output& output, const run::SqlReport& report);
int sql_exit_code(const run::SqlReport& report);  // 1 when a migration failed on the copy

}  // namespace migmerge::cli
