#include "migmerge/sys/identity.hpp"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace migmerge::sys {
namespace {

std::optional<RunAs> user_named(const char* name) {
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwnam_r(name, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return RunAs{found->pw_uid, found->pw_gid, found->pw_name};
}

}  // namespace

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

std::optional<RunAs> unprivileged_user() {
    if (geteuid() != 0) return std::nullopt;
    if (auto postgres = user_named("postgres")) return postgres;
    return user_named("nobody");
}

}  // namespace migmerge::sys
