// Folder rules about single names: what sequelize-cli makes of them.
#include <map>
#include <set>
#include <utility>

#include "analysis_rules.hpp"
#include "migmerge/core/utf8.hpp"

namespace migmerge::core::rules {
namespace {

// Characters that work in SequelizeMeta but break shell commands and URLs.
bool is_awkward(unsigned char c) {
    return c <= 0x20 || c == 0x7f || c >= 0x80 || c == '\'' || c == '"' || c == '`' || c == '\\';
}

bool has_awkward_character(const std::string& text) {
    for (char c : text) {
        if (is_awkward(static_cast<unsigned char>(c))) return true;
    }
    return false;
}

// The reasons a name is an error, in words; empty when it is none. Each is
// something sequelize-cli itself fails on.
std::vector<std::string> name_errors(const MigrationName& name) {
    std::vector<std::string> problems;
    if (!is_valid_utf8(name.file)) {
        problems.push_back(escape_invalid_utf8(name.file) +
                           " is not valid UTF-8: node reads file names as UTF-8, so "
                           "sequelize-cli cannot load it (Cannot find module), and "
                           "SequelizeMeta's name column cannot store it");
    }
    if (name.file.size() > max_name_bytes) {
        problems.push_back(name.file.substr(0, 40) + "... is " + std::to_string(name.file.size()) +
                           " bytes long: inserting it into SequelizeMeta's VARCHAR(255) name "
                           "column fails after the migration has run");
    }
    return problems;
}

std::string join_sentences(const std::vector<std::string>& sentences) {
    std::string text;
    for (const std::string& sentence : sentences) text += (text.empty() ? "" : "; ") + sentence;
    return text;
}

Finding invalid_name_error(const MigrationName& name, const std::vector<std::string>& problems) {
    return make_finding(
        FindingCode::invalid_name, Severity::error, {name.file},
        {join_sentences(problems), !is_valid_utf8(name.file)
                                       ? "rename it using letters, digits, '-', '_' and '.'"
                                       : "shorten its description so the name fits in 255 bytes"});
}

// sequelize-cli runs it, in byte order like any other: a warning. A merge
// that brings a new one makes it an error (analysis.cpp).
Finding untimestamped_warning(const MigrationName& name) {
    return make_finding(
        FindingCode::invalid_name, Severity::warning, {name.file},
        {name.file + " runs as a migration (sequelize-cli runs every .js, .cjs, .ts and .cts "
                     "file in the folder, in byte order of names) but its name carries no "
                     "date, so nothing says where it belongs among the others",
         "give it a dated name in the folder's scheme (YYYYMMDDHHMMSS-description) or move "
         "it out of the migrations folder"});
}

Finding invalid_name_warning(const MigrationName& name) {
    return make_finding(
        FindingCode::invalid_name, Severity::warning, {name.file},
        {"the description of " + name.file +
             " contains whitespace, quotes, backslashes, control characters or "
             "non-ASCII bytes: it works, but breaks shell commands and URLs",
         "before it is deployed, rename it using letters, digits, '-', '_' and '.'"});
}

}  // namespace

std::vector<Finding> invalid_names(const std::vector<MigrationName>& names) {
    std::vector<Finding> findings;
    for (const MigrationName& name : names) {
        if (name.kind != NameKind::migration && name.kind != NameKind::untimestamped) continue;
        std::vector<std::string> problems = name_errors(name);
        if (!problems.empty()) {
            findings.push_back(invalid_name_error(name, problems));
        } else if (name.kind == NameKind::untimestamped) {
            findings.push_back(untimestamped_warning(name));
        } else if (has_awkward_character(name.description)) {
            findings.push_back(invalid_name_warning(name));
        }
    }
    return findings;
}

// What a TypeScript build writes beside each compiled migration (X.d.ts with
// tsc --declaration, X.js.map with --sourceMap): sequelize-cli skips it, and
// so do we while X.js is there. A lone X.d.ts is still a mistake.
bool is_build_output(const MigrationName& name, const std::set<std::string>& files) {
    const std::string& file = name.file;
    auto beside = [&](std::size_t suffix, const char* extension) {
        return files.count(file.substr(0, file.size() - suffix) + extension) != 0;
    };
    if (name.extension == ".d.ts") return beside(5, ".js") || beside(5, ".cjs");
    if (name.extension == ".map") return files.count(file.substr(0, file.size() - 4)) != 0;
    return false;
}

// A Sequelize 7 up.sql/down.sql folder: sequelize-cli 6 skips it, and
// `migrate` does not run SQL-folder migrations (yet): said, not skipped.
Finding sql_folder_finding(const MigrationName& name) {
    return make_finding(
        FindingCode::not_a_migration, Severity::error, {name.file},
        {name.file + " is a Sequelize 7 SQL migration (up.sql and down.sql): sequelize-cli 6 "
                     "skips folders, and migmerge does not run SQL-folder migrations yet, so "
                     "no database migrated by either gets this change",
         "write it as a .js, .cjs, .ts or .cts migration (up and down running the same SQL), "
         "or run it with Sequelize 7's own migrator"});
}

std::vector<Finding> non_migrations(const std::vector<MigrationName>& names) {
    std::set<std::string> files;
    for (const MigrationName& name : names) files.insert(name.file);
    std::vector<Finding> findings;
    for (const MigrationName& name : names) {
        if (name.kind == NameKind::sql_folder) {
            findings.push_back(sql_folder_finding(name));
            continue;
        }
        if (name.kind != NameKind::not_run || is_build_output(name, files)) continue;
        Finding finding = make_finding(FindingCode::not_a_migration, Severity::error, {name.file});
        finding.message = name.file +
                          " is named like a migration, but sequelize-cli never runs it: only "
                          ".js, .cjs, .ts and .cts files run (never .d.ts), so no database gets "
                          "this change";
        finding.advice =
            "give it a .js, .cjs, .ts or .cts extension, or move it out of the migrations folder";
        findings.push_back(finding);
    }
    return findings;
}

std::vector<Finding> duplicate_descriptions(const std::vector<MigrationName>& names) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_description;
    for (const MigrationName& name : names) {
        if (name.kind == NameKind::migration) {
            by_description[{name.description, name.extension}].push_back(name.file);
        }
    }
    std::vector<Finding> findings;
    for (const auto& [key, files] : by_description) {
        if (files.size() < 2) continue;
        Finding finding =
            make_finding(FindingCode::duplicate_description, Severity::warning, files);
        finding.message = list_names(files) +
                          " have the same description under different timestamps, added on "
                          "the two sides of this merge: if both are the same change, it "
                          "would run twice";
        finding.advice = "keep one of them, unless they really are different changes";
        findings.push_back(finding);
    }
    return findings;
}

}  // namespace migmerge::core::rules
