// Bad input: a clear one-line error or a finding, with docs/DESIGN.md's exit code.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

void expect_one_line_error(const ProcessResult& result, int code, const std::string& text) {
    EXPECT_EQ(result.exit_code, code) << result;
    std::vector<std::string> lines = lines_of(result.err);
    ASSERT_FALSE(lines.empty()) << result;
    EXPECT_THAT(lines[0], StartsWith("migmerge: error: "));
    EXPECT_THAT(lines[0], HasSubstr(text));
    for (std::size_t i = 1; i < lines.size(); ++i)
        EXPECT_THAT(lines[i], StartsWith("migmerge: hint: "));
}

TEST_F(MergeScenarioTest, UnknownRefIsBadInput) {
    GitRepo repo;
    build_diverged_branches(repo);
    expect_one_line_error(run_migmerge({"check", "--base", "no-such-branch"}, repo.path()), 2,
                          "no-such-branch");
}

TEST_F(MergeScenarioTest, NotARepositoryIsAResourceFailure) {
    TempDir empty;
    expect_one_line_error(run_migmerge({"check", "--base", "main"}, empty.path()), 3,
                          "not a git repository");
}

TEST_F(MergeScenarioTest, MissingMigrationsFolderIsBadInput) {
    GitRepo repo;
    build_diverged_branches(repo);
    expect_one_line_error(
        run_migmerge({"--migrations-path", "db/migrations", "check", "--base", "production"},
                     repo.path()),
        2, "no migrations folder");
}

TEST_F(MergeScenarioTest, MissingBaseSaysHowToGiveOne) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result = run_migmerge({"check"}, repo.path());
    expect_one_line_error(result, 2, "no base ref");
    EXPECT_THAT(result.err, HasSubstr("--base"));
}

TEST_F(MergeScenarioTest, MalformedLedgerNamesTheLine) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.write("migrations/.migmerge-renames", "# renames\na.js\tb.js\nno tab here\n");
    repo.commit("broken ledger");
    expect_one_line_error(run_migmerge({"check", "--base", "production"}, repo.path()), 2,
                          "line 3");
}

// A password with a raw '@', ':' or '/': libpq would read part of it as the
// host, and the error named that "host". Nothing of the URL may be printed.
void expect_nothing_of(const ProcessResult& result, const std::string& password) {
    for (const std::string& piece :
         {password, std::string("ss:w"), std::string("w/rd"), std::string("p@ss"),
          std::string("Xq7"), std::string("Zk9"), std::string("Wv3"), std::string("Rt5"),
          std::string("app_db"), std::string("127.0.0.1")}) {
        EXPECT_EQ((result.out + result.err).find(piece), std::string::npos) << piece << result;
    }
}

TEST_F(MergeScenarioTest, AnUnparsableDatabaseUrlNeverShowsThePassword) {
    GitRepo repo;
    build_diverged_branches(repo);
    for (const std::string password : {"p@ss:w/rd", "Xq7@Zk9:Wv3/Rt5", "Xq7/Rt5"}) {
        const std::string url = "postgres://app:" + password + "@127.0.0.1:5432/app_db";
        for (const std::string format : {"text", "json"}) {
            for (const std::string command : {"status", "migrate"}) {
                SCOPED_TRACE(url + " " + format + " " + command);
                ProcessResult given =
                    run_migmerge({"--format", format, command, "--url", url}, repo.path());
                expect_one_line_error(given, 2, "cannot parse the database URL from --url");
                expect_nothing_of(given, password);
                ProcessResult from_env = run_migmerge({"--format", format, command}, repo.path(),
                                                      {{"DATABASE_URL", url}});
                expect_one_line_error(from_env, 2,
                                      "cannot parse the database URL from DATABASE_URL");
                expect_nothing_of(from_env, password);
            }
        }
    }
}

