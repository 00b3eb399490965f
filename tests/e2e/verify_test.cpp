// `migmerge verify` through the built binary, on real PostgreSQL with the
// project's own sequelize: the checks' verdicts on migrations written the
// ways that break them, the merge's deployed orders from real git, and that
// nothing is left behind (databases, the embedded server, its directory).
#include <gmock/gmock.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/git_fixture.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Json = nlohmann::json;

std::string create_table(const std::string& table) {
    return up_down_migration(
        "    await queryInterface.createTable('" + table +
            "', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: "
            "true }, name: Sequelize.STRING });",
        "    await queryInterface.dropTable('" + table + "');");
}

std::string add_column(const std::string& table, const std::string& column) {
    return up_down_migration(
        "    await queryInterface.addColumn('" + table + "', '" + column + "', Sequelize.STRING);",
        "    await queryInterface.removeColumn('" + table + "', '" + column + "');");
}

// The verdict of each check, from --format json.
std::map<std::string, std::string> verdicts(const Json& report) {
    std::map<std::string, std::string> found;
    for (const auto& check : report.at("checks")) {
        found[check.at("check").get<std::string>()] = check.at("verdict").get<std::string>();
    }
    return found;
}

std::vector<std::string> codes(const Json& report) {
    std::vector<std::string> found;
    for (const auto& finding : report.at("findings")) found.push_back(finding.at("code"));
    return found;
}

// The last line of a --format json run is the report (the others are events).
Json report_of(const ProcessResult& result) {
    const std::string& out = result.out;
    const auto end = out.find_last_not_of('\n');
    const auto start = out.rfind('\n', end);
    return Json::parse(out.substr(start == std::string::npos ? 0 : start + 1));
}

// The databases of one verify run, by the prefix its report names.
std::vector<std::string> scratch_databases(const TestDatabase& any, const std::string& prefix) {
    return any.query_column("SELECT datname FROM pg_database WHERE starts_with(datname, '" +
                            prefix + "') ORDER BY 1");
}

// The last line of a --format json run is the report (the others are events).
Json report_of(const ProcessResult& result);

class Verify : public ProjectTest<SequelizeProject> {
  protected:
    // The test cluster as --scratch-url: its maintenance database.
    std::string scratch_url() const {
        const PgServer& server = database_->server();
        return "postgres://" + server.user + ":" + server.password + "@" + server.host + ":" +
               server.port + "/postgres";
    }
    // Every snapshot of the run also read in full and compared: a difference
    // fails verify, so a passing run proves the incremental reads.
    static inline const std::map<std::string, std::string> cross_check = {
        {"MIGMERGE_CROSS_CHECK_SNAPSHOTS", "1"}};

    ProcessResult verify(std::vector<std::string> args, const std::string& cwd = {},
                         const std::map<std::string, std::string>& env = {}) const {
        args.insert(args.begin(), {"verify", "--format", "json", "--scratch-url", scratch_url()});
        ProcessResult result = run_migmerge(args, cwd.empty() ? project_->dir() : cwd, env);
        if (result.exit_code == 0 || result.exit_code == 1) {
            const std::string prefix = report_of(result).at("databases");
            EXPECT_THAT(prefix, ::testing::StartsWith("migmerge_verify_"));
            EXPECT_THAT(scratch_databases(*database_, prefix), IsEmpty())
                << "verify left databases behind";
        }
        // verify never touches the project's own database.
        EXPECT_EQ(
            database_->query_value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
            "0");
        return result;
    }
    void add(const std::string& name, const std::string& source) const {
        project_->add_migration(name, source);
    }
};

TEST_F(Verify, TheDevOpserMigrationsPassEveryCheckIncludingIdempotent) {
    project_->copy_devopser_migrations();
    const ProcessResult result = verify({"--idempotent"}, {}, cross_check);
    ASSERT_EQ(result.exit_code, 0) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report),
              (std::map<std::string, std::string>{
                  {"replay", "proven"}, {"reversible", "proven"}, {"idempotent", "proven"}}));
    EXPECT_THAT(codes(report), IsEmpty());
}

