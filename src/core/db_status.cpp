// Files against SequelizeMeta: the state of every migration.
#include "migmerge/core/db_status.hpp"

#include <algorithm>
#include <unordered_set>

#include "database_findings.hpp"

namespace migmerge::core {
namespace {

struct Classifier {
    const StatusInput& input;
    std::set<std::string> rows;
    std::unordered_set<std::string> stands_for;  // files a `renamed` row will become
    std::string last_applied;                    // greatest name applied (or about to be)

    bool has_file(const std::string& name) const { return input.files.count(name) != 0; }
    bool has_row(const std::string& name) const { return rows.count(name) != 0; }
};

bool checksum_changed(const StatusInput& input, const std::string& name) {
    auto recorded = input.recorded.find(name);
    return recorded != input.recorded.end() && recorded->second != input.files.at(name);
}

MigrationState row_state(Classifier& c, const std::string& row) {
    if (c.has_file(row)) {
        c.last_applied = std::max(c.last_applied, row);
        return checksum_changed(c.input, row) ? MigrationState::modified_after_apply
                                              : MigrationState::applied;
    }
    std::optional<std::string> renamed_to = c.input.ledger.final_name(row);
    if (renamed_to && *renamed_to != row) {
        if (c.has_row(*renamed_to)) return MigrationState::double_applied;
        if (c.has_file(*renamed_to)) {
            c.stands_for.insert(*renamed_to);
            c.last_applied = std::max(c.last_applied, *renamed_to);  // after `repair`
            return MigrationState::renamed;
        }
    }
    return MigrationState::orphaned;
}

Finding out_of_order_finding(const std::string& name, const std::string& last_applied) {
    Finding finding =
        make_finding(FindingCode::out_of_order_pending, Severity::warning, {name, last_applied});
    finding.message = name + " has not run on this database but sorts before " + last_applied +
                      ", which has: it will run after migrations that sort after it, an order "
                      "no other database ran them in";
    finding.advice = "make sure it does not depend on the order, or rename it after " +
                     last_applied + " and record the rename in the ledger";
    return finding;
}

Finding modified_finding(const std::string& name) {
    Finding finding = make_finding(FindingCode::modified_after_apply, Severity::error, {name});
    finding.message = name +
                      " changed after it ran on this database (its checksum differs): the "
                      "database never gets the change";
    finding.advice = "restore the file as it ran and put the change in a new migration";
    return finding;
}

Finding finding_for(const Classifier& c, const MigrationStatus& status) {
    switch (status.state) {
        case MigrationState::orphaned:
            return orphaned_finding(status.name);
        case MigrationState::out_of_order:
            return out_of_order_finding(status.name, c.last_applied);
        case MigrationState::modified_after_apply:
            return modified_finding(status.name);
        default:
            return double_applied_finding(status.name, *c.input.ledger.final_name(status.name));
    }
}

bool is_reported(MigrationState state) {
    return state != MigrationState::applied && state != MigrationState::pending &&
           state != MigrationState::renamed;
}

}  // namespace

StatusReport compute_status(const StatusInput& input) {
    Classifier c{input, {input.rows.begin(), input.rows.end()}, {}, {}};
    std::map<std::string, MigrationState> states;
    for (const std::string& row : c.rows) states[row] = row_state(c, row);
    for (const auto& [name, checksum] : input.files) {
        if (c.has_row(name) || c.stands_for.count(name)) continue;  // a renamed row stands for it
        states[name] =
            name < c.last_applied ? MigrationState::out_of_order : MigrationState::pending;
    }
    StatusReport report;
    for (const auto& [name, state] : states) {
        report.migrations.push_back({name, state});
        if (is_reported(state)) report.findings.push_back(finding_for(c, report.migrations.back()));
    }
    sort_findings(report.findings);
    return report;
}

std::string to_string(MigrationState state) {
    switch (state) {
        case MigrationState::applied:
            return "applied";
        case MigrationState::pending:
            return "pending";
        case MigrationState::orphaned:
            return "orphaned";
        case MigrationState::renamed:
            return "renamed";
        case MigrationState::out_of_order:
            return "out-of-order";
        case MigrationState::modified_after_apply:
            return "modified-after-apply";
        case MigrationState::double_applied:
            return "double-applied";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& out, MigrationState state) {
    return out << to_string(state);
}

std::ostream& operator<<(std::ostream& out, const MigrationStatus& status) {
    return out << status.name << ": " << to_string(status.state);
}

std::ostream& operator<<(std::ostream& out, const StatusReport& report) {
    out << "StatusReport{";
    for (const MigrationStatus& status : report.migrations) out << status << "; ";
    for (const Finding& finding : report.findings) out << finding << "; ";
    return out << "}";
}

}  // namespace migmerge::core