// Two ways the password reached the output: nlohmann's parse error quoting
// the config's token ("last read: '"s3cret-PW..."), and a URL without its
// '@' whose password libpq read as the port ("invalid integer value").
TEST_F(MergeScenarioTest, NeitherAMalformedConfigNorAPortlessUrlShowsThePassword) {
    GitRepo repo;
    build_diverged_branches(repo);
    for (const std::string format : {"text", "json"}) {
        for (const std::string command : {"status", "migrate", "undo", "repair"}) {
            SCOPED_TRACE(format + " " + command);
            for (const std::string& config :
                 {std::string(R"({"development": {"password": "s3cret-PW)") + "\xe9\"}}",
                  std::string(R"({"development": {"url": "postgres://u:s3cret-PW@h/db)") +
                      "\xe9\"}}"}) {
                repo.write("config/config.json", config);
                ProcessResult result = run_migmerge({"--format", format, command}, repo.path());
                expect_one_line_error(result, 2, "malformed config ");
                EXPECT_THAT(result.err, HasSubstr("not JSON at line 1, column "));
                EXPECT_EQ((result.out + result.err).find("s3cret"), std::string::npos) << result;
            }
            for (const std::string url :
                 {"postgres://postgres:s3cret-PW/db", "postgresql://postgres:s3cret-PW"}) {
                ProcessResult result =
                    run_migmerge({"--format", format, command, "--url", url}, repo.path());
                expect_one_line_error(result, 2, "its port is not a number");
                EXPECT_EQ((result.out + result.err).find("s3cret"), std::string::npos) << result;
            }
        }
    }
}

// 99999999999999999999 overflowed on its way to milliseconds: a crash.
TEST_F(MergeScenarioTest, ALockTimeoutOutOfRangeIsExitTwoInOneLine) {
    GitRepo repo;
    build_diverged_branches(repo);
    for (const std::string command : {"migrate", "undo", "repair"}) {
        for (const std::string value : {"99999999999999999999", "2147484", "-1", "abc", "1.5"}) {
            SCOPED_TRACE(command + " " + value);
            ProcessResult result = run_migmerge({command, "--lock-timeout", value}, repo.path());
            EXPECT_EQ(result.exit_code, 2) << result;
            EXPECT_EQ(result.err, "migmerge: error: invalid --lock-timeout '" + value +
                                      "': give a whole number of seconds from 0 to 2147483\n");
            EXPECT_EQ(result.out, "");
        }
    }
}

TEST_F(MergeScenarioTest, BadUsageIsExitTwo) {
    GitRepo repo;
    expect_one_line_error(run_migmerge({"check", "--no-such-option"}, repo.path()), 2, "bad usage");
    expect_one_line_error(run_migmerge({"--format", "yaml", "check"}, repo.path()), 2, "bad usage");
    EXPECT_EQ(run_migmerge({"--version"}, repo.path()).exit_code, 0);
    EXPECT_EQ(run_migmerge({"--help"}, repo.path()).exit_code, 0);
}

TEST_F(MergeScenarioTest, OddNamesAreReportedNotCrashedOn) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.add_migration("20260120000000-add \"quoted\" column's name.js");
    repo.add_migration("20260120000001-ajouter-café.js");
    repo.add_migration("helpers.js");
    repo.commit("odd names");
    ProcessResult result =
        run_migmerge({"--format", "json", "check", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    nlohmann::json document = parse_json(result);
    std::vector<std::string> invalid;
    for (const auto& finding : document["findings"]) {
        if (finding["code"] != "invalid-name") continue;
        for (const auto& file : finding["files"]) invalid.push_back(file.get<std::string>());
    }
    EXPECT_THAT(invalid, ::testing::IsSupersetOf({"helpers.js", "20260120000001-ajouter-café.js"}));
}

TEST_F(MergeScenarioTest, NameOverSequelizeMetasLimitIsAnError) {
    GitRepo repo;
    build_diverged_branches(repo);
    // No file system stores a 260-byte name, but a git tree can.
    std::string name = "20260120000000-" + std::string(242, 'x') + ".js";
    std::string blob = repo.git({"hash-object", "-w", "--stdin"});  // the empty blob
    blob = blob.substr(0, blob.find('\n'));
    repo.git({"update-index", "--add", "--cacheinfo", "100644," + blob + ",migrations/" + name});
    repo.git({"commit", "-q", "-m", "long name"});
    ProcessResult result = run_migmerge(
        {"--format", "json", "check", "--base", "production", "--head", "staging"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    bool reported = false;
    nlohmann::json document = parse_json(result);
    for (const auto& finding : document["findings"]) {
        reported |= finding["code"] == "invalid-name" && finding["severity"] == "error" &&
                    finding["files"][0] == name;
    }
    EXPECT_TRUE(reported) << result;
}

}  // namespace
}  // namespace migmerge::test