// bench/verify's generated project: createTable with foreign keys and enums,
// addColumn, addIndex, changeColumn, seeds, renames, views and functions.
TEST_F(Verify, IncrementalSnapshotsEqualFullOnesThroughTheBenchProject) {
    must_run({"node", std::string(MIGMERGE_SOURCE_DIR) + "/tests/support/verify_project.js",
              project_->dir(), "60", "7"});
    const ProcessResult result =
        verify({"--checks", "replay,reversible,idempotent"}, {}, cross_check);
    ASSERT_EQ(result.exit_code, 1) << result;  // the seeds are not idempotent, nothing else
    for (const std::string& code : codes(report_of(result))) EXPECT_EQ(code, "not-idempotent");
    EXPECT_EQ(verdicts(report_of(result)).at("reversible"), "proven") << result;
}

TEST_F(Verify, ADownThatForgetsAnIndexIsAnErrorNamingTheIndex) {
    add("20250101000000-users.js", create_table("users"));
    add("20250102000000-index.js",
        up_down_migration(
            "    await queryInterface.addIndex('users', ['name'], { name: 'users_name' });",
            "    // forgot: await queryInterface.removeIndex('users', 'users_name');"));
    const ProcessResult result = verify({});
    EXPECT_EQ(result.exit_code, 1) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("reversible"), "failed");
    EXPECT_EQ(verdicts(report).at("replay"), "proven");
    // The second up then fails too: the index it creates is still there.
    ASSERT_EQ(codes(report), (std::vector<std::string>{"down-incomplete", "up-not-repeatable"}));
    EXPECT_EQ(report.at("findings")[0].at("files")[0], "20250102000000-index.js");
    EXPECT_THAT(report.at("findings")[0].at("message").get<std::string>(),
                HasSubstr("index public.users_name (left behind)"));
}

// A seed that stamps its rows with new Date(), as most Sequelize seeds do:
// the same rows come back with other times, which is worth a warning only.
TEST_F(Verify, ASeedStampedWithTheTimeIsAWarningNotAnError) {
    add("20250101000000-events.js",
        up_down_migration("    await queryInterface.createTable('events', { id: { type: "
                          "Sequelize.INTEGER, primaryKey: true }, createdAt: Sequelize.DATE });",
                          "    await queryInterface.dropTable('events');"));
    add("20250102000000-seed.js",
        up_down_migration(
            "    await queryInterface.bulkInsert('events', [{ id: 1, createdAt: new Date() }]);",
            "    await queryInterface.bulkDelete('events', { id: 1 });"));
    const ProcessResult result = verify({});
    EXPECT_EQ(result.exit_code, 0) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("reversible"), "warning");
    ASSERT_EQ(codes(report), std::vector<std::string>{"up-not-repeatable"});
    EXPECT_EQ(report.at("findings")[0].at("severity"), "warning");
    EXPECT_THAT(report.at("findings")[0].at("message").get<std::string>(),
                HasSubstr("rows public.events"));
}

TEST_F(Verify, ADownThatThrowsOnPurposeIsAnIrreversibleWarning) {
    add("20250101000000-users.js", create_table("users"));
    add("20250102000000-seed.js",
        up_down_migration("    await queryInterface.bulkInsert('users', [{ name: 'admin' }]);",
                          "    throw new Error('irreversible: seed data stays');"));
    const ProcessResult result = verify({});
    EXPECT_EQ(result.exit_code, 0) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("reversible"), "warning");
    ASSERT_EQ(codes(report), std::vector<std::string>{"irreversible"});
    EXPECT_THAT(report.at("findings")[0].at("message").get<std::string>(),
                HasSubstr("irreversible: seed data stays"));
}

