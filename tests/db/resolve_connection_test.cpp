#include <gtest/gtest.h>

#include "db_test.hpp"
#include "migmerge/db/connection.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::db {
namespace {

using test::expect_error;
using test::TempDir;
using test::write_file;

constexpr const char* config_json = R"({
  "development": {"username": "dev", "password": "devpw", "database": "app_dev",
                  "host": "dev.host", "port": 5433, "dialect": "postgres"},
  "production": {"username": "prod", "password": "prodpw", "database": "app_prod",
                 "host": "prod.host", "dialect": "postgres",
                 "migrationStorageTableName": "migrations_meta",
                 "migrationStorageTableSchema": "ops", "migrationTimestamps": true,
                 "dialectOptions": {"ssl": {"require": true}}}
})";

class ResolveConnection : public ::testing::Test {
  protected:
    TempDir project{"migmerge-config"};
    ConnectionOptions options() const {
        ConnectionOptions options;
        options.project_dir = project.path();
        return options;
    }
    void write_config_json(const std::string& text = config_json) {
        write_file(project / "config/config.json", text);
    }
};

TEST_F(ResolveConnection, UrlWinsOverEverythingElse) {
    write_config_json();
    ConnectionOptions given = options();
    given.url = "postgres://cli:clipw@cli.host:7000/cli_db";
    given.environment = {{"DATABASE_URL", "postgres://env@env.host/env_db"}, {"PGHOST", "pg.host"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.source, "--url");
    EXPECT_EQ(target.params,
              (std::map<std::string, std::string>{
                  {"host", "cli.host"}, {"port", "7000"}, {"user", "cli"}, {"dbname", "cli_db"}}));
    EXPECT_EQ(target.password, "clipw");
}

TEST_F(ResolveConnection, DatabaseUrlWinsOverConfigAndPgVariables) {
    write_config_json();
    ConnectionOptions given = options();
    given.environment = {{"DATABASE_URL", "postgresql://env:envpw@env.host/env_db"},
                         {"PGHOST", "pg.host"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.source, "DATABASE_URL");
    EXPECT_EQ(target.params.at("host"), "env.host");
    EXPECT_EQ(target.password, "envpw");
}

TEST_F(ResolveConnection, UrlStillTakesTheTableFromTheConfig) {
    write_config_json();
    ConnectionOptions given = options();
    given.environment = {{"DATABASE_URL", "postgresql://env:envpw@env.host/env_db"},
                         {"NODE_ENV", "production"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.source, "DATABASE_URL");
    EXPECT_EQ(target.params.at("host"), "env.host");
    EXPECT_EQ(target.table, "migrations_meta");
    EXPECT_EQ(target.schema, "ops");
    EXPECT_TRUE(target.timestamps);
    given.table = "override";
    EXPECT_EQ(resolve_connection(given).table, "override");
}

TEST_F(ResolveConnection, ConfigWinsOverPgVariablesAndDefaultsToDevelopment) {
    write_config_json();
    ConnectionOptions given = options();
    given.environment = {{"PGHOST", "pg.host"}, {"PGPASSWORD", "pgpw"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.source, "config/config.json (development)");
    EXPECT_EQ(target.params,
              (std::map<std::string, std::string>{
                  {"host", "dev.host"}, {"port", "5433"}, {"user", "dev"}, {"dbname", "app_dev"}}));
    EXPECT_EQ(target.password, "devpw");
    EXPECT_EQ(target.table, "SequelizeMeta");
    EXPECT_EQ(target.schema, "public");
    EXPECT_FALSE(target.timestamps);
}

TEST_F(ResolveConnection, PgVariablesWhenNothingElseIsGiven) {
    ConnectionOptions given = options();
    given.environment = {{"PGHOST", "pg.host"},  {"PGPORT", "6000"},     {"PGUSER", "pguser"},
                         {"PGDATABASE", "pgdb"}, {"PGPASSWORD", "pgpw"}, {"HOME", "/root"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.source, "PG* variables");
    EXPECT_EQ(target.params,
              (std::map<std::string, std::string>{
                  {"host", "pg.host"}, {"port", "6000"}, {"user", "pguser"}, {"dbname", "pgdb"}}));
    EXPECT_EQ(target.password, "pgpw");
}

TEST_F(ResolveConnection, NodeEnvThenEnvOptionChooseTheEnvironment) {
    write_config_json();
    ConnectionOptions given = options();
    given.environment = {{"NODE_ENV", "production"}};
    ConnectionTarget from_node_env = resolve_connection(given);
    EXPECT_EQ(from_node_env.source, "config/config.json (production)");
    EXPECT_EQ(from_node_env.params.at("user"), "prod");
    given.env = "development";
    EXPECT_EQ(resolve_connection(given).params.at("user"), "dev");
}

TEST_F(ResolveConnection, StorageSettingsAndSslComeFromTheConfig) {
    write_config_json();
    ConnectionOptions given = options();
    given.env = "production";
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.table, "migrations_meta");
    EXPECT_EQ(target.schema, "ops");
    EXPECT_TRUE(target.timestamps);
    EXPECT_EQ(target.params.at("sslmode"), "require");
    EXPECT_EQ(target.params.at("host"), "prod.host");
}

TEST_F(ResolveConnection, TableAndSchemaOptionsOverrideTheConfig) {
    write_config_json();
    ConnectionOptions given = options();
    given.env = "production";
    given.table = "Other";
    given.schema = "elsewhere";
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.table, "Other");
    EXPECT_EQ(target.schema, "elsewhere");
}

TEST_F(ResolveConnection, ConfigWithoutEnvironmentSectionsIsUsedWhole) {
    write_config_json(R"({"username": "flat", "database": "flat_db", "dialect": "postgres"})");
    ConnectionTarget target = resolve_connection(options());
    EXPECT_EQ(target.params.at("user"), "flat");
    EXPECT_EQ(target.params.at("host"), "localhost");  // Sequelize's default
}

// sequelize-cli would use the whole file, so libpq's defaults (and the
// default table): a typo in --env must not reach some other database.
TEST_F(ResolveConnection, AnEnvironmentTheConfigLacksIsBadInputNamingIt) {
    write_config_json();
    ConnectionOptions given = options();
    given.env = "staging";
    Error error = expect_error([&] { resolve_connection(given); }, ExitCode::bad_input);
    EXPECT_EQ(error.one_line(),
              "no environment 'staging' (--env) in config/config.json: its environments are "
              "development and production");
    EXPECT_EQ(error.hint(), "");
    given.env.reset();
    given.environment = {{"NODE_ENV", "prod"}};
    expect_error([&] { resolve_connection(given); }, ExitCode::bad_input,
                 "no environment 'prod' (NODE_ENV) in config/config.json");
}

TEST_F(ResolveConnection, AMissingDefaultEnvironmentIsBadInputToo) {
    write_config_json(R"({"production": {"database": "p"}, "test": {"database": "t"}})");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                 "no environment 'development' (the default) in config/config.json: its "
                 "environments are production and test");
}

// With --url the config still names SequelizeMeta's table: the wrong
// section would make every migration look pending.
TEST_F(ResolveConnection, AnEnvironmentTheConfigLacksIsBadInputWithAUrlToo) {
    write_config_json();
    ConnectionOptions given = options();
    given.url = "postgres://u@h/d";
    given.env = "staging";
    expect_error([&] { resolve_connection(given); }, ExitCode::bad_input, "no environment");
}

TEST_F(ResolveConnection, AFlatConfigIsUsedWholeForAnyEnvironment) {
    write_config_json(R"({"username": "flat", "database": "flat_db",
                          "dialectOptions": {"ssl": true}, "pool": {"max": 5}})");
    ConnectionOptions given = options();
    given.env = "staging";
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.params.at("user"), "flat");
    EXPECT_EQ(target.source, "config/config.json (staging)");
    write_config_json(R"({"use_env_variable": "MY_DB"})");
    given.environment = {{"MY_DB", "postgres://u@h.example/d"}};
    EXPECT_EQ(resolve_connection(given).params.at("host"), "h.example");
    write_config_json("{}");
    EXPECT_EQ(resolve_connection(given).params.at("host"), "localhost");
}

