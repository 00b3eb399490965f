// The Node bridge on its own: start-up failures, migration failures, and
// where the password may not go.
#include "migmerge/run/bridge.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "run_project.hpp"
#include "support/expect_error.hpp"

namespace migmerge::run {
namespace {

using test::RunProject;

class BridgeTest : public test::ProjectTest<test::RunProject> {
  protected:
    LocalMigration migration(const std::string& name, const std::string& source) {
        project_->add_migration(name, source);
        return {name, project_->path_of(name), ""};
    }

    // Each Bridge gets a session of its own, as each command does.
    Bridge start() {
        sessions_.push_back(std::make_unique<NodeSession>("node", project_->dir()));
        targets_.push_back(std::make_unique<db::ConnectionTarget>(database_->target()));
        return Bridge(*sessions_.back(), *targets_.back(), "migmerge-run:test");
    }

    std::vector<std::unique_ptr<NodeSession>> sessions_;
    std::vector<std::unique_ptr<db::ConnectionTarget>> targets_;
};

// Starting the bridge must fail with a resource error naming `what`.
Error start_error(const std::string& node, const std::string& dir,
                  const db::ConnectionTarget& target, const std::string& what = {}) {
    return test::expect_error(
        [&] {
            NodeSession session(node, dir);
            Bridge bridge(session, target, "migmerge-run:test");
        },
        ExitCode::resource, what);
}

TEST_F(BridgeTest, RunsUpAndDownThroughTheProjectsSequelize) {
    Bridge bridge = start();
    auto m = migration("20250101000000-a.js", test::counting_migration("a"));
    StepOutcome up = bridge.up(m);
    EXPECT_TRUE(up.ok) << up;
    EXPECT_EQ(up.name, m.name);
    EXPECT_EQ(test::effects(*database_), std::vector<std::string>{"a"});
    EXPECT_TRUE(bridge.down(m).ok);
    EXPECT_TRUE(test::effects(*database_).empty());
}

TEST_F(BridgeTest, PassesTheSequelizeClassAsTheSecondArgument) {
    Bridge bridge = start();
    auto m = migration("20250101000000-a.js",
                       "module.exports = { async up(qi, Sequelize) {"
                       " if (typeof Sequelize.STRING !== 'function' || !Sequelize.Op)"
                       " throw new Error('not the Sequelize class'); } };\n");
    StepOutcome outcome = bridge.up(m);
    EXPECT_TRUE(outcome.ok) << outcome;
}

TEST_F(BridgeTest, FindsUpOnTheDefaultExport) {
    Bridge bridge = start();
    auto m = migration("20250101000000-a.js", "exports.default = { up: async () => {} };\n");
    EXPECT_TRUE(bridge.up(m).ok);
}

TEST_F(BridgeTest, LoadsAnEsModuleWhereRequireRefusesIt) {
    Bridge bridge = start();
    test::write_file(project_->migrations_dir() + "/package.json", R"({"type": "module"})");
    auto m = migration("20250101000000-a.js",
                       "export async function up(qi) {"
                       " await qi.sequelize.query('CREATE TABLE from_esm (id int)'); }\n");
    StepOutcome outcome = bridge.up(m);
    EXPECT_TRUE(outcome.ok) << outcome;
    EXPECT_EQ(database_->query_value("SELECT to_regclass('from_esm') IS NOT NULL"), "t");
}

TEST_F(BridgeTest, AThrowingMigrationFailsWithItsMessage) {
    Bridge bridge = start();
    StepOutcome outcome =
        bridge.up(migration("20250101000000-a.js", test::throwing_migration("boom")));
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error, "boom");
}

TEST_F(BridgeTest, AMigrationWithoutUpFails) {
    Bridge bridge = start();
    StepOutcome outcome = bridge.up(migration("20250101000000-a.js", test::migration_without_up()));
    EXPECT_FALSE(outcome.ok);
    EXPECT_NE(outcome.error.find("no up function"), std::string::npos) << outcome;
}

TEST_F(BridgeTest, AMigrationReturningNoPromiseFails) {
    Bridge bridge = start();
    StepOutcome outcome =
        bridge.up(migration("20250101000000-a.js", test::migration_returning_no_promise()));
    EXPECT_FALSE(outcome.ok);
    EXPECT_NE(outcome.error.find("did not return a promise"), std::string::npos) << outcome;
}

TEST_F(BridgeTest, ASyntaxErrorFailsTheMigrationNotTheBridge) {
    Bridge bridge = start();
    EXPECT_FALSE(bridge.up(migration("20250101000000-a.js", "module.exports = {")).ok);
    EXPECT_TRUE(bridge.up(migration("20250101000001-b.js", test::counting_migration("b"))).ok);
}

TEST_F(BridgeTest, AMigrationThatKillsNodeFailsAndLaterOnesAreNotAttempted) {
    Bridge bridge = start();
    StepOutcome outcome = bridge.up(migration("20250101000000-a.js", "process.exit(7);\n"));
    EXPECT_FALSE(outcome.ok);
    EXPECT_NE(outcome.error.find("exit code 7"), std::string::npos) << outcome;
    EXPECT_FALSE(bridge.up(migration("20250101000001-b.js", test::counting_migration("b"))).ok);
}

TEST_F(BridgeTest, ConsoleOutputOfAMigrationDoesNotDisturbTheProtocol) {
    Bridge bridge = start();
    auto m = migration("20250101000000-a.js",
                       "module.exports = { async up() { console.log('{\"ok\":false}');"
                       " process.stdout.write('no newline'); console.error('noise'); } };\n");
    EXPECT_TRUE(bridge.up(m).ok);
}

TEST_F(BridgeTest, ThePasswordIsInNeitherArgvNorEnvironmentOfNode) {
    Bridge bridge = start();
    const std::string proc = "/proc/" + std::to_string(bridge.process_id());
    const std::string password = database_->server().password;
    ASSERT_FALSE(password.empty());
    EXPECT_EQ(test::read_file(proc + "/cmdline").find(password), std::string::npos);
    EXPECT_EQ(test::read_file(proc + "/environ").find(password), std::string::npos);
}

TEST_F(BridgeTest, SequelizeNotInstalledIsAResourceErrorWithAHint) {
    RunProject bare(*database_, test::NodeModules::absent);
    Error error = start_error("node", bare.dir(), database_->target(), "sequelize");
    EXPECT_NE(error.hint().find("npm install sequelize pg"), std::string::npos);
}

TEST_F(BridgeTest, AnUnreachableDatabaseIsAResourceErrorWithoutThePassword) {
    db::ConnectionTarget target = database_->target();
    target.params["dbname"] = "no_such_database";
    Error error = start_error("node", project_->dir(), target);
    EXPECT_EQ(error.one_line().find(*target.password), std::string::npos);
}

TEST(BridgeStart, MissingNodeIsAResourceError) {
    db::ConnectionTarget target;
    start_error("/nonexistent/node", "/", target, "/nonexistent/node");
}

}  // namespace
}  // namespace migmerge::run