TEST_F(Verify, ANonIdempotentCreateTableFailsTheIdempotentCheck) {
    // queryInterface.createTable says IF NOT EXISTS; plain SQL does not.
    add("20250101000000-users.js",
        up_down_migration("    await queryInterface.sequelize.query('CREATE "
                          "TABLE users (id serial primary key)');",
                          "    await queryInterface.dropTable('users');"));
    const ProcessResult result = verify({"--checks", "idempotent"});
    EXPECT_EQ(result.exit_code, 1) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report), (std::map<std::string, std::string>{{"idempotent", "failed"}}));
    EXPECT_THAT(codes(report), ::testing::Contains("not-idempotent"));
}

TEST_F(Verify, ASeedThatInsertsTwiceIsNotIdempotent) {
    add("20250101000000-users.js",
        up_down_migration(
            "    await queryInterface.sequelize.query('CREATE TABLE IF NOT EXISTS users "
            "(name text)');\n"
            "    await queryInterface.bulkInsert('users', [{ name: 'admin' }]);",
            "    await queryInterface.dropTable('users');"));
    const ProcessResult result = verify({"--idempotent", "--checks", "idempotent"});
    EXPECT_EQ(result.exit_code, 1) << result;
    const Json report = report_of(result);
    EXPECT_THAT(report.at("findings")[0].at("message").get<std::string>(),
                HasSubstr("rows public.users"));
}

TEST_F(Verify, AFailingMigrationFailsReplayAndSkipsWhatNeedsIt) {
    add("20250101000000-users.js", create_table("users"));
    add("20250102000000-broken.js",
        up_down_migration(
            "    await queryInterface.addColumn('no_such_table', 'x', Sequelize.STRING);",
            "    await queryInterface.removeColumn('no_such_table', 'x');"));
    const ProcessResult result = verify({});
    EXPECT_EQ(result.exit_code, 1) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("replay"), "failed");
    EXPECT_EQ(verdicts(report).at("reversible"), "skipped");
    EXPECT_EQ(report.at("findings")[0].at("files")[0], "20250102000000-broken.js");
}

// Processes whose command line names `path` (an embedded server's data dir).
int processes_naming(const std::string& path) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string text((std::istreambuf_iterator<char>(cmdline)), {});
        if (text.find(path) != std::string::npos) ++count;
    }
    return count;
}

