#pragma once
// migmerge held against the real sequelize-cli: two fresh databases, two
// copies of the same RealProject (one on each), sequelize-cli run in one and
// the built migmerge in the other, then their exit codes, SequelizeMeta rows
// and schemas compared.
//
//     SideBySideTest fixture:  make_projects({...});
//                              for_both([](const RealProject& p) { p.add_generated(20); });
//                              expect_same(cli({"db:migrate"}), ours({"migrate"}));
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/real_project.hpp"

namespace migmerge::test {

// `pg_dump -s --no-owner --no-privileges` of the database without migmerge's
// own side tables (migmerge_*), and without comments, SET lines, blank
// lines and the \\restrict key: equal for two databases with the same schema.
std::string schema_dump(const TestDatabase& database);

// What a run left behind.
struct Outcome {
    ProcessResult run;
    std::vector<std::string> meta;  // SequelizeMeta names, byte order; none without the table
    std::string schema;             // schema_dump
};

Outcome outcome_of(ProcessResult run, const TestDatabase& database);

// The same exit code, SequelizeMeta and schema; `cli` is the reference.
void expect_same(const Outcome& cli, const Outcome& ours);

// name -> "up" / "down" from `sequelize-cli db:migrate:status` output.
std::map<std::string, std::string> sequelize_cli_states(const std::string& output);
// name -> state from `migmerge --format json status` output.
std::map<std::string, std::string> migmerge_states(const std::string& json);
// migmerge's states as sequelize-cli's status names them: a SequelizeMeta row
// is "up" (applied, orphaned, modified-after-apply), a file without one "down"
// (pending, out-of-order).
std::map<std::string, std::string> as_up_or_down(std::map<std::string, std::string> states);

class SideBySideTest : public ::testing::Test {
  protected:
    // Needs PostgreSQL, node and the projects' packages: fails under CI=true
    // without them, skips otherwise. Makes the role and both databases.
    void SetUp() override;

    // The reference copy (sequelize-cli) and ours (migmerge), alike but for their database.
    void make_projects(const RealProjectOptions& options = {});
    void for_both(const std::function<void(const RealProject&)>& change) const;

    // sequelize-cli in the reference copy; migmerge on ours (in its directory
    // unless `cwd` is given). Both return what they left in their database.
    Outcome cli(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {}) const;
    Outcome ours(const std::vector<std::string>& args, const std::string& cwd = {},
                 const std::map<std::string, std::string>& env = {}) const;

    const RealProject& cli_project() const { return *cli_project_; }
    const RealProject& our_project() const { return *our_project_; }

    // Declared in this order so that the role outlives the databases it owns.
    std::optional<TestRole> role_;
    std::optional<TestDatabase> cli_database_;
    std::optional<TestDatabase> our_database_;
    std::optional<RealProject> cli_project_;
    std::optional<RealProject> our_project_;
};

}  // namespace migmerge::test
