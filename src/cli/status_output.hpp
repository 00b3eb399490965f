#pragma once
// What status prints: each migration's state, the findings and the totals
// (text), one document (JSON) or annotations (GitHub).
#include "invocation.hpp"
#include "migmerge/app/status.hpp"

namespace migmerge::cli {

void print_status(const Output& output, const app::StatusResult& result);
int status_exit_code(const app::StatusResult& result);  // 1 while error-level findings stand

}  // namespace migmerge::cli