TEST_F(ResolveConnection, AnEnvironmentThatIsNoObjectIsBadInput) {
    write_config_json(R"({"development": "postgres://u@h/d", "test": {"database": "t"}})");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                 "cannot use config/config.json (development): not a JSON object");
}

TEST_F(ResolveConnection, UseEnvVariableReadsTheUrlFromTheEnvironment) {
    write_config_json(R"({"development": {"use_env_variable": "MY_DB", "dialect": "postgres"}})");
    ConnectionOptions given = options();
    given.environment = {{"MY_DB", "postgres://u:p@h.example:5999/d?ssl=true"}};
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.params, (std::map<std::string, std::string>{{"host", "h.example"},
                                                                 {"port", "5999"},
                                                                 {"user", "u"},
                                                                 {"dbname", "d"},
                                                                 {"sslmode", "require"}}));
    EXPECT_EQ(target.password, "p");
}

TEST_F(ResolveConnection, UnsetUseEnvVariableIsBadInput) {
    write_config_json(R"({"development": {"use_env_variable": "MY_DB"}})");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input, "MY_DB");
}

TEST_F(ResolveConnection, UrlInConfigOverridesTheSeparateFields) {
    write_config_json(R"({"development": {"username": "ignored", "host": "ignored.host",
        "url": "postgres://urluser:urlpw@url.host/url_db", "dialect": "postgres"}})");
    ConnectionTarget target = resolve_connection(options());
    EXPECT_EQ(target.params.at("host"), "url.host");
    EXPECT_EQ(target.params.at("user"), "urluser");
    EXPECT_EQ(target.params.at("dbname"), "url_db");
    EXPECT_EQ(target.password, "urlpw");
}

