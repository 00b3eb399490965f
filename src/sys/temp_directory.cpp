#include "migmerge/sys/temp_directory.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "migmerge/core/error.hpp"

namespace migmerge::sys {

std::string make_temp_directory(const std::string& name_prefix, const Environment& environment) {
    auto tmpdir = environment.find("TMPDIR");
    std::string parent =
        tmpdir == environment.end() || tmpdir->second.empty() ? "/tmp" : tmpdir->second;
    std::string pattern = parent + "/" + name_prefix + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data()))
        throw resource_failure("cannot make a directory like " + pattern, std::strerror(errno));
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(buffer.data(), error);
    return error ? std::string(buffer.data()) : absolute.lexically_normal().string();
}

void remove_tree(const std::string& path) noexcept {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

void give_to(const std::string& path, const RunAs& user) {
    if (chown(path.c_str(), user.uid, user.gid) != 0)
        throw resource_failure("cannot give " + path + " to user " + user.name,
                               std::strerror(errno));
}

}  // namespace migmerge::sys
