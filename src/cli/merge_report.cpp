#include "merge_report.hpp"

#include "findings_output.hpp"
#include "style.hpp"
#include "timeline.hpp"

namespace migmerge::cli {
namespace {

const char* name_of(MergeCommand command) {
    switch (command) {
        case MergeCommand::check:
            return "check";
        case MergeCommand::plan:
            return "plan";
        case MergeCommand::fix:
            return "fix";
    }
    return "";
}

std::string short_id(const std::string& commit) {
    return commit.substr(0, 10);
}

std::string judged_sentence(Judged judged) {
    switch (judged) {
        case Judged::union_of_sides:
            return "judging the union of both sides";
        case Judged::index:
            return "judging the merge result in the index";
        case Judged::head_tree:
            return "judging HEAD's tree";
    }
    return "";
}

void print_header(const Output& output, const MergeContext& context) {
    output.out << paint(output.color, Tone::bold, "head " + context.head.spec) << " ("
               << short_id(context.head.commit) << ") into "
               << paint(output.color, Tone::bold, "base " + context.base.spec) << " ("
               << short_id(context.base.commit) << "), merge base " << short_id(context.merge_base)
               << "; " << judged_sentence(context.judged) << ".\n";
    if (output.verbose) {
        // -v: where the judged names came from, for when a result surprises.
        output.out << "migrations folder " << context.folder << ", "
                   << context.input.sets.result.files.size() << " files in the result, "
                   << context.input.ledger.entries().size() << " ledger entries\n";
    }
    output.out << "\n";
}

void print_renames(const Output& output, const MergeReport& report) {
    const auto& renames = report.plan.renames;
    if (renames.empty()) return;
    bool applied = report.command == MergeCommand::fix && !report.dry_run;
    output.out << (applied ? "Renamed:" : "Renames that resolve the fixable findings:") << "\n";
    for (const auto& rename : renames) {
        output.out << "  " << rename.from << "\n    -> "
                   << paint(output.color, Tone::good, rename.to)
                   << paint(output.color, Tone::dim, "  (" + rename.reason + ")") << "\n";
    }
    output.out << "\n";
}

std::string closing_advice(const MergeReport& report) {
    bool fixable = !report.plan.renames.empty();
    switch (report.command) {
        case MergeCommand::check:
            return fixable ? "Run `" + fix_command_for(report.context) +
                                 "` to apply "
                                 "the renames (`migmerge plan` shows them first)."
                           : "";
        case MergeCommand::plan:
            return fixable ? "Nothing was changed; `" + fix_command_for(report.context) +
                                 "` applies this plan."
                           : "Nothing to rename.";
        case MergeCommand::fix:
            if (report.dry_run) return "Dry run: nothing was changed.";
            return fixable ? "Staged in the index with the ledger; commit them, then run "
                             "`migmerge repair` (or `migmerge migrate`) on every deployed database."
                           : "Nothing to rename.";
    }
    return "";
}

// check stands by every finding; plan and fix by what their renames leave standing.
const std::vector<core::Finding>& standing_findings(const MergeReport& report) {
    return report.command == MergeCommand::check ? report.findings : report.plan.unfixable;
}

void print_text(const Output& output, const MergeReport& report) {
    if (!output.quiet) {
        print_header(output, report.context);
        print_timeline(output, report.context, timeline_rows(report.context, report.findings));
    }
    bool check = report.command == MergeCommand::check;
    const auto& shown = standing_findings(report);
    print_findings_text(output, shown, check ? fix_command_for(report.context) : "");
    if (!shown.empty()) output.out << "\n";
    print_renames(output, report);
    output.out << summary_line(shown);
    if (std::string advice = closing_advice(report); !advice.empty()) output.out << " " << advice;
    output.out << "\n";
}

nlohmann::json ref_json(const git::ResolvedRef& ref) {
    return {{"ref", ref.spec}, {"commit", ref.commit}};
}

void print_json_report(const Output& output, const MergeReport& report) {
    const MergeContext& context = report.context;
    nlohmann::json document = {{"command", name_of(report.command)},
                               {"base", ref_json(context.base)},
                               {"head", ref_json(context.head)},
                               {"mergeBase", context.merge_base},
                               {"judged", to_string(context.judged)},
                               {"migrationsPath", context.folder},
                               {"findings", to_json(report.findings)},
                               {"renames", to_json(report.plan.renames)},
                               {"unfixable", to_json(report.plan.unfixable)}};
    if (report.command == MergeCommand::fix) document["dryRun"] = report.dry_run;
    print_json(output, document);
}

}  // namespace

std::string fix_command_for(const MergeContext& context) {
    if (context.judged != Judged::union_of_sides) return "migmerge fix";
    std::string command = "migmerge fix --base " + context.base.spec;
    if (context.head.spec != "HEAD") command += " --head " + context.head.spec;
    return command;
}

int merge_exit_code(const MergeReport& report) {
    return core::has_errors(standing_findings(report)) ? 1 : 0;
}

void print_merge_report(const Output& output, const MergeReport& report) {
    switch (output.format) {
        case Format::text:
            print_text(output, report);
            break;
        case Format::json:
            print_json_report(output, report);
            break;
        case Format::github:
            print_findings_github(output.out, report.findings, report.context.folder);
            break;
    }
}

}  // namespace migmerge::cli
