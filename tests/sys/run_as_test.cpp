// sys::Command::run_as and unprivileged_user, with real setuid: the tests
// that need root skip without it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/identity.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::sys {
namespace {

using namespace std::chrono_literals;

#define REQUIRE_ROOT() \
    if (geteuid() != 0) GTEST_SKIP() << "needs root to change users"

Command id_command(const std::optional<RunAs>& user) {
    Command command{{"sh", "-c", "id -u; id -g; id -G"}, "", std::nullopt, {}};
    command.run_as = user;
    return command;
}

std::string expected_id_output(const RunAs& user) {
    const std::string gid = std::to_string(user.gid);
    return std::to_string(user.uid) + "\n" + gid + "\n" + gid + "\n";
}

TEST(UnprivilegedUser, IsNoneUnlessRootAndThenPostgresOrNobody) {
    std::optional<RunAs> user = unprivileged_user();
    if (geteuid() != 0) {
        EXPECT_FALSE(user);
        return;
    }
    ASSERT_TRUE(user);
    EXPECT_NE(user->uid, 0u);
    EXPECT_TRUE(user->name == "postgres" || user->name == "nobody") << user->name;
}

TEST(RunAs, TheChildBecomesTheUserWithOnlyItsGroup) {
    REQUIRE_ROOT();
    RunAs user = *unprivileged_user();
    CapturedRun run = run_captured(id_command(user), 10s, "");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, expected_id_output(user));
}

TEST(RunAs, NoneKeepsOurOwnUser) {
    CapturedRun run = run_captured(id_command(std::nullopt), 10s, "");
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')), std::to_string(geteuid()));
}

// Exit code of a forked child that tried to become root without privilege:
// 0 when the ChildProcess said so as a resource error naming the user.
int try_to_become_root_unprivileged() {
    if (geteuid() == 0) {
        RunAs nobody = *unprivileged_user();
        if (setgid(nobody.gid) != 0 || setuid(nobody.uid) != 0) return 10;
    }
    Command command{{"true"}, "", std::nullopt, {}, RunAs{0, 0, "root"}};
    try {
        ChildProcess child(command, "");
        return 11;
    } catch (const Error& error) {
        bool named = error.context() == "cannot run true as root";
        return named && error.code() == ExitCode::resource ? 0 : 12;
    }
}

TEST(RunAs, ACredentialChangeThatFailsIsAResourceErrorNamingTheUser) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) _exit(try_to_become_root_unprivileged());
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

// setuid clears PR_SET_PDEATHSIG: the child must set it again after it.
TEST(RunAs, AChildOfAnotherUserStillDiesWhenItsParentIsKilled) {
    REQUIRE_ROOT();
    PipeEnds report = make_pipe();
    pid_t parent = fork();
    ASSERT_GE(parent, 0);
    if (parent == 0) {
        Command command{{"sleep", "30"}, "", std::nullopt, {}, unprivileged_user()};
        ChildProcess child(command, "");
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
    for (int i = 0; i < 200 && ::kill(grandchild, 0) == 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_NE(::kill(grandchild, 0), 0);
}

TEST(ChildProcess, TryWaitReapsOnlyAChildThatEnded) {
    ChildProcess sleeper({{"sleep", "30"}, "", std::nullopt, {}}, "");
    EXPECT_FALSE(sleeper.try_wait());
    EXPECT_TRUE(sleeper.running());
    sleeper.signal(SIGKILL);
    for (int i = 0; i < 500 && !sleeper.try_wait(); ++i) std::this_thread::sleep_for(2ms);
    EXPECT_FALSE(sleeper.running());
}

}  // namespace
}  // namespace migmerge::sys
