#include "migmerge/sys/text_file.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::sys {
namespace {

TEST(ReadFile, ReadsBytesExactlyIncludingNulAndCrlf) {
    test::TempDir dir;
    const std::string content("a\r\nb\0c", 6);
    write_file(dir / "f", content);
    EXPECT_EQ(read_file(dir / "f"), content);
}

TEST(ReadFile, AMissingFileIsAResourceErrorNamingIt) {
    test::TempDir dir;
    Error error = test::expect_error([&] { read_file(dir / "missing"); }, ExitCode::resource);
    EXPECT_EQ(error.context(), "cannot read " + (dir / "missing"));
    EXPECT_EQ(read_file_if_present(dir / "missing"), std::nullopt);
}

TEST(ReadFile, ReadsFilesThatReportNoSize) {
    EXPECT_NE(read_file("/proc/self/status").find("Name:"), std::string::npos);
}

TEST(AppendText, EndsAnUnterminatedLastLineFirst) {
    test::TempDir dir;
    write_file(dir / "f", "one");
    append_text(dir / "f", "two\n");
    append_text(dir / "f", "three\n");
    EXPECT_EQ(read_file(dir / "f"), "one\ntwo\nthree\n");
}

TEST(EnsureLine, AddsALineOnceAndRecognisesItBehindCrlf) {
    test::TempDir dir;
    ensure_line(dir / "f", "x merge=union");
    ensure_line(dir / "f", "x merge=union");
    EXPECT_EQ(read_file(dir / "f"), "x merge=union\n");
    write_file(dir / "g", "other\r\nx merge=union\r\n");
    ensure_line(dir / "g", "x merge=union");
    EXPECT_EQ(read_file(dir / "g"), "other\r\nx merge=union\r\n");
    ensure_line(dir / "g", "x merge");
    EXPECT_EQ(read_file(dir / "g"), "other\r\nx merge=union\r\nx merge\n");
}

TEST(FirstLine, StopsAtTheNewlineAndDropsTrailingBlanks) {
    EXPECT_EQ(first_line("error: boom  \r\nstack"), "error: boom");
    EXPECT_EQ(first_line("one line"), "one line");
    EXPECT_EQ(first_line(""), "");
}

}  // namespace
}  // namespace migmerge::sys
