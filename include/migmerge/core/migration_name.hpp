#pragma once
// What a file name in the migrations folder means to sequelize-cli and to us.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "migmerge/core/naming_scheme.hpp"
#include "migmerge/core/timestamp.hpp"

namespace migmerge::core {

// sequelize-cli's own filter: ^(?!.*\.d\.ts$).*\.(cjs|js|cts|ts)$ on the basename.
bool sequelize_would_run(std::string_view basename);

// SequelizeMeta's "name" column is VARCHAR(255).
inline constexpr std::size_t max_name_bytes = 255;

// A Sequelize 7 SQL migration, a folder holding up.sql and down.sql, is
// listed under the folder's name and this suffix ("2026-04-05t10-00-00-x/").
inline constexpr std::string_view sql_folder_suffix = "/";

enum class NameKind {
    migration,      // sequelize runs it and it has a dated prefix (naming_scheme.hpp)
    untimestamped,  // sequelize runs it but it has no dated prefix (helpers.js)
    not_run,        // dated, but sequelize-cli never runs it (.sql, .mjs, .d.ts)
    sql_folder,     // a Sequelize 7 up.sql/down.sql folder: sequelize-cli never runs it
    ignored,        // anything else (README.md, the ledger, .gitattributes)
};

struct MigrationName {
    std::string file;  // the basename, exactly as stored in SequelizeMeta
    NameKind kind = NameKind::ignored;
    // Set for migration, not_run and dated sql_folder: the prefix's scheme and time.
    std::optional<DatedPrefix> dated;
    std::optional<Timestamp> timestamp;  // the second dated starts in, when dated
    std::string description;             // between the prefix's dash and the extension
    std::string extension;               // with the dot: ".js", ".d.ts", ".sql"; "/" for a folder

    static MigrationName parse(std::string_view basename);
    // The same description and extension under another timestamp (YYYYMMDDHHMMSS).
    std::string with_timestamp(const Timestamp& ts) const;
    // The same description and extension under another prefix (format_prefix).
    std::string with_prefix(const std::string& prefix) const;
    // The dated prefix as written: "20260108120000", "1609339480378", ...
    std::string prefix() const { return dated ? file.substr(0, dated->length) : std::string(); }

    friend bool operator==(const MigrationName& a, const MigrationName& b) {
        return a.file == b.file && a.kind == b.kind && a.timestamp == b.timestamp &&
               a.description == b.description && a.extension == b.extension;
    }
};

std::ostream& operator<<(std::ostream& out, const NameKind& kind);
std::ostream& operator<<(std::ostream& out, const MigrationName& name);

}  // namespace migmerge::core
