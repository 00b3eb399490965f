// The findings about one folder with no merge context.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "merge_scenario.hpp"

namespace migmerge::core {
namespace {

using test::codes_of;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const Timestamp now = *Timestamp::parse("20260601120000");

MigrationSet folder_of(const std::vector<std::string>& names) {
    MigrationSet folder;
    for (const auto& name : names) folder.files[name] = test::content_id(name);
    return folder;
}

std::vector<Finding> findings_for(const std::vector<std::string>& names) {
    return analyze_folder(folder_of(names), now);
}

TEST(AnalyzeFolder, CleanFolderHasNoFindings) {
    EXPECT_THAT(findings_for({"20260101000000-a.js", "20260102000000-b.ts", "README.md",
                              "20260103000000-c.cjs", ".gitattributes"}),
                IsEmpty());
}

TEST(AnalyzeFolder, SameTimestampNamesEveryFileSharingIt) {
    auto findings = findings_for({"20260101000000-b.js", "20260101000000-a.js",
                                  "20260101000000-c.ts", "20260102000000-d.js"});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_THAT(findings[0].files,
                ElementsAre("20260101000000-a.js", "20260101000000-b.js", "20260101000000-c.ts"));
    EXPECT_THAT(findings[0].message, HasSubstr("20260101000000"));
    EXPECT_FALSE(findings[0].fixable);
    EXPECT_THAT(findings[0].advice, HasSubstr("repair"));
    EXPECT_EQ(findings[0].side, Side::none);
}

TEST(AnalyzeFolder, SameTimestampIgnoresFilesSequelizeNeverRuns) {
    EXPECT_THAT(codes_of(findings_for({"20260101000000-a.js", "20260101000000-a.sql"})),
                ElementsAre(FindingCode::not_a_migration));
}

// sequelize-cli runs it, in byte order: a warning, never a refusal.
TEST(AnalyzeFolder, UntimestampedFileRunsAsAMigrationAndIsAWarning) {
    auto findings = findings_for({"helpers.js", "20260101000000-a.js"});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::invalid_name));
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_THAT(findings[0].files, ElementsAre("helpers.js"));
    EXPECT_THAT(findings[0].message, HasSubstr("helpers.js runs as a migration"));
    EXPECT_FALSE(findings[0].advice.empty());
}

TEST(AnalyzeFolder, NameOverVarchar255IsAnError) {
    std::string longest = "20260101000000-" + std::string(255 - 18, 'x') + ".js";
    std::string too_long = "20260101000001-" + std::string(256 - 18, 'x') + ".js";
    ASSERT_EQ(longest.size(), 255u);
    auto findings = findings_for({longest, too_long});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::invalid_name));
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_THAT(findings[0].files, ElementsAre(too_long));
    EXPECT_THAT(findings[0].message, HasSubstr("VARCHAR(255)"));
}

TEST(AnalyzeFolder, AwkwardDescriptionsAreWarnings) {
    for (std::string name : {"20260101000000-add users.js", "20260101000000-it's.js",
                             "20260101000000-say\"hi\".js", "20260101000000-back`tick.js",
                             "20260101000000-back\\slash.js", "20260101000000-caf\xc3\xa9.js",
                             "20260101000000-tab\there.js", "20260101000000-bell\x07.js"}) {
        auto findings = findings_for({name});
        ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::invalid_name)) << name;
        EXPECT_EQ(findings[0].severity, Severity::warning) << name;
    }
    EXPECT_THAT(findings_for({"20260101000000-add_users-v2.0.js"}), IsEmpty());
}

// node reads the folder's names as UTF-8: sequelize-cli fails on such a file
// with "Cannot find module", and PostgreSQL refuses it in SequelizeMeta.
TEST(AnalyzeFolder, ANameThatIsNotUtf8IsAnError) {
    for (std::string name :
         {"20260101000000-caf\xff.js", "20260101000000-caf\xe9.js", "helper\xff.js"}) {
        auto findings = findings_for({name});
        ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::invalid_name)) << name;
        EXPECT_EQ(findings[0].severity, Severity::error) << name;
        EXPECT_THAT(findings[0].files, ElementsAre(name));
        EXPECT_THAT(findings[0].message, HasSubstr("is not valid UTF-8"));
    }
    auto findings = findings_for({"20260101000000-caf\xff.js"});
    EXPECT_THAT(findings[0].message, HasSubstr("20260101000000-caf\\xff.js is not valid UTF-8"));
    EXPECT_THAT(findings[0].advice, HasSubstr("rename it"));
}

TEST(AnalyzeFolder, ADanglingSymlinkNamedLikeAMigrationIsAWarning) {
    MigrationSet folder = folder_of({"20260101000000-a.js"});
    folder.dangling_links = {{"20260102000000-x.js", "missing.js"}, {"notes.md", "gone.md"}};
    auto findings = analyze_folder(folder, now);
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::dangling_symlink));
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_THAT(findings[0].files, ElementsAre("20260102000000-x.js"));
    EXPECT_THAT(findings[0].message,
                HasSubstr("20260102000000-x.js is a dangling symlink (to missing.js"));
    EXPECT_FALSE(findings[0].advice.empty());
}

