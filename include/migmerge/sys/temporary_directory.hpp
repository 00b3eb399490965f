#pragma once
// A fresh private directory (mode 0700, made by mkdtemp, so no other user can
// race us to the name) that is removed, with everything in it, when its owner
// goes: at the end of a command, and on the way out after SIGINT/SIGTERM
// (which the commands that make one turn into an unwinding Error).
#include <string>

#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/identity.hpp"

namespace migmerge::sys {

class TemporaryDirectory {
  public:
    // `prefix` + 6 random characters, e.g. "/tmp/migmerge-verify-".
    // Error(resource) naming the pattern when it cannot be made.
    explicit TemporaryDirectory(const std::string& prefix);
    // $TMPDIR (else /tmp) + "/" + name + "-" + 6 random characters, as an
    // absolute path: for throwaway things such as an embedded PostgreSQL's data.
    TemporaryDirectory(const std::string& name, const Environment& environment);
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// Removes `path` and everything under it; never throws (a leftover is only litter).
void remove_tree(const std::string& path) noexcept;

// chown: `user` owns `path` from now on. Error(resource) when it cannot.
void give_to(const std::string& path, const RunAs& user);

}  // namespace migmerge::sys
