#pragma once
// A TCP port for a server of our own on the loopback interface.
namespace migmerge::sys {

// A port on 127.0.0.1 that nothing listens on at this moment, as the kernel
// picks one. Someone may take it before our server binds it: a caller retries
// with another. Error(resource) when no socket can be bound at all.
int unused_local_port();

}  // namespace migmerge::sys
