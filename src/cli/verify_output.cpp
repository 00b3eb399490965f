#include "verify_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "findings_output.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

using Kind = run::VerifyEvent::Kind;

std::vector<core::Finding> all_findings(const run::VerifyReport& report) {
    std::vector<core::Finding> findings;
    for (const auto& check : report.checks) {
        findings.insert(findings.end(), check.findings.begin(), check.findings.end());
    }
    core::sort_findings(findings);
    return findings;
}

void print_text_event(const Output& output, const run::VerifyEvent& event) {
    if (event.kind == Kind::started) return;
    const bool failed = event.kind == Kind::failed;
    std::string line = fmt::format("  {:<12} {} ", event.check, event.migration);
    line += failed ? "failed: " + event.error : fmt::format("({:.3f}s)", event.seconds);
    fmt::print(output.out, "{}\n", paint(output.color, failed ? Tone::warning : Tone::plain, line));
    output.out.flush();
}

void print_json_event(const Output& output, const run::VerifyEvent& event) {
    const char* kind = event.kind == Kind::started    ? "started"
                       : event.kind == Kind::finished ? "finished"
                                                      : "failed";
    nlohmann::json line = {{"event", kind}, {"check", event.check}, {"name", event.migration}};
    if (event.kind != Kind::started) line["seconds"] = event.seconds;
    if (!event.error.empty()) line["error"] = event.error;
    write_json(output, line);
    output.out.flush();
}

Tone verdict_tone(const std::string& verdict) {
    if (verdict == "proven") return Tone::good;
    if (verdict == "failed") return Tone::error;
    return Tone::warning;
}

std::string detail_of(const run::CheckResult& result, const std::string& verdict) {
    if (verdict == "proven") return result.proven;
    if (verdict == "skipped") return result.skipped_because;
    return summary_line(result.findings);
}

void print_text_report(const Output& output, const run::VerifyReport& report) {
    fmt::print(output.out, "\nVerified {} migrations on {} in {:.1f}s\n\n", report.migrations,
               report.server, report.seconds);
    for (const auto& check : report.checks) {
        const std::string verdict = verdict_of(check);
        const std::string time = check.skipped ? "-" : fmt::format("{:.1f}s", check.seconds);
        fmt::print(output.out, "  {:<11} {} {:>7}  {}\n", to_string(check.check),
                   paint(output.color, verdict_tone(verdict), fmt::format("{:<8}", verdict)), time,
                   detail_of(check, verdict));
    }
    const std::vector<core::Finding> findings = all_findings(report);
    if (!findings.empty()) fmt::print(output.out, "\n");
    print_findings_text(output, findings, "");
    fmt::print(output.out, "{}\n", summary_line(findings));
}

nlohmann::json report_json(const run::VerifyReport& report) {
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& check : report.checks) {
        nlohmann::json entry = {{"check", to_string(check.check)},
                                {"verdict", verdict_of(check)},
                                {"seconds", check.seconds},
                                {"findings", to_json(check.findings)}};
        if (verdict_of(check) == "proven") entry["proven"] = check.proven;
        if (check.skipped || !check.skipped_because.empty())
            entry["skipped"] = check.skipped_because;
        checks.push_back(entry);
    }
    return {{"version", 1},
            {"command", "verify"},
            {"server", report.server},
            {"databases", report.databases},
            {"migrations", report.migrations},
            {"seconds", report.seconds},
            {"checks", checks},
            {"findings", to_json(all_findings(report))}};
}

}  // namespace

run::VerifySink verify_progress_printer(const Output& output) {
    const bool lines = output.verbose || isatty(STDOUT_FILENO) == 1;
    return [output, lines](const run::VerifyEvent& event) {
        if (output.format == Format::json) {
            print_json_event(output, event);
        } else if (output.format == Format::text && !output.quiet && lines) {
            print_text_event(output, event);
        }
    };
}

std::string verdict_of(const run::CheckResult& result) {
    if (core::has_errors(result.findings)) return "failed";
    if (!result.findings.empty()) return "warning";
    if (result.skipped || !result.skipped_because.empty()) return "skipped";
    return "proven";
}

void print_verify_report(const Output& output, const run::VerifyReport& report,
                         const std::string& folder) {
    if (output.format == Format::json) {
        write_json(output, report_json(report));
    } else if (output.format == Format::github) {
        print_findings_github(output.out, all_findings(report), folder);
    } else {
        print_text_report(output, report);
    }
}

int verify_exit_code(const run::VerifyReport& report) {
    for (const auto& check : report.checks) {
        if (verdict_of(check) == "failed") return 1;
    }
    return 0;
}

}  // namespace migmerge::cli
