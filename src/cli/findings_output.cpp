#include "findings_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "migmerge/core/utf8.hpp"
#include "migmerge/sys/json_text.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

// GitHub's workflow-command escaping: data and property values differ.
std::string escape_data(const std::string& text) {
    std::string escaped;
    for (char c : text) {
        if (c == '%')
            escaped += "%25";
        else if (c == '\r')
            escaped += "%0D";
        else if (c == '\n')
            escaped += "%0A";
        else
            escaped += c;
    }
    return escaped;
}

std::string escape_property(const std::string& text) {
    std::string escaped;
    for (char c : escape_data(text)) {
        if (c == ':')
            escaped += "%3A";
        else if (c == ',')
            escaped += "%2C";
        else
            escaped += c;
    }
    return escaped;
}

// `label` is the severity, or "note" for a finding that does not count.
void print_one(const Output& output, const core::Finding& finding, const std::string& fix_command,
               const std::string& label, Tone tone) {
    std::string files =
        finding.files.empty() ? "" : fmt::format(": {}", fmt::join(finding.files, ", "));
    fmt::print(output.out, "{}: {}{}\n    {}\n", paint(output.color, tone, label),
               paint(output.color, Tone::bold, to_string(finding.code)), files, finding.message);
    if (finding.fixable && !fix_command.empty()) {
        fmt::print(output.out, "    {}{}\n", paint(output.color, Tone::good, "fix: "), fix_command);
    } else if (!finding.advice.empty()) {
        fmt::print(output.out, "    {}{}\n", paint(output.color, Tone::dim, "advice: "),
                   finding.advice);
    }
}

// The names among the strings that are not UTF-8: a message that quotes one
// of them is not named again.
std::vector<std::string> names_among(const std::vector<std::string>& texts) {
    std::vector<std::string> by_length = texts;
    std::stable_sort(
        by_length.begin(), by_length.end(),
        [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    std::vector<std::string> names;
    for (const std::string& text : by_length) {
        if (std::none_of(names.begin(), names.end(), [&](const std::string& name) {
                return text.find(name) != std::string::npos;
            }))
            names.push_back(text);
    }
    return names;
}

}  // namespace

nlohmann::json to_json(const core::Finding& finding) {
    nlohmann::json json = {
        {"code", to_string(finding.code)}, {"severity", to_string(finding.severity)},
        {"files", finding.files},          {"fileCount", finding.file_count()},
        {"message", finding.message},      {"fixable", finding.fixable}};
    if (finding.side != core::Side::none) json["side"] = to_string(finding.side);
    if (!finding.advice.empty()) json["advice"] = finding.advice;
    return json;
}

nlohmann::json to_json(const core::Rename& rename) {
    return {{"from", rename.from}, {"to", rename.to}, {"reason", rename.reason}};
}

nlohmann::json to_json(const std::vector<core::Finding>& findings) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& finding : findings) list.push_back(to_json(finding));
    return list;
}

nlohmann::json to_json(const std::vector<core::Rename>& renames) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& rename : renames) list.push_back(to_json(rename));
    return list;
}

void print_findings_text(const Output& output, const std::vector<core::Finding>& findings,
                         const std::string& fix_command) {
    for (auto severity : {core::Severity::error, core::Severity::warning}) {
        for (const auto& finding : findings) {
            if (finding.severity != severity) continue;
            print_one(output, finding, fix_command, to_string(severity), tone_of(severity));
        }
    }
}

void print_notes_text(const Output& output, const std::vector<core::Finding>& findings) {
    for (const auto& finding : findings) print_one(output, finding, "", "note", Tone::dim);
}

std::string summary_line(const std::vector<core::Finding>& findings) {
    std::size_t errors = 0;
    for (const auto& finding : findings) errors += finding.severity == core::Severity::error;
    std::size_t warnings = findings.size() - errors;
    if (findings.empty()) return "No problems found.";
    auto plural = [](std::size_t n) { return n == 1 ? "" : "s"; };
    return fmt::format("{} error{}, {} warning{}.", errors, plural(errors), warnings,
                       plural(warnings));
}

std::string annotated_path(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
}

void print_github_annotation(std::ostream& out, core::Severity severity, const std::string& file,
                             const std::string& title, const std::string& message) {
    std::string properties = file.empty() ? "" : "file=" + escape_property(file) + ",";
    fmt::print(out, "::{} {}title={}::{}\n", to_string(severity), properties,
               escape_property(title), escape_data(message));
}

void print_findings_github(std::ostream& out, const std::vector<core::Finding>& findings,
                           const std::string& folder) {
    for (const auto& finding : findings) {
        std::string file =
            finding.files.empty() ? "" : annotated_path(folder, finding.files.front());
        print_github_annotation(out, finding.severity, file, "migmerge " + to_string(finding.code),
                                finding.message);
    }
}

void print_json(const Output& output, nlohmann::json document) {
    document["version"] = json_version;
    write_json(output, document, 2);
}

void write_json(const Output& output, const nlohmann::json& document, int indent) {
    for (const std::string& text : names_among(sys::non_utf8_strings(document))) {
        fmt::print(output.err,
                   "migmerge: warning: {} is not valid UTF-8; the JSON output shows U+FFFD for its "
                   "invalid bytes\n",
                   core::escape_invalid_utf8(text));
    }
    fmt::print(output.out, "{}\n", sys::json_text(document, indent));
}

}  // namespace migmerge::cli
