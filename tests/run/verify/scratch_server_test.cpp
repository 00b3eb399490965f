// run::ScratchServer with the real PostgreSQL binaries, and with fake ones
// that fail on purpose: what runs, who it runs as, and that nothing outlives it.
#include "verify/scratch_server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <thread>

#include "migmerge/db/catalog.hpp"
#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/termination.hpp"
#include "support/expect_error.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::run {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

#define REQUIRE_SERVER_BINARIES()                                                         \
    do {                                                                                  \
        if (!find_server_bindir()) {                                                      \
            if (test::ci_mode()) FAIL() << "no PostgreSQL server binaries (CI=true)";     \
            GTEST_SKIP() << "no PostgreSQL server binaries (apt-get install postgresql)"; \
        }                                                                                 \
    } while (false)

bool alive(pid_t pid) {
    return ::kill(pid, 0) == 0;
}

// The processes whose parent is `parent` (the server's backends and workers).
std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> children;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
        std::istringstream rest(line.substr(line.rfind(')') + 2));
        std::string state;
        pid_t ppid = 0;
        if (rest >> state >> ppid && ppid == parent)
            children.push_back(std::stoi(entry.path().filename()));
    }
    return children;
}

std::string status_field(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field + ":", 0) == 0) return line.substr(field.size() + 1);
    }
    return "";
}

std::string query(const db::ConnectionTarget& target, const std::string& sql) {
    pqxx::connection connection(target.conninfo());
    pqxx::nontransaction tx(connection);
    return tx.exec1(sql)[0].as<std::string>();
}

bool empty_dir(const std::string& path) {
    return fs::is_empty(path);
}

// A folder that even the unprivileged user may use (TempDir's is 0700 and ours).
class SharedDir : public test::TempDir {
  public:
    SharedDir() { chmod(path().c_str(), 0777); }
    void script(const std::string& name, const std::string& body) const {
        test::write_file(*this / name, "#!/bin/sh\n" + body + "\n");
        chmod((*this / name).c_str(), 0755);
    }
};

// Options for fake binaries in `bindir`, the temp dir made under `tmp`.
ScratchServerOptions options_for(const SharedDir& bindir, const SharedDir& tmp) {
    ScratchServerOptions options;
    options.bindir = bindir.path();
    options.environment = sys::read_environment();
    (*options.environment)["TMPDIR"] = tmp.path();
    return options;
}

// An initdb that is the real one, so that only the fake postgres misbehaves.
void real_initdb(const SharedDir& bindir) {
    bindir.script("initdb", "exec " + *find_server_bindir() + "/initdb \"$@\"");
}

TEST(ScratchServer, TakesConnectionsWithItsPasswordOnly) {
    REQUIRE_SERVER_BINARIES();
    auto server = ScratchServer::start();
    db::ConnectionTarget admin = server->admin_target();
    EXPECT_EQ(admin.source, "embedded scratch server");
    EXPECT_EQ(admin.params["host"], "127.0.0.1");
    EXPECT_EQ(admin.params["port"], std::to_string(server->port()));
    EXPECT_EQ(query(admin,
                    "CREATE TABLE made (id int); INSERT INTO made VALUES (7); "
                    "SELECT id FROM made"),
              "7");
    EXPECT_EQ(query(admin, "SHOW fsync"), "off");
    EXPECT_TRUE(fs::exists(server->directory() + "/.s.PGSQL." + std::to_string(server->port())));
    admin.password = "wrong";
    EXPECT_THROW(query(admin, "SELECT 1"), std::exception);
}

