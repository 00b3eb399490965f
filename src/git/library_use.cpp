#include "library_use.hpp"

#include <git2.h>

#include "handles.hpp"
#include "prefaulting_allocator.hpp"

namespace migmerge::git {

LibraryUse::LibraryUse() {
    install_prefaulting_allocator();
    check(git_libgit2_init(), "cannot initialise libgit2");
    // Like git itself, trust the object database on read: re-hashing every
    // object read cost 12% of `check` on a 50,000-file migrations tree.
    check(git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0), "cannot configure libgit2");
}

LibraryUse::~LibraryUse() {
    git_libgit2_shutdown();
}

}  // namespace migmerge::git
