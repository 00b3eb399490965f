#include "support/side_by_side.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace fs = std::filesystem;

namespace migmerge::test {
namespace {

std::string pg_dump_binary() {
    const char* debian = "/usr/lib/postgresql/15/bin/pg_dump";
    return fs::exists(debian) ? debian : "pg_dump";
}

bool starts_with(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

std::string normalised(const std::string& dump) {
    std::istringstream lines(dump);
    std::string kept;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || starts_with(line, "--") || starts_with(line, "SET ") ||
            starts_with(line, "SELECT pg_catalog.set_config") ||
            // pg_dump 15.14 and later: a random key per dump
            starts_with(line, "\\restrict ") || starts_with(line, "\\unrestrict ")) {
            continue;
        }
        kept += line + "\n";
    }
    return kept;
}

}  // namespace

std::string schema_dump(const TestDatabase& database) {
    const PgServer& server = database.server();
    ProcessOptions options;
    options.set_env = {{"PGPASSWORD", server.password}};
    ProcessResult dump = run_process(
        {pg_dump_binary(), "-s", "--no-owner", "--no-privileges", "--exclude-table=*.migmerge_*",
         "-h", server.host, "-p", server.port, "-U", server.user, database.name()},
        options);
    if (dump.exit_code != 0) ADD_FAILURE() << "pg_dump " << database.name() << "\n" << dump;
    return normalised(dump.out);
}

Outcome outcome_of(ProcessResult run, const TestDatabase& database) {
    return Outcome{std::move(run), meta_rows(database), schema_dump(database)};
}

void expect_same(const Outcome& cli, const Outcome& ours) {
    EXPECT_EQ(ours.run.exit_code, cli.run.exit_code) << "--- sequelize-cli:\n"
                                                     << cli.run << "\n--- migmerge:\n"
                                                     << ours.run;
    EXPECT_EQ(ours.meta, cli.meta) << "SequelizeMeta differs";
    EXPECT_EQ(ours.schema, cli.schema) << "the schemas differ";
}

std::map<std::string, std::string> sequelize_cli_states(const std::string& output) {
    std::map<std::string, std::string> states;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        auto space = line.find(' ');
        std::string state = line.substr(0, space);
        if (state == "up" || state == "down") states[line.substr(space + 1)] = state;
    }
    return states;
}

std::map<std::string, std::string> migmerge_states(const std::string& json) {
    std::map<std::string, std::string> states;
    const nlohmann::json document = nlohmann::json::parse(json);
    for (const auto& migration : document.at("migrations")) {
        states[migration.at("name").get<std::string>()] = migration.at("state").get<std::string>();
    }
    return states;
}

std::map<std::string, std::string> as_up_or_down(std::map<std::string, std::string> states) {
    for (auto& [name, state] : states) {
        if (state == "applied" || state == "orphaned" || state == "modified-after-apply") {
            state = "up";
        } else if (state == "pending" || state == "out-of-order") {
            state = "down";
        }
    }
    return states;
}

void SideBySideTest::SetUp() {
    MIGMERGE_REQUIRE_POSTGRES();
    const std::string missing = real_project_tools_missing();
    if (!missing.empty()) {
        if (ci_mode()) FAIL() << missing << " (CI=true)";
        GTEST_SKIP() << missing;
    }
    role_.emplace(*pg_server());
    cli_database_.emplace();
    our_database_.emplace();
    role_->own(*cli_database_);
    role_->own(*our_database_);
}

void SideBySideTest::make_projects(const RealProjectOptions& options) {
    cli_project_.emplace(*role_, *cli_database_, options);
    our_project_.emplace(*role_, *our_database_, options);
}

void SideBySideTest::for_both(const std::function<void(const RealProject&)>& change) const {
    change(*cli_project_);
    change(*our_project_);
}

Outcome SideBySideTest::cli(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env) const {
    return outcome_of(cli_project_->sequelize_cli(args, env), *cli_database_);
}

Outcome SideBySideTest::ours(const std::vector<std::string>& args, const std::string& cwd,
                             const std::map<std::string, std::string>& env) const {
    return outcome_of(run_migmerge(args, cwd.empty() ? our_project_->dir() : cwd, env),
                      *our_database_);
}

}  // namespace migmerge::test
