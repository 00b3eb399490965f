#pragma once
// What accept prints: the line it wrote and staged.
#include "invocation.hpp"
#include "migmerge/app/accept.hpp"

namespace migmerge::cli {

void print_accepted(const Output& output, const app::AcceptResult& result);

}  // namespace migmerge::cli
