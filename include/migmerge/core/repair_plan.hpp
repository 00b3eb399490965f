#pragma once
// What `repair` does to SequelizeMeta, decided without a database: the rows as
// they are, the ledger, the migration files. docs/DESIGN.md's semantics: a row
// `from` with no row `to` is renamed; chains (a->b, b->c) resolve in order;
// both present is double-applied (left alone, reported); neither is nothing
// to do. Applying the plan twice changes nothing the second time.
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/ledger.hpp"

namespace migmerge::core {

struct RowChange {
    std::string old_name;
    std::string new_name;  // empty: the row is deleted (--prune-orphans)

    bool is_delete() const { return new_name.empty(); }
    friend bool operator==(const RowChange& a, const RowChange& b) {
        return a.old_name == b.old_name && a.new_name == b.new_name;
    }
};

struct RepairPlan {
    // Renames first, by old name except that a row only moves onto a name after
    // the row holding it has moved away (so they apply one UPDATE at a time);
    // then deletes, by name.
    std::vector<RowChange> changes;
    std::vector<Finding> findings;  // double-applied, and orphans when not pruned

    friend bool operator==(const RepairPlan& a, const RepairPlan& b) {
        return a.changes == b.changes && a.findings == b.findings;
    }
};

// Rows and files in byte order (as the database and the folder give them) are
// used as they are; otherwise plan_repair sorts a copy.
struct RepairInput {
    std::vector<std::string> rows;  // SequelizeMeta names
    Ledger ledger;
    std::vector<std::string> files;  // names sequelize-cli would run, from the folder
    bool prune_orphans = false;
};

RepairPlan plan_repair(const RepairInput& input);

std::ostream& operator<<(std::ostream& out, const RowChange& change);
std::ostream& operator<<(std::ostream& out, const RepairPlan& plan);

}  // namespace migmerge::core
