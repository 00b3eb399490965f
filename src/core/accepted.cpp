#include "migmerge/core/accepted.hpp"

#include <algorithm>
#include <optional>

#include "migmerge/core/error.hpp"
#include "text_lines.hpp"

namespace migmerge::core {
namespace {

constexpr FindingCode acceptable_codes[] = {
    FindingCode::modified,
    FindingCode::deleted,
    FindingCode::invalid_name,
    FindingCode::not_a_migration,
    FindingCode::same_timestamp,
    FindingCode::future_timestamp,
    FindingCode::duplicate_description,
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
        fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    return fields;
}

bool is_blob_id(const std::string& text) {
    return text.size() >= 7 && text.size() <= 40 &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Why a line is malformed, or empty when `entry` was filled.
std::string read_entry(const std::string& line, AcceptedChange& entry) {
    std::vector<std::string> fields = split_tabs(line);
    auto code = acceptable_code(fields[0]);
    if (!code) {
        return "'" + fields[0] + "' is not a code that can be accepted (" +
               acceptable_codes_text() + ")";
    }
    bool modified = *code == FindingCode::modified;
    if (fields.size() != (modified ? 4u : 3u)) {
        return modified ? "modified takes four tab-separated fields: code, file, reason and the "
                          "accepted version's blob id (git hash-object FILE)"
                        : "expected three tab-separated fields: code, file and reason";
    }
    if (fields[1].empty()) return "the file is empty";
    if (fields[2].find_first_not_of(' ') == std::string::npos) return "the reason is empty";
    if (modified && !is_blob_id(fields[3])) return "'" + fields[3] + "' is not a git blob id";
    entry = {*code, fields[1], fields[2], modified ? fields[3] : ""};
    return {};
}

bool is_version(const std::string& accepted, const std::string& id) {
    return id.compare(0, accepted.size(), accepted) == 0;
}

}  // namespace

std::optional<FindingCode> acceptable_code(const std::string& text) {
    for (FindingCode code : acceptable_codes) {
        if (to_string(code) == text) return code;
    }
    return std::nullopt;
}

std::string acceptable_codes_text() {
    std::string text;
    for (FindingCode code : acceptable_codes) text += (text.empty() ? "" : ", ") + to_string(code);
    return text;
}

AcceptedChanges AcceptedChanges::parse(const std::string& text, const std::string& source) {
    AcceptedChanges list;
    std::vector<std::string> lines = detail::split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (detail::is_comment_or_blank(lines[i])) continue;
        AcceptedChange entry;
        std::string problem = read_entry(lines[i], entry);
        if (!problem.empty()) {
            throw bad_input("malformed " + source + " line " + std::to_string(i + 1), problem);
        }
        list.entries_.push_back(std::move(entry));
    }
    return list;
}

AcceptedChanges AcceptedChanges::merge(const std::vector<AcceptedChanges>& lists) {
    AcceptedChanges merged;
    for (const AcceptedChanges& list : lists) {
        merged.entries_.insert(merged.entries_.end(), list.entries_.begin(), list.entries_.end());
    }
    return merged;
}

std::string AcceptedChanges::format(const AcceptedChange& change) {
    std::string line = to_string(change.code) + "\t" + change.file + "\t" + change.reason;
    if (change.code == FindingCode::modified) line += "\t" + change.version;
    AcceptedChange checked;
    std::string problem = line.find('\n') == std::string::npos ? read_entry(line, checked)
                                                                : "a field holds a line break";
    if (!problem.empty()) throw bad_input("cannot accept " + change.file, problem);
    return line + "\n";
}

bool AcceptedChanges::accepts(FindingCode code, const std::string& file,
                              const std::vector<std::string>& versions) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const AcceptedChange& entry) {
        if (entry.code != code || entry.file != file) return false;
        return std::all_of(versions.begin(), versions.end(),
                           [&](const std::string& id) { return is_version(entry.version, id); });
    });
}

bool AcceptedChanges::accepts(const Finding& finding,
                              const std::vector<std::string>& versions) const {
    return !finding.files.empty() &&
           std::all_of(finding.files.begin(), finding.files.end(), [&](const std::string& file) {
               return accepts(finding.code, file, versions);
           });
}

}  // namespace migmerge::core
