// db::ScratchDatabases on the test cluster: what it creates, what it copies,
// what it refuses to touch and what it leaves behind (nothing).
#include "migmerge/db/catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <regex>

#include "db/db_test.hpp"

namespace migmerge::db {
namespace {

using ::testing::HasSubstr;

class ScratchDatabasesTest : public test::PgTest {
  protected:
    // The cluster's maintenance database, as the superuser.
    ConnectionTarget admin() const { return with_dbname(db().target(), "postgres"); }
    static ConnectionTarget with_dbname(ConnectionTarget target, const std::string& name) {
        target.params["dbname"] = name;
        return target;
    }
    bool exists(const std::string& name) const {
        return db().query_value("SELECT count(*) FROM pg_database WHERE datname = '" + name +
                                "'") == "1";
    }
    static std::string query(const ConnectionTarget& target, const std::string& sql) {
        pqxx::connection connection(target.conninfo());
        pqxx::nontransaction tx(connection);
        return tx.exec1(sql)[0].as<std::string>();
    }
    static void execute(const ConnectionTarget& target, const std::string& sql) {
        pqxx::connection connection(target.conninfo());
        pqxx::nontransaction tx(connection);
        tx.exec(sql);
    }
    // A login role of the test's own, dropped with the test.
    std::string make_role(const std::string& suffix, const std::string& options) {
        roles_.push_back(db().name() + "_" + suffix);
        db().exec("CREATE ROLE " + roles_.back() + " LOGIN PASSWORD 'pw' " + options);
        return roles_.back();
    }
    void TearDown() override {
        for (const std::string& role : roles_) db().exec("DROP ROLE IF EXISTS " + role);
    }

