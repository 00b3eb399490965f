// SIGKILL of the process running migrate, in the middle of a migration: the
// node bridge must die with it, the advisory lock must be released, and the
// next run must finish without re-running what was done.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "migmerge/core/error.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/migrate.hpp"
#include "run_project.hpp"

namespace migmerge::run {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;
using Clock = std::chrono::steady_clock;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

// The parent pid of a process, from /proc/PID/stat ("pid (comm) state ppid ...").
std::optional<pid_t> parent_of(const std::string& pid) {
    std::ifstream stat("/proc/" + pid + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return std::nullopt;
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string state;
    pid_t parent = 0;
    rest >> state >> parent;
    return parent;
}

std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> children;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        if (parent_of(name) == parent) children.push_back(std::stoi(name));
    }
    return children;
}

bool alive(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    return std::getline(stat, line) && line.substr(line.rfind(')') + 2, 1) != "Z";
}

template <typename Condition>
bool eventually(Condition condition, std::chrono::seconds limit = std::chrono::seconds(20)) {
    const auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

bool lock_is_free(const db::ConnectionTarget& target) {
    try {
        db::AdvisoryLock lock(target, std::chrono::seconds(0));
        return true;
    } catch (const Error&) {
        return false;
    }
}

pid_t fork_migrate(const RunContext& context) {
    pid_t child = fork();
    if (child == 0) {
        try {
            migrate(context, {}, {});
        } catch (...) {
        }
        _exit(0);
    }
    return child;
}

TEST(KillMidMigration, LeavesNoBridgeNoLockAndResumes) {
    MIGMERGE_REQUIRE_POSTGRES();
    MIGMERGE_REQUIRE_NODE();
    test::TestDatabase database;
    test::RunProject project(database);
    const std::string slow_marker = project.dir() + "/slow";
    test::write_file(slow_marker, "");
    project.add_migration(a, test::counting_migration(a));
    // b sleeps only while the marker exists, so the rerun is quick.
    project.add_migration(
        b, test::counting_migration(b, "    if (require('fs').existsSync('" + slow_marker +
                                           "')) await queryInterface.sequelize.query("
                                           "'SELECT pg_sleep(120)');\n"));
    project.add_migration(c, test::counting_migration(c));

    pid_t child = fork_migrate(project.context());
    ASSERT_GT(child, 0);
    const bool sleeping = eventually([&] {
        return database.query_value(
                   "SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                   "'SELECT pg_sleep%' AND datname = current_database()") == "1";
    });
    const std::vector<pid_t> bridges = children_of(child);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    ASSERT_TRUE(sleeping) << "b never started";
    ASSERT_EQ(bridges.size(), 1u) << "expected exactly one node bridge under the runner";

    EXPECT_TRUE(eventually([&] { return !alive(bridges[0]); })) << "node outlived the runner";
    EXPECT_TRUE(eventually([&] { return lock_is_free(database.target()); }));
    EXPECT_EQ(test::meta_rows(database), Names{a});

    fs::remove(slow_marker);
    RunReport report = migrate(project.context(), {}, {});
    EXPECT_EQ(report.done, (Names{b, c}));
    EXPECT_EQ(test::meta_rows(database), (Names{a, b, c}));
    // b was interrupted after its first statement and ran again: a migration
    // is no transaction, as with sequelize-cli. What was recorded never reran.
    const auto ran = test::effects(database);
    EXPECT_EQ(std::count(ran.begin(), ran.end(), a), 1);
    EXPECT_EQ(std::count(ran.begin(), ran.end(), b), 2);
    EXPECT_EQ(std::count(ran.begin(), ran.end(), c), 1);
}

}  // namespace
}  // namespace migmerge::run
