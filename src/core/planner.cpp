// The renaming rule (docs/DESIGN.md): which renamed-side files move, and where to.
#include "migmerge/core/planner.hpp"

#include <algorithm>
#include <map>

#include "analysis_rules.hpp"

namespace migmerge::core {
namespace {

using Reasons = std::map<std::string, std::string>;  // file that must move -> why

bool is_movable(const AnalysisInput& input, const std::string& name) {
    return !input.sets.merge_base.contains(name) && input.sets.result.contains(name) &&
           MigrationName::parse(name).kind == NameKind::migration &&
           rules::added_by(input, name) == rules::renamed_side(input);
}

// In a fixable group every movable file moves, except the first when no other
// file keeps the timestamp: then it may keep it alone.
void collect_same_timestamp(const AnalysisInput& input, const Finding& finding, Reasons& reasons) {
    std::vector<std::string> movable;
    for (const std::string& file : finding.files) {
        if (is_movable(input, file)) movable.push_back(file);
    }
    bool first_may_stay = movable.size() == finding.files.size();
    for (std::size_t i = first_may_stay ? 1 : 0; i < movable.size(); ++i) {
        reasons.emplace(movable[i], "same-timestamp");
    }
}

Reasons files_that_must_move(const AnalysisInput& input, const std::vector<Finding>& findings) {
    Reasons reasons;
    for (const Finding& finding : findings) {
        if (!finding.fixable) continue;
        if (finding.code == FindingCode::same_timestamp) {
            collect_same_timestamp(input, finding, reasons);
        } else if ((finding.code == FindingCode::out_of_order ||
                    finding.code == FindingCode::order_contradicts_date) &&
                   is_movable(input, finding.files.front())) {
            reasons.emplace(finding.files.front(), to_string(finding.code));
        }
    }
    return reasons;
}

// Where new names start: the scheme most of the result's migrations use
// (ties to the earlier scheme in NamingScheme's order), at the first instant
// of its precision after every migration's date. When that scheme cannot sort
// after the greatest name (epoch milliseconds beside 14-digit names), the
// greatest name's scheme does.
struct NameClock {
    NamingScheme scheme = NamingScheme::sequelize_cli;
    std::int64_t next_ms = 0;

    std::string next_prefix() {
        std::string prefix = format_prefix(scheme, next_ms);
        next_ms += precision_ms(scheme);
        return prefix;
    }
};

NameClock clock_after(const MigrationSet& result) {
    std::map<NamingScheme, std::size_t> uses;
    std::int64_t latest_end = 0;
    const MigrationName* greatest = nullptr;
    std::vector<MigrationName> names = rules::parse_names(result);
    for (const MigrationName& name : names) {
        if (name.kind != NameKind::migration) continue;
        ++uses[name.dated->scheme];
        latest_end = std::max(latest_end, name.dated->end_ms);
        greatest = &name;
    }
    NameClock clock;
    auto most = std::max_element(uses.begin(), uses.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (most != uses.end()) clock.scheme = most->first;
    auto at = [&](NamingScheme scheme) {
        std::int64_t step = precision_ms(scheme);
        return (latest_end + step - 1) / step * step;
    };
    clock.next_ms = at(clock.scheme);
    if (greatest && format_prefix(clock.scheme, clock.next_ms) + "-" < greatest->file) {
        clock.scheme = greatest->dated->scheme;
        clock.next_ms = at(clock.scheme);
    }
    return clock;
}

// The first file that must move and every movable file after it, in byte
// order, to consecutive instants after the latest migration.
std::vector<Rename> moves(const AnalysisInput& input, const Reasons& reasons) {
    std::vector<Rename> renames;
    if (reasons.empty()) return renames;
    const std::string& first = reasons.begin()->first;
    NameClock clock = clock_after(input.sets.result);
    for (auto it = input.sets.result.files.lower_bound(first); it != input.sets.result.files.end();
         ++it) {
        if (!is_movable(input, it->first)) continue;
        auto reason = reasons.find(it->first);
        renames.push_back({it->first,
                           MigrationName::parse(it->first).with_prefix(clock.next_prefix()),
                           reason == reasons.end() ? "keeps-order" : reason->second});
    }
    return renames;
}

// A rename made by hand is recorded from the end of any chain the ledger
// already has for the old name, so the chain reaches the new one.
std::vector<Rename> records(const AnalysisInput& input, const std::vector<Finding>& findings) {
    std::vector<Rename> renames;
    for (const Finding& finding : findings) {
        if (finding.code != FindingCode::renamed_unrecorded || !finding.fixable) continue;
        const std::string& old_name = finding.files[0];
        std::string from = input.ledger.final_name(old_name).value_or(old_name);
        renames.push_back({from, finding.files[1], "record", false});
    }
    return renames;
}

std::vector<Finding> unfixable(const std::vector<Finding>& findings) {
    std::vector<Finding> left;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(left),
                 [](const Finding& f) { return f.severity == Severity::error && !f.fixable; });
    return left;
}

}  // namespace

Plan plan_renames(const AnalysisInput& input, const std::vector<Finding>& findings) {
    Plan plan;
    plan.renames = records(input, findings);  // first: later moves may extend their chains
    std::vector<Rename> moved = moves(input, files_that_must_move(input, findings));
    plan.renames.insert(plan.renames.end(), moved.begin(), moved.end());
    plan.unfixable = unfixable(findings);
    return plan;
}

std::ostream& operator<<(std::ostream& out, const Rename& rename) {
    out << rename.from << " -> " << rename.to << " (" << rename.reason;
    return out << (rename.move_file ? ")" : ", ledger only)");
}

std::ostream& operator<<(std::ostream& out, const Plan& plan) {
    out << "Plan{";
    for (const Rename& rename : plan.renames) out << rename << "; ";
    for (const Finding& finding : plan.unfixable) out << "unfixable: " << finding << "; ";
    return out << "}";
}

}  // namespace migmerge::core
