#pragma once
// Opening a libpqxx connection for a target, the one place that does.
#include <memory>
#include <pqxx/pqxx>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

// Connects as application_name 'migmerge' (so a lock holder can be named).
// Error(resource) "cannot connect to <display>" with libpq's reason.
std::unique_ptr<pqxx::connection> connect(const ConnectionTarget& target);

}  // namespace migmerge::db::detail
