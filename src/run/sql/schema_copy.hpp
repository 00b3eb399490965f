#pragma once
// A real database's schema, never its rows, copied into a scratch database
// with PostgreSQL's own tools (pg_dump --schema-only, then psql).
#include <string>

#include "migmerge/db/connection.hpp"

namespace migmerge::run {

// `bindir`: where pg_dump and psql are; empty: PATH. Error(resource) with the
// tool's last words when either fails (pg_dump older than the server, an
// extension the scratch server lacks).
void copy_schema(const db::ConnectionTarget& from, const db::ConnectionTarget& to,
                 const std::string& bindir);

}  // namespace migmerge::run
