// Files in the migrations folder that sequelize-cli stumbles on: what
// status, migrate and check make of them, through the binary.
#include <gmock/gmock.h>

#include <filesystem>

#include "merge_scenario.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string not_utf8 = "20250102000000-caf\xff.js";
const std::string not_utf8_warning =
    "migmerge: warning: 20250102000000-caf\\xff.js is not valid UTF-8; the JSON output shows "
    "U+FFFD for its invalid bytes";

class FolderOddities : public ProjectTest<SequelizeProject> {
  protected:
    ProcessResult migmerge(const Names& args) const {
        return run_migmerge(args, project_->dir(), {});
    }
};

// Each JSON line of `text`, parsed; a test failure for one that is not JSON.
std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> documents;
    for (const std::string& line : lines_of(text)) {
        try {
            documents.push_back(nlohmann::json::parse(line));
        } catch (const nlohmann::json::exception& error) {
            ADD_FAILURE() << "not JSON: " << line << ": " << error.what();
        }
    }
    return documents;
}

bool reports_invalid_name(const nlohmann::json& document) {
    for (const auto& finding : document.at("findings")) {
        if (finding.at("code") == "invalid-name" && finding.at("severity") == "error") return true;
    }
    return false;
}

// Before: "unexpected failure: [json.exception.type_error.316]", exit 3, and
// migrate died half-way into sequelize-cli's "Cannot find module".
TEST_F(FolderOddities, ANameThatIsNotUtf8IsAnErrorAndTheJsonStaysValid) {
    project_->add_migration(a, counting_migration(a));
    project_->add_migration(not_utf8, counting_migration("not-utf8"));

    ProcessResult status = migmerge({"--format", "json", "status"});
    EXPECT_EQ(status.exit_code, 1) << status;
    nlohmann::json document = parse_json(status);
    EXPECT_TRUE(reports_invalid_name(document)) << status;
    EXPECT_EQ(document["migrations"][1]["name"], "20250102000000-caf\xef\xbf\xbd.js");
    EXPECT_EQ(status.err, not_utf8_warning + "\n");

    ProcessResult json_migrate = migmerge({"--format", "json", "migrate"});
    EXPECT_EQ(json_migrate.exit_code, 1) << json_migrate;
    std::vector<nlohmann::json> lines = json_lines(json_migrate.out);
    ASSERT_FALSE(lines.empty()) << json_migrate;
    EXPECT_EQ(lines.back()["refused"], true);
    EXPECT_TRUE(reports_invalid_name(lines.back()));
    EXPECT_EQ(json_migrate.err, not_utf8_warning + "\n");

    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 1) << migrate;
    EXPECT_THAT(migrate.out, HasSubstr("20250102000000-caf\\xff.js is not valid UTF-8"));
    EXPECT_THAT(migrate.out, HasSubstr("Refused to migrate"));
    EXPECT_EQ(migrate.err, "");
    EXPECT_EQ(effects(*database_), Names{}) << "nothing ran";
}

// It used to vanish from the listing without a word, while sequelize-cli
// lists it and fails on it ("Cannot find module").
TEST_F(FolderOddities, ADanglingSymlinkNamedLikeAMigrationIsReported) {
    const std::string x = "20250102000000-x.js";
    project_->add_migration(a, counting_migration(a));
    std::filesystem::create_symlink("missing.js", project_->path_of(x));

    ProcessResult status = migmerge({"status"});
    EXPECT_EQ(status.exit_code, 0) << status;
    EXPECT_THAT(status.out, HasSubstr("warning: dangling-symlink: " + x));
    EXPECT_THAT(status.out, HasSubstr(x + " is a dangling symlink (to missing.js"));
    nlohmann::json document = parse_json(migmerge({"--format", "json", "status"}));
    ASSERT_EQ(document["findings"].size(), 1u) << document;
    EXPECT_EQ(document["findings"][0]["code"], "dangling-symlink");
    EXPECT_EQ(document["findings"][0]["files"][0], x);

    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_THAT(migrate.out, HasSubstr("warning: dangling-symlink: " + x));
    EXPECT_EQ(effects(*database_), Names{a});
}

TEST_F(MergeScenarioTest, CheckJsonOfANameThatIsNotUtf8IsValid) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.add_migration(not_utf8);
    repo.commit("a name that is not UTF-8");
    ProcessResult result =
        run_migmerge({"--format", "json", "check", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_TRUE(reports_invalid_name(parse_json(result))) << result;
    EXPECT_THAT(result.err, HasSubstr(not_utf8_warning + "\n"));
    // The plan moves it too (after billing), under a new name as little UTF-8.
    for (const std::string& line : lines_of(result.err)) {
        EXPECT_THAT(line, ::testing::StartsWith("migmerge: warning: ")) << result;
    }
}

}  // namespace
}  // namespace migmerge::test
