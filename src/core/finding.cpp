#include "migmerge/core/finding.hpp"

#include <algorithm>
#include <utility>

namespace migmerge::core {

std::string to_string(FindingCode code) {
    switch (code) {
        case FindingCode::same_timestamp:
            return "same-timestamp";
        case FindingCode::out_of_order:
            return "out-of-order";
        case FindingCode::modified:
            return "modified";
        case FindingCode::deleted:
            return "deleted";
        case FindingCode::renamed_unrecorded:
            return "renamed-unrecorded";
        case FindingCode::invalid_name:
            return "invalid-name";
        case FindingCode::not_a_migration:
            return "not-a-migration";
        case FindingCode::future_timestamp:
            return "future-timestamp";
        case FindingCode::duplicate_description:
            return "duplicate-description";
        case FindingCode::dangling_symlink:
            return "dangling-symlink";
        case FindingCode::order_contradicts_date:
            return "order-contradicts-date";
        case FindingCode::orphaned:
            return "orphaned";
        case FindingCode::out_of_order_pending:
            return "out-of-order-pending";
        case FindingCode::modified_after_apply:
            return "modified-after-apply";
        case FindingCode::double_applied:
            return "double-applied";
        case FindingCode::replay_failed:
            return "replay-failed";
        case FindingCode::irreversible:
            return "irreversible";
        case FindingCode::down_incomplete:
            return "down-incomplete";
        case FindingCode::up_not_repeatable:
            return "up-not-repeatable";
        case FindingCode::order_dependent:
            return "order-dependent";
        case FindingCode::order_failed:
            return "order-failed";
        case FindingCode::column_order:
            return "column-order";
        case FindingCode::not_idempotent:
            return "not-idempotent";
    }
    return "unknown";
}

std::string to_string(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

std::string to_string(Side side) {
    switch (side) {
        case Side::base:
            return "base";
        case Side::head:
            return "head";
        case Side::both:
            return "both";
        case Side::none:
            return "";
    }
    return "";
}

Finding make_finding(FindingCode code, Severity severity, std::vector<std::string> files,
                     Side side) {
    Finding finding;
    finding.code = code;
    finding.severity = severity;
    finding.files = std::move(files);
    finding.side = side;
    return finding;
}

Finding make_finding(FindingCode code, Severity severity, std::vector<std::string> files,
                     Words words, Side side) {
    Finding finding = make_finding(code, severity, std::move(files), side);
    finding.message = std::move(words.message);
    finding.advice = std::move(words.advice);
    return finding;
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

bool comes_before(const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity == Severity::error;
    if (a.code != b.code) return a.code < b.code;
    if (a.files != b.files) return a.files < b.files;
    if (a.side != b.side) return a.side < b.side;
    return a.message < b.message;
}

void sort_findings(std::vector<Finding>& findings) {
    std::sort(findings.begin(), findings.end(), comes_before);
    findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
}

std::ostream& operator<<(std::ostream& out, FindingCode code) {
    return out << to_string(code);
}
std::ostream& operator<<(std::ostream& out, Severity severity) {
    return out << to_string(severity);
}
std::ostream& operator<<(std::ostream& out, Side side) {
    return out << (side == Side::none ? "none" : to_string(side));
}

std::ostream& operator<<(std::ostream& out, const Finding& finding) {
    out << to_string(finding.severity) << " " << to_string(finding.code) << " [";
    const char* separator = "";
    for (const auto& file : finding.files) {
        out << separator << file;
        separator = ", ";
    }
    out << "]";
    if (finding.side != Side::none) out << " side " << to_string(finding.side);
    out << (finding.fixable ? " fixable" : "") << ": " << finding.message;
    if (!finding.advice.empty()) out << " (advice: " << finding.advice << ")";
    return out;
}

}  // namespace migmerge::core
