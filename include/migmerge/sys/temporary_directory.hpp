#pragma once
// A fresh directory that is removed, with everything in it, when its owner
// goes: at the end of a command, and on the way out after SIGINT/SIGTERM
// (which the commands that make one turn into an unwinding Error).
#include <string>

namespace migmerge::sys {

class TemporaryDirectory {
  public:
    // `prefix` + 6 random characters (mkdtemp), e.g. "/tmp/migmerge-verify-".
    // Error(resource) naming the parent when it cannot be made.
    explicit TemporaryDirectory(const std::string& prefix);
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace migmerge::sys
