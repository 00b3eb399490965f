#include "migmerge/core/ledger.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"

namespace migmerge::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Ledger, ParsesEntriesSkippingCommentsAndBlankLines) {
    Ledger ledger = Ledger::parse("# renames\n\na.js\tb.js\r\n  \nc.js\td.js");
    EXPECT_THAT(ledger.entries(),
                ElementsAre(LedgerEntry{"a.js", "b.js"}, LedgerEntry{"c.js", "d.js"}));
}

// Editors on Windows write a byte order mark first and end lines with CRLF.
TEST(Ledger, HonoursAByteOrderMarkAndCrlfLineEndings) {
    Ledger ledger = Ledger::parse(
        "\xEF\xBB\xBF"
        "a.js\tb.js\r\n# note\r\nc.js\td.js\r\n");
    EXPECT_THAT(ledger.entries(),
                ElementsAre(LedgerEntry{"a.js", "b.js"}, LedgerEntry{"c.js", "d.js"}));
    EXPECT_EQ(ledger.final_name("a.js"), "b.js");
}

// Found by tests/fuzz/ledger: "\xEF\xBB\xBF\xEF\xBB\xBFs\tx.js" read a name
// starting with a mark that format() wrote back as a first line whose mark
// was then dropped; and "a.js\tb.js\r\r\n" a name ending in '\r' likewise.
TEST(Ledger, RepeatedMarksAndCarriageReturnsRoundTripThroughFormat) {
    for (const std::string text : {std::string("\xEF\xBB\xBF\xEF\xBB\xBF") + "s.js\tx.js\n",
                                   std::string("a.js\tb.js\r\r\r\n")}) {
        Ledger ledger = Ledger::parse(text);
        ASSERT_EQ(ledger.entries().size(), 1u);
        EXPECT_EQ(ledger.entries()[0].from.find('\xEF'), std::string::npos);
        EXPECT_EQ(ledger.entries()[0].to.find('\r'), std::string::npos);
        EXPECT_EQ(Ledger::parse(Ledger::format(ledger.entries())), ledger);
    }
}

TEST(Ledger, AByteOrderMarkBeforeACommentLeavesItAComment) {
    EXPECT_TRUE(Ledger::parse("\xEF\xBB\xBF# renames\n").empty());
}

// Elsewhere a mark would start a name, which format() could not write as a
// first line (tests/fuzz/ledger): such a line is malformed.
TEST(Ledger, AByteOrderMarkCountsOnlyAtTheStart) {
    const std::string bom = "\xEF\xBB\xBF";
    EXPECT_EQ(Ledger::parse(bom + "a.js\tb.js\n").entries().size(), 1u);
    test::expect_error([&] { Ledger::parse(bom + "a.js\tb.js\n" + bom + "c.js\td.js\n"); },
                       ExitCode::bad_input, "line 2: a name starts with a byte order mark");
    test::expect_error([&] { Ledger::parse("c.js\t" + bom + "d.js\n"); }, ExitCode::bad_input,
                       "line 1: a name starts with a byte order mark");
}

TEST(Ledger, RemembersTheLineOfEachEntry) {
    Ledger ledger = Ledger::parse("# r\na\tb\n\na\tb\nc\td\n");
    ASSERT_EQ(ledger.entries().size(), 2u);
    EXPECT_EQ(ledger.line_of(0), 2u) << "a repeated line keeps its first";
    EXPECT_EQ(ledger.line_of(1), 5u);
    EXPECT_EQ(Ledger::from_entries({{"a", "b"}}).line_of(0), 0u);
}

TEST(Ledger, EmptyTextIsAnEmptyLedger) {
    EXPECT_TRUE(Ledger::parse("").empty());
    EXPECT_TRUE(Ledger::parse("# nothing yet\n").empty());
}

TEST(Ledger, DropsDuplicateLinesFromUnionMerges) {
    Ledger ledger = Ledger::parse("a.js\tb.js\na.js\tb.js\n");
    EXPECT_THAT(ledger.entries(), ElementsAre(LedgerEntry{"a.js", "b.js"}));
}