TEST_F(ResolveConnection, MalformedConfigJsonIsBadInputNamingTheFile) {
    write_config_json(R"({"development": {"username": )");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input, "config/config.json");
}

TEST_F(ResolveConnection, NonPostgresDialectIsBadInput) {
    write_config_json(R"({"development": {"dialect": "mysql", "database": "x"}})");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input, "mysql");
}

TEST_F(ResolveConnection, ConfigOptionIsResolvedAgainstTheProject) {
    write_file(project / "settings/db.json", R"({"development": {"database": "from_option"}})");
    write_config_json();
    ConnectionOptions given = options();
    given.config_file = "settings/db.json";
    ConnectionTarget target = resolve_connection(given);
    EXPECT_EQ(target.params.at("dbname"), "from_option");
    EXPECT_EQ(target.source, "settings/db.json (development)");
}

TEST_F(ResolveConnection, MissingConfigOptionFileIsBadInput) {
    ConnectionOptions given = options();
    given.config_file = "nope.json";
    expect_error([&] { resolve_connection(given); }, ExitCode::bad_input);
}

// The pieces of a password "Xq7@Zk9:Wv3/Rt5" that a bad URL must not show.
const std::vector<std::string> secret_pieces = {"Xq7", "Zk9", "Wv3", "Rt5"};

void expect_no_piece(const Error& error) {
    for (const std::string& piece : secret_pieces) {
        EXPECT_EQ(error.one_line().find(piece), std::string::npos) << error.one_line();
        EXPECT_EQ(error.hint().find(piece), std::string::npos) << error.hint();
    }
}

// libpq reads the user info up to the first '@' or '/': the rest of such a
// password became the host, port and database name of every message.
TEST_F(ResolveConnection, ARawAtOrSlashInThePasswordIsBadInputShowingNoPieceOfIt) {
    for (const std::string url :
         {"postgres://me:Xq7@Zk9:Wv3/Rt5@127.0.0.1:5432/db", "postgresql://me:Xq7/Rt5@127.0.0.1/db",
          "postgres://me:Xq7@Zk9@db.host/db?sslmode=disable"}) {
        SCOPED_TRACE(url);
        ConnectionOptions given = options();
        given.url = url;
        Error error = expect_error([&] { resolve_connection(given); }, ExitCode::bad_input);
        EXPECT_EQ(error.context(), "cannot parse the database URL from --url");
        EXPECT_NE(error.cause().find("percent-encode"), std::string::npos) << error.cause();
        expect_no_piece(error);
        given.url.reset();
        given.environment = {{"DATABASE_URL", url}};
        expect_no_piece(expect_error([&] { resolve_connection(given); }, ExitCode::bad_input,
                                     "cannot parse the database URL from DATABASE_URL"));
    }
}

TEST_F(ResolveConnection, ARawAtInAConfigsUrlIsBadInputToo) {
    write_config_json(
        R"({"development": {"url": "postgres://me:Xq7@Zk9:Wv3/Rt5@h/db", "dialect": "postgres"}})");
    expect_no_piece(expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                                 "cannot parse the database URL from config/config.json"));
}

