// The two-lane picture of what each side added since the merge base.
#include "timeline.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

using test::base_a;
using test::Captured;
using test::early;
using test::head_b;
using test::sample_merge;
using test::shared;

core::Finding finding(core::Severity severity, std::vector<std::string> files) {
    return core::make_finding(core::FindingCode::same_timestamp, severity, std::move(files));
}

struct Lanes {
    std::string name;
    bool on_base;
    bool on_head;
    bool flagged;
    friend bool operator==(const Lanes& a, const Lanes& b) {
        return a.name == b.name && a.on_base == b.on_base && a.on_head == b.on_head &&
               a.flagged == b.flagged;
    }
    friend std::ostream& operator<<(std::ostream& out, const Lanes& l) {
        return out << l.name << " base=" << l.on_base << " head=" << l.on_head
                   << " flagged=" << l.flagged;
    }
};

std::vector<Lanes> lanes(const std::vector<TimelineRow>& rows) {
    std::vector<Lanes> result;
    for (const auto& row : rows)
        result.push_back({row.name, row.on_base, row.on_head, row.flagged});
    return result;
}

TEST(TimelineRows, AddedMigrationsInByteOrderOnTheirSides) {
    MergeContext context = sample_merge();
    EXPECT_EQ(lanes(timeline_rows(context, {})), (std::vector<Lanes>{
                                                     {early, false, true, false},
                                                     {base_a, true, false, false},
                                                     {head_b, false, true, false},
                                                     {shared, true, true, false},
                                                 }));
}

TEST(TimelineRows, OnlyErrorFindingsFlagTheirFiles) {
    MergeContext context = sample_merge();
    auto rows = timeline_rows(context, {finding(core::Severity::error, {base_a, head_b}),
                                        finding(core::Severity::warning, {shared})});
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_FALSE(rows[0].flagged);
    EXPECT_TRUE(rows[1].flagged);
    EXPECT_TRUE(rows[2].flagged);
    EXPECT_FALSE(rows[3].flagged);
}

TEST(TimelineRows, ARenamedFileStaysInTheLaneOfTheSideThatAddedIt) {
    MergeContext context = sample_merge();
    const std::string moved = "20240301000001-base-a.js";
    context.input.sets.result.files.erase(base_a);
    context.input.sets.result.files[moved] = "a";
    context.input.ledger = core::Ledger::parse(base_a + "\t" + moved + "\n");
    auto rows = lanes(timeline_rows(context, {}));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[3], (Lanes{moved, true, false, false}));
}

TEST(TimelineRows, AFileMadeDuringTheMergeIsOnTheHeadLane) {
    MergeContext context = sample_merge();
    context.input.sets.result.files["20240401000000-merge-fixup.js"] = "m";
    auto rows = lanes(timeline_rows(context, {}));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[4], (Lanes{"20240401000000-merge-fixup.js", false, true, false}));
}

// Lane width: the longest name (28 in sample_merge) or "base: production" (16), plus two.
std::string pad(const std::string& text, std::size_t width = 30) {
    return text + std::string(width - text.size(), ' ');
}

TEST(PrintTimeline, DrawsTwoLanesAndMarksErrors) {
    MergeContext context = sample_merge();
    Captured captured;
    print_timeline(captured.output(), context,
                   timeline_rows(context, {finding(core::Severity::error, {base_a, head_b})}));
    EXPECT_EQ(captured.text(),
              "  " + pad("base: production") + "head: HEAD\n" +  //
                  "  " + pad("") + early + "\n" +                //
                  "! " + pad(base_a) + "\n" +                    //
                  "! " + pad("") + head_b + "\n" +               //
                  "  " + pad(shared) + shared + "\n" +
                  "  (added since the merge base, in the order Sequelize runs them; ! marks an "
                  "error)\n\n");
}

TEST(PrintTimeline, LongNamesCapTheLaneAtSixtyColumns) {
    MergeContext context = sample_merge();
    const std::string long_name = "20240501000000-" + std::string(70, 'x') + ".js";
    std::vector<TimelineRow> rows{{long_name, true, true, false}, {base_a, true, false, false}};
    Captured captured;
    print_timeline(captured.output(), context, rows);
    std::string header = "  base: production" + std::string(62 - 16, ' ') + "head: HEAD\n";
    EXPECT_EQ(captured.text().substr(0, header.size()), header);
    EXPECT_NE(captured.text().find("  " + long_name + " " + long_name + "\n"), std::string::npos);
    EXPECT_NE(captured.text().find("  " + base_a + std::string(62 - base_a.size(), ' ') + "\n"),
              std::string::npos);
}

TEST(PrintTimeline, SaysSoWhenNothingWasAdded) {
    Captured captured;
    print_timeline(captured.output(), sample_merge(), {});
    EXPECT_EQ(captured.text(), "No migrations were added since the merge base.\n\n");
}

TEST(PrintTimeline, ColourPaintsTheMarkerAndTheLegend) {
    MergeContext context = sample_merge();
    Captured captured;
    print_timeline(captured.output(Format::text, true), context, {{base_a, true, false, true}});
    // One row: base-a.js (24) is the longest, so the lanes are 26 wide.
    EXPECT_EQ(captured.text(),
              "  " + pad("base: production", 26) + "head: HEAD\n" + paint(true, Tone::error, "! ") +
                  pad(base_a, 26) + "\n" +
                  paint(true, Tone::dim,
                        "  (added since the merge base, in the order Sequelize runs them; ! "
                        "marks an error)") +
                  "\n\n");
}

}  // namespace
}  // namespace migmerge::cli
