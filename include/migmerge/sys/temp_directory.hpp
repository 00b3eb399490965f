#pragma once
// Private directories for throwaway things (an embedded PostgreSQL's data):
// made with mkdtemp, so no other user can race us to the name.
#include <string>

#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/identity.hpp"

namespace migmerge::sys {

// A new directory, mode 0700, $TMPDIR (else /tmp) + "/" + name_prefix +
// "-XXXXXX"; its absolute path. Error(resource) when it cannot be made.
std::string make_temp_directory(const std::string& name_prefix, const Environment& environment);

// Removes `path` and everything under it; never throws (a leftover is only litter).
void remove_tree(const std::string& path) noexcept;

// chown: `user` owns `path` from now on. Error(resource) when it cannot.
void give_to(const std::string& path, const RunAs& user);

}  // namespace migmerge::sys
