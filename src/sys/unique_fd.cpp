#include "migmerge/sys/unique_fd.hpp"

#include <fcntl.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "migmerge/core/error.hpp"

namespace migmerge::sys {

PipeEnds make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw resource_failure("cannot create a pipe", std::strerror(errno));
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

PipeEnds make_socket_pair() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        throw resource_failure("cannot create a socket pair", std::strerror(errno));
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

}  // namespace migmerge::sys
