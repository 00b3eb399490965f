#include "sql_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "findings_output.hpp"
#include "migmerge/core/sql_script.hpp"
#include "migmerge/core/statement_locks.hpp"

namespace migmerge::cli {
namespace {

constexpr const char* data_note =
    "Statements that depend on data (a SELECT whose answer steers what follows, an UPDATE per "
    "row) ran on a copy without the data: on the real database they may differ.";

std::string shown(const run::SentStatement& statement) {
    return core::terminated(core::inline_bind(statement.sql, statement.bind));
}

std::string lock_comment(const core::StatementLock& lock) {
    return fmt::format("-- blocks writes: {} takes {} on its table\n", lock.kind, lock.lock);
}

void print_migration_text(std::ostream& out, const run::MigrationSql& migration) {
    fmt::print(out, "\n-- migration: {}\n", migration.name);
    for (const run::SentStatement& statement : migration.statements) {
        const core::StatementLock lock = core::statement_lock(statement.sql);
        if (lock.blocks_writes) out << lock_comment(lock);
        fmt::print(out, "{}\n", shown(statement));
    }
    if (migration.ok)
        fmt::print(out, "{}\n", migration.meta_insert);
    else
        fmt::print(out, "-- FAILED on the copy (the statement above): {}\n", migration.error);
}

void print_text(const Output& output, const run::SqlReport& report) {
    fmt::print(output.out,
               "-- migmerge sql: {} pending migration(s), run on a scratch copy of {}\n",
               report.migrations.size(), report.copied_from);
    fmt::print(output.out, "-- {}\n", data_note);
    for (const run::MigrationSql& migration : report.migrations)
        print_migration_text(output.out, migration);
}

nlohmann::json bind_json(const std::vector<std::optional<std::string>>& bind) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& value : bind) values.push_back(value ? nlohmann::json(*value) : nullptr);
    return values;
}

nlohmann::json statement_json(const std::string& migration, const std::string& sql,
                              const run::SentStatement& sent, bool by_migmerge) {
    const core::StatementLock lock = core::statement_lock(sql);
    return {{"migration", migration},
            {"statement", sql},
            {"sql", sent.sql},
            {"bind", bind_json(sent.bind)},
            {"kind", lock.kind},
            {"ddl", lock.ddl},
            {"lock", lock.lock.empty() ? nlohmann::json(nullptr) : nlohmann::json(lock.lock)},
            {"blocksWrites", lock.blocks_writes},
            {"migmerge", by_migmerge}};
}

void print_json_report(const Output& output, const run::SqlReport& report) {
    nlohmann::json statements = nlohmann::json::array();
    nlohmann::json failure = nullptr;
    for (const run::MigrationSql& migration : report.migrations) {
        for (const run::SentStatement& sent : migration.statements)
            statements.push_back(statement_json(migration.name, shown(sent), sent, false));
        if (migration.ok) {
            const run::SentStatement meta{migration.meta_insert, {}};
            statements.push_back(statement_json(migration.name, migration.meta_insert, meta, true));
        } else {
            failure = {{"migration", migration.name}, {"error", migration.error}};
        }
    }
    print_json(output, {{"command", "sql"},
                        {"copiedFrom", report.copied_from},
                        {"note", data_note},
                        {"statements", statements},
                        {"failed", failure}});
}

// A job summary: each migration's SQL folded under its name.
void print_github(const Output& output, const run::SqlReport& report) {
    fmt::print(output.out, "### SQL of {} migration(s)\n\nRun on a scratch copy of {}. {}\n\n",
               report.migrations.size(), report.copied_from, data_note);
    for (const run::MigrationSql& migration : report.migrations) {
        fmt::print(output.out, "<details><summary><code>{}</code>{}</summary>\n\n```sql\n",
                   migration.name, migration.ok ? "" : " (failed)");
        for (const run::SentStatement& statement : migration.statements) {
            const core::StatementLock lock = core::statement_lock(statement.sql);
            if (lock.blocks_writes) output.out << lock_comment(lock);
            fmt::print(output.out, "{}\n", shown(statement));
        }
        if (!migration.ok) fmt::print(output.out, "-- FAILED: {}\n", migration.error);
        fmt::print(output.out, "```\n\n</details>\n\n");
    }
}

}  // namespace

void print_sql_report(const Output& output, const run::SqlReport& report) {
    if (output.format == Format::json)
        print_json_report(output, report);
    else if (output.format == Format::github)
        print_github(output, report);
    else
        print_text(output, report);
}

int sql_exit_code(const run::SqlReport& report) {
    return report.failed() ? 1 : 0;
}

}  // namespace migmerge::cli
