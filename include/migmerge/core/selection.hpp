#pragma once
// Which migrations a run touches, decided from the folder and the rows alone
// (no database, no node), with sequelize-cli's semantics.
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/db_status.hpp"
#include "migmerge/core/finding.hpp"
#include "migmerge/core/local_folder.hpp"
#include "migmerge/core/repair_plan.hpp"

namespace migmerge::core {

// What to do with pending migrations that sort before applied ones.
enum class OutOfOrderPolicy { warn, error, allow };

// Which applied migrations `undo` reverts, as sequelize-cli chooses them.
struct UndoOptions {
    enum class Mode { last, name, all, to };
    Mode mode = Mode::last;
    std::string name;  // for name and to
};

// Files with no row, in byte order, up to and including `to`.
// Error(bad_input) when `to` names no migration file of the folder.
std::vector<LocalMigration> pending_migrations(const LocalFolder& folder,
                                               const std::vector<std::string>& rows,
                                               const std::optional<std::string>& to);

// The rows as applying `plan` would leave them: what a dry run plans against.
std::vector<std::string> rows_after_repair(std::vector<std::string> rows, const RepairPlan& plan);

// The rows to revert, in the order they are reverted. `rows` are in the
// database's collation order (umzug's "last executed" is the greatest).
// Error(bad_input) when the named migration is not applied.
std::vector<std::string> undo_targets(const std::vector<std::string>& rows,
                                      const UndoOptions& options);

// The file of each name. Error(bad_input) naming the first without a file:
// sequelize-cli would break on it too, and a rename belongs in the ledger.
std::vector<LocalMigration> files_for(const LocalFolder& folder,
                                      const std::vector<std::string>& names);

// What a run refuses on: an error-level folder finding blocks `migrate` only
// while one of its files is pending. One about files every database already
// ran (a legacy name, an old same-timestamp pair) is returned as a warning:
// a note, not a refusal.
std::vector<Finding> run_blockers(std::vector<Finding> findings,
                                  const std::vector<std::string>& rows);

// The out-of-order-pending findings of `status` as `policy` wants them:
// warnings, errors (which refuse the run), or none.
std::vector<Finding> out_of_order_findings(const StatusReport& status, OutOfOrderPolicy policy);

// SequelizeMeta as migrate first reads it.
struct MetaRows {
    bool table_exists = false;
    std::vector<std::string> names;     // byte order
    std::vector<std::string> recorded;  // names with a checksum record, byte order
};

// Whether, given the rows, the ledger renames one or a migration is pending
// (up to and including `to`): what a runner waiting for the lock asks.
bool work_remains(const LocalFolder& folder, const Ledger& ledger,
                  const std::vector<std::string>& rows, const std::optional<std::string>& to);
// The same, or the table must be created, or a row whose file is there has
// no checksum record yet (sequelize-cli wrote it): with none of it, migrate
// answers from its first read, as status does, with no lock and no write.
bool migrate_has_work(const LocalFolder& folder, const Ledger& ledger, const MetaRows& rows,
                      const std::optional<std::string>& to);

}  // namespace migmerge::core
