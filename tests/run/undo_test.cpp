// run::undo with sequelize-cli's semantics, against a real PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>

#include "migmerge/core/error.hpp"
#include "migmerge/run/migrate.hpp"
#include "run_project.hpp"
#include "support/expect_error.hpp"

namespace migmerge::run {
namespace {

using test::effects;
using test::meta_rows;
using Names = std::vector<std::string>;
using Mode = UndoOptions::Mode;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

class Undo : public test::ProjectTest<test::RunProject> {
  protected:
    void SetUp() override {
        ProjectTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        for (const auto& name : {a, b, c}) {
            project_->add_migration(name, test::counting_migration(name));
        }
        ASSERT_EQ(migrate(project_->context(), {}, {}).done, (Names{a, b, c}));
    }

    RunReport run(Mode mode, const std::string& name = "") {
        return undo(project_->context(), {mode, name}, {});
    }
};

TEST_F(Undo, LastRevertsTheGreatestName) {
    EXPECT_EQ(run(Mode::last).done, Names{c});
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
    EXPECT_EQ(effects(*database_), (Names{a, b}));
}

TEST(UndoLast, FollowsTheDatabasesCollationNotByteOrder) {
    MIGMERGE_REQUIRE_POSTGRES();
    MIGMERGE_REQUIRE_NODE();
    // Byte order puts "D" before "c"; ICU's en-US puts it after, and so does umzug.
    test::TestDatabase database("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
    test::RunProject project(database);
    const std::string lower = "20250103000000-c.js";
    const std::string upper = "20250103000000-D.js";
    for (const auto& name : {lower, upper}) {
        project.add_migration(name, test::counting_migration(name));
    }
    // Inserted directly: migrate itself refuses two files with one timestamp.
    database.exec("CREATE TABLE effects (id serial, name text)");
    database.exec(R"(CREATE TABLE "SequelizeMeta" (name VARCHAR(255) PRIMARY KEY))");
    database.exec("INSERT INTO \"SequelizeMeta\" VALUES ('" + lower + "'), ('" + upper + "')");
    EXPECT_EQ(undo(project.context(), {Mode::last, ""}, {}).done, Names{upper});
    EXPECT_EQ(meta_rows(database), Names{lower});
}

TEST_F(Undo, NameRevertsOnlyThatOne) {
    EXPECT_EQ(run(Mode::name, a).done, Names{a});
    EXPECT_EQ(meta_rows(*database_), (Names{b, c}));
    EXPECT_EQ(effects(*database_), (Names{b, c}));
}

TEST_F(Undo, AllRevertsEverythingInReverseOrder) {
    std::vector<std::string> started;
    RunReport report = undo(project_->context(), {Mode::all, ""}, [&](const MigrationEvent& e) {
        if (e.kind == MigrationEvent::Kind::started) started.push_back(e.name);
    });
    EXPECT_EQ(report.done, (Names{c, b, a}));
    EXPECT_EQ(started, (Names{c, b, a}));
    EXPECT_TRUE(meta_rows(*database_).empty());
    EXPECT_TRUE(effects(*database_).empty());
}

TEST_F(Undo, ToRevertsDownToAndIncludingIt) {
    EXPECT_EQ(run(Mode::to, b).done, (Names{c, b}));
    EXPECT_EQ(meta_rows(*database_), Names{a});
}

TEST_F(Undo, NothingAppliedIsNothingToDo) {
    run(Mode::all);
    RunContext context = project_->context();
    context.node = std::make_shared<NodeSession>("/nonexistent/node", context.project_dir);
    EXPECT_TRUE(undo(context, {Mode::last, ""}, {}).done.empty());
}

TEST_F(Undo, ARowWithoutItsFileIsBadInputAndNothingIsReverted) {
    std::filesystem::remove(project_->path_of(b));
    Error error = test::expect_error([&] { run(Mode::all); }, ExitCode::bad_input, b);
    EXPECT_NE(error.hint().find("migmerge repair"), std::string::npos) << error.hint();
    EXPECT_EQ(meta_rows(*database_), (Names{a, b, c}));
}

TEST_F(Undo, AFailingDownKeepsItsRowAndStops) {
    project_->add_migration(b, test::throwing_migration("cannot go back"));
    RunReport report = run(Mode::all);
    EXPECT_EQ(report.done, Names{c});
    EXPECT_EQ(report.failed, b);
    EXPECT_EQ(report.failure, "cannot go back");
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
}

TEST_F(Undo, DryRunPlansOnly) {
    RunContext context = project_->context();
    context.dry_run = true;
    RunReport report = undo(context, {Mode::all, ""}, {});
    EXPECT_EQ(report.planned, (Names{c, b, a}));
    EXPECT_TRUE(report.done.empty());
    EXPECT_EQ(meta_rows(*database_), (Names{a, b, c}));
}

}  // namespace
}  // namespace migmerge::run
