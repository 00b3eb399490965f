#include "migmerge/sys/local_port.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::sys {

int unused_local_port() {
    UniqueFd socket_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    if (!socket_fd.valid() || bind(socket_fd.get(), generic, sizeof address) != 0 ||
        getsockname(socket_fd.get(), generic, &length) != 0)
        throw resource_failure("cannot find a free TCP port on 127.0.0.1", std::strerror(errno));
    return ntohs(address.sin_port);
}

}  // namespace migmerge::sys
