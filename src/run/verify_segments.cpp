// How the per-migration walk is split across the cores, and its segments'
// results put back together as if one walk had run.
#include <algorithm>
#include <thread>

#include "verify_checks.hpp"

namespace migmerge::run {
namespace {

// A later segment first replays the ups before it (about a tenth of what
// walking one costs), so a segment pays only when it has enough to walk.
std::size_t segment_count(const VerifyRequest& request, std::size_t migrations) {
    if (request.walk_segments > 0) return std::min(request.walk_segments, migrations);
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::min(cores, migrations / min_walk_segment);
}

}  // namespace

// What a catch-up `up` costs, against walking one migration (up, down, up
// again and three snapshots), measured on the bench project.
constexpr double kCatchUpCost = 0.1;

// Equal work per segment: a segment starting at b walks w = W - c*b, so
// each boundary is W + (1 - c) times the one before, and the last is n.
std::vector<WalkRange> walk_ranges(const VerifyRequest& request, std::size_t migrations) {
    const std::size_t count = std::max<std::size_t>(1, segment_count(request, migrations));
    double scale = 0;
    for (std::size_t j = 0; j < count; ++j) scale = 1 + (1 - kCatchUpCost) * scale;
    const double work = static_cast<double>(migrations) / scale;
    std::vector<WalkRange> ranges;
    double boundary = 0;
    for (std::size_t j = 0; j < count; ++j) {
        const std::size_t begin = ranges.empty() ? 0 : ranges.back().end;
        boundary = work + (1 - kCatchUpCost) * boundary;
        const auto end = j + 1 == count ? migrations : static_cast<std::size_t>(boundary + 0.5);
        ranges.push_back({begin, std::max(begin, std::min(end, migrations))});
    }
    return ranges;
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
