#pragma once
// The ref options of check, plan, fix and verify: they fill an app::RefRequest.
#include "migmerge/app/judge.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

using app::Judgement;
using app::MergeContext;
using core::Judged;

void add_ref_options(CLI::App& command, app::RefRequest& refs);

}  // namespace migmerge::cli
