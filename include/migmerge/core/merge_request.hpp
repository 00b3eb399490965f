#pragma once
// What check, plan, fix and the hooks judge, decided by the contract's ref
// defaults (docs/DESIGN.md): which two sides, and which set stands for the
// merge result. Pure: the git layer supplies the repository's state.
#include <optional>
#include <string>

#include "migmerge/core/analysis.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/migration_set.hpp"

namespace migmerge::core {

enum class Judged {
    union_of_sides,  // two refs, no merge yet
    index,           // a merge in progress, or after a merge (so `fix` can be checked)
    head_tree,       // after a merge in a bare repository
};
std::string to_string(Judged judged);

// One request type for every caller: the commands fill base/head from their
// options; a hook, which knows what it judges, also sets `judged`.
struct MergeRequest {
    std::optional<std::string> base;             // --base
    std::optional<std::string> head;             // --head
    std::optional<std::string> configured_base;  // migmerge.json's "base"
    // A pull request's base branch (GitHub's GITHUB_BASE_REF), as a ref spec
    // the repository has (the git layer picks origin/NAME or NAME).
    std::optional<std::string> pull_request_base;
    std::optional<Judged> judged;  // forced: both refs must be given
    RenameSide rename_side = RenameSide::head;
    std::string folder;  // the migrations folder, relative to the work tree
};

// What the repository looks like, as far as the ref defaults care.
struct RepositoryState {
    bool merge_in_progress = false;  // MERGE_HEAD exists
    bool head_is_merge_commit = false;
    bool bare = false;
    bool head_is_octopus = false;  // HEAD merged more than one branch at once
};

struct SideChoice {
    std::string base;  // ref specs, resolved by the git layer
    std::string head;
    Judged judged = Judged::union_of_sides;
    bool head_from_index = false;  // head is the checked-out branch: its staged state counts
    std::string deployed_reason;   // why base is taken as the deployed side, in words
};

// With no ref given: a merge in progress (HEAD, MERGE_HEAD, the index), else a
// merge commit at HEAD (its parents, and the index or, bare, HEAD's tree; an
// octopus: HEAD^1 against HEAD itself, which holds every merged branch);
// otherwise --base (else the configured base) and --head (else HEAD), judged
// as their union. Error(bad_input) when no base can be chosen.
SideChoice choose_sides(const MergeRequest& request, const RepositoryState& state);

// The branch that says which side of a merge is deployed: the pull
// request's base, else migmerge.json's "base"; and where it was named.
struct DeployedBranch {
    std::string spec;
    std::string named_by;  // "GITHUB_BASE_REF", "\"base\" in migmerge.json"
};
std::optional<DeployedBranch> deployed_branch(const MergeRequest& request);

// Whether each side of a merge contains the deployed branch's tip.
struct Containment {
    bool in_base = false;
    bool in_head = false;
};

// For the two sides of a merge (judged != union_of_sides): the side that
// contains the deployed branch's tip is base, whatever the parent order (a
// "merge main into my branch" commit has main second); with none known, or
// both or neither containing it, base stays the side merged into. Either way
// `deployed_reason` says why. `containment` is empty when the branch is not
// in the repository. The union of two refs keeps the base it was given, and
// an octopus its first parent (the branch merged into, as its reason says).
void orient_sides(SideChoice& sides, const std::optional<DeployedBranch>& deployed,
                  const std::optional<Containment>& containment);

// The merge of two sides that git has not made yet, as git would make it:
// every file of both, except one a side deleted that the other kept as the
// merge base had it (git takes the deletion). A file one side deleted and
// the other changed stays (git would stop on that conflict); where both
// hold a name, head's content.
MigrationSet union_of(const MigrationSet& merge_base, const MigrationSet& base,
                      const MigrationSet& head);

// The ledger the judgement uses: base's, head's and the result's, merged
// (the result's own lines count: `fix` may have added to it). Each is first
// checked against its own folder (read_ledger; not the union of two sides):
// Error(bad_input) for a malformed or unsafe entry.
Ledger merged_ledger(const MergeSets& sets, const SideChoice& sides, const std::string& folder);

// The accepted changes of base, head and the result, merged (as git's union
// driver merges the file). Error(bad_input) for a malformed line.
AcceptedChanges merged_accepted(const MergeSets& sets, const SideChoice& sides,
                                const std::string& folder);

}  // namespace migmerge::core
