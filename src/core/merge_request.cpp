#include "migmerge/core/merge_request.hpp"

#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger_check.hpp"

namespace migmerge::core {
namespace {

std::optional<SideChoice> implicit_sides(const RepositoryState& state) {
    if (state.merge_in_progress) return SideChoice{"HEAD", "MERGE_HEAD", Judged::index, false};
    if (state.head_is_merge_commit) {
        return SideChoice{"HEAD^1", "HEAD^2", state.bare ? Judged::head_tree : Judged::index,
                          false};
    }
    return std::nullopt;
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
                false};
    }
    if (!request.base && !request.head) {
        if (auto sides = implicit_sides(state)) return *sides;
    }
    std::optional<std::string> base = request.base ? request.base : request.configured_base;
    if (!base) {
        throw bad_input("no base ref", "nothing to compare HEAD with",
                        "pass --base REF (for example --base origin/production) or set \"base\" "
                        "in migmerge.json");
    }
    std::string head = request.head.value_or("HEAD");
    // Only the checked-out branch has a staged state; a named ref is its commit.
    bool from_index = !state.bare && head == "HEAD";
    return {*base, head, Judged::union_of_sides, from_index};
}

MigrationSet union_of(const MigrationSet& base, const MigrationSet& head) {
    MigrationSet result = head;
    for (const auto& [name, id] : base.files) result.files.emplace(name, id);
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

}  // namespace migmerge::core
