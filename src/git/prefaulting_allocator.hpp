#pragma once
// libgit2's memory through glibc's allocator, with the pages of large blocks
// mapped in one call instead of one page fault per 4 KiB (see the .cpp).
#include <git2/sys/alloc.h>

namespace migmerge::git {

// The table that install_prefaulting_allocator hands libgit2 (tests call its
// functions directly).
git_allocator prefaulting_allocator();

// Before git_libgit2_init. Blocks still come from malloc and go back to free,
// so setting it again, or memory allocated before it, is harmless.
void install_prefaulting_allocator();

}  // namespace migmerge::git
