#include "migmerge/cli/app.hpp"

#include <iostream>

#include "migmerge/core/error.hpp"

namespace migmerge::cli {

int run(int argc, char** argv) {
    (void)argc;
    (void)argv;
    std::cout << "migmerge " << MIGMERGE_VERSION << "\n";
    return 0;
}

}  // namespace migmerge::cli
