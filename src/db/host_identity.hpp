#pragma once
// Who made a change, for the audit trail: the machine and the OS account
// (the database user is recorded by the server itself).
#include <string>

namespace migmerge::db::detail {

std::string host_name();  // "" when unknown
std::string os_user();    // "" when unknown

}  // namespace migmerge::db::detail
