#include "migmerge/sys/temporary_directory.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/temp_directory.hpp"

namespace migmerge::sys {

TemporaryDirectory::TemporaryDirectory(const std::string& prefix) {
    std::string pattern = prefix + "XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) {
        throw resource_failure("cannot make a directory like " + pattern, std::strerror(errno));
    }
    path_ = buffer.data();
}

TemporaryDirectory::~TemporaryDirectory() {
    remove_tree(path_);
}

}  // namespace migmerge::sys
