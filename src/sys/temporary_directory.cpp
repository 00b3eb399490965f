#include "migmerge/sys/temporary_directory.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "migmerge/core/error.hpp"

namespace migmerge::sys {
namespace {

std::string made_like(const std::string& prefix) {
    std::string pattern = prefix + "XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) {
        throw resource_failure("cannot make a directory like " + pattern, std::strerror(errno));
    }
    return buffer.data();
}

std::string under_tmpdir(const std::string& name, const Environment& environment) {
    auto tmpdir = environment.find("TMPDIR");
    std::string parent =
        tmpdir == environment.end() || tmpdir->second.empty() ? "/tmp" : tmpdir->second;
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(parent, error);
    if (!error) parent = absolute.lexically_normal().string();
    if (parent.size() > 1 && parent.back() == '/') parent.pop_back();
    return parent + "/" + name + "-";
}

}  // namespace

TemporaryDirectory::TemporaryDirectory(const std::string& prefix) : path_(made_like(prefix)) {}

TemporaryDirectory::TemporaryDirectory(const std::string& name, const Environment& environment)
    : path_(made_like(under_tmpdir(name, environment))) {}

TemporaryDirectory::~TemporaryDirectory() {
    remove_tree(path_);
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
