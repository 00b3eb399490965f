// The ledger entries every command refuses: those that would run a
// migration twice, or leave its name ambiguous.
#include "migmerge/core/ledger_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "migmerge/core/repair_plan.hpp"
#include "support/expect_error.hpp"

namespace migmerge::core {
namespace {

using ::testing::HasSubstr;
using Names = std::vector<std::string>;

const std::string source = "migrations/.migmerge-renames";

// The line of the first unsafe entry (0: none) and its reason.
std::pair<std::size_t, std::string> unsafe(const std::string& text, const Names& files) {
    Ledger ledger = Ledger::parse(text);
    std::optional<UnsafeEntry> found = find_unsafe_entry(ledger, files);
    if (!found) return {0, ""};
    return {ledger.line_of(found->index), found->reason};
}

std::size_t unsafe_line(const std::string& text, const Names& files) {
    return unsafe(text, files).first;
}

TEST(LedgerCheck, ARenameWhoseOldFileIsGoneIsSafe) {
    EXPECT_EQ(unsafe_line("a.js\tb.js\n", {"b.js"}), 0u);
    EXPECT_EQ(unsafe_line("a.js\tb.js\n", {}), 0u) << "deleted since: nothing runs twice";
    EXPECT_EQ(unsafe_line("a.js\tb.js\nb.js\tc.js\n", {"c.js"}), 0u) << "a chain";
    EXPECT_EQ(unsafe_line("", {"a.js"}), 0u);
}

// The case that reached a real database: a renamed onto b while a new b
// existed. repair moved the row a to b, then migrate ran a again and never b.
TEST(LedgerCheck, RenamingOntoAnotherMigrationThatIsThereIsRefused) {
    auto [line, reason] = unsafe("# renames\na.js\tb.js\n", {"a.js", "b.js"});
    EXPECT_EQ(line, 2u);
    EXPECT_THAT(reason, HasSubstr("both are migration files in the folder"));
    EXPECT_THAT(reason, HasSubstr("migrate would run a.js again"));
    // What repair would do with it: the row moves, and a.js is pending again.
    RepairPlan plan = plan_repair({{"a.js"}, Ledger::parse("a.js\tb.js\n"), {"a.js", "b.js"}});
    EXPECT_EQ(plan.changes, (std::vector<RowChange>{{"a.js", "b.js"}}));
}

TEST(LedgerCheck, AnOldNameThatIsStillAFileIsRefused) {
    auto [line, reason] = unsafe("x.js\ty.js\na.js\tb.js\n", {"a.js", "y.js"});
    EXPECT_EQ(line, 2u);
    EXPECT_THAT(reason, HasSubstr("a.js is still a migration file in the folder"));
}

TEST(LedgerCheck, AnOldNameGivenToAnotherMigrationLaterIsSafe) {
    // a became b; later x took the name a: both files are rightly there.
    EXPECT_EQ(unsafe_line("a.js\tb.js\nx.js\ta.js\n", {"a.js", "b.js"}), 0u);
}

TEST(LedgerCheck, OnlyFilesSequelizeWouldRunCount) {
    EXPECT_EQ(unsafe_line("a.js\tb.js\n", {"b.js"}), 0u);
    MigrationSet set;
    set.files = {{"a.md", "1"}, {"b.js", "2"}};
    set.ledger_text = "a.md\tb.js\n";
    EXPECT_EQ(read_ledger(set, source).entries().size(), 1u);
}

TEST(LedgerCheck, CyclesAreRefusedAtTheEntryThatClosesThem) {
    auto [line, reason] = unsafe("a.js\tb.js\nb.js\ta.js\n", {"a.js"});
    // a.js is a file, but b.js -> a.js later gives it back: only the cycle is wrong.
    EXPECT_EQ(line, 2u);
    EXPECT_THAT(reason, HasSubstr("closes a cycle of renames: b.js -> a.js -> b.js"));
    EXPECT_EQ(unsafe_line("a\tb\nb\tc\nx\ty\nc\ta\n", {}), 4u);
    EXPECT_THAT(unsafe("a\tb\nb\tc\nc\ta\n", {}).second, HasSubstr("c -> a -> b -> c"));
}

TEST(LedgerCheck, ASwapThroughATemporaryNameIsACycle) {
    // Each old name is given to the other migration later: only the cycle is wrong.
    EXPECT_EQ(unsafe_line("a.js\tt.js\nb.js\ta.js\nt.js\tb.js\n", {"a.js", "b.js"}), 3u);
    EXPECT_THAT(unsafe("a.js\tt.js\nb.js\ta.js\nt.js\tb.js\n", {}).second,
                HasSubstr("t.js -> b.js -> a.js -> t.js"));
}

TEST(LedgerCheck, ConvergingRenamesAreNoCycle) {
    EXPECT_EQ(unsafe_line("a\tc\nb\tc\nc\td\n", {"d"}), 0u);
}

// Two branches that both renamed one file (a union merge keeps both lines).
TEST(LedgerCheck, ANameRenamedToTwoNamesIsRefused) {
    auto [line, reason] = unsafe("a.js\tb.js\nx.js\ty.js\na.js\tc.js\n", {"b.js", "c.js", "y.js"});
    EXPECT_EQ(line, 3u);
    EXPECT_THAT(reason, HasSubstr("a.js was already renamed to b.js on line 1"));
    EXPECT_EQ(unsafe_line("a.js\tb.js\na.js\tc.js\n", {"b.js"}), 2u) << "even with one file left";
}

TEST(LedgerCheck, TwoRenamesOfANameThatEndAtTheSameNameAreSafe) {
    EXPECT_EQ(unsafe_line("a\tb\nb\tc\na\tc\n", {"c"}), 0u);
}

TEST(LedgerCheck, ANameRenamedAgainAfterItWasGivenBackIsSafe) {
    // x took the name a after a became b, then that a became c.
    EXPECT_EQ(unsafe_line("a\tb\nx\ta\na\tc\n", {"b", "c"}), 0u);
}

TEST(LedgerCheck, TheFirstUnsafeEntryIsReported) {
    EXPECT_EQ(unsafe_line("p\tq\nq\tp\na\tb\n", {"a", "b"}), 2u);
    EXPECT_EQ(unsafe_line("a\tb\np\tq\nq\tp\n", {"a", "b"}), 1u);
}

TEST(LedgerCheck, ALongChainWithoutCyclesIsChecked) {
    std::string text;
    for (int i = 10000; i > 0; --i) {
        text += "m" + std::to_string(i) + "\tm" + std::to_string(i + 1) + "\n";
    }
    EXPECT_EQ(unsafe_line(text, {"m10001"}), 0u);
    EXPECT_EQ(unsafe_line(text + "m10001\tm1\n", {}), 10001u);
}

TEST(LedgerCheck, ReadLedgerRefusesInOneLineNamingFileLineAndEntry) {
    Error error = test::expect_error(
        [] {
            read_ledger("\xEF\xBB\xBF# r\r\na.js\tb.js\r\n", source, {"a.js", "b.js"});
        },
        ExitCode::bad_input);
    EXPECT_EQ(error.context(), "unsafe ledger entry in " + source + " line 2 (a.js -> b.js)");
    EXPECT_THAT(error.cause(), HasSubstr("both are migration files"));
    EXPECT_EQ(error.hint(), "");
    EXPECT_EQ(error.one_line().find('\n'), std::string::npos);
}

TEST(LedgerCheck, ReadLedgerStillReportsMalformedLines) {
    test::expect_error([] { read_ledger("no tab\n", source, {}); }, ExitCode::bad_input,
                       "malformed ledger " + source + " line 1");
}

}  // namespace
}  // namespace migmerge::core
