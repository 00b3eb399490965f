#pragma once
// The command line: parses argv, runs one command, prints errors in the one
// place they are printed, returns docs/DESIGN.md's exit code.
namespace migmerge::cli {

int run(int argc, char** argv);

}  // namespace migmerge::cli
