#include "timeline.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <set>

#include "migmerge/core/migration_name.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

std::set<std::string> flagged_files(const std::vector<core::Finding>& findings) {
    std::set<std::string> flagged;
    for (const auto& finding : findings) {
        if (finding.severity != core::Severity::error) continue;
        flagged.insert(finding.files.begin(), finding.files.end());
    }
    return flagged;
}

// Padded by bytes, as the width is counted (not by fmt's display width).
std::string padded(const std::string& text, std::size_t width) {
    return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

}  // namespace

std::vector<TimelineRow> timeline_rows(const MergeContext& context,
                                       const std::vector<core::Finding>& findings) {
    const core::MergeSets& sets = context.input.sets;
    std::set<std::string> flagged = flagged_files(findings);
    std::vector<TimelineRow> rows;
    for (const auto& [name, id] : sets.result.files) {
        if (sets.merge_base.contains(name)) continue;
        // The ledger, .gitattributes, a README: not migrations, not in the picture.
        if (core::MigrationName::parse(name).kind == core::NameKind::ignored) continue;
        core::Origin origin = core::origin_of(context.input, name);
        TimelineRow row{name, false, false, flagged.count(name) != 0};
        row.on_base = origin == core::Origin::base || origin == core::Origin::both ||
                      origin == core::Origin::renamed_from_base;
        row.on_head = !row.on_base || origin == core::Origin::both;
        rows.push_back(row);
    }
    return rows;  // result.files is a std::map: already in byte order
}

void print_timeline(const Output& output, const MergeContext& context,
                    const std::vector<TimelineRow>& rows) {
    if (rows.empty()) {
        fmt::print(output.out, "No migrations were added since the merge base.\n\n");
        return;
    }
    std::size_t width = std::string("base: " + context.base.spec).size();
    for (const auto& row : rows) width = std::max(width, row.name.size());
    width = std::min<std::size_t>(width, 60) + 2;
    fmt::print(output.out, "  {}head: {}\n", padded("base: " + context.base.spec, width),
               context.head.spec);
    for (const auto& row : rows) {
        std::string marker = row.flagged ? paint(output.color, Tone::error, "! ") : "  ";
        std::string left = row.on_base ? padded(row.name, width) : std::string(width, ' ');
        std::string right = row.on_head ? row.name : "";
        fmt::print(output.out, "{}{}{}\n", marker, left, right);
    }
    fmt::print(output.out, "{}\n\n",
               paint(output.color, Tone::dim,
                     "  (added since the merge base, in the order Sequelize runs them; "
                     "! marks an error)"));
}

}  // namespace migmerge::cli
