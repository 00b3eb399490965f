#include "migmerge/core/statement_locks.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace migmerge::core {
namespace {

using Words = std::vector<std::string>;

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Index just past the quoted text that starts at `at` (quote doubled inside).
std::size_t past_quoted(const std::string& sql, std::size_t at) {
    const char quote = sql[at];
    for (std::size_t i = at + 1; i < sql.size(); ++i) {
        if (sql[i] != quote) continue;
        if (i + 1 < sql.size() && sql[i + 1] == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return sql.size();
}

std::size_t past_comment(const std::string& sql, std::size_t at) {
    if (sql.compare(at, 2, "--") == 0) {
        const std::size_t end = sql.find('\n', at);
        return end == std::string::npos ? sql.size() : end + 1;
    }
    const std::size_t end = sql.find("*/", at + 2);
    return end == std::string::npos ? sql.size() : end + 2;
}

// The statement's keywords, upper case; quoted names and strings become one
// `"` or `'` word, so that a table called "drop" reads as a name.
Words words_of(const std::string& sql) {
    Words words;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '"' || c == '\'') {
            words.emplace_back(1, c);
            i = past_quoted(sql, i);
        } else if (sql.compare(i, 2, "--") == 0 || sql.compare(i, 2, "/*") == 0) {
            i = past_comment(sql, i);
        } else if (word_char(c)) {
            std::string word;
            for (; i < sql.size() && word_char(sql[i]); ++i)
                word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i])));
            words.push_back(std::move(word));
        } else {
            ++i;
        }
    }
    return words;
}

bool has(const Words& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool has_pair(const Words& words, const std::string& first, const std::string& second) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i] == first && words[i + 1] == second) return true;
    return false;
}

bool starts(const Words& words, std::initializer_list<const char*> prefix) {
    if (words.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), words.begin());
}

bool conflicts_with_writes(const std::string& lock) {
    return lock == "SHARE" || lock == "SHARE ROW EXCLUSIVE" || lock == "EXCLUSIVE" ||
           lock == "ACCESS EXCLUSIVE";
}

StatementLock ddl(std::string kind, std::string lock) {
    const bool blocks = conflicts_with_writes(lock);
    return {std::move(kind), true, std::move(lock), blocks};
}

StatementLock dml(std::string kind, std::string lock) {
    return {std::move(kind), false, std::move(lock), false};
}

// ALTER TABLE takes ACCESS EXCLUSIVE but for a few subcommands; the
// strongest subcommand decides, so any other one keeps the default.
StatementLock alter_table(const Words& words) {
    const bool foreign_key = has_pair(words, "FOREIGN", "KEY") || has(words, "REFERENCES");
    const bool validates = has_pair(words, "VALIDATE", "CONSTRAINT");
    const bool only_statistics = has_pair(words, "SET", "STATISTICS") && !has(words, "ADD") &&
                                 !has(words, "DROP") && !has(words, "TYPE");
    if (validates && !has(words, "ADD")) return ddl("ALTER TABLE", "SHARE UPDATE EXCLUSIVE");
    if (only_statistics) return ddl("ALTER TABLE", "SHARE UPDATE EXCLUSIVE");
    if (foreign_key && has_pair(words, "ADD", "CONSTRAINT") && !has(words, "COLUMN"))
        return ddl("ALTER TABLE", "SHARE ROW EXCLUSIVE");
    return ddl("ALTER TABLE", "ACCESS EXCLUSIVE");
}

StatementLock create(const Words& words) {
    const bool unique = words.size() > 1 && words[1] == "UNIQUE";
    const std::size_t object = unique ? 2 : 1;
    if (words.size() > object && words[object] == "INDEX") {
        if (words.size() > object + 1 && words[object + 1] == "CONCURRENTLY")
            return ddl("CREATE INDEX CONCURRENTLY", "SHARE UPDATE EXCLUSIVE");
        return ddl("CREATE INDEX", "SHARE");
    }
    if (starts(words, {"CREATE", "TABLE"}) || starts(words, {"CREATE", "TEMPORARY", "TABLE"})) {
        // A new table blocks no one, but a foreign key locks the table it names.
        return ddl("CREATE TABLE", has(words, "REFERENCES") ? "SHARE ROW EXCLUSIVE" : "");
    }
    if (starts(words, {"CREATE", "TRIGGER"})) return ddl("CREATE TRIGGER", "SHARE ROW EXCLUSIVE");
    if (starts(words, {"CREATE", "OR", "REPLACE"}) && words.size() > 3)
        return ddl("CREATE OR REPLACE " + words[3], "");
    return ddl(words.size() > object ? "CREATE " + words[object] : "CREATE", "");
}

