// `migmerge repair`: rewrites SequelizeMeta rows per the ledger, in one
// transaction, under the lock, audited.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "findings_output.hpp"
#include "invocation.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

struct RepairOptions {
    RunOptions run;
    bool prune_orphans = false;
};

nlohmann::json changes_json(const std::vector<core::RowChange>& changes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& change : changes) {
        nlohmann::json item = {{"from", change.old_name}};
        item["to"] = change.is_delete() ? nlohmann::json(nullptr) : nlohmann::json(change.new_name);
        list.push_back(item);
    }
    return list;
}

void print_text(const Output& output, const db::ConnectionTarget& target,
                const db::RepairReport& report, bool dry_run) {
    const auto& changes = report.plan.changes;
    for (const auto& warning : report.warnings) {
        output.err << "migmerge: warning: " << warning << "\n";
    }
    if (!output.quiet) {
        output.out << "Database " << target.display() << ", table " << target.qualified_table()
                   << (report.table_existed ? "" : " (absent: nothing to repair)") << "\n";
    }
    for (const auto& change : changes) {
        std::string verb = change.is_delete() ? "delete " : "rename ";
        output.out << "  " << paint(output.color, Tone::bold, verb) << change.old_name
                   << (change.is_delete() ? "" : " -> " + change.new_name) << "\n";
    }
    print_findings_text(output, report.plan.findings, "");
    std::string count = std::to_string(changes.size()) + (changes.size() == 1 ? " row" : " rows");
    if (changes.empty())
        output.out << "Nothing to repair. ";
    else if (dry_run)
        output.out << "Dry run: " << count << " would change; nothing was written. ";
    else
        output.out << count << " changed in one transaction"
                   << (report.warnings.empty() ? ", recorded in migmerge_audit. " : ". ");
    output.out << summary_line(report.plan.findings) << "\n";
}

int run_repair(const GlobalOptions& global, const RepairOptions& options, const Output& output) {
    Project project = open_project(global, options.run.db.node);
    run::RunContext context = run_context(project, options.run);
    const db::ConnectionTarget& target = context.target;
    db::RepairReport report = run::repair(context, options.prune_orphans);
    if (output.format == Format::json) {
        print_json(output, {{"command", "repair"},
                            {"dryRun", context.dry_run},
                            {"database", target.display()},
                            {"table", target.qualified_table()},
                            {"changes", changes_json(report.plan.changes)},
                            {"findings", to_json(report.plan.findings)}});
    } else if (output.format == Format::github) {
        print_findings_github(output.out, report.plan.findings, project.migrations_folder);
    } else {
        print_text(output, target, report, context.dry_run);
    }
    return core::has_errors(report.plan.findings) ? 1 : 0;
}

}  // namespace

void add_repair_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<RepairOptions>();
    CLI::App* command = app.add_subcommand(
        "repair", "Rewrite SequelizeMeta rows per the rename ledger (one transaction, locked)");
    add_run_options(*command, options->run, "Print the row changes; write nothing");
    command->add_flag("--prune-orphans", options->prune_orphans,
                      "Also delete rows whose migration file is gone");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_repair(global, *options, output);
    });
}

}  // namespace migmerge::cli
