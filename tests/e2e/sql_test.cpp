// `migmerge sql` on a project laid out as teams lay them out (dotenv
// .sequelizerc, config/database.js, TypeScript migrations): the statements it
// shows are the ones the server receives when sequelize-cli really runs the
// same migrations, read back from the server's log (log_statement = all on
// that one database), in order; the project's own database is only read.
//
// The log, not a second capture: it is what PostgreSQL received, whoever sent
// it. The shared cluster logs to server.log beside its data directory (no
// collector); only the reference database logs statements, so other tests'
// lines never match, and each migration's statements must appear as one
// unbroken run, in migration order (sequelize-cli's own SequelizeMeta queries
// fall between them).
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/process.hpp"
#include "support/side_by_side.hpp"

namespace migmerge::test {
namespace {

using nlohmann::json;
using Names = std::vector<std::string>;

// Backfills through a SELECT it reads back (data-dependent), with bind
// values, and builds two indexes, one of them concurrently.
const char* backfill_js = R"('use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(
      'INSERT INTO accounts (email) VALUES ($1), ($2)', { bind: ['A@Example.com', 'b@example.com'] });
    const [rows] = await queryInterface.sequelize.query('SELECT id FROM accounts ORDER BY id');
    for (const row of rows) {
      await queryInterface.sequelize.query(
        'UPDATE accounts SET email = lower(email) WHERE id = $1', { bind: [row.id] });
    }
    await queryInterface.addIndex('accounts', ['email']);
    await queryInterface.addIndex('accounts', ['plan'], { concurrently: true });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('accounts', ['plan']);
    await queryInterface.removeIndex('accounts', ['email']);
  },
};
)";

const char* failing_js = R"('use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER');
  },
  async down() {},
};
)";

// The statements of every session of the reference database, from byte
// `from` of the server's log: "statement: SQL" (simple protocol) and
// "execute <name>: SQL" (with bind values), a statement's newlines included.
Names logged_statements(const std::string& log, std::size_t from) {
    static const std::regex entry(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] [A-Z]+:  )");
    static const std::regex statement(R"(^(?:statement|execute [^:]+): ([\s\S]*)$)");
    Names statements;
    std::string current;
    auto flush = [&] {
        std::smatch match;
        if (std::regex_match(current, match, statement)) statements.push_back(match[1]);
        current.clear();
    };
    std::istringstream lines(log.substr(from));
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (std::regex_search(line, match, entry)) {
            flush();
            current = match.suffix();
        } else if (!current.empty()) {
            current += "\n" + line;
        }
    }
    flush();
    return statements;
}

std::string server_log(const TestDatabase& database) {
    const std::filesystem::path data = database.query_value("SHOW data_directory");
    return (data.parent_path() / "server.log").string();
}

std::size_t size_of(const std::string& path) {
    return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
}

// migration -> the SQL texts migmerge sql showed for it (not its own insert).
std::map<std::string, Names> shown_statements(const json& report) {
    std::map<std::string, Names> shown;
    for (const json& statement : report.at("statements")) {
        if (!statement.at("migmerge").get<bool>())
            shown[statement.at("migration")].push_back(statement.at("sql"));
    }
    return shown;
}

// Where `block` starts in `all` at or after `from`, or npos.
std::size_t find_block(const Names& all, const Names& block, std::size_t from) {
    for (std::size_t at = from; at + block.size() <= all.size(); ++at) {
        if (std::equal(block.begin(), block.end(), all.begin() + at)) return at;
    }
    return std::string::npos;
}

class sql : public SideBySideTest {
  protected:
    // Both projects: two TypeScript migrations and the backfill, the first
    // one already run on both databases.
    Names start() {
        RealProjectOptions options;
        options.typescript = true;
        make_projects(options);
        Names names;
        for_both([&](const RealProject& project) {
            names = project.add_typescript_migrations();
            names.push_back(generated_name(2, "backfill-emails"));
            project.add_migration(names.back(), backfill_js);
        });
        EXPECT_EQ(ours({"migrate", "--to", names[0]}).run.exit_code, 0);
        EXPECT_EQ(cli({"db:migrate", "--to", names[0]}).run.exit_code, 0);
        return names;
    }

    ProcessResult show_sql(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"sql"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_migmerge(args, our_project().dir());
    }
};

TEST_F(sql, ShowsWhatTheServerReceivesWhenTheMigrationsReallyRun) {
    const Names names = start();
    const std::string schema_before = schema_dump(*our_database_);
    const Outcome before = outcome_of({}, *our_database_);

    const ProcessResult shown = show_sql({"--format", "json"});
    ASSERT_EQ(shown.exit_code, 0) << shown;
    EXPECT_EQ(schema_dump(*our_database_), schema_before) << "the real database was changed";
    EXPECT_EQ(outcome_of({}, *our_database_).meta, before.meta);
    const json report = json::parse(shown.out);
    const std::map<std::string, Names> statements = shown_statements(report);
    ASSERT_EQ(statements.size(), 2u) << shown.out;

    cli_database_->exec("ALTER DATABASE \"" + cli_database_->name() +
                        "\" SET log_statement = 'all'");
    const std::string log = server_log(*cli_database_);
    const std::size_t from = size_of(log);
    EXPECT_EQ(cli({"db:migrate"}).run.exit_code, 0);
    const Names logged = logged_statements(read_file(log), from);

    std::size_t at = 0;
    for (const std::string& name : {names[1], names[2]}) {
        const Names& block = statements.at(name);
        ASSERT_FALSE(block.empty()) << name;
        const std::size_t found = find_block(logged, block, at);
        ASSERT_NE(found, std::string::npos) << name << " as shown:\n"
                                            << ::testing::PrintToString(block) << "\nas logged:\n"
                                            << ::testing::PrintToString(logged);
        at = found + block.size();
    }
}

