#pragma once
// libgit2's memory through glibc's allocator, with the pages of large blocks
// mapped in one call instead of one page fault per 4 KiB (see the .cpp).
namespace migmerge::git {

// Before git_libgit2_init. Blocks still come from malloc and go back to free,
// so setting it again, or memory allocated before it, is harmless.
void install_prefaulting_allocator();

}  // namespace migmerge::git
