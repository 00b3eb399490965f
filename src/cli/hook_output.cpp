#include "hook_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "check_output.hpp"
#include "findings_output.hpp"
#include "style.hpp"
#include "verify_output.hpp"

namespace migmerge::cli {
namespace {

void print_check(const Output& output, const app::HookCheck& check) {
    print_merge_report(output, report_of(MergeCommand::check, check.judgement));
    // Keeps a JSON or GitHub-annotation stdout parseable.
    std::ostream& note = output.format == Format::text ? output.out : output.err;
    fmt::print(note, "{} {}\n", paint(output.color, Tone::error, "migmerge: " + check.stop),
               check.next);
}

void print_new_head_errors(const Output& output, const std::vector<core::Finding>& findings) {
    if (findings.empty()) return;
    print_findings_text(output, findings, "");
    fmt::print(output.out,
               "migmerge: the new HEAD has migration errors; see `migmerge check --base REF`.\n");
}

void print_arrived(const Output& output, const std::vector<std::string>& arrived) {
    if (arrived.empty()) return;
    fmt::print(output.out, "migmerge: {} new migration(s) arrived:\n", arrived.size());
    for (const auto& name : arrived) fmt::print(output.out, "  {}\n", name);
    fmt::print(output.out,
               "Run `migmerge status` to see what your database lacks, then `migmerge "
               "migrate` to apply them (it repairs recorded renames first).\n");
}

}  // namespace

void print_hook_changes(const Output& output, const app::HookChanges& changes) {
    if (output.format == Format::json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& change : changes.changes)
            list.push_back({{"hook", change.hook}, {"action", change.action}});
        print_json(output, {{"command", "hook"}, {"hooksDir", changes.hooks_dir}, {"hooks", list}});
        return;
    }
    for (const auto& change : changes.changes)
        fmt::print(output.out, "{} {}/{}\n", change.action, changes.hooks_dir, change.hook);
    if (changes.changes.empty())
        fmt::print(output.out, "No migmerge hooks in {}\n", changes.hooks_dir);
}

void print_hook_report(const Output& output, const app::HookReport& report) {
    if (report.notice) fmt::print(output.err, "migmerge: {}\n", *report.notice);
    for (const auto& check : report.checks) print_check(output, check);
    print_new_head_errors(output, report.new_head_errors);
    for (const auto& verified : report.verified)
        print_verify_report(output, verified, report.migrations_folder);
    print_arrived(output, report.arrived);
}

int hook_exit_code(const app::HookReport& report) {
    if (report.blocks) return 1;
    for (const auto& verified : report.verified) {
        if (verify_exit_code(verified) != 0) return 1;
    }
    return 0;
}

}  // namespace migmerge::cli