TEST(AnalyzeFolder, TypeScriptBuildOutputBesideItsMigrationIsNoFinding) {
    EXPECT_THAT(
        findings_for({"20260101000000-a.js", "20260101000000-a.d.ts", "20260101000000-a.js.map",
                      "20260101000001-b.cjs", "20260101000001-b.d.ts"}),
        IsEmpty());
}

TEST(AnalyzeFolder, TimestampedFilesSequelizeNeverRunsAreErrors) {
    auto findings = findings_for({"20260101000000-a.sql", "20260101000001-b.mjs",
                                  "20260101000002-c.d.ts", "20260101000003-d.JS"});
    ASSERT_EQ(findings.size(), 4u);
    for (const Finding& finding : findings) {
        EXPECT_EQ(finding.code, FindingCode::not_a_migration);
        EXPECT_EQ(finding.severity, Severity::error);
        EXPECT_FALSE(finding.fixable);
        EXPECT_THAT(finding.advice, HasSubstr(".js"));
    }
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-a.sql"));
}

TEST(AnalyzeFolder, FutureTimestampMoreThanADayAhead) {
    auto findings = findings_for({"20260602120000-exactly-a-day.js", "20260602120001-later.js"});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::future_timestamp));
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_THAT(findings[0].files, ElementsAre("20260602120001-later.js"));
}

// status and migrate never print it: it was noise on every deploy.
TEST(AnalyzeFolder, DuplicateDescriptionIsLeftToTheMergeAnalysis) {
    EXPECT_THAT(findings_for({"20260101000000-add-users.js", "20260102000000-add-users.js"}),
                IsEmpty());
}

TEST(AnalyzeFolder, ErrorsComeFirstThenCodeOrder) {
    auto findings = findings_for({"20990101000000-far.js", "helpers.js", "20260101000000-x.js",
                                  "20260101000000-y.js", "20260101000001-z.sql"});
    EXPECT_THAT(codes_of(findings),
                ElementsAre(FindingCode::same_timestamp, FindingCode::not_a_migration,
                            FindingCode::invalid_name, FindingCode::future_timestamp));
}

// The first real project of issue 24's shape: epoch milliseconds, then
// sequelize-cli names, each scheme in time order.
TEST(AnalyzeFolder, MixedSchemesInTimeOrderAreClean) {
    EXPECT_THAT(findings_for({"1609339480378-create-accounts-types.js",
                              "1609339480999-add-accounts.js", "20210105101010-add-users.js",
                              "202012310115600-between.js", "20201231000000-y.js",
                              "2021-01-05t10-10-10-seven.ts", "20210105101011-x.ts"}),
                IsEmpty());
}

TEST(AnalyzeFolder, EpochMillisecondsAfterFourteenDigitNamesRunFirst) {
    auto findings = findings_for({"1609339480378-a.js", "1609339480999-b.js",
                                  "201905130115600-older.js", "20190601000000-oldest-but-one.js"});
    EXPECT_THAT(codes_of(findings), ElementsAre(FindingCode::order_contradicts_date,
                                                FindingCode::order_contradicts_date));
    EXPECT_THAT(findings[0].files, ElementsAre("1609339480378-a.js", "201905130115600-older.js"));
}

TEST(AnalyzeFolder, FifteenDigitNamesBetweenFourteenDigitOnesAreClean) {
    EXPECT_THAT(findings_for({"20190510000000-a.js", "201905130115600-renames-columns.js",
                              "20190513011559-same-minute.js", "20190514000000-b.js"}),
                IsEmpty());
}

TEST(AnalyzeFolder, ANameThatRunsBeforeAnOlderOneIsAWarningSayingWhere) {
    auto findings = findings_for({"2026-04-05t10-00-00-add-index.ts", "20260401000000-add-users.js",
                                  "20260402000000-add-sites.js"});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::order_contradicts_date));
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_THAT(findings[0].files,
                ElementsAre("2026-04-05t10-00-00-add-index.ts", "20260401000000-add-users.js"));
    EXPECT_THAT(findings[0].message,
                HasSubstr("2026-04-05t10-00-00-add-index.ts runs before "
                          "20260401000000-add-users.js, though it is dated after it"));
}

TEST(AnalyzeFolder, SameTimestampComparesPrefixesAsWritten) {
    EXPECT_THAT(codes_of(findings_for({"1609339480378-a.js", "1609339480378-b.js"})),
                ElementsAre(FindingCode::same_timestamp));
    EXPECT_THAT(findings_for({"1609339480000-a.js", "20201230144440-b.js"}), IsEmpty());
}

TEST(AnalyzeFolder, SqlFolderIsOneMigrationThatIsNotRunYet) {
    auto findings = findings_for({"2026-04-05t10-00-00-add-index/", "20260401000000-a.js"});
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::not_a_migration));
    EXPECT_THAT(findings[0].files, ElementsAre("2026-04-05t10-00-00-add-index/"));
    EXPECT_THAT(findings[0].message, HasSubstr("does not run SQL-folder migrations yet"));
}

}  // namespace
}  // namespace migmerge::core