  private:
    std::vector<std::string> roles_;
};

TEST_F(ScratchDatabasesTest, CreatesAnEmptyDatabaseNamedByPrefixRunIdAndLabel) {
    ScratchDatabases scratch(admin());
    EXPECT_TRUE(std::regex_match(scratch.run_id(), std::regex("[0-9a-f]{8}"))) << scratch.run_id();
    ConnectionTarget created = scratch.create("empty");
    const std::string name = "migmerge_verify_" + scratch.run_id() + "_empty";
    EXPECT_EQ(created, with_dbname(admin(), name));
    EXPECT_TRUE(exists(name));
    EXPECT_EQ(query(created, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0");
    EXPECT_EQ(scratch.created(), std::vector<std::string>{name});
}

TEST_F(ScratchDatabasesTest, CopiesADatabaseWithItsTablesAndRows) {
    ScratchDatabases scratch(admin());
    ConnectionTarget base = scratch.create("base");
    execute(base, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
    ConnectionTarget copy = scratch.create("copy", base);
    EXPECT_EQ(query(copy, "SELECT id FROM kept"), "42");
}

// Slow by PostgreSQL's design: CREATE DATABASE waits 5 s for the connections to go.
TEST_F(ScratchDatabasesTest, ACopyOfADatabaseSomeoneIsConnectedToSaysWhy) {
    ScratchDatabases scratch(admin());
    ConnectionTarget base = scratch.create("base");
    pqxx::connection holder(base.conninfo());
    Error error = test::expect_error([&] { scratch.create("copy", base); }, ExitCode::resource,
                                     "is being accessed by other users");
    EXPECT_THAT(error.context(), HasSubstr("as a copy of " + base.params["dbname"]));
    EXPECT_THAT(error.hint(), HasSubstr("nobody is connected"));
    EXPECT_EQ(scratch.created().size(), 1u);
}

TEST_F(ScratchDatabasesTest, TheDestructorDropsEverythingItCreatedEvenInUse) {
    std::vector<std::string> names;
    std::unique_ptr<pqxx::connection> holder;
    {
        ScratchDatabases scratch(admin());
        ConnectionTarget first = scratch.create("first");
        scratch.create("second");
        holder = std::make_unique<pqxx::connection>(first.conninfo());
        names = scratch.created();
    }
    ASSERT_EQ(names.size(), 2u);
    for (const std::string& name : names) EXPECT_FALSE(exists(name)) << name;
}

TEST_F(ScratchDatabasesTest, DropRemovesADatabaseAndForgetsIt) {
    ScratchDatabases scratch(admin());
    ConnectionTarget created = scratch.create("gone");
    scratch.drop(created);
    EXPECT_FALSE(exists(created.params["dbname"]));
    EXPECT_TRUE(scratch.created().empty());
}

TEST_F(ScratchDatabasesTest, DropRefusesAnyDatabaseWithoutThePrefix) {
    ScratchDatabases scratch(admin());
    Error error = test::expect_error([&] { scratch.drop(db().target()); }, ExitCode::bad_input,
                                     "refusing to drop database " + db().name());
    EXPECT_THAT(error.cause(), HasSubstr("migmerge_verify_*"));
    EXPECT_TRUE(exists(db().name()));
    test::expect_error([&] { scratch.drop(admin()); }, ExitCode::bad_input, "refusing");
    EXPECT_TRUE(exists("postgres"));
}

TEST_F(ScratchDatabasesTest, DropAndCopyRefuseADatabaseOnAnotherServer) {
    ScratchDatabases scratch(admin());
    ConnectionTarget created = scratch.create("here");
    ConnectionTarget elsewhere = created;
    elsewhere.params["port"] = "1";
    test::expect_error([&] { scratch.drop(elsewhere); }, ExitCode::bad_input,
                       "is not a database on");
    test::expect_error([&] { scratch.create("copy", elsewhere); }, ExitCode::bad_input,
                       "is not a database on");
    EXPECT_TRUE(exists(created.params["dbname"]));
}

TEST_F(ScratchDatabasesTest, LabelsAreLowercaseLettersDigitsAndUnderscoresWithinNameLimits) {
    ScratchDatabases scratch(admin());
    for (const std::string& bad :
         std::vector<std::string>{"", "Upper", "a-b", "a b", "\"x\"", std::string(39, 'a')}) {
        test::expect_error([&] { scratch.create(bad); }, ExitCode::bad_input, "bad scratch");
    }
    ConnectionTarget longest = scratch.create(std::string(38, 'z'));
    EXPECT_EQ(longest.params["dbname"].size(), 63u);
    EXPECT_TRUE(exists(longest.params["dbname"]));
}

TEST_F(ScratchDatabasesTest, ARoleWithoutCreatedbIsToldSo) {
    const std::string role = make_role("nocreatedb", "");
    ConnectionTarget target = with_dbname(db().target_as(role, "pw"), "postgres");
    Error error = test::expect_error([&] { ScratchDatabases scratch(target); }, ExitCode::resource);
    EXPECT_EQ(error.cause(), "role " + role + " may not create databases (CREATEDB)");
    EXPECT_THAT(error.hint(), HasSubstr("CREATEDB"));
}

TEST_F(ScratchDatabasesTest, ARoleWithCreatedbThatIsNoSuperuserCreatesCopiesAndDrops) {
    const std::string role = make_role("createdb", "CREATEDB");
    std::vector<std::string> names;
    {
        ScratchDatabases scratch(with_dbname(db().target_as(role, "pw"), "postgres"));
        ConnectionTarget base = scratch.create("base");
        scratch.create("copy", base);
        names = scratch.created();
    }
    for (const std::string& name : names) EXPECT_FALSE(exists(name)) << name;
}

TEST_F(ScratchDatabasesTest, TwoInstancesOnOneServerNeverCollide) {
    ScratchDatabases one(admin()), two(admin());
    EXPECT_NE(one.run_id(), two.run_id());
    ConnectionTarget a = one.create("same"), b = two.create("same");
    EXPECT_NE(a.params["dbname"], b.params["dbname"]);
    EXPECT_TRUE(exists(a.params["dbname"]));
    EXPECT_TRUE(exists(b.params["dbname"]));
}

TEST_F(ScratchDatabasesTest, TheMaintenanceDatabaseDefaultsToPostgres) {
    ConnectionTarget target = db().target();
    target.params.erase("dbname");
    ScratchDatabases scratch(target);
    EXPECT_EQ(scratch.create("x").params["dbname"].rfind("migmerge_verify_", 0), 0u);
}

TEST_F(ScratchDatabasesTest, AnUnreachableServerIsAResourceError) {
    ConnectionTarget target = admin();
    target.params["port"] = "1";
    test::expect_error([&] { ScratchDatabases scratch(target); }, ExitCode::resource,
                       "cannot connect to 127.0.0.1:1/postgres");
}

}  // namespace
}  // namespace migmerge::db
