#pragma once
// libgit2 counts its initialisations; holding one of these keeps the library
// ready for as long as any repository object needs it.
namespace migmerge::git {

class LibraryUse {
  public:
    LibraryUse();
    ~LibraryUse();
    LibraryUse(const LibraryUse&) = delete;
    LibraryUse& operator=(const LibraryUse&) = delete;
};

}  // namespace migmerge::git
