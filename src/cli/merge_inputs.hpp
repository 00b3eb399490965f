#pragma once
// docs/DESIGN.md's ref defaults and "what is judged": which two sides, which merge
// base, and which set stands for the merge result.
#include <optional>
#include <string>

#include "migmerge/core/analysis.hpp"
#include "migmerge/git/repository.hpp"
#include "project.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

enum class Judged {
    union_of_sides,  // two refs, no merge yet
    index,           // a merge in progress, or after a merge (so `fix` can be checked)
    head_tree,       // after a merge in a bare repository
};
std::string to_string(Judged judged);

struct RefOptions {
    std::optional<std::string> base;
    std::optional<std::string> head;
    core::RenameSide rename_side = core::RenameSide::head;
};
void add_ref_options(CLI::App& command, RefOptions& options);

struct MergeContext {
    git::ResolvedRef base;
    git::ResolvedRef head;
    std::string merge_base;
    Judged judged = Judged::union_of_sides;
    bool head_from_index = false;  // head is the checked-out branch: its staged state counts
    std::string folder;            // the migrations folder, relative to the work tree
    core::AnalysisInput input;
};

MergeContext read_merge(const Project& project, const RefOptions& options,
                        const core::Timestamp& now);

}  // namespace migmerge::cli