TEST_F(ResolveConnection, LibpqsParseErrorsNameTheProblemWithoutQuotingTheText) {
    for (const std::string text :
         {"postgres://me:Xq7%zzZk9@host/db", "postgres://me:Xq7Zk9@[::1/Wv3Rt5",
          "postgres://me:Xq7Zk9@host/db?Wv3Rt5=1", "postgres://me:Xq7Zk9@host/db?Wv3Rt5",
          "host=h password=Xq7 Zk9", "host=h password='Xq7Zk9"}) {
        SCOPED_TRACE(text);
        ConnectionOptions given = options();
        given.url = text;
        Error error = expect_error([&] { resolve_connection(given); }, ExitCode::bad_input,
                                   "cannot parse the database URL from --url: ");
        expect_no_piece(error);
        EXPECT_EQ(error.one_line().find("postgres://"), std::string::npos) << error.one_line();
        EXPECT_EQ(error.one_line().find("libpq cannot read it"), std::string::npos)
            << "each of libpq's messages is known: " << error.one_line();
    }
}

TEST_F(ResolveConnection, EncodedOrHarmlessCharactersInThePasswordStillParse) {
    ConnectionOptions given = options();
    given.url = "postgres://me:p%40ss%3Aw%2Frd@db.host/app";
    EXPECT_EQ(resolve_connection(given).password, "p@ss:w/rd");
    given.url = "postgres://me:pa:ss@db.host/app";  // libpq splits at the first ':'
    EXPECT_EQ(resolve_connection(given).password, "pa:ss");
    given.url = "postgres://me:pw@db.host/app?sslrootcert=/certs/a@b.pem";
    EXPECT_EQ(resolve_connection(given).params.at("sslrootcert"), "/certs/a@b.pem");
}

TEST_F(ResolveConnection, MalformedUrlIsBadInputWithoutThePassword) {
    ConnectionOptions given = options();
    given.url = "postgres://user:hunt%zzer2@host/db";  // libpq quotes the bad token
    Error error = expect_error([&] { resolve_connection(given); }, ExitCode::bad_input);
    EXPECT_EQ(error.one_line().find("zzer2"), std::string::npos) << error.one_line();
}

// nlohmann's parse error quoted the token it was reading: a config saved in
// Latin-1 with an 'é' after the password showed "last read: '"s3cret-PW...".
TEST_F(ResolveConnection, AMalformedConfigNamesThePlaceButNeverTheToken) {
    for (const std::string& config :
         {std::string(R"({"development": {"password": "s3cret-PW)") + "\xe9" +
              R"(", "host": "h"}})",
          std::string(R"({"development": {"url": "postgres://me:s3cret-PW@h/db)") + "\xe9\"}}",
          std::string(R"({"development": {"password": "s3cret-PW)") + "\n" + R"("}})",
          std::string(R"({"development": {"password": s3cret-PW}})"),
          std::string(R"({"development": {"password": "s3cret-PW)")}) {
        SCOPED_TRACE(config);
        write_config_json(config);
        Error error = expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                                   "malformed config ");
        EXPECT_EQ(error.one_line().find("s3cret"), std::string::npos) << error.one_line();
        EXPECT_NE(error.cause().find("not JSON at line 1, column "), std::string::npos)
            << error.cause();
    }
}

// Without its '@', "postgres://postgres:s3cret-PW/db" has the password as
// its port; libpq's "invalid integer value "s3cret-PW" for connection option
// "port"" was printed as a resource failure (exit 3).
TEST_F(ResolveConnection, APortThatIsNotANumberIsBadInputWithoutQuotingIt) {
    for (const std::string url :
         {"postgres://postgres:s3cret-PW/db", "postgresql://postgres:s3cret-PW",
          "host=h port=s3cret-PW", "postgres://h:99999/db", "host=h,h2 port=5432,s3cret-PW"}) {
        SCOPED_TRACE(url);
        ConnectionOptions given = options();
        given.url = url;
        Error error = expect_error([&] { resolve_connection(given); }, ExitCode::bad_input,
                                   "its port is not a number");
        EXPECT_EQ(error.one_line().find("s3cret"), std::string::npos) << error.one_line();
    }
    write_config_json(R"({"development": {"host": "h", "port": "s3cret-PW"}})");
    expect_error([&] { resolve_connection(options()); }, ExitCode::bad_input,
                 "from config/config.json (development): its port is not a number");
    ConnectionOptions given = options();
    given.url = "postgres://me:pw@h1:5432,h2,h3:6432/db";
    EXPECT_EQ(resolve_connection(given).params.at("port"), "5432,,6432");
}

}  // namespace
}  // namespace migmerge::db
