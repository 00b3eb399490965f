// run::migrate against a real PostgreSQL, through real node and sequelize.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <thread>

#include "migmerge/core/error.hpp"
#include "migmerge/core/sha256.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/migrate.hpp"
#include "run_project.hpp"
#include "support/expect_error.hpp"

namespace migmerge::run {
namespace {

using test::counting_migration;
using test::effects;
using test::meta_rows;
using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

class Migrate : public test::ProjectTest<test::RunProject> {
  protected:
    void add(const std::vector<std::string>& names) {
        for (const auto& name : names) project_->add_migration(name, counting_migration(name));
    }

    RunReport run(const MigrateOptions& options = {}) {
        return migrate(context_with(), options,
                       [this](const MigrationEvent& e) { events_.push_back(e); });
    }

    RunContext context_with() const { return project_->context(); }

    std::vector<MigrationEvent> events_;
};

TEST_F(Migrate, RunsTheDevOpserMigrationsAndRecordsThem) {
    project_->copy_devopser_migrations();
    RunReport report = run();
    const Names both{"20251222115645-initial-schema.js", "20260108120000-add-sites-tables.js"};
    EXPECT_EQ(report.done, both);
    EXPECT_FALSE(report.failed) << report.failure;
    EXPECT_EQ(meta_rows(*database_), both);
    EXPECT_EQ(
        database_->query_column("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = 'public' AND table_name NOT LIKE 'migmerge%' "
                                "ORDER BY table_name COLLATE \"C\""),
        (Names{"SequelizeMeta", "Users", "conversations", "deployments", "site_images", "sites"}));
    ASSERT_EQ(events_.size(), 4u);
    EXPECT_EQ(events_[0].kind, MigrationEvent::Kind::started);
    EXPECT_EQ(events_[1].kind, MigrationEvent::Kind::finished);
    EXPECT_EQ(events_[3].name, both[1]);
}

// sequelize-cli keeps only SequelizeMeta in migrationStorageTableSchema; the
// migrations themselves run in the connection's default schema.
TEST_F(Migrate, ACustomMetaSchemaDoesNotMoveTheMigrationsTables) {
    project_->copy_devopser_migrations();
    RunContext context = context_with();
    context.target.schema = "meta";
    RunReport report = migrate(context, {}, [](const MigrationEvent&) {});
    EXPECT_FALSE(report.failed) << report.failure;
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM \"meta\".\"SequelizeMeta\""), "2");
    EXPECT_EQ(database_->query_column("SELECT table_schema FROM information_schema.tables "
                                      "WHERE table_name = 'sites'"),
              (Names{"public"}));
}

TEST_F(Migrate, RecordsTheChecksumOfEachAppliedFile) {
    add({a});
    run();
    db::MetaStore store(database_->target());
    auto records = store.applied_records();
    ASSERT_EQ(records.count(a), 1u);
    EXPECT_EQ(records[a].checksum, core::sha256_hex(test::read_file(project_->path_of(a))));
}

TEST_F(Migrate, ASecondRunDoesNothingAndNeverStartsNode) {
    add({a, b});
    ASSERT_EQ(run().done, (Names{a, b}));
    RunContext context = context_with();
    context.node = std::make_shared<NodeSession>(
        "/nonexistent/node", context.project_dir);  // starting it would throw a resource error
    RunReport again = migrate(context, {}, {});
    EXPECT_TRUE(again.planned.empty());
    EXPECT_TRUE(again.done.empty());
    EXPECT_EQ(effects(*database_), (Names{a, b}));
}

