#include "run_output.hpp"

#include <cstdio>
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

std::string seconds_text(double seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3fs", seconds);
    return buffer;
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
        "== " + without_extension(event.name) + ": " + event_word(event.kind, direction);
    switch (event.kind) {
        case run::MigrationEvent::Kind::started:
            line += " =======";
            break;
        case run::MigrationEvent::Kind::finished:
            line += " (" + seconds_text(event.seconds) + ")";
            break;
        case run::MigrationEvent::Kind::failed:
            line += ": " + event.error;
            break;
    }
    Tone tone = event.kind == run::MigrationEvent::Kind::failed ? Tone::error : Tone::plain;
    output.out << paint(output.color, tone, line) << "\n";
    if (event.kind != run::MigrationEvent::Kind::started) output.out << "\n";
    output.out.flush();
}

void print_json_event(const Output& output, const run::MigrationEvent& event,
                      RunDirection direction) {
    nlohmann::json line = {{"event", event_word(event.kind, direction)}, {"name", event.name}};
    if (event.kind != run::MigrationEvent::Kind::started) line["seconds"] = event.seconds;
    if (!event.error.empty()) line["error"] = event.error;
    output.out << line.dump() << "\n";
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
                           {"findings", to_json(report.findings)}};
    if (report.failed) json["failed"] = {{"name", *report.failed}, {"error", report.failure}};
    return json;
}

void print_text_summary(const Output& output, const std::string& command,
                        const run::RunReport& report, bool dry_run) {
    for (const auto& change : report.repair.changes) {
        output.out << "repaired SequelizeMeta: " << change.old_name << " -> " << change.new_name
                   << "\n";
    }
    print_findings_text(output, report.findings, "");
    if (report.refused) {
        output.out << paint(output.color, Tone::error, "Refused to " + command + ":")
                   << " fix the errors above first (nothing was run).\n";
    } else if (report.failed) {
        output.out << paint(output.color, Tone::error, "Failed at " + *report.failed) << " after "
                   << report.done.size() << " done; the next run resumes there.\n";
    } else if (dry_run) {
        output.out << "Dry run: " << report.planned.size() << " would run:\n";
        for (const auto& name : report.planned) output.out << "  " << name << "\n";
    } else if (report.done.empty()) {
        output.out << (command == "migrate" ? "No migrations were executed, database schema was "
                                              "already up to date.\n"
                                            : "No executed migrations found.\n");
    } else {
        output.out << report.done.size()
                   << (command == "migrate" ? " migrated.\n" : " reverted.\n");
    }
}

}  // namespace

void print_run_target(const Output& output, const run::RunContext& context) {
    if (!output.verbose || output.format != Format::text) return;
    output.out << "Database " << context.target.display() << ", table "
               << context.target.qualified_table() << " (from " << context.target.source
               << "); migrations in " << context.migrations_dir << "\n";
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
                       const run::RunReport& report, bool dry_run) {
    if (output.format == Format::json) {
        output.out << summary_json(command, report, dry_run).dump() << "\n";
    } else if (output.format == Format::github) {
        print_findings_github(output.out, report.findings, "");
        if (report.failed)
            output.out << "::error title=migmerge::" << *report.failed << ": " << report.failure
                       << "\n";
    } else {
        print_text_summary(output, command, report, dry_run);
    }
}

int run_exit_code(const run::RunReport& report) {
    return report.refused || report.failed ? 1 : 0;
}

}  // namespace migmerge::cli
