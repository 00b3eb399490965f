// Merge rule about split history: a migration of the renamed side that the
// other (deployed) side lacks and that sorts before the greatest migration
// that side has, whether that one was added since the merge base or was there
// already. Databases deployed from that side ran it, and would run the new
// file after it: not in the order the folder gives.
#include <algorithm>

#include "analysis_rules.hpp"
#include "set_walk.hpp"

namespace migmerge::core::rules {
namespace {

// How many of the later migrations a message names before "and N more".
constexpr std::size_t named_in_message = 3;

// sequelize-cli runs files in byte order of names, so what counts is where a
// name sorts: a dated one of any scheme (naming_scheme.hpp), or one that
// starts like a timestamp (14 digits and a dash) even when its date is
// impossible (a real project's 20210804936184-...). Other legacy names
// (00-init.js, helpers.js) sort before or after them all, as they always have.
bool sorts_among_migrations(const std::string& name) {
    if (!sequelize_would_run(name)) return false;
    if (read_dated_prefix(name)) return true;
    if (name.size() < 16 || name[14] != '-') return false;
    return std::all_of(name.begin(), name.begin() + 14,
                       [](char c) { return c >= '0' && c <= '9'; });
}

const MigrationSet& receiving_set(const AnalysisInput& input) {
    return renamed_side(input) == Side::head ? input.sets.base : input.sets.head;
}

// The receiving side's migrations (names sequelize-cli runs in timestamp
// order) after `first`, in byte order: only those can come after an incoming one.
std::vector<std::string> receiving_migrations_after(const AnalysisInput& input,
                                                    const std::string& first) {
    std::vector<std::string> names;
    const auto& files = receiving_set(input).files;
    for (auto it = files.upper_bound(first); it != files.end(); ++it) {
        if (sorts_among_migrations(it->first)) names.push_back(it->first);
    }
    return names;
}

// The result's migrations that the renamed side brings and the receiving side lacks.
std::vector<std::string> incoming_migrations(const AnalysisInput& input) {
    std::vector<std::string> names;
    for (const std::string& name : detail::missing_from(input.sets.result, receiving_set(input))) {
        if (added_by(input, name) != renamed_side(input)) continue;
        if (sorts_among_migrations(name)) names.push_back(name);
    }
    return names;
}

Side other(Side side) {
    return side == Side::head ? Side::base : Side::head;
}

std::string later_in_words(const std::vector<std::string>& later, const std::string& side) {
    if (later.size() <= named_in_message) return list_names(later);
    std::vector<std::string> named(later.begin(), later.begin() + named_in_message - 1);
    named.push_back(std::to_string(later.size() - named.size()) + " more " + side +
                    " has, the latest " + later.back());
    return list_names(named);
}

Finding out_of_order_finding(const std::string& offender, Side side,
                             const std::vector<std::string>& later) {
    std::vector<std::string> files{offender};
    files.insert(files.end(), later.begin(), later.end());
    Finding finding = make_finding(FindingCode::out_of_order, Severity::error, files, side);
    std::string other_side = to_string(other(side));
    finding.message = offender + " (new on " + to_string(side) + ") sorts before " +
                      later_in_words(later, other_side) + " (on " + other_side +
                      "): databases deployed from " + other_side +
                      " already ran those and would run it after them, so databases run the "
                      "migrations in different orders (split history)";
    // `fix` moves only names with a real timestamp (the planner's rule).
    finding.fixable = MigrationName::parse(offender).kind == NameKind::migration;
    return finding;
}

}  // namespace

std::vector<Finding> out_of_order(const AnalysisInput& input) {
    std::vector<std::string> incoming = incoming_migrations(input);
    if (incoming.empty()) return {};
    std::vector<std::string> receiving = receiving_migrations_after(input, incoming.front());
    std::vector<Finding> findings;
    for (const std::string& offender : incoming) {
        auto first_later = std::upper_bound(receiving.begin(), receiving.end(), offender);
        if (first_later == receiving.end()) continue;
        std::vector<std::string> later(first_later, receiving.end());
        findings.push_back(out_of_order_finding(offender, renamed_side(input), later));
    }
    return findings;
}

}  // namespace migmerge::core::rules
