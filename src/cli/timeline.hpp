#pragma once
// A two-lane picture of the migrations added since the merge base, in the
// order Sequelize will run them, so a person sees the interleaving at a glance.
#include <string>
#include <vector>

#include "invocation.hpp"
#include "ref_options.hpp"

namespace migmerge::cli {

struct TimelineRow {
    std::string name;
    bool on_base = false;
    bool on_head = false;
    bool flagged = false;  // named by an error-level finding
};

std::vector<TimelineRow> timeline_rows(const MergeContext& context,
                                       const std::vector<core::Finding>& findings);
void print_timeline(const Output& output, const MergeContext& context,
                    const std::vector<TimelineRow>& rows);

}  // namespace migmerge::cli
