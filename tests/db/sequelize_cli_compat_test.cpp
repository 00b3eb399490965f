// The real sequelize-cli agrees with a repaired SequelizeMeta: after a
// migration file is renamed and repair runs, nothing is pending or re-run.
#include <gtest/gtest.h>

#include <filesystem>

#include "db_test.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/db/meta_store.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace migmerge::db {
namespace {

const std::string node_modules_dir = MIGMERGE_SOURCE_DIR "/node_modules";
const std::string sequelize_cli = node_modules_dir + "/sequelize-cli/lib/sequelize";

struct Storage {
    std::string label;
    std::string table;   // empty: sequelize-cli's default
    std::string schema;  // empty: public
    bool timestamps = false;
};

std::ostream& operator<<(std::ostream& out, const Storage& storage) {
    return out << storage.label;
}

std::string migration(const std::string& table) {
    return "module.exports = {\n"
           "  up: (queryInterface) => queryInterface.sequelize.query('CREATE TABLE " +
           table +
           " (id int)'),\n"
           "  down: (queryInterface) => queryInterface.sequelize.query('DROP TABLE " +
           table + "'),\n};\n";
}

class SequelizeCliCompat : public test::PgTest, public ::testing::WithParamInterface<Storage> {
  protected:
    void SetUp() override {
        test::PgTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        MIGMERGE_REQUIRE_NODE();
        if (!fs::exists(sequelize_cli)) {
            if (test::ci_mode()) FAIL() << "sequelize-cli missing: npm ci in " MIGMERGE_SOURCE_DIR;
            GTEST_SKIP() << "sequelize-cli is not installed (npm ci)";
        }
        write_project();
    }

    void write_project() {
        for (const char* name :
             {"20240101000000-one", "20240101000001-two", "20240101000002-three"}) {
            test::write_file(project / ("migrations/" + std::string(name) + ".js"),
                             migration(std::string("t_") + (name + 15)));
        }
        test::write_file(project / "config/config.json", config_json());
        fs::create_directory_symlink(node_modules_dir, project / "node_modules");
        if (!GetParam().schema.empty()) db().exec("CREATE SCHEMA " + GetParam().schema);
    }

    std::string config_json() const {
        const test::PgServer& server = db().server();
        std::string storage;
        if (!GetParam().table.empty()) {
            storage += ", \"migrationStorageTableName\": \"" + GetParam().table + "\"";
        }
        if (!GetParam().schema.empty()) {
            storage += ", \"migrationStorageTableSchema\": \"" + GetParam().schema + "\"";
        }
        if (GetParam().timestamps) storage += ", \"migrationTimestamps\": true";
        return "{\"development\": {\"username\": \"" + server.user + "\", \"password\": \"" +
               server.password + "\", \"database\": \"" + db().name() + "\", \"host\": \"" +
               server.host + "\", \"port\": " + server.port +
               ", \"dialect\": \"postgres\", \"logging\": false" + storage + "}}";
    }

    test::ProcessResult sequelize(const std::string& command) {
        test::ProcessOptions options;
        options.cwd = project.path();
        options.unset_env = {"NODE_ENV", "DATABASE_URL", "PGHOST",    "PGPORT",
                             "PGUSER",   "PGPASSWORD",   "PGDATABASE"};
        return test::run_process({"node", sequelize_cli, command}, options);
    }

    MetaStore store() {
        ConnectionOptions options;
        options.project_dir = project.path();
        return MetaStore(resolve_connection(options));
    }

    test::TempDir project{"migmerge-sequelize"};
};

TEST_P(SequelizeCliCompat, RepairedTableLeavesNothingPendingForSequelizeCli) {
    test::ProcessResult migrated = sequelize("db:migrate");
    ASSERT_EQ(migrated.exit_code, 0) << migrated;
    fs::rename(project / "migrations/20240101000002-three.js",
               project / "migrations/20240101000003-three.js");
    core::Ledger ledger = core::Ledger::parse("20240101000002-three.js\t20240101000003-three.js\n");
    std::vector<std::string> files{"20240101000000-one.js", "20240101000001-two.js",
                                   "20240101000003-three.js"};
    RepairReport report = store().repair(ledger, files, false, false, "test");
    EXPECT_TRUE(report.applied);

    test::ProcessResult status = sequelize("db:migrate:status");
    ASSERT_EQ(status.exit_code, 0) << status;
    for (const auto& file : files) {
        EXPECT_NE(status.out.find("up " + file), std::string::npos) << file << "\n" << status;
    }
    EXPECT_EQ(status.out.find("down "), std::string::npos) << status;
    test::ProcessResult again = sequelize("db:migrate");
    ASSERT_EQ(again.exit_code, 0) << again;
    EXPECT_NE(again.out.find("No migrations were executed"), std::string::npos) << again;
}

INSTANTIATE_TEST_SUITE_P(Storage, SequelizeCliCompat,
                         ::testing::Values(Storage{"Default", "", "", false},
                                           Storage{"CustomTableAndSchema", "deploy_meta", "ops",
                                                   false},
                                           Storage{"Timestamps", "", "", true}),
                         [](const auto& info) { return info.param.label; });

}  // namespace
}  // namespace migmerge::db