TEST(Ledger, MalformedLinesNameSourceLineAndReason) {
    struct Case {
        std::string text;
        std::string what;
        std::string cause;
    };
    const std::string where = "malformed ledger migrations/.migmerge-renames line ";
    for (const Case& c : std::vector<Case>{
             {"a.js b.js\n", where + "1", "no tab between the old and the new name"},
             {"# c\n\na.js\tb.js\tc.js\n", where + "3", "more than one tab"},
             {"ok.js\tfine.js\n\tb.js\n", where + "2", "the old name is empty"},
             {"a.js\t\n", where + "1", "the new name is empty"},
             {"a.js\ta.js\n", where + "1", "the old and the new name are the same"},
             {"a.js\t" + std::string(256, 'x') + "\n", where + "1", "a name is over 255 bytes"},
         }) {
        SCOPED_TRACE(c.text);
        Error error = test::expect_error(
            [&] { Ledger::parse(c.text, "migrations/.migmerge-renames"); }, ExitCode::bad_input);
        EXPECT_EQ(error.context(), c.what) << c.text;
        EXPECT_EQ(error.cause(), c.cause) << c.text;
    }
}

TEST(Ledger, AcceptsNamesOfExactly255Bytes) {
    std::string longest(255, 'x');
    EXPECT_EQ(Ledger::parse("a.js\t" + longest).final_name("a.js"), longest);
}

TEST(Ledger, MergeKeepsFirstOccurrenceInOrder) {
    Ledger merged = Ledger::merge({Ledger::parse("a\tb\nc\td\n"), Ledger::parse("c\td\ne\tf\n")});
    EXPECT_THAT(merged.entries(),
                ElementsAre(LedgerEntry{"a", "b"}, LedgerEntry{"c", "d"}, LedgerEntry{"e", "f"}));
}

TEST(Ledger, FollowsChainsToTheFinalName) {
    Ledger ledger = Ledger::parse("a\tb\nx\ty\nb\tc\n");
    EXPECT_EQ(ledger.final_name("a"), "c");
    EXPECT_EQ(ledger.final_name("b"), "c");
    EXPECT_EQ(ledger.final_name("x"), "y");
    EXPECT_EQ(ledger.final_name("c"), std::nullopt);
    EXPECT_EQ(ledger.final_name("unknown"), std::nullopt);
}

TEST(Ledger, ChainsFollowLedgerOrder) {
    // b->c was recorded before a->b, so a row renamed to b later stays b.
    Ledger ledger = Ledger::parse("b\tc\na\tb\n");
    EXPECT_EQ(ledger.final_name("a"), "b");
    EXPECT_EQ(ledger.final_name("b"), "c");
}

TEST(Ledger, CycleEndsWhereTheLedgerEnds) {
    Ledger ledger = Ledger::parse("a\tb\nb\ta\n");
    EXPECT_EQ(ledger.final_name("a"), "a");
    EXPECT_EQ(ledger.final_name("b"), "a");
    EXPECT_TRUE(ledger.records("a", "b"));
}

TEST(Ledger, RecordsDirectAndChainedRenames) {
    Ledger ledger = Ledger::parse("a\tb\nb\tc\n");
    EXPECT_TRUE(ledger.records("a", "b"));
    EXPECT_TRUE(ledger.records("a", "c"));
    EXPECT_TRUE(ledger.records("b", "c"));
    EXPECT_FALSE(ledger.records("c", "a"));
    EXPECT_FALSE(ledger.records("b", "a"));
    EXPECT_FALSE(ledger.records("a", "x"));
}

TEST(Ledger, EarlierNamesAreEveryNameWhoseChainReachesIt) {
    Ledger ledger = Ledger::parse("a\tb\nb\tc\nx\tc\ny\tz\n");
    EXPECT_THAT(ledger.earlier_names("c"), ElementsAre("a", "b", "x"));
    EXPECT_THAT(ledger.earlier_names("b"), ElementsAre("a"));
    EXPECT_THAT(ledger.earlier_names("a"), IsEmpty());
    EXPECT_THAT(ledger.earlier_names("z"), ElementsAre("y"));
}

TEST(Ledger, EarlierNamesRespectLedgerOrder) {
    Ledger ledger = Ledger::parse("b\tc\na\tb\n");
    EXPECT_THAT(ledger.earlier_names("c"), ElementsAre("b"));
    EXPECT_THAT(ledger.earlier_names("b"), ElementsAre("a"));
}

TEST(Ledger, FormatWritesOneTabSeparatedLinePerEntry) {
    std::string text = Ledger::format({{"a.js", "b.js"}, {"c.js", "d.js"}});
    EXPECT_EQ(text, "a.js\tb.js\nc.js\td.js\n");
    EXPECT_EQ(Ledger::parse(text), Ledger::from_entries({{"a.js", "b.js"}, {"c.js", "d.js"}}));
}

}  // namespace
}  // namespace migmerge::core
