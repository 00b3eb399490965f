#include "check_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

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
    fmt::print(
        output.out, "{} ({}) into {} ({}), merge base {}; {}.\n",
        paint(output.color, Tone::bold, "head " + context.head.spec), short_id(context.head.commit),
        paint(output.color, Tone::bold, "base " + context.base.spec), short_id(context.base.commit),
        short_id(context.merge_base), judged_sentence(context.judged));
    fmt::print(
        output.out, "{}\n",
        paint(output.color, Tone::dim,
              "Deployed side: base " + context.base.spec + " (" + context.deployed_reason + ")."));
    if (output.verbose) {
        // -v: where the judged names came from, for when a result surprises.
        fmt::print(output.out, "migrations folder {}, {} files in the result, {} ledger entries\n",
                   context.folder, context.input.sets.result.files.size(),
                   context.input.ledger.entries().size());
    }
    fmt::print(output.out, "\n");
}

void print_renames(const Output& output, const MergeReport& report) {
    const auto& renames = report.plan.renames;
    if (renames.empty()) return;
    bool applied = report.command == MergeCommand::fix && !report.dry_run;
    fmt::print(output.out, "{}\n",
               applied ? "Renamed:" : "Renames that resolve the fixable findings:");
    for (const auto& rename : renames) {
        fmt::print(output.out, "  {}\n    -> {}{}\n", rename.from,
                   paint(output.color, Tone::good, rename.to),
                   paint(output.color, Tone::dim, "  (" + rename.reason + ")"));
    }
    fmt::print(output.out, "\n");
}

std::string closing_advice(const MergeReport& report) {
    bool fixable = !report.plan.renames.empty();
    switch (report.command) {
        case MergeCommand::check:
            return fixable ? fmt::format(
                                 "Run `{}` to apply the renames (`migmerge plan` shows "
                                 "them first).",
                                 fix_command_for(report.context))
                           : "";
        case MergeCommand::plan:
            return fixable ? fmt::format("Nothing was changed; `{}` applies this plan.",
                                         fix_command_for(report.context))
                           : "Nothing to rename.";
        case MergeCommand::fix:
            if (report.dry_run) return "Dry run: nothing was changed.";
            return fixable ? "Staged in the index with the ledger; commit them, then run "
                             "`migmerge repair` (or `migmerge migrate`) on every deployed database."
                           : "Nothing to rename.";
    }
    return "";
}

// check and plan change nothing, so every finding stands (plan says the same
// as check, and exits the same); fix stands by what its renames leave.
const std::vector<core::Finding>& standing_findings(const MergeReport& report) {
    return report.command == MergeCommand::fix ? report.plan.unfixable : report.findings;
}

// Problems the deployed side already lives with: said once, with -v, never counted.
void print_preexisting(const Output& output, const MergeReport& report) {
    if (!output.verbose || report.preexisting.empty()) return;
    fmt::print(output.out, "Pre-existing, already on the deployed side (notes; not counted):\n");
    print_notes_text(output, report.preexisting);
    fmt::print(output.out, "\n");
}

std::string accepted_sentence(const MergeReport& report) {
    if (report.accepted == 0) return "";
    return fmt::format(" {} accepted in {}.", report.accepted, core::accepted_file_name);
}

std::string preexisting_sentence(const Output& output, const MergeReport& report) {
    if (report.preexisting.empty() || output.verbose) return "";
    return fmt::format(" {} pre-existing note{} (-v shows them).", report.preexisting.size(),
                       report.preexisting.size() == 1 ? "" : "s");
}

void print_text(const Output& output, const MergeReport& report) {
    if (!output.quiet) {
        print_header(output, report.context);
        print_timeline(output, report.context, timeline_rows(report.context, report.findings));
    }
    bool check = report.command == MergeCommand::check;
    // plan lists the renames for the fixable findings, and the rest as findings.
    const auto& shown = check ? report.findings : report.plan.unfixable;
    print_findings_text(output, shown, check ? fix_command_for(report.context) : "");
    if (!shown.empty()) fmt::print(output.out, "\n");
    print_preexisting(output, report);
    print_renames(output, report);
    std::string advice = closing_advice(report);
    fmt::print(output.out, "{}{}{}{}{}\n", summary_line(standing_findings(report)),
               accepted_sentence(report), preexisting_sentence(output, report),
               advice.empty() ? "" : " ", advice);
}

nlohmann::json ref_json(const git::ResolvedRef& ref) {
    return {{"ref", ref.spec}, {"commit", ref.commit}};
}

void print_json_report(const Output& output, const MergeReport& report) {
    const MergeContext& context = report.context;
    nlohmann::json document = {
        {"command", name_of(report.command)},
        {"base", ref_json(context.base)},
        {"head", ref_json(context.head)},
        {"mergeBase", context.merge_base},
        {"judged", to_string(context.judged)},
        {"deployed",
         {{"side", "base"}, {"ref", context.base.spec}, {"reason", context.deployed_reason}}},
        {"migrationsPath", context.folder},
        {"findings", to_json(report.findings)},
        {"renames", to_json(report.plan.renames)},
        {"unfixable", to_json(report.plan.unfixable)},
        {"preexisting", to_json(report.preexisting)},
        {"accepted", report.accepted}};
    if (report.command == MergeCommand::fix) document["dryRun"] = report.dry_run;
    print_json(output, document);
}

}  // namespace

MergeReport report_of(MergeCommand command, const app::Judgement& judgement, bool dry_run) {
    return {command, judgement.context,     judgement.findings,       judgement.plan,
            dry_run, judgement.preexisting, judgement.accepted.size()};
}

std::string fix_command_for(const MergeContext& context) {
    std::string command = "migmerge fix";
    // Two refs only when they were compared; a merge in progress (or made) names its own.
    if (context.judged == Judged::union_of_sides) {
        command += " --base " + context.base.spec;
        if (context.head.spec != "HEAD") command += " --head " + context.head.spec;
    }
    // The default side is head; fix would otherwise plan other renames than the ones shown.
    if (context.input.rename_side == core::RenameSide::base) command += " --rename-side base";
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
