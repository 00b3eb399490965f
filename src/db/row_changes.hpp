#pragma once
// Applying a repair plan to SequelizeMeta, set-based: each kind of change is
// ONE statement over arrays, however many rows it touches.
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "meta_schema.hpp"
#include "migmerge/core/repair_plan.hpp"

namespace migmerge::db::detail {

// One migmerge_audit row per change, in plan order ("rename" or "prune").
void write_audit(pqxx::transaction_base& tx, const ConnectionTarget& target,
                 const std::vector<core::RowChange>& changes, const std::string& version);

// Renames as delete + insert, so that a new name that is another change's old
// name never collides transiently with the unique key. "createdAt" survives,
// "updatedAt" becomes now().
void apply_renames(pqxx::transaction_base& tx, const ConnectionTarget& target, TableShape shape,
                   const std::vector<core::RowChange>& renames);

// Checksum records follow their rows to the new names (delete + insert, as
// above); a record already kept under a new name wins.
void rename_applied_records(pqxx::transaction_base& tx, const ConnectionTarget& target,
                            const std::vector<core::RowChange>& renames);

void apply_deletes(pqxx::transaction_base& tx, const ConnectionTarget& target,
                   const std::vector<core::RowChange>& deletes);

}  // namespace migmerge::db::detail
