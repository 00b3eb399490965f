// Which commit pre-merge-commit judges: git has not written MERGE_HEAD yet.
#include "migmerge/app/hooks.hpp"

#include <gmock/gmock.h>

namespace migmerge::app {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(RevisionsBeingMerged, GitMergeNamesItsCommits) {
    EXPECT_THAT(revisions_being_merged("merge staging"), ElementsAre("staging"));
    EXPECT_THAT(revisions_being_merged("merge origin/main v1.2"),
                ElementsAre("origin/main", "v1.2"));
}

TEST(RevisionsBeingMerged, ABareMergeTakesTheUpstream) {
    EXPECT_THAT(revisions_being_merged("merge"), ElementsAre("@{upstream}"));
}

TEST(RevisionsBeingMerged, GitPullMergesFetchHead) {
    EXPECT_THAT(revisions_being_merged("pull --no-rebase origin main"), ElementsAre("FETCH_HEAD"));
    EXPECT_THAT(revisions_being_merged("pull"), ElementsAre("FETCH_HEAD"));
}

TEST(RevisionsBeingMerged, AnythingElseIsUnknown) {
    EXPECT_THAT(revisions_being_merged(""), IsEmpty());
    EXPECT_THAT(revisions_being_merged("rebase (finish)"), IsEmpty());
}

}  // namespace
}  // namespace migmerge::app
