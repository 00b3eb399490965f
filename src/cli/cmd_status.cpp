// `migmerge status`: the migration files against SequelizeMeta.
#include <CLI/CLI.hpp>
#include <map>

#include "clock.hpp"
#include "db_options.hpp"
#include "findings_output.hpp"
#include "invocation.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/in_parallel.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/local_folder.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

struct StatusOptions {
    DbOptions db;
    std::optional<std::string> ref;
};

// A committed folder has no sha256 at hand: its checksums stay unknown, so
// modified-after-apply is judged only against the work tree.
core::MigrationSet files_at_ref(const Project& project, const std::string& ref) {
    git::Repository repo = git::Repository::discover(project.dir);
    core::MigrationSet set = repo.read_commit(repo.resolve(ref).commit, project.migrations_folder);
    if (!set.folder_exists)
        throw bad_input("no migrations folder at " + ref, project.migrations_folder);
    return set;
}

core::MigrationSet read_files(const Project& project, const StatusOptions& options,
                              std::map<std::string, std::string>& checksums) {
    if (options.ref) {
        core::MigrationSet set = files_at_ref(project, *options.ref);
        for (const auto& [name, id] : set.files) {
            if (core::sequelize_would_run(name)) checksums[name] = "";
        }
        return set;
    }
    run::LocalFolder folder = run::read_local_folder(project.migrations_dir);
    checksums = run::migration_checksums(folder);
    return run::to_migration_set(folder);
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

// Reading and hashing the files overlaps connecting and reading the table: a
// connection is mostly waiting on the server.
int run_status(const GlobalOptions& global, const StatusOptions& options, const Output& output) {
    Project project = open_project(global);
    core::StatusInput input;
    db::ConnectionTarget target;
    auto [files, snapshot] =
        core::in_parallel([&] { return read_files(project, options, input.files); },
                          [&] {
                              target = connection_target(project, options.db);
                              return db::MetaStore(target).snapshot();
                          });
    input.ledger = core::Ledger::parse(files.ledger_text,
                                       project.migrations_folder + "/" + core::ledger_file_name);
    input.rows = std::move(snapshot.names);
    for (const auto& [name, record] : snapshot.records) input.recorded[name] = record.checksum;
    core::StatusReport report = core::compute_status(input);
    for (auto& finding : core::analyze_folder(files, utc_now())) report.findings.push_back(finding);
    if (output.format == Format::json)
        print_json_status(output, target, report);
    else if (output.format == Format::github)
        print_findings_github(output.out, report.findings, project.migrations_folder);
    else
        print_text(output, target, report);
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
    command->callback([&invocation, options] {
        invocation.action = [&invocation, options](const Output& output) {
            return run_status(invocation.global, *options, output);
        };
    });
}

}  // namespace migmerge::cli
