#pragma once
// What `migmerge hook` prints: the hooks installed or removed, and what a
// hook found (check's report and the exact next steps, the migrations that
// arrived, the pre-push verify reports).
#include <string>
#include <vector>

#include "invocation.hpp"
#include "migmerge/app/hook_install.hpp"
#include "migmerge/app/hooks.hpp"

namespace migmerge::cli {

void print_hook_changes(const Output& output, const app::HookChanges& changes);
void print_hook_report(const Output& output, const app::HookReport& report);
int hook_exit_code(const app::HookReport& report);  // 1 when the hook stops git

}  // namespace migmerge::cli
