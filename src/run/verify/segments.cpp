// How the per-migration walk is split across the cores, and its segments'
// results put back together as if one walk had run.
#include <algorithm>
#include <thread>

#include "checks.hpp"

namespace migmerge::run {
namespace {

// A later segment first replays the ups before it (about a fifth of what
// walking one costs), so a segment pays only when it has enough to walk.
std::size_t segment_count(const VerifyRequest& request, std::size_t migrations) {
    if (request.walk_segments > 0) return std::min(request.walk_segments, migrations);
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::min(cores, migrations / min_walk_segment);
}

// The cost model that balances the segments, in units of walking the first
// migration. Walking one (up, down, up again, three snapshots) costs more
// the more schema there is to snapshot: on the bench project the last
// migration's walk costs about twice the first's. A catch-up `up` has no
// snapshot: about a fifth.
constexpr double catch_up_cost = 0.2;

double walk_cost(std::size_t migration, std::size_t migrations) {
    return 1.0 + static_cast<double>(migration) / static_cast<double>(migrations);
}

// Segment boundaries for at most `budget` work each, every segment keeping
// at least one migration; empty when `count` segments cannot cover them.
std::vector<WalkRange> ranges_within(double budget, std::size_t count, std::size_t migrations) {
    std::vector<WalkRange> ranges;
    std::size_t begin = 0;
    for (std::size_t j = 0; j < count && begin < migrations; ++j) {
        const std::size_t last = migrations - (count - j - 1);  // leave one for each after
        double work = catch_up_cost * static_cast<double>(begin);
        std::size_t end = begin;
        while (end < last && (end == begin || work + walk_cost(end, migrations) <= budget)) {
            work += walk_cost(end++, migrations);
        }
        ranges.push_back({begin, end});
        begin = end;
    }
    if (begin < migrations) return {};
    return ranges;
}

}  // namespace

// The smallest budget that covers every migration, found by bisection.
std::vector<WalkRange> walk_ranges(const VerifyRequest& request, std::size_t migrations) {
    const std::size_t count = std::max<std::size_t>(1, segment_count(request, migrations));
    if (count == 1) return {{0, migrations}};
    double low = 0, high = 2.0 * static_cast<double>(migrations) * (1 + catch_up_cost);
    for (int round = 0; round < 40; ++round) {
        const double middle = (low + high) / 2;
        (ranges_within(middle, count, migrations).empty() ? low : high) = middle;
    }
    return ranges_within(high, count, migrations);
}

CheckResult merged(std::vector<CheckResult> segments) {
    CheckResult whole = std::move(segments.front());
    for (std::size_t j = 1; j < segments.size(); ++j) {
        CheckResult& part = segments[j];
        whole.findings.insert(whole.findings.end(), std::make_move_iterator(part.findings.begin()),
                              std::make_move_iterator(part.findings.end()));
        if (part.proven.empty()) whole.proven.clear();
        if (whole.skipped_because.empty()) whole.skipped_because = part.skipped_because;
    }
    return whole;
}

}  // namespace migmerge::run
