// Merge rules about files that existed before the branches split: a deployed
// migration must keep its name and its content on every side.
#include <algorithm>
#include <optional>

#include "analysis_rules.hpp"
#include "migmerge/core/js_source.hpp"
#include "set_walk.hpp"

namespace migmerge::core {
namespace rules {
namespace {

constexpr const char* edit_advice =
    "never edit a deployed migration: restore it as it was at the merge base and put the change "
    "in a new migration";

// Which side does something to a merge-base file; `both` also when only the
// merge result does it (the merge resolution itself).
struct Sides {
    bool base = false;
    bool head = false;
    bool result = false;

    bool any() const { return base || head || result; }
    Side side() const {
        if (base && !head) return Side::base;
        if (head && !base) return Side::head;
        return Side::both;
    }
    // Who did it, for messages.
    std::string who() const {
        if (base && head) return "both base and head";
        if (base || head) return base ? "base" : "head";
        return "the merge result";
    }
};

Sides missing_from(const MergeSets& sets, const std::string& name) {
    return {!sets.base.contains(name), !sets.head.contains(name), !sets.result.contains(name)};
}

bool differs(const MigrationSet& set, const std::string& name, const std::string& content) {
    auto other = set.content_of(name);
    return other && *other != content;
}

Sides changed_in(const MergeSets& sets, const std::string& name, const std::string& content) {
    return {differs(sets.base, name, content), differs(sets.head, name, content),
            differs(sets.result, name, content)};
}

const std::string* text_of(const AnalysisInput& input, const std::string& id) {
    auto found = input.texts.find(id);
    return found == input.texts.end() ? nullptr : &found->second;
}

// Every changed version is the merge base's but for whitespace and comments
// (js_source.hpp); false when a text is missing, to be safe.
bool layout_only(const AnalysisInput& input, const std::string& name, const std::string& original) {
    const std::string* before = text_of(input, original);
    std::vector<std::string> versions = changed_versions(input.sets, name);
    return before && !versions.empty() &&
           std::all_of(versions.begin(), versions.end(), [&](const std::string& id) {
               const std::string* after = text_of(input, id);
               return after && same_code_ignoring_layout(*before, *after);
           });
}

Finding modified_finding(const std::string& name, const Sides& sides) {
    return make_finding(FindingCode::modified, Severity::error, {name},
                        {name + " existed at the merge base but " + sides.who() +
                             " changed it: databases that already ran it never run the new version",
                         edit_advice},
                        sides.side());
}

Finding layout_finding(const std::string& name, const Sides& sides) {
    return make_finding(
        FindingCode::modified, Severity::warning, {name},
        {name + " existed at the merge base and " + sides.who() +
             " changed only its whitespace or comments: databases that already ran it "
             "never run the new version, which does the same",
         "if the edit is deliberate (a reformat), accept it in " + std::string(accepted_file_name)},
        sides.side());
}

Finding added_twice_finding(const std::string& name) {
    return make_finding(
        FindingCode::modified, Severity::error, {name},
        {name + " was added on both base and head with different content: databases of "
                "each side ran a different version under the same name",
         "keep one version under this name and put the difference in a new migration"},
        Side::both);
}

// A new name in the result holding the same content, if there is one.
std::optional<std::string> same_content_elsewhere(const MergeSets& sets,
                                                  const std::string& content) {
    for (const auto& [name, other] : sets.result.files) {
        if (other == content && !sets.merge_base.contains(name)) return name;
    }
    return std::nullopt;
}

Finding renamed_unrecorded_finding(const std::string& name, const std::string& renamed_to,
                                   const Sides& sides) {
    Finding finding = make_finding(FindingCode::renamed_unrecorded, Severity::error,
                                   {name, renamed_to}, sides.side());
    finding.message = name + " was renamed to " + renamed_to + " by " + sides.who() +
                      " without a ledger entry: databases that ran " + name + " will run " +
                      renamed_to + " again";
    finding.fixable = true;
    return finding;
}

Finding deleted_finding(const std::string& name, const Sides& sides) {
    Finding finding = make_finding(FindingCode::deleted, Severity::error, {name}, sides.side());
    finding.message = name + " existed at the merge base but " + sides.who() +
                      " deleted it: databases that ran it keep a SequelizeMeta row with no "
                      "file, and db:migrate:undo fails on them";
    finding.advice = "restore it; to take its change back, add a new migration that reverts it";
    return finding;
}

bool renamed_on_record(const AnalysisInput& input, const std::string& name) {
    std::optional<std::string> renamed_to = input.ledger.final_name(name);
    return renamed_to && input.sets.result.contains(*renamed_to);
}

std::optional<Finding> missing_finding(const AnalysisInput& input, const std::string& name,
                                       const std::string& content) {
    Sides missing = missing_from(input.sets, name);
    if (!missing.any() || renamed_on_record(input, name)) return std::nullopt;
    auto renamed_to = same_content_elsewhere(input.sets, content);
    if (renamed_to) return renamed_unrecorded_finding(name, *renamed_to, missing);
    return deleted_finding(name, missing);
}

void judge_merge_base_files(const AnalysisInput& input, std::vector<Finding>& findings) {
    for (const std::string& name : touched_merge_base_files(input.sets)) {
        if (!sequelize_would_run(name)) continue;  // only what databases run must stay put
        const std::string& content = input.sets.merge_base.files.at(name);
        if (auto missing = missing_finding(input, name, content)) findings.push_back(*missing);
        Sides changed = changed_in(input.sets, name, content);
        if (!changed.any()) continue;
        findings.push_back(layout_only(input, name, content) ? layout_finding(name, changed)
                                                             : modified_finding(name, changed));
    }
}

void judge_files_added_twice(const AnalysisInput& input, std::vector<Finding>& findings) {
    const MergeSets& sets = input.sets;
    for (const auto& [name, content] : sets.base.files) {
        if (sets.merge_base.contains(name) || !sequelize_would_run(name)) continue;
        if (differs(sets.head, name, content)) findings.push_back(added_twice_finding(name));
    }
}

}  // namespace

std::vector<Finding> history_changes(const AnalysisInput& input) {
    std::vector<Finding> findings;
    judge_merge_base_files(input, findings);
    judge_files_added_twice(input, findings);
    return findings;
}

std::vector<std::string> touched_merge_base_files(const MergeSets& sets) {
    using detail::changed_or_missing;
    return detail::sorted_union({changed_or_missing(sets.merge_base, sets.base),
                                 changed_or_missing(sets.merge_base, sets.head),
                                 changed_or_missing(sets.merge_base, sets.result)});
}

}  // namespace rules

std::vector<std::string> texts_to_read(const MergeSets& sets) {
    std::vector<std::string> ids;
    for (const std::string& name : rules::touched_merge_base_files(sets)) {
        if (!sequelize_would_run(name)) continue;
        const std::string& content = sets.merge_base.files.at(name);
        std::vector<std::string> versions = rules::changed_versions(sets, name);
        if (versions.empty()) continue;
        ids.push_back(content);
        ids.insert(ids.end(), versions.begin(), versions.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace migmerge::core