TEST_F(Migrate, StopsAtTheFirstFailureAndResumesAfterTheFix) {
    add({a, c});
    project_->add_migration(b, test::throwing_migration("boom"));
    RunReport report = run();
    EXPECT_EQ(report.done, Names{a});
    EXPECT_EQ(report.failed, b);
    EXPECT_NE(report.failure.find("boom"), std::string::npos) << report.failure;
    EXPECT_EQ(events_.back().kind, MigrationEvent::Kind::failed);
    EXPECT_EQ(meta_rows(*database_), Names{a});

    add({b});
    RunReport resumed = run();
    EXPECT_EQ(resumed.done, (Names{b, c}));
    EXPECT_EQ(effects(*database_), (Names{a, b, c}));  // a ran once
    EXPECT_EQ(meta_rows(*database_), (Names{a, b, c}));
}

TEST_F(Migrate, ToStopsAfterTheNamedMigration) {
    add({a, b, c});
    MigrateOptions options;
    options.to = b;
    EXPECT_EQ(run(options).done, (Names{a, b}));
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
    options.to = "20990101000000-unknown.js";
    test::expect_error([&] { run(options); }, ExitCode::bad_input, options.to.value());
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
}

TEST_F(Migrate, DryRunPlansAndChangesNothing) {
    add({a, b});
    RunContext context = context_with();
    context.dry_run = true;
    context.node = std::make_shared<NodeSession>("/nonexistent/node", context.project_dir);
    RunReport report = migrate(context, {}, {});
    EXPECT_EQ(report.planned, (Names{a, b}));
    EXPECT_TRUE(report.done.empty());
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
              "0");
}

TEST_F(Migrate, DryRunPlansAgainstTheRepairedRows) {
    add({a, b});
    run();
    std::filesystem::rename(project_->path_of(b), project_->path_of(c));
    test::write_file(project_->migrations_dir() + "/.migmerge-renames", b + "\t" + c + "\n");
    RunContext context = context_with();
    context.dry_run = true;
    RunReport report = migrate(context, {}, {});
    ASSERT_EQ(report.repair.changes.size(), 1u);
    EXPECT_EQ(report.repair.changes[0], (core::RowChange{b, c}));
    EXPECT_TRUE(report.planned.empty());
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));  // not applied
}

TEST_F(Migrate, AppliesTheLedgerBeforeRunningSoARenamedFileDoesNotRunAgain) {
    add({a, b});
    run();
    std::filesystem::rename(project_->path_of(b), project_->path_of(c));
    test::write_file(project_->migrations_dir() + "/.migmerge-renames", b + "\t" + c + "\n");
    RunReport report = run();
    EXPECT_TRUE(report.done.empty());
    EXPECT_EQ(meta_rows(*database_), (Names{a, c}));
    EXPECT_EQ(effects(*database_), (Names{a, b}));
}

TEST_F(Migrate, RefusesAFolderWithErrorFindingsBeforeTouchingTheDatabase) {
    add({a, "20250101000000-other.js"});  // one timestamp, two files
    RunReport report = run();
    EXPECT_TRUE(report.refused);
    EXPECT_TRUE(core::has_errors(report.findings));
    EXPECT_TRUE(report.done.empty());
    EXPECT_TRUE(meta_rows(*database_).empty());
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
              "0");
}

class OutOfOrder : public Migrate {
  protected:
    // a and c applied; b arrives from a merge and sorts before c.
    void SetUp() override {
        Migrate::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        add({a, c});
        run();
        add({b});
    }

    static bool has_out_of_order(const RunReport& report) {
        for (const auto& finding : report.findings) {
            if (finding.code == core::FindingCode::out_of_order_pending) return true;
        }
        return false;
    }
};

TEST_F(OutOfOrder, WarnRunsItWithAWarning) {
    RunReport report = run({std::nullopt, OutOfOrderPolicy::warn});
    EXPECT_EQ(report.done, Names{b});
    EXPECT_TRUE(has_out_of_order(report));
    EXPECT_FALSE(core::has_errors(report.findings));
}

TEST_F(OutOfOrder, ErrorRefuses) {
    RunReport report = run({std::nullopt, OutOfOrderPolicy::error});
    EXPECT_TRUE(report.refused);
    EXPECT_TRUE(has_out_of_order(report));
    EXPECT_TRUE(report.done.empty());
    EXPECT_EQ(meta_rows(*database_), (Names{a, c}));
}

