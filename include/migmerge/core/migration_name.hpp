#pragma once
// What a file name in the migrations folder means to sequelize-cli and to us.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "migmerge/core/timestamp.hpp"

namespace migmerge::core {

// sequelize-cli's own filter: ^(?!.*\.d\.ts$).*\.(cjs|js|cts|ts)$ on the basename.
bool sequelize_would_run(std::string_view basename);

// SequelizeMeta's "name" column is VARCHAR(255).
inline constexpr std::size_t max_name_bytes = 255;

enum class NameKind {
    migration,      // sequelize runs it and it has a valid timestamp prefix
    untimestamped,  // sequelize runs it but it has no valid timestamp (helpers.js)
    not_run,        // timestamped, but sequelize never runs it (.sql, .mjs, .d.ts)
    ignored,        // anything else (README.md, the ledger, .gitattributes)
};

struct MigrationName {
    std::string file;  // the basename, exactly as stored in SequelizeMeta
    NameKind kind = NameKind::ignored;
    std::optional<Timestamp> timestamp;  // set for migration and not_run
    std::string description;             // between "YYYYMMDDHHMMSS-" and the extension
    std::string extension;               // with the dot: ".js", ".d.ts", ".sql"

    static MigrationName parse(std::string_view basename);
    // The same description and extension under another timestamp.
    std::string with_timestamp(const Timestamp& ts) const;

    friend bool operator==(const MigrationName& a, const MigrationName& b) {
        return a.file == b.file && a.kind == b.kind && a.timestamp == b.timestamp &&
               a.description == b.description && a.extension == b.extension;
    }
};

std::ostream& operator<<(std::ostream& out, const NameKind& kind);
std::ostream& operator<<(std::ostream& out, const MigrationName& name);

}  // namespace migmerge::core
