#include "migmerge/core/migration_name.hpp"

namespace migmerge::core {
namespace {

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

NameKind kind_of(std::string_view basename, bool dated, bool has_description) {
    if (ends_with(basename, sql_folder_suffix)) return NameKind::sql_folder;
    if (sequelize_would_run(basename)) {
        return dated && has_description ? NameKind::migration : NameKind::untimestamped;
    }
    return dated ? NameKind::not_run : NameKind::ignored;
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
    std::optional<DatedPrefix> prefix = read_dated_prefix(basename);
    std::string_view rest = prefix ? basename.substr(prefix->length + 1) : basename;
    std::string_view extension = ends_with(basename, sql_folder_suffix)
                                     ? sql_folder_suffix
                                     : extension_of(rest, prefix.has_value());
    name.extension = std::string(extension);
    if (prefix) {
        name.description = std::string(rest.substr(0, rest.size() - extension.size()));
    }
    name.kind = kind_of(basename, prefix.has_value(), !name.description.empty());
    if (prefix && name.kind != NameKind::untimestamped) {
        name.dated = prefix;
        name.timestamp = Timestamp::from_seconds_since_epoch(prefix->start_ms / 1000);
    }
    return name;
}

std::string MigrationName::with_timestamp(const Timestamp& ts) const {
    return with_prefix(ts.format());
}

std::string MigrationName::with_prefix(const std::string& prefix) const {
    return prefix + "-" + description + extension;
}

std::ostream& operator<<(std::ostream& out, const NameKind& kind) {
    switch (kind) {
        case NameKind::migration:
            return out << "migration";
        case NameKind::untimestamped:
            return out << "untimestamped";
        case NameKind::not_run:
            return out << "not_run";
        case NameKind::sql_folder:
            return out << "sql_folder";
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