TEST_F(OutOfOrder, AllowRunsItSilently) {
    RunReport report = run({std::nullopt, OutOfOrderPolicy::allow});
    EXPECT_EQ(report.done, Names{b});
    EXPECT_FALSE(has_out_of_order(report));
}

TEST_F(Migrate, AdoptsRowsThatPredateMigmerge) {
    add({a, b});
    database_->exec(
        R"(CREATE TABLE "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE, PRIMARY KEY ("name")))");
    database_->exec("INSERT INTO \"SequelizeMeta\" VALUES ('" + a + "')");
    EXPECT_EQ(run().done, Names{b});
    db::MetaStore store(database_->target());
    auto records = store.applied_records();
    ASSERT_EQ(records.count(a), 1u);
    EXPECT_EQ(records[a].checksum, core::sha256_hex(test::read_file(project_->path_of(a))));
    EXPECT_EQ(effects(*database_), Names{b});
}

// A role that may hold one connection at a time: what a no-op migrate needs.
class OneConnectionRole {
  public:
    explicit OneConnectionRole(const test::TestDatabase& database)
        : database_(database), name_(database.name() + "_one") {
        database_.exec("CREATE ROLE " + name_ + " LOGIN PASSWORD 'one' CONNECTION LIMIT 1");
        database_.exec("GRANT SELECT ON \"SequelizeMeta\", migmerge_applied TO " + name_);
    }
    ~OneConnectionRole() {
        database_.exec("DROP OWNED BY " + name_);
        database_.exec("DROP ROLE " + name_);
    }
    db::ConnectionTarget target() const { return database_.target_as(name_, "one"); }

  private:
    const test::TestDatabase& database_;
    std::string name_;
};

// A run that finds nothing to do answers from its first read, as status
// does: one connection, one snapshot, no lock (whose connection would be a
// second one) and no write.
TEST_F(Migrate, NothingToDoIsOneReadWithoutTheLock) {
    add({a});
    ASSERT_EQ(run().done, Names{a});
    OneConnectionRole role(*database_);
    RunContext context = context_with();
    context.target = role.target();
    RunReport again = migrate(context, {}, {});
    EXPECT_TRUE(again.planned.empty());
    EXPECT_TRUE(again.done.empty());
    // With work to do the lock is needed: held elsewhere, it times out.
    add({b});
    db::AdvisoryLock held(database_->target(), std::chrono::seconds(0));
    context = context_with();
    context.lock_timeout = std::chrono::seconds(0);
    test::expect_error([&] { migrate(context, {}, {}); }, ExitCode::resource);
    EXPECT_EQ(effects(*database_), Names{a});
}

// The first read is not trusted with work: once the lock is had, the rows
// are read again, so a migration another runner ran meanwhile is not run twice.
TEST_F(Migrate, APendingMigrationIsReadAgainInsideTheLock) {
    add({a});
    std::optional<db::AdvisoryLock> held(std::in_place, database_->target(),
                                         std::chrono::seconds(0));
    RunContext context = context_with();
    context.lock_timeout = std::chrono::seconds(30);
    auto waiter = std::async(std::launch::async, [&] { return migrate(context, {}, {}); });
    // Meanwhile "another runner" (this test) records `a` as run, then lets go.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    database_->exec(
        R"(CREATE TABLE IF NOT EXISTS "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE, PRIMARY KEY ("name")))");
    database_->exec("INSERT INTO \"SequelizeMeta\" VALUES ('" + a + "')");
    held.reset();
    RunReport report = waiter.get();
    EXPECT_TRUE(report.done.empty());
    EXPECT_TRUE(effects(*database_).empty());
    EXPECT_EQ(meta_rows(*database_), Names{a});
}

}  // namespace
}  // namespace migmerge::run
