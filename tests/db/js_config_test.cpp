// Configs and .sequelizerc files that only node can read.
#include <gtest/gtest.h>

#include "db_test.hpp"
#include "migmerge/db/connection.hpp"
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
    ConnectionOptions options() const {
        ConnectionOptions options;
        options.project_dir = project.path();
        options.environment = {{"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"DB_PASS", "jspw"}};
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
    auto rc = read_sequelizerc(project.path(), "node", options().environment);
    ASSERT_TRUE(rc.has_value());
    EXPECT_EQ(rc->migrations_path, project / "db/migrations");
    EXPECT_EQ(rc->config, project / "db/settings.json");
}

TEST_F(JsConfig, NoSequelizercIsNothing) {
    EXPECT_FALSE(read_sequelizerc(project.path(), "node", options().environment).has_value());
}

TEST_F(JsConfig, ThrowingConfigIsBadInputNamingTheFile) {
    write_file(project / "config/config.js", "throw new Error('broken on purpose');\n");
    Error error = expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                               "config/config.js");
    EXPECT_NE(error.one_line().find("broken on purpose"), std::string::npos) << error.one_line();
}

TEST_F(JsConfig, MissingNodeIsAResourceError) {
    write_file(project / "config/config.js", "module.exports = {};\n");
    ConnectionOptions given = options();
    given.node = "/nonexistent/node";
    expect_error([&] { resolve_connection(given); }, ExitCode::resource, "/nonexistent/node");
}

TEST_F(JsConfig, MissingNodeForSequelizercIsAResourceError) {
    write_file(project / ".sequelizerc", "module.exports = {};\n");
    ConnectionOptions given = options();
    given.node = "/nonexistent/node";
    expect_error([&] { resolve_connection(given); }, ExitCode::resource);
}

}  // namespace
}  // namespace migmerge::db
