#pragma once
// Comparing two migration sets by walking their sorted maps side by side:
// one pass, instead of a tree lookup (a dozen compares of names that share
// their first 10-14 bytes) per name. Internal to core.
#include <string>
#include <vector>

#include "migmerge/core/migration_set.hpp"

namespace migmerge::core::detail {

// The names of `from` that `other` lacks or holds with other content, in byte order.
std::vector<std::string> changed_or_missing(const MigrationSet& from, const MigrationSet& other);

// The names of `from` that `other` lacks, in byte order.
std::vector<std::string> missing_from(const MigrationSet& from, const MigrationSet& other);

// The sorted union of sorted name lists, without repeats.
std::vector<std::string> sorted_union(const std::vector<std::vector<std::string>>& lists);

}  // namespace migmerge::core::detail
