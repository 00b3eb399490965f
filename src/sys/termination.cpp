#include "migmerge/sys/termination.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>

namespace migmerge::sys {
namespace {

std::atomic<int> first_signal{0};
int wake_pipe[2] = {-1, -1};

extern "C" void on_termination(int signal_number) {
    int expected = 0;
    first_signal.compare_exchange_strong(expected, signal_number);
    const int saved = errno;  // a handler must leave errno as it found it
    const char byte = 1;
    (void)!write(wake_pipe[1], &byte, 1);
    errno = saved;
}

void install() {
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;  // then signals kill, as before
    struct sigaction action {};
    action.sa_handler = on_termination;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the second signal of a kind is not caught (a second Ctrl-C
    // stops at once); SA_RESTART: libpq and read() carry on undisturbed.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

}  // namespace

void stop_on_termination_signals() {
    static std::once_flag once;
    std::call_once(once, install);
}

int termination_signal() {
    return first_signal.load();
}

int termination_fd() {
    return wake_pipe[0];
}

bool sleep_unless_terminated(std::chrono::milliseconds duration) {
    if (termination_signal() != 0) return false;
    const auto deadline = std::chrono::steady_clock::now() + duration;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return true;
        pollfd wake{termination_fd(), POLLIN, 0};
        poll(&wake, termination_fd() < 0 ? 0 : 1, static_cast<int>(left.count()));
        if (termination_signal() != 0) return false;
    }
}

const char* signal_name(int signal_number) {
    switch (signal_number) {
        case SIGTERM:
            return "SIGTERM";
        case SIGINT:
            return "SIGINT";
        case SIGKILL:
            return "SIGKILL";
        default:
            return "a signal";
    }
}

}  // namespace migmerge::sys
