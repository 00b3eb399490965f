#include "migmerge/core/selection.hpp"

#include <algorithm>
#include <set>

#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_set.hpp"

namespace migmerge::core {
namespace {

std::vector<std::string> reversed(std::vector<std::string> names) {
    std::reverse(names.begin(), names.end());
    return names;
}

// The row `name` means: itself, or (as sequelize-cli accepts it) the name
// without its extension. Not umzug's prefix match, which would undo
// 20240101000000-a.js for "2024".
std::string applied_row(const std::vector<std::string>& rows, const std::string& name) {
    if (std::find(rows.begin(), rows.end(), name) != rows.end()) return name;
    for (const char* extension : {".js", ".cjs", ".mjs", ".ts", ".cts"}) {
        if (std::find(rows.begin(), rows.end(), name + extension) != rows.end())
            return name + extension;
    }
    throw bad_input("cannot undo '" + name + "'", "it is not applied");
}

}  // namespace

std::vector<LocalMigration> pending_migrations(const LocalFolder& folder,
                                               const std::vector<std::string>& rows,
                                               const std::optional<std::string>& to) {
    if (to && !folder.find(*to)) {
        throw bad_input("unknown migration '" + *to + "'", "no such file in " + folder.dir);
    }
    const std::set<std::string> applied(rows.begin(), rows.end());
    std::vector<LocalMigration> pending;
    for (const LocalMigration& migration : folder.migrations) {
        if (to && migration.name > *to) break;
        if (!applied.count(migration.name)) pending.push_back(migration);
    }
    return pending;
}

std::vector<std::string> rows_after_repair(std::vector<std::string> rows, const RepairPlan& plan) {
    for (const RowChange& change : plan.changes) {
        auto row = std::find(rows.begin(), rows.end(), change.old_name);
        if (row == rows.end()) continue;
        if (change.is_delete()) {
            rows.erase(row);
        } else {
            *row = change.new_name;
        }
    }
    return rows;
}

std::vector<std::string> undo_targets(const std::vector<std::string>& rows,
                                      const UndoOptions& options) {
    using Mode = UndoOptions::Mode;
    switch (options.mode) {
        case Mode::last:
            return rows.empty() ? std::vector<std::string>{} : std::vector{rows.back()};
        case Mode::name:
            return {applied_row(rows, options.name)};
        case Mode::all:
            return reversed(rows);
        case Mode::to: {
            auto first = std::find(rows.begin(), rows.end(), applied_row(rows, options.name));
            return reversed(std::vector<std::string>(first, rows.end()));
        }
    }
    return {};
}

std::vector<LocalMigration> files_for(const LocalFolder& folder,
                                      const std::vector<std::string>& names) {
    std::vector<LocalMigration> files;
    for (const std::string& name : names) {
        const LocalMigration* file = folder.find(name);
        if (!file) {
            throw bad_input("cannot undo '" + name + "'", "its file is not in " + folder.dir,
                            "if it was renamed, record the rename in " + folder.dir + "/" +
                                ledger_file_name + " and run `migmerge repair`");
        }
        files.push_back(*file);
    }
    return files;
}

std::vector<Finding> run_blockers(std::vector<Finding> findings,
                                  const std::vector<std::string>& rows) {
    const std::set<std::string> applied(rows.begin(), rows.end());
    for (Finding& finding : findings) {
        bool all_applied = !finding.files.empty();
        for (const std::string& file : finding.files) all_applied &= applied.count(file) != 0;
        if (finding.severity != Severity::error || !all_applied) continue;
        finding.severity = Severity::warning;
        finding.message += " (already applied here: not a reason to refuse)";
    }
    return findings;
}

std::vector<Finding> out_of_order_findings(const StatusReport& status, OutOfOrderPolicy policy) {
    std::vector<Finding> findings;
    if (policy == OutOfOrderPolicy::allow) return findings;
    for (Finding finding : status.findings) {
        if (finding.code != FindingCode::out_of_order_pending) continue;
        finding.severity = policy == OutOfOrderPolicy::error ? Severity::error : Severity::warning;
        findings.push_back(std::move(finding));
    }
    return findings;
}

bool work_remains(const LocalFolder& folder, const Ledger& ledger,
                  const std::vector<std::string>& rows, const std::optional<std::string>& to) {
    std::vector<std::string> files;
    files.reserve(folder.migrations.size());
    for (const LocalMigration& migration : folder.migrations) files.push_back(migration.name);
    return !plan_repair({rows, ledger, std::move(files), false}).changes.empty() ||
           !pending_migrations(folder, rows, to).empty();
}

bool migrate_has_work(const LocalFolder& folder, const Ledger& ledger, const MetaRows& rows,
                      const std::optional<std::string>& to) {
    if (!rows.table_exists || work_remains(folder, ledger, rows.names, to)) return true;
    for (const std::string& name : rows.names) {
        const bool recorded = std::binary_search(rows.recorded.begin(), rows.recorded.end(), name);
        if (!recorded && folder.find(name)) return true;
    }
    return false;
}

}  // namespace migmerge::core
