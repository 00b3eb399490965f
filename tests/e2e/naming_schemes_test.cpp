// Issue 24: every migration sequelize-cli runs, migmerge runs, whatever the
// naming scheme. Each case is held side by side against the real
// sequelize-cli 6.6.5 (tests/support/side_by_side.hpp): same exit code,
// SequelizeMeta and schema; then `status` exits 0 on the migrated database.
// Sequelize 7 names come from the real @sequelize/cli (package.json pins it).
#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/git_fixture.hpp"
#include "support/sequelize_project.hpp"
#include "support/side_by_side.hpp"

namespace migmerge::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Names = std::vector<std::string>;

constexpr int few = 8;

// `migration create-table`-style body: one table of its own, dropped by down.
std::string table_migration(const std::string& table) {
    return "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n"
           "    await queryInterface.createTable('" +
           table +
           "', { id: { type: Sequelize.INTEGER, primaryKey: true } });\n  },\n"
           "  async down(queryInterface) {\n    await queryInterface.dropTable('" +
           table + "');\n  },\n};\n";
}

class naming_schemes : public SideBySideTest {
  protected:
    // Generated migrations, renamed by `rename` (index, generated name -> name).
    Names add_renamed(int count,
                      const std::function<std::string(int, const std::string&)>& rename) {
        Names names;
        for_both([&](const RealProject& project) {
            names.clear();
            Names generated = project.add_generated(count);
            for (int i = 0; i < count; ++i) {
                names.push_back(rename(i, generated[i]));
                fs::rename(project.path_of(generated[i]), project.path_of(names.back()));
            }
        });
        std::sort(names.begin(), names.end());  // sequelize-cli's order
        return names;
    }

    // Migrated alike by both, then `status` agrees and exits 0.
    ProcessResult expect_migrated_alike(const Names& names) {
        Outcome reference = cli({"db:migrate"});
        Outcome mine = ours({"migrate"});
        EXPECT_EQ(reference.run.exit_code, 0) << reference.run;
        EXPECT_EQ(reference.meta, names);
        expect_same(reference, mine);
        ProcessResult status = run_migmerge({"status"}, our_project().dir());
        EXPECT_EQ(status.exit_code, 0) << status;
        EXPECT_THAT(status.out, Not(HasSubstr("error:"))) << status;
        return mine.run;
    }
};

// "20240101HHMM00-description.js" under another prefix.
std::string with_prefix(const std::string& prefix, const std::string& generated) {
    return prefix + generated.substr(14);
}

// The first real project of the issue: epoch milliseconds, then 14-digit
// names, each dated after the last: clean, and run in byte order.
TEST_F(naming_schemes, MixedEpochMillisecondsAndFourteenDigitNamesMigrateLikeSequelizeCli) {
    make_projects();
    Names names = add_renamed(few, [](int i, const std::string& generated) {
        return i < 4 ? with_prefix(std::to_string(1609339480378 + i * 60000), generated)
                     : generated;
    });
    ProcessResult run = expect_migrated_alike(names);
    EXPECT_THAT(run.out, Not(HasSubstr("invalid-name"))) << run;
    EXPECT_THAT(run.out, Not(HasSubstr("order-contradicts-date"))) << run;
}

// Epoch milliseconds dated after the 14-digit names still run first, as
// sequelize-cli runs them: a warning that says where, never a refusal.
TEST_F(naming_schemes, EpochMillisecondsDatedLaterRunFirstWithAWarning) {
    make_projects();
    Names names = add_renamed(few, [](int i, const std::string& generated) {
        return i == 0 ? with_prefix("1735689600000", generated) : generated;  // 2025-01-01
    });
    ProcessResult run = expect_migrated_alike(names);
    EXPECT_THAT(run.out, HasSubstr("warning: order-contradicts-date: " + names[0]));
    EXPECT_THAT(run.out,
                HasSubstr(names[0] + " runs before " + names[1] + ", though it is dated after it"));
}

// The second real project: 15-digit names (a typo that shipped) between
// 14-digit ones.
TEST_F(naming_schemes, FifteenDigitNamesBetweenFourteenDigitOnesMigrateLikeSequelizeCli) {
    make_projects();
    Names names = add_renamed(few, [](int i, const std::string& generated) {
        return i % 3 == 2 ? with_prefix(generated.substr(0, 12) + "600", generated) : generated;
    });
    ASSERT_EQ(names[2].substr(0, 16), "202401010002600-") << "between 0001 and 0003";
    ProcessResult run = expect_migrated_alike(names);
    EXPECT_THAT(run.out, Not(HasSubstr("invalid-name"))) << run;
}

// Deployed, then a merge brings a 15-digit name that sorts before the
// newest deployed one: both tools run it last on this database.
TEST_F(naming_schemes, AFifteenDigitNameMergedBeforeTheNewestRunsLikeSequelizeCli) {
    make_projects();
    Names names = add_renamed(few, [](int, const std::string& generated) { return generated; });
    expect_migrated_alike(names);
    const std::string late = "202401010002500-users-auth0-access-token.js";
    for_both([&](const RealProject& project) {
        project.add_migration(late, table_migration("auth0_tokens"));
    });
    Outcome reference = cli({"db:migrate"});
    Outcome mine = ours({"migrate"});
    EXPECT_EQ(reference.run.exit_code, 0) << reference.run;
    expect_same(reference, mine);
    EXPECT_THAT(mine.run.out, HasSubstr("out-of-order-pending")) << mine.run;
    EXPECT_EQ(run_migmerge({"status"}, our_project().dir()).exit_code, 0);
}

