#pragma once
// SQL identifiers for the tables migmerge touches. Names come from config
// files, so they are always quoted, never pasted raw.
#include <string>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

std::string quote_identifier(const std::string& name);  // "a""b"

// A table beside SequelizeMeta, in its schema: "schema"."name".
std::string side_table(const ConnectionTarget& target, const std::string& name);

inline constexpr const char* applied_table = "migmerge_applied";
inline constexpr const char* audit_table = "migmerge_audit";

}  // namespace migmerge::db::detail