// What verify does with it: scratch databases, one a copy of another.
TEST(ScratchServer, HostsScratchDatabases) {
    REQUIRE_SERVER_BINARIES();
    auto server = ScratchServer::start();
    db::ScratchDatabases scratch(server->admin_target());
    db::ConnectionTarget base = scratch.create("base");
    query(base, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (3); SELECT 1");
    EXPECT_EQ(query(scratch.create("copy", base), "SELECT id FROM kept"), "3");
}

TEST(ScratchServer, TheDestructorEndsEveryServerProcessAndRemovesTheDirectoryPromptly) {
    REQUIRE_SERVER_BINARIES();
    auto server = ScratchServer::start();
    const std::string directory = server->directory();
    const pid_t pid = server->server_pid();
    EXPECT_EQ(directory.rfind("/tmp/migmerge-verify-", 0), 0u) << directory;
    pqxx::connection client(server->admin_target().conninfo());
    std::vector<pid_t> children = children_of(pid);
    EXPECT_FALSE(children.empty());
    const auto before = std::chrono::steady_clock::now();
    server.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
    EXPECT_FALSE(fs::exists(directory));
    EXPECT_FALSE(alive(pid));
    for (int i = 0; i < 200 && std::any_of(children.begin(), children.end(), alive); ++i)
        std::this_thread::sleep_for(10ms);
    for (pid_t child : children) EXPECT_FALSE(alive(child)) << child;
}

TEST(ScratchServer, AsRootTheServerRunsAsTheUnprivilegedUser) {
    REQUIRE_SERVER_BINARIES();
    if (geteuid() != 0) GTEST_SKIP() << "not root: the server runs as us";
    auto server = ScratchServer::start();
    const std::string uid = std::to_string(sys::unprivileged_user()->uid);
    EXPECT_THAT(status_field(server->server_pid(), "Uid"), HasSubstr("\t" + uid + "\t"));
    struct stat info {};
    ASSERT_EQ(stat(server->directory().c_str(), &info), 0);
    EXPECT_EQ(std::to_string(info.st_uid), uid);
}

TEST(ScratchServer, TwoAtOnceGetTheirOwnPortsAndDirectories) {
    REQUIRE_SERVER_BINARIES();
    auto one = ScratchServer::start();
    auto two = ScratchServer::start();
    EXPECT_NE(one->port(), two->port());
    EXPECT_NE(one->directory(), two->directory());
    EXPECT_EQ(query(one->admin_target(), "SELECT 1"), "1");
    EXPECT_EQ(query(two->admin_target(), "SELECT 2"), "2");
}

TEST(ScratchServer, UsesTmpdirForItsDirectory) {
    REQUIRE_SERVER_BINARIES();
    SharedDir tmp;
    ScratchServerOptions options;
    options.environment = sys::read_environment();
    (*options.environment)["TMPDIR"] = tmp.path();
    auto server = ScratchServer::start(options);
    EXPECT_EQ(server->directory().rfind(tmp.path() + "/migmerge-verify-", 0), 0u);
    server.reset();
    EXPECT_TRUE(empty_dir(tmp.path()));
}

TEST(ScratchServer, MissingBinariesAreNamedWithTheHint) {
    SharedDir bindir, tmp;
    bindir.script("postgres", "exit 0");
    Error error = test::expect_error([&] { ScratchServer::start(options_for(bindir, tmp)); },
                                     ExitCode::resource);
    EXPECT_EQ(error.cause(), "no initdb in " + bindir.path());
    EXPECT_THAT(error.hint(), HasSubstr("apt-get install postgresql"));
    EXPECT_THAT(error.hint(), HasSubstr("--scratch-url"));
    EXPECT_TRUE(empty_dir(tmp.path()));
}

TEST(ScratchServer, AFailingInitdbIsAnErrorWithItsOutputAndLeavesNothing) {
    SharedDir bindir, tmp;
    bindir.script("initdb", "echo 'initdb: error: pretend disk full' >&2; exit 1");
    bindir.script("postgres", "exit 0");
    Error error = test::expect_error([&] { ScratchServer::start(options_for(bindir, tmp)); },
                                     ExitCode::resource, "pretend disk full");
    EXPECT_THAT(error.context(), HasSubstr("initdb failed"));
    EXPECT_TRUE(empty_dir(tmp.path()));
}

TEST(ScratchServer, AServerThatEndsIsAnErrorWithItsLogAndLeavesNothing) {
    REQUIRE_SERVER_BINARIES();
    SharedDir bindir, tmp;
    real_initdb(bindir);
    bindir.script("postgres", "echo 'FATAL:  pretend corruption' >&2; exit 1");
    Error error = test::expect_error([&] { ScratchServer::start(options_for(bindir, tmp)); },
                                     ExitCode::resource, "pretend corruption");
    EXPECT_EQ(error.context(), "the embedded PostgreSQL did not start");
    EXPECT_TRUE(empty_dir(tmp.path()));
}

TEST(ScratchServer, AServerThatNeverGetsReadyTimesOutAndLeavesNothing) {
    REQUIRE_SERVER_BINARIES();
    SharedDir bindir, tmp;
    real_initdb(bindir);
    bindir.script("postgres", "echo $$ > " + bindir / "pid" + "; exec sleep 30");
    ScratchServerOptions options = options_for(bindir, tmp);
    options.ready_within = 300ms;
    test::expect_error([&] { ScratchServer::start(options); }, ExitCode::resource,
                       "did not accept connections within 0.3 s");
    EXPECT_TRUE(empty_dir(tmp.path()));
    EXPECT_FALSE(alive(std::stoi(test::read_file(bindir / "pid"))));
}

// The kernel's free port may be taken before the server binds it: the first
// start here fails as PostgreSQL does then, the second is the real server.
TEST(ScratchServer, APortTakenMeanwhileIsRetriedOnAnother) {
    REQUIRE_SERVER_BINARIES();
    SharedDir bindir, tmp;
    real_initdb(bindir);
    const std::string tried = bindir / "tried";
    bindir.script("postgres", "if [ ! -f " + tried + " ]; then touch " + tried +
                                  "; echo 'FATAL:  could not create any TCP/IP sockets' >&2; "
                                  "exit 1; fi; exec " +
                                  *find_server_bindir() + "/postgres \"$@\"");
    auto server = ScratchServer::start(options_for(bindir, tmp));
    EXPECT_TRUE(test::file_exists(tried));
    EXPECT_EQ(query(server->admin_target(), "SELECT 1"), "1");
}

// Exit code of a forked child whose start is interrupted by SIGTERM: 0 when
// it stopped within seconds as stopped_by_signal (143) and left nothing.
int start_interrupted_by_sigterm(const ScratchServerOptions& options, const std::string& tmp) {
    sys::stop_on_termination_signals();
    std::thread sender([] {
        std::this_thread::sleep_for(300ms);
        ::kill(getpid(), SIGTERM);
    });
    sender.detach();
    const auto before = std::chrono::steady_clock::now();
    try {
        ScratchServer::start(options);
        return 10;
    } catch (const Error& error) {
        if (static_cast<int>(error.code()) != 128 + SIGTERM) return 11;
    }
    if (std::chrono::steady_clock::now() - before > 10s) return 12;
    return empty_dir(tmp) ? 0 : 13;
}

TEST(ScratchServer, SigtermDuringStartStopsPromptlyAndLeavesNothing) {
    REQUIRE_SERVER_BINARIES();
    SharedDir bindir, tmp;
    real_initdb(bindir);
    bindir.script("postgres", "exec sleep 30");
    ScratchServerOptions options = options_for(bindir, tmp);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) _exit(start_interrupted_by_sigterm(options, tmp.path()));
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status)) << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_TRUE(empty_dir(tmp.path()));
}

TEST(FindServerBindir, NamesAFolderWithInitdbAndPostgres) {
    REQUIRE_SERVER_BINARIES();
    std::string bindir = *find_server_bindir();
    EXPECT_EQ(access((bindir + "/initdb").c_str(), X_OK), 0);
    EXPECT_EQ(access((bindir + "/postgres").c_str(), X_OK), 0);
}

}  // namespace
}  // namespace migmerge::run
