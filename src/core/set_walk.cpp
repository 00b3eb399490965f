#include "set_walk.hpp"

#include <algorithm>
#include <iterator>

namespace migmerge::core::detail {
namespace {

// Calls `keep(from_entry, other_entry_or_null)` for every entry of `from`.
template <typename Keep>
std::vector<std::string> walk(const MigrationSet& from, const MigrationSet& other, Keep keep) {
    std::vector<std::string> names;
    auto there = other.files.begin();
    for (const auto& entry : from.files) {
        while (there != other.files.end() && there->first < entry.first) ++there;
        bool found = there != other.files.end() && there->first == entry.first;
        if (keep(entry.second, found ? &there->second : nullptr)) names.push_back(entry.first);
    }
    return names;
}

}  // namespace

std::vector<std::string> changed_or_missing(const MigrationSet& from, const MigrationSet& other) {
    return walk(from, other, [](const std::string& content, const std::string* there) {
        return !there || *there != content;
    });
}

std::vector<std::string> missing_from(const MigrationSet& from, const MigrationSet& other) {
    return walk(from, other, [](const std::string&, const std::string* there) { return !there; });
}

std::vector<std::string> sorted_union(const std::vector<std::vector<std::string>>& lists) {
    std::vector<std::string> merged;
    for (const auto& list : lists) {
        std::vector<std::string> next;
        std::set_union(merged.begin(), merged.end(), list.begin(), list.end(),
                       std::back_inserter(next));
        merged = std::move(next);
    }
    return merged;
}

}  // namespace migmerge::core::detail
