#pragma once
// Who and where migmerge runs, as recorded in the audit and checksum tables,
// and who a child runs as when we are root.
#include <sys/types.h>

#include <optional>
#include <string>

namespace migmerge::sys {

std::string host_name();  // "unknown" when the system will not say
std::string os_user();    // the effective user's name; "unknown" likewise

// A user a child process becomes (sys::Command::run_as).
struct RunAs {
    uid_t uid;
    gid_t gid;
    std::string name;  // for messages
};

// Whom to run a program as that refuses to run as root (PostgreSQL's server):
// nullopt when we are not root; as root the `postgres` user if it exists,
// else `nobody`; nullopt when neither exists.
std::optional<RunAs> unprivileged_user();

}  // namespace migmerge::sys
