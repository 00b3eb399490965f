#pragma once
// What repair prints: the row changes and what became of them.
#include "invocation.hpp"
#include "migmerge/app/repair.hpp"

namespace migmerge::cli {

void print_repair(const Output& output, const app::RepairResult& result);
int repair_exit_code(const app::RepairResult& result);  // 1 while error-level findings stand

}  // namespace migmerge::cli