TEST_F(Verify, TheEmbeddedServerIsGoneAfterAFailure) {
    add("20250101000000-broken.js", up_down_migration("    throw new Error('boom');", ""));
    TempDir tmp("migmerge-verify-tmp");
    // As root the server runs as another user, who must reach its directory.
    fs::permissions(tmp.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    const ProcessResult result =
        run_migmerge({"verify", "--format", "json"}, project_->dir(), {{"TMPDIR", tmp.path()}});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_THAT(report_of(result).at("server").get<std::string>(), HasSubstr("embedded"));
    EXPECT_TRUE(fs::is_empty(tmp.path())) << "the scratch server's directory is left";
    EXPECT_EQ(processes_naming(tmp.path()), 0);
}

TEST_F(Verify, TheEmbeddedServerIsGoneAfterCtrlC) {
    project_->copy_devopser_migrations();
    add("20991231000000-slow.js",
        up_down_migration("    await queryInterface.sequelize.query('SELECT pg_sleep(30)');", ""));
    TempDir tmp("migmerge-verify-tmp");
    // As root the server runs as another user, who must reach its directory.
    fs::permissions(tmp.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    const auto started = std::chrono::steady_clock::now();
    const ProcessResult result = run_migmerge(
        {"verify", "--checks", "replay"}, project_->dir(), {{"TMPDIR", tmp.path()}}, [](int pid) {
            std::this_thread::sleep_for(std::chrono::seconds(4));
            kill(pid, SIGINT);
        });
    EXPECT_EQ(result.exit_code, 130) << result;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(25));
    EXPECT_THAT(result.err, HasSubstr("stopped by SIGINT"));
    EXPECT_TRUE(fs::is_empty(tmp.path())) << "the scratch server's directory is left";
    EXPECT_EQ(processes_naming(tmp.path()), 0);
}

TEST_F(Verify, BadChecksAreOneLineAndExitTwo) {
    const ProcessResult result = run_migmerge({"verify", "--checks", "speed"}, project_->dir());
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_THAT(result.err, HasSubstr("unknown check 'speed'"));
    const ProcessResult order = run_migmerge({"verify", "--checks", "order"}, project_->dir());
    EXPECT_EQ(order.exit_code, 2) << order;
}

// A project in a real git repository: main (deployed) and a feature branch
// off it, each adding migrations.
class VerifyMerge : public Verify {
  protected:
    void SetUp() override {
        Verify::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        repo_.emplace("migmerge-verify");
        repo_->write("config/config.json", sys_config());
        repo_->write(".gitignore", "node_modules\n");
        fs::create_directory_symlink(repository_node_modules(), *repo_ / "node_modules");
        repo_->write("migrations/20250101000000-users.js", create_table("users"));
        repo_->commit("users");
        repo_->branch("feature");
    }
    std::string sys_config() const {
        return test::read_file(project_->dir() + "/config/config.json");
    }
    void on(const std::string& branch, const std::string& name, const std::string& source) {
        repo_->checkout(branch);
        repo_->write("migrations/" + name, source);
        repo_->commit(name);
    }
    ProcessResult verify_merge() const {
        ProcessResult result = verify({"--base", "main", "--head", "feature"}, repo_->path());
        // The merge's folders were written beside migrations/ and are gone.
        for (const auto& entry : fs::directory_iterator(repo_->path())) {
            EXPECT_EQ(entry.path().filename().string().rfind(".migmerge-verify-", 0),
                      std::string::npos)
                << entry.path();
        }
        return result;
    }
    std::optional<GitRepo> repo_;
};

TEST_F(VerifyMerge, ColumnsAddedToOneTableOnBothSidesDifferInColumnOrderOnly) {
    on("main", "20250201000000-email.js", add_column("users", "email"));
    on("feature", "20250115000000-phone.js", add_column("users", "phone"));
    const ProcessResult result = verify_merge();
    EXPECT_EQ(result.exit_code, 0) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("order"), "warning");
    ASSERT_EQ(codes(report), std::vector<std::string>{"column-order"});
    EXPECT_THAT(report.at("findings")[0].at("message").get<std::string>(),
                HasSubstr("column public.users.phone"));
}

TEST_F(VerifyMerge, AMigrationNeedingATableTheOtherSideRenamesFailsInOneOrder) {
    // Each branch deploys fine, and so does a fresh database of the merge
    // (fix moves the feature's rename after main's column). A database
    // deployed from the feature renamed the table first: main's migration,
    // pending there after the merge, fails.
    on("main", "20250201000000-email.js", add_column("users", "email"));
    on("feature", "20250115000000-accounts.js",
       up_down_migration("    await queryInterface.renameTable('users', 'accounts');",
                         "    await queryInterface.renameTable('accounts', 'users');"));
    const ProcessResult result = verify_merge();
    EXPECT_EQ(result.exit_code, 1) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report).at("replay"), "proven");
    EXPECT_EQ(verdicts(report).at("order"), "failed");
    ASSERT_EQ(codes(report), std::vector<std::string>{"order-failed"});
    const Json& finding = report.at("findings")[0];
    EXPECT_EQ(finding.at("files")[0], "20250201000000-email.js");
    EXPECT_THAT(finding.at("message").get<std::string>(),
                HasSubstr("deployed from head (feature), then migrated after the merge"));
}

TEST_F(VerifyMerge, DisjointTablesAreProvenHarmless) {
    on("main", "20250201000000-teams.js", create_table("teams"));
    on("feature", "20250115000000-projects.js", create_table("projects"));
    const ProcessResult result = verify_merge();
    EXPECT_EQ(result.exit_code, 0) << result;
    const Json report = report_of(result);
    EXPECT_EQ(verdicts(report),
              (std::map<std::string, std::string>{
                  {"replay", "proven"}, {"reversible", "proven"}, {"order", "proven"}}));
}

}  // namespace
}  // namespace migmerge::test
