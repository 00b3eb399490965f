#include "repair_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "findings_output.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

nlohmann::json changes_json(const std::vector<core::RowChange>& changes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& change : changes) {
        nlohmann::json item = {{"from", change.old_name}};
        item["to"] = change.is_delete() ? nlohmann::json(nullptr) : nlohmann::json(change.new_name);
        list.push_back(item);
    }
    return list;
}

std::string outcome(const db::RepairReport& report, bool dry_run) {
    const std::size_t changed = report.plan.changes.size();
    const std::string rows = fmt::format("{} {}", changed, changed == 1 ? "row" : "rows");
    if (changed == 0) return "Nothing to repair. ";
    if (dry_run) return fmt::format("Dry run: {} would change; nothing was written. ", rows);
    return fmt::format("{} changed in one transaction{}", rows,
                       report.warnings.empty() ? ", recorded in migmerge_audit. " : ". ");
}

void print_text(const Output& output, const app::RepairResult& result) {
    const db::RepairReport& report = result.report;
    for (const auto& warning : report.warnings) {
        fmt::print(output.err, "migmerge: warning: {}\n", warning);
    }
    if (!output.quiet) {
        fmt::print(output.out, "Database {}, table {}{}\n", result.target.display(),
                   result.target.qualified_table(),
                   report.table_existed ? "" : " (absent: nothing to repair)");
    }
    for (const auto& change : report.plan.changes) {
        const char* verb = change.is_delete() ? "delete " : "rename ";
        fmt::print(output.out, "  {}{}{}\n", paint(output.color, Tone::bold, verb), change.old_name,
                   change.is_delete() ? "" : " -> " + change.new_name);
    }
    print_findings_text(output, report.plan.findings, "");
    fmt::print(output.out, "{}{}\n", outcome(report, result.dry_run),
               summary_line(report.plan.findings));
}

}  // namespace

void print_repair(const Output& output, const app::RepairResult& result) {
    const db::RepairReport& report = result.report;
    if (output.format == Format::json) {
        print_json(output, {{"command", "repair"},
                            {"dryRun", result.dry_run},
                            {"database", result.target.display()},
                            {"table", result.target.qualified_table()},
                            {"changes", changes_json(report.plan.changes)},
                            {"findings", to_json(report.plan.findings)}});
    } else if (output.format == Format::github) {
        print_findings_github(output.out, report.plan.findings, result.migrations_folder);
    } else {
        print_text(output, result);
    }
}

int repair_exit_code(const app::RepairResult& result) {
    return core::has_errors(result.report.plan.findings) ? 1 : 0;
}

}  // namespace migmerge::cli
