#include "unique_fd.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "migmerge/core/error.hpp"

namespace migmerge::run {

PipeEnds make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw resource_failure("cannot create a pipe", std::strerror(errno));
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

}  // namespace migmerge::run
