// run::verify with the per-migration walk split into segments, on real
// PostgreSQL through real node and sequelize: every segment's findings come
// out in migration order, and a later segment's catch-up is silent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>

#include "migmerge/run/verify.hpp"
#include "run/run_project.hpp"

namespace migmerge::run {
namespace {

using core::VerifyCheck;
using test::up_down_migration;
using Names = std::vector<std::string>;

const std::string users = "20250101000000-users.js";
const std::string users_index = "20250102000000-users-index.js";
const std::string posts = "20250103000000-posts.js";
const std::string posts_index = "20250104000000-posts-index.js";

std::string create_table(const std::string& table) {
    return up_down_migration("    await queryInterface.createTable('" + table +
                                 "', { id: { type: Sequelize.INTEGER, primaryKey: true }, "
                                 "name: Sequelize.STRING });",
                             "    await queryInterface.dropTable('" + table + "');");
}

// Its down forgets the index: down-incomplete, then up fails after down.
std::string index_forgotten_by_down(const std::string& table) {
    return up_down_migration("    await queryInterface.addIndex('" + table +
                                 "', ['name'], { name: '" + table + "_name' });",
                             "    // forgot: removeIndex");
}

class VerifySegments : public test::ProjectTest<test::RunProject> {
  protected:
    VerifyReport verify(std::size_t segments) {
        VerifyRequest request;
        request.project = database_->target();
        request.scratch_server = database_->target();
        request.scratch_server->params["dbname"] = "postgres";
        request.folder = project_->migrations_dir();
        request.checks = {VerifyCheck::replay, VerifyCheck::reversible};
        request.new_node = [dir = project_->dir()] {
            return std::make_shared<NodeSession>("node", dir);
        };
        request.node = request.new_node();
        request.walk_segments = segments;
        return run::verify(request, [this](const VerifyEvent& event) {
            std::lock_guard<std::mutex> lock(mutex_);
            events_.push_back(event);
        });
    }

    // How often `check` started a step of `migration`.
    std::size_t started(const std::string& check, const std::string& migration) const {
        std::size_t count = 0;
        for (const VerifyEvent& event : events_) {
            count += event.kind == VerifyEvent::Kind::started && event.check == check &&
                     event.migration == migration;
        }
        return count;
    }

    std::mutex mutex_;
    std::vector<VerifyEvent> events_;
};

const CheckResult& reversible_of(const VerifyReport& report) {
    return report.checks.at(1);
}

// "down-incomplete users-index.js", ... in the order reported.
Names described(const CheckResult& result) {
    Names found;
    for (const core::Finding& finding : result.findings) {
        found.push_back(core::to_string(finding.code) + " " + finding.files.at(0));
    }
    return found;
}

TEST_F(VerifySegments, BothSegmentsFindingsComeOutInMigrationOrder) {
    project_->add_migration(users, create_table("users"));
    project_->add_migration(users_index, index_forgotten_by_down("users"));
    project_->add_migration(posts, create_table("posts"));
    project_->add_migration(posts_index, index_forgotten_by_down("posts"));
    const VerifyReport report = verify(2);
    const CheckResult& reversible = reversible_of(report);
    EXPECT_EQ(described(reversible),
              (Names{"down-incomplete " + users_index, "up-not-repeatable " + users_index,
                     "down-incomplete " + posts_index, "up-not-repeatable " + posts_index}));
    EXPECT_EQ(reversible.proven, "");
    EXPECT_EQ(report.checks.at(0).proven, "every up runs in order on an empty database");
    // The second segment's catch-up ran users' up without telling: its up
    // and down were told once each, by the first segment.
    EXPECT_EQ(started("reversible", users), 2u);
    EXPECT_EQ(started("reversible", posts), 2u);
}

// One walk stops where up fails after down: the second index goes unseen.
TEST_F(VerifySegments, OneSegmentStopsAtTheFirstUpThatFailsAfterDown) {
    project_->add_migration(users, create_table("users"));
    project_->add_migration(users_index, index_forgotten_by_down("users"));
    project_->add_migration(posts, create_table("posts"));
    project_->add_migration(posts_index, index_forgotten_by_down("posts"));
    const CheckResult reversible = reversible_of(verify(1));
    EXPECT_EQ(described(reversible),
              (Names{"down-incomplete " + users_index, "up-not-repeatable " + users_index}));
    EXPECT_EQ(started("reversible", posts), 0u);
}

TEST_F(VerifySegments, SegmentsThatAllPassProveTheWalk) {
    for (const std::string& table : {"a", "b", "c", "d", "e"}) {
        project_->add_migration(
            "2025010" + std::to_string(table[0] - 'a' + 1) + "000000-" + table + ".js",
            create_table(table));
    }
    const CheckResult reversible = reversible_of(verify(3));
    EXPECT_THAT(reversible.findings, ::testing::IsEmpty());
    EXPECT_EQ(reversible.proven,
              "each down undoes its up, and up after down gives the same schema");
    EXPECT_EQ(reversible.skipped_because, "");
}

// An up that fails before the second segment stops its catch-up as it
// stops the walk: skipped, with the first segment's reason.
TEST_F(VerifySegments, AFailingUpBeforeTheSecondSegmentSkipsItsWalk) {
    project_->add_migration(users, create_table("users"));
    project_->add_migration(users_index,
                            up_down_migration("    throw new Error('broken');", "    return;"));
    project_->add_migration(posts, create_table("posts"));
    project_->add_migration(posts_index, create_table("comments"));
    const VerifyReport report = verify(2);
    const CheckResult& reversible = reversible_of(report);
    EXPECT_EQ(reversible.skipped_because, users_index + "'s up fails (replay says where)");
    EXPECT_EQ(reversible.proven, "");
    EXPECT_EQ(started("reversible", posts), 0u);
    EXPECT_EQ(report.checks.at(0).findings.size(), 1u);
}

}  // namespace
}  // namespace migmerge::run