StatementLock drop(const Words& words) {
    if (starts(words, {"DROP", "INDEX", "CONCURRENTLY"}))
        return ddl("DROP INDEX CONCURRENTLY", "SHARE UPDATE EXCLUSIVE");
    const std::string kind = words.size() > 1 ? "DROP " + words[1] : "DROP";
    const bool on_a_table = kind == "DROP TABLE" || kind == "DROP INDEX" ||
                            kind == "DROP TRIGGER" || kind == "DROP VIEW" ||
                            kind == "DROP MATERIALIZED";
    return ddl(kind, on_a_table ? "ACCESS EXCLUSIVE" : "");
}

// LOCK [TABLE] name [IN mode MODE]: the mode as written, ACCESS EXCLUSIVE by default.
StatementLock lock(const Words& words) {
    const auto in = std::find(words.begin(), words.end(), "IN");
    std::string mode;
    for (auto it = in == words.end() ? in : in + 1; it != words.end() && *it != "MODE"; ++it)
        mode += (mode.empty() ? "" : " ") + *it;
    if (in == words.end() || mode.empty()) mode = "ACCESS EXCLUSIVE";
    return {"LOCK", false, mode, conflicts_with_writes(mode)};
}

StatementLock select(const Words& words) {
    if (has_pair(words, "FOR", "UPDATE") || has_pair(words, "FOR", "SHARE") ||
        has_pair(words, "FOR", "NO"))
        return dml("SELECT", "ROW SHARE");
    return dml("SELECT", "ACCESS SHARE");
}

// Where the dollar-quoted body starting at `at` ($$ or $tag$) ends, or `at`.
std::size_t past_dollar_quoted(const std::string& sql, std::size_t at) {
    std::size_t end = at + 1;
    while (end < sql.size() && word_char(sql[end]) &&
           !std::isdigit(static_cast<unsigned char>(sql[at + 1])))
        ++end;
    if (end >= sql.size() || sql[end] != '$') return at;
    const std::string tag = sql.substr(at, end - at + 1);
    const std::size_t close = sql.find(tag, end + 1);
    return close == std::string::npos ? sql.size() : close + tag.size();
}

// One query string may hold several statements (Sequelize sends an enum's
// DO block and the ALTER TABLE that uses it together).
std::vector<std::string> statements_of(const std::string& sql) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '"' || c == '\'')
            i = past_quoted(sql, i);
        else if (sql.compare(i, 2, "--") == 0 || sql.compare(i, 2, "/*") == 0)
            i = past_comment(sql, i);
        else if (c == '$' && past_dollar_quoted(sql, i) > i)
            i = past_dollar_quoted(sql, i);
        else if (c == ';') {
            parts.push_back(sql.substr(start, i - start));
            start = ++i;
        } else {
            ++i;
        }
    }
    parts.push_back(sql.substr(start));
    return parts;
}

// PostgreSQL's table lock modes, weakest first ("" for none).
int strength(const std::string& lock) {
    static const char* const modes[] = {
        "",      "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
        "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};
    const auto found = std::find(std::begin(modes), std::end(modes), lock);
    return static_cast<int>(found - std::begin(modes));
}

StatementLock single_statement_lock(const std::string& sql) {
    const Words words = words_of(sql);
    if (words.empty()) return {};
    const std::string& verb = words.front();
    if (verb == "CREATE") return create(words);
    if (verb == "DROP") return drop(words);
    if (starts(words, {"ALTER", "TABLE"})) return alter_table(words);
    if (verb == "ALTER" && words.size() > 1) return ddl("ALTER " + words[1], "");
    if (verb == "TRUNCATE") return ddl("TRUNCATE", "ACCESS EXCLUSIVE");
    if (verb == "COMMENT") return ddl("COMMENT", "SHARE UPDATE EXCLUSIVE");
    if (verb == "REINDEX") return ddl("REINDEX", "SHARE");
    if (verb == "LOCK") return lock(words);
    if (verb == "SELECT" || verb == "WITH") return select(words);
    if (verb == "INSERT" || verb == "UPDATE" || verb == "DELETE" || verb == "MERGE")
        return dml(verb, "ROW EXCLUSIVE");
    if (verb == "DO") return {"DO", true, "", false};  // any code: read its body
    return {verb, false, "", false};
}

}  // namespace

// Several statements in one string: the strongest lock speaks for them all.
StatementLock statement_lock(const std::string& sql) {
    StatementLock strongest;
    bool any_ddl = false;
    for (const std::string& part : statements_of(sql)) {
        StatementLock lock = single_statement_lock(part);
        if (lock.kind.empty()) continue;
        any_ddl = any_ddl || lock.ddl;
        if (strongest.kind.empty() || strength(lock.lock) > strength(strongest.lock))
            strongest = std::move(lock);
    }
    strongest.ddl = any_ddl;
    return strongest;
}

}  // namespace migmerge::core
