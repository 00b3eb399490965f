#include "migmerge/core/migration_name.hpp"

namespace migmerge::core {
namespace {

constexpr std::size_t timestamp_digits = 14;
constexpr std::string_view declaration_suffix = ".d.ts";

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The extension of `rest` (the name after any timestamp prefix): ".d.ts" as a
// whole, else from the last dot. A whole name's leading dot (".gitattributes")
// starts no extension; after a prefix it does ("20260101000000-.js").
std::string_view extension_of(std::string_view rest, bool after_prefix) {
    if (ends_with(rest, declaration_suffix)) {
        return rest.substr(rest.size() - declaration_suffix.size());
    }
    std::size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos || (dot == 0 && !after_prefix)) return {};
    return rest.substr(dot);
}

// "YYYYMMDDHHMMSS-" naming a real second, or nullopt.
std::optional<Timestamp> timestamp_prefix(std::string_view basename) {
    if (basename.size() <= timestamp_digits || basename[timestamp_digits] != '-') {
        return std::nullopt;
    }
    return Timestamp::parse(basename.substr(0, timestamp_digits));
}

}  // namespace

bool sequelize_would_run(std::string_view basename) {
    if (ends_with(basename, declaration_suffix)) return false;
    for (std::string_view extension : {".cjs", ".js", ".cts", ".ts"}) {
        if (ends_with(basename, extension)) return true;
    }
    return false;
}

MigrationName MigrationName::parse(std::string_view basename) {
    MigrationName name;
    name.file = std::string(basename);
    std::optional<Timestamp> prefix = timestamp_prefix(basename);
    std::string_view rest = prefix ? basename.substr(timestamp_digits + 1) : basename;
    std::string_view extension = extension_of(rest, prefix.has_value());
    name.extension = std::string(extension);
    if (prefix) {
        name.description = std::string(rest.substr(0, rest.size() - extension.size()));
    }
    bool runs = sequelize_would_run(basename);
    if (runs) {
        name.kind =
            prefix && !name.description.empty() ? NameKind::migration : NameKind::untimestamped;
    } else {
        name.kind = prefix ? NameKind::not_run : NameKind::ignored;
    }
    if (name.kind == NameKind::migration || name.kind == NameKind::not_run) {
        name.timestamp = prefix;
    }
    return name;
}

std::string MigrationName::with_timestamp(const Timestamp& ts) const {
    return ts.format() + "-" + description + extension;
}

std::ostream& operator<<(std::ostream& out, const NameKind& kind) {
    switch (kind) {
        case NameKind::migration:
            return out << "migration";
        case NameKind::untimestamped:
            return out << "untimestamped";
        case NameKind::not_run:
            return out << "not_run";
        case NameKind::ignored:
            return out << "ignored";
    }
    return out << "unknown";
}

std::ostream& operator<<(std::ostream& out, const MigrationName& name) {
    out << "MigrationName{" << name.file << ", " << name.kind;
    if (name.timestamp) out << ", " << *name.timestamp;
    return out << ", description '" << name.description << "', extension '" << name.extension
               << "'}";
}

}  // namespace migmerge::core
