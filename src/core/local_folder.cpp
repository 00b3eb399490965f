#include "migmerge/core/local_folder.hpp"

#include <algorithm>

namespace migmerge::core {

const LocalMigration* LocalFolder::find(const std::string& name) const {
    auto it = std::find_if(migrations.begin(), migrations.end(),
                           [&](const LocalMigration& m) { return m.name == name; });
    return it == migrations.end() ? nullptr : &*it;
}

core::MigrationSet to_migration_set(const LocalFolder& folder) {
    core::MigrationSet set;
    set.files = folder.other_checksums;
    for (const LocalMigration& m : folder.migrations) set.files[m.name] = m.checksum;
    set.ledger_text = folder.ledger_text;
    set.accepted_text = folder.accepted_text;
    set.dangling_links = folder.dangling_links;
    return set;
}

std::map<std::string, std::string> migration_checksums(const LocalFolder& folder) {
    std::map<std::string, std::string> checksums;
    for (const LocalMigration& m : folder.migrations) checksums[m.name] = m.checksum;
    return checksums;
}

std::ostream& operator<<(std::ostream& out, const LocalMigration& migration) {
    return out << migration.name << " (" << migration.path << ", sha256 " << migration.checksum
               << ")";
}

}  // namespace migmerge::core
