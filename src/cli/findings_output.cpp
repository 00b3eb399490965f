#include "findings_output.hpp"

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

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

void print_one(const Output& output, const core::Finding& finding, const std::string& fix_command) {
    std::ostream& out = output.out;
    out << paint(output.color, tone_of(finding.severity), to_string(finding.severity)) << ": "
        << paint(output.color, Tone::bold, to_string(finding.code));
    if (!finding.files.empty()) out << ": " << joined(finding.files);
    out << "\n    " << finding.message << "\n";
    if (finding.fixable && !fix_command.empty()) {
        out << "    " << paint(output.color, Tone::good, "fix: ") << fix_command << "\n";
    } else if (!finding.advice.empty()) {
        out << "    " << paint(output.color, Tone::dim, "advice: ") << finding.advice << "\n";
    }
}

}  // namespace

nlohmann::json to_json(const core::Finding& finding) {
    nlohmann::json json = {{"code", to_string(finding.code)},
                           {"severity", to_string(finding.severity)},
                           {"files", finding.files},
                           {"message", finding.message},
                           {"fixable", finding.fixable}};
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
            if (finding.severity == severity) print_one(output, finding, fix_command);
        }
    }
}

std::string summary_line(const std::vector<core::Finding>& findings) {
    std::size_t errors = 0;
    for (const auto& finding : findings) errors += finding.severity == core::Severity::error;
    std::size_t warnings = findings.size() - errors;
    if (findings.empty()) return "No problems found.";
    auto count = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    return count(errors, "error") + ", " + count(warnings, "warning") + ".";
}

void print_findings_github(std::ostream& out, const std::vector<core::Finding>& findings,
                           const std::string& folder) {
    for (const auto& finding : findings) {
        out << "::" << to_string(finding.severity);
        if (!finding.files.empty()) {
            std::string path =
                folder.empty() ? finding.files.front() : folder + "/" + finding.files.front();
            out << " file=" << escape_property(path) << ",";
        } else {
            out << " ";
        }
        out << "title=" << escape_property("migmerge " + to_string(finding.code))
            << "::" << escape_data(finding.message) << "\n";
    }
}

void print_json(const Output& output, nlohmann::json document) {
    document["version"] = 1;
    output.out << document.dump(2) << "\n";
}

}  // namespace migmerge::cli
