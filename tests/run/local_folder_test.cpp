#include "migmerge/run/local_folder.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::run {
namespace {

using test::TempDir;
using test::write_file;

// FIPS 180-2 test vectors, so the checksum is pinned independently of our code.
const std::string sha256_of_abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string sha256_of_empty =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(LocalFolder, ListsWhatSequelizeWouldRunInByteOrderWithChecksums) {
    TempDir dir;
    write_file(dir / "m/20250101000000-b.js", "abc");
    write_file(dir / "m/20250101000000-B.js", "");
    write_file(dir / "m/helpers.cjs", "abc");
    write_file(dir / "m/types.d.ts", "");
    write_file(dir / "m/README.md", "abc");
    LocalFolder folder = read_local_folder(dir / "m");
    EXPECT_EQ(folder.dir, dir / "m");
    std::vector<LocalMigration> expected{
        {"20250101000000-B.js", dir / "m/20250101000000-B.js", sha256_of_empty},
        {"20250101000000-b.js", dir / "m/20250101000000-b.js", sha256_of_abc},
        {"helpers.cjs", dir / "m/helpers.cjs", sha256_of_abc},
    };
    EXPECT_EQ(folder.migrations, expected);
    EXPECT_EQ(folder.other_files, (std::vector<std::string>{"README.md", "types.d.ts"}));
}

TEST(LocalFolder, DoesNotDescendIntoSubfolders) {
    TempDir dir;
    write_file(dir / "m/nested/20250101000000-a.js", "x");
    write_file(dir / "m/folder.js/20250101000001-b.js", "x");
    LocalFolder folder = read_local_folder(dir / "m");
    EXPECT_TRUE(folder.migrations.empty());
    EXPECT_TRUE(folder.other_files.empty());
}

// A Sequelize 7 SQL migration: one other file "NAME/" whose checksum covers
// up.sql and down.sql; a folder without both stays unlisted.
TEST(LocalFolder, ListsASqlFolderAsOneEntryNamedByTheFolder) {
    TempDir dir;
    write_file(dir / "m/2026-04-05t10-00-00-add-index/up.sql", "abc");
    write_file(dir / "m/2026-04-05t10-00-00-add-index/down.sql", "");
    write_file(dir / "m/2026-04-06t10-00-00-half/up.sql", "abc");
    LocalFolder folder = read_local_folder(dir / "m");
    EXPECT_TRUE(folder.migrations.empty());
    EXPECT_EQ(folder.other_files, std::vector<std::string>{"2026-04-05t10-00-00-add-index/"});
    const std::string checksum = folder.other_checksums.at("2026-04-05t10-00-00-add-index/");
    write_file(dir / "m/2026-04-05t10-00-00-add-index/down.sql", "x");
    EXPECT_NE(read_local_folder(dir / "m").other_checksums.at("2026-04-05t10-00-00-add-index/"),
              checksum);
}

TEST(LocalFolder, ReadsTheLedgerApartFromTheFiles) {
    TempDir dir;
    write_file(dir / "m/.migmerge-renames", "a.js\tb.js\n");
    write_file(dir / "m/.gitattributes", ".migmerge-renames merge=union\n");
    LocalFolder folder = read_local_folder(dir / "m/");
    EXPECT_EQ(folder.dir, dir / "m");
    EXPECT_EQ(folder.ledger_text, "a.js\tb.js\n");
    EXPECT_EQ(folder.other_files, std::vector<std::string>{".gitattributes"});
}

TEST(LocalFolder, NamesOnlyListsTheSameFilesAndLedgerWithoutChecksums) {
    TempDir dir;
    write_file(dir / "m/20250101000001-b.js", "abc");
    write_file(dir / "m/20250101000000-a.js", "");
    write_file(dir / "m/README.md", "abc");
    write_file(dir / "m/.migmerge-renames", "a.js\tb.js\n");
    LocalFolder folder = read_local_folder(dir / "m", FolderContents::names_only);
    std::vector<LocalMigration> expected{
        {"20250101000000-a.js", dir / "m/20250101000000-a.js", ""},
        {"20250101000001-b.js", dir / "m/20250101000001-b.js", ""},
    };
    EXPECT_EQ(folder.migrations, expected);
    EXPECT_EQ(folder.other_files, std::vector<std::string>{"README.md"});
    EXPECT_EQ(folder.ledger_text, "a.js\tb.js\n");
}

TEST(LocalFolder, RefusesALedgerThatWouldRunAMigrationTwice) {
    TempDir dir;
    write_file(dir / "m/20250101000000-a.js", "");
    write_file(dir / "m/20250102000000-b.js", "");
    write_file(dir / "m/.migmerge-renames", "20250101000000-a.js\t20250102000000-b.js\n");
    for (FolderContents contents : {FolderContents::with_checksums, FolderContents::names_only}) {
        Error error = test::expect_error([&] { read_local_folder(dir / "m", contents); },
                                         ExitCode::bad_input);
        EXPECT_EQ(error.context(), "unsafe ledger entry in " + (dir / "m/.migmerge-renames") +
                                       " line 1 (20250101000000-a.js -> 20250102000000-b.js)");
    }
}

// sequelize-cli lists such a link and fails to require it; so it is kept
// apart, for a finding, instead of vanishing.
TEST(LocalFolder, KeepsDanglingSymlinksApartWithTheirTargets) {
    TempDir dir;
    write_file(dir / "m/20250101000000-a.js", "abc");
    std::filesystem::create_symlink("20250101000000-a.js", dir / "m/20250101000001-alias.js");
    std::filesystem::create_symlink("missing.js", dir / "m/20250102000000-x.js");
    std::filesystem::create_symlink("loop.js", dir / "m/loop.js");
    for (FolderContents contents : {FolderContents::with_checksums, FolderContents::names_only}) {
        LocalFolder folder = read_local_folder(dir / "m", contents);
        ASSERT_EQ(folder.migrations.size(), 2u);
        EXPECT_EQ(folder.migrations[1].name, "20250101000001-alias.js")
            << "a link to a file counts";
        EXPECT_EQ(folder.dangling_links,
                  (std::map<std::string, std::string>{{"20250102000000-x.js", "missing.js"},
                                                      {"loop.js", "loop.js"}}));
        EXPECT_EQ(to_migration_set(folder).dangling_links, folder.dangling_links);
    }
}

TEST(LocalFolder, MissingFolderIsBadInput) {
    TempDir dir;
    Error error = test::expect_error([&] { read_local_folder(dir / "nope"); }, ExitCode::bad_input);
    EXPECT_EQ(error.one_line(), "no migrations folder: " + (dir / "nope"));
}

TEST(LocalFolder, AFileIsNotAFolder) {
    TempDir dir;
    write_file(dir / "m", "");
    test::expect_error([&] { read_local_folder(dir / "m"); }, ExitCode::bad_input,
                       "no migrations folder");
}

TEST(LocalFolder, FindsMigrationsByName) {
    TempDir dir;
    write_file(dir / "m/20250101000000-a.js", "abc");
    LocalFolder folder = read_local_folder(dir / "m");
    ASSERT_NE(folder.find("20250101000000-a.js"), nullptr);
    EXPECT_EQ(folder.find("20250101000000-a.js")->checksum, sha256_of_abc);
    EXPECT_EQ(folder.find("20250101000000-z.js"), nullptr);
}

TEST(LocalFolder, ConvertsToAMigrationSetKeyedByChecksum) {
    TempDir dir;
    write_file(dir / "m/20250101000000-a.js", "abc");
    write_file(dir / "m/notes.sql", "");
    write_file(dir / "m/.migmerge-renames", "x.js\ty.js\n");
    LocalFolder folder = read_local_folder(dir / "m");
    core::MigrationSet set = to_migration_set(folder);
    core::MigrationSet expected;
    expected.files = {{"20250101000000-a.js", sha256_of_abc}, {"notes.sql", sha256_of_empty}};
    expected.ledger_text = "x.js\ty.js\n";
    EXPECT_EQ(set, expected);
    EXPECT_EQ(migration_checksums(folder),
              (std::map<std::string, std::string>{{"20250101000000-a.js", sha256_of_abc}}));
}

}  // namespace
}  // namespace migmerge::run
