// sys::ChildProcess and run_captured against real programs (sh, sleep).
#include "migmerge/sys/child_process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/unique_fd.hpp"
#include "support/expect_error.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::sys {
namespace {

using namespace std::chrono_literals;

CapturedRun sh(const std::string& script, Command command = {}) {
    command.argv = {"sh", "-c", script};
    return run_captured(command, 10s, "");
}

bool alive(pid_t pid) {
    return ::kill(pid, 0) == 0;
}

TEST(RunCaptured, CapturesStdoutStderrAndTheExitCode) {
    CapturedRun run = sh("printf out; printf err >&2; exit 7");
    EXPECT_EQ(run.out, "out");
    EXPECT_EQ(run.err, "err");
    EXPECT_EQ(run.exit_code, 7);
    EXPECT_FALSE(run.timed_out);
}

TEST(RunCaptured, DrainsLargeOutputOnBothStreamsWithoutStalling) {
    CapturedRun run = sh("head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2");
    EXPECT_EQ(run.out.size(), 300000u);
    EXPECT_EQ(run.err.size(), 300000u);
}

TEST(RunCaptured, RunsInTheGivenDirectoryWithExactlyTheGivenEnvironment) {
    test::TempDir dir;
    Command command;
    command.cwd = dir.path();
    command.environment = Environment{{"ONLY", "this"}, {"PATH", "/usr/bin:/bin"}};
    CapturedRun run = sh("pwd; echo \"$ONLY\"; echo \"${HOME:-none}\"", command);
    EXPECT_EQ(run.out, dir.path() + "\nthis\nnone\n");
}

TEST(RunCaptured, StdinReadsDevNullUnlessGiven) {
    EXPECT_EQ(sh("cat; echo end").out, "end\n");
}

TEST(RunCaptured, KillsAChildThatOutlivesTheTimeLimit) {
    auto start = std::chrono::steady_clock::now();
    CapturedRun run = run_captured({{"sleep", "30"}, "", std::nullopt, {}}, 200ms, "");
    EXPECT_TRUE(run.timed_out);
    EXPECT_EQ(run.exit_code, -1);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(ChildProcess, AMissingProgramIsAResourceErrorWithTheHint) {
    Error error = test::expect_error(
        [] { ChildProcess child({{"/nonexistent/program"}, "", std::nullopt, {}}, "install it"); },
        ExitCode::resource);
    EXPECT_EQ(error.context(), "cannot run /nonexistent/program");
    EXPECT_EQ(error.hint(), "install it");
}

TEST(ChildProcess, WiresTheNamedDescriptorsIntoPlace) {
    PipeEnds three = make_pipe();
    Command command{{"sh", "-c", "echo to-three >&3"}, "", std::nullopt, {{3, three.write.get()}}};
    ChildProcess child(command, "");
    three.write.reset();
    char buffer[64] = {};
    ssize_t n = read(three.read.get(), buffer, sizeof buffer - 1);
    EXPECT_EQ(std::string(buffer, n > 0 ? n : 0), "to-three\n");
    EXPECT_EQ(child.wait(), "exit code 0");
}

TEST(ChildProcess, StopKillsAChildThatDoesNotEndWithinTheGrace) {
    ChildProcess child({{"sleep", "30"}, "", std::nullopt, {}}, "");
    pid_t pid = child.pid();
    child.stop(50ms);
    EXPECT_FALSE(child.running());
    EXPECT_FALSE(alive(pid));
}

// A child dies with the thread that started it even when that is SIGKILLed:
// here a forked parent is killed and its grandchild must not survive it.
TEST(ChildProcess, DiesWhenItsParentIsKilled) {
    PipeEnds report = make_pipe();
    pid_t parent = fork();
    ASSERT_GE(parent, 0);
    if (parent == 0) {
        ChildProcess child({{"sleep", "30"}, "", std::nullopt, {}}, "");
        pid_t pid = child.pid();
        (void)!write(report.write.get(), &pid, sizeof pid);
        pause();
        _exit(0);
    }
    report.write.reset();
    pid_t grandchild = 0;
    ASSERT_EQ(read(report.read.get(), &grandchild, sizeof grandchild),
              static_cast<ssize_t>(sizeof grandchild));
    ::kill(parent, SIGKILL);
    waitpid(parent, nullptr, 0);
    for (int i = 0; i < 200 && alive(grandchild); ++i) std::this_thread::sleep_for(10ms);
    EXPECT_FALSE(alive(grandchild));
}

}  // namespace
}  // namespace migmerge::sys