// The same merge judged in git: split history, an out-of-order error that
// `fix` renames into the folder's 14-digit scheme after the greatest.
TEST(NamingSchemesMerge, AFifteenDigitNameBeforeTheDeployedNewestIsOutOfOrderAndFixed) {
    GitRepo repo;
    repo.add_migration("20190901000000-create-users.js");
    repo.commit("initial");
    repo.branch("feature");
    repo.add_migration("20191015120000-add-measurables.js");
    repo.commit("deployed");
    repo.checkout("feature");
    const std::string incoming = "201910101007000-users-auth0-access-token.js";
    repo.add_migration(incoming);
    repo.commit("auth0");
    ProcessResult check = run_migmerge({"check", "--base", "main"}, repo.path());
    EXPECT_EQ(check.exit_code, 1) << check;
    EXPECT_THAT(check.out, HasSubstr("out-of-order"));
    EXPECT_THAT(check.out, Not(HasSubstr("invalid-name")));
    ProcessResult fix = run_migmerge({"fix", "--base", "main"}, repo.path());
    ASSERT_EQ(fix.exit_code, 0) << fix;
    EXPECT_TRUE(fs::exists(repo / "migrations/20191015120001-users-auth0-access-token.js"));
    EXPECT_THAT(read_file(repo / "migrations/.migmerge-renames"),
                HasSubstr(incoming + "\t20191015120001-users-auth0-access-token.js"));
}

// @sequelize/cli 7 `migration generate`, in a directory of its own (its
// cosmiconfig would read a project's .sequelizerc as its own config).
std::string sequelize7_generate(const TempDir& dir, const std::string& format,
                                const std::string& name) {
    write_file(dir / "package.json", "{}\n");
    ProcessResult generated =
        run_process({"node", repository_node_modules() + "/@sequelize/cli/bin/run.js", "migration",
                     "generate", "--format=" + format, "--name", name, "--json"},
                    ProcessOptions{dir.path()});
    EXPECT_EQ(generated.exit_code, 0) << generated;
    for (const auto& entry : fs::directory_iterator(dir / "migrations")) {
        std::string file = entry.path().filename().string();
        if (file.find(name.substr(0, name.find(' '))) != std::string::npos) return file;
    }
    ADD_FAILURE() << "no migration generated: " << generated;
    return {};
}

TEST_F(naming_schemes, Sequelize7NamesRunLikeSequelizeCliAndSqlFoldersAreSaid) {
    if (!fs::exists(repository_node_modules() + "/@sequelize/cli")) {
        if (ci_mode()) FAIL() << "@sequelize/cli is not installed (npm ci)";
        GTEST_SKIP() << "@sequelize/cli is not installed (npm ci)";
    }
    make_projects();
    TempDir generator{"migmerge-seq7"};
    const std::string seven = sequelize7_generate(generator, "cjs", "tags table");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a prefix of its own
    const std::string folder = sequelize7_generate(generator, "sql", "index tags");
    ASSERT_THAT(seven,
                ::testing::MatchesRegex(
                    "[0-9]{4}-[0-9]{2}-[0-9]{2}t[0-9]{2}-[0-9]{2}-[0-9]{2}-tags-table\\.cjs"));
    // A 14-digit name from earlier that day: it sorts after the Sequelize 7
    // one ('-' < '0'), so byte order runs the newer one first.
    const std::string day = seven.substr(0, 4) + seven.substr(5, 2) + seven.substr(8, 2);
    const std::string older = day + "000000-add-notes.js";
    Names names = add_renamed(4, [](int, const std::string& generated) { return generated; });
    for_both([&](const RealProject& project) {
        project.add_migration(seven, table_migration("tags"));
        project.add_migration(older, table_migration("notes"));
    });
    names.push_back(seven);
    names.push_back(older);
    ProcessResult run = expect_migrated_alike(names);
    EXPECT_THAT(run.out,
                HasSubstr(seven + " runs before " + older + ", though it is dated after it"));

    write_file(our_project().path_of(folder) + "/up.sql", "CREATE INDEX ON tags (id);\n");
    write_file(our_project().path_of(folder) + "/down.sql", "DROP INDEX tags_id_idx;\n");
    ProcessResult status = run_migmerge({"status"}, our_project().dir());
    EXPECT_EQ(status.exit_code, 1) << status;
    EXPECT_THAT(status.out, HasSubstr("not-a-migration: " + folder + "/"));
    ProcessResult refused = run_migmerge({"migrate"}, our_project().dir());
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_THAT(refused.out, HasSubstr("does not run SQL-folder migrations yet"));
}

}  // namespace
}  // namespace migmerge::test
