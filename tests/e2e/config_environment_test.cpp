// --env or NODE_ENV naming an environment the config lacks is bad input:
// sequelize-cli would use the whole file, and so libpq's defaults.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;

class ConfigEnvironment : public ProjectTest<SequelizeProject> {};

void expect_missing_environment(const ProcessResult& result, const std::string& chosen) {
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_EQ(result.err, "migmerge: error: no environment 'staging' (" + chosen +
                              ") in config/config.json: its environments are development\n")
        << result;
    EXPECT_EQ(result.out, "");
}

TEST_F(ConfigEnvironment, AnEnvironmentTheConfigLacksIsExitTwoAndRunsNothing) {
    project_->add_migration("20250101000000-a.js", counting_migration("20250101000000-a.js"));
    for (const std::string format : {"text", "json"}) {
        for (const std::string command : {"status", "migrate", "repair", "undo"}) {
            SCOPED_TRACE(format + " " + command);
            expect_missing_environment(
                run_migmerge({"--format", format, command, "--env", "staging"}, project_->dir()),
                "--env");
            expect_missing_environment(run_migmerge({"--format", format, command}, project_->dir(),
                                                    {{"NODE_ENV", "staging"}}),
                                       "NODE_ENV");
        }
    }
    EXPECT_EQ(effects(*database_), std::vector<std::string>{});
    EXPECT_EQ(run_migmerge({"migrate", "--env", "development"}, project_->dir()).exit_code, 0);
    EXPECT_EQ(effects(*database_), std::vector<std::string>{"20250101000000-a.js"});
}

TEST_F(ConfigEnvironment, AFlatConfigServesEveryEnvironment) {
    const PgServer& server = database_->server();
    write_file(project_->dir() + "/config/config.json",
               R"({"dialect": "postgres", "host": ")" + server.host + R"(", "port": )" +
                   server.port + R"(, "username": ")" + server.user + R"(", "password": ")" +
                   server.password + R"(", "database": ")" + database_->name() + "\"}\n");
    project_->add_migration("20250101000000-a.js", counting_migration("20250101000000-a.js"));
    ProcessResult result = run_migmerge({"migrate", "--env", "staging"}, project_->dir());
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(effects(*database_), std::vector<std::string>{"20250101000000-a.js"});
}

}  // namespace
}  // namespace migmerge::test
