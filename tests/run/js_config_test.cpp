// Configs and .sequelizerc files that only node can read: db resolves the
// connection, the command's one node process (run::NodeSession) evaluates.
#include <gtest/gtest.h>

#include <chrono>

#include "support/expect_error.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/run/node_session.hpp"
#include "support/sequelize_project.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::db {
namespace {

using test::expect_error;
using test::TempDir;
using test::write_file;

class JsConfig : public ::testing::Test {
  protected:
    void SetUp() override { MIGMERGE_REQUIRE_NODE(); }
    TempDir project{"migmerge-jsconfig"};
    const Environment environment{{"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"DB_PASS", "jspw"}};
    run::NodeSession session{"node", project.path(), std::chrono::seconds(5), environment};
    ConnectionOptions options() {
        ConnectionOptions options;
        options.project_dir = project.path();
        options.environment = environment;
        options.evaluate_js = session.evaluator();
        return options;
    }
};

TEST_F(JsConfig, ConfigJsIsEvaluatedWithNodeAndSeesTheEnvironment) {
    write_file(project / "config/config.js", R"JS(
module.exports = {
  development: {
    username: 'jsuser', password: process.env.DB_PASS, database: 'js_db',
    host: 'js.host', port: 6000 + 1, dialect: 'postgres', migrationStorageTableName: 'JsMeta',
  },
};)JS");
    write_file(project / "config/config.json", R"({"development": {"database": "not_me"}})");
    ConnectionTarget target = resolve_connection(options());
    EXPECT_EQ(target.source, "config/config.js (development)");
    EXPECT_EQ(target.params,
              (std::map<std::string, std::string>{
                  {"host", "js.host"}, {"port", "6001"}, {"user", "jsuser"}, {"dbname", "js_db"}}));
    EXPECT_EQ(target.password, "jspw");
    EXPECT_EQ(target.table, "JsMeta");
}

TEST_F(JsConfig, AsyncConfigIsAwaited) {
    write_file(project / "config/config.js",
               "module.exports = async () => ({ development: { database: 'async_db' } });\n");
    EXPECT_EQ(resolve_connection(options()).params.at("dbname"), "async_db");
}

TEST_F(JsConfig, SequelizercNamesTheConfigFile) {
    write_file(project / ".sequelizerc", R"JS(
const path = require('path');
module.exports = {
  config: path.resolve('db', 'settings.json'),
  'migrations-path': 'db/migrations',
};)JS");
    write_file(project / "db/settings.json", R"({"development": {"database": "rc_db"}})");
    ConnectionTarget target = resolve_connection(options());
    EXPECT_EQ(target.params.at("dbname"), "rc_db");
    EXPECT_EQ(target.source, "db/settings.json (development)");
    auto rc = read_sequelizerc(project.path(), session.evaluator());
    ASSERT_TRUE(rc.has_value());
    EXPECT_EQ(rc->migrations_path, project / "db/migrations");
    EXPECT_EQ(rc->config, project / "db/settings.json");
}

TEST_F(JsConfig, NoSequelizercIsNothing) {
    EXPECT_FALSE(read_sequelizerc(project.path(), session.evaluator()).has_value());
    EXPECT_FALSE(session.started());
}

TEST_F(JsConfig, ThrowingConfigIsBadInputNamingTheFile) {
    write_file(project / "config/config.js", "throw new Error('broken on purpose');\n");
    Error error =
        expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input, "config/config.js");
    EXPECT_NE(error.one_line().find("broken on purpose"), std::string::npos) << error.one_line();
}

TEST_F(JsConfig, MissingNodeIsAResourceError) {
    write_file(project / "config/config.js", "module.exports = {};\n");
    ConnectionOptions given = options();
    run::NodeSession missing("/nonexistent/node", project.path());
    given.evaluate_js = missing.evaluator();
    expect_error([&] { resolve_connection(given); }, ExitCode::resource, "/nonexistent/node");
}

TEST_F(JsConfig, MissingNodeForSequelizercIsAResourceError) {
    write_file(project / ".sequelizerc", "module.exports = {};\n");
    ConnectionOptions given = options();
    run::NodeSession missing("/nonexistent/node", project.path());
    given.evaluate_js = missing.evaluator();
    expect_error([&] { resolve_connection(given); }, ExitCode::resource);
}

// As sequelize-cli: .sequelizerc and the config run in one process, so what
// .sequelizerc puts in process.env (dotenv) reaches the config.
TEST_F(JsConfig, WhatSequelizercLoadsIntoTheEnvironmentReachesTheConfig) {
    write_file(project / ".sequelizerc",
               "process.env.DATABASE_URL_FROM_DOTENV = 'postgres://rc:rcpw@rc.host:7000/rc_db';\n"
               "module.exports = {};\n");
    write_file(project / "config/config.js",
               "module.exports = { development: { use_env_variable: 'DATABASE_URL_FROM_DOTENV',"
               " dialect: 'postgres' } };\n");
    ConnectionTarget target = resolve_connection(options());
    EXPECT_EQ(target.params.at("host"), "rc.host");
    EXPECT_EQ(target.params.at("dbname"), "rc_db");
    EXPECT_EQ(target.password, "rcpw");
}

TEST_F(JsConfig, AConfigThatPrintsIsStillReadAsItsValue) {
    write_file(project / "config/config.js",
               "console.log('loading config'); console.error('noise');\n"
               "module.exports = { development: { database: 'chatty_db' } };\n");
    EXPECT_EQ(resolve_connection(options()).params.at("dbname"), "chatty_db");
}

TEST_F(JsConfig, TheSectionAndItsEnvironmentNameTravelToTheBridge) {
    write_file(
        project / "config/config.js",
        "module.exports = { production: { database: 'prod_db', define: { underscored: true },"
        " logging: () => {} } };\n");
    ConnectionOptions given = options();
    given.env = "production";
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.config_env, "production");
    EXPECT_NE(target.config_json.find("\"underscored\":true"), std::string::npos)
        << target.config_json;
}

TEST_F(JsConfig, AConfigThatNeverSettlesIsAResourceErrorAndNodeDies) {
    write_file(project / "config/config.js",
               "module.exports = new Promise(() => {});\n"
               "setInterval(() => {}, 1000);\n");
    run::NodeSession quick("node", project.path(), std::chrono::milliseconds(1500));
    ConnectionOptions given = options();
    given.evaluate_js = quick.evaluator();
    auto started = std::chrono::steady_clock::now();
    expect_error([&] { resolve_connection(given); }, ExitCode::resource, "config/config.js");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST_F(JsConfig, OneNodeProcessEvaluatesBothFiles) {
    write_file(project / ".sequelizerc", "global.rcPid = process.pid; module.exports = {};\n");
    write_file(project / "config/config.js",
               "module.exports = { development: { database: 'db_' + (global.rcPid === "
               "process.pid ? 'same' : 'other') } };\n");
    EXPECT_EQ(resolve_connection(options()).params.at("dbname"), "db_same");
}

}  // namespace
}  // namespace migmerge::db
