#include <gtest/gtest.h>

#include "db_test.hpp"
#include "migmerge/db/meta_store.hpp"

namespace migmerge::db {
namespace {

class ConnectionErrors : public test::PgTest {};

TEST_F(ConnectionErrors, UnreachablePortIsAResourceError) {
    ConnectionTarget target = db().target();
    target.params["port"] = "1";
    Error error = test::expect_error([&] { MetaStore store(target); }, ExitCode::resource);
    EXPECT_EQ(error.context(), "cannot connect to 127.0.0.1:1/" + db().name() + " as postgres");
    EXPECT_FALSE(error.cause().empty());
}

TEST_F(ConnectionErrors, WrongPasswordIsAResourceErrorThatNeverShowsIt) {
    ConnectionTarget target = db().target();
    target.password = "Wr0ngPassw0rd";
    Error error = test::expect_error([&] { AdvisoryLock lock(target, std::chrono::seconds(0)); },
                                     ExitCode::resource, "password authentication failed");
    EXPECT_EQ(error.one_line().find("Wr0ngPassw0rd"), std::string::npos);
    EXPECT_EQ(error.hint().find("Wr0ngPassw0rd"), std::string::npos);
    EXPECT_EQ(target.display().find("Wr0ngPassw0rd"), std::string::npos);
}

TEST_F(ConnectionErrors, MissingDatabaseIsAResourceError) {
    ConnectionTarget target = db().target();
    target.params["dbname"] = db().name() + "_missing";
    Error error = test::expect_error([&] { MetaStore store(target); }, ExitCode::resource);
    EXPECT_NE(error.cause().find("does not exist"), std::string::npos) << error.one_line();
}

TEST_F(ConnectionErrors, ConnectsFromResolvedUrlWithTheRealPassword) {
    ConnectionOptions options;
    options.url = db().url();
    MetaStore store(resolve_connection(options));
    store.insert("1-a.js");
    EXPECT_EQ(db().query_value("SELECT name FROM \"SequelizeMeta\""), "1-a.js");
}

}  // namespace
}  // namespace migmerge::db
