#include "status_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>

#include "findings_output.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

Tone tone_of(core::MigrationState state) {
    switch (state) {
        case core::MigrationState::applied:
            return Tone::good;
        case core::MigrationState::pending:
            return Tone::bold;
        case core::MigrationState::renamed:
        case core::MigrationState::orphaned:
        case core::MigrationState::out_of_order:
            return Tone::warning;
        default:
            return Tone::error;
    }
}

// "3 applied, 1 pending." (states in name order), or "No migrations."
std::string totals_of(const std::map<std::string, int>& counts) {
    std::string totals;
    for (const auto& [state, count] : counts) {
        totals += fmt::format("{}{} {}", totals.empty() ? "" : ", ", count, state);
    }
    return totals.empty() ? "No migrations." : totals + ".";
}

void print_text(const Output& output, const app::StatusResult& result) {
    const core::StatusReport& report = result.report;
    if (!output.quiet) {
        fmt::print(output.out, "Database {}, table {} (from {})\n", result.target.display(),
                   result.target.qualified_table(), result.target.source);
    }
    std::map<std::string, int> counts;
    for (const auto& migration : report.migrations) {
        const std::string state = to_string(migration.state);
        ++counts[state];
        if (output.quiet && migration.state == core::MigrationState::applied) continue;
        fmt::print(output.out, "  {}{}\n",
                   paint(output.color, tone_of(migration.state), fmt::format("{:<21}", state)),
                   migration.name);
    }
    fmt::print(output.out, "\n");
    print_findings_text(output, report.findings, "migmerge repair");
    fmt::print(output.out, "{} {}\n", totals_of(counts), summary_line(report.findings));
}

void print_json_status(const Output& output, const app::StatusResult& result) {
    nlohmann::json migrations = nlohmann::json::array();
    for (const auto& migration : result.report.migrations) {
        migrations.push_back({{"name", migration.name}, {"state", to_string(migration.state)}});
    }
    print_json(output, {{"command", "status"},
                        {"database", result.target.display()},
                        {"table", result.target.qualified_table()},
                        {"migrations", migrations},
                        {"findings", to_json(result.report.findings)}});
}

}  // namespace

void print_status(const Output& output, const app::StatusResult& result) {
    if (output.format == Format::json)
        print_json_status(output, result);
    else if (output.format == Format::github)
        print_findings_github(output.out, result.report.findings, result.migrations_folder);
    else
        print_text(output, result);
}

int status_exit_code(const app::StatusResult& result) {
    return core::has_errors(result.report.findings) ? 1 : 0;
}

}  // namespace migmerge::cli
