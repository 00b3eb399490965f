// The built migmerge side by side with the real sequelize-cli 6.6.5 on
// projects laid out as real teams lay them out (tests/support/real_project.hpp):
// each test runs sequelize-cli on one copy of the project and migmerge on
// another, each with its own database, and compares exit codes, SequelizeMeta
// and the schemas.
#include <gmock/gmock.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/git_fixture.hpp"
#include "support/side_by_side.hpp"

namespace migmerge::test {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using Names = std::vector<std::string>;
using States = std::map<std::string, std::string>;

constexpr int few = 12;
constexpr int few_hundred = 300;

// The fixture is named for `ctest -R real_project`.
class real_project : public SideBySideTest {
  protected:
    Names add_to_both(int count, const std::vector<MigrationKind>& kinds = plain_kinds(),
                      bool drop_all_tables = false) {
        Names names;
        for_both([&](const RealProject& project) {
            names = project.add_generated(count, kinds, drop_all_tables);
        });
        return names;
    }

    // sequelize-cli did the work, and migmerge did the same.
    void expect_migrated(const Outcome& cli, const Outcome& ours, const Names& names) {
        EXPECT_EQ(cli.run.exit_code, 0) << cli.run;
        EXPECT_EQ(cli.meta, names);
        expect_same(cli, ours);
    }

