// `migmerge status`: the migration files against SequelizeMeta.
#include <CLI/CLI.hpp>
#include <map>

#include "db_options.hpp"
#include "findings_output.hpp"
#include "invocation.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger_check.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

struct StatusOptions {
    DbOptions db;
    std::optional<std::string> ref;
};

// Only the folder at a ref comes from git; run reads everything else.
std::optional<core::MigrationSet> files_at_ref(const Project& project,
                                               const std::optional<std::string>& ref) {
    if (!ref) return std::nullopt;
    git::Repository repo = git::Repository::discover(project.dir);
    core::MigrationSet set = repo.read_commit(repo.resolve(*ref).commit, project.migrations_folder);
    if (!set.folder_exists)
        throw bad_input("no migrations folder at " + *ref, project.migrations_folder);
    core::read_ledger(set, *ref + ":" + project.migrations_folder + "/" + core::ledger_file_name);
    return set;
}

Tone tone_of(core::MigrationState state) {
    switch (state) {
        case core::MigrationState::applied:
            return Tone::good;
        case core::MigrationState::pending:
            return Tone::bold;
        case core::MigrationState::renamed:
            return Tone::warning;
        case core::MigrationState::orphaned:
            return Tone::warning;
        case core::MigrationState::out_of_order:
            return Tone::warning;
        default:
            return Tone::error;
    }
}

void print_text(const Output& output, const db::ConnectionTarget& target,
                const core::StatusReport& report) {
    if (!output.quiet) {
        output.out << "Database " << target.display() << ", table " << target.qualified_table()
                   << " (from " << target.source << ")\n";
    }
    std::map<std::string, int> counts;
    for (const auto& migration : report.migrations) {
        std::string state = to_string(migration.state);
        ++counts[state];
        if (output.quiet && migration.state == core::MigrationState::applied) continue;
        std::string label = state + std::string(state.size() < 21 ? 21 - state.size() : 1, ' ');
        output.out << "  " << paint(output.color, tone_of(migration.state), label) << migration.name
                   << "\n";
    }
    output.out << "\n";
    print_findings_text(output, report.findings, "migmerge repair");
    std::string totals;
    for (const auto& [state, count] : counts) {
        totals += (totals.empty() ? "" : ", ") + std::to_string(count) + " " + state;
    }
    output.out << (totals.empty() ? "No migrations." : totals + ".") << " "
               << summary_line(report.findings) << "\n";
}

void print_json_status(const Output& output, const db::ConnectionTarget& target,
                       const core::StatusReport& report) {
    nlohmann::json migrations = nlohmann::json::array();
    for (const auto& migration : report.migrations) {
        migrations.push_back({{"name", migration.name}, {"state", to_string(migration.state)}});
    }
    print_json(output, {{"command", "status"},
                        {"database", target.display()},
                        {"table", target.qualified_table()},
                        {"migrations", migrations},
                        {"findings", to_json(report.findings)}});
}

int run_status(const GlobalOptions& global, const StatusOptions& options, const Output& output) {
    Project project = open_project(global, options.db.node);
    run::RunContext context = run_context(project, {options.db});
    core::StatusReport report = run::status(context, files_at_ref(project, options.ref));
    if (output.format == Format::json)
        print_json_status(output, context.target, report);
    else if (output.format == Format::github)
        print_findings_github(output.out, report.findings, project.migrations_folder);
    else
        print_text(output, context.target, report);
    return core::has_errors(report.findings) ? 1 : 0;
}

}  // namespace

void add_status_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<StatusOptions>();
    CLI::App* command =
        app.add_subcommand("status", "Show the migration files against SequelizeMeta");
    add_db_options(*command, options->db);
    command->add_option("--ref", options->ref, "Read the files at REF instead of the work tree")
        ->type_name("REF");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_status(global, *options, output);
    });
}

}  // namespace migmerge::cli
