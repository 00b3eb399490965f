#include "library_use.hpp"

#include <git2.h>

#include "handles.hpp"

namespace migmerge::git {

LibraryUse::LibraryUse() {
    check(git_libgit2_init(), "cannot initialise libgit2");
}

LibraryUse::~LibraryUse() {
    git_libgit2_shutdown();
}

}  // namespace migmerge::git
