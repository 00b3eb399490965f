#include "migmerge/core/migration_name.hpp"

#include <gtest/gtest.h>

namespace migmerge::core {
namespace {

TEST(SequelizeWouldRun, MatchesSequelizeCliFilterExactly) {
    for (const char* name :
         {"a.js", "a.cjs", "a.ts", "a.cts", "helpers.js", ".js", "20260101000000-x.d.ts.js"}) {
        EXPECT_TRUE(sequelize_would_run(name)) << name;
    }
    for (const char* name : {"a.d.ts", "a.mjs", "a.mts", "a.sql", "a.JS", "a.Ts", "a.json",
                             "README.md", "a", "a.js.bak", ".migmerge-renames"}) {
        EXPECT_FALSE(sequelize_would_run(name)) << name;
    }
}

TEST(MigrationName, ParsesATimestampedMigration) {
    MigrationName name = MigrationName::parse("20260108120000-add-sites-tables.js");
    EXPECT_EQ(name.kind, NameKind::migration);
    EXPECT_EQ(name.timestamp, Timestamp::parse("20260108120000"));
    EXPECT_EQ(name.description, "add-sites-tables");
    EXPECT_EQ(name.extension, ".js");
    EXPECT_EQ(name.file, "20260108120000-add-sites-tables.js");
}

TEST(MigrationName, KeepsTheLastDotAsExtension) {
    MigrationName name = MigrationName::parse("20260108120000-v1.2-fix.cts");
    EXPECT_EQ(name.kind, NameKind::migration);
    EXPECT_EQ(name.description, "v1.2-fix");
    EXPECT_EQ(name.extension, ".cts");
}

TEST(MigrationName, UntimestampedWhenSequelizeRunsItWithoutAValidPrefix) {
    for (const char* file : {"helpers.js", "2026-01-01-x.js", "20261340000000-x.js",
                             "20260101000000x.js", "20260101000000-.js", "0026010100000-x.js",
                             "2026-01-01t10-00-61-x.ts", "2026-01-01T10-00-00-x.ts"}) {
        MigrationName name = MigrationName::parse(file);
        EXPECT_EQ(name.kind, NameKind::untimestamped) << file;
        EXPECT_FALSE(name.timestamp) << file;
    }
}

TEST(MigrationName, NotRunWhenTimestampedButSequelizeSkipsIt) {
    for (const char* file : {"20260101000000-x.sql", "20260101000000-x.mjs",
                             "20260101000000-x.d.ts", "20260101000000-x.JS", "20260101000000-x"}) {
        MigrationName name = MigrationName::parse(file);
        EXPECT_EQ(name.kind, NameKind::not_run) << file;
        EXPECT_EQ(name.timestamp, Timestamp::parse("20260101000000")) << file;
    }
}

TEST(MigrationName, KeepsDeclarationExtensionWhole) {
    MigrationName name = MigrationName::parse("20260101000000-types.d.ts");
    EXPECT_EQ(name.extension, ".d.ts");
    EXPECT_EQ(name.description, "types");
}

TEST(MigrationName, IgnoresEverythingElse) {
    for (const char* file : {"README.md", ".gitattributes", ".migmerge-renames", "notes"}) {
        EXPECT_EQ(MigrationName::parse(file).kind, NameKind::ignored) << file;
    }
    EXPECT_EQ(MigrationName::parse(".gitattributes").extension, "");
}

TEST(MigrationName, KeepsDescriptionBytesAsTheyAre) {
    MigrationName name = MigrationName::parse("20260101000000-add 'caf\xc3\xa9' table.js");
    EXPECT_EQ(name.kind, NameKind::migration);
    EXPECT_EQ(name.description, "add 'caf\xc3\xa9' table");
}

TEST(MigrationName, LongNamesAreStillMigrations) {
    std::string file = "20260101000000-" + std::string(300, 'x') + ".js";
    EXPECT_EQ(MigrationName::parse(file).kind, NameKind::migration);
}

TEST(MigrationName, WithTimestampKeepsDescriptionAndExtension) {
    MigrationName name = MigrationName::parse("20260101000000-add-users.ts");
    EXPECT_EQ(name.with_timestamp(*Timestamp::parse("20260108130000")),
              "20260108130000-add-users.ts");
}

}  // namespace
}  // namespace migmerge::core
