#include "migmerge/core/merge_request.hpp"

#include <utility>

#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger_check.hpp"

namespace migmerge::core {
namespace {

std::optional<SideChoice> implicit_sides(const RepositoryState& state) {
    if (state.merge_in_progress) return SideChoice{"HEAD", "MERGE_HEAD", Judged::index, false, ""};
    Judged judged = state.bare ? Judged::head_tree : Judged::index;
    if (state.head_is_octopus) {
        return SideChoice{"HEAD^1", "HEAD", judged, false,
                          "an octopus merge: HEAD^1, the branch merged into, against all the "
                          "branches it merged"};
    }
    if (state.head_is_merge_commit) return SideChoice{"HEAD^1", "HEAD^2", judged, false, ""};
    return std::nullopt;
}

// Two refs compared: base is the deployed side the user (or the setting) named.
std::optional<std::pair<std::string, std::string>> union_base(const MergeRequest& request) {
    if (request.base) return std::make_pair(*request.base, std::string("--base"));
    if (auto deployed = deployed_branch(request)) {
        return std::make_pair(deployed->spec, deployed->named_by);
    }
    return std::nullopt;
}

// `name` is in `kept` as the merge base had it, and the other side deleted it.
bool deleted_by_other_side(const MigrationSet& merge_base, const std::string& name,
                           const std::string& kept_content) {
    auto original = merge_base.content_of(name);
    return original && *original == kept_content;
}

void add_unless_deleted(MigrationSet& result, const MigrationSet& merge_base,
                        const MigrationSet& side, const MigrationSet& other) {
    for (const auto& [name, id] : side.files) {
        if (other.contains(name) || deleted_by_other_side(merge_base, name, id)) continue;
        result.files.emplace(name, id);
    }
}

}  // namespace

std::string to_string(Judged judged) {
    switch (judged) {
        case Judged::union_of_sides:
            return "union";
        case Judged::index:
            return "index";
        case Judged::head_tree:
            return "HEAD";
    }
    return "";
}

SideChoice choose_sides(const MergeRequest& request, const RepositoryState& state) {
    if (request.judged) {
        return {request.base.value_or("HEAD"), request.head.value_or("HEAD"), *request.judged,
                false, ""};  // a merge's sides: orient_sides says which is deployed
    }
    if (!request.base && !request.head) {
        if (auto sides = implicit_sides(state)) return *sides;
    }
    auto base = union_base(request);
    if (!base) {
        throw bad_input("no base ref", "nothing to compare HEAD with",
                        "pass --base REF (for example --base origin/production) or set \"base\" "
                        "in migmerge.json");
    }
    std::string head = request.head.value_or("HEAD");
    // Only the checked-out branch has a staged state; a named ref is its commit.
    bool from_index = !state.bare && head == "HEAD";
    return {base->first, head, Judged::union_of_sides, from_index, "named by " + base->second};
}

MigrationSet union_of(const MigrationSet& merge_base, const MigrationSet& base,
                      const MigrationSet& head) {
    MigrationSet result = head;
    result.files.clear();
    for (const auto& [name, id] : head.files) {
        if (base.contains(name)) result.files.emplace(name, id);
    }
    add_unless_deleted(result, merge_base, head, base);
    add_unless_deleted(result, merge_base, base, head);
    result.folder_exists = base.folder_exists || head.folder_exists;
    return result;
}

Ledger merged_ledger(const MergeSets& sets, const SideChoice& sides, const std::string& folder) {
    const std::string file = folder + "/" + ledger_file_name;
    const std::string result_source = to_string(sides.judged) + ":" + file;
    // Each ledger is judged against the folder it lives in. The union of two
    // sides is no folder of its own (its ledger is head's): git's merge would
    // drop a file one side renamed, the union keeps both names.
    Ledger result = sides.judged == Judged::union_of_sides
                        ? Ledger::parse(sets.result.ledger_text, result_source)
                        : read_ledger(sets.result, result_source);
    return Ledger::merge({read_ledger(sets.base, sides.base + ":" + file),
                          read_ledger(sets.head, sides.head + ":" + file), result});
}

AcceptedChanges merged_accepted(const MergeSets& sets, const SideChoice& sides,
                                const std::string& folder) {
    const std::string file = folder + "/" + accepted_file_name;
    return AcceptedChanges::merge(
        {AcceptedChanges::parse(sets.base.accepted_text, sides.base + ":" + file),
         AcceptedChanges::parse(sets.head.accepted_text, sides.head + ":" + file),
         AcceptedChanges::parse(sets.result.accepted_text, to_string(sides.judged) + ":" + file)});
}

}  // namespace migmerge::core
