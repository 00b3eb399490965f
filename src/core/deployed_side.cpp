// Which side of a merge is deployed (docs/DESIGN.md, "Ref defaults"): the
// parent order says which branch was merged into, not which one databases run.
#include <utility>

#include "migmerge/core/merge_request.hpp"

namespace migmerge::core {
namespace {

std::string merged_into(const SideChoice& sides) {
    return sides.base + ", the branch merged into";
}

std::string branch_words(const DeployedBranch& deployed) {
    return deployed.spec + " (" + deployed.named_by + ")";
}

// "HEAD^2 contains main (...)", or "main is the deployed branch (...)" when
// the hook named the side by the branch itself.
std::string contains_words(const std::string& side, const DeployedBranch& deployed) {
    if (side == deployed.spec) return side + " is the deployed branch (" + deployed.named_by + ")";
    return side + " contains " + branch_words(deployed);
}

std::string reason_without_branch(const SideChoice& sides) {
    return merged_into(sides) +
           "; set \"base\" in migmerge.json to name the deployed branch whatever the merge order";
}

}  // namespace

std::optional<DeployedBranch> deployed_branch(const MergeRequest& request) {
    if (request.pull_request_base)
        return DeployedBranch{*request.pull_request_base, "GITHUB_BASE_REF"};
    if (request.configured_base) {
        return DeployedBranch{*request.configured_base, "\"base\" in migmerge.json"};
    }
    return std::nullopt;
}

void orient_sides(SideChoice& sides, const std::optional<DeployedBranch>& deployed,
                  const std::optional<Containment>& containment) {
    if (!deployed) {
        sides.deployed_reason = reason_without_branch(sides);
        return;
    }
    std::string branch = branch_words(*deployed);
    if (!containment) {
        sides.deployed_reason = branch + " is not in this repository; taking " + merged_into(sides);
    } else if (containment->in_head && !containment->in_base) {
        sides.deployed_reason =
            contains_words(sides.head, *deployed) + ", " + sides.base + " does not";
        std::swap(sides.base, sides.head);
    } else if (containment->in_base && !containment->in_head) {
        sides.deployed_reason =
            contains_words(sides.base, *deployed) + ", " + sides.head + " does not";
    } else {
        sides.deployed_reason =
            std::string(containment->in_base ? "both sides contain " : "neither side contains ") +
            branch + "; taking " + merged_into(sides);
    }
}

}  // namespace migmerge::core
