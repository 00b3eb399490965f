#include "migmerge/sys/identity.hpp"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace migmerge::sys {

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "unknown";
    return name;
}

std::string os_user() {
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return "unknown";
    return found->pw_name;
}

}  // namespace migmerge::sys
