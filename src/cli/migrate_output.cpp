#include "migrate_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>

#include "findings_output.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

// sequelize-cli names a migration without its extension in its progress lines.
std::string without_extension(const std::string& name) {
    auto dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

const char* event_word(run::MigrationEvent::Kind kind, RunDirection direction) {
    bool up = direction == RunDirection::up;
    switch (kind) {
        case run::MigrationEvent::Kind::started:
            return up ? "migrating" : "reverting";
        case run::MigrationEvent::Kind::finished:
            return up ? "migrated" : "reverted";
        case run::MigrationEvent::Kind::failed:
            return "failed";
    }
    return "";
}

void print_text_event(const Output& output, const run::MigrationEvent& event,
                      RunDirection direction) {
    std::string line =
        fmt::format("== {}: {}", without_extension(event.name), event_word(event.kind, direction));
    switch (event.kind) {
        case run::MigrationEvent::Kind::started:
            line += " =======";
            break;
        case run::MigrationEvent::Kind::finished:
            line += fmt::format(" ({:.3f}s)", event.seconds);
            break;
        case run::MigrationEvent::Kind::failed:
            line += ": " + event.error;
            break;
    }
    Tone tone = event.kind == run::MigrationEvent::Kind::failed ? Tone::error : Tone::plain;
    bool done = event.kind != run::MigrationEvent::Kind::started;  // a blank line after each
    fmt::print(output.out, "{}\n{}", paint(output.color, tone, line), done ? "\n" : "");
    output.out.flush();
}

void print_json_event(const Output& output, const run::MigrationEvent& event,
                      RunDirection direction) {
    nlohmann::json line = {{"event", event_word(event.kind, direction)}, {"name", event.name}};
    if (event.kind != run::MigrationEvent::Kind::started) line["seconds"] = event.seconds;
    if (!event.error.empty()) line["error"] = event.error;
    write_json(output, line);
    output.out.flush();
}

nlohmann::json summary_json(const std::string& command, const run::RunReport& report,
                            bool dry_run) {
    nlohmann::json renamed = nlohmann::json::array();
    for (const auto& change : report.repair.changes) {
        renamed.push_back({{"from", change.old_name}, {"to", change.new_name}});
    }
    nlohmann::json json = {{"version", 1},
                           {"command", command},
                           {"dryRun", dry_run},
                           {"repaired", renamed},
                           {"planned", report.planned},
                           {"done", report.done},
                           {"refused", report.refused},
                           {"findings", to_json(report.findings)},
                           {"warnings", report.warnings}};
    if (report.failed) json["failed"] = {{"name", *report.failed}, {"error", report.failure}};
    return json;
}

void print_text_summary(const Output& output, const std::string& command,
                        const run::RunReport& report, bool dry_run) {
    std::ostream& out = output.out;
    for (const auto& warning : report.warnings) {
        fmt::print(output.err, "migmerge: warning: {}\n", warning);
    }
    for (const auto& change : report.repair.changes) {
        fmt::print(out, "repaired SequelizeMeta: {} -> {}\n", change.old_name, change.new_name);
    }
    print_findings_text(output, report.findings, "");
    bool migrate = command == "migrate";
    if (report.refused) {
        fmt::print(out, "{} fix the errors above first (nothing was run).\n",
                   paint(output.color, Tone::error, "Refused to " + command + ":"));
    } else if (report.failed) {
        fmt::print(out, "{} after {} done; the next run resumes there.\n",
                   paint(output.color, Tone::error, "Failed at " + *report.failed),
                   report.done.size());
    } else if (dry_run) {
        fmt::print(out, "Dry run: {} would run:\n", report.planned.size());
        for (const auto& name : report.planned) fmt::print(out, "  {}\n", name);
    } else if (report.done.empty()) {
        fmt::print(out, "{}\n",
                   migrate ? "No migrations were executed, database schema was already up to date."
                           : "No executed migrations found.");
    } else {
        fmt::print(out, "{} {}.\n", report.done.size(), migrate ? "migrated" : "reverted");
    }
}

}  // namespace

void print_run_target(const Output& output, const run::RunContext& context) {
    if (!output.verbose || output.format != Format::text) return;
    fmt::print(output.out, "Database {}, table {} (from {}); migrations in {}\n",
               context.target.display(), context.target.qualified_table(), context.target.source,
               context.migrations_dir);
}

run::ProgressSink progress_printer(const Output& output, RunDirection direction) {
    return [output, direction](const run::MigrationEvent& event) {
        if (output.format == Format::json)
            print_json_event(output, event, direction);
        else if (output.format == Format::text && !output.quiet)
            print_text_event(output, event, direction);
    };
}

void print_run_summary(const Output& output, const std::string& command,
                       const run::RunReport& report, bool dry_run, const std::string& folder) {
    if (output.format == Format::json) {
        write_json(output, summary_json(command, report, dry_run));
    } else if (output.format == Format::github) {
        print_findings_github(output.out, report.findings, folder);
        if (report.failed) {
            print_github_annotation(output.out, core::Severity::error,
                                    annotated_path(folder, *report.failed), "migmerge",
                                    *report.failed + ": " + report.failure);
        }
    } else {
        print_text_summary(output, command, report, dry_run);
    }
}

app::RunObserver run_printer(const Output& output, RunDirection direction) {
    return {[&output](const run::RunContext& context) { print_run_target(output, context); },
            progress_printer(output, direction)};
}

void print_run_summary(const Output& output, const std::string& command,
                       const app::RunResult& result) {
    print_run_summary(output, command, result.report, result.dry_run, result.migrations_folder);
}

int run_exit_code(const run::RunReport& report) {
    return report.refused || report.failed ? 1 : 0;
}

}  // namespace migmerge::cli