TEST_F(sql, MarksWhatBlocksWritesAndEndsWithTheMetaRow) {
    const Names names = start();
    const ProcessResult shown = show_sql();
    ASSERT_EQ(shown.exit_code, 0) << shown;
    EXPECT_THAT(shown.out, ::testing::HasSubstr("-- migration: " + names[2]));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("ran on a copy without the data"));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("-- blocks writes: CREATE INDEX takes SHARE"));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("-- blocks writes: ALTER TABLE takes ACCESS "
                                                "EXCLUSIVE on its table\nDO 'BEGIN CREATE TYPE"));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("VALUES ('A@Example.com'), ('b@example.com')"));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("INSERT INTO \"public\".\"SequelizeMeta\" "
                                                "(\"name\") VALUES ('" +
                                                names[2] + "');"));
    const ProcessResult as_json = show_sql({"--format", "json"});
    ASSERT_EQ(as_json.exit_code, 0) << as_json;
    bool concurrent = false;
    const json report = json::parse(as_json.out);
    for (const json& statement : report.at("statements")) {
        if (statement.at("kind").get<std::string>() != "CREATE INDEX CONCURRENTLY") continue;
        concurrent = true;
        EXPECT_EQ(statement.at("lock"), "SHARE UPDATE EXCLUSIVE");
        EXPECT_FALSE(statement.at("blocksWrites").get<bool>());
        EXPECT_TRUE(statement.at("ddl").get<bool>());
    }
    EXPECT_TRUE(concurrent) << as_json.out;
}

TEST_F(sql, AMigrationThatFailsOnTheCopyIsReportedWithItsStatement) {
    const Names names = start();
    const std::string failing = generated_name(3, "alter-missing");
    our_project().add_migration(failing, failing_js);
    const ProcessResult shown = show_sql({"--format", "json"});
    EXPECT_EQ(shown.exit_code, 1) << shown;
    const json report = json::parse(shown.out);
    EXPECT_EQ(report.at("failed").at("migration"), failing);
    EXPECT_THAT(report.at("failed").at("error").get<std::string>(),
                ::testing::HasSubstr("no_such_table"));
    EXPECT_THAT(report.at("statements").back().at("sql").get<std::string>(),
                ::testing::HasSubstr("ALTER TABLE \"no_such_table\""));
    EXPECT_EQ(outcome_of({}, *our_database_).meta, Names{names[0]});
}

// With refs no database is read: main's migrations are replayed on the
// scratch database and only what the feature branch adds is shown.
TEST_F(sql, WithRefsShowsWhatTheBranchAddsAfterBasesMigrations) {
    const Names names = start();
    const std::string dir = our_project().dir();
    const std::string base_name = names[0];
    std::filesystem::remove(our_project().path_of(names[2]));
    std::filesystem::remove(our_project().path_of(names[1]));
    for (const std::vector<std::string>& git :
         {std::vector<std::string>{"git", "init", "-q", "-b", "main"},
          {"git", "add", "-A"},
          {"git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "main"},
          {"git", "checkout", "-qb", "feature"}})
        must_run(git, dir);
    our_project().add_migration(names[1], read_file(cli_project().path_of(names[1])));
    must_run({"git", "add", "-A"}, dir);
    must_run({"git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "f"}, dir);
    const std::string schema_before = schema_dump(*our_database_);
    const ProcessResult shown = show_sql({"--base", "main", "--head", "feature"});
    ASSERT_EQ(shown.exit_code, 0) << shown;
    EXPECT_THAT(shown.out, ::testing::HasSubstr("a replay of 1 migrations"));
    EXPECT_THAT(shown.out, ::testing::HasSubstr("-- migration: " + names[1]));
    EXPECT_THAT(shown.out, ::testing::Not(::testing::HasSubstr("-- migration: " + base_name)));
    EXPECT_EQ(schema_dump(*our_database_), schema_before);
}

TEST_F(sql, MigrateDryRunSqlPrintsTheSameAndRunsNothing) {
    const Names names = start();
    const ProcessResult dry = run_migmerge({"migrate", "--dry-run", "--sql"}, our_project().dir());
    ASSERT_EQ(dry.exit_code, 0) << dry;
    EXPECT_THAT(dry.out, ::testing::HasSubstr("-- migration: " + names[1]));
    EXPECT_THAT(dry.out, ::testing::HasSubstr("-- migration: " + names[2]));
    EXPECT_EQ(outcome_of({}, *our_database_).meta, Names{names[0]});
    const ProcessResult wet = run_migmerge({"migrate", "--sql"}, our_project().dir());
    EXPECT_EQ(wet.exit_code, 2) << wet;
    EXPECT_EQ(outcome_of({}, *our_database_).meta, Names{names[0]});
}

}  // namespace
}  // namespace migmerge::test
