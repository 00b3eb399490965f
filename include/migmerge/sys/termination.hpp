#pragma once
// SIGTERM (Kubernetes stopping a pod) and SIGINT (Ctrl-C) as a request to
// stop rather than an instant death: a run in the middle of a migration must
// cancel its statement on the server, wait for it to end and release the lock
// before it exits, or the next run starts the same migration alongside it.
// The handler only records the signal and wakes a pipe; the code that waits
// (for node's reply, for the lock) watches that pipe.
#include <chrono>

namespace migmerge::sys {

// Installs the handlers (once). A second signal of the same kind has its
// default effect: a second Ctrl-C stops at once. Commands that do no work on
// the server never call this, and die at the first signal as they always did.
void stop_on_termination_signals();
// The first SIGTERM or SIGINT since stop_on_termination_signals, or 0.
int termination_signal();
// Readable once a signal arrived (poll it beside what you wait for); -1
// before stop_on_termination_signals.
int termination_fd();
// Sleeps for `duration`, less when a signal arrives; false then.
bool sleep_unless_terminated(std::chrono::milliseconds duration);
// "SIGTERM", "SIGINT", "SIGKILL", else "a signal".
const char* signal_name(int signal_number);

}  // namespace migmerge::sys
