// Where PostgreSQL's server binaries live: packagers disagree (Debian keeps
// one folder per major version, the PGDG RPMs /usr/pgsql-N, source builds
// /usr/local/pgsql), and a client-only pg_config may name a folder without them.
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/text_file.hpp"
#include "scratch_server.hpp"

namespace migmerge::run {
namespace {

namespace fs = std::filesystem;

bool executable(const std::string& path) {
    return access(path.c_str(), X_OK) == 0 && fs::is_regular_file(path);
}

bool has_server(const std::string& dir) {
    return !dir.empty() && executable(dir + "/initdb") && executable(dir + "/postgres");
}

std::optional<std::string> pg_config_bindir(const sys::Environment& environment) {
    try {
        sys::Command command{{"pg_config", "--bindir"}, "", environment, {}};
        sys::CapturedRun run = sys::run_captured(command, std::chrono::seconds(10), "");
        if (run.exit_code == 0) return sys::first_line(run.out);
    } catch (const Error&) {
        // No pg_config: the usual folders may still have a server.
    }
    return std::nullopt;
}

// `parent`'s entries named prefix + version + suffix, newest version first.
std::vector<std::string> versioned(const std::string& parent, const std::string& prefix,
                                   const std::string& suffix) {
    std::vector<std::string> versions;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(parent, error)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0) versions.push_back(name.substr(prefix.size()));
    }
    std::sort(versions.begin(), versions.end(), [](const std::string& a, const std::string& b) {
        return strverscmp(a.c_str(), b.c_str()) > 0;  // "16" before "9.6"
    });
    for (std::string& version : versions) version = parent + "/" + prefix + version + suffix;
    return versions;
}

std::vector<std::string> path_dirs(const sys::Environment& environment) {
    auto path = environment.find("PATH");
    std::vector<std::string> dirs;
    if (path == environment.end()) return dirs;
    std::string rest = path->second;
    for (std::size_t colon; (colon = rest.find(':')) != std::string::npos;) {
        dirs.push_back(rest.substr(0, colon));
        rest.erase(0, colon + 1);
    }
    dirs.push_back(rest);
    return dirs;
}

std::vector<std::string> candidates(const sys::Environment& environment) {
    std::vector<std::string> dirs;
    if (auto bindir = pg_config_bindir(environment)) dirs.push_back(*bindir);
    for (const std::string& dir : versioned("/usr/lib/postgresql", "", "/bin")) dirs.push_back(dir);
    dirs.push_back("/usr/local/pgsql/bin");
    for (const std::string& dir : versioned("/usr", "pgsql-", "/bin")) dirs.push_back(dir);
    for (const std::string& dir : path_dirs(environment)) dirs.push_back(dir);
    return dirs;
}

}  // namespace

std::optional<std::string> find_server_bindir(const std::optional<sys::Environment>& environment) {
    for (const std::string& dir : candidates(environment.value_or(sys::read_environment()))) {
        if (has_server(dir)) return dir;
    }
    return std::nullopt;
}

}  // namespace migmerge::run