    void expect_same_states(const std::vector<std::string>& migmerge_args,
                            const std::string& cwd = {}) {
        ProcessResult cli = cli_project().sequelize_cli({"db:migrate:status"});
        ASSERT_EQ(cli.exit_code, 0) << cli;
        ProcessResult ours = run_migmerge(migmerge_args, cwd.empty() ? our_project().dir() : cwd);
        ASSERT_EQ(ours.exit_code, 0) << ours;
        EXPECT_EQ(as_up_or_down(migmerge_states(ours.out)), sequelize_cli_states(cli.out))
            << cli << "\n"
            << ours;
    }
};

RealProjectOptions in_config(RealProjectOptions options = {}) {
    options.credentials = Credentials::in_config;
    return options;
}

std::string without_extension(const std::string& name) {
    return name.substr(0, name.rfind('.'));
}

TEST_F(real_project, MigratesTheDotenvLayoutFromTheProjectDirectory) {
    make_projects();
    Names names = add_to_both(few);
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    expect_same_states({"--format", "json", "status"});
}

// verify as a user types it in such a project: the embedded server, the
// config read through .sequelizerc and .env, every snapshot cross-checked;
// the project's own database is never touched. The initial schema's down
// drops its tables but not the extensions its up created, as many teams'
// do: verify says so, and that is all it finds.
TEST_F(real_project, VerifiesTheDotenvLayoutOnTheEmbeddedServer) {
    make_projects();
    const Names names = add_to_both(few);
    const ProcessResult result = run_migmerge({"verify", "--format", "json"}, our_project().dir(),
                                              {{"MIGMERGE_CROSS_CHECK_SNAPSHOTS", "1"}});
    ASSERT_EQ(result.exit_code, 1) << result;
    const auto report = nlohmann::json::parse(result.out.substr(result.out.rfind("\n{") + 1));
    EXPECT_EQ(report.at("migrations"), names.size());
    EXPECT_EQ(report.at("checks")[0].at("verdict"), "proven") << result;  // replay
    ASSERT_EQ(report.at("findings").size(), 1u) << result;
    const auto& finding = report.at("findings")[0];
    EXPECT_EQ(finding.at("code"), "down-incomplete");
    EXPECT_EQ(finding.at("files")[0], names.front());
    EXPECT_THAT(finding.at("message").get<std::string>(),
                HasSubstr("extension citext (left behind), extension pgcrypto (left behind)"));
    EXPECT_EQ(our_project().database().query_value(
                  "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
              "0");
}

TEST_F(real_project, MigratesTheDotenvLayoutWithDashCFromElsewhere) {
    make_projects();
    Names names = add_to_both(few);
    TempDir elsewhere;
    expect_migrated(cli({"db:migrate"}),
                    ours({"-C", our_project().dir(), "migrate"}, elsewhere.path()), names);
}

TEST_F(real_project, MigratesAndUndoesAFewHundredMigrationsInDbMigrations) {
    RealProjectOptions options = in_config();
    options.migrations_path = "db/migrations";
    make_projects(options);
    Names names = add_to_both(few_hundred);
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    expect_same_states({"--format", "json", "status"});
    Outcome cli_undone = cli({"db:migrate:undo:all"});
    EXPECT_EQ(cli_undone.run.exit_code, 0) << cli_undone.run;
    EXPECT_EQ(cli_undone.meta, Names{});
    expect_same(cli_undone, ours({"undo", "--all"}));
}

TEST_F(real_project, StatusVerdictsMatchSequelizeCli) {
    make_projects(in_config());
    Names names = add_to_both(few);
    for_both([&](const RealProject& project) {
        ProcessResult partial = project.sequelize_cli({"db:migrate", "--to", names[7]});
        ASSERT_EQ(partial.exit_code, 0) << partial;
        std::filesystem::remove(project.path_of(names[2]));  // its row stays: orphaned
        project.add_migration("20240101000530-late-arrival.js", "module.exports = {};\n");
    });
    ProcessResult cli = cli_project().sequelize_cli({"db:migrate:status"});
    ASSERT_EQ(cli.exit_code, 0) << cli;
    ProcessResult ours = run_migmerge({"--format", "json", "status"}, our_project().dir());
    EXPECT_LE(ours.exit_code, 1) << ours;  // 1: findings
    States states = migmerge_states(ours.out);
    EXPECT_EQ(states.at(names[2]), "orphaned");
    EXPECT_EQ(states.at("20240101000530-late-arrival.js"), "out-of-order");
    EXPECT_EQ(states.at(names[7]), "applied");
    EXPECT_EQ(states.at(names[8]), "pending");
    States cli_states = sequelize_cli_states(cli.out);
    EXPECT_EQ(cli_states.at(names[2]), "up") << "sequelize-cli shows a row without a file as up";
    EXPECT_EQ(as_up_or_down(states), cli_states) << cli << "\n" << ours;
}

TEST_F(real_project, MigrationCallingHelpersThroughThis) {
    make_projects(in_config());
    Names names = add_to_both(3, {MigrationKind::this_helpers});
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    expect_same(cli({"db:migrate:undo"}), ours({"undo"}));
}

TEST_F(real_project, MigrationReadingAFileThroughProcessCwd) {
    make_projects(in_config());
    Names names = add_to_both(3, {MigrationKind::cwd_file});
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
}

TEST_F(real_project, MigrationReadingAFileThroughProcessCwdWithDashC) {
    make_projects(in_config());
    Names names = add_to_both(3, {MigrationKind::cwd_file});
    TempDir elsewhere;
    expect_migrated(cli({"db:migrate"}),
                    ours({"-C", our_project().dir(), "migrate"}, elsewhere.path()), names);
}

// migmerge exits 0 but its schema has "fullName", "createdAt", "updatedAt" and 'session time zone
// <+00>-00' where sequelize-cli's has full_name, created_at, updated_at and '<+02>-02'
TEST_F(real_project, DefineAndTimezoneOfTheConfigReachTheMigrations) {
    make_projects(in_config());
    Names names = add_to_both(3, {MigrationKind::define_options});
    Outcome cli_run = cli({"db:migrate"});
    EXPECT_THAT(cli_run.schema, HasSubstr("created_at timestamp with time zone NOT NULL"));
    EXPECT_THAT(cli_run.schema, HasSubstr("session time zone <+02>-02"));
    expect_migrated(cli_run, ours({"migrate"}), names);
}

TEST_F(real_project, ConfigSectionChosenByTheEnvOption) {
    RealProjectOptions options;
    options.section = "test";  // development's DATABASE_URL names a missing database
    make_projects(options);
    Names names = add_to_both(few);
    expect_migrated(cli({"db:migrate", "--env", "test"}), ours({"migrate", "--env", "test"}),
                    names);
}

TEST_F(real_project, ConfigSectionChosenByNodeEnv) {
    RealProjectOptions options;
    options.section = "test";
    make_projects(options);
    Names names = add_to_both(few);
    expect_migrated(cli({"db:migrate"}, {{"NODE_ENV", "test"}}),
                    ours({"migrate"}, {}, {{"NODE_ENV", "test"}}), names);
}

TEST_F(real_project, UndoOfAnInitialSchemaWhoseDownDropsAllTables) {
    make_projects(in_config());
    Names names = add_to_both(1, plain_kinds(), true);
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    Outcome cli_undone = cli({"db:migrate:undo"});
    EXPECT_EQ(cli_undone.run.exit_code, 0) << cli_undone.run;
    EXPECT_EQ(cli_undone.meta, Names{});
    EXPECT_THAT(cli_undone.schema, HasSubstr("CREATE TABLE public.\"SequelizeMeta\""))
        << "sequelize-cli recreates the table it dropped";
    expect_same(cli_undone, ours({"undo"}));
}

TEST_F(real_project, UndoByNameWithoutTheExtension) {
    make_projects(in_config());
    Names names = add_to_both(3);
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    Outcome cli_undone = cli({"db:migrate:undo", "--name", without_extension(names[1])});
    EXPECT_EQ(cli_undone.meta, (Names{names[0], names[2]}));
    expect_same(cli_undone, ours({"undo", "--name", without_extension(names[1])}));
}

TEST_F(real_project, ConfigThatLogsToTheConsole) {
    RealProjectOptions options = in_config();
    options.config_logs = true;
    make_projects(options);
    Names names = add_to_both(few);
    Outcome cli_run = cli({"db:migrate"});
    EXPECT_THAT(cli_run.run.out, HasSubstr("[config] database settings for development"));
    expect_migrated(cli_run, ours({"migrate"}), names);
}

TEST_F(real_project, StatusWithDashCAfterTheSubcommand) {
    make_projects(in_config());
    Names names = add_to_both(few);
    expect_migrated(cli({"db:migrate", "--to", names[5]}), ours({"migrate", "--to", names[5]}),
                    Names(names.begin(), names.begin() + 6));
    TempDir elsewhere;
    expect_same_states({"--format", "json", "status", "-C", our_project().dir()}, elsewhere.path());
}

// A split history: production deployed P; staging adds S, which sorts before
// P. sequelize-cli's status on the production database shows S down below an
// up P (db:migrate would run it after P); check must call it out-of-order.
TEST_F(real_project, CheckWithFormatJsonAfterTheSubcommand) {
    if (!git_available()) GTEST_SKIP() << "git is not installed";
    make_projects(in_config());
    add_to_both(2);
    const std::string staged = generated_name(3, "add-analytics");
    const std::string deployed = generated_name(4, "add-billing");
    const std::string repo = our_project().dir();
    git_in(repo, {"init", "-q", "-b", "main"});
    git_in(repo, {"add", "-A"});
    git_in(repo, {"commit", "-q", "-m", "initial schema"});
    git_in(repo, {"checkout", "-q", "-b", "production"});
    our_project().add_migration(deployed, "module.exports = { async up() {}, async down() {} };\n");
    git_in(repo, {"add", "-A"});
    git_in(repo, {"commit", "-q", "-m", "billing"});
    git_in(repo, {"checkout", "-q", "-b", "staging", "main"});
    our_project().add_migration(staged, "module.exports = { async up() {}, async down() {} };\n");
    git_in(repo, {"add", "-A"});
    git_in(repo, {"commit", "-q", "-m", "analytics"});

    cli_project().add_migration(deployed, "module.exports = { async up() {}, async down() {} };\n");
    ASSERT_EQ(cli_project().sequelize_cli({"db:migrate"}).exit_code, 0);
    cli_project().add_migration(staged, "module.exports = { async up() {}, async down() {} };\n");
    States cli_states =
        sequelize_cli_states(cli_project().sequelize_cli({"db:migrate:status"}).out);
    EXPECT_EQ(cli_states[staged], "down");
    EXPECT_EQ(cli_states[deployed], "up");

    ProcessResult check = run_migmerge({"check", "--format", "json", "--base", "production"}, repo);
    ASSERT_EQ(check.exit_code, 1) << check;
    Names out_of_order;
    const nlohmann::json report = nlohmann::json::parse(check.out);
    for (const auto& finding : report.at("findings")) {
        if (finding.at("code") != "out-of-order") continue;
        for (const auto& file : finding.at("files"))
            out_of_order.push_back(file.get<std::string>());
    }
    EXPECT_THAT(out_of_order, Contains(staged)) << check;
}

// What `tsc --declaration` leaves beside each compiled migration: sequelize-cli
// runs the .js and skips the .d.ts.
TEST_F(real_project, CompiledMigrationsWithDeclarationFilesBeside) {
    make_projects(in_config());
    Names names = add_to_both(3);
    for_both([&](const RealProject& project) {
        for (const auto& name : names) {
            project.add_migration(without_extension(name) + ".d.ts",
                                  "export declare function up(): Promise<void>;\n");
        }
    });
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
}

TEST_F(real_project, TypeScriptMigrationsThroughTsNode) {
    RealProjectOptions options = in_config();
    options.typescript = true;
    options.migrations_path = "db/migrations";
    make_projects(options);
    Names names;
    for_both([&](const RealProject& project) { names = project.add_typescript_migrations(); });
    expect_migrated(cli({"db:migrate"}), ours({"migrate"}), names);
    expect_same(cli({"db:migrate:undo"}), ours({"undo"}));
}

}  // namespace
}  // namespace migmerge::test
