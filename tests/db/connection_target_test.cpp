#include <gtest/gtest.h>

#include "migmerge/db/connection.hpp"

namespace migmerge::db {
namespace {

ConnectionTarget sample() {
    ConnectionTarget target;
    target.params = {{"host", "db.example"}, {"port", "6543"}, {"user", "app"}, {"dbname", "shop"}};
    target.password = "s3cr'et\\pw";
    return target;
}

TEST(ConnectionTarget, ConninfoQuotesEveryValueAndIncludesThePassword) {
    EXPECT_EQ(sample().conninfo(),
              "dbname='shop' host='db.example' port='6543' user='app' "
              "password='s3cr\\'et\\\\pw'");
}

TEST(ConnectionTarget, DisplayNamesServerDatabaseAndUserButNeverThePassword) {
    ConnectionTarget target = sample();
    EXPECT_EQ(target.display(), "db.example:6543/shop as app");
    EXPECT_EQ(target.display().find("s3cr"), std::string::npos);
}

TEST(ConnectionTarget, DisplayFallsBackToLibpqDefaults) {
    ConnectionTarget target;
    target.params = {{"user", "me"}};
    EXPECT_EQ(target.display(), "localhost:5432/me as me");
}

TEST(ConnectionTarget, QualifiedTableQuotesSchemaAndTable) {
    ConnectionTarget target;
    target.schema = "my\"schema";
    target.table = "Meta";
    EXPECT_EQ(target.qualified_table(), "\"my\"\"schema\".\"Meta\"");
}

}  // namespace
}  // namespace migmerge::db
