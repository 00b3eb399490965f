// The accepted-changes file: its lines, and what an entry covers.
#include "migmerge/core/accepted.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"

namespace migmerge::core {
namespace {

using ::testing::HasSubstr;

std::string parse_error(const std::string& text) {
    try {
        AcceptedChanges::parse(text, "migrations/.migmerge-accepted");
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ExitCode::bad_input);
        return error.one_line();
    }
    return "";
}

// Found by tests/fuzz/accepted: a reason ending in '\r' ("reason\r\r\n")
// was written back by format() as a CRLF line, read as the reason without it.
TEST(AcceptedChanges, EveryCarriageReturnBeforeTheLineEndIsLineEnding) {
    AcceptedChanges list = AcceptedChanges::parse("deleted\ta.js\tarchived\r\r\r\n", "f");
    ASSERT_EQ(list.entries().size(), 1u);
    EXPECT_EQ(list.entries()[0].reason, "archived");
    AcceptedChanges again = AcceptedChanges::parse(AcceptedChanges::format(list.entries()[0]), "f");
    EXPECT_EQ(again.entries()[0].reason, "archived");
}

TEST(AcceptedChanges, ReadsEntriesCommentsBomAndCrlf) {
    AcceptedChanges list = AcceptedChanges::parse(
        "\xEF\xBB\xBF# why each is fine\r\n\r\ndeleted\t2019-old.js\tarchived in 2021\r\n"
        "modified\t20200101000000-a.js\tprettier\t0123456789abcdef\n",
        "f");
    ASSERT_EQ(list.entries().size(), 2u);
    EXPECT_EQ(list.entries()[0].code, FindingCode::deleted);
    EXPECT_EQ(list.entries()[0].reason, "archived in 2021");
    EXPECT_EQ(list.entries()[1].version, "0123456789abcdef");
    EXPECT_TRUE(list.accepts(FindingCode::deleted, "2019-old.js"));
    EXPECT_FALSE(list.accepts(FindingCode::modified, "2019-old.js", {"0123456789abcdef00"}));
    EXPECT_TRUE(list.accepts(FindingCode::modified, "20200101000000-a.js",
                             {"0123456789abcdef0123456789abcdef01234567"}));
    EXPECT_FALSE(list.accepts(FindingCode::modified, "20200101000000-a.js",
                              {"0123456789abcdef0123456789abcdef01234567", "ffff"}));
}

TEST(AcceptedChanges, RefusesMalformedLinesNamingTheLine) {
    EXPECT_THAT(parse_error("# ok\nout-of-order\ta.js\tfine\n"),
                HasSubstr("malformed migrations/.migmerge-accepted line 2: 'out-of-order' is "
                          "not a code that can be accepted"));
    EXPECT_THAT(parse_error("deleted\ta.js\n"), HasSubstr("three tab-separated fields"));
    EXPECT_THAT(parse_error("deleted\ta.js\t  \n"), HasSubstr("the reason is empty"));
    EXPECT_THAT(parse_error("deleted\t\twhy\n"), HasSubstr("the file is empty"));
    EXPECT_THAT(parse_error("modified\ta.js\treformat\n"), HasSubstr("git hash-object"));
    EXPECT_THAT(parse_error("modified\ta.js\treformat\tXYZ\n"), HasSubstr("not a git blob id"));
}

TEST(AcceptedChanges, MergeKeepsEveryListsEntries) {
    AcceptedChanges merged =
        AcceptedChanges::merge({AcceptedChanges::parse("deleted\ta.js\tx\n", "base"),
                                AcceptedChanges::parse("deleted\tb.js\ty\n", "head")});
    EXPECT_TRUE(merged.accepts(FindingCode::deleted, "a.js"));
    EXPECT_TRUE(merged.accepts(FindingCode::deleted, "b.js"));
    EXPECT_FALSE(merged.accepts(FindingCode::invalid_name, "a.js"));
}

}  // namespace
}  // namespace migmerge::core
