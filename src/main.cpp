#include "migmerge/cli/app.hpp"

int main(int argc, char** argv) { return migmerge::cli::run(argc, argv); }
