#pragma once
// What a statement does to a busy table, read from its text alone: its kind
// ("CREATE INDEX", "ALTER TABLE", ...), whether it is DDL, the table lock
// PostgreSQL takes for it and whether that lock blocks writes. `migmerge sql`
// marks the statements a reviewer should look at twice.
#include <string>

namespace migmerge::core {

struct StatementLock {
    std::string kind;            // its leading keywords, upper case: "CREATE INDEX CONCURRENTLY"
    bool ddl = false;            // changes the schema
    std::string lock;            // "ACCESS EXCLUSIVE", "SHARE", ...; empty: no table lock
    bool blocks_writes = false;  // the lock conflicts with INSERT/UPDATE/DELETE's ROW EXCLUSIVE
};

// PostgreSQL 15's rules (the "Explicit Locking" chapter), for the statements
// Sequelize's query interface and raw migrations send. A statement it does not
// know is neither DDL nor locked: `kind` still names it.
StatementLock statement_lock(const std::string& sql);

}  // namespace migmerge::core
