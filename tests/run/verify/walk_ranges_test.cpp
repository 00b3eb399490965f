// How verify splits its walk: contiguous, non-empty segments covering every
// migration, the earlier ones longer (later migrations cost more to walk,
// and a later segment first catches up).
#include <gtest/gtest.h>

#include "verify/checks.hpp"

namespace migmerge::run {
namespace {

std::vector<WalkRange> split(std::size_t migrations, std::size_t segments) {
    VerifyRequest request;
    request.walk_segments = segments;
    return walk_ranges(request, migrations);
}

void expect_cover(const std::vector<WalkRange>& ranges, std::size_t migrations) {
    ASSERT_FALSE(ranges.empty());
    EXPECT_EQ(ranges.front().begin, 0u);
    EXPECT_EQ(ranges.back().end, migrations);
    for (std::size_t j = 0; j < ranges.size(); ++j) {
        EXPECT_LT(ranges[j].begin, ranges[j].end) << "segment " << j << " is empty";
        if (j > 0) {
            EXPECT_EQ(ranges[j].begin, ranges[j - 1].end);
        }
    }
}

TEST(WalkRanges, EverySegmentIsContiguousAndNonEmpty) {
    for (std::size_t migrations : {1u, 2u, 3u, 4u, 5u, 17u, 300u}) {
        for (std::size_t segments : {1u, 2u, 3u, 8u}) {
            const auto ranges = split(migrations, segments);
            EXPECT_EQ(ranges.size(), std::min(migrations, segments));
            expect_cover(ranges, migrations);
        }
    }
}

TEST(WalkRanges, EarlierSegmentsTakeMoreOfTheMigrations) {
    const auto two = split(300, 2);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_GT(two[0].end, 170u);  // even would be 150: the second pays for 150+ catch-ups
    EXPECT_LT(two[0].end, 220u);
    const auto three = split(300, 3);
    ASSERT_EQ(three.size(), 3u);
    EXPECT_GT(three[0].end - three[0].begin, three[1].end - three[1].begin);
    EXPECT_GT(three[1].end - three[1].begin, three[2].end - three[2].begin);
}

TEST(WalkRanges, ASmallProjectIsOneWalk) {
    VerifyRequest request;  // walk_segments 0: by cores, min_walk_segment each
    EXPECT_EQ(walk_ranges(request, min_walk_segment - 1).size(), 1u);
}

}  // namespace
}  // namespace migmerge::run
