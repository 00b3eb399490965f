#include "migmerge/core/migration_set.hpp"

#include "migmerge/core/accepted.hpp"

namespace migmerge::core {

MigrationSet MigrationSet::absent() {
    MigrationSet set;
    set.folder_exists = false;
    return set;
}

std::string* MigrationSet::text_slot(const std::string& name) {
    if (name == ledger_file_name) return &ledger_text;
    if (name == accepted_file_name) return &accepted_text;
    return nullptr;
}

std::optional<std::string> MigrationSet::content_of(const std::string& name) const {
    auto found = files.find(name);
    if (found == files.end()) return std::nullopt;
    return found->second;
}

std::ostream& operator<<(std::ostream& out, const MigrationSet& set) {
    out << "MigrationSet{";
    if (!set.folder_exists) out << "no folder, ";
    const char* separator = "";
    for (const auto& [name, content] : set.files) {
        out << separator << name << "=" << content.substr(0, 7);
        separator = ", ";
    }
    if (!set.ledger_text.empty()) {
        out << separator << "ledger " << set.ledger_text.size() << " B";
        separator = ", ";
    }
    if (!set.accepted_text.empty()) {
        out << separator << "accepted " << set.accepted_text.size() << " B";
        separator = ", ";
    }
    for (const auto& [name, target] : set.dangling_links) {
        out << separator << name << " -> " << target << " (dangling)";
        separator = ", ";
    }
    return out << "}";
}

}  // namespace migmerge::core
