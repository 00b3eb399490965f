#pragma once
// PostgreSQL array literals, so that a whole set of names travels as ONE
// parameter ($1::text[]) and statements stay set-based and injection-free.
#include <string>
#include <vector>

namespace migmerge::db::detail {

// {"a","b\"c"}: every element quoted, so no name can read as NULL.
std::string text_array_literal(const std::vector<std::string>& values);

}  // namespace migmerge::db::detail
