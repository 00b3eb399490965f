#pragma once
// `migmerge sql`: the SQL the pending migrations (or, with refs, the
// migrations the merge adds) would send, caught while they run on a scratch
// copy; the real database is only read.
#include <optional>
#include <string>

#include "migmerge/app/connection.hpp"
#include "migmerge/app/judge.hpp"
#include "migmerge/run/sql_capture.hpp"

namespace migmerge::app {

struct SqlRequest {
    RefRequest refs;  // with a base or a head: the merge's new migrations after base's
    std::optional<std::string> scratch_url;  // else an embedded throwaway PostgreSQL
    DbRequest db;  // the real database (without refs) and the config that shapes Sequelize

    bool with_refs() const { return refs.base || refs.head; }
};

struct SqlResult {
    run::SqlReport report;
    db::ConnectionTarget target;  // the real database read, or the project's config shape
};

SqlResult sql(const WorkspaceRequest& where, const SqlRequest& request);

}  // namespace migmerge::app
