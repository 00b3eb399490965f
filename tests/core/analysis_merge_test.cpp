// analyze_merge: what a merge introduces, what both sides already live
// with (notes), and what the project accepted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "merge_scenario.hpp"
#include "migmerge/core/analysis.hpp"

namespace migmerge::core {
namespace {

using test::codes_of;
using test::content_id;
using test::MergeScenario;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string legacy = "00-init-model.js";
const std::string old_a = "20200101000000-a.js";
const std::string old_b = "20200101000000-b.js";
const std::string initial = "20210101000000-initial.js";

void set_content(AnalysisInput& input, std::initializer_list<MigrationSet*> sets,
                 const std::string& name, const std::string& id) {
    for (MigrationSet* set : sets) set->files[name] = id;
}

TEST(AnalyzeMerge, LegacyProblemsOnBothSidesAreNotesNotErrors) {
    MergeScenario merge;
    merge.at_merge_base({legacy, old_a, old_b, initial}).added_by_head({"20260101000000-new.js"});
    Analysis analysis = analyze_merge(merge.input());
    EXPECT_THAT(analysis.findings, IsEmpty());
    EXPECT_THAT(codes_of(analysis.preexisting),
                ElementsAre(FindingCode::same_timestamp, FindingCode::invalid_name));
}

TEST(AnalyzeMerge, ALegacyNameTheHeadAddsIsAnError) {
    MergeScenario merge;
    merge.at_merge_base({initial}).added_by_head({"helpers.js"});
    Analysis analysis = analyze_merge(merge.input());
    EXPECT_THAT(codes_of(analysis.findings), ElementsAre(FindingCode::invalid_name));
    EXPECT_THAT(analysis.preexisting, IsEmpty());
}

TEST(AnalyzeMerge, AHeadFileJoiningAnOldTimestampIsTheMergesOwn) {
    MergeScenario merge;
    merge.at_merge_base({old_a, initial}).added_by_head({"20200101000000-c.js"});
    Analysis analysis = analyze_merge(merge.input());
    ASSERT_THAT(codes_of(analysis.findings),
                ElementsAre(FindingCode::same_timestamp, FindingCode::out_of_order));
    EXPECT_TRUE(analysis.findings[0].fixable);
}

// The deployed side archived old migrations after an old branch forked: its
// own past, not the branch's doing. The branch deleting one is the merge's.
TEST(AnalyzeMerge, ADeletionTheDeployedSideMadeIsANoteTheIncomingSidesIsAnError) {
    MergeScenario merge;
    merge.at_merge_base({initial, old_a});
    AnalysisInput& input = merge.input();
    for (MigrationSet* set : {&input.sets.base, &input.sets.result}) set->files.erase(old_a);
    EXPECT_THAT(codes_of(analyze_merge(input).preexisting), ElementsAre(FindingCode::deleted));
    input.sets.head.files.erase(old_a);
    EXPECT_THAT(codes_of(analyze_merge(input).preexisting), ElementsAre(FindingCode::deleted));
    input.sets.base.files[old_a] = content_id(old_a);
    Analysis analysis = analyze_merge(input);
    ASSERT_THAT(codes_of(analysis.findings), ElementsAre(FindingCode::deleted));
    EXPECT_EQ(analysis.findings[0].side, Side::head);
}

TEST(AnalyzeMerge, AnEditTheDeployedSideHasIsANoteAnIncomingEditIsAnError) {
    MergeScenario merge;
    merge.at_merge_base({initial});
    AnalysisInput& input = merge.input();
    set_content(input, {&input.sets.base, &input.sets.head, &input.sets.result}, initial, "v2");
    EXPECT_THAT(codes_of(analyze_merge(input).preexisting), ElementsAre(FindingCode::modified));
    set_content(input, {&input.sets.head}, initial, content_id(initial));  // base's edit only
    EXPECT_THAT(codes_of(analyze_merge(input).preexisting), ElementsAre(FindingCode::modified));
    set_content(input, {&input.sets.head}, initial, "v3");  // head brings another version
    Analysis analysis = analyze_merge(input);
    ASSERT_THAT(codes_of(analysis.findings), ElementsAre(FindingCode::modified));
    EXPECT_EQ(analysis.findings[0].side, Side::both);
    set_content(input, {&input.sets.base, &input.sets.result}, initial, content_id(initial));
    EXPECT_EQ(analyze_merge(input).findings[0].side, Side::head);
}

TEST(AnalyzeMerge, ALegacyNameTheDeployedSideAddedIsANote) {
    MergeScenario merge;
    merge.at_merge_base({initial}).added_by_base({"20210804936184-bad-clock.js"});
    Analysis analysis = analyze_merge(merge.input());
    EXPECT_THAT(analysis.findings, IsEmpty());
    EXPECT_THAT(codes_of(analysis.preexisting), ElementsAre(FindingCode::invalid_name));
}

TEST(AnalyzeMerge, AnEditOfOnlyWhitespaceAndCommentsIsAWarning) {
    MergeScenario merge;
    merge.at_merge_base({initial});
    AnalysisInput& input = merge.input();
    set_content(input, {&input.sets.head, &input.sets.result}, initial, "v2");
    input.texts[content_id(initial)] = "module.exports = {up(q){return q.dropTable('x')}};\n";
    input.texts["v2"] =
        "// Drops x.\nmodule.exports = {\n  up(q) {\n    return q.dropTable('x')\n  }\n};\n";
    EXPECT_THAT(texts_to_read(input.sets), ElementsAre(content_id(initial), "v2"));
    Analysis analysis = analyze_merge(input);
    ASSERT_THAT(codes_of(analysis.findings), ElementsAre(FindingCode::modified));
    EXPECT_EQ(analysis.findings[0].severity, Severity::warning);
    EXPECT_THAT(analysis.findings[0].message, HasSubstr("only its whitespace or comments"));

    input.texts["v2"] = "module.exports = {up(q){return q.dropTable('y')}};\n";
    EXPECT_EQ(analyze_merge(input).findings[0].severity, Severity::error);
    input.texts.erase("v2");  // a text that could not be read: an edit, to be safe
    EXPECT_EQ(analyze_merge(input).findings[0].severity, Severity::error);
}

TEST(AnalyzeMerge, AcceptedChangesStopBeingFindings) {
    MergeScenario merge;
    merge.at_merge_base({initial}).added_by_head({"helpers.js"});
    AnalysisInput& input = merge.input();
    set_content(input, {&input.sets.head, &input.sets.result}, initial, "abcdef1234567");
    input.accepted = AcceptedChanges::parse(
        "invalid-name\thelpers.js\tkept for history\n"
        "modified\t" +
            initial + "\treformatted\tabcdef1\n",
        "accepted");
    Analysis analysis = analyze_merge(input);
    EXPECT_THAT(analysis.findings, IsEmpty());
    EXPECT_THAT(codes_of(analysis.accepted),
                ElementsAre(FindingCode::modified, FindingCode::invalid_name));
}

TEST(AnalyzeMerge, AnAcceptedEditIsThatVersionOnly) {
    MergeScenario merge;
    merge.at_merge_base({initial});
    AnalysisInput& input = merge.input();
    set_content(input, {&input.sets.head, &input.sets.result}, initial, "fedcba9876543");
    input.accepted =
        AcceptedChanges::parse("modified\t" + initial + "\treformatted\tabcdef1\n", "accepted");
    Analysis analysis = analyze_merge(input);
    EXPECT_THAT(codes_of(analysis.findings), ElementsAre(FindingCode::modified));
    EXPECT_THAT(analysis.accepted, IsEmpty());
}

TEST(AnalyzeMerge, AnAcceptedPairNeedsEveryFileOfTheGroup) {
    MergeScenario merge;
    merge.at_merge_base({old_a}).added_by_head({old_b});
    merge.input().accepted =
        AcceptedChanges::parse("same-timestamp\t" + old_a + "\told pair\n", "accepted");
    EXPECT_THAT(codes_of(analyze_merge(merge.input()).findings),
                ElementsAre(FindingCode::same_timestamp));
    merge.input().accepted = AcceptedChanges::parse(
        "same-timestamp\t" + old_a + "\told pair\nsame-timestamp\t" + old_b + "\told pair\n",
        "accepted");
    EXPECT_THAT(codes_of(analyze_merge(merge.input()).accepted),
                ElementsAre(FindingCode::same_timestamp));
}

TEST(AnalyzeMerge, DuplicateDescriptionOnlyWhenBothSidesAddIt) {
    MergeScenario within_one_side;
    within_one_side.at_merge_base({"20200101000000-add-users.js"})
        .added_by_head({"20260101000000-add-users.js"});
    EXPECT_THAT(analyze_merge(within_one_side.input()).findings, IsEmpty());
    MergeScenario across;
    across.added_by_base({"20260101000000-add-users.js"})
        .added_by_head({"20260102000000-add-users.js"});
    EXPECT_THAT(codes_of(analyze_merge(across.input()).findings),
                ElementsAre(FindingCode::duplicate_description));
}

TEST(FolderProblems, DropWhatTheFolderAccepts) {
    MigrationSet folder;
    folder.files = {{legacy, "x"}, {initial, "y"}, {"helpers.js", "z"}};
    folder.accepted_text = "invalid-name\t" + legacy + "\tthe first schema\n";
    auto findings = folder_problems(folder, *Timestamp::parse("20300101000000"), "accepted");
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::invalid_name));
    EXPECT_THAT(findings[0].files, ElementsAre("helpers.js"));
}

}  // namespace
}  // namespace migmerge::core
