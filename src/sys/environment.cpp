#include "migmerge/sys/environment.hpp"

extern char** environ;

namespace migmerge::sys {

Environment read_environment() {
    Environment environment;
    for (char** entry = environ; entry && *entry; ++entry) {
        std::string line(*entry);
        auto equals = line.find('=');
        if (equals != std::string::npos && equals > 0)
            environment[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return environment;
}

}  // namespace migmerge::sys
