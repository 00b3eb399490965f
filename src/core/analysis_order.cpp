// Merge rule about split history: a file of the renamed side that sorts
// before a file the other side added (and may already have deployed).
#include <algorithm>

#include "analysis_rules.hpp"

namespace migmerge::core::rules {
namespace {

struct AddedFiles {
    std::vector<std::string> renamed_side;  // byte order
    std::vector<std::string> other_side;    // byte order
};

AddedFiles added_migrations(const AnalysisInput& input) {
    AddedFiles added;
    Side renamed = renamed_side(input);
    for (const auto& [name, content] : input.sets.result.files) {
        if (MigrationName::parse(name).kind != NameKind::migration) continue;
        Side side = added_by(input, name);
        if (side == Side::none) continue;
        (side == renamed ? added.renamed_side : added.other_side).push_back(name);
    }
    return added;
}

Side other(Side side) {
    return side == Side::head ? Side::base : Side::head;
}

Finding out_of_order_finding(const std::string& offender, Side side,
                             const std::vector<std::string>& later) {
    std::vector<std::string> files{offender};
    files.insert(files.end(), later.begin(), later.end());
    Finding finding = make_finding(FindingCode::out_of_order, Severity::error, files, side);
    std::string other_side = to_string(other(side));
    finding.message = offender + " (added by " + to_string(side) + ") sorts before " +
                      list_names(later) + " (added by " + other_side +
                      "): databases deployed from " + other_side +
                      " already ran those and would run it after them, so databases run the "
                      "migrations in different orders (split history)";
    finding.fixable = true;
    return finding;
}

}  // namespace

std::vector<Finding> out_of_order(const AnalysisInput& input) {
    AddedFiles added = added_migrations(input);
    std::vector<Finding> findings;
    for (const std::string& offender : added.renamed_side) {
        auto first_later =
            std::upper_bound(added.other_side.begin(), added.other_side.end(), offender);
        if (first_later == added.other_side.end()) continue;
        std::vector<std::string> later(first_later, added.other_side.end());
        findings.push_back(out_of_order_finding(offender, renamed_side(input), later));
    }
    return findings;
}

}  // namespace migmerge::core::rules
