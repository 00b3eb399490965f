#pragma once
// One owned file descriptor, closed when its owner goes away, and the two
// kinds of channel a child process is spoken to over.
#include <unistd.h>

#include <utility>

namespace migmerge::sys {

class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.release();
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release() { return std::exchange(fd_, -1); }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};

struct PipeEnds {
    UniqueFd read;
    UniqueFd write;
};

// Both ends close-on-exec: a child keeps only what it dup2()s into place.
PipeEnds make_pipe();

// A connected stream socket pair, close-on-exec. Unlike a pipe, writing to it
// with send(MSG_NOSIGNAL) after the peer died fails with EPIPE instead of
// raising SIGPIPE.
PipeEnds make_socket_pair();

}  // namespace migmerge::sys
